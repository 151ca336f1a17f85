#include "storage/WalCheckpointer.h"

#include "base/ThreadHandoff.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

QAtomicInt g_checkpointers;

void checkpoint(const QString& file, const QString& connection) {
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(file);
        // Never wait: a checkpoint skipped now is done at the next tick.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=0"_s);
    }
    if (!db.isOpen() && !db.open()) {
        qCWarning(lcDb) << "checkpoint: cannot open the database:" << db.lastError().text();
        return;
    }
    // Copies until it has caught up with the writer, a few rounds at most;
    // a write transaction that starts with everything copied starts the
    // WAL over.
    for (int round = 0; round < 4; ++round) {
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) || !q.next()) {
            qCDebug(lcDb) << "checkpoint skipped:" << q.lastError().text();
            return;
        }
        if (q.value(1).toLongLong() <= q.value(2).toLongLong())
            return;
    }
}

} // namespace

WalCheckpointer::WalCheckpointer(const QString& databaseFile, std::chrono::milliseconds interval)
    : m_timer(new QTimer) {
    const QString connection = u"mss-checkpoint-%1"_s.arg(g_checkpointers.fetchAndAddRelaxed(1));
    m_timer->setInterval(interval);
    m_timer->moveToThread(&m_thread);
    QObject::connect(m_timer, &QTimer::timeout, m_timer,
                     [databaseFile, connection] { checkpoint(databaseFile, connection); });
    QObject::connect(&m_thread, &QThread::started, m_timer, qOverload<>(&QTimer::start));
    // `finished` is emitted on the thread itself: the timer and the
    // connection end where they lived.
    QObject::connect(
        &m_thread, &QThread::finished, m_timer,
        [timer = m_timer, connection] {
            delete timer;
            if (QSqlDatabase::contains(connection)) {
                QSqlDatabase::database(connection, false).close();
                QSqlDatabase::removeDatabase(connection);
            }
            handOver(timer);
        },
        Qt::DirectConnection);
    m_thread.setObjectName(u"wal-checkpoint"_s);
    m_thread.start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer() {
    m_thread.quit();
    m_thread.wait();
    takeOver(m_timer);
}

} // namespace mss::storage
