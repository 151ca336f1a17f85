// The desk keeps the device token the server answers in the keychain (a
// real gnome-keyring in a private D-Bus session) and sends it at its next
// sign-in, so guesses against the account from elsewhere do not lock it out.
// Against the real server binary.
#include "Desk.h"
#include "sync/KnownDevice.h"
#include "sync/TokenStore.h"

using namespace mss;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QString email = QString::fromLatin1(ServerProcess::adminEmail);
const QString password = QString::fromLatin1(ServerProcess::adminPassword);

template <typename T, typename Start>
Result<T> awaitKeychain(Start start) {
    std::optional<Result<T>> result;
    start([&](Result<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        qFatal("the keychain did not answer in 20 s");
    return *result;
}

ApiResponse signIn(ApiClient& api, TokenStore& keychain, const QString& account,
                   const QString& withPassword) {
    std::optional<ApiResponse> answer;
    signInAsKnownDevice(api, keychain, account, email, withPassword,
                        [&](const ApiResponse& r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
        qFatal("no sign-in answer in 30 s");
    return *answer;
}

} // namespace

class TestKnownDevice : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void theDeskKeepsItsDeviceTokenAndSignsInWhileTheAccountIsUnderAttack();

private:
    ServerProcess m_server;
};

void TestKnownDevice::initTestCase() {
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
}

void TestKnownDevice::theDeskKeepsItsDeviceTokenAndSignsInWhileTheAccountIsUnderAttack() {
    const QString account = TokenStore::account(m_server.url().toString(), email);
    QString kept;
    {
        // The first sign-in: the keychain holds no device token yet, and
        // keeps the one the server answers, next to the session token.
        TokenStore keychain;
        ApiClient desk(m_server.url());
        const ApiResponse first = signIn(desk, keychain, account, password);
        QVERIFY2(first.ok(), qPrintable(first.message));
        QVERIFY(!first.body.value("deviceToken"_L1).toString().isEmpty());
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto found = awaitKeychain<std::optional<QString>>(
                    [&](auto done) { keychain.load(TokenStore::deviceAccount(account), done); });
                return found &&
                       found->value_or(QString()) == first.body.value("deviceToken"_L1).toString();
            },
            20'000));
        kept = first.body.value("deviceToken"_L1).toString();
    }

    // Someone guesses the password from elsewhere until the account is held
    // back: a client that is not a known device waits, right password or not.
    ApiClient attacker(m_server.url());
    for (int i = 0; i < 10; ++i)
        QCOMPARE(await(attacker.login(email, u"a guess"_s)).status, 401);
    const ApiResponse refused = await(attacker.login(email, password));
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.code(), u"TOO_MANY_ATTEMPTS"_s);

    // The desk starts again (new client, new keychain connection): it sends
    // the token it kept and signs in, and keeps the same device token.
    TokenStore keychain;
    ApiClient desk(m_server.url());
    QVERIFY(desk.deviceToken().isEmpty());
    const ApiResponse again = signIn(desk, keychain, account, password);
    QVERIFY2(again.ok(), qPrintable(again.message));
    QCOMPARE(desk.deviceToken(), kept);
    QVERIFY(desk.hasToken());
    QVERIFY(await(desk.get(u"/auth/me"_s)).ok());

    // Another person's keychain entry is not this account's device token.
    const QString other = TokenStore::account(m_server.url().toString(), u"x@example.org"_s);
    ApiClient stranger(m_server.url());
    QCOMPARE(signIn(stranger, keychain, other, password).status, 429);
}

QTEST_GUILESS_MAIN(TestKnownDevice)
#include "tst_knowndevice.moc"
