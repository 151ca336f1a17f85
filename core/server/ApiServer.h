#pragma once

#include "server/CrossOrigin.h"
#include "server/Practice.h"
#include "server/Router.h"
#include "storage/WalCheckpointer.h"

#include <QObject>
#include <QTimer>

#include <expected>
#include <functional>
#include <memory>
#include <mutex>

namespace mss::server {

// The HTTP face of a practice, below any transport: answers in the envelopes of
// spec/API.md, and runs each route under the rules every route shares:
//  - bodies over 1 MiB: 413; unknown path: 404; known path, wrong method: 405;
//  - CORS (CrossOrigin.h): OPTIONS preflights answered on every route, the
//    CORS headers on every answer for the allowed origins;
//  - authentication (401) and the role table (403) before the handler runs;
//  - a request that writes runs in ONE write transaction (BEGIN IMMEDIATE)
//    with its audit entries and its Idempotency-Key answer: all or nothing;
//  - a request that reads has its audit entries written in a batch, at
//    most auditFlushMs later (before any write, any audit-log listing and
//    the server's stop): one commit for many reads. A crash (SIGKILL, power)
//    can lose the read entries of that last moment, never a write's.
// Threads: writes, sign-ins and the GETs that write anything are handled
// one at a time on the thread that owns the server (the writer), which
// alone writes to the database. With readers (startReaders), a GET whose
// route writes nothing (Writes::Nothing) and an OPTIONS preflight are
// answered on one of the reader threads instead, each with its own
// read-only connection, inside one read transaction (one snapshot); their
// audit entries join the writer's batch. A long read then delays no other
// request, and a long write only the writes behind it.
// HttpListener carries requests here from the sockets.
class ApiServer : public QObject {
    Q_OBJECT

public:
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;
    static constexpr int auditFlushMs = 100;
    static constexpr qsizetype maxPendingAudit = 256;
    static constexpr int checkpointMs = 200;
    static constexpr int autoCheckpointPages = 4096; // 16 MiB of WAL

    explicit ApiServer(Practice& practice, QObject* parent = nullptr);
    // Stops the readers (the reads they are answering finish first), then
    // writes what is left of the audit batch.
    ~ApiServer() override;

    // Starts `count` reader threads, each with its own read-only connection
    // (serve --workers). Fewer than 2: none, and the writer answers reads
    // too, one request at a time. Once, before the first request; why not
    // when a reader's connection cannot be opened (StorageFailure).
    Result<void> startReaders(int count);
    int readerCount() const;

    // Plain mode: the contract without this project's extensions, as the
    // MentalSpace EHR server answers it: no versions (no `version`, ETag or
    // If-Match), no Idempotency-Key, no change feed, audit-log listing or
    // open slots (404), and no conflict or availability checks on booking.
    // It exists so that the desktop's fallback path is tested against a
    // real server (mentalspace-server serve --plain-api).
    void setPlainApi(bool plain) { m_plainApi = plain; }
    bool isPlainApi() const { return m_plainApi; }

    // Origins allowed besides the practice's setting (serve --allow-origin).
    void setAllowedOrigins(const AllowedOrigins& origins) { m_allowedOrigins = origins; }
    // Those and the practice's: whom cors::decorate answers.
    AllowedOrigins allowedOrigins();

    // The answer to one request; what the transport (HttpListener) calls.
    ApiResponse handle(const ApiRequest& request);
    // handle(), for a transport that can answer later: a sign-in's Argon2id
    // check (tens of milliseconds of one core) runs on a worker thread, so
    // other requests are answered meanwhile; then the sign-in is handled on
    // this thread with its check done. A read goes to a reader thread when
    // there are readers, and `reply` is called there; everything else is
    // answered at once. `reply` is called once, on this thread or a reader's,
    // unless the server is destroyed first.
    void handleLater(const ApiRequest& request, std::function<void(ApiResponse)> reply);
    // Whether handleLater() gives `request` to a reader (when there are any).
    bool isParallelRead(const ApiRequest& request) const;
    // From any thread (the transport's own): when `request` is a read and
    // there are readers, queues it to them and returns true; `reply` is
    // then called on a reader's thread. False leaves it to handleLater().
    bool handleRead(const ApiRequest& request, std::function<void(ApiResponse)>& reply);
    const Router& router() const { return m_router; }

signals:
    // A write request committed (the reminders follow appointment changes).
    void written();

private:
    // A sign-in whose password is checked on the pool (handleLater).
    struct SignIn {
        ApiRequest request;
        PasswordToVerify check;
        std::function<void(ApiResponse)> reply;
        bool matches = false;
    };
    class PasswordChecks;
    class PasswordChecked;
    class Readers;
    void customEvent(QEvent* event) override;
    void finishSignIn(const std::shared_ptr<SignIn>& job);
    // handle() on `practice`: the writer's, or a reader's on its thread.
    ApiResponse answer(Practice& practice, const ApiRequest& request);
    ApiResponse dispatch(Practice& practice, const ApiRequest& request);
    AllowedOrigins allowedOrigins(Practice& practice);
    // What plain mode hides of an answer: versions in records and ETags.
    static ApiResponse withoutExtensions(ApiResponse response);
    // 414 or 431 for a head the transport found too large, naming the limit.
    static ApiResponse headTooLarge(const ApiRequest& request);
    ApiResponse runWrite(const Route& route, RequestContext& ctx);
    // Runs `write` in a write transaction of its own (RequestContext::
    // writeWhenRefused); the answer to give instead when it fails.
    std::optional<ApiResponse> writeAlone(const std::function<Result<void>()>& write);
    // Adds the request's entries to the batch; from any thread.
    void writeAudit(RequestContext& ctx, int status);
    // On this thread: flushes a full batch, or arms the timer.
    void auditQueued();
    void flushAudit();

    Practice& m_practice;
    Router m_router;
    // The batch of read audit entries: readers add, this thread writes.
    std::mutex m_auditLock;
    QList<storage::AuditEntry> m_pendingAudit;
    QTimer m_auditTimer;
    QTimer m_readerAuditTimer; // with readers: flushes every auditFlushMs
    std::unique_ptr<storage::WalCheckpointer> m_checkpointer;
    bool m_plainApi = false;
    AllowedOrigins m_allowedOrigins;
    // Password checks of sign-ins, off this thread, started at the first;
    // waited for on destruction so that none posts to a server that is gone.
    std::unique_ptr<PasswordChecks> m_passwordChecks;
    std::unique_ptr<Readers> m_readers;
};

} // namespace mss::server
