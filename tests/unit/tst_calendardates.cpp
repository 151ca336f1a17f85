// Calendar dates as the desk's codec reads and writes them (docs/time.md,
// "Calendar dates"): every date field, in practices on both sides of UTC,
// reads each form a client sends as the date meant; dates are answered as
// instants, and a date of birth comes back exactly as it was sent.
#include "base/CalendarDate.h"
#include "base/WallClock.h"
#include "DateGolden.h"
#include "domain/ProviderAvailability.h"
#include "domain/RecurringAppointment.h"
#include "domain/Staff.h"
#include "TestRecords.h"

#include <QJsonArray>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace Qt::StringLiterals;

namespace {

QJsonObject seriesJson() {
    return {{"client"_L1, test::id(1).toString()},
            {"provider"_L1, test::id(2).toString()},
            {"appointmentType"_L1, u"Individual Therapy"_s},
            {"duration"_L1, 50},
            {"recurrencePattern"_L1, u"Weekly"_s},
            {"dayOfWeek"_L1, u"Thursday"_s},
            {"startTime"_L1, u"11:30"_s},
            {"startDate"_L1, u"2027-04-01"_s},
            {"endDate"_L1, u"2027-12-30"_s}};
}

QJsonObject availabilityJson(bool recurring, bool available) {
    QJsonObject json{{"provider"_L1, test::id(2).toString()},
                     {"startTime"_L1, u"09:00"_s},
                     {"endTime"_L1, u"17:00"_s},
                     {"isAvailable"_L1, available},
                     {"isRecurring"_L1, recurring}};
    if (recurring)
        json.insert("dayOfWeek"_L1, u"Thursday"_s);
    return json;
}

} // namespace

class TestCalendarDates : public QObject {
    Q_OBJECT

private slots:
    void goldenInstantsAreTheZonesReadings();
    void everyDateFieldReadsTheDateMeant_data();
    void everyDateFieldReadsTheDateMeant();
    void anInstantAtUtcMidnightIsThatUtcDate();
    void datesAreAnsweredAsInstants();
    void dateOfBirthRoundTripsUnchanged();
    void whatIsNotADateIsRefusedByName();
    void theOrderOfDatesIsReadInThePracticeZone();
    void validatingDatesNeedsTheZone();
};

void TestCalendarDates::goldenInstantsAreTheZonesReadings() {
    // The table is written by hand; each of its local readings must be what
    // the zone says, so that a wrong row cannot pass for a right one.
    for (const test::GoldenDate& row : test::goldenDates()) {
        const QString form = QString::fromLatin1(row.form);
        if (!form.startsWith(u"local "_s) || form.endsWith(u"offset"_s))
            continue;
        const QTime time =
            QTime::fromString(form.mid(6) == u"midnight"_s ? u"00:00"_s : form.mid(6), u"HH:mm"_s);
        const QDateTime instant = fromWireTime(QString::fromLatin1(row.wire));
        const QDateTime local = instant.toTimeZone(QTimeZone(row.zone));
        QVERIFY2(local.date() == test::goldenDate && local.time() == time,
                 qPrintable(test::goldenRowName(row)));
    }
}

void TestCalendarDates::everyDateFieldReadsTheDateMeant_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("wire");
    for (const test::GoldenDate& row : test::goldenDates())
        QTest::newRow(qPrintable(test::goldenRowName(row)))
            << QString::fromLatin1(row.zone) << QString::fromLatin1(row.wire);
}

