#include "server/HttpListener.h"

#include "base/ThreadHandoff.h"

#include "server/ClientAddress.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QUrl>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

// What makes this file delicate: libmicrohttpd calls us on its own threads,
// several times per request (once at the headers, once per piece of body,
// once at the end, and again after a resume), and only two of those calls
// may queue an answer: the first (before any body is read: an "early"
// answer, after which MHD reads nothing more of the request and closes)
// and the last. Everything the routes do happens on the Qt thread or a
// reader thread; the sides meet only through Exchange, handed over with the
// connection suspended, and m_queued, under its lock.

namespace mss::server {

using namespace Qt::StringLiterals;

const char* const HttpListener::tlsPriorities =
    "SECURE256:+SECURE128:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:"
    "-CIPHER-ALL:+AES-256-GCM:+AES-128-GCM:+CHACHA20-POLY1305:"
    "-KX-ALL:+ECDHE-RSA:+ECDHE-ECDSA:-MAC-ALL:+AEAD:%SERVER_PRECEDENCE";

namespace {

// MHD's own threads: they only read, parse and write; two keep a second
// core busy with TLS and slow clients while the Qt thread answers.
constexpr unsigned ioThreads = 2;
// A body past the limit, up to this size, is read and dropped as it comes
// and then answered 413: a client that sends its whole body before reading
// (most do, browsers and Qt included) would otherwise meet a closed
// connection and never see its 413. Past this size (declared, or as a
// chunked body streams) it is not worth reading: refused at once from its
// Content-Length, or the connection closed.
constexpr qint64 maxDroppedBodyBytes = 8 * 1024 * 1024;

// libmicrohttpd's memory per connection for a limit on the request line and
// headers: twice the limit and room for the answer's headers, so that a
// head up to twice the limit is still read whole, Origin included, and
// answered by the server itself (414 or 431, JSON and CORS). Past that,
// libmicrohttpd answers on its own (HTML, no CORS).
size_t connectionMemory(qsizetype maxHeaderBytes) {
    return size_t(2 * maxHeaderBytes + 32 * 1024);
}

Method methodOf(const char* name) {
    static constexpr std::pair<const char*, Method> methods[] = {
        {"GET", Method::Get},       {"POST", Method::Post},   {"PUT", Method::Put},
        {"DELETE", Method::Delete}, {"PATCH", Method::Patch}, {"OPTIONS", Method::Options},
    };
    for (const auto& [text, method] : methods)
        if (std::strcmp(name, text) == 0)
            return method;
    return Method::Other;
}

// The headers of a request, and their size as sent ("Name: value\r\n"
// each, and the empty line).
struct Headers {
    QHash<QByteArray, QByteArray>* byName;
    qsizetype bytes = 2;
};

MHD_Result collectHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto* headers = static_cast<Headers*>(cls);
    const QByteArray name(key);
    const QByteArray text(value ? value : "");
    headers->bytes += name.size() + 2 + text.size() + 2;
    const QByteArray lower = name.toLower();
    // Each proxy on the way may add an X-Forwarded-For of its own: they are
    // one list, in order (RFC 9110, 5.3), read from the right.
    if (lower == "x-forwarded-for" && headers->byName->contains(lower))
        (*headers->byName)[lower] += ", " + text;
    else
        headers->byName->insert(lower, text);
    return MHD_YES;
}

MHD_Response* toMhd(const ApiResponse& response) {
    QByteArray body = response.serialized();
    MHD_Response* r =
        MHD_create_response_from_buffer(size_t(body.size()), body.data(), MHD_RESPMEM_MUST_COPY);
    if (!r)
        return nullptr;
    if (response.status != 204) // a 204 has no Content-Type (RFC 9110)
        MHD_add_response_header(r, "Content-Type",
                                response.contentType.isEmpty() ? "application/json; charset=utf-8"
                                                               : response.contentType.constData());
    MHD_add_response_header(r, "Cache-Control", "no-store");
    for (const auto& [name, value] : response.headers)
        MHD_add_response_header(r, name.constData(), value.constData());
    return r;
}

MHD_Result queue(MHD_Connection* connection, const ApiResponse& response) {
    MHD_Response* r = toMhd(response);
    if (!r)
        return MHD_NO;
    const MHD_Result queued = MHD_queue_response(connection, unsigned(response.status), r);
    MHD_destroy_response(r);
    return queued;
}

// Plain bytes, not a QString: MHD's threads write it, and a QString's shared
// buffer would be freed by whichever thread drops it last.
std::string lastMhdMessage;
QMutex lastMhdMessageLock;

// MHD's own messages: about sockets, TLS and its limits, never a request's
// content; kept for the reason of a failed start, else debug output.
void logMhd(void*, const char* format, va_list args) {
    char text[512];
    std::vsnprintf(text, sizeof text, format, args);
    {
        QMutexLocker lock(&lastMhdMessageLock);
        lastMhdMessage = text;
    }
    qCDebug(lcHttp).noquote() << "libmicrohttpd:" << QString::fromLocal8Bit(text).trimmed();
}

// A path as the log may show it: the token of a public link or a calendar
// feed is a credential, and is left out.
QString pathForLog(const QString& path) {
    static const QLatin1StringView tokened[] = {"/api/v1/public/confirm/"_L1,
                                                "/api/v1/public/decline/"_L1};
    for (const QLatin1StringView prefix : tokened) {
        if (path.startsWith(prefix))
            return prefix + "<token>"_L1;
    }
    if (path.startsWith("/api/v1/calendar/"_L1) && path.endsWith(".ics"_L1))
        return u"/api/v1/calendar/<token>.ics"_s;
    return path;
}

} // namespace

