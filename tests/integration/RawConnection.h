#pragma once

#include <QByteArray>
#include <QString>

namespace mss::test {

// One TCP connection to a server on loopback, driven as an attacker or a
// careless client would: half requests, requests never read, no TLS hello.
// Plain POSIX sockets, so that a server closing while we still send leaves
// its answer readable (Qt drops the read buffer on a write error).
class RawConnection {
public:
    // Connects to 127.0.0.1:port, from the loopback address `from` (such as
    // "127.0.0.2") when given, so one machine can be several clients.
    explicit RawConnection(quint16 port, const char* from = nullptr);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool isConnected() const { return m_fd >= 0; }
    // Sends `bytes` while reading what comes back, until one whole answer
    // (head and Content-Length body) has arrived, the server closes, or
    // `ms` pass; what was read.
    QByteArray talk(const QByteArray& bytes, int ms = 5000);
    // Sends as much of `bytes` as the server takes within `ms`, never
    // reading; how many bytes went.
    qsizetype sendWithoutReading(const QByteArray& bytes, int ms);
    // Whether the server closes this connection within `ms` (anything it
    // sends meanwhile is read and dropped).
    bool closedWithin(int ms);

private:
    int m_fd = -1;
    bool m_closed = false;
};

// The status of an answer ("HTTP/1.1 431 ..."), or 0.
int statusOf(const QByteArray& answer);
// The resident memory of a process in KiB (VmRSS), or -1.
qint64 residentKiB(qint64 pid);
// The port of a base URL such as "http://127.0.0.1:4711".
quint16 portOf(const QString& baseUrl);

} // namespace mss::test
