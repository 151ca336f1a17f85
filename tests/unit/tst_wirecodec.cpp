// The wire format of spec/API.md, read and written back: samples under
// tests/data/wire are written by hand from the contract.
#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "domain/RecurringAppointment.h"
#include "domain/Staff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace Qt::StringLiterals;

namespace {

QJsonValue readSample(const QString& name) {
    QFile file(QStringLiteral(MSS_TEST_DATA_DIR "/wire/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open sample %s", qPrintable(name));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("sample %s is not JSON: %s", qPrintable(name), qPrintable(error.errorString()));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// Compares member by member so that a failure names the member.
void compareObjects(const QJsonObject& actual, const QJsonObject& expected) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QVERIFY2(actual.contains(it.key()), qPrintable(u"missing "_s + it.key()));
        QVERIFY2(actual.value(it.key()) == it.value(),
                 qPrintable(
                     it.key() + u": "_s +
                     QString::fromUtf8(QJsonDocument(QJsonObject{{u"v"_s, actual.value(it.key())}})
                                           .toJson(QJsonDocument::Compact))));
    }
    for (auto it = actual.begin(); it != actual.end(); ++it)
        QVERIFY2(expected.contains(it.key()), qPrintable(u"unexpected "_s + it.key()));
}

template <typename Record>
Record decoded(const QJsonObject& json) {
    const QTimeZone zone("America/New_York");
    const auto result = [&] {
        if constexpr (requires { Record::fromJson(json, DecodeMode::Validate, zone); })
            return Record::fromJson(json, DecodeMode::Validate, zone);
        else
            return Record::fromJson(json);
    }();
    if (!result)
        qFatal("sample did not decode: %s", qPrintable(describe(result.error())));
    return *result;
}

} // namespace

class TestWireCodec : public QObject {
    Q_OBJECT

private slots:
    void fullAppointmentRoundTripsUnchanged();
    void populatedReferencesAndUnknownFieldsSurvive();
    void requestsCarryReferencesAsIds();
    void minimalAppointmentGetsTheContractDefaults();
    void availabilityRoundTrips();
    void seriesRoundTripWithExceptionsAndCustomRule();
    void staffAndClientsRoundTrip();
    void typesOnlyModeKeepsARecordThatBreaksARule();
};

void TestWireCodec::fullAppointmentRoundTripsUnchanged() {
    const QJsonObject sample = readSample(u"appointment-full.json"_s).toObject();
    const Appointment a = decoded<Appointment>(sample);
    QCOMPARE(a.id().toString(), u"6650a1b2c3d4e5f601234567"_s);
    QCOMPARE(toWireTime(a.startTime), u"2026-03-09T14:00:00.000Z"_s);
    QCOMPARE(a.location, Location::Virtual);
    QCOMPARE(a.status, AppointmentStatus::Confirmed);
    QCOMPARE(a.reminderSettings.sms.enabled, false);
    QCOMPARE(a.reminderSettings.email.sent, true);
    QCOMPARE(*a.meta.version, 4);
    QCOMPARE(toWireTime(*a.confirmationResponseAt), u"2026-03-08T15:12:30.250Z"_s);
    compareObjects(a.toJson(), sample);
    // Decoding the output again gives the same record.
    QCOMPARE(decoded<Appointment>(a.toJson()), a);
}

void TestWireCodec::populatedReferencesAndUnknownFieldsSurvive() {
    const QJsonObject sample = readSample(u"appointment-populated.json"_s).toObject();
    const Appointment a = decoded<Appointment>(sample);
    QCOMPARE(a.client.id.toString(), u"6650a1b2c3d4e5f6012345a1"_s);
    QCOMPARE(a.client.displayName(), u"Ada Lovelace"_s);
    QCOMPARE(a.provider.displayName(), u"Grace Hopper"_s);
    QCOMPARE(a.meta.createdBy->id.toString(), u"6650a1b2c3d4e5f6012345d1"_s);
    QVERIFY(a.meta.unknown.contains(u"telehealthRoom"_s));
    QVERIFY(a.meta.unknown.contains(u"__v"_s));
    compareObjects(a.toJson(), sample);
}

void TestWireCodec::requestsCarryReferencesAsIds() {
    const Appointment a =
        decoded<Appointment>(readSample(u"appointment-populated.json"_s).toObject());
    const QJsonObject request = a.toJson({.references = ReferenceForm::IdsOnly});
    QCOMPARE(request.value(u"client"_s).toString(), u"6650a1b2c3d4e5f6012345a1"_s);
    QCOMPARE(request.value(u"provider"_s).toString(), u"6650a1b2c3d4e5f6012345b1"_s);
    QCOMPARE(request.value(u"createdBy"_s).toString(), u"6650a1b2c3d4e5f6012345d1"_s);
    // Unknown fields still travel.
    QCOMPARE(request.value(u"billingCode"_s).toString(), u"90853"_s);
}

