#pragma once

#include "server/Practice.h"
#include "server/Router.h"

#include <QAbstractHttpServer>

namespace mss::server {

// The HTTP face of a practice: parses requests, answers in the envelopes of
// spec/API.md, and runs each route under the rules every route shares:
//  - bodies over 1 MiB: 413; unknown path: 404; known path, wrong method: 405;
//  - authentication (401) and the role table (403) before the handler runs;
//  - a request that writes runs in ONE write transaction (BEGIN IMMEDIATE)
//    with its audit entries and its Idempotency-Key answer: all or nothing;
//  - a request that reads has its audit entries written right after.
// Requests are handled one at a time on the thread that owns the server.
class ApiServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;

    explicit ApiServer(Practice& practice, QObject* parent = nullptr);

    // The answer to one request; what the socket side calls.
    ApiResponse handle(const ApiRequest& request);
    const Router& router() const { return m_router; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    ApiResponse dispatch(const ApiRequest& request);
    ApiResponse runWrite(const Route& route, RequestContext& ctx);
    void writeAudit(RequestContext& ctx, int status);

    Practice& m_practice;
    Router m_router;
};

} // namespace mss::server
