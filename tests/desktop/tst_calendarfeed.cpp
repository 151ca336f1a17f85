// A clinician's own calendar feed from the desk: the Schedule menu offers
// it, Turn on shows an address that a calendar program can fetch (the
// demo's appointments, no client names), New address retires the old one
// and Turn off ends it.
#include "CalendarFeedDialog.h"
#include "Desk.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"

#include <QAction>
#include <QClipboard>
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
    QTest::qWaitFor([&] { return reply->isFinished(); }, 30'000);
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

private:
    ServerProcess m_server;
    SystemClock m_clock;
    OpenDesk m_desk;
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

QTEST_MAIN(TestCalendarFeed)
#include "tst_calendarfeed.moc"
