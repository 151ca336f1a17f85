// A clinician's own calendar feed from the desk: the Schedule menu offers
// it, Turn on shows an address that a calendar program can fetch (the
// demo's appointments, no client names), New address retires the old one
// and Turn off ends it. The practice administrator's Calendar feeds dialog
// widens what feeds show, or turns them all off.
#include "CalendarFeedDialog.h"
#include "Desk.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "PracticeFeedsDialog.h"
#include "ServerProcess.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

struct Fetched {
    int status = 0;
    QByteArray body;
};

Fetched fetch(const QString& url) {
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(QUrl(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 30'000)) {
        delete reply;
        return {};
    }
    Fetched out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll()};
    delete reply;
    return out;
}

} // namespace

class TestCalendarFeed : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theScheduleMenuOffersIt();
    void turnOnRenewAndTurnOff();
    void theAdministratorDecidesWhatFeedsShow();

private:
    ServerProcess m_server;
    SystemClock m_clock;
    OpenDesk m_desk;
    OpenDesk m_admin;
};

void TestCalendarFeed::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.demo());
    QVERIFY(m_server.start());
    QVERIFY(
        m_desk.open(m_server.url(), u"maya.okafor@demo.practice"_s, "mentalspace-demo", m_clock));
}

void TestCalendarFeed::cleanupTestCase() {
    m_desk.close();
    m_admin.close();
}

void TestCalendarFeed::theScheduleMenuOffersIt() {
    bool found = false;
    for (QAction* a : m_desk.window->menuBar()->findChildren<QAction*>())
        found = found || a->text() == u"My &calendar feed…"_s;
    QVERIFY(found);
}

void TestCalendarFeed::turnOnRenewAndTurnOff() {
    CalendarFeedDialog dialog(m_desk.session->api(), m_desk.window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy loaded(&dialog, &CalendarFeedDialog::loaded);
    QSignalSpy changed(&dialog, &CalendarFeedDialog::changed);
    dialog.load();
    QVERIFY(loaded.wait(30'000));
    auto* status = dialog.findChild<QLabel*>(u"feedStatus"_s);
    auto* address = dialog.findChild<QLineEdit*>(u"feedAddress"_s);
    auto* turnOn = dialog.findChild<QPushButton*>(u"turnOn"_s);
    auto* renew = dialog.findChild<QPushButton*>(u"newAddress"_s);
    auto* turnOff = dialog.findChild<QPushButton*>(u"turnOff"_s);
    QVERIFY(status && address && turnOn && renew && turnOff);
    QCOMPARE(status->text(), u"Your calendar feed is off."_s);
    QVERIFY(turnOn->isVisible() && turnOn->isEnabled());
    QVERIFY(!turnOff->isEnabled());

    QTest::mouseClick(turnOn, Qt::LeftButton);
    QVERIFY(changed.wait(30'000));
    const QString first = address->text();
    QVERIFY2(first.startsWith(m_server.url().toString()) && first.endsWith(".ics"_L1),
             qPrintable(first));
    QVERIFY(renew->isVisible() && turnOff->isEnabled() && !turnOn->isVisible());
    const Fetched feed = fetch(first);
    QCOMPARE(feed.status, 200);
    QVERIFY(feed.body.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(feed.body.contains("SUMMARY:Appointment\r\n"));
    for (const char* name : {"Lovelace", "Turing", "Hopper", "Dijkstra", "Knuth"})
        QVERIFY2(!feed.body.contains(name), name);
    for (QPushButton* b : dialog.findChildren<QPushButton*>()) {
        if (b->text() == u"&Copy"_s)
            QTest::mouseClick(b, Qt::LeftButton);
    }
    QCOMPARE(QGuiApplication::clipboard()->text(), first);

    QTest::mouseClick(renew, Qt::LeftButton);
    QVERIFY(changed.wait(30'000));
    const QString second = address->text();
    QVERIFY(second != first);
    QCOMPARE(fetch(first).status, 404);
    QCOMPARE(fetch(second).status, 200);

    QTest::mouseClick(turnOff, Qt::LeftButton);
    QVERIFY2(changed.wait(30'000), qPrintable(status->text()));
    QCOMPARE(fetch(second).status, 404);
    QVERIFY(address->text().isEmpty());
    QVERIFY(turnOn->isVisible());
}

void TestCalendarFeed::theAdministratorDecidesWhatFeedsShow() {
    // The clinician's feed, on.
    CalendarFeedDialog mine(m_desk.session->api());
    QSignalSpy made(&mine, &CalendarFeedDialog::changed);
    QSignalSpy mineLoaded(&mine, &CalendarFeedDialog::loaded);
    mine.load();
    QVERIFY(mineLoaded.wait(30'000));
    QTest::mouseClick(mine.findChild<QPushButton*>(u"turnOn"_s), Qt::LeftButton);
    QVERIFY(made.wait(30'000));
    const QString address = mine.findChild<QLineEdit*>(u"feedAddress"_s)->text();
    QVERIFY(!fetch(address).body.contains("Okafor"));

    QVERIFY(m_admin.open(m_server.url(), u"admin@demo.practice"_s, "mentalspace-demo", m_clock));
    bool offered = false;
    for (QAction* a : m_admin.window->menuBar()->findChildren<QAction*>())
        offered = offered || a->text() == u"&Calendar feeds…"_s;
    QVERIFY(offered);
    PracticeFeedsDialog dialog(m_admin.session->api(), m_admin.window.get());
    dialog.show();
    QSignalSpy loaded(&dialog, &PracticeFeedsDialog::loaded);
    QSignalSpy saved(&dialog, &PracticeFeedsDialog::saved);
    dialog.load();
    QVERIFY(loaded.wait(30'000));
    auto* detail = dialog.findChild<QComboBox*>(u"feedDetail"_s);
    QCOMPARE(detail->currentData().toString(), u"busy"_s);
    auto* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    QVERIFY(save->isEnabled());

    // Initials: the clinician's calendar shows "Appointment: A.L." and the like.
    detail->setCurrentIndex(detail->findData(u"initials"_s));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(saved.wait(30'000));
    const QByteArray withInitials = fetch(address).body;
    QVERIFY(withInitials.contains("SUMMARY:Appointment: "));
    QVERIFY(!withInitials.contains("Lovelace"));

    // Off: the address answers nothing, and the clinician cannot make another.
    detail->setCurrentIndex(detail->findData(u"off"_s));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(saved.wait(30'000));
    QCOMPARE(fetch(address).status, 404);
    CalendarFeedDialog again(m_desk.session->api());
    QSignalSpy refused(&again, &CalendarFeedDialog::loaded);
    again.load();
    QVERIFY(refused.wait(30'000));
    QTest::mouseClick(again.findChild<QPushButton*>(u"newAddress"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(again.findChild<QLabel*>(u"feedStatus"_s)->text(),
                              u"The practice has turned calendar feeds off."_s, 30'000);
}

QTEST_MAIN(TestCalendarFeed)
#include "tst_calendarfeed.moc"
