// Sign-in throttling that an attacker cannot turn against a user, against
// the real server binary. Clients come from different loopback addresses
// (127.0.0.x, all of them this machine) so that "one address" and "another
// address" are real; time moves through the server's clock file, never by
// sleeping.
#include "ServerHarness.h"
#include "TestDatabase.h"

#include "server/LoginThrottle.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QtTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using mss::test::Reply;
using mss::test::ServerHarness;

namespace {

const QString attacker = u"127.0.0.2"_s;
const QString office = u"127.0.0.3"_s; // the front desk's router
const QString elsewhere = u"127.0.0.4"_s;
const QString balancer = u"127.0.0.5"_s; // a load balancer in front (--trusted-proxy)

const QString admin = u"practice_admin@test.practice"_s;
const QString clinician = u"clinician@test.practice"_s;
const QString rightPassword = QString::fromLatin1(ServerHarness::password);
const QString wrongPassword = u"not the password"_s;

const QDateTime start(QDate(2030, 3, 4), QTime(9, 0), QTimeZone::utc());

} // namespace

class ServerThrottleTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void guessesAgainstAnAccountDoNotStopAKnownDesk();
    void sprayingFromOneAddressSlowsThatAddressOnly();
    void aKnownDeviceIsLockedOutByItsOwnGuessesAlone();
    void aDeviceTokenCountsOnlyForItsAccountUntilItsSessionsEnd();
    void theCountsSurviveARestartAndNameNoEmailOrAddress();
    void behindATrustedProxyEachClientIsCountedAsItself();

private:
    // POST /auth/login from `from` (a loopback address), with the device
    // token in X-Device-Token and X-Forwarded-For when given.
    Reply login(const QString& from, const QString& email, const QString& password,
                const QByteArray& deviceToken = {}, const QByteArray& forwardedFor = {}) const;
    // A device token for `email`, from a desk at `from` that signs in.
    QByteArray signInDesk(const QString& from, const QString& email) const;
    // Ten wrong guesses against `email` from `from`, each answered 401.
    void guess(const QString& from, const QString& email, int times,
               const QByteArray& deviceToken = {}) const;
    static int retryAfter(const Reply& r) { return r.headers.value("retry-after").toInt(); }
    // The rows of the failures table as "kind|key", from the practice's
    // database (SQLite file or PostgreSQL), or nullopt when unreadable.
    std::optional<QStringList> storedFailures() const;

    std::unique_ptr<ServerHarness> m_server;
};

