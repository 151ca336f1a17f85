#pragma once

#include "base/Clock.h"
#include "domain/ProviderAvailability.h"

#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimeEdit;
class QToolButton;

namespace mss::ui {

class WeeklyHoursGrid;

// An appointment already booked in time off just added, as the editor
// names it.
struct BookedInTimeOff {
    domain::ObjectId id;
    QDateTime start; // UTC
    QString title;   // the client's name, or "Busy" for one the user may not see
};

// Edits one provider's availability: the regular week on a grid (drag to
// add open hours or a recurring unavailable block, at the chosen location
// and from the chosen effective date), and one-off exceptions (time off,
// extra hours) in a list. Every edit is emitted at once as the provider's
// whole record list, so the application saves it and the calendars shade
// the new hours straight away. New records carry a null id: the
// application gives them one when it saves them.
class AvailabilityEditor : public QWidget {
    Q_OBJECT

public:
    // The clock gives the date new blocks and exceptions start from.
    explicit AvailabilityEditor(const Clock& clock, QWidget* parent = nullptr);

    // The practice's zone, in which the records' dates are read
    // (base/CalendarDate.h). Set it before the records.
    void setTimeZone(const QTimeZone& zone);
    void setProvider(const domain::ObjectId& provider, const QString& name);
    void setRecords(const QList<domain::ProviderAvailability>& records);
    const QList<domain::ProviderAvailability>& records() const { return m_records; }

    WeeklyHoursGrid* grid() const { return m_grid; }
    QComboBox* kindField() const { return m_kind; }
    QComboBox* locationField() const { return m_location; }
    QDateEdit* effectiveFromField() const { return m_effectiveFrom; }
    QCheckBox* untilEnabledField() const { return m_untilEnabled; }
    QDateEdit* effectiveUntilField() const { return m_effectiveUntil; }
    QDateEdit* exceptionFromField() const { return m_exceptionFrom; }
    QDateEdit* exceptionToField() const { return m_exceptionTo; }
    QCheckBox* allDayField() const { return m_allDay; }
    QTimeEdit* exceptionStartField() const { return m_exceptionStart; }
    QTimeEdit* exceptionEndField() const { return m_exceptionEnd; }
    QComboBox* exceptionKindField() const { return m_exceptionKind; }
    QLineEdit* exceptionNoteField() const { return m_exceptionNote; }
    QPushButton* addExceptionButton() const { return m_addException; }
    QPushButton* removeExceptionButton() const { return m_removeException; }
    QListWidget* exceptionList() const { return m_exceptions; }

    // Names the appointments booked in the time off just added ("3
    // appointments are booked in this time off: Mon 9:00 Ada Lovelace, …")
    // and offers to open them: the button opens the first, its menu each
    // one. An empty list hides the warning.
    void showBookedInTimeOff(const QList<BookedInTimeOff>& booked);
    QLabel* bookedWarning() const { return m_bookedWarning; }
    QToolButton* openBookedButton() const { return m_openBooked; }

signals:
    void recordsChanged(const mss::domain::ObjectId& provider,
                        const QList<mss::domain::ProviderAvailability>& records);
    // Time off was added (after recordsChanged): the application answers
    // with showBookedInTimeOff.
    void timeOffAdded(const mss::domain::ProviderAvailability& timeOff);
    // The user asked to open an appointment booked in the time off.
    void openAppointmentRequested(const mss::domain::ObjectId& id);

private:
    void addWeeklyBlock(domain::DayOfWeek day, int startMinute, int endMinute);
    void removeWeeklyBlock(int gridIndex);
    void addException();
    void removeException();
    void refreshViews();
    void changed();

    domain::ObjectId m_provider;
    QTimeZone m_zone = QTimeZone::utc();
    QList<domain::ProviderAvailability> m_records;
    QList<int> m_weeklyRows;    // grid index -> m_records index
    QList<int> m_exceptionRows; // list row -> m_records index

    QLabel* m_title;
    QComboBox* m_kind;
    QComboBox* m_location;
    QDateEdit* m_effectiveFrom;
    QCheckBox* m_untilEnabled;
    QDateEdit* m_effectiveUntil;
    WeeklyHoursGrid* m_grid;
    QListWidget* m_exceptions;
    QDateEdit* m_exceptionFrom;
    QDateEdit* m_exceptionTo;
    QCheckBox* m_allDay;
    QTimeEdit* m_exceptionStart;
    QTimeEdit* m_exceptionEnd;
    QComboBox* m_exceptionKind;
    QLineEdit* m_exceptionNote;
    QPushButton* m_addException;
    QPushButton* m_removeException;
    QLabel* m_bookedWarning;
    QToolButton* m_openBooked;
};

} // namespace mss::ui
