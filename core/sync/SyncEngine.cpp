#include "sync/SyncEngine.h"

#include "base/WallClock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <array>

Q_LOGGING_CATEGORY(lcSync, "mss.sync", QtInfoMsg)

namespace mss::sync {

using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

// Big pages: a first sync is the whole practice, and each page is one
// request and one transaction. A server that allows less is asked again
// with the contract's usual size.
constexpr int feedPageSize = 5000;
constexpr int smallFeedPageSize = 1000;
constexpr int listPageSize = 500;
constexpr qint64 maxBackoffMs = 5 * 60 * 1000;

struct KindRoute {
    RecordKind kind;
    QLatin1StringView wireType;
    QLatin1StringView path;
};

// Pull order of a plain server: what appointments refer to comes first.
constexpr std::array<KindRoute, 5> kinds{{
    {RecordKind::Staff, "staff"_L1, "/staff"_L1},
    {RecordKind::Client, "client"_L1, "/clients"_L1},
    {RecordKind::ProviderAvailability, "providerAvailability"_L1, "/provider-availabilities"_L1},
    {RecordKind::RecurringAppointment, "recurringAppointment"_L1, "/recurring-appointments"_L1},
    {RecordKind::Appointment, "appointment"_L1, "/appointments"_L1},
}};

// Kinds of this project's extensions: in the change feed of a server that
// has them, never polled from a plain one (which answers 404).
constexpr std::array<KindRoute, 1> extensionKinds{{
    {RecordKind::WaitlistEntry, "waitlist"_L1, "/waitlist"_L1},
}};

const KindRoute* routeOf(RecordKind kind) {
    if (const auto k = std::ranges::find(kinds, kind, &KindRoute::kind); k != kinds.end())
        return &*k;
    if (const auto k = std::ranges::find(extensionKinds, kind, &KindRoute::kind);
        k != extensionKinds.end())
        return &*k;
    return nullptr;
}

std::optional<RecordKind> kindOfWireType(const QString& type) {
    for (const KindRoute& k : kinds) {
        if (k.wireType == type)
            return k.kind;
    }
    for (const KindRoute& k : extensionKinds) {
        if (k.wireType == type)
            return k.kind;
    }
    return std::nullopt;
}

// A POST that creates the record at `path` (not an action on one, such as
// a waitlist entry's release).
bool createsRecord(const OutboxEntry& entry) {
    return entry.method == "POST"_L1 && !entry.path.endsWith(u'/' + entry.recordId) &&
           !entry.path.contains(u'/' + entry.recordId + u'/');
}

qint64 backoffMs(int attempts) {
    return std::min<qint64>(maxBackoffMs, 1000LL << std::min(attempts - 1, 20));
}

// The steps of one transaction: each is run only while all before it
// succeeded, and the first failure is kept for the user.
class Steps {
public:
    explicit Steps(const storage::WriteTransaction& tx)
        : m_ok(tx.isActive())
        , m_error(tx.isActive() ? QString() : tx.beginError().message) {}
    template <typename T>
    bool operator()(const Result<T>& result) {
        if (m_ok && !result) {
            m_ok = false;
            m_error = result.error().message;
        }
        return m_ok;
    }
    bool ok() const { return m_ok; }
    // Commits when every step succeeded; the first failure otherwise.
    std::optional<QString> commit(storage::WriteTransaction& tx) {
        if (m_ok)
            (*this)(tx.commit());
        return m_ok ? std::nullopt : std::optional<QString>(m_error);
    }

private:
    bool m_ok;
    QString m_error;
};

// A user's action the cache could not carry out, with the cache's reason.
Errors cacheFailed(const QString& cause) {
    return {{ErrorCode::StorageFailure, {}, SyncEngine::tr("the cache failed: %1").arg(cause)}};
}

// A document as the cache stores it: with a version (0 from a server
// without versions) and an updatedAt.
QJsonObject normalized(QJsonObject doc, const QDateTime& now) {
    if (!doc.contains("version"_L1))
        doc.insert("version"_L1, 0);
    if (!doc.value("updatedAt"_L1).isString())
        doc.insert("updatedAt"_L1, toWireTime(now));
    return doc;
}

} // namespace

