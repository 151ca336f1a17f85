// Parsing RRULE text: what is accepted, what is refused and with which part
// named, and that the canonical text reads back to the same rule.
#include "recurrence/RecurrenceRule.h"
#include "recurrence/RecurrenceSet.h"
#include "recurrence/SeriesExpansion.h"

#include <QRandomGenerator>

#include <QTest>

using namespace mss;
using namespace mss::recurrence;
using namespace Qt::StringLiterals;

class TestRecurrenceRule : public QObject {
    Q_OBJECT

private slots:
    void everySupportedPartIsRead();
    void canonicalTextRoundTrips_data();
    void canonicalTextRoundTrips();
    void errorsNameThePartAtFault_data();
    void errorsNameThePartAtFault();
    void untilKeepsItsKind();
    void exdateAndRdateLinesAreRead();
    void setErrorsNameTheLine_data();
    void setErrorsNameTheLine();
    void mangledRulesAreRefusedOrExpandedNeverCrash();
};

void TestRecurrenceRule::everySupportedPartIsRead() {
    const auto rule = RecurrenceRule::parse(
        u"RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=10;BYDAY=1MO,-1FR,WE;BYMONTHDAY=1,-1;"
        "BYMONTH=1,6;BYSETPOS=2,-1;WKST=SU"_s);
    QVERIFY(rule);
    QCOMPARE(rule->frequency, Frequency::Monthly);
    QCOMPARE(rule->interval, 3);
    QCOMPARE(rule->count, 10);
    QCOMPARE(rule->byDay, (QList<WeekdayNum>{{1, 1}, {-1, 5}, {0, 3}}));
    QCOMPARE(rule->byMonthDay, (QList<int>{1, -1}));
    QCOMPARE(rule->byMonth, (QList<int>{1, 6}));
    QCOMPARE(rule->bySetPos, (QList<int>{2, -1}));
    QCOMPARE(rule->weekStart, 7);
}

void TestRecurrenceRule::canonicalTextRoundTrips_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("weekly") << u"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"_s;
    QTest::newRow("monthly setpos") << u"FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1"_s;
    QTest::newRow("until utc") << u"FREQ=DAILY;UNTIL=20261231T235959Z"_s;
    QTest::newRow("until date") << u"FREQ=YEARLY;UNTIL=20301231;BYMONTH=11;BYDAY=4TH"_s;
    QTest::newRow("until floating") << u"FREQ=DAILY;UNTIL=20261231T090000;WKST=SU"_s;
}

void TestRecurrenceRule::canonicalTextRoundTrips() {
    QFETCH(QString, text);
    const auto rule = RecurrenceRule::parse(text);
    QVERIFY2(rule, qPrintable(rule ? QString() : rule.error().message));
    QCOMPARE(rule->toString(), text);
    QCOMPARE(RecurrenceRule::parse(rule->toString()), rule);
}

void TestRecurrenceRule::errorsNameThePartAtFault_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("part");
    QTest::newRow("empty") << u""_s << u"FREQ"_s;
    QTest::newRow("no freq") << u"BYDAY=MO"_s << u"FREQ"_s;
    QTest::newRow("hourly") << u"FREQ=HOURLY"_s << u"FREQ"_s;
    QTest::newRow("bad weekday") << u"FREQ=WEEKLY;BYDAY=XX"_s << u"BYDAY"_s;
    QTest::newRow("zero ordinal") << u"FREQ=MONTHLY;BYDAY=0MO"_s << u"BYDAY"_s;
    QTest::newRow("ordinal in weekly") << u"FREQ=WEEKLY;BYDAY=1MO"_s << u"BYDAY"_s;
    QTest::newRow("monthday 32") << u"FREQ=MONTHLY;BYMONTHDAY=32"_s << u"BYMONTHDAY"_s;
    QTest::newRow("monthday 0") << u"FREQ=MONTHLY;BYMONTHDAY=0"_s << u"BYMONTHDAY"_s;
    QTest::newRow("month 13") << u"FREQ=YEARLY;BYMONTH=13"_s << u"BYMONTH"_s;
    QTest::newRow("setpos 0") << u"FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0"_s << u"BYSETPOS"_s;
    QTest::newRow("interval 0") << u"FREQ=DAILY;INTERVAL=0"_s << u"INTERVAL"_s;
    QTest::newRow("count text") << u"FREQ=DAILY;COUNT=ten"_s << u"COUNT"_s;
    QTest::newRow("until garbage") << u"FREQ=DAILY;UNTIL=2026-12-31"_s << u"UNTIL"_s;
    QTest::newRow("count and until") << u"FREQ=DAILY;COUNT=2;UNTIL=20261231"_s << u"COUNT"_s;
    QTest::newRow("byhour") << u"FREQ=DAILY;BYHOUR=9"_s << u"BYHOUR"_s;
    QTest::newRow("unknown part") << u"FREQ=DAILY;FOO=1"_s << u"FOO"_s;
    QTest::newRow("twice") << u"FREQ=DAILY;FREQ=WEEKLY"_s << u"FREQ"_s;
    QTest::newRow("wkst") << u"FREQ=WEEKLY;WKST=XY"_s << u"WKST"_s;
    QTest::newRow("monthday in weekly") << u"FREQ=WEEKLY;BYMONTHDAY=1"_s << u"BYMONTHDAY"_s;
}

