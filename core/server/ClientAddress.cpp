#include "server/ClientAddress.h"

#include <algorithm>

namespace mss::server {

QString clientKey(const QHostAddress& address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also an IPv4-mapped IPv6 address
    if (isV4)
        return QHostAddress(v4).toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    std::fill(bytes.c + 8, bytes.c + 16, quint8(0));
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

QString clientKey(const sockaddr* address) {
    return clientKey(QHostAddress(address));
}

namespace {

// An IPv4 client on a dual-stack socket is seen as ::ffff:a.b.c.d; proxies
// are named, and forwarded addresses written, as a.b.c.d.
QHostAddress plain(const QHostAddress& address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

// One entry of X-Forwarded-For: an address, as proxies write it, with or
// without a port ("192.0.2.7:4711", "[2001:db8::1]:443"). Null when it is
// none ("unknown", a host name, an obfuscated identifier).
QHostAddress forwardedAddress(QByteArrayView entry) {
    QString text = QString::fromLatin1(entry).trimmed();
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        text = close > 0 ? text.mid(1, close - 1) : QString();
    } else if (text.count(u':') == 1) {
        text.truncate(text.indexOf(u':'));
    }
    QHostAddress address;
    if (text.isEmpty() || !address.setAddress(text))
        return {};
    return plain(address);
}

} // namespace

Result<TrustedProxies> TrustedProxies::parse(const QStringList& entries) {
    TrustedProxies proxies;
    for (const QString& entry : entries) {
        const QString text = entry.trimmed();
        QPair<QHostAddress, int> network;
        // Qt reads "10.0.0" as 10.0.0.0, as inet_aton does; a person who
        // wrote it more likely left a part out.
        const QString addressText = text.section(u'/', 0, 0);
        const bool whole = addressText.contains(u':') || addressText.count(u'.') == 3;
        if (whole && text.contains(u'/')) {
            network = QHostAddress::parseSubnet(text);
        } else if (QHostAddress address; whole && address.setAddress(text)) {
            // One address alone is that address, not a network it starts.
            network = {plain(address),
                       plain(address).protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (network.first.isNull())
            return std::unexpected(Error{
                ErrorCode::InvalidConfiguration, QStringLiteral("--trusted-proxy"),
                QStringLiteral("\"%1\" is neither an address nor a network (such as 10.0.0.5 or "
                               "10.0.0.0/24)")
                    .arg(text)});
        proxies.m_networks.append(network);
    }
    return proxies;
}

bool TrustedProxies::contains(const QHostAddress& address) const {
    const QHostAddress a = plain(address);
    return std::ranges::any_of(m_networks, [&a](const QPair<QHostAddress, int>& network) {
        return a.isInSubnet(network);
    });
}

QHostAddress TrustedProxies::clientOf(const QHostAddress& peer, QByteArrayView forwardedFor) const {
    QHostAddress client = plain(peer);
    if (!contains(client))
        return client;
    const QList<QByteArray> entries = forwardedFor.toByteArray().split(',');
    for (auto entry = entries.crbegin(); entry != entries.crend(); ++entry) {
        const QHostAddress address = forwardedAddress(*entry);
        if (address.isNull())
            break;
        client = address;
        if (!contains(address))
            break;
    }
    return client;
}

} // namespace mss::server
