// A weekly series booked through the desk's real dialogs against the demo
// server: "Repeat…" in the booking dialog opens the recurrence dialog,
// whose preview lists the dates and flags the one that collides; the
// series is saved, the server books it, and the occurrences appear on the
// calendar, the colliding date skipped. Then "this and following" on a
// dragged occurrence: the series splits, the earlier occurrences stay where
// they were and the later ones move, on the desk and on the server.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/AppointmentDialog.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/EditScopeDialog.h"
#include "ui/RecurrenceDialog.h"
#include "ui/WeekView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

class TestRecurringSeries : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void weeklySeriesThroughTheRecurrenceDialog();
    void movingThisAndFollowingSplitsTheSeries();
    void movingAllOccurrencesMovesEveryFutureOne();
    void changingTheTypeOfAllOccurrencesChangesEveryOne();

private:
    ui::DayView* showDay(QDate day);
    // The series' occurrences in the cache that hold time, by local date.
    QMap<QDate, domain::Appointment> occurrencesOf(const domain::ObjectId& series);
    QDateTime at(QDate day, int hour) const {
        return wallClockToUtc(day, QTime(hour, 0), m_desk.session->timeZone());
    }

    domain::ObjectId m_provider;
    domain::ObjectId m_laterSeries; // the part split off above, at 11:00
    QDate m_firstSaturday;          // past the demo's month: nothing booked
};

void TestRecurringSeries::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(openDemoDesk(u"frontdesk@demo.practice"_s));
    QVERIFY(signInAdmin());

    m_provider = firstProvider();
    m_firstSaturday = saturdayInWeeks(5);
}

void TestRecurringSeries::cleanupTestCase() {
    m_desk.close();
}

ui::DayView* TestRecurringSeries::showDay(QDate day) {
    return DemoDeskTest::showDay(m_provider, day, QTime(8, 0));
}

QMap<QDate, domain::Appointment>
TestRecurringSeries::occurrencesOf(const domain::ObjectId& series) {
    QMap<QDate, domain::Appointment> out;
    const QDateTime from = at(m_firstSaturday.addDays(-1), 0);
    for (const domain::Appointment& a : m_desk.session->cache()
                                            .appointments(from, from.addDays(120))
                                            .value_or(QList<domain::Appointment>{})) {
        if (a.recurringAppointment == series && a.holdsTime())
            out.insert(localDate(a.startTime, m_desk.session->timeZone()), a);
    }
    return out;
}

