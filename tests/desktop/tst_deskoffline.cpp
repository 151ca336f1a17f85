// The desk when the server goes away, against real server processes: the
// health check notices offline and back online with nothing to send; "Retry
// now" shows that it tried, when, and what came of it; appointments not yet
// sent carry a mark on their cards; quitting with unsent changes says how
// many and that they are kept (and they are, for the next start); and the
// office server this app started is started again when it is killed, the
// desk reconnecting to it.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "OfficeServer.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/AppointmentCard.h"
#include "ui/AppointmentDialog.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/LocalText.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/Translations.h"

#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <csignal>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

// Whether a colour is the unsent mark's (antialiasing aside).
bool isUnsentColour(QColor c) {
    const QColor mark = ui::AppointmentCard::unsentColour();
    return std::abs(c.red() - mark.red()) < 24 && std::abs(c.green() - mark.green()) < 24 &&
           std::abs(c.blue() - mark.blue()) < 24;
}

} // namespace

class TestDeskOffline : public DemoDeskTest<ManualClock> {
    Q_OBJECT

public:
    TestDeskOffline()
        : DemoDeskTest(QDateTime::currentDateTimeUtc()) {}

private slots:
    void initTestCase();
    void cleanupTestCase();
    void offlineAndBackAreNoticedWithNothingToSend();
    void retryNowShowsWhenItTriedAndWhatCameOfIt();
    void unsentAppointmentsAreMarkedOnTheirCards();
    void quittingWithUnsentChangesSaysHowManyAndKeepsThem();
    void theOfficeServerThisAppStartedIsStartedAgainWhenItDies();

private:
    ui::DayView* showSaturday();
    domain::ObjectId bookAt(int startMinute, const QString& client);
    // The colour in the middle of the unsent mark's dark part.
    QColor markPixel(const domain::ObjectId& id);

    domain::ObjectId m_provider;
    QDate m_saturday;
    QList<domain::ObjectId> m_offline;
};

void TestDeskOffline::initTestCase() {
    // As main() does: English with its plural forms.
    QVERIFY(ui::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QVERIFY(openDemoDesk(frontDesk));
    m_provider = firstProvider();
    m_saturday = saturdayInWeeks(2);
}

void TestDeskOffline::cleanupTestCase() {
    m_desk.close();
}

ui::DayView* TestDeskOffline::showSaturday() {
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(m_provider);
    calendar->setDate(m_saturday);
    ui::DayView* view = calendar->dayView();
    view->scrollToTime(QTime(8, 0));
    return view;
}

domain::ObjectId TestDeskOffline::bookAt(int startMinute, const QString& client) {
    ui::DayView* view = showSaturday();
    bool answered = false;
    whenDialogOpens<ui::AppointmentDialog>(
        [&](ui::AppointmentDialog* dialog) { answered = chooseClientAndSave(dialog, client); });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, startMinute + 5));
    if (!answered)
        return {};
    const QTimeZone& zone = m_desk.session->timeZone();
    for (const domain::Appointment& a : m_desk.window->book()->model().appointments()) {
        if (localMinuteOfDay(a.startTime, zone) == startMinute &&
            localDate(a.startTime, zone) == m_saturday &&
            a.status != domain::AppointmentStatus::Cancelled)
            return a.id();
    }
    return {};
}

QColor TestDeskOffline::markPixel(const domain::ObjectId& id) {
    ui::DayView* view = showSaturday();
    const QRect card = view->cardRect(id);
    if (card.isEmpty())
        return {};
    const QImage shot = view->viewport()->grab().toImage();
    const QRectF mark = ui::AppointmentCard::unsentMarkRect(QRectF(card).adjusted(0, 0, -1, 0));
    // Left of the arrow, below its wing.
    return shot.pixelColor(QPointF(mark.left() + 3, mark.bottom() - 3).toPoint());
}

