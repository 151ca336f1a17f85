#include "server/ApiServer.h"

#include "base/ThreadHandoff.h"

#include "server/Booking.h"
#include "server/FhirResources.h"
#include "server/Passwords.h"

#include "server/RecordRoutes.h"
#include "server/RequestContext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThread>

#include <condition_variable>
#include <deque>
#include <future>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcHttp, "mss.http", QtInfoMsg)

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::WriteTransaction;

ApiServer::ApiServer(Practice& practice, QObject* parent)
    : QObject(parent)
    , m_practice(practice)
    , m_router(apiRouter()) {
    m_auditTimer.setSingleShot(true);
    m_auditTimer.setInterval(auditFlushMs);
    connect(&m_auditTimer, &QTimer::timeout, this, &ApiServer::flushAudit);
    // Checkpoints run beside the requests; a commit checkpoints only as
    // the bound of the WAL (see WalCheckpointer). PostgreSQL checkpoints
    // on its own.
    if (m_practice.db().dialect().isSqlite() &&
        m_practice.db().setAutoCheckpoint(autoCheckpointPages))
        m_checkpointer = std::make_unique<storage::WalCheckpointer>(
            m_practice.db().path(), std::chrono::milliseconds(checkpointMs));
}

namespace {

const auto passwordCheckedEvent = QEvent::Type(QEvent::registerEventType());

} // namespace

// A sign-in whose password has been checked, back to the server's thread.
class ApiServer::PasswordChecked final : public QEvent {
public:
    explicit PasswordChecked(std::shared_ptr<SignIn> signIn)
        : QEvent(passwordCheckedEvent)
        , job(std::move(signIn)) {}
    std::shared_ptr<SignIn> job;
};

// The threads that check sign-ins' passwords (Argon2id: 64 MiB and tens of
// milliseconds each), beside the requests. Their queue is guarded by a
// std::mutex, which ThreadSanitizer sees; QThreadPool passes its queue
// between its threads under Qt's own futex, which it does not.
class ApiServer::PasswordChecks {
public:
    explicit PasswordChecks(int count) {
        for (int i = 0; i < count; ++i)
            m_threads.emplace_back([this] { run(); });
    }

    // The checks queued so far are done, then the threads end.
    ~PasswordChecks() {
        {
            std::lock_guard lock(m_lock);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread& thread : m_threads)
            thread.join();
    }

    void post(std::function<void()> check) {
        {
            std::lock_guard lock(m_lock);
            m_checks.push_back(std::move(check));
        }
        m_wake.notify_one();
    }

private:
    void run() {
        for (;;) {
            std::function<void()> check;
            {
                std::unique_lock lock(m_lock);
                m_wake.wait(lock, [this] { return m_stopping || !m_checks.empty(); });
                if (m_checks.empty())
                    return;
                check = std::move(m_checks.front());
                m_checks.pop_front();
            }
            check();
        }
    }

    std::vector<std::thread> m_threads;
    std::mutex m_lock;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_checks;
    bool m_stopping = false;
};

// The reader threads. Each opens its own read-only view of the practice
// (Practice::openReader) and then answers the reads queued to any of them,
// one at a time, each inside one read transaction. The queue is guarded by a
// std::mutex, which ThreadSanitizer sees; a request and its reply belong to
// the reader from the moment it is queued.
class ApiServer::Readers {
public:
    struct Job {
        ApiRequest request;
        std::function<void(ApiResponse)> reply;
    };

    explicit Readers(ApiServer& server)
        : m_server(server) {}
    ~Readers() { stop(); }

    Result<void> start(int count) {
        for (int i = 0; i < count; ++i) {
            std::promise<Result<void>> opened;
            std::future<Result<void>> ready = opened.get_future();
            m_threads.emplace_back(
                [this, opened = std::move(opened)]() mutable { run(std::move(opened)); });
            if (Result<void> started = ready.get(); !started) {
                stop();
                return started;
            }
        }
        return {};
    }

