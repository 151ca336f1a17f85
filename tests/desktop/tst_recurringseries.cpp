// A weekly series booked through the desk's real dialogs against the demo
// server: "Repeat…" in the booking dialog opens the recurrence dialog,
// whose preview lists the dates and flags the one that collides; the
// series is saved, the server books it, and the occurrences appear on the
// calendar, the colliding date skipped.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "ServerProcess.h"
#include "ui/AppointmentDialog.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
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

class TestRecurringSeries : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void weeklySeriesThroughTheRecurrenceDialog();

private:
    ui::DayView* showDay(QDate day);
    // The series' occurrences in the cache that hold time, by local date.
    QMap<QDate, domain::Appointment> occurrencesOf(const domain::ObjectId& series);
    QDateTime at(QDate day, int hour) const {
        return wallClockToUtc(day, QTime(hour, 0), m_session->timeZone());
    }

    ServerProcess m_server;
    QTemporaryDir m_cacheDir;
    SystemClock m_clock;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<sync::ApiClient> m_admin;
    domain::ObjectId m_provider;
    QDate m_firstSaturday; // past the demo's month: nothing booked
};

void TestRecurringSeries::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.demo());
    QVERIFY(m_server.start());
    m_session = std::make_unique<DeskSession>(m_server.url(), u"frontdesk@demo.practice"_s, m_clock,
                                              m_cacheDir.path());
    std::optional<Checked<void>> signedIn;
    m_session->signIn(u"mentalspace-demo"_s, [&](Checked<void> r) { signedIn = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 30'000);
    QVERIFY(*signedIn);
    m_window = std::make_unique<MainWindow>(*m_session);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy synced(&m_session->engine(), &sync::SyncEngine::syncFinished);
    m_window->start(3'600'000);
    QVERIFY(synced.wait(60'000));
    m_admin = std::make_unique<sync::ApiClient>(m_server.url());
    QVERIFY(await(m_admin->login(u"admin@demo.practice"_s, u"mentalspace-demo"_s)).ok());

    m_provider = m_window->book()->model().providers().front().id();
    const QDate today = localDate(m_clock.now(), m_session->timeZone());
    m_firstSaturday = today.addDays(6 - today.dayOfWeek() + 35);
}

void TestRecurringSeries::cleanupTestCase() {
    m_window.reset();
    m_session.reset();
}

ui::DayView* TestRecurringSeries::showDay(QDate day) {
    ui::CalendarWidget* calendar = m_window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(m_provider);
    calendar->setDate(day);
    ui::DayView* view = calendar->dayView();
    view->verticalScrollBar()->setValue(0);
    view->scrollToTime(QTime(8, 0));
    return view;
}

QMap<QDate, domain::Appointment>
TestRecurringSeries::occurrencesOf(const domain::ObjectId& series) {
    QMap<QDate, domain::Appointment> out;
    const QDateTime from = at(m_firstSaturday.addDays(-1), 0);
    for (const domain::Appointment& a : m_session->cache()
                                            .appointments(from, from.addDays(120))
                                            .value_or(QList<domain::Appointment>{})) {
        if (a.recurringAppointment == series && a.holdsTime())
            out.insert(localDate(a.startTime, m_session->timeZone()), a);
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
    QVERIFY(syncOnce(m_session->engine()));

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
        syncOnce(m_session->engine());
        const auto found =
            m_session->cache().appointments(at(m_firstSaturday, 0), at(m_firstSaturday, 23));
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
    ui::CalendarWidget* calendar = m_window->calendar();
    calendar->setMode(ui::CalendarMode::Week);
    calendar->setProvider(m_provider);
    for (auto it = occurrences.cbegin(); it != occurrences.cend(); ++it) {
        calendar->setDate(it.key());
        calendar->weekView()->scrollToTime(QTime(9, 0));
        QVERIFY(m_window->book()->model().appointment(it->id()).has_value());
        QVERIFY(!calendar->weekView()->cardRect(it->id()).isEmpty());
        QCOMPARE(localMinuteOfDay(it->startTime, m_session->timeZone()), 10 * 60);
    }
}

QTEST_MAIN(TestRecurringSeries)
#include "tst_recurringseries.moc"
