// The booking dialog: client search as you type, the type's usual length,
// meeting fields only for Virtual, reminders, and the booking rules
// checked on every change, naming the collision before OK.
#include "DemoPractice.h"
#include "scheduling/OpenSlots.h"
#include "ui/AppointmentDialog.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>

using namespace mss;
using namespace mss::domain;
using namespace mss::test;
using namespace mss::ui;
using namespace Qt::StringLiterals;

class TestAppointmentDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void usualDurationsLiveInOnePlace_data();
    void usualDurationsLiveInOnePlace();
    void choosingATypeSetsItsUsualDuration();
    void aDraggedLengthIsKept();
    void clientSearchMatchesAnyPartOfTheName();
    void sameNamedClientsAreToldApart();
    void meetingFieldsOnlyForVirtual();
    void conflictsAreNamedAndBlockBooking();
    void outsideAvailabilityWarnsButAllowsUnlessStrict();
    void nextOpenSlotWalksToFreeTime();
    void okReturnsTheAppointmentAsTyped();
    void editingKeepsWhatTheDialogDoesNotShow();

private:
    BookingCheck check(const Appointment& a);

    std::unique_ptr<CalendarModel> m_model;
    std::unique_ptr<AppointmentDialog> m_dialog;
    QList<Appointment> m_checked;
};

void TestAppointmentDialog::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

BookingCheck TestAppointmentDialog::check(const Appointment& a) {
    m_checked << a;
    BookingCheck out;
    out.conflicts = scheduling::findConflicts(a, m_model->appointments());
    QList<ProviderAvailability> records;
    for (int p = 1; p <= 4; ++p)
        if (a.provider.id == id(p))
            records = demo::availability(p);
    out.outsideAvailability = !scheduling::isWithinAvailability(a, records, demo::zone());
    return out;
}

void TestAppointmentDialog::init() {
    m_model = std::make_unique<CalendarModel>();
    demo::fill(*m_model);
    m_checked.clear();
    m_dialog = std::make_unique<AppointmentDialog>();
    m_dialog->setTimeZone(demo::zone());
    m_dialog->setProviders(demo::providers());
    m_dialog->setClients(demo::clients());
    m_dialog->setChecker([this](const Appointment& a) { return check(a); });
    m_dialog->setConflictDescriber(
        [this](const scheduling::Conflict& c) { return m_model->describeConflict(c); });
}

void TestAppointmentDialog::cleanup() {
    m_dialog.reset();
}

void TestAppointmentDialog::usualDurationsLiveInOnePlace_data() {
    QTest::addColumn<AppointmentType>("type");
    QTest::addColumn<int>("minutes");
    QTest::newRow("initial") << AppointmentType::InitialAssessment << 60;
    QTest::newRow("individual") << AppointmentType::IndividualTherapy << 50;
    QTest::newRow("group") << AppointmentType::GroupTherapy << 90;
    QTest::newRow("couples") << AppointmentType::CouplesTherapy << 60;
    QTest::newRow("family") << AppointmentType::FamilyTherapy << 60;
    QTest::newRow("medication") << AppointmentType::MedicationManagement << 30;
    QTest::newRow("consultation") << AppointmentType::Consultation << 30;
    QTest::newRow("other") << AppointmentType::Other << 50;
}

void TestAppointmentDialog::usualDurationsLiveInOnePlace() {
    QFETCH(AppointmentType, type);
    QFETCH(int, minutes);
    QCOMPARE(AppointmentTypes::usualDurationMinutes(type), minutes);
}

void TestAppointmentDialog::choosingATypeSetsItsUsualDuration() {
    // A double-click books the default 50 minutes; the type decides.
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), {});
    QCOMPARE(m_dialog->durationField()->value(), 50);
    m_dialog->typeField()->setCurrentIndex(int(AppointmentType::GroupTherapy));
    QCOMPARE(m_dialog->durationField()->value(), 90);
    m_dialog->typeField()->setCurrentIndex(int(AppointmentType::MedicationManagement));
    QCOMPARE(m_dialog->durationField()->value(), 30);
    QCOMPARE(m_dialog->appointment().endTime, demo::at(demo::today(), 16, 30));
    // Once the user sets a length, a type change leaves it alone.
    m_dialog->durationField()->setValue(45);
    m_dialog->typeField()->setCurrentIndex(int(AppointmentType::FamilyTherapy));
    QCOMPARE(m_dialog->durationField()->value(), 45);
}

void TestAppointmentDialog::aDraggedLengthIsKept() {
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), demo::at(demo::today(), 17, 30));
    QCOMPARE(m_dialog->durationField()->value(), 90);
    QCOMPARE(m_dialog->providerField()->currentText(), u"Maya Chen"_s);
    QCOMPARE(m_dialog->timeField()->time(), QTime(16, 0)); // practice time, not UTC
}

