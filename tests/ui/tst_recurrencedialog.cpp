// The recurrence dialog: a weekly series from an appointment, the live
// preview of its dates in the practice zone (across the DST change),
// conflicts flagged and skipped, the other patterns and ends, and a bad
// custom rule refused.
#include "DemoPractice.h"
#include "ui/CalendarModel.h"
#include "ui/RecurrenceDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::test;
using namespace mss::ui;
using namespace Qt::StringLiterals;

class TestRecurrenceDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void weeklySeriesPreviewsItsDatesAcrossTheClockChange();
    void conflictsAreFlaggedAndSkippedByDefault();
    void endingOnADate();
    void everyTwoWeeks();
    void lastWeekdayOfTheMonth();
    void customRules();

private:
    QDate previewDate(int row) const;

    std::unique_ptr<CalendarModel> m_model;
    std::unique_ptr<RecurrenceDialog> m_dialog;
};

void TestRecurrenceDialog::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestRecurrenceDialog::init() {
    m_model = std::make_unique<CalendarModel>();
    demo::fill(*m_model);
    m_dialog = std::make_unique<RecurrenceDialog>();
    m_dialog->setTimeZone(demo::zone());
    m_dialog->setChecker([this](const Appointment& a) {
        BookingCheck check;
        check.conflicts = scheduling::findConflicts(a, m_model->appointments());
        return check;
    });
    m_dialog->setConflictDescriber(
        [this](const scheduling::Conflict& c) { return m_model->describeConflict(c); });
    // Tuesday 3 March, 15:00 EST, Maya Chen with Grace Hopper.
    m_dialog->setSeed(
        demo::visit(0, 1, 102, QDate(2026, 3, 3), 15, 0, AppointmentType::IndividualTherapy));
    m_dialog->countField()->setValue(6);
}

void TestRecurrenceDialog::cleanup() {
    m_dialog.reset();
}

QDate TestRecurrenceDialog::previewDate(int row) const {
    return localDate(m_dialog->occurrences().at(row).start, demo::zone());
}

void TestRecurrenceDialog::weeklySeriesPreviewsItsDatesAcrossTheClockChange() {
    m_dialog->skipConflictsField()->setChecked(false);
    QCOMPARE(m_dialog->weekdayField()->currentData().toInt(), 2); // Tuesday, from the seed
    QCOMPARE(m_dialog->preview()->count(), 6);
    QCOMPARE(previewDate(0), QDate(2026, 3, 3));
    QCOMPARE(previewDate(5), QDate(2026, 4, 7));
    // 15:00 on the wall clock each week: 20:00 UTC before the change,
    // 19:00 UTC after it.
    QCOMPARE(m_dialog->occurrences().at(0).start, utc("2026-03-03T20:00:00.000Z"));
    QCOMPARE(m_dialog->occurrences().at(1).start, utc("2026-03-10T19:00:00.000Z"));
    QVERIFY(m_dialog->preview()->item(1)->text().contains(u"15:00"_s));

    const RecurringAppointment s = m_dialog->series();
    QCOMPARE(s.recurrencePattern, RecurrencePattern::Weekly);
    QCOMPARE(s.dayOfWeek, std::optional(DayOfWeek::Tuesday));
    QCOMPARE(s.numberOfOccurrences, std::optional(6));
    QCOMPARE(s.startTime.minutes(), 15 * 60);
    QCOMPARE(s.provider.id, id(1));
    QCOMPARE(s.client.id, id(102));
    QCOMPARE(s.duration, 50);
    QVERIFY(validate(s, demo::zone()).isEmpty());
}