    void post(Job job) {
        {
            std::lock_guard lock(m_lock);
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }

    // The reads queued so far are answered, then the threads end.
    void stop() {
        {
            std::lock_guard lock(m_lock);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread& thread : m_threads)
            thread.join();
        m_threads.clear();
    }

    int count() const { return int(m_threads.size()); }

private:
    void run(std::promise<Result<void>> opened) {
        // The writer waits in start() meanwhile: reading its practice is safe.
        auto practice = m_server.m_practice.openReader();
        if (!practice) {
            opened.set_value(std::unexpected(
                Error{ErrorCode::StorageFailure, {}, u"cannot open a reader of the database"_s}
                    .causedBy(practice.error())));
            return;
        }
        opened.set_value({});
        for (;;) {
            Job job;
            {
                std::unique_lock lock(m_lock);
                m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
                if (m_jobs.empty())
                    break;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            ApiResponse response;
            {
                storage::ReadTransaction snapshot((*practice)->db());
                response = m_server.answer(**practice, job.request);
            }
            // The request goes before the answer does: what it shares with
            // the transport's copy is then released before the transport
            // hears of it.
            auto reply = std::move(job.reply);
            job = Job();
            reply(std::move(response));
        }
        // The connection closes on the thread that opened it.
        practice->reset();
    }

    ApiServer& m_server;
    std::vector<std::thread> m_threads;
    std::mutex m_lock;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
};

Result<void> ApiServer::startReaders(int count) {
    if (m_readers || count < 2)
        return {};
    // Readers find the settings cached rather than each reading them.
    m_practice.cacheSettings();
    m_practice.db().finishQueries();
    auto readers = std::make_unique<Readers>(*this);
    if (auto started = readers->start(count); !started)
        return started;
    m_readers = std::move(readers);
    // Readers add to the audit batch without waking this thread (a Qt call
    // across threads frees its parts on either side, unseen by
    // ThreadSanitizer): this thread looks at the batch every auditFlushMs.
    connect(&m_readerAuditTimer, &QTimer::timeout, this, &ApiServer::flushAudit);
    m_readerAuditTimer.start(auditFlushMs);
    return {};
}

int ApiServer::readerCount() const {
    return m_readers ? m_readers->count() : 0;
}

bool ApiServer::isParallelRead(const ApiRequest& request) const {
    // A refused head reads nothing either: any thread answers it.
    if (request.method == Method::Options || request.head != ApiRequest::Head::Fits)
        return true;
    if (request.method != Method::Get)
        return false;
    const Router::Match match = m_router.match(request.method, request.path);
    return match.route && match.route->writes == Writes::Nothing;
}

bool ApiServer::handleRead(const ApiRequest& request, std::function<void(ApiResponse)>& reply) {
    if (!m_readers || !isParallelRead(request))
        return false;
    m_readers->post({request, std::move(reply)});
    return true;
}

void ApiServer::handleLater(const ApiRequest& request, std::function<void(ApiResponse)> reply) {
    if (handleRead(request, reply))
        return;
    std::optional<PasswordToVerify> check;
    if (request.method == Method::Post && request.path == "/api/v1/auth/login"_L1 &&
        !request.bodyTooLarge && request.head == ApiRequest::Head::Fits) {
        RequestContext ctx(request, m_practice);
        check = passwordToVerify(ctx);
        m_practice.db().finishQueries();
    }
    if (!check) {
        reply(handle(request));
        return;
    }
    auto job = std::make_shared<SignIn>(SignIn{request, std::move(*check), std::move(reply)});
    if (!m_passwordChecks)
        m_passwordChecks =
            std::make_unique<PasswordChecks>(std::max(1, QThread::idealThreadCount()));
    m_passwordChecks->post([this, job = std::move(job)] {
        job->matches = verifyPassword(job->check.hash, job->check.password);
        // An event, not a queued functor: the event is freed on the
        // receiving thread, where a functor's captures could be freed on
        // this one. Handed over with the job it carries (customEvent).
        auto* event = new PasswordChecked(job);
        handOver(event);
        QCoreApplication::postEvent(this, event);
    });
}

void ApiServer::customEvent(QEvent* event) {
    // Before anything of the event is read, its type included (taking
    // over an event that was not handed over orders nothing, harmlessly).
    takeOver(event);
    if (event->type() == passwordCheckedEvent)
        finishSignIn(static_cast<PasswordChecked*>(event)->job);
}

void ApiServer::finishSignIn(const std::shared_ptr<SignIn>& job) {
    job->request.verifiedPassword = ApiRequest::VerifiedPassword{job->check.hash, job->matches};
    // Used and released on this thread only.
    const auto answer = std::move(job->reply);
    const ApiRequest signIn = std::move(job->request);
    answer(handle(signIn));
}

ApiServer::~ApiServer() {
    // Their last audit entries join the batch before it is written.
    m_readers.reset();
    m_passwordChecks.reset();
    flushAudit();
    // SQLite's own checkpoints again for whoever opens the file next;
    // PostgreSQL has no such setting (and no checkpointer was started).
    if (m_checkpointer) {
        m_checkpointer.reset();
        if (auto r = m_practice.db().setAutoCheckpoint(1000); !r)
            qCWarning(lcHttp) << "could not restore automatic checkpoints:" << r.error().message;
    }
}

ApiResponse ApiServer::handle(const ApiRequest& request) {
    return answer(m_practice, request);
}

ApiResponse ApiServer::answer(Practice& practice, const ApiRequest& request) {
    const Practice::SettingsScope settings(practice);
    // CORS lives here, above the routes and below any transport: every
    // answer passes through cors::decorate, errors and 401s included.
    const AllowedOrigins origins = allowedOrigins(practice);
    ApiResponse response;
    if (request.head != ApiRequest::Head::Fits) {
        response = headTooLarge(request);
    } else if (request.method == Method::Options) {
        response = cors::preflight(request, m_router, origins);
    } else if (!m_plainApi) {
        response = dispatch(practice, request);
    } else {
        ApiRequest plain = request;
        plain.headers.remove(QByteArrayLiteral("if-match"));
        plain.headers.remove(QByteArrayLiteral("idempotency-key"));
        plain.headers.remove(QByteArrayLiteral("x-device-token"));
        response = withoutExtensions(dispatch(practice, plain));
    }
    practice.db().finishQueries();
    if (fhir::isFhirPath(request.path))
        response = fhir::asFhir(std::move(response)); // errors as OperationOutcome
    cors::decorate(response, request, origins);
    return response;
}

ApiResponse ApiServer::headTooLarge(const ApiRequest& request) {
    const bool url = request.head == ApiRequest::Head::UrlTooLong;
    const QString message =
        url ? u"The address of the request is too long: its request line passes the server's "
              u"limit of %1 bytes for the request line and headers together (max-header-bytes)"_s
            : u"The headers of the request are too large: with the request line they pass the "
              u"server's limit of %1 bytes (max-header-bytes)"_s;
    // The connection closes after it, as it would past libmicrohttpd's own
    // limit.
    return ApiResponse::error(url ? 414 : 431, message.arg(request.headLimit),
                              url ? u"URI_TOO_LONG"_s : u"HEADERS_TOO_LARGE"_s)
        .withHeader("Connection", "close");
}

AllowedOrigins ApiServer::allowedOrigins() {
    return allowedOrigins(m_practice);
}

AllowedOrigins ApiServer::allowedOrigins(Practice& practice) {
    return m_allowedOrigins.united(practice.allowedOrigins());
}

namespace {

bool isExtensionRoute(const QString& pattern) {
    return pattern == "/api/v1/sync/changes"_L1 || pattern == "/api/v1/audit-logs"_L1 ||
           pattern == "/api/v1/staff/:providerId/open-slots"_L1 ||
           pattern == "/api/v1/clients/:clientId/waitlist"_L1 ||
           pattern.startsWith("/api/v1/waitlist"_L1) || pattern.startsWith("/fhir/"_L1) ||
           pattern.startsWith("/api/v1/calendar/"_L1);
}

QJsonValue stripVersions(const QJsonValue& value) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue v : value.toArray())
            out.append(stripVersions(v));
        return out;
    }
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        o.remove("version"_L1);
        return o;
    }
    return value;
}

} // namespace

