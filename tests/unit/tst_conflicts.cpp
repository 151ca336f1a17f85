// The conflict rule of docs/scheduling.md, checked both by the plain scan
// and by the bounded index, which must always agree.
#include "scheduling/Conflicts.h"
#include "TestRecords.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::scheduling;
using namespace mss::test;

using Status = AppointmentStatus;
using Type = AppointmentType;

class TestConflicts : public QObject {
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
    void conflictsNameWhatTheyCollideWith();
    void indexAgreesWithScanOnARandomDay();
    void indexFollowsMovesAndCancellations();
};

void TestConflicts::rule_data() {
    QTest::addColumn<Appointment>("booked");
    QTest::addColumn<Appointment>("candidate");
    QTest::addColumn<bool>("conflict");

    const Appointment base = appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 60);
    QTest::newRow("same provider, overlapping")
        << base << appointment(2, 10, 21, "2026-03-09T14:30:00.000Z", 60) << true;
    QTest::newRow("same provider, inside")
        << base << appointment(2, 10, 21, "2026-03-09T14:15:00.000Z", 15) << true;
    QTest::newRow("same provider, enclosing")
        << base << appointment(2, 10, 21, "2026-03-09T13:00:00.000Z", 180) << true;
    QTest::newRow("touching after is not overlapping")
        << base << appointment(2, 10, 21, "2026-03-09T15:00:00.000Z", 60) << false;
    QTest::newRow("touching before is not overlapping")
        << base << appointment(2, 10, 21, "2026-03-09T13:00:00.000Z", 60) << false;
    QTest::newRow("one millisecond of overlap") << base << [] {
        Appointment a = appointment(2, 10, 21, "2026-03-09T15:00:00.000Z", 60);
        a.startTime = a.startTime.addMSecs(-1);
        return a;
    }() << true;
    QTest::newRow("different provider and client")
        << base << appointment(2, 11, 21, "2026-03-09T14:00:00.000Z", 60) << false;
    QTest::newRow("same client with two providers at once")
        << base << appointment(2, 11, 20, "2026-03-09T14:30:00.000Z", 60) << true;
    QTest::newRow("cancelled booking frees its time")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 60, Status::Cancelled)
        << appointment(2, 10, 21, "2026-03-09T14:00:00.000Z", 60) << false;
    QTest::newRow("no-show frees its time")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 60, Status::NoShow)
        << appointment(2, 10, 21, "2026-03-09T14:00:00.000Z", 60) << false;
    QTest::newRow("rescheduled frees its time")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 60, Status::Rescheduled)
        << appointment(2, 10, 21, "2026-03-09T14:00:00.000Z", 60) << false;
    QTest::newRow("a cancelled candidate conflicts with nothing")
        << base << appointment(2, 10, 21, "2026-03-09T14:00:00.000Z", 60, Status::Cancelled)
        << false;
    QTest::newRow("confirmed and completed still hold time")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 60, Status::Completed)
        << appointment(2, 10, 21, "2026-03-09T14:00:00.000Z", 60, Status::Confirmed) << true;
    QTest::newRow("one group session: same provider, start and end")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 90, Status::Scheduled,
                       Type::GroupTherapy)
        << appointment(2, 10, 21, "2026-03-09T14:00:00.000Z", 90, Status::Scheduled,
                       Type::GroupTherapy)
        << false;
    QTest::newRow("group sessions at different times overlap")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 90, Status::Scheduled,
                       Type::GroupTherapy)
        << appointment(2, 10, 21, "2026-03-09T14:30:00.000Z", 90, Status::Scheduled,
                       Type::GroupTherapy)
        << true;
    QTest::newRow("group of another provider, same client")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 90, Status::Scheduled,
                       Type::GroupTherapy)
        << appointment(2, 11, 20, "2026-03-09T14:00:00.000Z", 90, Status::Scheduled,
                       Type::GroupTherapy)
        << true;
    QTest::newRow("group and individual with one provider")
        << appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 90, Status::Scheduled,
                       Type::GroupTherapy)
        << appointment(2, 10, 21, "2026-03-09T14:00:00.000Z", 90) << true;
    QTest::newRow("an appointment does not conflict with itself")
        << base << appointment(1, 10, 20, "2026-03-09T14:30:00.000Z", 60) << false;
}

