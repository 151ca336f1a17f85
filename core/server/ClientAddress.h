#pragma once

#include "base/Error.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

struct sockaddr;

namespace mss::server {

// The key that stands for one client in the per-client counts (the
// connection cap per address, sign-in throttling): an IPv4 address, or the
// /64 of an IPv6 address, since an IPv6 client is given a whole /64 and may
// pick any address inside it. An IPv4-mapped IPv6 address (an IPv4 client
// on a dual-stack socket) is its IPv4 address.
QString clientKey(const QHostAddress& address);
// The same for an address as the socket API gives it (AF_INET or AF_INET6).
QString clientKey(const sockaddr* address);

// The load balancers and reverse proxies in front of the server
// (serve --trusted-proxy), whose connections carry many clients. A request
// that comes through one of them is the client's that its X-Forwarded-For
// names; one that does not is its connection's, whatever headers it sends,
// since anyone can write an X-Forwarded-For.
class TrustedProxies {
public:
    // Addresses ("10.0.0.5", "fd00::7") and networks ("10.0.0.0/24",
    // "fd00::/64"); an error (field --trusted-proxy) names the first entry
    // that is neither.
    static Result<TrustedProxies> parse(const QStringList& entries);

    bool isEmpty() const { return m_networks.isEmpty(); }
    bool contains(const QHostAddress& address) const;
    // Who sent a request that came over a connection from `peer` with this
    // X-Forwarded-For (its headers joined with commas, in order): `peer`
    // itself unless it is a trusted proxy; else the right-most address of
    // the header that is not a trusted proxy, walking leftwards past each
    // proxy that appended the one before it. Where the header ends, or holds
    // something that is no address ("unknown", a name), the walk stops at
    // the last address a trusted proxy vouched for: what lies further left
    // was written by a client and proves nothing.
    QHostAddress clientOf(const QHostAddress& peer, QByteArrayView forwardedFor) const;

private:
    QList<QPair<QHostAddress, int>> m_networks;
};

} // namespace mss::server
