#pragma once

#include <QHostAddress>
#include <QString>

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

} // namespace mss::server