ApiResponse ApiServer::withoutExtensions(ApiResponse response) {
    if (!response.rawData.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(response.rawData);
        response.body.insert("data"_L1,
                             doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
        response.rawData.clear();
    }
    if (response.body.contains("data"_L1))
        response.body.insert("data"_L1, stripVersions(response.body.value("data"_L1)));
    response.body.remove("warnings"_L1);
    response.body.remove("deviceToken"_L1);
    response.headers.removeIf([](const auto& h) { return h.first.toLower() == "etag"; });
    return response;
}

ApiResponse ApiServer::dispatch(Practice& practice, const ApiRequest& request) {
    if (request.bodyTooLarge || request.body.size() > maxBodyBytes)
        return ApiResponse::error(413, u"The body is larger than 1 MiB"_s, u"PAYLOAD_TOO_LARGE"_s);

    const Router::Match match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (!match.allowed.isEmpty()) {
            QStringList names;
            for (Method m : match.allowed)
                names << methodName(m);
            return ApiResponse::error(
                       405,
                       u"%1 is not allowed on %2; use %3"_s.arg(methodName(request.method),
                                                                request.path, names.join(u", "_s)),
                       u"METHOD_NOT_ALLOWED"_s)
                .withHeader("Allow", names.join(u", "_s).toLatin1());
        }
        return ApiResponse::error(404, u"Route not found: %1"_s.arg(request.path), u"NOT_FOUND"_s);
    }
    const Route& route = *match.route;
    if (m_plainApi && isExtensionRoute(route.pattern))
        return ApiResponse::error(404, u"Route not found: %1"_s.arg(request.path), u"NOT_FOUND"_s);
    ApiRequest routed = request;
    routed.params = match.params;
    RequestContext ctx(routed, practice);
    ctx.setPlainApi(m_plainApi);

    if (route.permission) {
        const QByteArray auth = request.header("authorization");
        const QByteArray token = auth.startsWith("Bearer ") ? auth.mid(7).trimmed() : QByteArray();
        auto who = practice.sessions().signedIn(token);
        // The first statement of a request outside a transaction may be the
        // one to find the database server's connection gone (it restarted):
        // once more on a new connection.
        if (!who && who.error().code == ErrorCode::DatabaseUnavailable && practice.db().reconnect())
            who = practice.sessions().signedIn(token);
        if (!who)
            return storageFailure(who.error());
        const auto unauthorized = [] {
            return ApiResponse::error(401, u"Not authorized to access this route"_s,
                                      u"NOT_AUTHENTICATED"_s);
        };
        if (!*who)
            return unauthorized();
        const Sessions::SignedIn& signedIn = **who;
        const auto role =
            domain::fromWire<domain::StaffRole>(signedIn.staff.value("role"_L1).toString());
        if (!role || !signedIn.staff.value("isActive"_L1).toBool(true))
            return unauthorized();
        ctx.signIn(signedIn.staffId, *role);
        if (!ctx.can(*route.permission)) {
            ctx.audit(u"access.denied"_s, route.pattern, {}, permissionName(*route.permission));
            writeAudit(ctx, 403);
            return ApiResponse::error(403,
                                      u"The role %1 is not allowed to do this (%2)"_s.arg(
                                          domain::toWire(*role), permissionName(*route.permission)),
                                      conflictCodeName(ConflictCode::Forbidden));
        }
    }

    if (request.method == Method::Get || route.writes == Writes::AuditOnly) {
        if (route.permission == Permission::ReadAuditLog)
            flushAudit(); // the listing shows everything up to now
        ApiResponse response = route.handler(ctx);
        writeAudit(ctx, response.status);
        return response;
    }
    // Readers answer reads only (isParallelRead); this is the writer.
    Q_ASSERT(!practice.isReader());
    return runWrite(route, ctx);
}