void TestDeskOffline::offlineAndBackAreNoticedWithNothingToSend() {
    MainWindow& window = *m_desk.window;
    sync::SyncEngine& engine = m_desk.session->engine();
    waitUntilIdle(engine);
    QCOMPARE(window.syncIndicator()->state(), ui::SyncState::Online);
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);

    // Nothing is written and the next sync is an hour away: only the
    // health check can tell.
    QElapsedTimer gone;
    gone.start();
    m_server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(window.syncIndicator()->state() == ui::SyncState::Offline, 15'000);
    qInfo("offline noticed after %lld ms", gone.elapsed());
    QVERIFY(window.offlineBanner()->isVisible());

    QElapsedTimer back;
    back.start();
    QVERIFY(m_server.start());
    QTRY_VERIFY_WITH_TIMEOUT(window.syncIndicator()->state() == ui::SyncState::Online, 15'000);
    qInfo("back online noticed after %lld ms", back.elapsed());
    QVERIFY(!window.offlineBanner()->isVisible());
}

void TestDeskOffline::retryNowShowsWhenItTriedAndWhatCameOfIt() {
    MainWindow& window = *m_desk.window;
    m_server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(window.syncIndicator()->state() == ui::SyncState::Offline, 15'000);
    m_offline << bookAt(9 * 60, u"Ada Lovelace"_s) << bookAt(11 * 60, u"Grace Hopper"_s);
    QVERIFY(!m_offline.contains(domain::ObjectId()));
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 2);
    waitUntilIdle(m_desk.session->engine());

    ui::OfflineBanner* banner = window.offlineBanner();
    QVERIFY(banner->isVisible());
    m_clock.set(wallClockToUtc(localDate(m_clock.now(), m_desk.session->timeZone()), QTime(14, 32),
                               m_desk.session->timeZone()));
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    // At once: busy, so the click is seen to do something.
    QVERIFY(banner->isTrying());
    QVERIFY(!banner->retryButton()->isEnabled());
    QVERIFY2(banner->text().contains(u"Trying to reach the server"_s), qPrintable(banner->text()));
    // Then when it tried and how it went.
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isTrying(), 30'000);
    QVERIFY(banner->retryButton()->isEnabled());
    const QString tried =
        u"Tried at %1: the server did not answer."_s.arg(ui::LocalText::time(QTime(14, 32)));
    QVERIFY2(banner->text().contains(tried), qPrintable(banner->text()));
    QCOMPARE(window.statusBar()->currentMessage(), tried);
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 2);
}

void TestDeskOffline::unsentAppointmentsAreMarkedOnTheirCards() {
    QCOMPARE(m_offline.size(), 2);
    const ui::CalendarModel& model = m_desk.window->book()->model();
    for (const domain::ObjectId& id : std::as_const(m_offline)) {
        QVERIFY(model.isUnsent(id));
        const QModelIndex index = model.index(model.rowOf(id));
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(u"Not yet sent to the server"_s));
        const QColor pixel = markPixel(id);
        QVERIFY2(isUnsentColour(pixel), qPrintable(pixel.name()));
    }
    // Sent: the marks go.
    QVERIFY(m_server.start());
    QTRY_VERIFY_WITH_TIMEOUT(m_desk.session->cache().outbox().pendingCount().value_or(-1) == 0,
                             30'000);
    waitUntilIdle(m_desk.session->engine());
    for (const domain::ObjectId& id : std::as_const(m_offline)) {
        QTRY_VERIFY(!model.isUnsent(id));
        const QColor pixel = markPixel(id);
        QVERIFY2(!isUnsentColour(pixel), qPrintable(pixel.name()));
    }
}