struct HttpListener::Exchange {
    QByteArray target; // the request target as sent, path and query
    MHD_Connection* connection = nullptr;
    ApiRequest request;
    bool started = false;
    bool handedOver = false;
    bool dropping = false; // the body is not kept (too large, or its head was)
    qint64 dropped = 0;
    std::optional<ApiResponse> response; // set on the Qt thread
    QElapsedTimer timer;
};

// A request handed to this object's thread.
struct HttpListener::Queued final : QEvent {
    explicit Queued(Exchange* e)
        : QEvent(type())
        , exchange(e) {}
    static QEvent::Type type() {
        static const auto registered = QEvent::Type(QEvent::registerEventType());
        return registered;
    }
    Exchange* exchange;
};

struct HttpListener::Callbacks {
    static MHD_Result onRequest(void* self, MHD_Connection* connection, const char*,
                                const char* method, const char* version, const char* uploadData,
                                size_t* uploadDataSize, void** context) {
        auto* exchange = static_cast<Exchange*>(*context);
        if (!exchange) // not through onUri: never, but not worth a crash
            *context = exchange = new Exchange;
        return MHD_Result(static_cast<HttpListener*>(self)->receive(
            connection, method, version, uploadData, uploadDataSize, *exchange));
    }

    // The first thing MHD knows of a request: its target as sent, before
    // MHD splits and decodes it, so that path and query are read as Qt
    // reads URLs. Its answer becomes the request's context.
    static void* onUri(void*, const char* uri, MHD_Connection* connection) {
        auto* exchange = new Exchange;
        exchange->target = uri;
        exchange->connection = connection;
        exchange->timer.start();
        return exchange;
    }

    static void onCompleted(void*, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
        delete static_cast<Exchange*>(*context);
        *context = nullptr;
    }

    // A new connection, before MHD sets it up: whether its client may open
    // one more.
    static MHD_Result onAccept(void* self, const sockaddr* address, socklen_t) {
        return static_cast<HttpListener*>(self)->admit(address) ? MHD_YES : MHD_NO;
    }

    // A connection set up (its place was taken by onAccept just before, on
    // this thread), and closed.
    static void onConnection(void* self, MHD_Connection*, void** context,
                             MHD_ConnectionNotificationCode code) {
        auto* listener = static_cast<HttpListener*>(self);
        if (code == MHD_CONNECTION_NOTIFY_STARTED) {
            *context = listener->admitted();
        } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
            listener->closed(static_cast<QString*>(*context));
            *context = nullptr;
        }
    }
};

namespace {

// The place onAccept took for a connection on this thread, until MHD tells
// that the connection is set up. MHD does both on the thread that accepts
// it, one connection at a time; when setting up fails (out of memory), no
// word comes, and the place is given back at the thread's next accept.
struct PendingPlace {
    const void* listener = nullptr;
    QString client;
};
thread_local PendingPlace pendingPlace;

} // namespace

bool HttpListener::admit(const sockaddr* address) {
    const QString client = clientKey(address);
    std::lock_guard lock(m_clientsLock);
    if (pendingPlace.listener == this)
        release(pendingPlace.client);
    pendingPlace = {};
    unsigned& open = m_openByClient[client];
    if (open >= m_limits.maxConnectionsPerAddress &&
        !m_limits.trustedProxies.contains(QHostAddress(address))) {
        if (open == 0)
            m_openByClient.remove(client);
        return false;
    }
    ++open;
    pendingPlace = {this, client};
    return true;
}

QString* HttpListener::admitted() {
    if (pendingPlace.listener != this)
        return nullptr;
    auto* client = new QString(std::move(pendingPlace.client));
    pendingPlace = {};
    return client;
}

void HttpListener::closed(QString* client) {
    if (!client)
        return;
    {
        std::lock_guard lock(m_clientsLock);
        release(*client);
    }
    delete client;
}