void TestCalendarDates::everyDateFieldReadsTheDateMeant() {
    QFETCH(QString, zone);
    QFETCH(QString, wire);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    const QDate meant = test::goldenDate;

    // A series' startDate and endDate, and an exception's date; as a
    // server's request (Validate) and as a server's stored record.
    for (const DecodeMode mode : {DecodeMode::Validate, DecodeMode::TypesOnly}) {
        QJsonObject json = seriesJson();
        json.insert("startDate"_L1, wire);
        json.insert("endDate"_L1, wire);
        json.insert("exceptions"_L1, QJsonArray{QJsonObject{{"date"_L1, wire}}});
        const auto series = RecurringAppointment::fromJson(json, mode, tz);
        QVERIFY2(series, qPrintable(series ? QString() : describe(series.error())));
        QCOMPARE(calendarDate(series->startDate, tz), meant);
        QCOMPARE(calendarDate(*series->endDate, tz), meant);
        QCOMPARE(calendarDate(series->exceptions.first().date, tz), meant);
    }

    // Availability: a weekly block's effectiveDate and endDate, and time off
    // (a one-off that is not available).
    for (const bool recurring : {true, false}) {
        QJsonObject json = availabilityJson(recurring, recurring);
        json.insert("effectiveDate"_L1, wire);
        json.insert("endDate"_L1, wire);
        const auto a = ProviderAvailability::fromJson(json, DecodeMode::Validate, tz);
        QVERIFY2(a, qPrintable(a ? QString() : describe(a.error())));
        QCOMPARE(calendarDate(*a->effectiveDate, tz), meant);
        QCOMPARE(calendarDate(*a->endDate, tz), meant);
    }

    // A client's date of birth.
    const auto client = Client::fromJson(
        {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"L"_s}, {"dateOfBirth"_L1, wire}});
    QVERIFY(client);
    QCOMPARE(calendarDate(fromWireDate(*client->dateOfBirth), tz), meant);
}

void TestCalendarDates::anInstantAtUtcMidnightIsThatUtcDate() {
    // What a browser's date picker sends, whatever the zone: in Honolulu
    // 2027-05-07T00:00:00.000Z is 14:00 on the 6th, yet it means the 7th.
    const QDateTime midnight = fromWireDate(u"2027-05-07T00:00:00.000Z");
    QCOMPARE(calendarDate(midnight, QTimeZone("Pacific/Honolulu")), QDate(2027, 5, 7));
    QCOMPARE(calendarDate(midnight, QTimeZone("Pacific/Auckland")), QDate(2027, 5, 7));
    // One millisecond later it is an instant like any other.
    const QDateTime after = fromWireDate(u"2027-05-07T00:00:00.001Z");
    QCOMPARE(calendarDate(after, QTimeZone("Pacific/Honolulu")), QDate(2027, 5, 6));
    QCOMPARE(calendarDate(after, QTimeZone("Pacific/Auckland")), QDate(2027, 5, 7));
    // Not the nearest midnight: 15:30Z is still the 6th in New York.
    QCOMPARE(calendarDate(fromWireDate(u"2027-05-06T15:30:00.000Z"), QTimeZone("America/New_York")),
             QDate(2027, 5, 6));
}

void TestCalendarDates::datesAreAnsweredAsInstants() {
    // The MentalSpace server stores dates as JavaScript Dates and answers
    // instants: a date-only value comes back as its UTC midnight, an
    // instant as the same instant.
    const QTimeZone ny("America/New_York");
    QJsonObject json = seriesJson();
    json.insert("startDate"_L1, u"2027-05-06"_s);
    json.insert("endDate"_L1, u"2027-06-03T15:30:00.000Z"_s);
    json.insert("exceptions"_L1, QJsonArray{QJsonObject{{"date"_L1, u"2027-05-20"_s}}});
    const auto series = RecurringAppointment::fromJson(json, DecodeMode::Validate, ny);
    QVERIFY(series);
    const QJsonObject out = series->toJson();
    QCOMPARE(out.value("startDate"_L1).toString(), u"2027-05-06T00:00:00.000Z"_s);
    QCOMPARE(out.value("endDate"_L1).toString(), u"2027-06-03T15:30:00.000Z"_s);
    QCOMPARE(out.value("exceptions"_L1).toArray().first().toObject().value("date"_L1).toString(),
             u"2027-05-20T00:00:00.000Z"_s);

    QJsonObject off = availabilityJson(false, false);
    off.insert("effectiveDate"_L1, u"2027-05-06"_s);
    off.insert("endDate"_L1, u"2027-05-07T00:00:00.000Z"_s);
    const auto a = ProviderAvailability::fromJson(off, DecodeMode::Validate, ny);
    QVERIFY(a);
    QCOMPARE(a->toJson().value("effectiveDate"_L1).toString(), u"2027-05-06T00:00:00.000Z"_s);
    QCOMPARE(a->toJson().value("endDate"_L1).toString(), u"2027-05-07T00:00:00.000Z"_s);
}