void TestRecurrenceRule::errorsNameThePartAtFault() {
    QFETCH(QString, text);
    QFETCH(QString, part);
    const auto rule = RecurrenceRule::parse(text);
    QVERIFY(!rule);
    QCOMPARE(rule.error().code, ErrorCode::InvalidRule);
    QCOMPARE(rule.error().field, part);
    QVERIFY(!rule.error().message.isEmpty());
}

void TestRecurrenceRule::untilKeepsItsKind() {
    const auto utc = RecurrenceRule::parse(u"FREQ=DAILY;UNTIL=20260317T140000Z");
    QCOMPARE(utc->until->kind, Until::Kind::Utc);
    QCOMPARE(utc->until->utc, QDateTime(QDate(2026, 3, 17), QTime(14, 0), Qt::UTC));
    const auto floating = RecurrenceRule::parse(u"FREQ=DAILY;UNTIL=20260317T140000");
    QCOMPARE(floating->until->kind, Until::Kind::Floating);
    QCOMPARE(floating->until->secondOfDay, 14 * 3600);
    const auto date = RecurrenceRule::parse(u"FREQ=DAILY;UNTIL=20260317");
    QCOMPARE(date->until->kind, Until::Kind::Date);
    QCOMPARE(date->until->date, QDate(2026, 3, 17));
}

void TestRecurrenceRule::exdateAndRdateLinesAreRead() {
    const auto set = RecurrenceSet::parse(u"RRULE:FREQ=WEEKLY;BYDAY=TU\n"
                                          "EXDATE:20260310T180000Z,20260317T140000\r\n"
                                          "EXDATE;VALUE=DATE:20260324\n"
                                          "RDATE;TZID=Europe/London:20260701T120000\n"_s);
    QVERIFY2(set, qPrintable(set ? QString() : set.error().message));
    QCOMPARE(set->exDates.size(), 3);
    QVERIFY(set->exDates[0].utc);
    QVERIFY(!set->exDates[1].utc);
    QVERIFY(!set->exDates[2].secondOfDay);
    QCOMPARE(set->rDates.size(), 1);
    // 12:00 BST is 11:00Z.
    QVERIFY(set->rDates[0].utc);
    QCOMPARE(*set->rDates[0].secondOfDay, 11 * 3600);
    QCOMPARE(RecurrenceSet::parse(set->toString()), set);
}

void TestRecurrenceRule::setErrorsNameTheLine_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("part");
    QTest::newRow("no rrule") << u"EXDATE:20260310"_s << u"RRULE"_s;
    QTest::newRow("bad exdate") << u"RRULE:FREQ=DAILY\nEXDATE:2026-03-10"_s << u"EXDATE"_s;
    QTest::newRow("bad tzid") << u"RRULE:FREQ=DAILY\nRDATE;TZID=Mars/Base:20260310T100000"_s
                              << u"RDATE"_s;
    QTest::newRow("dtstart") << u"DTSTART:20260310T100000\nRRULE:FREQ=DAILY"_s << u"DTSTART"_s;
    QTest::newRow("rule part") << u"RRULE:FREQ=DAILY;BYDAY=1MO"_s << u"BYDAY"_s;
}

void TestRecurrenceRule::setErrorsNameTheLine() {
    QFETCH(QString, text);
    QFETCH(QString, part);
    const auto set = RecurrenceSet::parse(text);
    QVERIFY(!set);
    QCOMPARE(set.error().field, part);
}

void TestRecurrenceRule::mangledRulesAreRefusedOrExpandedNeverCrash() {
    // Rules typed by hand or sent by other servers: every mangled variant
    // either parses and expands (to an end, in order) or is refused with
    // the part named.
    const QStringList seeds = {
        u"FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1"_s,
        u"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10\nEXDATE:20260310T140000Z"_s,
        u"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;UNTIL=20401231"_s,
        u"FREQ=DAILY;BYMONTHDAY=-1;BYDAY=FR"_s,
    };
    const QString alphabet = u"=;,:-+0123456789TZMOTUWEFRSAFREQBYDAYSETPOS\n "_s;
    QRandomGenerator rng(5545);
    int parsed = 0;
    for (int i = 0; i < 10000; ++i) {
        QString text = seeds[rng.bounded(int(seeds.size()))];
        const int edits = 1 + int(rng.bounded(2));
        for (int e = 0; e < edits; ++e) {
            const int at = int(rng.bounded(int(text.size()) + 1));
            switch (rng.bounded(3)) {
            case 0:
                text.insert(at, alphabet[rng.bounded(int(alphabet.size()))]);
                break;
            case 1:
                text.remove(at, 1 + int(rng.bounded(3)));
                break;
            default:
                if (at < text.size())
                    text[at] = alphabet[rng.bounded(int(alphabet.size()))];
            }
        }
        const auto set = RecurrenceSet::parse(text);
        if (!set) {
            QCOMPARE(set.error().code, ErrorCode::InvalidRule);
            QVERIFY2(!set.error().field.isEmpty(), qPrintable(text));
            continue;
        }
        ++parsed;
        const SeriesRule rule{*set, QDate(2026, 1, 1), 9 * 60, QDate(2040, 1, 1)};
        PatternCursor cursor(rule, QTimeZone("Europe/London"));
        QDateTime last;
        for (int n = 0; n < 50; ++n) {
            const auto o = cursor.next();
            if (!o)
                break;
            QVERIFY2(!last.isValid() || o->start > last, qPrintable(text));
            last = o->start;
        }
    }
    qInfo("%d of 10000 mangled rules parsed", parsed);
    QVERIFY(parsed > 200);
}

QTEST_GUILESS_MAIN(TestRecurrenceRule)
#include "tst_recurrencerule.moc"
