// Series edits made while the server is down: "this and following" and
// "all occurrences" land once after reconnecting, against a server with
// the extensions and one without, and the server ends with exactly the
// occurrences the user saw.
#include "base/WallClock.h"
#include "Desk.h"
#include "TestRecords.h"

#include <QJsonArray>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;
using storage::RecordKind;

class TestSeriesEdit : public QObject {
    Q_OBJECT

private slots:
    void offlineEditsLandOnce_data();
    void offlineEditsLandOnce();
};

namespace {

// Starts of the provider's appointments that hold time, sorted, as wire text.
QStringList heldStarts(const QList<QJsonObject>& appointments) {
    QStringList out;
    for (const QJsonObject& a : appointments) {
        const QString status = a.value("status"_L1).toString();
        if (status != "Cancelled"_L1 && status != "No-Show"_L1 && status != "Rescheduled"_L1)
            out << toWireTime(fromWireTime(a.value("startTime"_L1).toString()));
    }
    out.sort();
    return out;
}

QStringList cachedStarts(LocalCache& cache) {
    QList<QJsonObject> docs;
    const QList<Appointment> shown =
        cache.appointments(utc("2027-01-01T00:00:00.000Z"), utc("2027-04-01T00:00:00.000Z"))
            .value();
    for (const Appointment& a : shown)
        docs << a.toJson();
    return heldStarts(docs);
}

QStringList idsOf(const QList<QJsonObject>& records) {
    QStringList out;
    for (const QJsonObject& r : records)
        out << r.value("_id"_L1).toString();
    out.sort();
    return out;
}

QStringList cachedIds(LocalCache& cache) {
    QStringList out;
    const QList<Appointment> all =
        cache.appointments(utc("2026-01-01T00:00:00.000Z"), utc("2028-01-01T00:00:00.000Z"))
            .value();
    for (const Appointment& a : all)
        out << a.id().toString();
    out.sort();
    return out;
}

// Thursdays in January and February 2027 at `time` New York (EST, UTC-5).
QStringList thursdays(const QList<int>& days, int hourUtc, int minute = 0) {
    QStringList out;
    for (int d : days) {
        const QDate date = QDate(2027, 1, 7).addDays(7 * d);
        out << toWireTime(QDateTime(date, QTime(hourUtc, minute), QTimeZone::utc()));
    }
    return out;
}

} // namespace

void TestSeriesEdit::offlineEditsLandOnce_data() {
    QTest::addColumn<bool>("plain");
    QTest::newRow("server with the extensions") << false;
    QTest::newRow("plain /api/v1 server") << true;
}