ApiResponse ApiServer::runWrite(const Route& route, RequestContext& ctx) {
    // The log stays in the order things happened: reads before this write.
    flushAudit();
    const ApiRequest& request = ctx.request();
    const QByteArray key = request.header("idempotency-key");
    const QString requestName = methodName(request.method) + u' ' + request.path;
    const bool idempotent =
        request.method == Method::Post && !key.isEmpty() && !ctx.staffId().isEmpty();
    if (idempotent && key.size() > 200)
        return ApiResponse::error(400, u"Idempotency-Key is longer than 200 characters"_s,
                                  u"VALIDATION_ERROR"_s);

    WriteTransaction tx(m_practice.db());
    if (!tx.isActive()) {
        if (isStorageTrouble(tx.beginError()))
            return storageFailure(tx.beginError());
        return ApiResponse::error(503, u"The database is busy; try again"_s, u"BUSY"_s);
    }

    if (idempotent) {
        const auto saved =
            m_practice.records().savedAnswer(ctx.staffId(), QString::fromLatin1(key));
        if (!saved) {
            qCWarning(lcHttp) << "cannot read idempotent answers:" << saved.error().message;
            return ApiResponse::internal();
        }
        if (*saved) {
            const auto& answer = **saved;
            if (answer.request != requestName)
                return ApiResponse::error(422,
                                          u"This Idempotency-Key was used for another request"_s,
                                          u"IDEMPOTENCY_KEY_REUSED"_s);
            ApiResponse replay = ApiResponse::fromSerialized(answer.status, answer.body);
            replay.withHeader("Idempotent-Replayed", "true");
            return replay;
        }
    }

    ApiResponse response = route.handler(ctx);
    if (!response.isSuccess()) {
        // Nothing of a refused request stays, except the record that it
        // was attempted (and what it asked to keep: a failed sign-in's count).
        tx.rollback();
        response = nameRefusedOverlap(ctx, std::move(response));
        if (const auto& keep = ctx.whenRefused()) {
            if (auto refused = writeAlone(keep))
                response = std::move(*refused);
        }
        writeAudit(ctx, response.status);
        return response;
    }
    for (auto entry : ctx.auditEntries()) {
        entry.outcome = response.status;
        if (auto r = m_practice.auditLog().append(entry); !r) {
            return storageFailure(r.error());
        }
    }
    if (idempotent) {
        storage::RecordStore::SavedAnswer answer{requestName, response.status,
                                                 response.serialized()};
        if (auto r =
                m_practice.records().saveAnswer(ctx.staffId(), QString::fromLatin1(key), answer,
                                                m_practice.clock().now().toMSecsSinceEpoch());
            !r) {
            return storageFailure(r.error());
        }
    }
    if (auto r = tx.commit(); !r) {
        return storageFailure(r.error());
    }
    emit written();
    return response;
}