void TestRecurringSeries::weeklySeriesThroughTheRecurrenceDialog() {
    // Another desk already booked the provider on the third Saturday at 10.
    const QJsonObject client = listAll(*m_admin, u"/clients"_s).at(5);
    const QDate taken = m_firstSaturday.addDays(14);
    const sync::ApiResponse other = await(m_admin->post(
        u"/appointments"_s, {{"client"_L1, client.value("_id"_L1)},
                             {"provider"_L1, m_provider.toString()},
                             {"startTime"_L1, toWireTime(at(taken, 10))},
                             {"endTime"_L1, toWireTime(at(taken, 10).addSecs(50 * 60))},
                             {"appointmentType"_L1, u"Individual Therapy"_s},
                             {"allowOverlap"_L1, false}}));
    QVERIFY2(other.ok(), qPrintable(other.message));
    QVERIFY(syncOnce(m_desk.session->engine()));

    ui::DayView* view = showDay(m_firstSaturday);
    QStringList preview;
    QList<int> flagged;
    bool repeatOffered = false;
    bool seriesOk = false;
    whenDialogOpens<ui::AppointmentDialog>([&](ui::AppointmentDialog* dialog) {
        QTest::keyClicks(dialog->clientField(), u"Ada "_s);
        QMetaObject::invokeMethod(dialog->clientCompleter(), "activated",
                                  Q_ARG(QString, u"Ada Lovelace"_s));
        dialog->clientField()->setText(u"Ada Lovelace"_s);
        repeatOffered = dialog->repeatButton()->isVisible() && dialog->repeatButton()->isEnabled();
        whenDialogOpens<ui::RecurrenceDialog>([&](ui::RecurrenceDialog* r) {
            r->patternField()->setCurrentIndex(
                r->patternField()->findData(int(ui::RecurrenceDialog::Pattern::Weekly)));
            r->endAfterField()->setChecked(true);
            r->countField()->setValue(4);
            for (int i = 0; i < r->preview()->count(); ++i)
                preview << r->preview()->item(i)->text();
            flagged = r->conflictingRows();
            seriesOk = r->okButton()->isEnabled() && r->skipConflictsField()->isVisible() &&
                       r->skipConflictsField()->isChecked();
            r->okButton()->click();
            if (r->isVisible())
                r->reject();
        });
        QTest::mouseClick(dialog->repeatButton(), Qt::LeftButton);
        if (dialog->isVisible())
            dialog->reject();
    });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, 10 * 60 + 5));
    QVERIFY(repeatOffered);

    // The preview: four Saturdays at 10:00, the third flagged with what it
    // collides with.
    QCOMPARE(preview.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const QString date =
            QLocale().toString(m_firstSaturday.addDays(7 * i), u"ddd d MMM yyyy"_s);
        QVERIFY2(preview.at(i).startsWith(date), qPrintable(preview.at(i) + u" / "_s + date));
        QVERIFY2(preview.at(i).contains(u"10:00"_s) || preview.at(i).contains(u"10:00 AM"_s),
                 qPrintable(preview.at(i)));
    }
    QCOMPARE(flagged, QList<int>{2});
    QVERIFY2(preview.at(2).contains(u"conflicts"_s) &&
                 preview.at(2).contains(client.value("firstName"_L1).toString()),
             qPrintable(preview.at(2)));
    QVERIFY(seriesOk);

    // Saved: the server books the series and the occurrences come back.
    domain::ObjectId series;
    for (int round = 0; round < 5 && series.isNull(); ++round) {
        syncOnce(m_desk.session->engine());
        const auto found =
            m_desk.session->cache().appointments(at(m_firstSaturday, 0), at(m_firstSaturday, 23));
        for (const domain::Appointment& a : found.value_or(QList<domain::Appointment>{})) {
            if (a.recurringAppointment && a.provider.id == m_provider)
                series = *a.recurringAppointment;
        }
    }
    QVERIFY(!series.isNull());
    const QMap<QDate, domain::Appointment> occurrences = occurrencesOf(series);
    QCOMPARE(occurrences.keys(), (QList<QDate>{m_firstSaturday, m_firstSaturday.addDays(7),
                                               m_firstSaturday.addDays(21)}));

    // On the calendar: each Saturday's card is there, week by week.
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Week);
    calendar->setProvider(m_provider);
    for (auto it = occurrences.cbegin(); it != occurrences.cend(); ++it) {
        calendar->setDate(it.key());
        calendar->weekView()->scrollToTime(QTime(9, 0));
        QVERIFY(m_desk.window->book()->model().appointment(it->id()).has_value());
        QVERIFY(!calendar->weekView()->cardRect(it->id()).isEmpty());
        QCOMPARE(localMinuteOfDay(it->startTime, m_desk.session->timeZone()), 10 * 60);
    }
}

