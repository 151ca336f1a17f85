#pragma once

#include <QString>
#include <QThread>

#include <chrono>

class QTimer;

namespace mss::storage {

// Checkpoints a database's WAL from a thread and connection of its own, so
// that requests do not pay for it. SQLite would otherwise copy the WAL into
// the database inside whichever commit pushed it past 1,000 pages: a
// booking that took ten times as long as its neighbours. This one runs
// PRAGMA wal_checkpoint(PASSIVE) every `interval`, which copies what it can
// without waiting for, or blocking, readers and writers.
//
// It cannot bound the WAL alone: the file starts over only when a write
// begins with every frame copied, which a steady stream of writes (faster
// than the copying) may never allow. So the serving connection keeps an
// automatic checkpoint at a larger threshold as the bound
// (Database::setAutoCheckpoint); when it fires, the frames are mostly
// copied already, so it costs the commit little, and the next write starts
// the WAL over.
class WalCheckpointer {
public:
    WalCheckpointer(const QString& databaseFile, std::chrono::milliseconds interval);
    ~WalCheckpointer(); // stops the thread; a checkpoint under way finishes first
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    QThread m_thread;
    QTimer* m_timer = nullptr; // lives on m_thread
};

} // namespace mss::storage
