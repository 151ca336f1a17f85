// The mass-removal guard: a server that suddenly lists far fewer of the
// window's appointments than the desk holds (restored from an old backup,
// another practice, an empty answer) does not empty the desk's calendar.
// The desk keeps them and asks; a few deletions still go quietly.
#include "Desk.h"

#include <QSignalSpy>

using namespace mss;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

const QByteArray demoPassword = "mentalspace-demo";

} // namespace

class TestSyncMassRemoval : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aFewDeletionsGoQuietly();
    void mostOfTheWindowGoneIsHeldUntilTheUserSays();

private:
    // Deletes `count` of the window's appointments at the server.
    QStringList deleteAtServer(const QList<domain::Appointment>& shown, qsizetype count);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_admin;
    QDateTime m_from = QDateTime::currentDateTimeUtc().addDays(-7);
    QDateTime m_to = QDateTime::currentDateTimeUtc().addDays(14);
};

void TestSyncMassRemoval::initTestCase() {
    QVERIFY(m_server.demo());
    // The plain contract: deletions are noticed by re-reading the window.
    QVERIFY(m_server.start({u"--plain-api"_s}));
    m_admin = std::make_unique<ApiClient>(m_server.url());
    QVERIFY(
        await(m_admin->login(u"admin@demo.practice"_s, QString::fromLatin1(demoPassword))).ok());
}

QStringList TestSyncMassRemoval::deleteAtServer(const QList<domain::Appointment>& shown,
                                                qsizetype count) {
    QStringList gone;
    for (qsizetype i = 0; i < count && i < shown.size(); ++i) {
        const QString id = shown.at(i).id().toString();
        const ApiResponse deleted = await(m_admin->remove(u"/appointments/"_s + id));
        if (!deleted.ok())
            qFatal("cannot delete: %s", qPrintable(deleted.message));
        gone << id;
    }
    return gone;
}

void TestSyncMassRemoval::aFewDeletionsGoQuietly() {
    Desk desk(m_dir.filePath(u"few.sqlite"_s), m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    desk.engine->setVisibleWindow(m_from, m_to);
    QVERIFY(desk.sync());
    const auto shown = desk.cache->appointments(m_from, m_to).value();
    QVERIFY(shown.size() > 2 * SyncEngine::massRemovalFloor);
    QSignalSpy held(desk.engine.get(), &SyncEngine::removalHeld);
    const QStringList gone = deleteAtServer(shown, SyncEngine::massRemovalFloor - 1);
    QVERIFY(desk.sync());
    QCOMPARE(held.size(), 0);
    for (const QString& id : gone)
        QVERIFY(!desk.cache->appointment(id).value().has_value());
}

void TestSyncMassRemoval::mostOfTheWindowGoneIsHeldUntilTheUserSays() {
    Desk desk(m_dir.filePath(u"most.sqlite"_s), m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    desk.engine->setVisibleWindow(m_from, m_to);
    QVERIFY(desk.sync());
    auto shown = desk.cache->appointments(m_from, m_to).value();
    shown.erase(
        std::remove_if(shown.begin(), shown.end(),
                       [this](const domain::Appointment& a) { return a.startTime < m_from; }),
        shown.end());
    const qsizetype before = shown.size();
    QVERIFY(before > 2 * SyncEngine::massRemovalFloor);
    QSignalSpy held(desk.engine.get(), &SyncEngine::removalHeld);
    const QStringList gone = deleteAtServer(shown, before * 3 / 4);

    // Held: the calendar still shows every appointment, and the user is asked.
    QVERIFY(desk.sync());
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.front().at(0).toInt(), int(gone.size()));
    QCOMPARE(held.front().at(1).toInt(), int(before));
    QCOMPARE(desk.engine->heldRemovals(), int(gone.size()));
    for (const QString& id : gone)
        QVERIFY(desk.cache->appointment(id).value().has_value());

    // Kept: later syncs neither remove them nor ask again about the same set.
    desk.engine->keepHeld();
    QVERIFY(desk.sync());
    QCOMPARE(held.size(), 1);
    QVERIFY(desk.cache->appointment(gone.front()).value().has_value());

    // Asked again after the set changes, and removed when the user agrees;
    // what the server still lists stays.
    const QStringList more = deleteAtServer(shown.mid(gone.size()), 1);
    QVERIFY(desk.sync());
    QCOMPARE(held.size(), 2);
    QCOMPARE(held.back().at(0).toInt(), int(gone.size() + 1));
    const auto removed = desk.engine->removeHeld();
    QVERIFY2(removed, removed ? "" : qPrintable(describe(removed.error())));
    for (const QString& id : gone + more)
        QVERIFY(!desk.cache->appointment(id).value().has_value());
    const QString kept = shown.back().id().toString();
    QVERIFY(desk.cache->appointment(kept).value().has_value());
    QCOMPARE(desk.engine->heldRemovals(), 0);
}

QTEST_GUILESS_MAIN(TestSyncMassRemoval)
#include "tst_syncmassremoval.moc"
