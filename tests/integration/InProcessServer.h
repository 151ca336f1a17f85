#pragma once

// A practice in a temporary directory with its admin, and the ApiServer
// over it, driven in-process through ApiServer::handle (no sockets) with a
// ManualClock: for tests that need the clock or the practice's own
// connection in hand.
#include "server/ApiServer.h"
#include "server/Practice.h"

#include <QJsonDocument>
#include <QTemporaryDir>

#include <memory>

namespace mss::test {

class InProcessServer {
public:
    static constexpr const char* adminEmail = "admin@test.practice";
    static constexpr const char* adminPassword = "a long password";

    // Opens the practice at `now` with its admin and `staff` (given ids
    // here); whether it could.
    bool open(const QDateTime& now, const QList<domain::Staff*>& staff = {}) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<ManualClock>(now);
        auto practice = server::Practice::open(m_dir->path(), *m_clock);
        if (!practice)
            return false;
        m_practice = std::move(*practice);
        domain::Staff admin;
        admin.firstName = QStringLiteral("A");
        admin.lastName = QStringLiteral("B");
        admin.email = QString::fromLatin1(adminEmail);
        admin.role = domain::StaffRole::PracticeAdmin;
        {
            storage::WriteTransaction tx(m_practice->db());
            if (!m_practice->setTimeZone(QTimeZone("America/New_York")) ||
                !m_practice->addStaff(admin, adminPassword))
                return false;
            for (domain::Staff* s : staff) {
                if (!m_practice->addStaff(*s, {}))
                    return false;
            }
            if (!tx.commit())
                return false;
        }
        m_server = std::make_unique<server::ApiServer>(*m_practice);
        return true;
    }

    // Closes it and removes its directory.
    void close() {
        m_server.reset();
        m_practice.reset();
        m_dir.reset();
    }

    server::ApiResponse call(server::Method method, const QString& path,
                             const QJsonObject& body = {}, const QByteArray& token = {},
                             const QByteArray& idempotencyKey = {}) {
        server::ApiRequest r;
        r.method = method;
        r.path = path;
        r.body = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson();
        r.remote = QHostAddress(QHostAddress::LocalHost);
        if (!token.isEmpty())
            r.headers.insert("authorization", "Bearer " + token);
        if (!idempotencyKey.isEmpty())
            r.headers.insert("idempotency-key", idempotencyKey);
        return m_server->handle(r);
    }

    ManualClock& clock() { return *m_clock; }
    server::Practice& practice() { return *m_practice; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<server::Practice> m_practice;
    std::unique_ptr<server::ApiServer> m_server;
};

} // namespace mss::test