void HttpListener::release(const QString& client) {
    const auto it = m_openByClient.find(client);
    if (it != m_openByClient.end() && --*it == 0)
        m_openByClient.erase(it);
}

HttpListener::HttpListener(Handler handler, HttpLimits limits, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_alive(std::make_shared<Alive>())
    , m_limits(limits) {
    m_alive->listener = this;
}

HttpListener::~HttpListener() {
    {
        // Answers still to come (a reader's) find nobody to give them to.
        std::lock_guard lock(m_alive->lock);
        m_alive->listener = nullptr;
    }
    if (!m_daemon)
        return;
    {
        // From here on MHD's threads answer 503 themselves instead of
        // queueing to a thread that will not run them.
        std::lock_guard lock(m_queuedLock);
        m_stopping = true;
        for (Exchange* exchange : std::as_const(m_queued)) {
            exchange->response =
                ApiResponse::error(503, u"The server is stopping; try again"_s, u"BUSY"_s);
            MHD_resume_connection(exchange->connection);
        }
        m_queued.clear();
    }
    MHD_stop_daemon(m_daemon);
}

Result<quint16> HttpListener::listen(const QHostAddress& address, quint16 port,
                                     const std::optional<HttpTls>& tls) {
    sockaddr_storage storage = {};
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_ERROR_LOG;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        flags |= MHD_USE_IPv6;
    } else {
        auto* in4 = reinterpret_cast<sockaddr_in*>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
    }

    QList<MHD_OptionItem> options{
        {MHD_OPTION_SOCK_ADDR, 0, &storage},
        {MHD_OPTION_THREAD_POOL_SIZE, ioThreads, nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, m_limits.maxConnections, nullptr},
        // The cap per client, by clientKey (MHD's own counts each IPv6
        // address apart), with onAccept below.
        {MHD_OPTION_NOTIFY_CONNECTION, reinterpret_cast<intptr_t>(&Callbacks::onConnection), this},
        {MHD_OPTION_CONNECTION_TIMEOUT, intptr_t(m_limits.connectionTimeout.count()), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(connectionMemory(m_limits.maxHeaderBytes)),
         nullptr},
        {MHD_OPTION_URI_LOG_CALLBACK, reinterpret_cast<intptr_t>(&Callbacks::onUri), this},
        {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&Callbacks::onCompleted), this},
        {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(&logMhd), nullptr},
    };
    if (tls) {
        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
            return std::unexpected(
                Error{ErrorCode::Unavailable, {}, u"this libmicrohttpd was built without TLS"_s});
        flags |= MHD_USE_TLS;
        // NUL-terminated copies that live as long as the daemon.
        m_certificatePem = tls->certificatePem;
        m_keyPem = tls->keyPem;
        options.append({MHD_OPTION_HTTPS_MEM_CERT, 0, m_certificatePem.data()});
        options.append({MHD_OPTION_HTTPS_MEM_KEY, 0, m_keyPem.data()});
        options.append({MHD_OPTION_HTTPS_PRIORITIES, 0, const_cast<char*>(tlsPriorities)});
    }
    options.append({MHD_OPTION_END, 0, nullptr});

    m_daemon = MHD_start_daemon(flags, port, &Callbacks::onAccept, this, &Callbacks::onRequest,
                                this, MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END);
    if (!m_daemon) {
        QMutexLocker lock(&lastMhdMessageLock);
        return std::unexpected(Error{ErrorCode::Unavailable,
                                     {},
                                     lastMhdMessage.empty()
                                         ? u"libmicrohttpd did not start"_s
                                         : QString::fromLocal8Bit(lastMhdMessage).trimmed()});
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? quint16(info->port) : port;
}

