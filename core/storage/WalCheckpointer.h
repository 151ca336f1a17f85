#pragma once

#include <QString>
#include <QThread>

#include <chrono>

class QTimer;

namespace mss::storage {

// Checkpoints a database's WAL from a thread and connection of its own, so
// that no request pays for it. SQLite would otherwise run the checkpoint
// inside whichever commit pushed the WAL past 1,000 pages: a booking that
// took ten times as long as its neighbours. The serving connection turns
// its automatic checkpoints off (Database::setAutoCheckpoint) and this one
// runs PRAGMA wal_checkpoint(PASSIVE) every `interval`, which copies what
// it can without waiting for, or blocking, readers and writers; the next
// write starts the WAL file over once everything is copied.
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
