#pragma once

#include "base/Clock.h"
#include "base/Error.h"
#include "sync/ApiClient.h"
#include "sync/LocalCache.h"
#include "sync/ServerWatch.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace mss::sync {

// Keeps the cache and a server in step, Nextcloud-style: the cache changes
// first and the outbox records what to tell the server; an entry leaves the
// outbox only in the transaction that stores the server's answer; a refusal
// (409, 412) becomes a conflict the user resolves, never an overwrite.
//
// One sync is: push the outbox in order (each PUT/DELETE with If-Match on
// the version it was made on, each POST with its idempotency key), then
// pull. Pull reads the change feed when the server has it; from a server
// without the extensions it polls `updatedAt[gte]` per kind and re-reads the
// visible window so that deleted records disappear. A record with changes
// still in the outbox is not overwritten by a pull: its push settles it.
//
// No network means Offline, with retries backing off from 1 s to 5 min; the
// cache keeps working meanwhile. With watchServer() a health check notices
// the server gone (Offline) or back (a sync at once) between syncs.
class SyncEngine : public QObject {
    Q_OBJECT

public:
    enum class State { Offline, Syncing, Online, Error };
    Q_ENUM(State)

    SyncEngine(LocalCache& cache, ApiClient& api, const Clock& clock, QObject* parent = nullptr);

    // Syncs now and then every `intervalMs`.
    void start(int intervalMs = 30'000);
    void stop();
    // Starts a sync unless one runs; a request during one runs another after.
    void syncNow();
    // The user's "Retry now": the waiting changes go now, whatever their
    // backoff said, and the result is a sync's (syncFinished).
    void retryNow();
    bool isSyncing() const { return m_running; }

    // Asks the server's health route every `intervalMs` (ServerWatch):
    // Offline within interval + timeout of the server going away, even
    // with nothing to send, and a sync (the waiting changes first) as soon
    // as it answers again.
    void watchServer(int intervalMs = 750, int timeoutMs = 1500);
    ServerWatch* serverWatch() const { return m_watch; }

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    // Whether the server has this project's extensions (change feed,
    // versions); known after the first pull.
    bool serverHasChangeFeed() const { return m_mode == Mode::Feed; }

    // The days the user is looking at; a server without the change feed is
    // asked for this window on each sync to notice deletions.
    void setVisibleWindow(const QDateTime& from, const QDateTime& to);

    // Conflict resolution. Take theirs: my change is dropped and the cache
    // keeps the server's record. Keep mine: my change is sent again on the
    // server's current version (for a scheduling conflict, as an override,
    // which the server allows only to some roles).
    Checked<void> takeTheirs(qint64 conflictId);
    Checked<void> keepMine(qint64 conflictId);

    // The mass-removal guard (Nextcloud's aboutToRemoveAllFiles): when the
    // server suddenly lists far fewer of the window's appointments than the
    // cache holds (an empty answer, another practice, a server restored from
    // an old backup), the cache keeps them and removalHeld() asks the user.
    // Held: more than half of what the cache holds for the window, and at
    // least massRemovalFloor records; fewer are removed as they always were.
    static constexpr int massRemovalFloor = 10;
    int heldRemovals() const { return int(m_heldRemovals.size()); }
    // The user agreed: the held records leave the cache.
    Checked<void> removeHeld();
    // The user declined: the records stay, and the same set is not asked
    // about again in this session.
    void keepHeld();

signals:
    void stateChanged(mss::sync::SyncEngine::State state);
    // Records received in this sync; `total` is 0 when the server does not say.
    void progress(qint64 received, qint64 total);
    void pendingChanged(int count);
    void conflictsChanged();
    void recordsChanged();
    void syncFinished(bool ok);
    // `count` of the `cached` appointments of the window are missing at the
    // server and were kept; removeHeld() or keepHeld() answers.
    void removalHeld(int count, int cached);

private:
    enum class Mode { Unknown, Feed, Plain };

    void pushNext();
    void pushed(const OutboxEntry& entry, const ApiResponse& response);
    void refused(const OutboxEntry& entry, const ApiResponse& response, ConflictCode code);
    // refused(), with the server's current copy of the record as theirs.
    void refusedBesideTheirs(const OutboxEntry& entry, const ApiResponse& refusal,
                             ConflictCode code);
    void retryLater(OutboxEntry entry, const ApiResponse& response, State state);
    void confirmCreateExists(const OutboxEntry& entry, const ApiResponse& failure);

    void pull();
    void pullFeed(const QString& cursor);
    void pullPlain(int kindIndex, int page);
    void reconcileWindow(int page, QSet<QString> seen);
    // Removes appointments the server no longer lists, in one transaction.
    // The cache's reason when it could not remove them (nothing removed).
    std::optional<QString> removeAppointments(const QList<domain::Appointment>& gone);
    // Keeps how the server is followed ("feed" or "plain") for the next start.
    void rememberMode(const QString& mode);
    // Stores one server document unless the outbox holds changes to it
    // (`pending`: the records that have entries).
    Result<bool> absorb(storage::RecordKind kind, QJsonObject doc, const QSet<QString>& pending,
                        const QDateTime& now);

    void serverReachable(bool reachable, const QString& why);
    void finish(State state, const QString& error = {});
    void setState(State state);
    void announcePending();

    LocalCache& m_cache;
    ApiClient& m_api;
    const Clock& m_clock;
    QTimer m_timer;
    ServerWatch* m_watch = nullptr;
    State m_state = State::Offline;
    Mode m_mode = Mode::Unknown;
    QString m_lastError;
    bool m_running = false;
    bool m_again = false;
    bool m_changed = false;
    qint64 m_received = 0;
    int m_feedPageSize = 0; // per request; smaller if the server refuses
    // Bumped when a sync ends, so that a page asked for ahead is dropped.
    qint64 m_pullGeneration = 0;
    QDateTime m_windowFrom;
    QDateTime m_windowTo;
    QList<domain::Appointment> m_heldRemovals;
    QSet<QString> m_keptRemovals;
};

} // namespace mss::sync
