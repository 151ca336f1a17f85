// The desk's process SIGKILLed in the middle of a push: after it starts
// again, every change is on the server once, none lost, none doubled.
#include "Desk.h"

#include <QJsonArray>
#include <QProcess>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int bookings = 400;

QUrlQuery ofProvider(const QString& provider) {
    QUrlQuery q;
    q.addQueryItem(u"provider"_s, provider);
    return q;
}

} // namespace

class TestSyncKill : public QObject {
    Q_OBJECT

private slots:
    void killedMidPushLosesAndDoublesNothing();
};

void TestSyncKill::killedMidPushLosesAndDoublesNothing() {
    ServerProcess server;
    QVERIFY(server.init());
    QVERIFY(server.addUser(u"desk@example.org"_s, u"RECEPTIONIST"_s, "desk password 1"));
    QVERIFY(server.start());
    ApiClient admin(server.url());
    QVERIFY(await(admin.login(QString::fromLatin1(ServerProcess::adminEmail),
                              QString::fromLatin1(ServerProcess::adminPassword)))
                .ok());
    const ApiResponse clinician =
        await(admin.post(u"/staff"_s, {{"firstName"_L1, u"Ravi"_s},
                                       {"lastName"_L1, u"Shah"_s},
                                       {"email"_L1, u"ravi@example.org"_s},
                                       {"role"_L1, u"CLINICIAN"_s},
                                       {"password"_L1, u"ravi password 1"_s}}));
    QVERIFY(clinician.ok());
    const QString provider = clinician.data().toObject().value("_id"_L1).toString();
    const ApiResponse client =
        await(admin.post(u"/clients"_s, {{"firstName"_L1, u"Sam"_s}, {"lastName"_L1, u"Ortiz"_s}}));
    QVERIFY(client.ok());

    // 400 bookings made offline, one a weekday hour from 2027-01-04.
    QTemporaryDir dir;
    const QString cachePath = dir.filePath(u"desk.sqlite"_s);
    QSet<QString> ids;
    {
        Desk desk(cachePath, server.url());
        QVERIFY(desk.signIn(u"desk@example.org"_s, "desk password 1"));
        QVERIFY(desk.sync());
        QDateTime day(QDate(2027, 1, 4), QTime(13, 0), QTimeZone::utc());
        for (int i = 0; i < bookings; ++i) {
            if (i % 8 == 0 && i > 0)
                day = day.addDays(day.date().dayOfWeek() == 5 ? 3 : 1);
            Appointment a;
            a.provider.id = *ObjectId::fromString(provider);
            a.client.id =
                *ObjectId::fromString(client.data().toObject().value("_id"_L1).toString());
            a.startTime = day.addSecs((i % 8) * 3600);
            a.endTime = a.startTime.addSecs(50 * 60);
            const auto r = desk.schedule->book(a);
            QVERIFY2(r, r ? "" : qPrintable(describe(r.error())));
            ids.insert(r->id().toString());
        }
    }

    const QStringList args{cachePath, server.url().toString(), u"desk@example.org"_s,
                           u"desk password 1"_s};
    QProcess driver;
    driver.setProgram(QStringLiteral(MSS_SYNC_DRIVER));
    driver.setArguments(args);
    driver.setProcessChannelMode(QProcess::ForwardedChannels);
    driver.start();
    QVERIFY(driver.waitForStarted());
    int atKill = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            atKill = int(listAll(admin, u"/appointments"_s, ofProvider(provider)).size());
            return atKill >= 40 || driver.state() == QProcess::NotRunning;
        },
        60'000));
    driver.kill(); // SIGKILL
    driver.waitForFinished(10'000);
    QVERIFY2(atKill < bookings, "the push ended before the kill: nothing was tested");

    driver.start();
    QVERIFY(driver.waitForFinished(120'000));
    QCOMPARE(driver.exitStatus(), QProcess::NormalExit);
    QCOMPARE(driver.exitCode(), 0);

    // Every booking once: the ids the desk made, no more, no fewer.
    const QList<QJsonObject> all = listAll(admin, u"/appointments"_s, ofProvider(provider));
    QSet<QString> onServer;
    for (const QJsonObject& a : all)
        onServer.insert(a.value("_id"_L1).toString());
    QCOMPARE(all.size(), bookings);
    QCOMPARE(onServer, ids);

    Desk after(cachePath, server.url());
    QCOMPARE(after.cache->outbox().pendingCount().value(), 0);
    QVERIFY(after.cache->conflicts().value().isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