void TestDeskOffline::quittingWithUnsentChangesSaysHowManyAndKeepsThem() {
    MainWindow& window = *m_desk.window;
    m_server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(window.syncIndicator()->state() == ui::SyncState::Offline, 15'000);
    QVERIFY(!bookAt(13 * 60, u"Alan Turing"_s).isNull());
    QVERIFY(!bookAt(15 * 60, u"Radia Perlman"_s).isNull());
    waitUntilIdle(m_desk.session->engine());
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 2);
    QSignalSpy closing(&window, &MainWindow::closing);

    // Stay: the window stays, nothing is lost.
    QString text;
    QString more;
    whenDialogOpens<QMessageBox>([&](QMessageBox* box) {
        text = box->text();
        more = box->informativeText();
        for (QAbstractButton* b : box->buttons())
            if (b->text().remove(u'&') == "Stay"_L1)
                b->click();
    });
    QVERIFY(!window.close());
    QCOMPARE(text, u"2 changes made here have not reached the server yet."_s);
    QVERIFY2(more.contains(u"kept on this computer"_s), qPrintable(more));
    QVERIFY(window.isVisible());
    QCOMPARE(closing.count(), 0);

    // Quit: the window goes.
    whenDialogOpens<QMessageBox>([&](QMessageBox* box) {
        for (QAbstractButton* b : box->buttons())
            if (b->text().remove(u'&') == "Quit"_L1)
                b->click();
    });
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    QCOMPARE(closing.count(), 1);

    // The next start, still offline, has them waiting to be sent.
    const QString token = m_desk.session->token();
    const QString cacheDir = m_desk.cacheDir.path();
    m_desk.close();
    DeskSession next(m_server.url(), frontDesk, m_clock, cacheDir);
    std::optional<Checked<void>> resumed;
    next.resume(token, [&](Checked<void> r) { resumed = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(resumed.has_value(), 30'000);
    QVERIFY2(*resumed, qPrintable(*resumed ? QString() : describe(resumed->error())));
    QCOMPARE(next.cache().outbox().pendingCount().value(), 2);
}

void TestDeskOffline::theOfficeServerThisAppStartedIsStartedAgainWhenItDies() {
    qputenv("MSS_SERVER_PROGRAM", MSS_SERVER_BINARY);
    QTemporaryDir practice;
    OfficeServer office;
    std::optional<Result<QString>> made;
    office.createDemo(practice.path(), [&](Result<QString> r) { made = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(made.has_value(), 120'000);
    QVERIFY(*made);
    std::optional<Result<QUrl>> served;
    office.start(practice.path(), [&](Result<QUrl> r) { served = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(served.has_value(), 30'000);
    QVERIFY(*served);
    const QUrl address = **served;

    OpenDesk desk;
    QVERIFY(desk.open(address, frontDesk, demoPassword, m_clock));
    desk.window->watchOfficeServer(office);
    QSignalSpy stopped(&office, &OfficeServer::stoppedUnexpectedly);
    QSignalSpy restarted(&office, &OfficeServer::restarted);
    QSignalSpy said(desk.window->statusBar(), &QStatusBar::messageChanged);

    const qint64 first = office.processId();
    QVERIFY(first > 0);
    // A server that hangs (stopped, not gone) answers nothing: offline all
    // the same, once the health check's timeout has passed.
    QTRY_VERIFY_WITH_TIMEOUT(desk.window->syncIndicator()->state() == ui::SyncState::Online,
                             15'000);
    QElapsedTimer hung;
    hung.start();
    QCOMPARE(::kill(pid_t(first), SIGSTOP), 0);
    QTRY_VERIFY_WITH_TIMEOUT(desk.window->syncIndicator()->state() == ui::SyncState::Offline,
                             15'000);
    qInfo("a hung server noticed after %lld ms", hung.elapsed());
    QCOMPARE(::kill(pid_t(first), SIGCONT), 0);
    QTRY_VERIFY_WITH_TIMEOUT(desk.window->syncIndicator()->state() == ui::SyncState::Online,
                             15'000);
    QCOMPARE(stopped.count(), 0);

    QCOMPARE(::kill(pid_t(first), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(restarted.count(), 1, 30'000);
    QStringList messages;
    for (const QList<QVariant>& m : std::as_const(said))
        messages << m.front().toString();
    QVERIFY2(messages.filter(u"The office server on this computer stopped"_s).size() == 1,
             qPrintable(messages.join(u" | ")));
    QVERIFY(messages.filter(u"starting it again"_s).size() == 1);
    QCOMPARE(restarted.front().front().toUrl(), address); // the same address
    QVERIFY(office.processId() != first);
    QCOMPARE(desk.window->statusBar()->currentMessage(), u"The office server is running again."_s);

    // The desk is connected to it again: what is booked now reaches it.
    QTRY_VERIFY_WITH_TIMEOUT(desk.window->syncIndicator()->state() == ui::SyncState::Online,
                             15'000);
    domain::Appointment a;
    a.client.id = desk.window->book()->model().clients().front().id();
    a.provider.id = desk.window->book()->model().providers().front().id();
    a.startTime = wallClockToUtc(m_saturday.addDays(7), QTime(10, 0), desk.session->timeZone());
    a.endTime = a.startTime.addSecs(50 * 60);
    a.duration = 50;
    a.meta.id = domain::ObjectId::generate(m_clock);
    const auto booked = desk.session->schedule().book(a, false);
    QVERIFY2(booked, qPrintable(booked ? QString() : describe(booked.error())));
    QVERIFY(syncOnce(desk.session->engine()));
    QCOMPARE(desk.session->cache().outbox().pendingCount().value(), 0);
    sync::ApiClient admin(address);
    QVERIFY(await(admin.login(u"admin@demo.practice"_s, QString::fromLatin1(demoPassword))).ok());
    QVERIFY(await(admin.get(u"/appointments/"_s + a.id().toString())).ok());
    desk.close();
    office.stop();
}

QTEST_MAIN(TestDeskOffline)
#include "tst_deskoffline.moc"
