// The booking dialog: client search as you type, the type's usual length,
// meeting fields only for Virtual, reminders, and the booking rules
// checked on every change, naming the collision before OK.
#include "DemoPractice.h"
#include "scheduling/OpenSlots.h"
#include "ui/AppointmentDialog.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/TimeField.h"
#include "ui/Translations.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

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
    void typedTimesLandOnTheRightTime_data();
    void typedTimesLandOnTheRightTime();
    void aTypedTimeThatIsNotOneIsNamed_data();
    void aTypedTimeThatIsNotOneIsNamed();
    void remindersReadInWords();
    void aClearedWarningGivesBackItsRoom();

private:
    BookingCheck check(const Appointment& a);

    std::unique_ptr<CalendarModel> m_model;
    std::unique_ptr<AppointmentDialog> m_dialog;
    QList<Appointment> m_checked;
};

void TestAppointmentDialog::initTestCase() {
    // English as the desk shows it: plural forms come from the translations.
    QVERIFY(installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedKingdom)));
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
    m_dialog->emailHoursField()->setCurrentIndex(m_dialog->emailHoursField()->findData(48.0));
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

namespace {

// Selects all of the time field and types, as a person does.
void typeTime(AppointmentDialog& dialog, const QString& typed) {
    TimeField* field = dialog.timeField();
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, typed);
}

} // namespace

void TestAppointmentDialog::typedTimesLandOnTheRightTime_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QTime>("time");
    QTest::newRow("1430") << u"1430"_s << QTime(14, 30);
    QTest::newRow("14:30") << u"14:30"_s << QTime(14, 30);
    QTest::newRow("2:30 pm") << u"2:30 pm"_s << QTime(14, 30);
    QTest::newRow("2:30p") << u"2:30p"_s << QTime(14, 30);
    QTest::newRow("2:30 PM") << u"2:30 PM"_s << QTime(14, 30);
    QTest::newRow("9") << u"9"_s << QTime(9, 0);
    QTest::newRow("930") << u"930"_s << QTime(9, 30);
    QTest::newRow("9.45") << u"9.45"_s << QTime(9, 45);
    QTest::newRow("12am") << u"12am"_s << QTime(0, 0);
    QTest::newRow("12 pm") << u"12 pm"_s << QTime(12, 0);
    QTest::newRow("7pm") << u"7pm"_s << QTime(19, 0);
}

void TestAppointmentDialog::typedTimesLandOnTheRightTime() {
    QFETCH(QString, typed);
    QFETCH(QTime, time);
    QCOMPARE(parseTypedTime(typed), std::optional(time));

    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), {});
    m_dialog->clientField()->setText(u"Grace Hopper"_s);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_checked.clear();
    typeTime(*m_dialog, typed);
    QCOMPARE(m_dialog->timeField()->time(), time);
    QCOMPARE(m_dialog->appointment().startTime,
             demo::at(demo::today(), time.hour(), time.minute()));
    QVERIFY(!m_checked.isEmpty()); // checked as it was typed
    QVERIFY(!m_dialog->timeProblemLabel()->isVisible());
    // Leaving the field writes the time as the locale does.
    QTest::keyClick(m_dialog->timeField(), Qt::Key_Tab);
    QCOMPARE(m_dialog->timeField()->text(), QLocale().toString(time, u"HH:mm"_s));
}

void TestAppointmentDialog::aTypedTimeThatIsNotOneIsNamed_data() {
    QTest::addColumn<QString>("typed");
    QTest::newRow("25:99") << u"25:99"_s;
    QTest::newRow("24") << u"24"_s;
    QTest::newRow("13 pm") << u"13 pm"_s;
    QTest::newRow("half past") << u"half past"_s;
    QTest::newRow("14:7") << u"14:7"_s;
    QTest::newRow("2:30 xm") << u"2:30 xm"_s;
}

