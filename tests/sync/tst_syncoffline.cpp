// Working through a server outage: fifty-one actions made with the server down,
// the client restarted, the server back: every action is on the server
// exactly once.
#include "base/WallClock.h"
#include "Desk.h"

#include <QJsonArray>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;
using storage::RecordKind;

class TestSyncOffline : public QObject {
    Q_OBJECT

private slots:
    void offlineActionsLandExactlyOnce();
};

void TestSyncOffline::offlineActionsLandExactlyOnce() {
    ServerProcess server;
    QVERIFY(server.init());
    QVERIFY(server.addUser(u"desk@example.org"_s, u"RECEPTIONIST"_s, "desk password 1"));
    QVERIFY(server.start());

    // The practice: one clinician and twenty clients, made by the admin.
    ApiClient admin(server.url());
    QVERIFY(await(admin.login(QString::fromLatin1(ServerProcess::adminEmail),
                              QString::fromLatin1(ServerProcess::adminPassword)))
                .ok());
    const ApiResponse clinician =
        await(admin.post(u"/staff"_s, {{"firstName"_L1, u"Maya"_s},
                                       {"lastName"_L1, u"Okafor"_s},
                                       {"email"_L1, u"maya@example.org"_s},
                                       {"role"_L1, u"CLINICIAN"_s},
                                       {"password"_L1, u"maya password 1"_s}}));
    QVERIFY2(clinician.ok(), qPrintable(clinician.message));
    const QString provider = clinician.data().toObject().value("_id"_L1).toString();
    QStringList clients;
    for (int i = 0; i < 20; ++i) {
        const ApiResponse c = await(admin.post(
            u"/clients"_s, {{"firstName"_L1, u"Client"_s}, {"lastName"_L1, u"No %1"_s.arg(i)}}));
        QVERIFY2(c.ok(), qPrintable(c.message));
        clients << c.data().toObject().value("_id"_L1).toString();
    }

    QTemporaryDir dir;
    const QString cachePath = dir.filePath(u"desk.sqlite"_s);
    QList<ObjectId> booked;
    QList<ObjectId> moved;
    QList<ObjectId> cancelled;
    ObjectId series;
    {
        Desk desk(cachePath, server.url());
        QVERIFY(desk.signIn(u"desk@example.org"_s, "desk password 1"));
        QVERIFY(desk.sync());
        QCOMPARE(desk.cache->count(RecordKind::Client).value(), 20);

        server.stop();
        QVERIFY(!desk.sync());
        QCOMPARE(desk.engine->state(), SyncEngine::State::Offline);

        // 40 bookings: weekdays from 2026-12-07, on the hour, 14:00-21:00Z.
        const QDateTime monday(QDate(2026, 12, 7), QTime(14, 0), QTimeZone::utc());
        for (int i = 0; i < 40; ++i) {
            Appointment a;
            a.provider.id = *ObjectId::fromString(provider);
            a.client.id = *ObjectId::fromString(clients[i % 20]);
            a.startTime = monday.addDays(i / 8).addSecs((i % 8) * 3600);
            a.endTime = a.startTime.addSecs(50 * 60);
            const auto r = desk.schedule->book(a);
            QVERIFY2(r, r ? "" : qPrintable(describe(r.error())));
            booked << r->id();
        }
        // 4 moves a week later, 4 cancels, 1 move-then-cancel.
        for (int i = 0; i < 4; ++i) {
            Appointment a = desk.cache->appointment(booked[i].toString()).value().value();
            a.startTime = a.startTime.addDays(7);
            a.endTime = a.endTime.addDays(7);
            QVERIFY(desk.schedule->change(a));
            moved << a.id();
        }
        for (int i = 10; i < 14; ++i) {
            QVERIFY(desk.schedule->cancel(booked[i], u"Client asked"_s, 0));
            cancelled << booked[i];
        }
        // One series: weekly on Thursdays at 09:00 New York, 10 sessions.
        RecurringAppointment s;
        s.provider.id = *ObjectId::fromString(provider);
        s.client.id = *ObjectId::fromString(clients[0]);
        s.recurrencePattern = RecurrencePattern::Weekly;
        s.dayOfWeek = DayOfWeek::Thursday;
        s.startTime = *TimeOfDay::fromString(u"09:00");
        s.startDate = calendarDateInstant(QDate(2027, 1, 7));
        s.numberOfOccurrences = 10;
        s.duration = 50;
        const auto created = desk.schedule->createSeries(s);
        QVERIFY2(created, created ? "" : qPrintable(describe(created.error())));
        series = created->id();
        QCOMPARE(desk.cache->outbox().pendingCount().value(), 40 + 4 + 4 + 1);
        // The 50th and 51st: a consultation booked, then cancelled.
        Appointment lunch;
        lunch.provider.id = *ObjectId::fromString(provider);
        lunch.client.id = *ObjectId::fromString(clients[5]);
        lunch.startTime = QDateTime(QDate(2026, 12, 14), QTime(19, 0), QTimeZone::utc());
        lunch.endTime = lunch.startTime.addSecs(30 * 60);
        lunch.appointmentType = AppointmentType::Consultation;
        const auto l = desk.schedule->book(lunch);
        QVERIFY(l);
        QVERIFY(desk.schedule->cancel(l->id(), u"Booked by mistake"_s, 0));
        cancelled << l->id();
        QCOMPARE(desk.cache->outbox().pendingCount().value(), 51);
    } // the client "process" ends here: everything is closed

    QVERIFY(server.start());
    Desk desk(cachePath, server.url());
    QCOMPARE(desk.cache->outbox().pendingCount().value(), 51);
    QVERIFY(desk.signIn(u"desk@example.org"_s, "desk password 1"));
    QVERIFY2(desk.syncUntilSettled(), desk.outboxReport().constData());
    QCOMPARE(desk.cache->conflicts().value().size(), 0);

    QUrlQuery ofProvider;
    ofProvider.addQueryItem(u"provider"_s, provider);
    const QList<QJsonObject> onServer = listAll(admin, u"/appointments"_s, ofProvider);
    QHash<QString, QJsonObject> byId;
    for (const QJsonObject& a : onServer)
        byId.insert(a.value("_id"_L1).toString(), a);
    QCOMPARE(byId.size(), onServer.size()); // no id twice
    for (const ObjectId& id : booked)
        QVERIFY2(byId.contains(id.toString()), qPrintable(id.toString()));
    for (const ObjectId& id : moved) {
        const QJsonObject a = byId.value(id.toString());
        QCOMPARE(fromWireTime(a.value("startTime"_L1).toString()),
                 desk.cache->appointment(id.toString()).value()->startTime);
        QVERIFY(fromWireTime(a.value("startTime"_L1).toString()).date() >= QDate(2026, 12, 14));
    }
    for (const ObjectId& id : cancelled)
        QCOMPARE(byId.value(id.toString()).value("status"_L1).toString(), u"Cancelled"_s);
    // 40 bookings, the consultation and the series' 10 sessions.
    int ofSeries = 0;
    for (const QJsonObject& a : onServer)
        ofSeries += a.value("recurringAppointment"_L1).toString() == series.toString() ? 1 : 0;
    QCOMPARE(ofSeries, 10);
    QCOMPARE(onServer.size(), 51);
    // And the desk sees what the server has, the series' sessions included.
    QCOMPARE(desk.cache->count(RecordKind::Appointment).value(), 51);
}

QTEST_GUILESS_MAIN(TestSyncOffline)
#include "tst_syncoffline.moc"
