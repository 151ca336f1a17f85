// A waitlist entry read from and written to the wire: every field, every
// problem named by its field.
#include "base/CalendarDate.h"
#include "base/WallClock.h"
#include "domain/WaitlistEntry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mss;
using namespace Qt::StringLiterals;
using namespace mss::domain;

namespace {

const QTimeZone newYork("America/New_York");

QJsonObject parse(const char* json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// The fields named by the errors of reading `json`.
QStringList fieldsOf(const QJsonObject& json) {
    const auto read = WaitlistEntry::fromJson(json, DecodeMode::Validate, newYork);
    QStringList out;
    if (!read) {
        for (const Error& e : read.error())
            out << e.field;
    }
    return out;
}

const char* full = R"({
    "_id": "65f000000000000000000001",
    "client": "65f0000000000000000000c1",
    "provider": null,
    "appointmentType": "Initial Assessment",
    "duration": 50,
    "location": "Virtual",
    "preferredWindows": [{"dayOfWeek": "Monday", "startTime": "09:00", "endTime": "12:00"},
                         {"dayOfWeek": "Thursday", "startTime": "16:00", "endTime": "19:30"}],
    "earliestDate": "2026-03-09",
    "latestDate": "2026-04-30",
    "priority": "High",
    "notes": "Mornings before work",
    "expiresAt": "2026-05-01T04:00:00.000Z",
    "status": "Offered",
    "offer": {"startTime": "2026-03-09T14:00:00.000Z", "endTime": "2026-03-09T14:50:00.000Z",
              "provider": "65f0000000000000000000a1", "heldUntil": "2026-03-09T13:00:00.000Z",
              "sentAt": "2026-03-09T11:00:00.000Z", "channels": ["email", "sms"]},
    "version": 3,
    "createdAt": "2026-02-01T12:00:00.000Z",
    "futureField": {"kept": true}
})";

} // namespace

class TestWaitlistEntry : public QObject {
    Q_OBJECT

private slots:
    void readsEveryField();
    void writesWhatItRead();
    void defaults();
    void problemsNameTheirFields();
    void datesInOrderOnThePracticesCalendar();
    void statusNeedsItsDetails();
    void holdsOnlyUntilTheHoldEnds();
};

void TestWaitlistEntry::readsEveryField() {
    const auto read = WaitlistEntry::fromJson(parse(full), DecodeMode::Validate, newYork);
    QVERIFY2(read, read ? "" : qPrintable(describe(read.error())));
    const WaitlistEntry& e = *read;
    QCOMPARE(e.client.id.toString(), QStringLiteral("65f0000000000000000000c1"));
    QVERIFY(!e.provider);
    QCOMPARE(e.appointmentType, AppointmentType::InitialAssessment);
    QCOMPARE(e.duration, 50);
    QCOMPARE(e.location, Location::Virtual);
    QCOMPARE(e.preferredWindows.size(), 2);
    QCOMPARE(e.preferredWindows[1].dayOfWeek, DayOfWeek::Thursday);
    QCOMPARE(e.preferredWindows[1].endTime.minutes(), 19 * 60 + 30);
    QCOMPARE(calendarDate(*e.earliestDate, newYork), QDate(2026, 3, 9));
    QCOMPARE(e.priority, WaitlistPriority::High);
    QCOMPARE(e.status, WaitlistStatus::Offered);
    QVERIFY(e.offer);
    QCOMPARE(e.offer->channels, (QStringList{QStringLiteral("email"), QStringLiteral("sms")}));
    QCOMPARE(e.offer->heldUntil, fromWireTime(u"2026-03-09T13:00:00.000Z"));
}

void TestWaitlistEntry::writesWhatItRead() {
    const QJsonObject written =
        WaitlistEntry::fromJson(parse(full), DecodeMode::Validate, newYork)->toJson();
    QCOMPARE(written.value(u"earliestDate").toString(), QStringLiteral("2026-03-09"));
    QCOMPARE(written.value(u"expiresAt").toString(), QStringLiteral("2026-05-01T04:00:00.000Z"));
    QVERIFY(written.value(u"provider").isNull());
    QCOMPARE(written.value(u"futureField").toObject().value(u"kept").toBool(), true);
    QCOMPARE(written.value(u"offer").toObject().value(u"provider").toString(),
             QStringLiteral("65f0000000000000000000a1"));
    // Read again, it is the same entry.
    QCOMPARE(*WaitlistEntry::fromJson(written, DecodeMode::Validate, newYork),
             *WaitlistEntry::fromJson(parse(full), DecodeMode::Validate, newYork));
}

void TestWaitlistEntry::defaults() {
    const auto read = WaitlistEntry::fromJson(
        parse(R"({"client": "65f0000000000000000000c1", "appointmentType": "Consultation",
                  "duration": 15})"));
    QVERIFY2(read, read ? "" : qPrintable(describe(read.error())));
    QCOMPARE(read->location, Location::Office);
    QCOMPARE(read->priority, WaitlistPriority::Normal);
    QCOMPARE(read->status, WaitlistStatus::Waiting);
    QVERIFY(read->preferredWindows.isEmpty());
    QVERIFY(!read->offer);
    const QJsonObject out = read->toJson();
    QVERIFY(out.value(u"offer").isNull());
    QVERIFY(out.value(u"latestDate").isNull());
    QCOMPARE(out.value(u"status").toString(), QStringLiteral("Waiting"));
}

