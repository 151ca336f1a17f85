#pragma once

#include "server/CrossOrigin.h"
#include "server/Practice.h"
#include "server/Router.h"
#include "storage/WalCheckpointer.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

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
// Requests are handled one at a time on the thread that owns the server;
// HttpListener carries them there from the sockets.
class ApiServer : public QObject {
    Q_OBJECT

public:
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;
    static constexpr int auditFlushMs = 100;
    static constexpr qsizetype maxPendingAudit = 256;
    static constexpr int checkpointMs = 200;
    static constexpr int autoCheckpointPages = 4096; // 16 MiB of WAL

    explicit ApiServer(Practice& practice, QObject* parent = nullptr);
    ~ApiServer() override;

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
    // this thread with its check done. Everything else is answered at once.
    // `reply` is called on this thread, unless the server is destroyed first.
    void handleLater(const ApiRequest& request, std::function<void(ApiResponse)> reply);
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
    class PasswordCheck;
    class PasswordChecked;
    void customEvent(QEvent* event) override;
    void finishSignIn(const std::shared_ptr<SignIn>& job);
    ApiResponse dispatch(const ApiRequest& request);
    // What plain mode hides of an answer: versions in records and ETags.
    static ApiResponse withoutExtensions(ApiResponse response);
    ApiResponse runWrite(const Route& route, RequestContext& ctx);
    void writeAudit(RequestContext& ctx, int status);
    void flushAudit();

    Practice& m_practice;
    Router m_router;
    QList<storage::AuditEntry> m_pendingAudit;
    QTimer m_auditTimer;
    std::unique_ptr<storage::WalCheckpointer> m_checkpointer;
    bool m_plainApi = false;
    AllowedOrigins m_allowedOrigins;
    // Password checks of sign-ins, off this thread; waited for on destruction
    // so that none posts to a server that is gone.
    QThreadPool m_passwordChecks;
};

} // namespace mss::server
