// The desk's copy of the schedule keeps meeting links sealed with a key
// from the system keychain (a real gnome-keyring in a private D-Bus
// session): after a sync from the demo server the links are not in the
// cache file's bytes, the desk still shows them, and the next start opens
// the same copy with the same key. Without the keychain that sealed copy
// is refused, naming the keychain, instead of losing its unsent changes.
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "ServerProcess.h"
#include "sync/TokenStore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QString frontDesk = u"frontdesk@demo.practice"_s;
const QString demoPassword = u"mentalspace-demo"_s;
// The demo practice's virtual appointments meet at links of this form.
const QByteArray demoLinkPrefix = "https://meet.example/demo-";

QByteArray bytesOf(const QString& dir) {
    QByteArray all;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

Checked<void> signIn(DeskSession& session) {
    std::optional<Checked<void>> done;
    session.signIn(demoPassword, [&](Checked<void> r) { done = std::move(r); });
    if (!QTest::qWaitFor([&] { return done.has_value(); }, 30'000))
        qFatal("sign-in did not answer in 30 s");
    return *done;
}

int linksShown(DeskSession& session) {
    const auto all = session.cache().appointments(QDateTime::currentDateTimeUtc().addYears(-1),
                                                  QDateTime::currentDateTimeUtc().addYears(1));
    int n = 0;
    for (const domain::Appointment& a : all.value_or(QList<domain::Appointment>{}))
        n += a.virtualMeetingLink && a.virtualMeetingLink->startsWith(u"https://meet.example/"_s);
    return n;
}

} // namespace

class TestDeskSecrets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void linksAreSealedWithTheKeychainsKey();
    void aSealedCopyWithoutTheKeychainIsRefusedNotLost();

private:
    ServerProcess m_server;
    QTemporaryDir m_cacheDir;
    SystemClock m_clock;
    sync::TokenStore m_keychain{u"MentalSpace Scheduler test"_s};
};

void TestDeskSecrets::initTestCase() {
    QVERIFY(m_server.demo());
    QVERIFY(m_server.start());
}

void TestDeskSecrets::linksAreSealedWithTheKeychainsKey() {
    int shown = 0;
    {
        DeskSession session(m_server.url(), frontDesk, m_clock, m_cacheDir.path());
        session.setKeychain(&m_keychain);
        const auto in = signIn(session);
        QVERIFY2(in, in ? "" : qPrintable(in.error().front().message));
        QVERIFY2(session.cacheKeyProblem().isEmpty(), qPrintable(session.cacheKeyProblem()));
        QVERIFY(session.cache().encryptsSecrets());
        QVERIFY(syncOnce(session.engine()));
        shown = linksShown(session);
        QVERIFY2(shown > 0, "the demo practice has virtual appointments with links");
        const QByteArray bytes = bytesOf(m_cacheDir.path());
        QVERIFY(!bytes.contains(demoLinkPrefix));
    }
    // The next start finds the key in the keychain and the links with it.
    DeskSession again(m_server.url(), frontDesk, m_clock, m_cacheDir.path());
    again.setKeychain(&m_keychain);
    const auto in = signIn(again);
    QVERIFY2(in, in ? "" : qPrintable(in.error().front().message));
    QCOMPARE(linksShown(again), shown);
}

void TestDeskSecrets::aSealedCopyWithoutTheKeychainIsRefusedNotLost() {
    // The copy written above is sealed; a session with no keychain cannot
    // read its sealed parts, so it is not opened at all.
    DeskSession session(m_server.url(), frontDesk, m_clock, m_cacheDir.path());
    const auto in = signIn(session);
    QVERIFY(!in);
    QCOMPARE(in.error().front().field, u"cache"_s);
    QVERIFY2(in.error().front().message.contains(u"keychain"_s),
             qPrintable(in.error().front().message));
}

QTEST_MAIN(TestDeskSecrets)
#include "tst_desksecrets.moc"
