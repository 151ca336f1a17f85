// The desk's codec and the server share one set of text limits
// (domain/BoundedText): a record decoded on the desk is held to exactly the
// limits the server answers 400 for.
#include "domain/Appointment.h"
#include "domain/BoundedText.h"
#include "domain/Staff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace Qt::StringLiterals;

namespace {

QJsonObject appointmentWith(const QString& notes) {
    QJsonObject a = QJsonDocument::fromJson(R"({
        "client": "6650a1b2c3d4e5f6012345a1", "provider": "6650a1b2c3d4e5f6012345b1",
        "startTime": "2026-03-09T14:00:00.000Z", "endTime": "2026-03-09T14:50:00.000Z",
        "duration": 50, "appointmentType": "Individual Therapy"})")
                        .object();
    a.insert("notes"_L1, notes);
    return a;
}

QJsonObject clientNamed(const QString& first) {
    return {{"firstName"_L1, first}, {"lastName"_L1, u"Client"_s}};
}

// The first error's field and code.
QPair<QString, ErrorCode> firstError(const Errors& errors) {
    return errors.isEmpty() ? QPair<QString, ErrorCode>{}
                            : qMakePair(errors.first().field, errors.first().code);
}

} // namespace

Q_DECLARE_METATYPE(ErrorCode)

class BoundedTextTest : public QObject {
    Q_OBJECT

private slots:
    void notesAtTheLimitAreKeptOneMoreIsRefused() {
        QVERIFY(Appointment::fromJson(appointmentWith(QString(10'000, u'n'))));
        const auto refused = Appointment::fromJson(appointmentWith(QString(10'001, u'n')));
        QVERIFY(!refused);
        QCOMPARE(firstError(refused.error()), qMakePair(u"notes"_s, ErrorCode::TooLong));
        QVERIFY(refused.error().first().message.contains(u"10000"_s));
    }

    void aClientNameIsBoundedWhenTheDeskDecodesIt() {
        QVERIFY(Client::fromJson(clientNamed(QString(100, u'a'))));
        const auto refused = Client::fromJson(clientNamed(QString(1'000'000, u'a')));
        QVERIFY(!refused);
        QCOMPARE(firstError(refused.error()), qMakePair(u"firstName"_s, ErrorCode::TooLong));
    }

    void nulAndLoneSurrogatesAreRefused_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("NUL") << (u"Ad"_s + QChar(u'\0') + u"a"_s);
        QTest::newRow("lone high") << (u"A"_s + QChar(0xD800));
        QTest::newRow("lone low") << (QString(QChar(0xDC00)) + u"A"_s);
        QTest::newRow("high then letter") << (QString(QChar(0xD83D)) + u"A"_s);
    }
    void nulAndLoneSurrogatesAreRefused() {
        QFETCH(QString, name);
        const auto refused = Client::fromJson(clientNamed(name));
        QVERIFY(!refused);
        QCOMPARE(firstError(refused.error()),
                 qMakePair(u"firstName"_s, ErrorCode::InvalidCharacter));
    }

    void aSurrogatePairIsOneCharacterLikeAnyOther() {
        QVERIFY(Client::fromJson(clientNamed(QString::fromUtf8("\xF0\x9F\x98\x80"))));
    }

    void everyStringOfADocumentIsChecked() {
        Errors errors;
        checkTexts(
            QJsonObject{
                {"address"_L1, QJsonObject{{"lines"_L1, QJsonArray{u"ok"_s, QString(1001, u'x')}}}},
                {"phone"_L1, QString(41, u'5')}},
            {}, errors);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(firstError(errors), qMakePair(u"address.lines[1]"_s, ErrorCode::TooLong));
        QCOMPARE(errors.at(1).field, u"phone"_s);
    }

    void aKeyTwiceIsNamedByItsPath_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("top") << R"({"_id":"a","x":1,"_id":"b"})"_ba << u"_id"_s;
        QTest::newRow("escaped") << R"({"ab":1,"a\u0062":2})"_ba << u"ab"_s;
        QTest::newRow("nested") << R"({"a":{"b":[1,{"c":1,"c":2}]}})"_ba << u"a.b[1].c"_s;
        QTest::newRow("after strings with quotes")
            << "{\"a\":\"x\\\"y\",\"b\":{},\"a\":3}"_ba << u"a"_s;
    }
    void aKeyTwiceIsNamedByItsPath() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QVERIFY(!QJsonDocument::fromJson(json).isNull());
        const auto problem = checkJsonText(json);
        QVERIFY(problem);
        QCOMPARE(problem->code, ErrorCode::DuplicateKey);
        QCOMPARE(problem->field, field);
    }

    void theSameKeyInTwoObjectsIsNoDuplicate() {
        QVERIFY(!checkJsonText(R"({"a":{"k":1},"b":[{"k":1},{"k":2}],"k":"\ud83d\ude00"})"));
    }

    // The fuzzer's find (docs/fuzzing.md): Qt 6.4 cannot look up the middle
    // member of this object by its key, so such keys are refused; the same
    // characters in a value are fine.
    void aKeyFromUPlusD800UpIsRefusedWhereItIs() {
        const QByteArray json =
            QByteArray("{\"note\":\"\xF0\x9F\x98\x80\",\"a\":{\"\xF0\x9F\x98\x80"
                       "a\\\\\":1,"
                       "\"\xEE\x80\x8E"
                       "b\":2,\"\xF0\x9F\x98\x80"
                       "c\":3}}");
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY(doc.isObject());
        const QJsonObject inner = doc.object().value("a"_L1).toObject();
        QCOMPARE(inner.size(), 3);
        Errors errors;
        checkTexts(doc.object(), {}, errors);
        QCOMPARE(errors.size(), 3); // each of the three keys, none of "note"
        for (const Error& e : std::as_const(errors)) {
            QCOMPARE(qMakePair(e.field, e.code), qMakePair(u"a"_s, ErrorCode::InvalidCharacter));
            QVERIFY(e.message.contains(u"U+D800"_s));
        }
    }

    void aLoneSurrogateEscapeIsNamed() {
        const auto problem = checkJsonText(R"({"a":{"name":"x\ud800"}})");
        QVERIFY(problem);
        QCOMPARE(problem->code, ErrorCode::InvalidCharacter);
        QCOMPARE(problem->field, u"a.name"_s);
    }
};

QTEST_GUILESS_MAIN(BoundedTextTest)
#include "tst_boundedtext.moc"
