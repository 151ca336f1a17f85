#pragma once

#include "domain/Appointment.h"
#include "domain/Staff.h"
#include "scheduling/Conflicts.h"
#include "ui/BookingCheck.h"
#include "ui/TimeField.h"

#include <QDialog>
#include <QTimeZone>

#include <functional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;

namespace mss::ui {

// How long before the start a reminder goes, as the dialog writes it:
// "30 minutes before", "2 hours before", "1 day before", "1 week before".
QString reminderLeadText(double hours);

// The first free start for a provider and length after an instant, or
// nullopt when there is none in the range the finder searches
// (scheduling::openSlots over the cache fits).
using SlotFinder = std::function<std::optional<QDateTime>(const domain::ObjectId& provider,
                                                          int minutes, const QDateTime& after)>;

// "+ New client": makes a client from what was typed in the client search
// (asking for the rest), or picks an existing one instead; nullopt when
// the user gave up.
using ClientCreator = std::function<std::optional<domain::Client>(const QString& typed)>;

// Books a new appointment or edits one. The checker runs on every change
// of a field, so a conflict shows (naming what it collides with) before
// anyone presses Book; OK stays disabled while there is a conflict, a
// missing client or provider. accept() leaves the result in appointment().
class AppointmentDialog : public QDialog {
    Q_OBJECT

public:
    explicit AppointmentDialog(QWidget* parent = nullptr);
    ~AppointmentDialog() override;

    void setClients(const QList<domain::Client>& clients);
    void setProviders(const QList<domain::Staff>& providers);
    void setTimeZone(const QTimeZone& zone);
    void setChecker(BookingChecker checker);
    // How a conflict is named; CalendarModel::describeConflict fits.
    void setConflictDescriber(ConflictDescriber describer);
    // Enables "Next open slot", which moves the time to the finder's answer.
    void setSlotFinder(SlotFinder finder);
    // Offers "+ New client" when the client search finds no one.
    void setClientCreator(ClientCreator creator);
    // Strict mode: booking outside availability is refused, not warned.
    void setStrictAvailability(bool strict);

    // A new booking in this slot (provider may be null: the user picks).
    void prepareNew(const domain::ObjectId& provider, const QDateTime& start, const QDateTime& end);
    // Edits an existing appointment; fields the dialog does not show
    // (status, confirmation, series...) are kept as they are.
    void setAppointment(const domain::Appointment& appointment);
    // The appointment as the fields now describe it.
    domain::Appointment appointment() const;
    bool isNew() const { return m_base.id().isNull(); }
    // Offers "Repeat…" on a new booking; when it was pressed the dialog is
    // accepted with repeatChosen() true and the caller makes the series.
    void setRepeatable(bool repeatable);
    bool repeatChosen() const { return m_repeatChosen; }

    BookingCheck lastCheck() const { return m_lastCheck; }
    bool canAccept() const;

    // The fields, for tests and for focus handling by the caller.
    QLineEdit* clientField() const { return m_client; }
    QComboBox* providerField() const { return m_provider; }
    QComboBox* typeField() const { return m_type; }
    QDateEdit* dateField() const { return m_date; }
    TimeField* timeField() const { return m_time; }
    QSpinBox* durationField() const { return m_duration; }
    QComboBox* locationField() const { return m_location; }
    QLineEdit* meetingLinkField() const { return m_link; }
    QLineEdit* meetingPasswordField() const { return m_password; }
    QPlainTextEdit* notesField() const { return m_notes; }
    QCheckBox* emailReminderField() const { return m_emailOn; }
    // How long before: the hours as each item's data (Qt::UserRole).
    QComboBox* emailHoursField() const { return m_emailHours; }
    QCheckBox* smsReminderField() const { return m_smsOn; }
    QComboBox* smsHoursField() const { return m_smsHours; }
    QCompleter* clientCompleter() const { return m_completer; }
    QLabel* conflictLabel() const { return m_conflictText; }
    QLabel* availabilityLabel() const { return m_availabilityText; }
    // Names a typed time that is not one ("'25:99' is not a time").
    QLabel* timeProblemLabel() const { return m_timeProblem; }
    QPushButton* okButton() const { return m_ok; }
    QPushButton* nextSlotButton() const { return m_nextSlot; }
    QPushButton* repeatButton() const { return m_repeat; }
    QPushButton* newClientButton() const { return m_newClient; }

    // Whether the meeting link and password rows are shown.
    bool meetingFieldsVisible() const;

public slots:
    // Runs the checker on the fields as they are and updates the warnings.
    void recheck();
    // Moves the start to the provider's next open slot after the current one.
    void findNextSlot();

private:
    // A notice hidden: the dialog takes back the room it needed.
    void fitHeight();
    int noticesShown() const;
    static void setReminderLead(QComboBox* box, double hours);
    void chooseClient(const QString& label);
    void addClient();
    void typeChosen();
    void locationChosen();
    void loadFields(const domain::Appointment& a);
    QString clientLabel(const domain::Client& c, bool disambiguate) const;

    QTimeZone m_zone = QTimeZone::utc();
    domain::Appointment m_base;
    QList<domain::Client> m_clients;
    QHash<QString, domain::ObjectId> m_clientByLabel;
    domain::ObjectId m_clientId;
    QString m_clientFallbackLabel; // a client not in the list (editing)
    BookingChecker m_checker;
    SlotFinder m_slotFinder;
    ConflictDescriber m_describer;
    ClientCreator m_clientCreator;
    BookingCheck m_lastCheck;
    bool m_strict = false;
    bool m_loading = false;
    bool m_durationEdited = false;
    bool m_repeatable = false;
    bool m_repeatChosen = false;
    int m_noticesShown = 0;

    QFormLayout* m_form;
    QLineEdit* m_client;
    QCompleter* m_completer;
    QStringListModel* m_clientNames;
    QLabel* m_clientHint;
    QComboBox* m_provider;
    QComboBox* m_type;
    QDateEdit* m_date;
    TimeField* m_time;
    QLabel* m_timeProblem;
    QSpinBox* m_duration;
    QLabel* m_endText;
    QComboBox* m_location;
    QLineEdit* m_link;
    QLineEdit* m_password;
    QPlainTextEdit* m_notes;
    QCheckBox* m_emailOn;
    QComboBox* m_emailHours;
    QCheckBox* m_smsOn;
    QComboBox* m_smsHours;
    QLabel* m_conflictText;
    QLabel* m_availabilityText;
    QPushButton* m_ok;
    QPushButton* m_nextSlot;
    QPushButton* m_repeat;
    QPushButton* m_newClient;
};

} // namespace mss::ui