void TestRecurringSeries::movingThisAndFollowingSplitsTheSeries() {
    // Another desk books a weekly series of six Saturdays at 9:00 with the
    // second provider.
    const domain::ObjectId provider = m_desk.window->book()->model().providers().at(1).id();
    const QJsonObject client = listAll(*m_admin, u"/clients"_s).at(9);
    const sync::ApiResponse made = await(m_admin->post(
        u"/recurring-appointments"_s,
        {{"client"_L1, client.value("_id"_L1)},
         {"provider"_L1, provider.toString()},
         {"appointmentType"_L1, u"Individual Therapy"_s},
         {"duration"_L1, 50},
         {"recurrencePattern"_L1, u"Weekly"_s},
         {"dayOfWeek"_L1, u"Saturday"_s},
         {"startTime"_L1, u"09:00"_s},
         {"startDate"_L1, toWireTime(QDateTime(m_firstSaturday, QTime(0, 0), Qt::UTC))},
         {"numberOfOccurrences"_L1, 6}}));
    QVERIFY2(made.ok(), qPrintable(made.message));
    const auto series =
        *domain::ObjectId::fromString(made.data().toObject().value("_id"_L1).toString());
    waitUntilIdle(m_desk.session->engine());
    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(occurrencesOf(series).size(), 6);

    // Drag the third occurrence from 9:00 to 11:00: "this and following".
    const QDate third = m_firstSaturday.addDays(14);
    ui::DayView* view = DemoDeskTest::showDay(provider, third, QTime(8, 0));
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    const domain::ObjectId dragged = occurrencesOf(series).value(third).id();
    const QRect card = view->cardRect(dragged);
    QVERIFY(!card.isEmpty());
    bool asked = false;
    whenDialogOpens<ui::EditScopeDialog>([&](ui::EditScopeDialog* dialog) {
        asked = true;
        dialog->button(ui::EditScope::ThisAndFollowing)->click();
        dialog->accept();
    });
    const QPoint grip(card.center().x(), card.top() + 8);
    drag(view->viewport(), grip, grip + (view->pointAt(0, 11 * 60) - view->pointAt(0, 9 * 60)));
    QVERIFY(asked);

    // On screen at once: the third Saturday's card is at 11:00.
    const auto atEleven = [&](QDate day) {
        for (const domain::Appointment& a : m_desk.session->cache()
                                                .appointments(at(day, 0), at(day, 23))
                                                .value_or(QList<domain::Appointment>{})) {
            if (a.provider.id == provider && a.holdsTime() && a.startTime == at(day, 11))
                return std::optional(a);
        }
        return std::optional<domain::Appointment>();
    };
    QVERIFY(atEleven(third));

    // Landed: the server holds two series.
    for (int round = 0;
         round < 5 && m_desk.session->cache().outbox().pendingCount().value_or(-1) > 0; ++round)
        syncOnce(m_desk.session->engine());
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
    QVERIFY(syncOnce(m_desk.session->engine()));

    QUrlQuery q;
    q.addQueryItem(u"startTime[gte]"_s, toWireTime(at(m_firstSaturday, 0)));
    q.addQueryItem(u"startTime[lt]"_s, toWireTime(at(m_firstSaturday.addDays(36), 0)));
    QMap<QDate, QJsonObject> onServer;
    for (const QJsonObject& a : listAll(*m_admin, u"/appointments"_s, q)) {
        const QString status = a.value("status"_L1).toString();
        if (status == "Cancelled"_L1 || status == "Rescheduled"_L1 ||
            a.value("provider"_L1).toString() != provider.toString())
            continue;
        // Saturdays only: the demo's own series fall on weekdays.
        const QDate day =
            localDate(fromWireTime(a.value("startTime"_L1).toString()), m_desk.session->timeZone());
        if (day.dayOfWeek() == 6)
            onServer.insert(day, a);
    }
    QStringList seen;
    for (auto it = onServer.cbegin(); it != onServer.cend(); ++it)
        seen << it.key().toString(Qt::ISODate) + u' ' + it->value("startTime"_L1).toString() +
                    u' ' + it->value("recurringAppointment"_L1).toString() + u' ' +
                    it->value("status"_L1).toString();
    QVERIFY2(onServer.size() == 6, qPrintable(seen.join(u"\n"_s)));
    QString later;
    for (int week = 0; week < 6; ++week) {
        const QDate day = m_firstSaturday.addDays(7 * week);
        const QJsonObject a = onServer.value(day);
        const QDateTime start = fromWireTime(a.value("startTime"_L1).toString());
        const QString belongs = a.value("recurringAppointment"_L1).toString();
        if (week < 2) {
            // Earlier occurrences stay put, in the original series.
            QCOMPARE(start, at(day, 9));
            QCOMPARE(belongs, series.toString());
        } else {
            // This and the following move, in a new series.
            QCOMPARE(start, at(day, 11));
            QVERIFY(belongs != series.toString());
            if (later.isEmpty())
                later = belongs;
            QCOMPARE(belongs, later);
        }
    }

    // And the desk shows what the server holds: the first Saturday at
    // 9:00, the last at 11:00.
    calendar->setDate(m_firstSaturday);
    view->scrollToTime(QTime(8, 0));
    const auto first = occurrencesOf(series).value(m_firstSaturday);
    QCOMPARE(first.startTime, at(m_firstSaturday, 9));
    QVERIFY(!view->cardRect(first.id()).isEmpty());
    const QDate last = m_firstSaturday.addDays(35);
    calendar->setDate(last);
    view->scrollToTime(QTime(8, 0));
    const auto moved = atEleven(last);
    QVERIFY(moved);
    QCOMPARE(moved->recurringAppointment->toString(), later);
    QVERIFY(!view->cardRect(moved->id()).isEmpty());
    m_laterSeries = *moved->recurringAppointment;
}