void TestWireCodec::minimalAppointmentGetsTheContractDefaults() {
    const Appointment a =
        decoded<Appointment>(readSample(u"appointment-minimal.json"_s).toObject());
    QVERIFY(a.id().isNull());
    QCOMPARE(a.duration, 45);
    QCOMPARE(a.location, Location::Office);
    QCOMPARE(a.status, AppointmentStatus::Scheduled);
    QCOMPARE(a.confirmationStatus, ConfirmationStatus::NotSent);
    QCOMPARE(a.cancellationFee, 0.0);
    QCOMPARE(a.reminderSettings.email.enabled, true);
    QCOMPARE(a.reminderSettings.email.timingHours, 24.0);
    QCOMPARE(a.reminderSettings.sms.enabled, true);
    QCOMPARE(a.reminderSettings.sms.timingHours, 2.0);
    const QJsonObject out = a.toJson();
    QCOMPARE(out.value(u"status"_s).toString(), u"Scheduled"_s);
    QCOMPARE(out.value(u"location"_s).toString(), u"Office"_s);
    QCOMPARE(out.value(u"duration"_s).toInt(), 45);
    QVERIFY(!out.contains(u"_id"_s));
}

void TestWireCodec::availabilityRoundTrips() {
    for (const QString& name : {u"availability-weekly.json"_s, u"availability-exception.json"_s}) {
        const QJsonObject sample = readSample(name).toObject();
        const ProviderAvailability a = decoded<ProviderAvailability>(sample);
        compareObjects(a.toJson(), sample);
    }
    const ProviderAvailability off =
        decoded<ProviderAvailability>(readSample(u"availability-exception.json"_s).toObject());
    QCOMPARE(off.isRecurring, false);
    QCOMPARE(off.isAvailable, false);
    QCOMPARE(off.endTime.minutes(), 24 * 60);
    QCOMPARE(calendarDate(*off.endDate, QTimeZone("America/New_York")), QDate(2026, 4, 17));
}

void TestWireCodec::seriesRoundTripWithExceptionsAndCustomRule() {
    const QJsonObject weekly = readSample(u"recurring-weekly.json"_s).toObject();
    const RecurringAppointment w = decoded<RecurringAppointment>(weekly);
    QCOMPARE(w.exceptions.size(), 2);
    QVERIFY(w.exceptions[1].isRescheduled);
    QCOMPARE(toWireTime(*w.exceptions[1].rescheduledTo), u"2026-03-11T19:00:00.000Z"_s);
    QCOMPARE(w.generatedAppointments.size(), 2);
    QCOMPARE(w.startTime.toString(), u"14:00"_s);
    compareObjects(w.toJson(), weekly);

    const QJsonArray more = readSample(u"recurring-monthly-custom.json"_s).toArray();
    const RecurringAppointment monthly = decoded<RecurringAppointment>(more[0].toObject());
    QCOMPARE(monthly.weekOfMonth, 5);
    QCOMPARE(monthly.dayOfWeek, DayOfWeek::Tuesday);
    compareObjects(monthly.toJson(), more[0].toObject());
    const RecurringAppointment custom = decoded<RecurringAppointment>(more[1].toObject());
    QCOMPARE(custom.recurrencePattern, RecurrencePattern::Custom);
    QCOMPARE(*custom.recurrenceRule, u"FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1"_s);
    compareObjects(custom.toJson(), more[1].toObject());
}

void TestWireCodec::staffAndClientsRoundTrip() {
    const QJsonObject sample = readSample(u"staff-and-clients.json"_s).toObject();
    for (const QJsonValue v : sample.value(u"staff"_s).toArray())
        compareObjects(decoded<Staff>(v.toObject()).toJson(), v.toObject());
    for (const QJsonValue v : sample.value(u"clients"_s).toArray())
        compareObjects(decoded<Client>(v.toObject()).toJson(), v.toObject());
    const Staff grace = decoded<Staff>(sample.value(u"staff"_s).toArray()[0].toObject());
    QCOMPARE(grace.role, StaffRole::Clinician);
    QCOMPARE(grace.displayName(), u"Grace Hopper"_s);
    const Client alan = decoded<Client>(sample.value(u"clients"_s).toArray()[1].toObject());
    QCOMPARE(alan.assignedProvider->displayName(), u"Carl Rogers"_s);
}

void TestWireCodec::typesOnlyModeKeepsARecordThatBreaksARule() {
    QJsonObject json = readSample(u"appointment-full.json"_s).toObject();
    json.insert(u"duration"_s, 60); // stale duration written by another server
    QVERIFY(!Appointment::fromJson(json));
    const auto lenient = Appointment::fromJson(json, DecodeMode::TypesOnly);
    QVERIFY(lenient);
    QCOMPARE(lenient->duration, 60);
}

QTEST_GUILESS_MAIN(TestWireCodec)
#include "tst_wirecodec.moc"