void TestAppointmentDialog::aTypedTimeThatIsNotOneIsNamed() {
    QFETCH(QString, typed);
    QCOMPARE(parseTypedTime(typed), std::nullopt);

    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), {});
    m_dialog->clientField()->setText(u"Grace Hopper"_s);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(m_dialog->okButton()->isEnabled());
    typeTime(*m_dialog, typed);
    QVERIFY(m_dialog->timeProblemLabel()->isVisible());
    QCOMPARE(m_dialog->timeProblemLabel()->text(), u"'%1' is not a time"_s.arg(typed));
    // Nothing is booked at a time nobody meant: not the old one either.
    QVERIFY(!m_dialog->okButton()->isEnabled());
    QTest::keyClick(m_dialog->timeField(), Qt::Key_Tab);
    QCOMPARE(m_dialog->timeField()->text(), typed); // kept to correct
    QVERIFY(m_dialog->timeProblemLabel()->isVisible());

    typeTime(*m_dialog, u"1615"_s);
    QVERIFY(!m_dialog->timeProblemLabel()->isVisible());
    QVERIFY(m_dialog->okButton()->isEnabled());
    QCOMPARE(m_dialog->appointment().startTime, demo::at(demo::today(), 16, 15));
}

void TestAppointmentDialog::remindersReadInWords() {
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), {});
    QComboBox* email = m_dialog->emailHoursField();
    QStringList offered;
    for (int i = 0; i < email->count(); ++i)
        offered << email->itemText(i);
    QVERIFY2(offered.contains(u"30 minutes before"_s), qPrintable(offered.join(u", ")));
    QVERIFY(offered.contains(u"1 hour before"_s));
    QVERIFY(offered.contains(u"2 hours before"_s));
    QVERIFY(offered.contains(u"1 day before"_s));
    QVERIFY(offered.contains(u"2 days before"_s));
    QCOMPARE(email->currentText(), u"1 day before"_s); // the default, 24 hours

    // A lead set elsewhere is shown as it is, in words, and kept.
    Appointment original = *m_model->appointment(id(7));
    original.reminderSettings.email.timingHours = 36;
    original.reminderSettings.sms.timingHours = 1.5;
    m_dialog->setAppointment(original);
    QCOMPARE(email->currentText(), u"36 hours before"_s);
    QCOMPARE(m_dialog->smsHoursField()->currentText(), u"90 minutes before"_s);
    QCOMPARE(m_dialog->appointment().reminderSettings.email.timingHours, 36.0);
    QCOMPARE(m_dialog->appointment().reminderSettings.sms.timingHours, 1.5);

    // Spanish follows its own plural rules.
    QVERIFY(installTranslations(*qApp, QLocale(QLocale::Spanish, QLocale::Spain)));
    const QString oneDay = reminderLeadText(24);
    const QString twoHours = reminderLeadText(2);
    const QString halfHour = reminderLeadText(0.5);
    QVERIFY(installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QCOMPARE(oneDay, u"1 día antes"_s);
    QCOMPARE(twoHours, u"2 horas antes"_s);
    QCOMPARE(halfHour, u"30 minutos antes"_s);
}

void TestAppointmentDialog::aClearedWarningGivesBackItsRoom() {
    m_dialog->prepareNew(id(1), demo::at(demo::today(), 16, 0), {});
    m_dialog->clientField()->setText(u"Grace Hopper"_s);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QTest::qWait(0);
    const int height = m_dialog->height();
    const QSize hint = m_dialog->sizeHint();
    // No empty line is left where the client hint was.
    for (const QLabel* label : m_dialog->findChildren<QLabel*>())
        QVERIFY2(!label->isVisible() || !label->text().isEmpty(), qPrintable(label->objectName()));

    // 15:15 collides with Maya Chen's 15:00: the warning takes room.
    typeTime(*m_dialog, u"15:15"_s);
    QVERIFY(m_dialog->conflictLabel()->isVisible());
    QTRY_VERIFY(m_dialog->height() > height);
    // A time that is not one adds its line too.
    typeTime(*m_dialog, u"25:99"_s);
    QVERIFY(m_dialog->timeProblemLabel()->isVisible());
    // Both cleared: the dialog is as it was, with no blank gap.
    typeTime(*m_dialog, u"16:00"_s);
    QVERIFY(!m_dialog->conflictLabel()->isVisible());
    QVERIFY(!m_dialog->timeProblemLabel()->isVisible());
    QTRY_COMPARE(m_dialog->height(), height);
    QCOMPARE(m_dialog->sizeHint(), hint);
}

QTEST_MAIN(TestAppointmentDialog)
#include "tst_appointmentdialog.moc"
