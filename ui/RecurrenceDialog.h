#pragma once

#include "domain/Appointment.h"
#include "domain/RecurringAppointment.h"
#include "recurrence/SeriesExpansion.h"
#include "ui/AppointmentDialog.h"

#include <QDialog>
#include <QTimeZone>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace mss::ui {

// Makes an appointment repeat: weekly, every two weeks, monthly on a day
// of the month or on a weekday of a week of the month, or a custom RFC 5545
// rule; ending after N occurrences or on a date. The preview lists every
// date the recurrence engine gives, in the practice's zone, with the ones
// that collide with existing appointments flagged (by the same checker the
// booking dialog uses), and by default skips those dates as exceptions of
// the series, so the rest can be booked.
class RecurrenceDialog : public QDialog {
    Q_OBJECT

public:
    enum class Pattern : int { Weekly = 0, Biweekly, MonthlyByDay, MonthlyByWeekday, Custom };
    Q_ENUM(Pattern)

    explicit RecurrenceDialog(QWidget* parent = nullptr);
    ~RecurrenceDialog() override;

    void setTimeZone(const QTimeZone& zone);
    void setChecker(BookingChecker checker);
    void setConflictDescriber(ConflictDescriber describer);
    // The first appointment of the series: client, provider, type, length,
    // location and the start the pattern is seeded from.
    void setSeed(const domain::Appointment& first);

    // The series as the fields describe it, with the conflicting dates as
    // exceptions when "skip" is ticked.
    domain::RecurringAppointment series() const;
    // The preview: the occurrences and which of them conflict.
    const QList<recurrence::Occurrence>& occurrences() const { return m_occurrences; }
    QList<int> conflictingRows() const { return m_conflicting; }

    QComboBox* patternField() const { return m_pattern; }
    QComboBox* weekdayField() const { return m_weekday; }
    QSpinBox* dayOfMonthField() const { return m_dayOfMonth; }
    QComboBox* weekOfMonthField() const { return m_weekOfMonth; }
    QLineEdit* ruleField() const { return m_rule; }
    QDateEdit* startDateField() const { return m_startDate; }
    QTimeEdit* timeField() const { return m_time; }
    QRadioButton* endAfterField() const { return m_endAfter; }
    QSpinBox* countField() const { return m_count; }
    QRadioButton* endOnField() const { return m_endOn; }
    QDateEdit* endDateField() const { return m_endDate; }
    QCheckBox* skipConflictsField() const { return m_skipConflicts; }
    QListWidget* preview() const { return m_preview; }
    QLabel* summary() const { return m_summary; }
    QPushButton* okButton() const { return m_ok; }

public slots:
    void refresh();

private:
    void patternChosen();

    QTimeZone m_zone = QTimeZone::utc();
    domain::Appointment m_seed;
    BookingChecker m_checker;
    ConflictDescriber m_describer;
    QList<recurrence::Occurrence> m_occurrences;
    QList<int> m_conflicting;
    bool m_loading = false;

    QComboBox* m_pattern;
    QComboBox* m_weekday;
    QSpinBox* m_dayOfMonth;
    QComboBox* m_weekOfMonth;
    QLineEdit* m_rule;
    QDateEdit* m_startDate;
    QTimeEdit* m_time;
    QRadioButton* m_endAfter;
    QSpinBox* m_count;
    QRadioButton* m_endOn;
    QDateEdit* m_endDate;
    QCheckBox* m_skipConflicts;
    QListWidget* m_preview;
    QLabel* m_summary;
    QLabel* m_seedText;
    QPushButton* m_ok;
    QFormLayout* m_form;
};

} // namespace mss::ui