void TestWaitlistEntry::problemsNameTheirFields() {
    const QStringList fields = fieldsOf(parse(R"({
        "provider": "nope", "appointmentType": "Massage", "duration": 10,
        "location": "Moon", "priority": "Urgent", "status": "Pending",
        "preferredWindows": [{"dayOfWeek": "Monday", "startTime": "09:00", "endTime": "12:00"},
                             {"dayOfWeek": "Funday", "startTime": "14:00", "endTime": "13:00"},
                             "mornings"],
        "earliestDate": "next week", "expiresAt": "soon",
        "offer": {"startTime": "2026-03-09T14:00:00.000Z", "channels": ["fax"]}
    })"));
    for (const char* field :
         {"client", "provider", "appointmentType", "duration", "location", "priority", "status",
          "preferredWindows[1].dayOfWeek", "preferredWindows[1].endTime", "preferredWindows[2]",
          "earliestDate", "expiresAt", "offer.endTime", "offer.provider", "offer.heldUntil",
          "offer.channels"})
        QVERIFY2(fields.contains(QLatin1String(field)),
                 qPrintable(
                     QStringLiteral("%1 not in %2").arg(QLatin1String(field), fields.join(u", "))));
    QVERIFY(!fields.contains(QStringLiteral("preferredWindows[0].endTime")));
    // At most 21 windows: three a day.
    QJsonObject many = parse(R"({"client": "65f0000000000000000000c1",
                                 "appointmentType": "Consultation", "duration": 30})");
    QJsonArray windows;
    for (int i = 0; i < 22; ++i)
        windows.append(QJsonObject{{u"dayOfWeek"_s, u"Monday"_s},
                                   {u"startTime"_s, u"09:00"_s},
                                   {u"endTime"_s, u"10:00"_s}});
    many.insert(u"preferredWindows", windows);
    QCOMPARE(fieldsOf(many), QStringList{QStringLiteral("preferredWindows")});
    windows.removeLast();
    many.insert(u"preferredWindows", windows);
    QCOMPARE(fieldsOf(many), QStringList());
    // Too long a duration, too long notes.
    const QString notes(10'001, QLatin1Char('x'));
    QJsonObject json = parse(R"({"client": "65f0000000000000000000c1",
                                 "appointmentType": "Consultation", "duration": 481})");
    json.insert(u"notes", notes);
    QCOMPARE(fieldsOf(json), (QStringList{QStringLiteral("duration"), QStringLiteral("notes")}));
}

void TestWaitlistEntry::datesInOrderOnThePracticesCalendar() {
    QJsonObject json = parse(R"({"client": "65f0000000000000000000c1",
                                 "appointmentType": "Consultation", "duration": 30,
                                 "earliestDate": "2026-03-09", "latestDate": "2026-03-08"})");
    QCOMPARE(fieldsOf(json), QStringList{QStringLiteral("latestDate")});
    // 02:00Z on the 10th is the evening of the 9th in New York: the same day.
    json.insert(u"latestDate", QStringLiteral("2026-03-10T02:00:00.000Z"));
    QCOMPARE(fieldsOf(json), QStringList());
    json.insert(u"latestDate", QStringLiteral("2026-03-09T03:00:00.000Z"));
    QCOMPARE(fieldsOf(json), QStringList{QStringLiteral("latestDate")});
    // Without the practice's zone, it says so.
    const auto noZone = WaitlistEntry::fromJson(json);
    QVERIFY(!noZone);
    QCOMPARE(noZone.error().first().code, ErrorCode::InvalidTimeZone);
}

void TestWaitlistEntry::statusNeedsItsDetails() {
    QJsonObject json = parse(R"({"client": "65f0000000000000000000c1",
                                 "appointmentType": "Consultation", "duration": 30,
                                 "status": "Booked"})");
    QCOMPARE(fieldsOf(json), QStringList{QStringLiteral("bookedAppointment")});
    json.insert(u"bookedAppointment", QStringLiteral("65f0000000000000000000b1"));
    QCOMPARE(fieldsOf(json), QStringList());
    json.insert(u"status", QStringLiteral("Offered"));
    QCOMPARE(fieldsOf(json), QStringList{QStringLiteral("offer")});
}

void TestWaitlistEntry::holdsOnlyUntilTheHoldEnds() {
    const WaitlistEntry e = *WaitlistEntry::fromJson(parse(full), DecodeMode::Validate, newYork);
    QVERIFY(e.holdsSlotAt(fromWireTime(u"2026-03-09T12:59:00.000Z")));
    QVERIFY(!e.holdsSlotAt(fromWireTime(u"2026-03-09T13:00:00.000Z")));
    WaitlistEntry waiting = e;
    waiting.status = WaitlistStatus::Waiting;
    QVERIFY(!waiting.holdsSlotAt(fromWireTime(u"2026-03-09T12:59:00.000Z")));
}

QTEST_GUILESS_MAIN(TestWaitlistEntry)
#include "tst_waitlistentry.moc"