int HttpListener::receive(MHD_Connection* connection, const char* method, const char* version,
                          const char* uploadData, size_t* uploadDataSize, Exchange& exchange) {
    if (!exchange.started) {
        // The first call: headers are in, nothing of a body is read yet.
        exchange.started = true;
        exchange.connection = connection;
        ApiRequest& r = exchange.request;
        r.method = methodOf(method);
        const QUrl url = QUrl::fromEncoded(exchange.target);
        r.path = url.path();
        r.query = QUrlQuery(url);
        Headers headers{&r.headers};
        MHD_get_connection_values(connection, MHD_HEADER_KIND, &collectHeader, &headers);
        if (const MHD_ConnectionInfo* info =
                MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS))
            r.remote = m_limits.trustedProxies.clientOf(QHostAddress(info->client_addr),
                                                        r.header("x-forwarded-for"));
        r.secure = !m_certificatePem.isEmpty();
        // The head as sent: "METHOD target VERSION\r\n", then the headers.
        const qsizetype requestLine = qsizetype(std::strlen(method)) + 1 + exchange.target.size() +
                                      1 + qsizetype(std::strlen(version)) + 2;
        if (requestLine > m_limits.maxHeaderBytes)
            r.head = ApiRequest::Head::UrlTooLong;
        else if (requestLine + headers.bytes > m_limits.maxHeaderBytes)
            r.head = ApiRequest::Head::HeadersTooLarge;
        r.headLimit = m_limits.maxHeaderBytes;
        // A body that will not fit is never kept. One too large to be worth
        // reading, or whose client waits for "100 Continue" before sending
        // it, is refused now, before any of it is read and before anyone is
        // authenticated: the answer is "early". A smaller one is dropped as
        // it comes and refused at its end.
        // A head too large is refused the same way: its body, if any, is
        // dropped.
        bool known = false;
        const qulonglong length = r.header("content-length").toULongLong(&known);
        const bool headRefused = r.head != ApiRequest::Head::Fits;
        if (headRefused || (known && length > qulonglong(m_limits.maxBodyBytes))) {
            exchange.dropping = true;
            r.bodyTooLarge = !headRefused;
            if ((known && length > qulonglong(maxDroppedBodyBytes)) ||
                r.header("expect").toLower() == "100-continue")
                return handOver(exchange);
        }
        return MHD_YES;
    }
    if (exchange.response) // after the resume: the answer, on the same call as its question
        return queue(connection, *exchange.response);
    if (*uploadDataSize > 0) {
        ApiRequest& r = exchange.request;
        const qsizetype size = qsizetype(*uploadDataSize);
        if (!exchange.dropping && r.body.size() + size > m_limits.maxBodyBytes) {
            r.bodyTooLarge = exchange.dropping = true;
            exchange.dropped = r.body.size();
            r.body = QByteArray();
        }
        if (exchange.dropping) {
            exchange.dropped += size;
            if (exchange.dropped > maxDroppedBodyBytes)
                return MHD_NO; // closes the connection
        } else {
            r.body.append(uploadData, size);
        }
        *uploadDataSize = 0;
        return MHD_YES;
    }
    if (!exchange.handedOver)
        return handOver(exchange);
    return MHD_YES;
}

int HttpListener::handOver(Exchange& exchange) {
    exchange.handedOver = true;
    std::lock_guard lock(m_queuedLock);
    if (m_stopping)
        return queue(exchange.connection,
                     ApiResponse::error(503, u"The server is stopping; try again"_s, u"BUSY"_s));
    m_queued.insert(&exchange);
    MHD_suspend_connection(exchange.connection);
    // A read goes to a reader from here, never waiting for the Qt thread
    // (which may be busy with a long write). Its answer may come before
    // this returns: finish() waits for the lock, and MHD resumes the
    // connection once this call is over.
    if (Reply reply = replyTo(&exchange); m_direct && m_direct(exchange.request, reply))
        return MHD_YES;
    // An event of ours rather than a queued functor: Qt orders the two
    // threads through its own futex-based mutex, which ThreadSanitizer does
    // not see, so the event is handed over explicitly (customEvent takes it
    // over before it reads it, and before Qt frees it).
    auto* event = new Queued(&exchange);
    mss::handOver(event);
    QCoreApplication::postEvent(this, event);
    return MHD_YES;
}

void HttpListener::customEvent(QEvent* event) {
    // Before anything of the event is read, its type included.
    mss::takeOver(event);
    if (event->type() != Queued::type())
        return;
    answer(static_cast<Queued*>(event)->exchange);
}

HttpListener::Reply HttpListener::replyTo(Exchange* exchange) {
    return [alive = m_alive, exchange](ApiResponse response) {
        std::lock_guard lock(alive->lock);
        if (alive->listener)
            alive->listener->finish(exchange, std::move(response));
    };
}

void HttpListener::answer(Exchange* exchange) {
    {
        std::lock_guard lock(m_queuedLock);
        if (!m_queued.contains(exchange))
            return;
    }
    // The exchange stays queued until its answer: a stop meanwhile answers
    // it 503, and a late answer then finds it gone.
    m_handler(exchange->request, replyTo(exchange));
}

void HttpListener::finish(Exchange* exchange, ApiResponse response) {
    std::lock_guard lock(m_queuedLock);
    if (!m_queued.remove(exchange))
        return;
    // Method, path and status only: paths carry ids, never names; the
    // paths that carry a token (links and feeds) are logged without it.
    qCDebug(lcHttp).noquote() << methodName(exchange->request.method)
                              << pathForLog(exchange->request.path) << response.status
                              << exchange->timer.nsecsElapsed() / 1000 << "us";
    exchange->response = std::move(response);
    MHD_resume_connection(exchange->connection);
}

} // namespace mss::server
