#pragma once

#include "base/Error.h"
#include "server/ApiRequest.h"
#include "server/ApiResponse.h"
#include "server/ClientAddress.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

struct MHD_Daemon;
struct MHD_Connection;
struct sockaddr;

namespace mss::server {

// What one client may hold of the server. Each is a `serve` option and a
// key of its --config file (docs/server.md, "HTTP layer").
struct HttpLimits {
    // Open connections in all, and from one client (an IPv4 address, or an
    // IPv6 /64: clientKey). Past the first, a new connection waits in the
    // kernel's queue of the listening socket until one closes; past the
    // second, it is accepted and closed at once. Well under the process's
    // file limit, so the database and logs always get files.
    unsigned maxConnections = 512;
    unsigned maxConnectionsPerAddress = 64;
    // A connection that sends nothing (idle between requests, or stopped
    // half-way through a request line, headers, body or TLS handshake) for
    // this long is closed.
    std::chrono::seconds connectionTimeout{30};
    // The request line and headers of one request together: past it the
    // client gets 414 (the request line alone passes it) or 431, in the
    // JSON envelope with CORS headers, and the connection closes. MHD's
    // memory per connection is twice this and some (connectionMemory in the
    // .cpp): a head past even that gets MHD's own 414 or 431 (HTML).
    qsizetype maxHeaderBytes = 64 * 1024;
    // A body past this is never kept in memory: one declared (Content-Length)
    // past 8 MiB is refused before anything is read; a smaller one, or one
    // that comes in chunks, is dropped as it arrives and answered 413 at its
    // end (so that a client that sends before it reads sees its 413); a
    // chunked one going past 8 MiB has its connection closed.
    qsizetype maxBodyBytes = 1024 * 1024;
    // Load balancers and proxies in front (serve --trusted-proxy): their
    // connections are many clients', so the cap per address spares them
    // (the total cap still holds), and a request through one is counted as
    // the client's its X-Forwarded-For names (sign-in throttling, audit).
    TrustedProxies trustedProxies = {};
};

// TLS through libmicrohttpd's GnuTLS: certificate chain and key in PEM.
struct HttpTls {
    QByteArray certificatePem;
    QByteArray keyPem;
};

// The HTTP transport: libmicrohttpd reads requests on its own threads
// (epoll, a small pool), under HttpLimits, so slow, silent or abusive
// clients and TLS handshakes cost the rest nothing. A complete request is
// handed on with its connection suspended: first to the `direct` handler,
// on MHD's thread (ApiServer::handleRead, which gives reads to the reader
// threads); when that does not take it, to the thread that owns this object
// (the writer: the practice's database connection is bound to it), queued to
// its event loop. Once answered, from whichever thread, the answer is queued
// on the connection and the connection resumed. One request at a time per
// connection: a client that sends many without reading its answers holds
// one answer and what its socket buffers take, no more.
class HttpListener : public QObject {
    Q_OBJECT

public:
    // Answers a request by calling `reply` once, now or later, on any thread
    // (ApiServer::handleLater); the connection waits suspended. `reply` may
    // outlive the listener: it then does nothing.
    using Reply = std::function<void(ApiResponse)>;
    using Handler = std::function<void(const ApiRequest&, Reply)>;
    // Called on MHD's threads first: true when it has taken the request
    // (and `reply` with it).
    using DirectHandler = std::function<bool(const ApiRequest&, Reply&)>;

    HttpListener(Handler handler, HttpLimits limits, QObject* parent = nullptr);
    // Before listen().
    void setDirectHandler(DirectHandler direct) { m_direct = std::move(direct); }
    // Stops accepting; requests still queued to this thread are answered
    // 503 and every connection is closed.
    ~HttpListener() override;

    // Starts answering on address:port (port 0 picks a free one); the port
    // it listens on, or why it cannot (Unavailable, in libmicrohttpd's
    // words). With `tls`, HTTPS only.
    Result<quint16> listen(const QHostAddress& address, quint16 port,
                           const std::optional<HttpTls>& tls = std::nullopt);

    const HttpLimits& limits() const { return m_limits; }

    // The GnuTLS priorities of HTTPS: TLS 1.3, and TLS 1.2 with ECDHE and
    // an AEAD cipher (AES-GCM, ChaCha20-Poly1305) only.
    static const char* const tlsPriorities;

protected:
    void customEvent(QEvent* event) override;

private:
    struct Exchange;
    struct Queued;
    struct Callbacks; // libmicrohttpd's C callbacks, on its threads
    friend struct Callbacks;
    // What a Reply reaches this listener through: null once it is destroyed.
    struct Alive {
        std::mutex lock;
        HttpListener* listener = nullptr;
    };
    Reply replyTo(Exchange* exchange);

    // One call of MHD's access handler (see the .cpp for the order of calls).
    int receive(MHD_Connection* connection, const char* method, const char* version,
                const char* uploadData, size_t* uploadDataSize, Exchange& exchange);
    // Suspends the connection and queues its request to this object's thread.
    int handOver(Exchange& exchange);
    // On this object's thread: asks the handler for the answer of one
    // suspended request, and queues it when it comes (finish).
    void answer(Exchange* exchange);
    void finish(Exchange* exchange, ApiResponse response);
    // The cap per client, on MHD's threads: takes a place for a new
    // connection, hands it to the connection once set up, gives it back when
    // the connection closes.
    bool admit(const sockaddr* address);
    QString* admitted();
    void closed(QString* client);
    void release(const QString& client); // under m_clientsLock

    Handler m_handler;
    DirectHandler m_direct;
    std::shared_ptr<Alive> m_alive;
    HttpLimits m_limits;
    MHD_Daemon* m_daemon = nullptr;
    QByteArray m_certificatePem; // MHD keeps pointers to them while it runs
    QByteArray m_keyPem;
    // Requests handed on and not answered yet (guarded: MHD's threads add,
    // the thread that answers removes; a std::mutex, which ThreadSanitizer
    // sees, unlike Qt's).
    std::mutex m_queuedLock;
    QSet<Exchange*> m_queued;
    bool m_stopping = false;
    // Open connections by clientKey.
    std::mutex m_clientsLock;
    QHash<QString, unsigned> m_openByClient;
};

} // namespace mss::server
