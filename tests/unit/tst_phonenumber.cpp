// Phone numbers kept in E.164 so an SMS reminder can reach them: what a
// desk types in the practice's region, numbers of other countries, vanity
// letters, and what is refused with the number named.
#include "domain/PhoneNumber.h"

#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace Qt::StringLiterals;

class TestPhoneNumber : public QObject {
    Q_OBJECT

private slots:
    void typedNumbersBecomeE164_data();
    void typedNumbersBecomeE164();
    void badNumbersAreNamed_data();
    void badNumbersAreNamed();
    void anExtensionIsRefusedNotDropped();
    void anEmptyNumberIsRequired();
};

void TestPhoneNumber::typedNumbersBecomeE164_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("e164");
    QTest::newRow("US, punctuated") << u"(202) 456-1111"_s << u"US"_s << u"+12024561111"_s;
    QTest::newRow("US, dots and spaces") << u" 202.456.1111 "_s << u"US"_s << u"+12024561111"_s;
    QTest::newRow("US, with 1") << u"1-202-456-1111"_s << u"US"_s << u"+12024561111"_s;
    QTest::newRow("US, already E.164") << u"+12024561111"_s << u"US"_s << u"+12024561111"_s;
    QTest::newRow("UK with +44 at a US practice")
        << u"+44 20 7946 0018"_s << u"US"_s << u"+442079460018"_s;
    QTest::newRow("UK mobile with +44, trunk 0 left in")
        << u"+44 (0)7911 123456"_s << u"US"_s << u"+447911123456"_s;
    QTest::newRow("UK national at a UK practice")
        << u"020 7946 0018"_s << u"gb"_s << u"+442079460018"_s;
    QTest::newRow("vanity letters") << u"1-800-FLOWERS"_s << u"US"_s << u"+18003569377"_s;
}

void TestPhoneNumber::typedNumbersBecomeE164() {
    QFETCH(QString, typed);
    QFETCH(QString, region);
    QFETCH(QString, e164);
    const auto n = PhoneNumber::normalised(typed, region);
    QVERIFY2(n, n ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, e164);
}

void TestPhoneNumber::badNumbersAreNamed_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("message");
    QTest::newRow("too short") << u"555-12"_s << u"US"_s
                               << u"The phone number 555-12 is not a valid US number"_s;
    QTest::newRow("a digit too many")
        << u"(202) 456-11112"_s << u"US"_s
        << u"The phone number (202) 456-11112 is not a valid US number"_s;
    QTest::newRow("no area code of the plan")
        << u"(011) 456-1111"_s << u"US"_s
        << u"The phone number (011) 456-1111 is not a valid US number"_s;
    QTest::newRow("letters only") << u"call me"_s << u"US"_s
                                  << u"The phone number call me is not a valid US number"_s;
    QTest::newRow("too short after +44, named as UK")
        << u"+44 20 7946"_s << u"US"_s
        << u"The phone number +44 20 7946 is not a valid GB number"_s;
    QTest::newRow("UK national number at a US practice")
        << u"020 7946 0018"_s << u"US"_s
        << u"The phone number 020 7946 0018 is not a valid US number"_s;
}

void TestPhoneNumber::badNumbersAreNamed() {
    QFETCH(QString, typed);
    QFETCH(QString, region);
    QFETCH(QString, message);
    const auto n = PhoneNumber::normalised(typed, region);
    QVERIFY2(!n, n ? qPrintable(*n) : "");
    QCOMPARE(n.error().field, u"phone"_s);
    QCOMPARE(n.error().message, message);
}

void TestPhoneNumber::anExtensionIsRefusedNotDropped() {
    for (const QString& typed : {u"202-456-1111 ext. 24"_s, u"(202) 456-1111 x24"_s}) {
        const auto n = PhoneNumber::normalised(typed);
        QVERIFY2(!n, n ? qPrintable(*n) : "");
        QVERIFY(n.error().message.contains(u"extension"_s));
        QVERIFY(n.error().message.contains(typed));
    }
}

void TestPhoneNumber::anEmptyNumberIsRequired() {
    const auto n = PhoneNumber::normalised(u"  "_s);
    QVERIFY(!n);
    QCOMPARE(n.error().code, ErrorCode::Required);
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
