#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

namespace mss::sync {

// What a server answered, or why it could not. A reply that is not the
// contract's JSON envelope is a failure with a message naming the cause.
struct ApiResponse {
    int status = 0; // HTTP status; 0 when no answer came (network failure)
    QJsonObject body;
    QByteArray etag; // unquoted, when the server sent one
    QNetworkReply::NetworkError network = QNetworkReply::NoError;
    QString message; // the server's "error", or the network's, for people

    // 2xx with "success": true.
    bool ok() const;
    // No HTTP answer at all: the server is down, unreachable or timed out.
    // Worth retrying later; anything with a status is the server's verdict.
    bool isNetworkFailure() const { return status == 0; }
    // The extension's machine code ("SCHEDULING_CONFLICT"), if any.
    QString code() const { return body.value(QLatin1StringView("code")).toString(); }
    QJsonValue data() const { return body.value(QLatin1StringView("data")); }
};

// One request in flight. Deletes itself after finished() is emitted.
class ApiCall : public QObject {
    Q_OBJECT

public:
    explicit ApiCall(QNetworkReply* reply, QObject* parent = nullptr);
    // Aborts the request: finished() is emitted as a network failure.
    void abort();

signals:
    void finished(const mss::sync::ApiResponse& response);

private:
    void complete();

    QPointer<QNetworkReply> m_reply;
};

// The /api/v1 wire contract over HTTP(S). Certificates are verified: a
// practice server with a self-signed certificate is trusted by adding that
// certificate, never by ignoring errors. Every request times out.
class ApiClient : public QObject {
    Q_OBJECT

public:
    explicit ApiClient(QUrl server, QObject* parent = nullptr);

    const QUrl& server() const { return m_server; }
    void setToken(const QString& token) { m_token = token.toUtf8(); }
    bool hasToken() const { return !m_token.isEmpty(); }
    // The device token this desk presents at sign-in (X-Device-Token), and
    // the one the last sign-in answered; empty when it has none.
    void setDeviceToken(const QString& token) { m_deviceToken = token.toUtf8(); }
    QString deviceToken() const { return QString::fromUtf8(m_deviceToken); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Trusts this certificate (e.g. the office server's own) besides the
    // system's authorities.
    void trustCertificate(const QSslCertificate& certificate);

    struct Headers {
        QByteArray idempotencyKey;
        QByteArray ifMatch; // a version number; quoted on the wire
        QByteArray deviceToken;
    };

    // `path` is below /api/v1, e.g. "/appointments".
    ApiCall* get(const QString& path, const QUrlQuery& query = {});
    ApiCall* post(const QString& path, const QJsonObject& body, const Headers& headers = {});
    ApiCall* put(const QString& path, const QJsonObject& body, const Headers& headers = {});
    ApiCall* remove(const QString& path, const Headers& headers = {});

    // POST /auth/login with the device token, if any; on success the token
    // is kept for later calls, and the device token the server answered (a
    // server without them answers none: the old one stays).
    ApiCall* login(const QString& email, const QString& password);

    // A GET without the sign-in, timed out after `timeoutMs`: for the open
    // routes that say whether the server is there (/health).
    ApiCall* probe(const QString& path, int timeoutMs);
    // The server moved (an office server started again on another port).
    void setServer(const QUrl& server) { m_server = server; }

private:
    QNetworkRequest request(const QString& path, const QUrlQuery& query,
                            const Headers& headers) const;
    ApiCall* track(QNetworkReply* reply);

    QUrl m_server;
    QByteArray m_token;
    QByteArray m_deviceToken;
    int m_timeoutMs = 15'000;
    QList<QSslCertificate> m_trusted;
    QNetworkAccessManager* m_network;
};

} // namespace mss::sync