void TestAppointmentDialog::clientSearchMatchesAnyPartOfTheName() {
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), {});
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(!m_dialog->okButton()->isEnabled()); // no client yet
    m_dialog->clientField()->setFocus();
    QTest::keyClicks(m_dialog->clientField(), u"hop"_s);
    QCompleter* completer = m_dialog->clientCompleter();
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), u"Grace Hopper"_s);
    QVERIFY(!m_dialog->okButton()->isEnabled());
    // Picking the suggestion chooses the client.
    QMetaObject::invokeMethod(completer, "activated", Q_ARG(QString, u"Grace Hopper"_s));
    m_dialog->clientField()->setText(u"Grace Hopper"_s);
    QCOMPARE(m_dialog->appointment().client.id, id(102));
    QVERIFY(m_dialog->okButton()->isEnabled());
    // Typing something else unchooses it.
    QTest::keyClicks(m_dialog->clientField(), u"x"_s);
    QVERIFY(m_dialog->appointment().client.id.isNull());
    QVERIFY(!m_dialog->okButton()->isEnabled());
}

void TestAppointmentDialog::sameNamedClientsAreToldApart() {
    QTest::keyClicks(m_dialog->clientField(), u"turing"_s);
    QCOMPARE(m_dialog->clientCompleter()->completionCount(), 2);
    QStringList shown;
    for (int i = 0; m_dialog->clientCompleter()->setCurrentRow(i); ++i)
        shown << m_dialog->clientCompleter()->currentCompletion();
    QCOMPARE(shown.size(), 2);
    QVERIFY(shown[0] != shown[1]);
    m_dialog->clientField()->setText(shown[1]);
    QVERIFY(!m_dialog->appointment().client.id.isNull());
}

void TestAppointmentDialog::meetingFieldsOnlyForVirtual() {
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(!m_dialog->meetingFieldsVisible());
    m_dialog->locationField()->setCurrentIndex(int(Location::Virtual));
    QVERIFY(m_dialog->meetingFieldsVisible());
    QVERIFY(m_dialog->meetingPasswordField()->isVisible());
    m_dialog->meetingLinkField()->setText(u"https://meet.example.org/a"_s);
    m_dialog->meetingPasswordField()->setText(u"s3cret"_s);
    QCOMPARE(m_dialog->appointment().virtualMeetingLink,
             std::optional(u"https://meet.example.org/a"_s));
    // Back to the office: the fields hide and nothing of them is sent.
    m_dialog->locationField()->setCurrentIndex(int(Location::Office));
    QVERIFY(!m_dialog->meetingFieldsVisible());
    QVERIFY(!m_dialog->appointment().virtualMeetingLink);
    QVERIFY(!m_dialog->appointment().virtualMeetingPassword);
}

void TestAppointmentDialog::conflictsAreNamedAndBlockBooking() {
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), {});
    m_dialog->clientField()->setText(u"Grace Hopper"_s);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(m_dialog->okButton()->isEnabled());
    QVERIFY(!m_dialog->conflictLabel()->isVisible());

    // 15:15 runs into Maya Chen's 15:00 with Donald Knuth.
    m_checked.clear();
    m_dialog->timeField()->setTime(QTime(15, 15));
    QVERIFY(!m_checked.isEmpty()); // checked as the field changed
    QCOMPARE(m_checked.last().startTime, demo::at(demo::today(), 15, 15));
    QVERIFY(m_dialog->conflictLabel()->isVisible());
    const QString text = m_dialog->conflictLabel()->text();
    QVERIFY2(text.contains(u"Donald Knuth"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Maya Chen"_s), qPrintable(text));
    QVERIFY(!m_dialog->okButton()->isEnabled());

    // Another provider is free then: the conflict clears.
    m_dialog->providerField()->setCurrentIndex(
        m_dialog->providerField()->findText(u"Priya Raman"_s));
    QVERIFY(!m_dialog->conflictLabel()->isVisible());
    QVERIFY(m_dialog->okButton()->isEnabled());

    // The client's own 16:30 visit with Priya collides whoever the provider.
    m_dialog->clientField()->setText(u"Ada Lovelace"_s);
    m_dialog->timeField()->setTime(QTime(16, 0));
    QVERIFY(m_dialog->conflictLabel()->text().contains(u"same"_s));
    QVERIFY(!m_dialog->okButton()->isEnabled());
}

void TestAppointmentDialog::outsideAvailabilityWarnsButAllowsUnlessStrict() {
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 18, 0), {});
    m_dialog->clientField()->setText(u"Grace Hopper"_s);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(m_dialog->availabilityLabel()->isVisible());
    QVERIFY(m_dialog->availabilityLabel()->text().contains(u"Maya Chen"_s));
    QVERIFY(m_dialog->okButton()->isEnabled());
    m_dialog->setStrictAvailability(true);
    QVERIFY(!m_dialog->okButton()->isEnabled());
    m_dialog->timeField()->setTime(QTime(16, 0));
    QVERIFY(!m_dialog->availabilityLabel()->isVisible());
    QVERIFY(m_dialog->okButton()->isEnabled());
}

