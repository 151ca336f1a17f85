#pragma once

// Calls to the server under test as one signed-in user, for the suites that
// move the server's clock (ServerClock.h) by hours: a session lasts 12 h of
// that clock, so a 401 signs in again once with the saved password and the
// call is repeated. Also the plain requests of a phone's browser and of an
// SMS gateway (form posts, no token).
#include "ServerProcess.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <tuple>
#include <utility>

namespace mss::test {

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonValue data() const { return json().value(QLatin1String("data")); }
};

class ClockedApi {
public:
    explicit ClockedApi(const ServerProcess& server)
        : m_server(server) {}

    // Signs in, keeping the password for the sessions to come: the
    // sign-in's answer.
    Reply signIn(const QString& email, const QString& password) {
        m_password.clear();
        const Reply login =
            call("POST", QStringLiteral("/api/v1/auth/login"),
                 {{QLatin1String("email"), email}, {QLatin1String("password"), password}}, false);
        m_token = login.json().value(QLatin1String("token")).toString().toLatin1();
        m_email = email;
        if (login.status == 200)
            m_password = password;
        return login;
    }

    // One call as someone else (signing in as them for it); the saved
    // session stays.
    Reply callAs(const QString& email, const QString& password, const QByteArray& method,
                 const QString& path, const QJsonObject& body = {}) {
        const auto saved = std::tuple(m_token, m_email, m_password);
        signIn(email, password);
        m_password.clear(); // a 401 is the answer, not a cue to sign in again
        const Reply out = call(method, path, body);
        std::tie(m_token, m_email, m_password) = saved;
        return out;
    }

    Reply call(const QByteArray& method, const QString& path, const QJsonObject& body = {},
               bool auth = true) {
        QNetworkRequest request = requestFor(path, auth);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        Reply out = finish(m_net.sendCustomRequest(
            request, method, method == "GET" ? QByteArray() : QJsonDocument(body).toJson()));
        if (out.status == 401 && auth && !m_password.isEmpty()) {
            const QString password = std::exchange(m_password, QString());
            signIn(m_email, password);
            out = call(method, path, body, auth);
            m_password = password;
        }
        return out;
    }

    // A form's POST, as a browser or an SMS gateway sends it; a GET when
    // `form` is empty. No token.
    Reply form(const QString& path, const QByteArray& form = {}) {
        QNetworkRequest request = requestFor(path, false);
        if (form.isEmpty())
            return finish(m_net.get(request));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        return finish(m_net.post(request, form));
    }

    // A request to `path` on the server, with the session's token when
    // `auth`: for a call the test wants to watch while it is under way.
    QNetworkRequest requestFor(const QString& path, bool auth = true) const {
        QNetworkRequest request(m_server.url().resolved(QUrl(path)));
        if (auth)
            request.setRawHeader("Authorization", "Bearer " + m_token);
        return request;
    }

    const QByteArray& token() const { return m_token; }
    QNetworkAccessManager& network() { return m_net; }

private:
    static Reply finish(QNetworkReply* reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  reply->readAll()};
        reply->deleteLater();
        return out;
    }

    const ServerProcess& m_server;
    QNetworkAccessManager m_net;
    QByteArray m_token;
    QString m_email;
    QString m_password;
};

} // namespace mss::test