Reply ServerThrottleTest::login(const QString& from, const QString& email, const QString& password,
                                const QByteArray& deviceToken,
                                const QByteArray& forwardedFor) const {
    // Raw HTTP/1.1 over a socket bound to `from`: QNetworkAccessManager
    // cannot choose the address it connects from.
    const QUrl base(m_server->baseUrl());
    QTcpSocket socket;
    Reply reply;
    if (!socket.bind(QHostAddress(from)))
        return reply;
    socket.connectToHost(QHostAddress(base.host()), quint16(base.port()));
    if (!socket.waitForConnected(10'000))
        return reply;
    const QByteArray body =
        QJsonDocument(QJsonObject{{"email"_L1, email}, {"password"_L1, password}})
            .toJson(QJsonDocument::Compact);
    QByteArray request =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: " + base.authority().toLatin1() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n";
    if (!deviceToken.isEmpty())
        request += "X-Device-Token: " + deviceToken + "\r\n";
    if (!forwardedFor.isEmpty())
        request += "X-Forwarded-For: " + forwardedFor + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray in;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (headerEnd < 0 || in.size() < headerEnd + 4 + length) {
        if (!socket.waitForReadyRead(30'000))
            return reply;
        in += socket.readAll();
        if (headerEnd >= 0 || (headerEnd = in.indexOf("\r\n\r\n")) < 0)
            continue;
        const QList<QByteArray> lines = in.left(headerEnd).split('\n');
        reply.status = lines.value(0).split(' ').value(1).toInt();
        for (const QByteArray& line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            reply.headers.insert(line.left(colon).trimmed().toLower(),
                                 line.mid(colon + 1).trimmed());
        }
        length = reply.headers.value("content-length").toLongLong();
    }
    reply.json = QJsonDocument::fromJson(in.mid(headerEnd + 4, length)).object();
    return reply;
}

QByteArray ServerThrottleTest::signInDesk(const QString& from, const QString& email) const {
    const Reply r = login(from, email, rightPassword);
    if (r.status != 200 || r.json.value("token"_L1).toString().isEmpty())
        return {};
    return r.json.value("deviceToken"_L1).toString().toLatin1();
}

void ServerThrottleTest::guess(const QString& from, const QString& email, int times,
                               const QByteArray& deviceToken) const {
    for (int i = 0; i < times; ++i)
        QCOMPARE(login(from, email, wrongPassword, deviceToken).status, 401);
}

std::optional<QStringList> ServerThrottleTest::storedFailures() const {
    mss::test::TestDatabase db(u"failures"_s, m_server->dataDir(), m_server->databaseUrl());
    QSqlQuery q(db.sql());
    if (!db.isOpen() || !q.exec(u"SELECT kind, key FROM login_failures ORDER BY kind, key"_s))
        return std::nullopt;
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString() + u'|' + q.value(1).toString();
    return rows;
}

void ServerThrottleTest::init() {
    m_server = std::make_unique<ServerHarness>();
    QVERIFY(m_server->init());
    QVERIFY(m_server->addUser(u"CLINICIAN"_s));
    QVERIFY(m_server->setNow(start));
    QVERIFY(m_server->start());
}

void ServerThrottleTest::cleanup() {
    m_server.reset();
}

void ServerThrottleTest::guessesAgainstAnAccountDoNotStopAKnownDesk() {
    const QByteArray desk = signInDesk(office, clinician);
    QCOMPARE(QByteArray::fromBase64(desk, QByteArray::Base64UrlEncoding).size(), 32);
    // It signs nobody in by itself.
    QCOMPARE(m_server->request("GET", u"/api/v1/auth/me"_s, {}, desk).status, 401);

    // Ten guesses a minute, then the eleventh is refused and says when to
    // come back.
    guess(attacker, clinician, 10);
    const Reply refused = login(attacker, clinician, wrongPassword);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.json.value("code"_L1).toString(), u"TOO_MANY_ATTEMPTS"_s);
    QVERIFY2(retryAfter(refused) >= 1 && retryAfter(refused) <= 60,
             refused.headers.value("retry-after").constData());

    // The account is held back from anywhere, for whoever has no device
    // token, even with the right password...
    QCOMPARE(login(elsewhere, clinician, rightPassword).status, 429);
    QCOMPARE(login(office, clinician, rightPassword).status, 429);
    // ...but the desk that signed in before signs in, and keeps its token.
    const Reply known = login(office, clinician, rightPassword, desk);
    QCOMPARE(known.status, 200);
    QVERIFY(!known.json.value("token"_L1).toString().isEmpty());
    QCOMPARE(known.json.value("deviceToken"_L1).toString().toLatin1(), desk);

    // A minute after the first guess the account takes tries again.
    QVERIFY(m_server->setNow(start.addSecs(61)));
    QCOMPARE(login(elsewhere, clinician, rightPassword).status, 200);
}

void ServerThrottleTest::sprayingFromOneAddressSlowsThatAddressOnly() {
    // Everyone in the office comes from one address; one desk there has
    // signed in before.
    const QByteArray desk = signInDesk(office, admin);
    QVERIFY(!desk.isEmpty());

    // Thirty made-up emails from the office's address: one guess each, so
    // no account is near its limit, but the address is slowed.
    const int allowed = mss::server::LoginThrottle::perAddress.failures;
    for (int i = 0; i < 30; ++i) {
        const Reply r = login(office, u"nobody%1@test.practice"_s.arg(i), wrongPassword);
        QCOMPARE(r.status, i < allowed ? 401 : 429);
        if (r.status == 429)
            QVERIFY(retryAfter(r) >= 1 && retryAfter(r) <= 300);
    }

    // From that address, a sign-in without a device token waits...
    QCOMPARE(login(office, clinician, rightPassword).status, 429);
    // ...the known desk there signs in...
    QCOMPARE(login(office, admin, rightPassword, desk).status, 200);
    // ...and other addresses are not slowed at all.
    QCOMPARE(login(elsewhere, clinician, rightPassword).status, 200);
    QCOMPARE(login(elsewhere, admin, wrongPassword).status, 401);
}

void ServerThrottleTest::aKnownDeviceIsLockedOutByItsOwnGuessesAlone() {
    const QByteArray desk = signInDesk(office, clinician);
    const QByteArray other = signInDesk(elsewhere, clinician);
    QVERIFY(!desk.isEmpty() && !other.isEmpty() && desk != other);

    // Someone at the desk guesses: after ten, the desk waits, even with the
    // right password.
    guess(office, clinician, 10, desk);
    const Reply locked = login(office, clinician, rightPassword, desk);
    QCOMPARE(locked.status, 429);
    QVERIFY(retryAfter(locked) >= 1 && retryAfter(locked) <= 60);
    // The person's other desk is not held back by them.
    QCOMPARE(login(elsewhere, clinician, rightPassword, other).status, 200);

    QVERIFY(m_server->setNow(start.addSecs(61)));
    QCOMPARE(login(office, clinician, rightPassword, desk).status, 200);
}

void ServerThrottleTest::aDeviceTokenCountsOnlyForItsAccountUntilItsSessionsEnd() {
    const QByteArray adminDesk = signInDesk(office, admin);
    const QByteArray clinicianDesk = signInDesk(office, clinician);
    QVERIFY(!adminDesk.isEmpty() && !clinicianDesk.isEmpty());
    guess(attacker, clinician, 10);

    // Another person's device token, or a made-up one, is no token at all.
    QCOMPARE(login(office, clinician, rightPassword, adminDesk).status, 429);
    QCOMPARE(login(office, clinician, rightPassword, "made-up-device-token").status, 429);
    QCOMPARE(login(office, clinician, rightPassword, clinicianDesk).status, 200);

    // A new password ends the person's sessions and forgets their devices.
    const QByteArray adminToken = m_server->login(u"PRACTICE_ADMIN"_s);
    const Reply staff =
        m_server->request("GET", u"/api/v1/staff?email="_s + clinician, {}, adminToken);
    const QString id = staff.data().toArray().at(0).toObject().value("_id"_L1).toString();
    QVERIFY(!id.isEmpty());
    const Reply changed = m_server->request(
        "PUT", u"/api/v1/staff/"_s + id, {{"password"_L1, u"a brand new password"_s}}, adminToken);
    QCOMPARE(changed.status, 200);
    QCOMPARE(login(office, clinician, u"a brand new password"_s, clinicianDesk).status, 429);
}

void ServerThrottleTest::theCountsSurviveARestartAndNameNoEmailOrAddress() {
    const QByteArray desk = signInDesk(office, clinician);
    QVERIFY(!desk.isEmpty());
    guess(attacker, clinician, 10);

    // Ten failures counted for the account and ten for the address, each
    // under a digest: neither the email nor the address is kept.
    const auto rows = storedFailures();
    QVERIFY(rows);
    QCOMPARE(rows->size(), 20);
    QCOMPARE(rows->filter(QRegularExpression(u"^0\\|[0-9a-f]{64}$"_s)).size(), 10);
    QCOMPARE(rows->filter(QRegularExpression(u"^2\\|[0-9a-f]{64}$"_s)).size(), 10);
    for (const QString& row : *rows)
        QVERIFY2(!row.contains(u"clinician"_s) && !row.contains(attacker), qPrintable(row));

    // A restart forgets none of it.
    QCOMPARE(m_server->stop(), 0);
    QVERIFY(m_server->start());
    const Reply refused = login(elsewhere, clinician, rightPassword);
    QCOMPARE(refused.status, 429);
    QVERIFY2(retryAfter(refused) >= 1 && retryAfter(refused) <= 60,
             refused.headers.value("retry-after").constData());
    QCOMPARE(login(office, clinician, rightPassword, desk).status, 200);

    // Once every window has passed, the next failure sweeps the old rows.
    QVERIFY(
        m_server->setNow(start.addSecs(mss::server::LoginThrottle::perAddress.windowSeconds + 1)));
    QCOMPARE(login(elsewhere, clinician, rightPassword).status, 200);
    guess(elsewhere, admin, 1);
    const auto swept = storedFailures();
    QVERIFY(swept);
    QCOMPARE(swept->size(), 2);
}

void ServerThrottleTest::behindATrustedProxyEachClientIsCountedAsItself() {
    QCOMPARE(m_server->stop(), 0);
    QVERIFY(m_server->start({u"--trusted-proxy"_s, balancer}));
    const int allowed = mss::server::LoginThrottle::perAddress.failures;

    // A spray from one client through the balancer slows that client...
    for (int i = 0; i < allowed; ++i)
        QCOMPARE(
            login(balancer, u"nobody%1@test.practice"_s.arg(i), wrongPassword, {}, "203.0.113.7")
                .status,
            401);
    QCOMPARE(login(balancer, clinician, rightPassword, {}, "203.0.113.7").status, 429);
    // ...and nobody else behind the same balancer, not even a client that
    // writes the sprayer's address before its own: the balancer appended
    // the one it was connected from, and that one counts.
    QCOMPARE(login(balancer, clinician, rightPassword, {}, "203.0.113.8").status, 200);
    QCOMPARE(login(balancer, admin, rightPassword, {}, "203.0.113.7, 198.51.100.4").status, 200);

    // A client that connects itself is its own address, whatever it writes
    // in X-Forwarded-For: its spray slows it, and the address it named is
    // not counted.
    for (int i = 0; i < allowed; ++i)
        QCOMPARE(
            login(attacker, u"nobody%1@test.practice"_s.arg(i), wrongPassword, {}, "203.0.113.9")
                .status,
            401);
    QCOMPARE(login(attacker, clinician, rightPassword).status, 429);
    QCOMPARE(login(balancer, clinician, rightPassword, {}, "203.0.113.9").status, 200);

    // The audit log names the same client: the one the balancer forwarded
    // for (the rightmost address it appended), never the balancer itself,
    // and never what a direct client wrote in the header.
    const QByteArray adminToken = m_server->login(u"PRACTICE_ADMIN"_s);
    const auto entriesFrom = [&](const QString& address) {
        const Reply log = m_server->request(
            "GET", u"/api/v1/audit-logs?limit=500&address="_s + address, {}, adminToken);
        QStringList seen;
        for (const QJsonValue e : log.data().toArray())
            seen << e["action"_L1].toString() + u' ' + QString::number(e["outcome"_L1].toInt());
        return seen;
    };
    QCOMPARE(entriesFrom(u"203.0.113.8"_s), QStringList{u"auth.login 200"_s});
    QCOMPARE(entriesFrom(u"198.51.100.4"_s), QStringList{u"auth.login 200"_s});
    QCOMPARE(entriesFrom(u"203.0.113.9"_s), QStringList{u"auth.login 200"_s});
    QCOMPARE(entriesFrom(balancer), QStringList());
    const QStringList direct = entriesFrom(attacker);
    QVERIFY2(direct.count(u"auth.loginFailed 401"_s) == allowed, qPrintable(direct.join(u", "_s)));
}

QTEST_GUILESS_MAIN(ServerThrottleTest)
#include "tst_server_throttle.moc"
