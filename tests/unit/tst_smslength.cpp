// How many parts an SMS takes, as a gateway bills it: GSM-7 while every
// character is in the GSM 03.38 alphabet (160, then 153 a part; the
// extension characters count two), UCS-2 once one is not (70, then 67).
#include "reminders/SmsLength.h"

#include <QTest>

using mss::reminders::SmsLength;
using namespace Qt::StringLiterals;

class TestSmsLength : public QObject {
    Q_OBJECT

private slots:
    void parts_data();
    void parts();
    void extensionCharactersCountTwo();
    void charactersAreCountedAsAPersonCountsThem();
};

void TestSmsLength::parts_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("unicode");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("parts");
    QTest::newRow("empty") << QString() << false << 0 << 0;
    QTest::newRow("160 GSM") << QString(160, u'a') << false << 160 << 1;
    QTest::newRow("161 GSM") << QString(161, u'a') << false << 161 << 2;
    QTest::newRow("306 GSM") << QString(306, u'a') << false << 306 << 2;
    QTest::newRow("307 GSM") << QString(307, u'a') << false << 307 << 3;
    // ñ, é and ü are in GSM 03.38; á is not.
    QTest::newRow("Spanish in GSM") << u"Mañana: café, pingüino"_s << false << 22 << 1;
    QTest::newRow("70 UCS-2") << u"á"_s + QString(69, u'a') << true << 70 << 1;
    QTest::newRow("71 UCS-2") << u"á"_s + QString(70, u'a') << true << 71 << 2;
    QTest::newRow("135 UCS-2") << u"á"_s + QString(134, u'a') << true << 135 << 3;
}

void TestSmsLength::parts() {
    QFETCH(QString, text);
    QFETCH(bool, unicode);
    QFETCH(int, units);
    QFETCH(int, parts);
    const SmsLength length = SmsLength::of(text);
    QCOMPARE(length.unicode, unicode);
    QCOMPARE(length.units, units);
    QCOMPARE(length.parts, parts);
}

void TestSmsLength::extensionCharactersCountTwo() {
    // 80 euro signs fill one message; 81 need two.
    QCOMPARE(SmsLength::of(QString(80, u'€')).units, 160);
    QCOMPARE(SmsLength::of(QString(80, u'€')).parts, 1);
    QCOMPARE(SmsLength::of(QString(81, u'€')).parts, 2);
    QVERIFY(!SmsLength::of(u"{[~]}"_s).unicode);
}

void TestSmsLength::charactersAreCountedAsAPersonCountsThem() {
    // An emoji is one character but two UTF-16 units.
    const SmsLength length = SmsLength::of(u"Hola 🙂"_s);
    QVERIFY(length.unicode);
    QCOMPARE(length.characters, 6);
    QCOMPARE(length.units, 7);
}

QTEST_MAIN(TestSmsLength)
#include "tst_smslength.moc"
