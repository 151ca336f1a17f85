// Every validation rule, each reported with the field at fault, and all of a
// record's problems reported together.
#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "domain/RecurringAppointment.h"
#include "domain/Staff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace Qt::StringLiterals;

using FieldCodes = QList<QPair<QString, ErrorCode>>;
Q_DECLARE_METATYPE(ErrorCode)

namespace {

QJsonObject parse(const char* json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const char* const validAppointment = R"({
    "client": "6650a1b2c3d4e5f6012345a1", "provider": "6650a1b2c3d4e5f6012345b1",
    "startTime": "2026-03-09T14:00:00.000Z", "endTime": "2026-03-09T14:50:00.000Z",
    "duration": 50, "appointmentType": "Individual Therapy"})";

const char* const validAvailability = R"({
    "provider": "6650a1b2c3d4e5f6012345b1", "dayOfWeek": "Monday",
    "startTime": "09:00", "endTime": "17:00"})";

const char* const validSeries = R"({
    "client": "6650a1b2c3d4e5f6012345a1", "provider": "6650a1b2c3d4e5f6012345b1",
    "appointmentType": "Individual Therapy", "duration": 50,
    "recurrencePattern": "Weekly", "dayOfWeek": "Monday", "startTime": "14:00",
    "startDate": "2026-01-05T00:00:00.000Z", "numberOfOccurrences": 10})";

