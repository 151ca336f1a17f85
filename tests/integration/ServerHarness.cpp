#include "ServerHarness.h"

#include "PostgresCluster.h"
#include "ServerClock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace mss::test {

using namespace Qt::StringLiterals;

ServerHarness::ServerHarness()
    : m_database(testDatabaseUrl()) {}

QStringList ServerHarness::withDatabase(const QStringList& arguments) const {
    static const QStringList takesDatabase{u"init"_s, u"user"_s, u"serve"_s, u"demo"_s, u"audit"_s};
    if (!m_database || arguments.isEmpty() || !takesDatabase.contains(arguments.first()) ||
        !arguments.contains(u"--data-dir"_s) || arguments.contains(u"--database"_s))
        return arguments;
    return arguments + QStringList{u"--database"_s, *m_database};
}

ServerHarness::~ServerHarness() {
    stop();
}

int ServerHarness::command(const QStringList& arguments, const QByteArray& input,
                           QString* output) const {
    QProcess p;
    p.start(QStringLiteral(MSS_SERVER_BINARY), withDatabase(arguments));
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60'000);
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool ServerHarness::init(const QString& timeZone) {
    return command({u"init"_s, u"--data-dir"_s, dataDir(), u"--time-zone"_s, timeZone,
                    u"--admin-email"_s, u"practice_admin@test.practice"_s},
                   QByteArray(password) + '\n') == 0;
}

bool ServerHarness::addUser(const QString& role) {
    return command({u"user"_s, u"add"_s, u"--data-dir"_s, dataDir(), u"--email"_s,
                    role.toLower() + u"@test.practice"_s, u"--role"_s, role, u"--first-name"_s,
                    u"Test"_s, u"--last-name"_s, role},
                   QByteArray(password) + '\n') == 0;
}

std::unique_ptr<QProcess> ServerHarness::launch(QString* baseUrl,
                                                const QStringList& extraArguments) const {
    auto server = std::make_unique<QProcess>();
    server->setProcessChannelMode(QProcess::SeparateChannels);
    server->start(
        QStringLiteral(MSS_SERVER_BINARY),
        withDatabase(QStringList{u"serve"_s, u"--data-dir"_s, dataDir(), u"--listen"_s,
                                 u"127.0.0.1:0"_s, u"--clock-file"_s, dataDir() + u"/clock"_s} +
                     extraArguments));
    if (!server->waitForStarted())
        return nullptr;
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (timer.elapsed() < 20'000) {
        server->waitForReadyRead(200);
        out += server->readAllStandardOutput();
        const qsizetype at = out.indexOf("Listening on ");
        const qsizetype end = out.indexOf('\n', at);
        if (at >= 0 && end > at) {
            *baseUrl = QString::fromLatin1(out.mid(at + 13, end - at - 13)).trimmed();
            return server;
        }
        if (server->state() != QProcess::Running)
            return nullptr;
    }
    return nullptr;
}

bool ServerHarness::setNow(const QDateTime& now) const {
    return writeServerClock(dataDir() + u"/clock"_s, now);
}

QByteArray ServerHarness::takeServerLog() const {
    if (!m_server)
        return {};
    m_server->waitForReadyRead(0);
    return m_server->readAllStandardError();
}

bool ServerHarness::start(const QStringList& extraArguments) {
    m_server = launch(&m_baseUrl, extraArguments);
    return m_server != nullptr;
}

QString ServerHarness::startAnother() {
    QString url;
    auto server = launch(&url);
    if (!server)
        return {};
    m_others.push_back(std::move(server));
    return url;
}

int ServerHarness::stop(bool kill) {
    for (auto& other : m_others) {
        other->terminate();
        other->waitForFinished(20'000);
    }
    m_others.clear();
    if (!m_server)
        return -1;
    if (kill)
        m_server->kill();
    else
        m_server->terminate();
    m_server->waitForFinished(20'000);
    const int code = m_server->exitStatus() == QProcess::NormalExit ? m_server->exitCode() : -1;
    m_server.reset();
    return code;
}

Reply ServerHarness::request(const QByteArray& method, const QString& path, const QJsonObject& body,
                             const QByteArray& token,
                             const QHash<QByteArray, QByteArray>& headers) const {
    const QByteArray bytes = body.isEmpty() && (method == "GET" || method == "DELETE")
                                 ? QByteArray()
                                 : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return requestRaw(method, path, bytes, token, headers);
}

Reply ServerHarness::requestRaw(const QByteArray& method, const QString& path,
                                const QByteArray& body, const QByteArray& token,
                                const QHash<QByteArray, QByteArray>& headers) const {
    static QNetworkAccessManager* nam = new QNetworkAccessManager(QCoreApplication::instance());
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.setRawHeader(it.key(), it.value());
    QNetworkReply* reply = nam->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return r;
}

QByteArray ServerHarness::login(const QString& role) const {
    const Reply r = request("POST", u"/api/v1/auth/login"_s,
                            {{"email"_L1, QString(role.toLower() + u"@test.practice"_s)},
                             {"password"_L1, QString::fromLatin1(password)}});
    return r.json.value("token"_L1).toString().toLatin1();
}

} // namespace mss::test