std::optional<ApiResponse> ApiServer::writeAlone(const std::function<Result<void>()>& write) {
    // Relaxed: a failed sign-in's count is not worth a sync of its own
    // (docs/server.md, "Sign-in throttling").
    WriteTransaction tx(m_practice.db(), WriteTransaction::Durability::Relaxed);
    if (!tx.isActive()) {
        if (isStorageTrouble(tx.beginError()))
            return storageFailure(tx.beginError());
        return ApiResponse::error(503, u"The database is busy; try again"_s, u"BUSY"_s);
    }
    if (auto r = write(); !r)
        return storageFailure(r.error());
    if (auto r = tx.commit(); !r)
        return storageFailure(r.error());
    return std::nullopt;
}

namespace {

// A copy that shares no text with the original: a reader's strings share
// their bytes with its query results, and Qt frees shared text inside its
// library, where ThreadSanitizer cannot see the count that orders it.
QString unshared(const QString& text) {
    return QString(text.constData(), text.size());
}

storage::AuditEntry unshared(const storage::AuditEntry& e) {
    return {unshared(e.actor),      unshared(e.action),  unshared(e.resourceType),
            unshared(e.resourceId), unshared(e.address), e.outcome,
            unshared(e.detail)};
}

} // namespace

void ApiServer::writeAudit(RequestContext& ctx, int status) {
    if (ctx.auditEntries().isEmpty())
        return;
    const bool reader = ctx.practice().isReader();
    {
        std::lock_guard lock(m_auditLock);
        for (auto entry : ctx.auditEntries()) {
            entry.outcome = status;
            m_pendingAudit.append(reader ? unshared(entry) : entry);
        }
    }
    ctx.clearAudit();
    // A reader's entries wait for m_readerAuditTimer.
    if (!reader)
        auditQueued();
}

void ApiServer::auditQueued() {
    qsizetype pending = 0;
    {
        std::lock_guard lock(m_auditLock);
        pending = m_pendingAudit.size();
    }
    if (pending >= maxPendingAudit)
        flushAudit();
    else if (pending > 0 && !m_auditTimer.isActive())
        m_auditTimer.start();
}

void ApiServer::flushAudit() {
    m_auditTimer.stop();
    QList<storage::AuditEntry> batch;
    {
        std::lock_guard lock(m_auditLock);
        batch.swap(m_pendingAudit);
    }
    if (batch.isEmpty())
        return;
    // Kept, ahead of what readers added meanwhile, for the next try.
    const auto keep = [this, &batch] {
        {
            std::lock_guard lock(m_auditLock);
            batch.append(m_pendingAudit);
            m_pendingAudit.swap(batch);
        }
        m_auditTimer.start();
    };
    WriteTransaction tx(m_practice.db(), WriteTransaction::Durability::Relaxed);
    for (const auto& entry : std::as_const(batch)) {
        if (auto r = m_practice.auditLog().append(entry); !r) {
            qCWarning(lcHttp) << "cannot write the audit log:" << r.error().message;
            tx.rollback();
            keep();
            return;
        }
    }
    if (auto r = tx.commit(); !r) {
        qCWarning(lcHttp) << "cannot write the audit log:" << r.error().message;
        tx.rollback();
        keep();
        return;
    }
}

} // namespace mss::server