void TestRecurrenceDialog::conflictsAreFlaggedAndSkippedByDefault() {
    // Tuesday 10 March 15:00 is Maya Chen's session with Donald Knuth.
    QCOMPARE(m_dialog->conflictingRows(), QList<int>{1});
    const QString flagged = m_dialog->preview()->item(1)->text();
    QVERIFY2(flagged.contains(u"Donald Knuth"_s), qPrintable(flagged));
    QVERIFY(m_dialog->summary()->text().contains(u"1 of which"_s));
    QVERIFY(m_dialog->skipConflictsField()->isChecked());
    QVERIFY(m_dialog->okButton()->isEnabled());
    const RecurringAppointment s = m_dialog->series();
    QCOMPARE(s.exceptions.size(), 1);
    QCOMPARE(calendarDate(s.exceptions.first().date, demo::zone()), QDate(2026, 3, 10));

    // Booking the conflicting date too is not offered.
    m_dialog->skipConflictsField()->setChecked(false);
    QVERIFY(!m_dialog->okButton()->isEnabled());
    QVERIFY(m_dialog->series().exceptions.isEmpty());
}

void TestRecurrenceDialog::endingOnADate() {
    m_dialog->endOnField()->setChecked(true);
    m_dialog->endDateField()->setDate(QDate(2026, 3, 31));
    QCOMPARE(m_dialog->preview()->count(), 5); // 3, 10, 17, 24, 31 March
    QCOMPARE(previewDate(4), QDate(2026, 3, 31));
    const RecurringAppointment s = m_dialog->series();
    QVERIFY(!s.numberOfOccurrences);
    QCOMPARE(calendarDate(*s.endDate, demo::zone()), QDate(2026, 3, 31));
}

void TestRecurrenceDialog::everyTwoWeeks() {
    m_dialog->patternField()->setCurrentIndex(int(RecurrenceDialog::Pattern::Biweekly));
    m_dialog->countField()->setValue(3);
    QCOMPARE(m_dialog->preview()->count(), 3);
    QCOMPARE(previewDate(1), QDate(2026, 3, 17));
    QCOMPARE(previewDate(2), QDate(2026, 3, 31));
    QVERIFY(m_dialog->conflictingRows().isEmpty());
}

void TestRecurrenceDialog::lastWeekdayOfTheMonth() {
    m_dialog->patternField()->setCurrentIndex(int(RecurrenceDialog::Pattern::MonthlyByWeekday));
    QVERIFY(m_dialog->weekOfMonthField()->isVisibleTo(m_dialog.get()));
    QVERIFY(!m_dialog->dayOfMonthField()->isVisibleTo(m_dialog.get()));
    m_dialog->weekOfMonthField()->setCurrentIndex(4); // Last
    m_dialog->countField()->setValue(3);
    QCOMPARE(previewDate(0), QDate(2026, 3, 31));
    QCOMPARE(previewDate(1), QDate(2026, 4, 28));
    QCOMPARE(previewDate(2), QDate(2026, 5, 26));
    const RecurringAppointment s = m_dialog->series();
    QVERIFY(s.useWeekOfMonth);
    QCOMPARE(s.weekOfMonth, std::optional(5));
}

void TestRecurrenceDialog::customRules() {
    m_dialog->patternField()->setCurrentIndex(int(RecurrenceDialog::Pattern::Custom));
    QVERIFY(m_dialog->ruleField()->isVisibleTo(m_dialog.get()));
    m_dialog->ruleField()->setText(u"FREQ=SOMETIMES"_s);
    QVERIFY(!m_dialog->okButton()->isEnabled());
    QCOMPARE(m_dialog->preview()->count(), 0);
    QVERIFY(m_dialog->summary()->text().contains(u"cannot"_s));

    m_dialog->ruleField()->setText(u"FREQ=WEEKLY;BYDAY=TU,TH"_s);
    m_dialog->countField()->setValue(4);
    QCOMPARE(m_dialog->preview()->count(), 4);
    QCOMPARE(previewDate(1), QDate(2026, 3, 5));
    QCOMPARE(previewDate(3), QDate(2026, 3, 12));
    QVERIFY(m_dialog->okButton()->isEnabled()); // 10 March is skipped
}

QTEST_MAIN(TestRecurrenceDialog)
#include "tst_recurrencedialog.moc"
