// Writes that fail on purpose: the practice's own connection told to act
// as a full disk or a read-only file (FailingStorage.h) while requests
// run, driven in-process through ApiServer::handle. Every action either
// lands or says why, and afterwards the database holds nothing
// half-written: no series without its occurrences, no change-feed entry
// without its record, an audit chain that still verifies.
#include "FailingStorage.h"
#include "InProcessServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mss;
using server::ApiRequest;
using server::ApiResponse;
using server::Method;

class ServerStorageFailureTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyBookingOnAFullDiskLandsOrSaysWhy();
    void aSeriesOnAFullDiskIsRefusedWithNoneOfItsOccurrences();
    void aCancelOnAReadOnlyFileIsRefusedAndChangesNothing();

private:
    ApiResponse call(Method method, const QString& path, const QJsonObject& body = {});
    QJsonObject booking(int i) const;
    qint64 count(const QString& query);
    // Nothing half-written: every checked by SQL on the file as it is.
    void verifyNothingHalfWritten();

    mss::test::InProcessServer m_app;
    QByteArray m_token;
    QString m_provider, m_client;
};

ApiResponse ServerStorageFailureTest::call(Method method, const QString& path,
                                           const QJsonObject& body) {
    return m_app.call(method, path, body, m_token);
}

QJsonObject ServerStorageFailureTest::booking(int i) const {
    const QDateTime start = QDateTime(QDate(2030, 2, 4), QTime(14, 0), QTimeZone::utc()).addDays(i);
    return {{"client"_L1, m_client},
            {"provider"_L1, m_provider},
            {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
            {"endTime"_L1, start.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
            {"appointmentType"_L1, u"Individual Therapy"_s},
            {"notes"_L1, QString(u"booking %1 "_s.arg(i) + QString(4000, u'n'))}};
}

qint64 ServerStorageFailureTest::count(const QString& query) {
    QSqlQuery q(m_app.practice().db().sql());
    if (!q.exec(query) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void ServerStorageFailureTest::verifyNothingHalfWritten() {
    // A series holds its occurrences, an occurrence its series.
    QCOMPARE(count(u"SELECT count(*) FROM recurring_appointments r WHERE NOT EXISTS "
                   "(SELECT 1 FROM appointments a WHERE a.series = r.id)"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM appointments a WHERE a.series IS NOT NULL AND NOT "
                   "EXISTS (SELECT 1 FROM recurring_appointments r WHERE r.id = a.series)"_s),
             0);
    // The change feed names records that are there, and every record is in it.
    for (const auto& [kind, table] :
         {std::pair{storage::RecordKind::Appointment, "appointments"},
          {storage::RecordKind::RecurringAppointment, "recurring_appointments"},
          {storage::RecordKind::Client, "clients"}}) {
        QCOMPARE(count(u"SELECT count(*) FROM changes c WHERE c.kind = %1 AND c.op = 'upsert' AND "
                       "NOT EXISTS (SELECT 1 FROM %2 t WHERE t.id = c.record_id "
                       "AND t.version = c.version)"_s.arg(int(kind))
                           .arg(QLatin1String(table))),
                 0);
        QCOMPARE(count(u"SELECT count(*) FROM %2 t WHERE NOT EXISTS (SELECT 1 FROM changes c "
                       "WHERE c.kind = %1 AND c.record_id = t.id)"_s.arg(int(kind))
                           .arg(QLatin1String(table))),
                 0);
    }
    const auto verdict = m_app.practice().auditLog().verify();
    QVERIFY(verdict);
    QVERIFY2(verdict->intact, qPrintable(verdict->problem));
}

void ServerStorageFailureTest::init() {
    domain::Staff clinician;
    clinician.firstName = u"C"_s;
    clinician.lastName = u"D"_s;
    clinician.email = u"clinician@test.practice"_s;
    clinician.role = domain::StaffRole::Clinician;
    QVERIFY(m_app.open(QDateTime(QDate(2030, 1, 7), QTime(9, 0), QTimeZone::utc()), {&clinician}));
    m_provider = clinician.id().toString();
    m_token.clear();
    const ApiResponse signedIn =
        call(Method::Post, u"/api/v1/auth/login"_s,
             {{"email"_L1, QString::fromLatin1(mss::test::InProcessServer::adminEmail)},
              {"password"_L1, QString::fromLatin1(mss::test::InProcessServer::adminPassword)}});
    QCOMPARE(signedIn.status, 200);
    m_token = signedIn.body.value("token"_L1).toString().toLatin1();
    const ApiResponse client = call(Method::Post, u"/api/v1/clients"_s,
                                    {{"firstName"_L1, u"E"_s}, {"lastName"_L1, u"F"_s}});
    QCOMPARE(client.status, 201);
    m_client = client.body.value("data"_L1)["_id"_L1].toString();
    QVERIFY(!m_client.isEmpty() && !m_provider.isEmpty());
}

void ServerStorageFailureTest::cleanup() {
    m_app.close();
}

void ServerStorageFailureTest::everyBookingOnAFullDiskLandsOrSaysWhy() {
    QVERIFY(mss::test::fillDisk(m_app.practice().db()));
    int landed = 0;
    ApiResponse refused;
    for (int i = 0; i < 300 && refused.status != 507; ++i) {
        const ApiResponse r = call(Method::Post, u"/api/v1/appointments"_s, booking(i));
        const QString marker = u"booking %1 "_s.arg(i);
        const qint64 stored =
            count(u"SELECT count(*) FROM appointments WHERE doc LIKE '%%1%'"_s.arg(marker));
        if (r.status == 201) {
            ++landed;
            QCOMPARE(stored, 1);
        } else {
            QCOMPARE(r.status, 507);
            refused = r;
            QCOMPARE(stored, 0);
        }
    }
    QCOMPARE(refused.status, 507);
    QCOMPARE(refused.body.value("code"_L1).toString(), u"DISK_FULL"_s);
    QCOMPARE(refused.body.value("error"_L1).toString(),
             u"The server's disk is full; nothing was saved"_s);
    QCOMPARE(count(u"SELECT count(*) FROM appointments"_s), landed);
    verifyNothingHalfWritten();

    // Room again: the same booking lands.
    QVERIFY(mss::test::freeDisk(m_app.practice().db()));
    QCOMPARE(call(Method::Post, u"/api/v1/appointments"_s, booking(400)).status, 201);
    verifyNothingHalfWritten();
}

void ServerStorageFailureTest::aSeriesOnAFullDiskIsRefusedWithNoneOfItsOccurrences() {
    const QJsonObject series{{"client"_L1, m_client},
                             {"provider"_L1, m_provider},
                             {"appointmentType"_L1, u"Individual Therapy"_s},
                             {"duration"_L1, 50},
                             {"recurrencePattern"_L1, u"Weekly"_s},
                             {"dayOfWeek"_L1, u"Monday"_s},
                             {"startTime"_L1, u"14:00"_s},
                             {"startDate"_L1, u"2030-03-04T00:00:00.000Z"_s},
                             {"numberOfOccurrences"_L1, 200},
                             {"notes"_L1, QString(4000, u'n')}};
    const qint64 changesBefore = count(u"SELECT count(*) FROM changes"_s);
    QVERIFY(mss::test::fillDisk(m_app.practice().db()));
    const ApiResponse refused = call(Method::Post, u"/api/v1/recurring-appointments"_s, series);
    QCOMPARE(refused.status, 507);
    QCOMPARE(refused.body.value("code"_L1).toString(), u"DISK_FULL"_s);
    QCOMPARE(count(u"SELECT count(*) FROM recurring_appointments"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM appointments"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM changes"_s), changesBefore);
    verifyNothingHalfWritten();

    // The request itself was good: with room it lands whole.
    QVERIFY(mss::test::freeDisk(m_app.practice().db()));
    const ApiResponse created = call(Method::Post, u"/api/v1/recurring-appointments"_s, series);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.body.value("generatedCount"_L1).toInt(), 200);
    QCOMPARE(count(u"SELECT count(*) FROM appointments"_s), 200);
    verifyNothingHalfWritten();
}

void ServerStorageFailureTest::aCancelOnAReadOnlyFileIsRefusedAndChangesNothing() {
    const ApiResponse booked = call(Method::Post, u"/api/v1/appointments"_s, booking(1));
    QCOMPARE(booked.status, 201);
    const QString id = booked.body.value("data"_L1)["_id"_L1].toString();
    const qint64 lastChange = count(u"SELECT max(seq) FROM changes"_s);
    const qint64 auditEntries = count(u"SELECT count(*) FROM audit_log"_s);
    const QString statusOf = u"SELECT status FROM appointments WHERE id = '%1'"_s.arg(id);
    const qint64 scheduled = count(statusOf);

    QVERIFY(mss::test::makeReadOnly(m_app.practice().db()));
    const QString cancelPath = u"/api/v1/appointments/%1/cancel"_s.arg(id);
    const QJsonObject reason{{"cancellationReason"_L1, u"Client request"_s}};
    const ApiResponse refused = call(Method::Put, cancelPath, reason);
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.body.value("code"_L1).toString(), u"READ_ONLY"_s);
    QCOMPARE(refused.body.value("error"_L1).toString(),
             u"The server cannot write its database (the file is read-only); nothing was saved"_s);
    // A booking is refused alike.
    QCOMPARE(call(Method::Post, u"/api/v1/appointments"_s, booking(2)).body.value("code"_L1),
             u"READ_ONLY"_s);
    QCOMPARE(count(statusOf), scheduled);
    QCOMPARE(count(u"SELECT version FROM appointments WHERE id = '%1'"_s.arg(id)), 1);
    QCOMPARE(count(u"SELECT max(seq) FROM changes"_s), lastChange);
    QCOMPARE(count(u"SELECT count(*) FROM appointments"_s), 1);

    // Writable again: the cancel lands, once.
    QVERIFY(mss::test::makeReadOnly(m_app.practice().db(), false));
    verifyNothingHalfWritten();
    const ApiResponse cancelled = call(Method::Put, cancelPath, reason);
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.body.value("data"_L1)["status"_L1].toString(), u"Cancelled"_s);
    QCOMPARE(count(u"SELECT version FROM appointments WHERE id = '%1'"_s.arg(id)), 2);
    QVERIFY(count(u"SELECT count(*) FROM audit_log"_s) > auditEntries);
    verifyNothingHalfWritten();
}

QTEST_GUILESS_MAIN(ServerStorageFailureTest)
#include "tst_server_storagefailure.moc"
