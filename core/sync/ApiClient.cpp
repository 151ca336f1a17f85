#include "sync/ApiClient.h"

#include <QCoreApplication>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

Q_LOGGING_CATEGORY(lcApi, "mss.api", QtInfoMsg)

namespace mss::sync {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 maxReplyBytes = 256LL * 1024 * 1024;

QString tr(const char* text) {
    return QCoreApplication::translate("ApiClient", text);
}

ApiResponse parse(QNetworkReply* reply) {
    ApiResponse r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.network = reply->error();
    r.etag = reply->rawHeader("ETag");
    if (r.etag.startsWith("W/"))
        r.etag = r.etag.mid(2);
    if (r.etag.size() >= 2 && r.etag.startsWith('"') && r.etag.endsWith('"'))
        r.etag = r.etag.mid(1, r.etag.size() - 2);
    if (r.status == 0) {
        r.message = r.network == QNetworkReply::OperationCanceledError
                        ? tr("the server did not answer in time")
                        : reply->errorString();
        return r;
    }
    if (reply->bytesAvailable() > maxReplyBytes) {
        r.message = tr("the server's answer is larger than %1 MiB").arg(maxReplyBytes >> 20);
        return r;
    }
    const QByteArray bytes = reply->readAll();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        r.message = tr("the server answered HTTP %1 without the JSON envelope").arg(r.status);
        return r;
    }
    r.body = doc.object();
    if (!r.ok())
        r.message =
            r.body.value("error"_L1).toString(tr("the server answered HTTP %1").arg(r.status));
    return r;
}

} // namespace

bool ApiResponse::ok() const {
    return status >= 200 && status < 300 && body.value("success"_L1).toBool();
}

ApiCall::ApiCall(QNetworkReply* reply, QObject* parent)
    : QObject(parent)
    , m_reply(reply) {
    connect(reply, &QNetworkReply::finished, this, &ApiCall::complete);
}

void ApiCall::abort() {
    if (m_reply)
        m_reply->abort();
}

void ApiCall::complete() {
    QNetworkReply* reply = m_reply.data();
    const ApiResponse response = parse(reply);
    qCDebug(lcApi) << reply->operation() << reply->url().path() << "->" << response.status;
    reply->deleteLater();
    emit finished(response);
    deleteLater();
}

ApiClient::ApiClient(QUrl server, QObject* parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_network(new QNetworkAccessManager(this)) {
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void ApiClient::trustCertificate(const QSslCertificate& certificate) {
    m_trusted.append(certificate);
}

QNetworkRequest ApiClient::request(const QString& path, const QUrlQuery& query,
                                   const Headers& headers) const {
    QUrl url = m_server;
    url.setPath(m_server.path().chopped(m_server.path().endsWith(u'/') ? 1 : 0) + u"/api/v1"_s +
                path);
    url.setQuery(query);
    QNetworkRequest req(url);
    req.setTransferTimeout(m_timeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    req.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    if (!headers.idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", headers.idempotencyKey);
    if (!headers.ifMatch.isEmpty())
        req.setRawHeader("If-Match", '"' + headers.ifMatch + '"');
    if (!headers.deviceToken.isEmpty())
        req.setRawHeader("X-Device-Token", headers.deviceToken);
    if (!m_trusted.isEmpty() && url.scheme() == "https"_L1) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_trusted);
        req.setSslConfiguration(tls);
    }
    return req;
}

ApiCall* ApiClient::track(QNetworkReply* reply) {
    return new ApiCall(reply, this);
}

ApiCall* ApiClient::get(const QString& path, const QUrlQuery& query) {
    return track(m_network->get(request(path, query, {})));
}

ApiCall* ApiClient::probe(const QString& path, int timeoutMs) {
    QNetworkRequest req = request(path, {}, {});
    req.setTransferTimeout(timeoutMs);
    req.setRawHeader("Authorization", QByteArray()); // a null value removes it
    return track(m_network->get(req));
}

ApiCall* ApiClient::post(const QString& path, const QJsonObject& body, const Headers& headers) {
    return track(m_network->post(request(path, {}, headers),
                                 QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

ApiCall* ApiClient::put(const QString& path, const QJsonObject& body, const Headers& headers) {
    return track(m_network->put(request(path, {}, headers),
                                QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

ApiCall* ApiClient::remove(const QString& path, const Headers& headers) {
    return track(m_network->deleteResource(request(path, {}, headers)));
}

ApiCall* ApiClient::login(const QString& email, const QString& password) {
    Headers headers;
    headers.deviceToken = m_deviceToken;
    ApiCall* call =
        post(u"/auth/login"_s, {{"email"_L1, email}, {"password"_L1, password}}, headers);
    connect(call, &ApiCall::finished, this, [this](const ApiResponse& r) {
        if (!r.ok())
            return;
        setToken(r.body.value("token"_L1).toString());
        if (const QString device = r.body.value("deviceToken"_L1).toString(); !device.isEmpty())
            setDeviceToken(device);
    });
    return call;
}

} // namespace mss::sync