void TestAppointmentDialog::nextOpenSlotWalksToFreeTime() {
    QVERIFY(!m_dialog->nextSlotButton()->isVisibleTo(m_dialog.get())); // no finder, no button
    m_dialog->setSlotFinder([this](const ObjectId& provider, int minutes,
                                   const QDateTime& after) -> std::optional<QDateTime> {
        QList<Appointment> theirs;
        for (const auto& a : m_model->appointments())
            if (a.provider.id == provider)
                theirs << a;
        const QList<ProviderAvailability> records = demo::availability(1);
        const scheduling::ProviderSchedule schedule{provider, records, theirs};
        scheduling::OpenSlotQuery query;
        query.from = after;
        query.to = after.addDays(14);
        query.durationMinutes = minutes;
        query.zone = demo::zone();
        query.notBefore = after;
        const auto found = scheduling::openSlots(query, {&schedule, 1}, 1);
        if (found.isEmpty())
            return std::nullopt;
        return found.first().time.startTime();
    });
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 9, 0), {});
    m_dialog->clientField()->setText(u"Grace Hopper"_s);
    QVERIFY(m_dialog->nextSlotButton()->isVisibleTo(m_dialog.get()));
    QVERIFY(!m_dialog->okButton()->isEnabled()); // 09:00 is Ada Lovelace's
    // Maya Chen is booked until 10:50, has the 11:00 couples session and
    // the 12:00 meeting; the 13:30 no-show no longer holds its time.
    m_dialog->nextSlotButton()->click();
    QCOMPARE(m_dialog->timeField()->time(), QTime(13, 0));
    QVERIFY(m_dialog->okButton()->isEnabled());
    m_dialog->nextSlotButton()->click();
    QCOMPARE(m_dialog->timeField()->time(), QTime(13, 15));
}

void TestAppointmentDialog::okReturnsTheAppointmentAsTyped() {
    m_dialog->prepareNew({}, demo::at(demo::today(), 16, 0), {});
    QVERIFY(m_dialog->providerField()->currentIndex() < 0); // from "all providers"
    m_dialog->clientField()->setText(u"Radia Perlman"_s);
    m_dialog->providerField()->setCurrentIndex(2);
    m_dialog->typeField()->setCurrentIndex(int(AppointmentType::InitialAssessment));
    m_dialog->dateField()->setDate(QDate(2026, 3, 12));
    m_dialog->timeField()->setTime(QTime(10, 30));
    m_dialog->notesField()->setPlainText(u"  First visit; parking pass  "_s);
    m_dialog->smsReminderField()->setChecked(false);
    m_dialog->emailHoursField()->setValue(48);
    QVERIFY(m_dialog->okButton()->isEnabled());
    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

    const Appointment a = m_dialog->appointment();
    QVERIFY(a.id().isNull()); // the application gives it an id
    QCOMPARE(a.client.id, id(109));
    QCOMPARE(a.provider.id, id(3));
    QCOMPARE(a.appointmentType, AppointmentType::InitialAssessment);
    QCOMPARE(a.startTime, utc("2026-03-12T14:30:00.000Z")); // 10:30 EDT
    QCOMPARE(a.duration, 60);
    QCOMPARE(a.endTime, utc("2026-03-12T15:30:00.000Z"));
    QCOMPARE(a.notes, std::optional(u"First visit; parking pass"_s));
    QVERIFY(!a.reminderSettings.sms.enabled);
    QCOMPARE(a.reminderSettings.email.timingHours, 48.0);
    QVERIFY(validate(a).isEmpty());
}

void TestAppointmentDialog::editingKeepsWhatTheDialogDoesNotShow() {
    Appointment original = *m_model->appointment(id(7)); // confirmed family session
    original.meta.version = 4;
    m_dialog->setAppointment(original);
    QCOMPARE(m_dialog->clientField()->text(), u"Frances Allen"_s);
    QCOMPARE(m_dialog->okButton()->text().remove(QLatin1Char('&')), u"Save"_s);
    // Unchanged, it gives back the same appointment.
    QCOMPARE(m_dialog->appointment(), original);
    // An edit to the time keeps id, version, status and confirmation, and
    // does not conflict with the appointment's own old time.
    m_dialog->timeField()->setTime(QTime(12, 30));
    QVERIFY(m_dialog->okButton()->isEnabled());
    const Appointment changed = m_dialog->appointment();
    QCOMPARE(changed.id(), id(7));
    QCOMPARE(changed.meta.version, std::optional<qint64>(4));
    QCOMPARE(changed.status, AppointmentStatus::Confirmed);
    QCOMPARE(changed.startTime, demo::at(demo::today(), 12, 30));
    QCOMPARE(changed.duration, 60);
}

QTEST_MAIN(TestAppointmentDialog)
#include "tst_appointmentdialog.moc"