void TestCalendarDates::dateOfBirthRoundTripsUnchanged() {
    for (const QString& sent : {u"1985-07-14"_s, u"1985-07-14T00:00:00.000Z"_s,
                                u"1985-07-14T04:00:00.000Z"_s, u"1985-07-14T00:00:00+02:00"_s}) {
        const auto client = Client::fromJson(
            {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"L"_s}, {"dateOfBirth"_L1, sent}});
        QVERIFY2(client, qPrintable(sent));
        QCOMPARE(client->toJson().value("dateOfBirth"_L1).toString(), sent);
        QCOMPARE(calendarDate(fromWireDate(*client->dateOfBirth), QTimeZone("America/New_York")),
                 sent.endsWith(u"+02:00"_s) ? QDate(1985, 7, 13) : QDate(1985, 7, 14));
    }
}

void TestCalendarDates::whatIsNotADateIsRefusedByName() {
    for (const QString& bad : {u"2027-13-01"_s, u"2027-02-30"_s, u"06/05/2027"_s, u"2027-5-6"_s,
                               u"2027-05-06T11:30:00"_s, u"yesterday"_s}) {
        const auto client = Client::fromJson(
            {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"L"_s}, {"dateOfBirth"_L1, bad}});
        QVERIFY2(!client, qPrintable(bad));
        QCOMPARE(client.error().first().field, u"dateOfBirth"_s);
        QCOMPARE(client.error().first().code, ErrorCode::InvalidTime);
        QJsonObject json = seriesJson();
        json.insert("startDate"_L1, bad);
        const auto series =
            RecurringAppointment::fromJson(json, DecodeMode::Validate, QTimeZone("UTC"));
        QVERIFY2(!series, qPrintable(bad));
        QCOMPARE(series.error().first().field, u"startDate"_s);
    }
}

void TestCalendarDates::theOrderOfDatesIsReadInThePracticeZone() {
    // startDate Thursday 6 May at 20:30 in New York (00:30Z on the 7th) and
    // endDate the 6th: the same day in New York, so a one-day series; in
    // London the start is already the 7th, after the end.
    QJsonObject json = seriesJson();
    json.insert("startDate"_L1, u"2027-05-07T00:30:00.000Z"_s);
    json.insert("endDate"_L1, u"2027-05-06"_s);
    QVERIFY(
        RecurringAppointment::fromJson(json, DecodeMode::Validate, QTimeZone("America/New_York")));
    const auto london =
        RecurringAppointment::fromJson(json, DecodeMode::Validate, QTimeZone("Europe/London"));
    QVERIFY(!london);
    QCOMPARE(london.error().first().field, u"endDate"_s);
}

void TestCalendarDates::validatingDatesNeedsTheZone() {
    const auto series = RecurringAppointment::fromJson(seriesJson(), DecodeMode::Validate);
    QVERIFY(!series);
    QCOMPARE(series.error().first().field, u"timeZone"_s);
    // Reading a stored record needs no zone.
    QVERIFY(RecurringAppointment::fromJson(seriesJson(), DecodeMode::TypesOnly));
}

QTEST_GUILESS_MAIN(TestCalendarDates)
#include "tst_calendardates.moc"
