// Golden-file tests: tests/data/recurrence/NAME.rule describes a series,
// NAME.expected beside it lists its occurrences. CMake registers one ctest
// per .rule file and passes its path as the first argument.
//
// A .rule file is "key: value" lines ('#' starts a comment):
//   zone: America/New_York        the practice zone
//   pattern: Weekly               Weekly, Biweekly, Monthly or Custom
//   dayOfWeek / dayOfMonth / weekOfMonth / useWeekOfMonth: as on the wire
//   rule: FREQ=...                Custom; repeat for EXDATE/RDATE lines
//   startDate: 2026-01-05         startTime: 14:00      duration: 50
//   endDate / numberOfOccurrences: the series' end
//   skip: 2026-02-16              an exception
//   reschedule: 2026-03-09 2026-03-11T19:00:00.000Z
//   window: <from> <to>           optional: occurrences() instead of allOccurrences()
// Each expected line is: original date, UTC start, local start with its UTC
// offset, and
// "rescheduled" for a moved occurrence.
#include "base/WallClock.h"
#include "domain/ProviderAvailability.h"
#include "recurrence/SeriesExpansion.h"

#include <QFile>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::recurrence;
using namespace Qt::StringLiterals;

namespace {

QString g_rulePath;

QDateTime dateInstant(const QString& text) {
    return calendarDateInstant(QDate::fromString(text, Qt::ISODate));
}

} // namespace

class TestRecurrenceGolden : public QObject {
    Q_OBJECT

private slots:
    void occurrencesMatchTheExpectedFile();
};

void TestRecurrenceGolden::occurrencesMatchTheExpectedFile() {
    QFile ruleFile(g_rulePath);
    QVERIFY2(ruleFile.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(g_rulePath));
    RecurringAppointment series;
    series.duration = 50;
    QTimeZone zone;
    QStringList ruleLines;
    std::optional<std::pair<QDateTime, QDateTime>> window;
    for (const QString& rawLine : QString::fromUtf8(ruleFile.readAll()).split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype colon = line.indexOf(u':');
        QVERIFY2(colon > 0, qPrintable(line));
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == u"zone") {
            zone = QTimeZone(value.toUtf8());
            QVERIFY2(zone.isValid(), qPrintable(value));
        } else if (key == u"pattern") {
            series.recurrencePattern = *fromWire<RecurrencePattern>(value);
        } else if (key == u"dayOfWeek") {
            series.dayOfWeek = fromWire<DayOfWeek>(value);
        } else if (key == u"dayOfMonth") {
            series.dayOfMonth = value.toInt();
        } else if (key == u"weekOfMonth") {
            series.weekOfMonth = value.toInt();
        } else if (key == u"useWeekOfMonth") {
            series.useWeekOfMonth = value == u"true";
        } else if (key == u"rule") {
            ruleLines << value;
        } else if (key == u"startDate") {
            series.startDate = dateInstant(value);
        } else if (key == u"startTime") {
            series.startTime = *TimeOfDay::fromString(value);
        } else if (key == u"duration") {
            series.duration = value.toInt();
        } else if (key == u"endDate") {
            series.endDate = dateInstant(value);
        } else if (key == u"numberOfOccurrences") {
            series.numberOfOccurrences = value.toInt();
        } else if (key == u"skip") {
            series.exceptions.append({dateInstant(value), u"golden"_s, false, {}, {}});
        } else if (key == u"reschedule") {
            const QStringList parts = value.split(u' ', Qt::SkipEmptyParts);
            QCOMPARE(parts.size(), 2);
            series.exceptions.append(
                {dateInstant(parts[0]), u"golden"_s, true, fromWireTime(parts[1]), {}});
        } else if (key == u"window") {
            const QStringList parts = value.split(u' ', Qt::SkipEmptyParts);
            QCOMPARE(parts.size(), 2);
            window = {fromWireTime(parts[0]), fromWireTime(parts[1])};
        } else {
            QFAIL(qPrintable(u"unknown key "_s + key));
        }
    }
    if (!ruleLines.isEmpty())
        series.recurrenceRule = ruleLines.join(u'\n');

    const auto result = window ? occurrences(series, zone, window->first, window->second)
                               : allOccurrences(series, zone);
    QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
    QStringList actual;
    for (const Occurrence& o : *result) {
        const QDateTime local = o.start.toTimeZone(zone);
        const int offset = local.offsetFromUtc() / 60;
        QString line = o.originalDate.toString(Qt::ISODate) + u' ' + toWireTime(o.start) + u' ' +
                       local.toString(u"yyyy-MM-dd HH:mm") +
                       u"%1%2:%3"_s.arg(offset < 0 ? QChar(u'-') : QChar(u'+'))
                           .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
                           .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
        if (o.rescheduled)
            line += u" rescheduled"_s;
        QCOMPARE(o.end, o.start.addSecs(qint64(series.duration) * 60));
        actual << line;
    }

    QString expectedPath = g_rulePath;
    expectedPath.replace(expectedPath.size() - 5, 5, u".expected"_s);
    if (qEnvironmentVariableIsSet("MSS_GOLDEN_UPDATE")) {
        QFile out(expectedPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Text));
        out.write((actual.join(u'\n') + u'\n').toUtf8());
        return;
    }
    QFile expectedFile(expectedPath);
    QVERIFY2(expectedFile.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(expectedPath));
    QStringList expected;
    for (const QString& line : QString::fromUtf8(expectedFile.readAll()).split(u'\n')) {
        if (!line.trimmed().isEmpty() && !line.startsWith(u'#'))
            expected << line.trimmed();
    }
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i)
        QCOMPARE(actual[i], expected[i]);
    QCOMPARE(actual.size(), expected.size());
}

int main(int argc, char** argv) {
    // The first argument is the .rule file; the rest go to Qt Test.
    if (argc < 2) {
        qWarning("usage: tst_recurrence_golden FILE.rule [Qt Test options]");
        return 2;
    }
    g_rulePath = QString::fromLocal8Bit(argv[1]);
    QCoreApplication app(argc, argv);
    TestRecurrenceGolden test;
    QStringList args = app.arguments();
    args.removeAt(1);
    return QTest::qExec(&test, args);
}

#include "tst_recurrence_golden.moc"