void TestRecurringSeries::movingAllOccurrencesMovesEveryFutureOne() {
    QVERIFY(!m_laterSeries.isNull());
    const QMap<QDate, domain::Appointment> before = occurrencesOf(m_laterSeries);
    QCOMPARE(before.size(), 4);
    // Drag the last one from 11:00 to 13:00: "all occurrences".
    const domain::Appointment last = before.last();
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(last.provider.id);
    calendar->setDate(before.lastKey());
    ui::DayView* view = calendar->dayView();
    view->verticalScrollBar()->setValue(0);
    view->scrollToTime(QTime(8, 0));
    const QRect card = view->cardRect(last.id());
    QVERIFY(!card.isEmpty());
    whenDialogOpens<ui::EditScopeDialog>([&](ui::EditScopeDialog* dialog) {
        dialog->button(ui::EditScope::AllOccurrences)->click();
        dialog->accept();
    });
    const QPoint grip(card.center().x(), card.top() + 8);
    drag(view->viewport(), grip, grip + (view->pointAt(0, 13 * 60) - view->pointAt(0, 11 * 60)));
    for (int round = 0;
         round < 5 && m_desk.session->cache().outbox().pendingCount().value_or(-1) > 0; ++round)
        syncOnce(m_desk.session->engine());
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
    QVERIFY(syncOnce(m_desk.session->engine()));

    // Every occurrence of that series is at 13:00 on its own Saturday, on
    // the server and on the desk.
    QUrlQuery q;
    q.addQueryItem(u"recurringAppointment"_s, m_laterSeries.toString());
    QList<QDate> days;
    for (const QJsonObject& a : listAll(*m_admin, u"/appointments"_s, q)) {
        const QString status = a.value("status"_L1).toString();
        if (status == "Cancelled"_L1 || status == "Rescheduled"_L1)
            continue;
        const QDateTime start = fromWireTime(a.value("startTime"_L1).toString());
        const QDate day = localDate(start, m_desk.session->timeZone());
        QCOMPARE(start, at(day, 13));
        days << day;
    }
    std::sort(days.begin(), days.end());
    QCOMPARE(days, before.keys());
    const QMap<QDate, domain::Appointment> after = occurrencesOf(m_laterSeries);
    QCOMPARE(after.keys(), before.keys());
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        QCOMPARE(it->startTime, at(it.key(), 13));
}

void TestRecurringSeries::changingTheTypeOfAllOccurrencesChangesEveryOne() {
    // The appointment dialog on one occurrence: another type (and so its
    // usual length), then "all occurrences" in the edit-scope prompt.
    QVERIFY(!m_laterSeries.isNull());
    const QMap<QDate, domain::Appointment> before = occurrencesOf(m_laterSeries);
    QCOMPARE(before.size(), 4);
    const domain::Appointment first = before.first();
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(first.provider.id);
    calendar->setDate(before.firstKey());
    ui::DayView* view = calendar->dayView();
    view->scrollToTime(QTime(12, 0));
    const QRect card = view->cardRect(first.id());
    QVERIFY(!card.isEmpty());
    domain::AppointmentType chosen = first.appointmentType;
    whenDialogOpens<ui::AppointmentDialog>([&](ui::AppointmentDialog* dialog) {
        QComboBox* type = dialog->typeField();
        type->setCurrentIndex((type->currentIndex() + 1) % type->count());
        chosen = static_cast<domain::AppointmentType>(type->currentData().toInt());
        whenDialogOpens<ui::EditScopeDialog>([&](ui::EditScopeDialog* scope) {
            scope->button(ui::EditScope::AllOccurrences)->click();
            scope->accept();
        });
        dialog->okButton()->click();
    });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, card.center());
    QVERIFY(chosen != first.appointmentType);
    for (int round = 0;
         round < 5 && m_desk.session->cache().outbox().pendingCount().value_or(-1) > 0; ++round)
        syncOnce(m_desk.session->engine());
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
    QVERIFY(syncOnce(m_desk.session->engine()));

    // Every occurrence has the new type, on the server and on the desk,
    // still at 13:00 on its own Saturday.
    QUrlQuery q;
    q.addQueryItem(u"recurringAppointment"_s, m_laterSeries.toString());
    int seen = 0;
    for (const QJsonObject& a : listAll(*m_admin, u"/appointments"_s, q)) {
        const QString status = a.value("status"_L1).toString();
        if (status == "Cancelled"_L1 || status == "Rescheduled"_L1)
            continue;
        QCOMPARE(a.value("appointmentType"_L1).toString(), domain::toWire(chosen));
        ++seen;
    }
    QCOMPARE(seen, 4);
    const QMap<QDate, domain::Appointment> after = occurrencesOf(m_laterSeries);
    QCOMPARE(after.keys(), before.keys());
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        QCOMPARE(it->appointmentType, chosen);
        QCOMPARE(it->startTime, at(it.key(), 13));
    }
}

QTEST_MAIN(TestRecurringSeries)
#include "tst_recurringseries.moc"