// Applies {"key": value, ...}; a null value removes the key.
QJsonObject patched(const char* base, const QJsonObject& patch) {
    QJsonObject out = parse(base);
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            out.remove(it.key());
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

FieldCodes fieldsOf(const Errors& errors) {
    FieldCodes out;
    for (const Error& e : errors)
        out.append({e.field, e.code});
    return out;
}

template <typename Record>
FieldCodes problems(const QJsonObject& json) {
    const QTimeZone zone("America/New_York");
    const auto result = [&] {
        // Records with calendar dates read them in the practice's zone.
        if constexpr (requires { Record::fromJson(json, DecodeMode::Validate, zone); })
            return Record::fromJson(json, DecodeMode::Validate, zone);
        else
            return Record::fromJson(json);
    }();
    if (result)
        return {};
    for (const Error& e : result.error())
        if (e.message.isEmpty())
            qFatal("error without a message at %s", qPrintable(e.field));
    return fieldsOf(result.error());
}

void addColumns() {
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<FieldCodes>("expected");
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void validSamplesPass();
    void appointmentRules_data();
    void appointmentRules();
    void availabilityRules_data();
    void availabilityRules();
    void seriesRules_data();
    void seriesRules();
    void staffAndClientRules();
    void everyErrorIsReportedAtOnce();
    void messagesNameTheAllowedValues();
};

void TestValidation::validSamplesPass() {
    QVERIFY(Appointment::fromJson(parse(validAppointment)));
    const QTimeZone zone("America/New_York");
    QVERIFY(ProviderAvailability::fromJson(parse(validAvailability), DecodeMode::Validate, zone));
    QVERIFY(RecurringAppointment::fromJson(parse(validSeries), DecodeMode::Validate, zone));
}

void TestValidation::appointmentRules_data() {
    addColumns();
    using E = ErrorCode;
    QTest::newRow("end before start") << QJsonObject{{u"endTime"_s, u"2026-03-09T13:00:00.000Z"_s}}
                                      << FieldCodes{{u"endTime"_s, E::EndNotAfterStart}};
    QTest::newRow("end equal to start")
        << QJsonObject{{u"endTime"_s, u"2026-03-09T14:00:00.000Z"_s}}
        << FieldCodes{{u"endTime"_s, E::EndNotAfterStart}};
    QTest::newRow("duration mismatch")
        << QJsonObject{{u"duration"_s, 60}} << FieldCodes{{u"duration"_s, E::DurationMismatch}};
    QTest::newRow("longer than twelve hours")
        << QJsonObject{{u"endTime"_s, u"2026-03-10T03:00:00.000Z"_s}, {u"duration"_s, 780}}
        << FieldCodes{{u"endTime"_s, E::TooLong}};
    QTest::newRow("unknown type") << QJsonObject{{u"appointmentType"_s, u"Yoga"_s}}
                                  << FieldCodes{{u"appointmentType"_s, E::UnknownValue}};
    QTest::newRow("unknown status")
        << QJsonObject{{u"status"_s, u"Done"_s}} << FieldCodes{{u"status"_s, E::UnknownValue}};
    QTest::newRow("status case matters")
        << QJsonObject{{u"status"_s, u"no-show"_s}} << FieldCodes{{u"status"_s, E::UnknownValue}};
    QTest::newRow("unknown location")
        << QJsonObject{{u"location"_s, u"Moon"_s}} << FieldCodes{{u"location"_s, E::UnknownValue}};
    QTest::newRow("unknown confirmation") << QJsonObject{{u"confirmationStatus"_s, u"Maybe"_s}}
                                          << FieldCodes{{u"confirmationStatus"_s, E::UnknownValue}};
    QTest::newRow("bad client id")
        << QJsonObject{{u"client"_s, u"ada"_s}} << FieldCodes{{u"client"_s, E::InvalidId}};
    QTest::newRow("populated reference without id")
        << QJsonObject{{u"provider"_s, QJsonObject{{u"firstName"_s, u"Grace"_s}}}}
        << FieldCodes{{u"provider._id"_s, E::InvalidId}};
    QTest::newRow("bad record id")
        << QJsonObject{{u"_id"_s, u"123"_s}} << FieldCodes{{u"_id"_s, E::InvalidId}};
    QTest::newRow("missing client")
        << QJsonObject{{u"client"_s, QJsonValue::Null}} << FieldCodes{{u"client"_s, E::Required}};
    QTest::newRow("missing start") << QJsonObject{{u"startTime"_s, QJsonValue::Null}}
                                   << FieldCodes{{u"startTime"_s, E::Required}};
    QTest::newRow("missing type") << QJsonObject{{u"appointmentType"_s, QJsonValue::Null}}
                                  << FieldCodes{{u"appointmentType"_s, E::Required}};
    QTest::newRow("time without zone") << QJsonObject{{u"startTime"_s, u"2026-03-09T14:00:00"_s}}
                                       << FieldCodes{{u"startTime"_s, E::InvalidTime}};
    QTest::newRow("time as a number") << QJsonObject{{u"startTime"_s, 1773064800000.0}}
                                      << FieldCodes{{u"startTime"_s, E::WrongType}};
    QTest::newRow("duration as a string")
        << QJsonObject{{u"duration"_s, u"50"_s}} << FieldCodes{{u"duration"_s, E::WrongType}};
    QTest::newRow("fractional duration")
        << QJsonObject{{u"duration"_s, 50.5}} << FieldCodes{{u"duration"_s, E::WrongType}};
    QTest::newRow("absurd duration")
        << QJsonObject{{u"duration"_s, 1e12}} << FieldCodes{{u"duration"_s, E::OutOfRange}};
    QTest::newRow("negative fee") << QJsonObject{{u"cancellationFee"_s, -5}}
                                  << FieldCodes{{u"cancellationFee"_s, E::OutOfRange}};
    QTest::newRow("notes as a number")
        << QJsonObject{{u"notes"_s, 42}} << FieldCodes{{u"notes"_s, E::WrongType}};
    QTest::newRow("reminder timing as text")
        << QJsonObject{{u"reminderSettings"_s,
                        QJsonObject{{u"sms"_s, QJsonObject{{u"timing"_s, u"soon"_s}}}}}}
        << FieldCodes{{u"reminderSettings.sms.timing"_s, E::WrongType}};
    QTest::newRow("reminder a year ahead")
        << QJsonObject{{u"reminderSettings"_s,
                        QJsonObject{{u"email"_s, QJsonObject{{u"timing"_s, 9000}}}}}}
        << FieldCodes{{u"reminderSettings.email.timing"_s, E::OutOfRange}};
    QTest::newRow("bad series id") << QJsonObject{{u"recurringAppointment"_s, u"x"_s}}
                                   << FieldCodes{{u"recurringAppointment"_s, E::InvalidId}};
}

void TestValidation::appointmentRules() {
    QFETCH(QJsonObject, patch);
    QFETCH(FieldCodes, expected);
    QCOMPARE(problems<Appointment>(patched(validAppointment, patch)), expected);
}

void TestValidation::availabilityRules_data() {
    addColumns();
    using E = ErrorCode;
    QTest::newRow("end before start") << QJsonObject{{u"endTime"_s, u"08:00"_s}}
                                      << FieldCodes{{u"endTime"_s, E::EndNotAfterStart}};
    QTest::newRow("hour 25") << QJsonObject{{u"startTime"_s, u"25:00"_s}}
                             << FieldCodes{{u"startTime"_s, E::InvalidTimeOfDay}};
    QTest::newRow("one digit hour") << QJsonObject{{u"startTime"_s, u"9:00"_s}}
                                    << FieldCodes{{u"startTime"_s, E::InvalidTimeOfDay}};
    QTest::newRow("minute 60") << QJsonObject{{u"endTime"_s, u"16:60"_s}}
                               << FieldCodes{{u"endTime"_s, E::InvalidTimeOfDay}};
    QTest::newRow("twelve-hour clock") << QJsonObject{{u"endTime"_s, u"5:00 PM"_s}}
                                       << FieldCodes{{u"endTime"_s, E::InvalidTimeOfDay}};
    QTest::newRow("24:30") << QJsonObject{{u"endTime"_s, u"24:30"_s}}
                           << FieldCodes{{u"endTime"_s, E::InvalidTimeOfDay}};
    QTest::newRow("unknown weekday")
        << QJsonObject{{u"dayOfWeek"_s, u"Mon"_s}} << FieldCodes{{u"dayOfWeek"_s, E::UnknownValue}};
    QTest::newRow("missing weekday") << QJsonObject{{u"dayOfWeek"_s, QJsonValue::Null}}
                                     << FieldCodes{{u"dayOfWeek"_s, E::Required}};
    QTest::newRow("unknown location")
        << QJsonObject{{u"location"_s, u"Phone"_s}} << FieldCodes{{u"location"_s, E::UnknownValue}};
    QTest::newRow("one-off without a date")
        << QJsonObject{{u"isRecurring"_s, false}} << FieldCodes{{u"effectiveDate"_s, E::Required}};
    QTest::newRow("ends before it takes effect")
        << QJsonObject{{u"effectiveDate"_s, u"2026-05-01T00:00:00.000Z"_s},
                       {u"endDate"_s, u"2026-04-01T00:00:00.000Z"_s}}
        << FieldCodes{{u"endDate"_s, E::EndNotAfterStart}};
    QTest::newRow("isAvailable as text") << QJsonObject{{u"isAvailable"_s, u"yes"_s}}
                                         << FieldCodes{{u"isAvailable"_s, E::WrongType}};
}

void TestValidation::availabilityRules() {
    QFETCH(QJsonObject, patch);
    QFETCH(FieldCodes, expected);
    QCOMPARE(problems<ProviderAvailability>(patched(validAvailability, patch)), expected);
}

void TestValidation::seriesRules_data() {
    addColumns();
    using E = ErrorCode;
    QTest::newRow("no end") << QJsonObject{{u"numberOfOccurrences"_s, QJsonValue::Null}}
                            << FieldCodes{{u"endDate"_s, E::MissingSeriesEnd}};
    QTest::newRow("dayOfMonth 0") << QJsonObject{{u"recurrencePattern"_s, u"Monthly"_s},
                                                 {u"dayOfMonth"_s, 0}}
                                  << FieldCodes{{u"dayOfMonth"_s, E::OutOfRange}};
    QTest::newRow("dayOfMonth 32")
        << QJsonObject{{u"recurrencePattern"_s, u"Monthly"_s}, {u"dayOfMonth"_s, 32}}
        << FieldCodes{{u"dayOfMonth"_s, E::OutOfRange}};
    QTest::newRow("weekOfMonth 6") << QJsonObject{{u"recurrencePattern"_s, u"Monthly"_s},
                                                  {u"useWeekOfMonth"_s, true},
                                                  {u"weekOfMonth"_s, 6}}
                                   << FieldCodes{{u"weekOfMonth"_s, E::OutOfRange}};
    QTest::newRow("monthly without a day") << QJsonObject{{u"recurrencePattern"_s, u"Monthly"_s}}
                                           << FieldCodes{{u"dayOfMonth"_s, E::Required}};
    QTest::newRow("week of month without a week")
        << QJsonObject{{u"recurrencePattern"_s, u"Monthly"_s}, {u"useWeekOfMonth"_s, true}}
        << FieldCodes{{u"weekOfMonth"_s, E::Required}};
    QTest::newRow("weekly without a weekday") << QJsonObject{{u"dayOfWeek"_s, QJsonValue::Null}}
                                              << FieldCodes{{u"dayOfWeek"_s, E::Required}};
    QTest::newRow("biweekly without a weekday")
        << QJsonObject{{u"recurrencePattern"_s, u"Biweekly"_s}, {u"dayOfWeek"_s, QJsonValue::Null}}
        << FieldCodes{{u"dayOfWeek"_s, E::Required}};
    QTest::newRow("custom without a rule") << QJsonObject{{u"recurrencePattern"_s, u"Custom"_s}}
                                           << FieldCodes{{u"recurrenceRule"_s, E::Required}};
    QTest::newRow("unknown pattern") << QJsonObject{{u"recurrencePattern"_s, u"Daily"_s}}
                                     << FieldCodes{{u"recurrencePattern"_s, E::UnknownValue}};
    QTest::newRow("bad start time") << QJsonObject{{u"startTime"_s, u"2pm"_s}}
                                    << FieldCodes{{u"startTime"_s, E::InvalidTimeOfDay}};
    QTest::newRow("zero occurrences") << QJsonObject{{u"numberOfOccurrences"_s, 0}}
                                      << FieldCodes{{u"numberOfOccurrences"_s, E::OutOfRange}};
    QTest::newRow("a million occurrences") << QJsonObject{{u"numberOfOccurrences"_s, 1000000}}
                                           << FieldCodes{{u"numberOfOccurrences"_s, E::OutOfRange}};
    QTest::newRow("zero duration")
        << QJsonObject{{u"duration"_s, 0}} << FieldCodes{{u"duration"_s, E::OutOfRange}};
    QTest::newRow("ends before it starts")
        << QJsonObject{{u"endDate"_s, u"2025-12-01T00:00:00.000Z"_s}}
        << FieldCodes{{u"endDate"_s, E::EndNotAfterStart}};
    QTest::newRow("rescheduled without a time")
        << QJsonObject{{u"exceptions"_s,
                        QJsonArray{QJsonObject{{u"date"_s, u"2026-01-12T00:00:00.000Z"_s},
                                               {u"isRescheduled"_s, true}}}}}
        << FieldCodes{{u"exceptions[0].rescheduledTo"_s, E::Required}};
    QTest::newRow("exception without a date")
        << QJsonObject{{u"exceptions"_s, QJsonArray{QJsonObject{}, QJsonObject{{u"date"_s, 7}}}}}
        << FieldCodes{{u"exceptions[0].date"_s, E::Required},
                      {u"exceptions[1].date"_s, E::WrongType}};
    QTest::newRow("bad generated id")
        << QJsonObject{{u"generatedAppointments"_s, QJsonArray{u"6650a1b2c3d4e5f601234567"_s, 5}}}
        << FieldCodes{{u"generatedAppointments[1]"_s, E::InvalidId}};
}

void TestValidation::seriesRules() {
    QFETCH(QJsonObject, patch);
    QFETCH(FieldCodes, expected);
    QCOMPARE(problems<RecurringAppointment>(patched(validSeries, patch)), expected);
}

void TestValidation::staffAndClientRules() {
    using E = ErrorCode;
    const QJsonObject staff{
        {u"firstName"_s, u"  "_s}, {u"email"_s, u"nobody"_s}, {u"role"_s, u"JANITOR"_s}};
    QCOMPARE(problems<Staff>(staff), (FieldCodes{{u"lastName"_s, E::Required},
                                                 {u"role"_s, E::UnknownValue},
                                                 {u"firstName"_s, E::Required},
                                                 {u"email"_s, E::UnknownValue}}));
    const QJsonObject client{{u"firstName"_s, u"Ada"_s},
                             {u"lastName"_s, u"Lovelace"_s},
                             {u"assignedProvider"_s, u"nope"_s}};
    QCOMPARE(problems<Client>(client), (FieldCodes{{u"assignedProvider"_s, E::InvalidId}}));
    // The language of the client's messages and the waitlist's opt-out.
    const QJsonObject french{{u"firstName"_s, u"Ada"_s},
                             {u"lastName"_s, u"Lovelace"_s},
                             {u"preferredLanguage"_s, u"fr"_s},
                             {u"waitlistOffersOptOut"_s, u"yes"_s}};
    QCOMPARE(problems<Client>(french), (FieldCodes{{u"waitlistOffersOptOut"_s, E::WrongType},
                                                   {u"preferredLanguage"_s, E::UnknownValue}}));
}

void TestValidation::everyErrorIsReportedAtOnce() {
    const QJsonObject json{{u"_id"_s, u"bad"_s},
                           {u"client"_s, u"6650a1b2c3d4e5f6012345a1"_s},
                           {u"startTime"_s, u"2026-03-09T14:00:00.000Z"_s},
                           {u"endTime"_s, u"2026-03-09T13:00:00.000Z"_s},
                           {u"appointmentType"_s, u"Yoga"_s},
                           {u"location"_s, u"Moon"_s}};
    using E = ErrorCode;
    QCOMPARE(problems<Appointment>(json), (FieldCodes{{u"_id"_s, E::InvalidId},
                                                      {u"provider"_s, E::Required},
                                                      {u"appointmentType"_s, E::UnknownValue},
                                                      {u"location"_s, E::UnknownValue},
                                                      {u"endTime"_s, E::EndNotAfterStart}}));
}

void TestValidation::messagesNameTheAllowedValues() {
    const auto result =
        Appointment::fromJson(patched(validAppointment, {{u"location"_s, u"Moon"_s}}));
    QVERIFY(!result);
    const QString message = result.error().front().message;
    QVERIFY2(message.contains(u"Moon"_s) && message.contains(u"Home Visit"_s), qPrintable(message));
    QCOMPARE(describe(result.error()).left(10), u"location: "_s);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
