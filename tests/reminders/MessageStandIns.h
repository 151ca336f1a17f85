#pragma once

// What stands in for the world the reminders are sent into, for the tests
// that send them (tst_reminders_*, tst_waitlistoffers): an SMS gateway that
// records what it is sent, and a gate before the SMTP server that can hold
// a conversation in the middle.
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <memory>
#include <utility>

namespace mss::test {

using namespace Qt::StringLiterals;

// Twilio-style gateway: records each POST's form; answers 500 while failing.
class SmsGateway : public QTcpServer {
public:
    QList<QUrlQuery> received;
    QList<QByteArray> authorizations;
    bool failing = false;

    SmsGateway() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    *buffer += s->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer->left(end);
                    const auto length = QRegularExpression(u"(?i)content-length: *(\\d+)"_s)
                                            .match(QString::fromLatin1(head));
                    const qsizetype need = length.hasMatch() ? length.captured(1).toLongLong() : 0;
                    if (buffer->size() < end + 4 + need)
                        return;
                    const QByteArray body = buffer->mid(end + 4, need);
                    const auto auth = QRegularExpression(u"(?i)authorization: *([^\\r]+)"_s)
                                          .match(QString::fromLatin1(head));
                    authorizations << auth.captured(1).toLatin1();
                    const bool fail = failing;
                    if (!fail)
                        received << QUrlQuery(QString::fromUtf8(body).replace(u'+', u' '));
                    s->write(fail ? "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\nConnection: "
                                    "close\r\n\r\n"
                                  : "HTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: "
                                    "close\r\n\r\n{}");
                    s->disconnectFromHost();
                    buffer->clear();
                });
            }
        });
    }
};

// Stands between the server and aiosmtpd and relays. Holding, it keeps what
// the server says (an SMTP server that stops answering in the middle of a
// conversation, on a new or a kept connection) until release() passes it on.
class SmtpGate : public QTcpServer {
public:
    quint16 upstreamPort = 0;

    SmtpGate() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* c = nextPendingConnection())
                relay(c);
        });
    }

    void hold() { m_holding = true; }
    // Connections with words waiting at the gate: a send in flight, stalled.
    int stalled() const {
        return int(std::ranges::count_if(m_waiting, [](const auto& w) { return !w.isEmpty(); }));
    }
    void release() {
        m_holding = false;
        for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it)
            forward(it.key());
    }

private:
    void forward(QTcpSocket* c) {
        auto* up = c->findChild<QTcpSocket*>();
        if (m_holding || !up || up->state() != QAbstractSocket::ConnectedState)
            return;
        up->write(std::exchange(m_waiting[c], {}));
    }

    void relay(QTcpSocket* c) {
        m_waiting.insert(c, {});
        auto* up = new QTcpSocket(c);
        connect(up, &QTcpSocket::readyRead, c, [c, up] { c->write(up->readAll()); });
        connect(up, &QTcpSocket::connected, c, [this, c] { forward(c); });
        connect(c, &QTcpSocket::readyRead, this, [this, c] {
            m_waiting[c] += c->readAll();
            forward(c);
        });
        connect(up, &QTcpSocket::disconnected, c, [c] { c->disconnectFromHost(); });
        connect(c, &QTcpSocket::disconnected, this, [this, c, up] {
            m_waiting.remove(c);
            up->disconnectFromHost();
            c->deleteLater();
        });
        up->connectToHost(QHostAddress::LocalHost, upstreamPort);
    }

    bool m_holding = false;
    QHash<QTcpSocket*, QByteArray> m_waiting;
};

} // namespace mss::test