void TestConflicts::rule() {
    QFETCH(Appointment, booked);
    QFETCH(Appointment, candidate);
    QFETCH(bool, conflict);
    QCOMPARE(conflictsWith(candidate, booked), conflict);
    QCOMPARE(conflictsWith(booked, candidate), conflict);
    const QList<Appointment> existing{booked};
    QCOMPARE(findConflicts(candidate, existing).size(), conflict ? 1 : 0);
    const ConflictIndex index(existing);
    QCOMPARE(index.conflictsOf(candidate).size(), conflict ? 1 : 0);
}

void TestConflicts::conflictsNameWhatTheyCollideWith() {
    const QList<Appointment> day{
        appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 60),
        appointment(2, 11, 21, "2026-03-09T14:00:00.000Z", 60),
        appointment(3, 12, 22, "2026-03-09T13:30:00.000Z", 60),
    };
    // Provider 10 with client 22: collides with 1 (provider) and 3 (client).
    const Appointment candidate = appointment(9, 10, 22, "2026-03-09T14:15:00.000Z", 30);
    const QList<Conflict> expected{
        {id(3), ConflictReason::SameClient, TimeRange::of(day[2].startTime, day[2].endTime)},
        {id(1), ConflictReason::SameProvider, TimeRange::of(day[0].startTime, day[0].endTime)},
    };
    QCOMPARE(findConflicts(candidate, day), expected);
    QCOMPARE(ConflictIndex(day).conflictsOf(candidate), expected);
}

void TestConflicts::indexAgreesWithScanOnARandomDay() {
    // 400 appointments of 5 providers and 30 clients over two days, random
    // lengths up to the maximum, random statuses and types.
    QRandomGenerator rng(20260309);
    QList<Appointment> booked;
    const QDateTime dayStart = utc("2026-03-09T00:00:00.000Z");
    for (int i = 0; i < 400; ++i) {
        Appointment a = appointment(i + 1, 100 + int(rng.bounded(5)), 200 + int(rng.bounded(30)),
                                    "2026-03-09T00:00:00.000Z", 15 + int(rng.bounded(6)) * 15);
        a.startTime = dayStart.addSecs(qint64(rng.bounded(2 * 96)) * 15 * 60);
        if (rng.bounded(20) == 0)
            a.duration = 12 * 60; // the longest allowed
        a.endTime = a.startTime.addSecs(qint64(a.duration) * 60);
        a.status = static_cast<Status>(rng.bounded(6));
        a.appointmentType = rng.bounded(3) == 0 ? Type::GroupTherapy : Type::IndividualTherapy;
        booked.append(a);
    }
    const ConflictIndex index(booked);
    int withConflicts = 0;
    for (const Appointment& candidate : booked) {
        const QList<Conflict> scanned = findConflicts(candidate, booked);
        QList<Conflict> indexed = index.conflictsOf(candidate);
        // The scan names an appointment sharing provider and client once, as
        // the provider's; so does the index.
        QCOMPARE(indexed, scanned);
        withConflicts += scanned.isEmpty() ? 0 : 1;
    }
    QVERIFY(withConflicts > 50); // the day is busy enough to mean something
}

void TestConflicts::indexFollowsMovesAndCancellations() {
    ConflictIndex index;
    Appointment a = appointment(1, 10, 20, "2026-03-09T14:00:00.000Z", 60);
    index.insert(a);
    const Appointment b = appointment(2, 10, 21, "2026-03-09T14:30:00.000Z", 30);
    QCOMPARE(index.conflictsOf(b).size(), 1);
    a.startTime = utc("2026-03-09T16:00:00.000Z");
    a.endTime = a.startTime.addSecs(3600);
    index.insert(a); // moved away
    QCOMPARE(index.size(), 1);
    QVERIFY(index.conflictsOf(b).isEmpty());
    a.startTime = utc("2026-03-09T14:00:00.000Z");
    a.endTime = a.startTime.addSecs(3600);
    a.status = Status::Cancelled;
    index.insert(a); // back, but cancelled
    QVERIFY(index.conflictsOf(b).isEmpty());
    a.status = Status::Scheduled;
    index.insert(a);
    QCOMPARE(index.conflictsOf(b).size(), 1);
    index.remove(a.id());
    QVERIFY(index.conflictsOf(b).isEmpty());
}

QTEST_GUILESS_MAIN(TestConflicts)
#include "tst_conflicts.moc"