SyncEngine::SyncEngine(LocalCache& cache, ApiClient& api, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_api(api)
    , m_clock(clock)
    , m_feedPageSize(feedPageSize) {
    const auto mode = m_cache.syncState(u"mode"_s);
    if (mode && *mode == "feed"_L1)
        m_mode = Mode::Feed;
    else if (mode && *mode == "plain"_L1)
        m_mode = Mode::Plain;
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
}

void SyncEngine::start(int intervalMs) {
    m_timer.start(intervalMs);
    syncNow();
}

void SyncEngine::stop() {
    m_timer.stop();
    if (m_watch)
        m_watch->stop();
}

void SyncEngine::watchServer(int intervalMs, int timeoutMs) {
    if (!m_watch) {
        m_watch = new ServerWatch(m_api, this);
        connect(m_watch, &ServerWatch::reachableChanged, this, &SyncEngine::serverReachable);
    }
    m_watch->start(intervalMs, timeoutMs);
}

void SyncEngine::serverReachable(bool reachable, const QString& why) {
    if (!reachable) {
        // Said at once, even in the middle of a sync that may wait out its
        // timeout; that sync's end says again what it found.
        if (m_state != State::Offline) {
            qCInfo(lcSync) << "the server's health check got no answer:" << why;
            m_lastError = why;
            setState(State::Offline);
        }
        return;
    }
    if (m_state == State::Offline)
        retryNow();
}

void SyncEngine::retryNow() {
    // Should the cache fail here, the waiting changes keep their backoff
    // and this sync's end reports what the cache says.
    if (auto r = m_cache.outbox().retryAllNow(); !r)
        qCWarning(lcSync) << "cannot bring waiting changes forward:" << r.error().message;
    syncNow();
}

void SyncEngine::setVisibleWindow(const QDateTime& from, const QDateTime& to) {
    m_windowFrom = from;
    m_windowTo = to;
}

void SyncEngine::syncNow() {
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_changed = false;
    m_received = 0;
    setState(State::Syncing);
    pushNext();
}

void SyncEngine::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncEngine::announcePending() {
    if (auto n = m_cache.outbox().pendingCount())
        emit pendingChanged(*n);
}

void SyncEngine::finish(State state, const QString& error) {
    ++m_pullGeneration;
    // A pull reached its end after the pushes: the server's own occurrences
    // of a series change are in the cache now, so the local guesses go.
    if (state == State::Online) {
        const auto dropped = m_cache.dropSettledGuesses();
        if (dropped && *dropped)
            m_changed = true;
    }
    m_running = false;
    m_lastError = error;
    if (!error.isEmpty())
        qCInfo(lcSync) << "sync stopped:" << error;
    setState(state);
    if (m_changed)
        emit recordsChanged();
    announcePending();
    emit syncFinished(state == State::Online);
    if (m_again) {
        m_again = false;
        QMetaObject::invokeMethod(this, &SyncEngine::syncNow, Qt::QueuedConnection);
    }
}

// ---- push ------------------------------------------------------------------

void SyncEngine::pushNext() {
    const auto next = m_cache.outbox().nextToPush(m_clock.now().toMSecsSinceEpoch());
    if (!next) {
        finish(State::Error, next.error().message);
        return;
    }
    if (!*next) {
        pull();
        return;
    }
    const OutboxEntry entry = **next;
    ApiClient::Headers headers;
    headers.idempotencyKey = entry.idempotencyKey;
    if (entry.method != "POST"_L1 && entry.baseVersion > 0 && m_mode != Mode::Plain)
        headers.ifMatch = QByteArray::number(entry.baseVersion);
    ApiCall* call = nullptr;
    if (entry.method == "POST"_L1)
        call = m_api.post(entry.path, entry.body, headers);
    else if (entry.method == "PUT"_L1)
        call = m_api.put(entry.path, entry.body, headers);
    else
        call = m_api.remove(entry.path, headers);
    connect(call, &ApiCall::finished, this,
            [this, entry](const ApiResponse& response) { pushed(entry, response); });
}

void SyncEngine::pushed(const OutboxEntry& entry, const ApiResponse& r) {
    if (r.isNetworkFailure()) {
        retryLater(entry, r, State::Offline);
        return;
    }
    if (r.status == 401) {
        finish(State::Error, tr("the server no longer accepts this sign-in: %1").arg(r.message));
        return;
    }
    if (r.status >= 500) {
        // A create may have been stored before the server failed to answer.
        if (createsRecord(entry))
            confirmCreateExists(entry, r);
        else
            retryLater(entry, r, State::Error);
        return;
    }
    if (r.status == 412) {
        refused(entry, r, ConflictCode::VersionMismatch);
        return;
    }
    if (r.status == 409 && r.code() == conflictCodeName(ConflictCode::SchedulingConflict)) {
        refused(entry, r, ConflictCode::SchedulingConflict);
        return;
    }
    if (r.status == 409 && r.code() == conflictCodeName(ConflictCode::SlotHeld)) {
        // The time is held for a waitlist client: a conflict the user
        // resolves (another time, or the hold released), never an override.
        refused(entry, r, ConflictCode::SlotHeld);
        return;
    }
    if (r.status == 404 && !createsRecord(entry)) {
        refused(entry, r, ConflictCode::Deleted);
        return;
    }
    if (r.status == 403) {
        // Any server may refuse a role what this desk let it do (the
        // MentalSpace server's table, a wider grant taken back): the
        // change stays, as a conflict with the server's reason.
        refusedBesideTheirs(entry, r, ConflictCode::Forbidden);
        return;
    }
    if (!r.ok()) {
        // A server without idempotency keys refuses a replayed create as a
        // duplicate id: if the record is there, the create did happen.
        if (createsRecord(entry) && (r.status == 400 || r.status == 409))
            confirmCreateExists(entry, r);
        else
            refusedBesideTheirs(entry, r, ConflictCode::Rejected);
        return;
    }

    storage::WriteTransaction tx(m_cache.db());
    Steps steps(tx);
    steps(m_cache.outbox().remove(entry.seq));
    const QJsonValue data = r.data();
    if (steps.ok() && entry.method != "DELETE"_L1 && data.isObject() &&
        data.toObject().value("_id"_L1).toString() == entry.recordId) {
        const QJsonObject doc = normalized(data.toObject(), m_clock.now());
        const qint64 newVersion = qint64(doc.value("version"_L1).toDouble());
        // With more of my changes to this record queued, they move onto the
        // new version; otherwise the server's record is the one to show.
        const auto later = m_cache.outbox().hasEntriesFor(entry.recordId);
        if (steps(later) && *later)
            steps(m_cache.outbox().rebase(entry.recordId, entry.baseVersion, newVersion));
        else
            steps(m_cache.put(entry.kind, doc));
        m_changed = true;
    }
    if (const auto failed = steps.commit(tx)) {
        finish(State::Error, tr("the cache could not record the server's answer: %1").arg(*failed));
        return;
    }
    announcePending();
    pushNext();
}

void SyncEngine::confirmCreateExists(const OutboxEntry& entry, const ApiResponse& failure) {
    ApiCall* call = m_api.get(entry.path + u'/' + entry.recordId);
    connect(call, &ApiCall::finished, this, [this, entry, failure](const ApiResponse& r) {
        if (r.ok() && r.data().toObject().value("_id"_L1).toString() == entry.recordId) {
            ApiResponse created = r;
            created.status = 201;
            pushed(entry, created);
        } else if (r.isNetworkFailure()) {
            retryLater(entry, r, State::Offline);
        } else if (failure.status >= 500) {
            retryLater(entry, failure, State::Error);
        } else {
            refused(entry, failure, ConflictCode::Rejected);
        }
    });
}

void SyncEngine::refusedBesideTheirs(const OutboxEntry& entry, const ApiResponse& refusal,
                                     ConflictCode code) {
    // A refusal carries no record. Without the server's copy the screen
    // would keep showing the refused change, and "take theirs" would drop
    // a record the server still has: so it is asked for first.
    const KindRoute* route = routeOf(entry.kind);
    if (!route) {
        refused(entry, refusal, code);
        return;
    }
    ApiCall* call = m_api.get(QString(route->path) + u'/' + entry.recordId);
    connect(call, &ApiCall::finished, this, [this, entry, refusal, code](const ApiResponse& r) {
        if (r.isNetworkFailure()) {
            retryLater(entry, r, State::Offline);
            return;
        }
        ApiResponse withTheirs = refusal;
        if (r.ok() && r.data().toObject().value("_id"_L1).toString() == entry.recordId)
            withTheirs.body.insert("data"_L1, r.data());
        refused(entry, withTheirs, code);
    });
}

void SyncEngine::rememberMode(const QString& mode) {
    // Not kept, the next start asks the server again: slower, not wrong.
    if (auto r = m_cache.setSyncState(u"mode"_s, mode); !r)
        qCWarning(lcSync) << "cannot remember the sync mode:" << r.error().message;
}

void SyncEngine::retryLater(OutboxEntry entry, const ApiResponse& r, State state) {
    entry.attempts += 1;
    entry.nextAttemptMs = m_clock.now().toMSecsSinceEpoch() + backoffMs(entry.attempts);
    entry.lastError = r.message;
    if (auto stored = m_cache.outbox().update(entry); !stored) {
        // The change stays in the outbox and is tried again at once next
        // time; the user hears why both failed.
        finish(State::Error, tr("%1; the cache could not record the attempt: %2")
                                 .arg(r.message, stored.error().message));
        return;
    }
    finish(state, r.message);
}

void SyncEngine::refused(const OutboxEntry& entry, const ApiResponse& r, ConflictCode code) {
    SyncConflict c;
    c.outboxSeq = entry.seq;
    c.kind = entry.kind;
    c.recordId = entry.recordId;
    c.code = code;
    c.message = r.message;
    c.createdMs = m_clock.now().toMSecsSinceEpoch();
    if (auto mine = m_cache.get(entry.kind, entry.recordId); mine && *mine)
        c.mine = (*mine)->doc;
    else
        c.mine = entry.body;
    const QJsonValue theirs = r.data();
    if (theirs.isObject() && theirs.toObject().value("_id"_L1).toString() == entry.recordId)
        c.theirs = normalized(theirs.toObject(), m_clock.now());
    for (const QJsonValue v : r.body.value("conflicts"_L1).toArray())
        c.collidesWith << (v.isObject() ? v.toObject().value("_id"_L1).toString() : v.toString());

    OutboxEntry held = entry;
    held.state = code == ConflictCode::Rejected || code == ConflictCode::Forbidden
                     ? OutboxEntry::State::Rejected
                     : OutboxEntry::State::Conflict;
    held.lastError = r.message;
    storage::WriteTransaction tx(m_cache.db());
    Steps steps(tx);
    steps(m_cache.outbox().update(held));
    steps(m_cache.addConflict(c));
    // The screen shows what the server holds until the user decides.
    if (!c.theirs.isEmpty())
        steps(m_cache.put(entry.kind, c.theirs));
    if (const auto failed = steps.commit(tx)) {
        finish(State::Error, tr("the cache could not record a conflict: %1").arg(*failed));
        return;
    }
    qCInfo(lcSync) << "change refused:" << conflictCodeName(code) << "record" << entry.recordId;
    m_changed = true;
    emit conflictsChanged();
    pushNext();
}

// ---- conflict resolution ------------------------------------------------------

Checked<void> SyncEngine::takeTheirs(qint64 conflictId) {
    auto c = m_cache.conflict(conflictId);
    if (!c || !*c)
        return std::unexpected(
            Errors{{ErrorCode::NotFound, u"conflict"_s, tr("no such conflict")}});
    storage::WriteTransaction tx(m_cache.db());
    Steps steps(tx);
    // Every change of mine to that record goes, not only the refused one.
    if (const auto entries = m_cache.outbox().forRecord((*c)->recordId); steps(entries)) {
        for (const OutboxEntry& e : *entries)
            steps(m_cache.outbox().remove(e.seq));
    }
    if ((*c)->theirs.isEmpty())
        steps(m_cache.records().remove((*c)->kind, (*c)->recordId, 0));
    else
        steps(m_cache.put((*c)->kind, (*c)->theirs));
    steps(m_cache.removeConflict(conflictId));
    if (const auto failed = steps.commit(tx))
        return std::unexpected(cacheFailed(*failed));
    emit conflictsChanged();
    emit recordsChanged();
    announcePending();
    return {};
}

Checked<void> SyncEngine::keepMine(qint64 conflictId) {
    auto c = m_cache.conflict(conflictId);
    if (!c || !*c)
        return std::unexpected(
            Errors{{ErrorCode::NotFound, u"conflict"_s, tr("no such conflict")}});
    const SyncConflict& conflict = **c;
    auto entries = m_cache.outbox().forRecord(conflict.recordId);
    if (!entries)
        return std::unexpected(cacheFailed(entries.error().message));
    storage::WriteTransaction tx(m_cache.db());
    Steps steps(tx);
    const qint64 theirVersion = qint64(conflict.theirs.value("version"_L1).toDouble());
    for (OutboxEntry e : *entries) {
        if (e.seq == conflict.outboxSeq) {
            e.state = OutboxEntry::State::Pending;
            e.attempts = 0;
            e.nextAttemptMs = 0;
            if (conflict.code == ConflictCode::SchedulingConflict)
                e.body.insert("allowOverlap"_L1, true);
            if (!conflict.theirs.isEmpty())
                e.baseVersion = theirVersion;
            steps(m_cache.outbox().update(e));
        } else if (!conflict.theirs.isEmpty() && e.seq > conflict.outboxSeq) {
            steps(m_cache.outbox().rebase(conflict.recordId, e.baseVersion, theirVersion));
        }
    }
    // Mine shows again until the server answers.
    if (!conflict.mine.isEmpty() && conflict.mine.value("_id"_L1).toString() == conflict.recordId)
        steps(m_cache.put(conflict.kind, conflict.mine));
    steps(m_cache.removeConflict(conflictId));
    if (const auto failed = steps.commit(tx))
        return std::unexpected(cacheFailed(*failed));
    emit conflictsChanged();
    emit recordsChanged();
    syncNow();
    return {};
}

// ---- pull ------------------------------------------------------------------

Result<bool> SyncEngine::absorb(RecordKind kind, QJsonObject doc, const QSet<QString>& pending,
                                const QDateTime& now) {
    if (pending.contains(doc.value("_id"_L1).toString()))
        return false;
    if (auto r = m_cache.put(kind, normalized(std::move(doc), now)); !r)
        return std::unexpected(r.error());
    return true;
}

void SyncEngine::pull() {
    if (m_mode == Mode::Plain) {
        pullPlain(0, 1);
        return;
    }
    const auto cursor = m_cache.syncState(u"cursor"_s);
    pullFeed(cursor.value_or(QString()));
}

void SyncEngine::pullFeed(const QString& cursor) {
    QUrlQuery query;
    query.addQueryItem(u"since"_s, cursor);
    query.addQueryItem(u"limit"_s, QString::number(m_feedPageSize));
    ApiCall* call = m_api.get(u"/sync/changes"_s, query);
    const qint64 generation = m_pullGeneration;
    connect(call, &ApiCall::finished, this, [this, cursor, generation](const ApiResponse& r) {
        // A page asked for ahead, after its pull stopped: not applied.
        if (generation != m_pullGeneration)
            return;
        if (r.status == 400 && m_feedPageSize > smallFeedPageSize) {
            m_feedPageSize = smallFeedPageSize;
            pullFeed(cursor);
            return;
        }
        if (r.isNetworkFailure()) {
            finish(State::Offline, r.message);
            return;
        }
        if (m_mode == Mode::Unknown && (r.status == 404 || r.status == 501)) {
            qCInfo(lcSync) << "the server has no change feed: polling instead";
            m_mode = Mode::Plain;
            rememberMode(u"plain"_s);
            pullPlain(0, 1);
            return;
        }
        if (!r.ok()) {
            finish(r.status == 401 ? State::Error : State::Error, r.message);
            return;
        }
        if (m_mode != Mode::Feed) {
            m_mode = Mode::Feed;
            rememberMode(u"feed"_s);
        }
        const QJsonObject data = r.data().toObject();
        const QJsonArray changes = data.value("changes"_L1).toArray();
        const QString next = data.value("cursor"_L1).toString();
        const bool more = data.value("hasMore"_L1).toBool() && !changes.isEmpty();
        // The server renders the next page while this one is written.
        if (more)
            pullFeed(next);
        const auto pending = m_cache.outbox().recordsWithEntries();
        const QDateTime now = m_clock.now();
        storage::WriteTransaction tx(m_cache.db());
        Steps steps(tx);
        steps(pending);
        for (qsizetype i = 0; steps.ok() && i < changes.size(); ++i) {
            const QJsonObject change = changes[i].toObject();
            const auto kind = kindOfWireType(change.value("type"_L1).toString());
            if (!kind)
                continue; // a kind this build does not know
            const QString id = change.value("_id"_L1).toString();
            if (change.value("op"_L1).toString() == "delete"_L1) {
                if (!pending->contains(id))
                    steps(m_cache.records().remove(*kind, id,
                                                   qint64(change.value("version"_L1).toDouble())));
            } else {
                steps(absorb(*kind, change.value("doc"_L1).toObject(), *pending, now));
            }
        }
        steps(m_cache.setSyncState(u"cursor"_s, next));
        if (const auto failed = steps.commit(tx)) {
            finish(State::Error,
                   tr("the cache could not store the server's changes: %1").arg(*failed));
            return;
        }
        if (!changes.isEmpty())
            m_changed = true;
        m_received += changes.size();
        const qint64 remaining = qint64(data.value("remaining"_L1).toDouble());
        emit progress(m_received, remaining > 0 ? m_received + remaining : 0);
        if (!more)
            finish(State::Online);
    });
}

void SyncEngine::pullPlain(int kindIndex, int page) {
    if (kindIndex >= int(kinds.size())) {
        reconcileWindow(1, {});
        return;
    }
    const KindRoute& k = kinds[size_t(kindIndex)];
    const QString stateKey = u"watermark:"_s + k.wireType;
    const QString watermark = m_cache.syncState(stateKey).value_or(QString());
    QUrlQuery query;
    if (!watermark.isEmpty())
        query.addQueryItem(u"updatedAt[gte]"_s, watermark);
    query.addQueryItem(u"sort"_s, u"updatedAt"_s);
    query.addQueryItem(u"page"_s, QString::number(page));
    query.addQueryItem(u"limit"_s, QString::number(listPageSize));
    ApiCall* call = m_api.get(k.path, query);
    connect(call, &ApiCall::finished, this,
            [this, kindIndex, page, stateKey](const ApiResponse& r) {
                if (r.isNetworkFailure()) {
                    finish(State::Offline, r.message);
                    return;
                }
                if (!r.ok()) {
                    finish(State::Error, r.message);
                    return;
                }
                const RecordKind kind = kinds[size_t(kindIndex)].kind;
                const QJsonArray items = r.data().toArray();
                QString newest = m_cache.syncState(stateKey).value_or(QString());
                const auto pending = m_cache.outbox().recordsWithEntries();
                const QDateTime now = m_clock.now();
                storage::WriteTransaction tx(m_cache.db());
                Steps steps(tx);
                steps(pending);
                for (const QJsonValue v : items) {
                    if (!steps.ok())
                        break;
                    const QJsonObject doc = v.toObject();
                    const QString updated = doc.value("updatedAt"_L1).toString();
                    // Wire times sort as text: same format, UTC.
                    if (updated > newest)
                        newest = updated;
                    steps(absorb(kind, doc, *pending, now));
                }
                // A kind with no records yet has no watermark to keep.
                if (!newest.isEmpty())
                    steps(m_cache.setSyncState(stateKey, newest));
                if (const auto failed = steps.commit(tx)) {
                    finish(State::Error,
                           tr("the cache could not store the server's records: %1").arg(*failed));
                    return;
                }
                if (!items.isEmpty())
                    m_changed = true;
                m_received += items.size();
                emit progress(m_received, 0);
                if (items.size() >= listPageSize)
                    pullPlain(kindIndex, page + 1);
                else
                    pullPlain(kindIndex + 1, 1);
            });
}

void SyncEngine::reconcileWindow(int page, QSet<QString> seen) {
    if (!m_windowFrom.isValid() || !m_windowTo.isValid()) {
        finish(State::Online);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(u"startTime[gte]"_s, toWireTime(m_windowFrom));
    query.addQueryItem(u"startTime[lt]"_s, toWireTime(m_windowTo));
    query.addQueryItem(u"select"_s, u"_id"_s);
    query.addQueryItem(u"page"_s, QString::number(page));
    query.addQueryItem(u"limit"_s, QString::number(listPageSize));
    ApiCall* call = m_api.get(u"/appointments"_s, query);
    connect(call, &ApiCall::finished, this, [this, page, seen](const ApiResponse& r) mutable {
        if (r.isNetworkFailure()) {
            finish(State::Offline, r.message);
            return;
        }
        if (!r.ok()) {
            finish(State::Error, r.message);
            return;
        }
        const QJsonArray items = r.data().toArray();
        for (const QJsonValue v : items)
            seen.insert(v.toObject().value("_id"_L1).toString());
        if (items.size() >= listPageSize) {
            reconcileWindow(page + 1, std::move(seen));
            return;
        }
        // What the cache has in the window and the server does not was
        // deleted there, unless it is ours and not pushed yet.
        auto local = m_cache.appointments(m_windowFrom, m_windowTo);
        if (!local) {
            finish(State::Error, tr("the cache could not be read"));
            return;
        }
        QList<domain::Appointment> missing;
        qsizetype cached = 0;
        for (const domain::Appointment& a : *local) {
            if (a.startTime < m_windowFrom)
                continue;
            ++cached;
            const QString id = a.id().toString();
            if (seen.contains(id))
                continue;
            auto pending = m_cache.outbox().hasEntriesFor(id);
            if (!pending) {
                finish(State::Error, tr("the cache could not be read"));
                return;
            }
            if (!*pending)
                missing.append(a);
        }
        if (missing.size() >= massRemovalFloor && missing.size() * 2 > cached) {
            QSet<QString> ids;
            for (const domain::Appointment& a : std::as_const(missing))
                ids.insert(a.id().toString());
            const bool askedBefore = ids == m_keptRemovals;
            m_heldRemovals = std::move(missing);
            finish(State::Online);
            if (!askedBefore)
                emit removalHeld(int(m_heldRemovals.size()), int(cached));
            return;
        }
        m_heldRemovals.clear();
        if (const auto failed = removeAppointments(missing)) {
            finish(State::Error, tr("the cache could not remove deleted records: %1").arg(*failed));
            return;
        }
        finish(State::Online);
    });
}

std::optional<QString> SyncEngine::removeAppointments(const QList<domain::Appointment>& gone) {
    if (gone.isEmpty())
        return std::nullopt;
    storage::WriteTransaction tx(m_cache.db());
    Steps steps(tx);
    for (const domain::Appointment& a : gone)
        steps(m_cache.records().remove(RecordKind::Appointment, a.id().toString(),
                                       a.meta.version.value_or(0)));
    if (auto failed = steps.commit(tx))
        return failed;
    m_changed = true;
    return std::nullopt;
}

Checked<void> SyncEngine::removeHeld() {
    // A record changed here since it was held is the user's again: its
    // change goes to the server and settles it.
    QList<domain::Appointment> gone;
    for (const domain::Appointment& a : std::as_const(m_heldRemovals)) {
        auto pending = m_cache.outbox().hasEntriesFor(a.id().toString());
        if (!pending)
            return std::unexpected(cacheFailed(pending.error().message));
        if (!*pending)
            gone.append(a);
    }
    if (const auto failed = removeAppointments(gone))
        return std::unexpected(cacheFailed(*failed));
    m_heldRemovals.clear();
    m_keptRemovals.clear();
    emit recordsChanged();
    return {};
}

void SyncEngine::keepHeld() {
    m_keptRemovals.clear();
    for (const domain::Appointment& a : std::as_const(m_heldRemovals))
        m_keptRemovals.insert(a.id().toString());
    m_heldRemovals.clear();
}

} // namespace mss::sync
