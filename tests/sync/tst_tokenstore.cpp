// The session token lives in the OS keychain (a real gnome-keyring in a
// private D-Bus session), never in a file.
#include "sync/TokenStore.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mss;
using namespace mss::sync;
using namespace Qt::StringLiterals;

namespace {

// Runs one keychain call to completion.
template <typename T, typename Start>
Result<T> await(Start start) {
    std::optional<Result<T>> result;
    start([&](Result<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        qFatal("the keychain did not answer in 20 s");
    return *result;
}

} // namespace

class TestTokenStore : public QObject {
    Q_OBJECT

private slots:
    void savedTokenIsReadBackByAnotherStore();
    void accountsDoNotShareTokens();
    void erasedTokenIsGone();
    void tokenIsNotWrittenToAnyFileInClear();
};

void TestTokenStore::savedTokenIsReadBackByAnotherStore() {
    const QString account =
        TokenStore::account(u"https://office.example:8443"_s, u"Desk@Example.org"_s);
    QCOMPARE(account, u"desk@example.org at https://office.example:8443"_s);
    {
        TokenStore store;
        const auto saved = await<void>([&](auto done) { store.save(account, u"tok-123"_s, done); });
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    }
    TokenStore other;
    const auto loaded =
        await<std::optional<QString>>([&](auto done) { other.load(account, done); });
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded->value_or(QString()), u"tok-123"_s);
}

void TestTokenStore::accountsDoNotShareTokens() {
    TokenStore store;
    const QString a = TokenStore::account(u"https://a.example"_s, u"x@example.org"_s);
    const QString b = TokenStore::account(u"https://b.example"_s, u"x@example.org"_s);
    QVERIFY(await<void>([&](auto done) { store.save(a, u"token-a"_s, done); }));
    QVERIFY(await<void>([&](auto done) { store.save(b, u"token-b"_s, done); }));
    QCOMPARE(await<std::optional<QString>>([&](auto done) { store.load(a, done); })->value(),
             u"token-a"_s);
    QCOMPARE(await<std::optional<QString>>([&](auto done) { store.load(b, done); })->value(),
             u"token-b"_s);
}

void TestTokenStore::erasedTokenIsGone() {
    TokenStore store;
    const QString account = TokenStore::account(u"https://c.example"_s, u"y@example.org"_s);
    QVERIFY(await<void>([&](auto done) { store.save(account, u"bye"_s, done); }));
    QVERIFY(await<void>([&](auto done) { store.erase(account, done); }));
    const auto loaded =
        await<std::optional<QString>>([&](auto done) { store.load(account, done); });
    QVERIFY(loaded);
    QVERIFY(!loaded->has_value());
    // Erasing what is not there is not an error (logout twice).
    QVERIFY(await<void>([&](auto done) { store.erase(account, done); }));
}

void TestTokenStore::tokenIsNotWrittenToAnyFileInClear() {
    TokenStore store;
    const QString secret = u"very-distinctive-token-0f3c9a"_s;
    const QString account = TokenStore::account(u"https://d.example"_s, u"z@example.org"_s);
    QVERIFY(await<void>([&](auto done) { store.save(account, secret, done); }));
    // The keyring encrypts its files: the token appears in none of HOME.
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) {
            ++files;
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
    }
    QVERIFY(files > 0); // the keyring did write its (encrypted) file
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
