#include "RawConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QUrl>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mss::test {

namespace {

// Whether `answer` holds a whole answer: its head and Content-Length bytes.
bool isComplete(const QByteArray& answer) {
    const qsizetype end = answer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray head = answer.left(end).toLower();
    const qsizetype at = head.indexOf("\r\ncontent-length:");
    if (at < 0)
        return true;
    const qsizetype lineEnd = head.indexOf("\r\n", at + 2);
    const qsizetype length =
        head.mid(at + 17, lineEnd < 0 ? -1 : lineEnd - at - 17).trimmed().toLongLong();
    return answer.size() - end - 4 >= length;
}

} // namespace

RawConnection::RawConnection(quint16 port, const char* from) {
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return;
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    if (from) {
        ::inet_pton(AF_INET, from, &address.sin_addr);
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
            return;
        }
    }
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
}

RawConnection::~RawConnection() {
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray RawConnection::talk(const QByteArray& bytes, int ms) {
    QByteArray received;
    if (m_fd < 0)
        return received;
    qsizetype sent = 0;
    bool sending = true;
    QElapsedTimer timer;
    timer.start();
    while (!m_closed && timer.elapsed() < ms && !isComplete(received)) {
        pollfd p = {m_fd, short(POLLIN | (sending && sent < bytes.size() ? POLLOUT : 0)), 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[65536];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0)
                received.append(buffer, n);
            else if (n == 0 || (errno != EAGAIN && errno != EINTR))
                m_closed = true;
        }
        if (sending && (p.revents & POLLOUT)) {
            const ssize_t n =
                ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
            if (n > 0)
                sent += n;
            else if (errno != EAGAIN && errno != EINTR)
                sending = false; // the server stopped reading; its answer may still come
        }
    }
    return received;
}

qsizetype RawConnection::sendWithoutReading(const QByteArray& bytes, int ms) {
    qsizetype sent = 0;
    QElapsedTimer timer;
    timer.start();
    while (m_fd >= 0 && sent < bytes.size() && timer.elapsed() < ms) {
        pollfd p = {m_fd, POLLOUT, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const ssize_t n =
            ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n > 0)
            sent += n;
        else if (errno != EAGAIN && errno != EINTR)
            break;
    }
    return sent;
}

bool RawConnection::closedWithin(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (m_fd >= 0 && !m_closed && timer.elapsed() < ms) {
        pollfd p = {m_fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        char buffer[65536];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            m_closed = true;
    }
    return m_closed;
}

int statusOf(const QByteArray& answer) {
    if (!answer.startsWith("HTTP/1."))
        return 0;
    return answer.mid(9, 3).toInt();
}

qint64 residentKiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

quint16 portOf(const QString& baseUrl) {
    return quint16(QUrl(baseUrl).port());
}

} // namespace mss::test
