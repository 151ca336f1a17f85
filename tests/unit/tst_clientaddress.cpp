// Who a request is from: the key of the per-client counts, and the client
// behind a trusted load balancer (X-Forwarded-For), including what a client
// writes to pass for someone else.
#include "server/ClientAddress.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using mss::server::clientKey;
using mss::server::TrustedProxies;

class ClientAddressTest : public QObject {
    Q_OBJECT

private slots:
    void anIpv6ClientIsItsSlash64();
    void proxiesAreAddressesOrNetworks();
    void aProxyThatIsNoAddressIsNamed();
    void theClientIsTheRightMostAddressNoTrustedProxyWrote_data();
    void theClientIsTheRightMostAddressNoTrustedProxyWrote();
};

void ClientAddressTest::anIpv6ClientIsItsSlash64() {
    QCOMPARE(clientKey(QHostAddress(u"2001:db8:1:2:aaaa::1"_s)), u"2001:db8:1:2::/64"_s);
    QCOMPARE(clientKey(QHostAddress(u"2001:db8:1:2:bbbb::7"_s)), u"2001:db8:1:2::/64"_s);
    QCOMPARE(clientKey(QHostAddress(u"::ffff:192.0.2.7"_s)), u"192.0.2.7"_s);
    QCOMPARE(clientKey(QHostAddress(u"192.0.2.7"_s)), u"192.0.2.7"_s);
}

void ClientAddressTest::proxiesAreAddressesOrNetworks() {
    const auto proxies =
        TrustedProxies::parse({u"10.0.0.5"_s, u" 10.1.0.0/16 "_s, u"fd00::7"_s, u"fd01::/64"_s});
    QVERIFY(proxies);
    QVERIFY(proxies->contains(QHostAddress(u"10.0.0.5"_s)));
    // One address is that address alone, not the network it could start.
    QVERIFY(!proxies->contains(QHostAddress(u"10.0.0.6"_s)));
    QVERIFY(proxies->contains(QHostAddress(u"10.1.200.3"_s)));
    QVERIFY(!proxies->contains(QHostAddress(u"10.2.0.1"_s)));
    // A proxy seen through a dual-stack socket is still itself.
    QVERIFY(proxies->contains(QHostAddress(u"::ffff:10.0.0.5"_s)));
    QVERIFY(proxies->contains(QHostAddress(u"fd00::7"_s)));
    QVERIFY(!proxies->contains(QHostAddress(u"fd00::8"_s)));
    QVERIFY(proxies->contains(QHostAddress(u"fd01::1:2:3:4"_s)));
    QVERIFY(TrustedProxies::parse({})->isEmpty());
}

void ClientAddressTest::aProxyThatIsNoAddressIsNamed() {
    for (const QString& bad : {u"balancer.local"_s, u"10.0.0.0/33"_s, u"10.0.0"_s, u""_s}) {
        const auto proxies = TrustedProxies::parse({u"10.0.0.5"_s, bad});
        QVERIFY2(!proxies, qPrintable(bad));
        QCOMPARE(proxies.error().code, mss::ErrorCode::InvalidConfiguration);
        QCOMPARE(proxies.error().field, u"--trusted-proxy"_s);
        QVERIFY2(proxies.error().message.contains(u'"' + bad + u'"'),
                 qPrintable(proxies.error().message));
    }
}

void ClientAddressTest::theClientIsTheRightMostAddressNoTrustedProxyWrote_data() {
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("forwardedFor");
    QTest::addColumn<QString>("client");
    // The proxies: 10.0.0.5 (the balancer) and 10.9.0.0/16 (a CDN's hops).
    QTest::newRow("no proxy: the header is anyone's")
        << "192.0.2.1" << QByteArray("203.0.113.9") << "192.0.2.1";
    QTest::newRow("through the balancer")
        << "10.0.0.5" << QByteArray("203.0.113.9") << "203.0.113.9";
    QTest::newRow("a dual-stack peer")
        << "::ffff:10.0.0.5" << QByteArray("203.0.113.9") << "203.0.113.9";
    QTest::newRow("no header: the balancer itself") << "10.0.0.5" << QByteArray() << "10.0.0.5";
    QTest::newRow("a forged entry to the left")
        << "10.0.0.5" << QByteArray("198.51.100.1, 203.0.113.9") << "203.0.113.9";
    QTest::newRow("through two trusted hops")
        << "10.0.0.5" << QByteArray("203.0.113.9,10.9.3.4") << "203.0.113.9";
    QTest::newRow("only trusted hops")
        << "10.0.0.5" << QByteArray("10.9.3.4, 10.9.0.1") << "10.9.3.4";
    QTest::newRow("ports as some proxies write them")
        << "10.0.0.5" << QByteArray("[2001:db8::9]:443, 203.0.113.9:4711") << "203.0.113.9";
    QTest::newRow("an IPv6 client") << "10.0.0.5" << QByteArray("2001:db8::9") << "2001:db8::9";
    QTest::newRow("unknown stops the walk at the hop that vouched")
        << "10.0.0.5" << QByteArray("203.0.113.9, unknown, 10.9.3.4") << "10.9.3.4";
    QTest::newRow("garbage is no client")
        << "10.0.0.5" << QByteArray("not an address") << "10.0.0.5";
}

void ClientAddressTest::theClientIsTheRightMostAddressNoTrustedProxyWrote() {
    QFETCH(QString, peer);
    QFETCH(QByteArray, forwardedFor);
    QFETCH(QString, client);
    const auto proxies = TrustedProxies::parse({u"10.0.0.5"_s, u"10.9.0.0/16"_s});
    QVERIFY(proxies);
    QCOMPARE(proxies->clientOf(QHostAddress(peer), forwardedFor), QHostAddress(client));
}

QTEST_GUILESS_MAIN(ClientAddressTest)
#include "tst_clientaddress.moc"