void TestSeriesEdit::offlineEditsLandOnce() {
    QFETCH(bool, plain);
    const QStringList serverArgs = plain ? QStringList{u"--plain-api"_s} : QStringList{};
    ServerProcess server;
    QVERIFY(server.init());
    QVERIFY(server.addUser(u"desk@example.org"_s, u"RECEPTIONIST"_s, "desk password 1"));
    QVERIFY(server.start(serverArgs));

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
    const ApiResponse client =
        await(admin.post(u"/clients"_s, {{"firstName"_L1, u"Ana"_s}, {"lastName"_L1, u"Reyes"_s}}));
    QVERIFY2(client.ok(), qPrintable(client.message));
    QUrlQuery ofProvider;
    ofProvider.addQueryItem(u"provider"_s, provider);

    QTemporaryDir dir;
    const QString cachePath = dir.filePath(u"desk.sqlite"_s);
    const QDateTime windowFrom = utc("2027-01-01T00:00:00.000Z");
    const QDateTime windowTo = utc("2027-04-01T00:00:00.000Z");
    RecurringAppointment s;
    s.provider.id = *ObjectId::fromString(provider);
    s.client.id = *ObjectId::fromString(client.data().toObject().value("_id"_L1).toString());
    s.recurrencePattern = RecurrencePattern::Weekly;
    s.dayOfWeek = DayOfWeek::Thursday;
    s.startTime = *TimeOfDay::fromString(u"09:00");
    s.startDate = calendarDateInstant(QDate(2027, 1, 7));
    s.numberOfOccurrences = 8;
    s.duration = 50;
    ObjectId first;
    ObjectId second;
    {
        Desk desk(cachePath, server.url());
        desk.engine->setVisibleWindow(windowFrom, windowTo);
        QVERIFY(desk.signIn(u"desk@example.org"_s, "desk password 1"));
        const auto created = desk.schedule->createSeries(s);
        QVERIFY2(created, created ? "" : qPrintable(describe(created.error())));
        first = created->id();
        QVERIFY2(desk.syncUntilSettled(), desk.outboxReport().constData());
        QVERIFY(desk.sync()); // the server's occurrences arrive
        QCOMPARE(cachedStarts(*desk.cache), thursdays({0, 1, 2, 3, 4, 5, 6, 7}, 14));

        server.stop();
        QVERIFY(!desk.sync());
        // From 28 January on, at 11:00 instead of 09:00.
        RecurringAppointment edited = s;
        edited.startTime = *TimeOfDay::fromString(u"11:00");
        const auto split = desk.schedule->editThisAndFollowing(first, {2027, 1, 28}, edited);
        QVERIFY2(split, split ? "" : qPrintable(describe(split.error())));
        second = split->id();
        // The desk shows the result at once, offline.
        QStringList expected = thursdays({0, 1, 2}, 14) + thursdays({3, 4, 5, 6, 7}, 16);
        expected.sort();
        QCOMPARE(cachedStarts(*desk.cache), expected);
        QCOMPARE(desk.cache->outbox().pendingCount().value(), 2);
    } // the desk's process ends

    QVERIFY(server.start(serverArgs));
    {
        Desk desk(cachePath, server.url());
        desk.engine->setVisibleWindow(windowFrom, windowTo);
        QVERIFY(desk.signIn(u"desk@example.org"_s, "desk password 1"));
        QVERIFY2(desk.syncUntilSettled(), desk.outboxReport().constData());
        QVERIFY(desk.sync());
        QCOMPARE(desk.cache->conflicts().value().size(), 0);

        const QList<QJsonObject> onServer = listAll(admin, u"/appointments"_s, ofProvider);
        QStringList expected = thursdays({0, 1, 2}, 14) + thursdays({3, 4, 5, 6, 7}, 16);
        expected.sort();
        QCOMPARE(heldStarts(onServer), expected);
        int ofSecond = 0;
        for (const QJsonObject& a : onServer)
            ofSecond += a.value("recurringAppointment"_L1).toString() == second.toString() ? 1 : 0;
        QCOMPARE(ofSecond, 5);
        QCOMPARE(listAll(admin, u"/recurring-appointments"_s, ofProvider).size(), 2);
        // The desk holds the server's records, not its own guesses.
        QCOMPARE(cachedIds(*desk.cache), idsOf(onServer));

        // Then every occurrence of the new series, offline again: at
        // 12:30 on video.
        server.stop();
        QVERIFY(!desk.sync());
        const auto current =
            desk.cache->records().get(RecordKind::RecurringAppointment, second.toString());
        QVERIFY(current.value().has_value());
        RecurringAppointment edited =
            RecurringAppointment::fromJson((*current)->doc, DecodeMode::TypesOnly).value();
        edited.startTime = *TimeOfDay::fromString(u"12:30");
        edited.location = Location::Virtual;
        const auto all = desk.schedule->editAllOccurrences(second, edited);
        QVERIFY2(all, all ? "" : qPrintable(describe(all.error())));
    }
    QVERIFY(server.start(serverArgs));
    Desk desk(cachePath, server.url());
    desk.engine->setVisibleWindow(windowFrom, windowTo);
    QVERIFY(desk.signIn(u"desk@example.org"_s, "desk password 1"));
    QVERIFY2(desk.syncUntilSettled(), desk.outboxReport().constData());
    QVERIFY(desk.sync());
    QCOMPARE(desk.cache->conflicts().value().size(), 0);
    const QList<QJsonObject> onServer = listAll(admin, u"/appointments"_s, ofProvider);
    QStringList expected = thursdays({0, 1, 2}, 14) + thursdays({3, 4, 5, 6, 7}, 17, 30);
    expected.sort();
    QCOMPARE(heldStarts(onServer), expected);
    for (const QJsonObject& a : onServer) {
        if (a.value("recurringAppointment"_L1).toString() == second.toString() &&
            a.value("status"_L1).toString() == "Scheduled"_L1)
            QCOMPARE(a.value("location"_L1).toString(), u"Virtual"_s);
    }
    QCOMPARE(cachedIds(*desk.cache), idsOf(onServer));
}

QTEST_GUILESS_MAIN(TestSeriesEdit)
#include "tst_seriesedit.moc"
