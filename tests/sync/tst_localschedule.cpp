// The user's actions on the cache, with no server at all: each is checked
// with the core rules, shows at once, and leaves exactly one outbox entry
// that survives closing and reopening the file.
#include "sync/LocalSchedule.h"
#include "TestRecords.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone newYork("America/New_York");

Appointment draft(int provider, int client, const char* start, int minutes) {
    Appointment a = appointment(0, provider, client, start, minutes);
    a.meta.id = {};
    return a;
}

} // namespace

class TestLocalSchedule : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bookingShowsAtOnceAndQueuesOneCreate();
    void overlapIsRefusedNamingWhatItCollidesWith();
    void overrideBooksAnywayAndTellsTheServer();
    void sameClientWithTwoProvidersIsRefused();
    void bookingOutsideAvailabilityIsAllowedWithAWarning();
    void invalidAppointmentIsRefusedWithItsFields();
    void cancelNeedsAReason();
    void movesAndStatusChangesQueueInOrder();
    void outboxSurvivesReopeningTheFile();
    void deleteRemovesFromTheCalendarAndQueues();
    void availabilityIsAddedChangedAndRemovedThroughTheOutbox();
    void editedHoursQueueOnlyWhatDiffers();
    void skippingAnOccurrenceCancelsItAtOnceAndQueuesAnException();
    void cancellingASeriesCancelsEveryOccurrenceFromNow();
    void thisAndFollowingSplitsTheSeriesAtOnce();
    void thisAndFollowingOntoABookedTimeIsRefusedAndChangesNothing();
    void allOccurrencesChangesTheFutureAndKeepsThePast();
    void whatTheRoleMayNotDoIsRefusedAtOnce();
    void aRepeatedQueryShowsEveryChangeAtOnce();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LocalSchedule> m_schedule;
    // mondays() created, with its four occurrences booked as the server
    // generates them.
    ObjectId bookedMondays();
};

namespace {

// Mondays at 09:00 New York from 9 March 2026, four times, with its
// occurrences booked as the server generates them.
RecurringAppointment mondays() {
    RecurringAppointment s;
    s.client.id = id(2);
    s.provider.id = id(1);
    s.duration = 50;
    s.recurrencePattern = RecurrencePattern::Weekly;
    s.dayOfWeek = DayOfWeek::Monday;
    s.startTime = *TimeOfDay::fromString(u"09:00"_s);
    s.startDate = calendarDateInstant({2026, 3, 9});
    s.numberOfOccurrences = 4;
    return s;
}

QList<Appointment> occurrencesOf(LocalCache& cache, const ObjectId& series) {
    QList<Appointment> out;
    const QList<Appointment> all =
        cache.appointments(utc("2026-03-01T00:00:00.000Z"), utc("2026-05-01T00:00:00.000Z"))
            .value();
    for (const Appointment& a : all) {
        if (a.recurringAppointment == series)
            out.append(a);
    }
    return out;
}

} // namespace

void TestLocalSchedule::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto cache = LocalCache::open(m_dir->filePath(u"cache.sqlite"_s));
    QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
    m_cache = std::move(*cache);
    m_clock = std::make_unique<ManualClock>(utc("2026-03-02T12:00:00.000Z"));
    m_schedule = std::make_unique<LocalSchedule>(*m_cache, *m_clock, newYork);
}

void TestLocalSchedule::cleanup() {
    m_schedule.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestLocalSchedule::bookingShowsAtOnceAndQueuesOneCreate() {
    const auto booked = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY2(booked, booked ? "" : qPrintable(describe(booked.error())));
    QVERIFY(!booked->id().isNull());
    QCOMPARE(booked->duration, 50);

    const auto shown =
        m_cache->appointments(utc("2026-03-09T00:00:00.000Z"), utc("2026-03-10T00:00:00.000Z"));
    QVERIFY(shown);
    QCOMPARE(shown->size(), 1);
    QCOMPARE(shown->front().id(), booked->id());

    const auto entries = m_cache->outbox().all();
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const OutboxEntry& e = entries->front();
    QCOMPARE(e.method, u"POST"_s);
    QCOMPARE(e.path, u"/appointments"_s);
    QCOMPARE(e.recordId, booked->id().toString());
    QCOMPARE(e.body.value(u"_id"_s).toString(), booked->id().toString());
    QCOMPARE(e.body.value(u"provider"_s).toString(), id(1).toString());
    QVERIFY(!e.idempotencyKey.isEmpty());
    QCOMPARE(e.baseVersion, 0);
}

void TestLocalSchedule::overlapIsRefusedNamingWhatItCollidesWith() {
    const auto first = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(first);
    const auto second = m_schedule->book(draft(1, 3, "2026-03-09T14:30:00.000Z", 50));
    QVERIFY(!second);
    QCOMPARE(second.error().size(), 1);
    const Error& e = second.error().front();
    QCOMPARE(e.code, ErrorCode::SchedulingConflict);
    QCOMPARE(e.field, first->id().toString());
    // 14:00Z on 9 March is 10:00 EDT.
    QVERIFY2(e.message.contains(u"provider"_s) && e.message.contains(u"10:00"_s),
             qPrintable(e.message));
    QCOMPARE(m_cache->outbox().pendingCount().value(), 1);
    // Touching is fine.
    QVERIFY(m_schedule->book(draft(1, 3, "2026-03-09T14:50:00.000Z", 50)));
}

void TestLocalSchedule::overrideBooksAnywayAndTellsTheServer() {
    QVERIFY(m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50)));
    const auto forced = m_schedule->book(draft(1, 3, "2026-03-09T14:30:00.000Z", 50), true);
    QVERIFY(forced);
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries.back().body.value(u"allowOverlap"_s).toBool());
    QVERIFY(!entries.front().body.contains(u"allowOverlap"_s));
}

void TestLocalSchedule::sameClientWithTwoProvidersIsRefused() {
    QVERIFY(m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50)));
    const auto other = m_schedule->book(draft(5, 2, "2026-03-09T14:10:00.000Z", 30));
    QVERIFY(!other);
    QVERIFY(other.error().front().message.contains(u"client"_s));
}

void TestLocalSchedule::bookingOutsideAvailabilityIsAllowedWithAWarning() {
    ProviderAvailability mondays = weekly(1, DayOfWeek::Monday, "09:00", "17:00");
    mondays.meta.id = id(900);
    mondays.meta.version = 1;
    mondays.meta.updatedAt = m_clock->now();
    QVERIFY(m_cache->records().put(storage::RecordKind::ProviderAvailability, mondays.toJson()));
    // 10:00 EDT: inside.
    QVERIFY(!m_schedule->check(draft(1, 2, "2026-03-09T14:00:00.000Z", 50)).outsideAvailability);
    // 07:00 EDT: outside, but still bookable.
    const Appointment early = draft(1, 2, "2026-03-09T11:00:00.000Z", 50);
    QVERIFY(m_schedule->check(early).outsideAvailability);
    QVERIFY(m_schedule->book(early));
}

void TestLocalSchedule::invalidAppointmentIsRefusedWithItsFields() {
    Appointment bad = draft(1, 2, "2026-03-09T14:00:00.000Z", 50);
    bad.endTime = bad.startTime;
    bad.duration = 0;
    const auto r = m_schedule->book(bad);
    QVERIFY(!r);
    QCOMPARE(r.error().front().field, u"endTime"_s);
    QCOMPARE(m_cache->outbox().pendingCount().value(), 0);
}

void TestLocalSchedule::cancelNeedsAReason() {
    const auto booked = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(booked);
    const auto noReason = m_schedule->cancel(booked->id(), u"  "_s, 0);
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().front().field, u"cancellationReason"_s);
    const auto cancelled = m_schedule->cancel(booked->id(), u"Client is ill"_s, 25);
    QVERIFY(cancelled);
    QCOMPARE(cancelled->status, AppointmentStatus::Cancelled);
    const auto shown = m_cache->appointment(booked->id().toString()).value();
    QCOMPARE(shown->status, AppointmentStatus::Cancelled);
    QCOMPARE(shown->cancellationFee, 25.0);
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.back().path, u"/appointments/%1/cancel"_s.arg(booked->id().toString()));
    QCOMPARE(entries.back().body.value(u"cancellationReason"_s).toString(), u"Client is ill"_s);
    // Its time is free again.
    QVERIFY(m_schedule->book(draft(1, 3, "2026-03-09T14:00:00.000Z", 50)));
}

void TestLocalSchedule::movesAndStatusChangesQueueInOrder() {
    auto a = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(a);
    Appointment moved = *a;
    moved.startTime = utc("2026-03-10T15:00:00.000Z");
    moved.endTime = moved.startTime.addSecs(50 * 60);
    QVERIFY(m_schedule->change(moved));
    QVERIFY(m_schedule->confirm(a->id()));
    QVERIFY(m_schedule->complete(a->id(), u"Went well"_s));
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.size(), 4);
    QStringList summaries;
    for (const OutboxEntry& e : entries)
        summaries << e.summary;
    QCOMPARE(summaries, (QStringList{u"Book"_s, u"Move"_s, u"Confirm"_s, u"Complete"_s}));
    const auto shown = m_cache->appointment(a->id().toString()).value();
    QCOMPARE(shown->status, AppointmentStatus::Completed);
    QCOMPARE(shown->startTime, moved.startTime);
}

void TestLocalSchedule::outboxSurvivesReopeningTheFile() {
    const auto a = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(a);
    const QString path = m_dir->filePath(u"cache.sqlite"_s);
    m_schedule.reset();
    m_cache.reset();
    auto reopened = LocalCache::open(path);
    QVERIFY(reopened);
    QCOMPARE((*reopened)->outbox().pendingCount().value(), 1);
    QVERIFY((*reopened)->appointment(a->id().toString()).value().has_value());
    m_cache = std::move(*reopened);
}

void TestLocalSchedule::deleteRemovesFromTheCalendarAndQueues() {
    const auto a = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(a);
    QVERIFY(m_schedule->remove(a->id()));
    QVERIFY(!m_cache->appointment(a->id().toString()).value().has_value());
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.back().method, u"DELETE"_s);
    QVERIFY(!m_schedule->remove(a->id())); // already gone: NotFound
}

void TestLocalSchedule::availabilityIsAddedChangedAndRemovedThroughTheOutbox() {
    auto added = m_schedule->saveAvailability(weekly(1, DayOfWeek::Monday, "09:00", "17:00"));
    QVERIFY2(added, added ? "" : qPrintable(describe(added.error())));
    QVERIFY(!added->id().isNull());
    QCOMPARE(m_cache->availabilityOf(id(1).toString()).value().size(), 1);

    ProviderAvailability shorter = *added;
    shorter.endTime = *TimeOfDay::fromString(u"15:00"_s);
    QVERIFY(m_schedule->saveAvailability(shorter));
    QCOMPARE(m_cache->availabilityOf(id(1).toString()).value().front().endTime, shorter.endTime);

    QVERIFY(m_schedule->removeAvailability(added->id()));
    QVERIFY(m_cache->availabilityOf(id(1).toString()).value().isEmpty());

    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[0].method, u"POST"_s);
    QCOMPARE(entries[0].path, u"/staff/%1/availabilities"_s.arg(id(1).toString()));
    QCOMPARE(entries[0].body.value(u"_id"_s).toString(), added->id().toString());
    QCOMPARE(entries[1].method, u"PUT"_s);
    QCOMPARE(entries[1].path, u"/provider-availabilities/"_s + added->id().toString());
    QCOMPARE(entries[1].body.value(u"endTime"_s).toString(), u"15:00"_s);
    QCOMPARE(entries[2].method, u"DELETE"_s);

    // A block that ends before it starts never reaches the outbox.
    const auto broken =
        m_schedule->saveAvailability(weekly(1, DayOfWeek::Friday, "17:00", "09:00"));
    QVERIFY(!broken);
    QCOMPARE(m_cache->outbox().pendingCount().value(), 3);
}

void TestLocalSchedule::editedHoursQueueOnlyWhatDiffers() {
    const auto monday =
        m_schedule->saveAvailability(weekly(1, DayOfWeek::Monday, "09:00", "17:00"));
    const auto tuesday =
        m_schedule->saveAvailability(weekly(1, DayOfWeek::Tuesday, "09:00", "17:00"));
    QVERIFY(monday && tuesday);
    const int before = m_cache->outbox().pendingCount().value();

    // The editor hands back the whole list: Monday as it was, Tuesday gone,
    // a new Wednesday.
    const auto saved = m_schedule->replaceAvailability(
        id(1), {*monday, weekly(1, DayOfWeek::Wednesday, "10:00", "14:00")});
    QVERIFY2(saved, saved ? "" : qPrintable(describe(saved.error())));
    QCOMPARE(saved->size(), 2);
    QVERIFY(!saved->back().id().isNull());

    const auto entries = m_cache->outbox().all().value().mid(before);
    QStringList methods;
    for (const OutboxEntry& e : entries)
        methods << e.method;
    QCOMPARE(methods, (QStringList{u"POST"_s, u"DELETE"_s}));
    QCOMPARE(entries.back().recordId, tuesday->id().toString());
    QCOMPARE(m_cache->availabilityOf(id(1).toString()).value().size(), 2);
}

void TestLocalSchedule::skippingAnOccurrenceCancelsItAtOnceAndQueuesAnException() {
    const auto series = m_schedule->createSeries(mondays());
    QVERIFY2(series, series ? "" : qPrintable(describe(series.error())));
    for (const char* start : {"2026-03-09T13:00:00.000Z", "2026-03-16T13:00:00.000Z"}) {
        Appointment a = draft(1, 2, start, 50);
        a.recurringAppointment = series->id();
        QVERIFY(m_schedule->book(a));
    }

    const auto skipped = m_schedule->skipOccurrence(series->id(), {2026, 3, 16}, u"Holiday"_s);
    QVERIFY2(skipped, skipped ? "" : qPrintable(describe(skipped.error())));
    QCOMPARE(skipped->exceptions.size(), 1);

    const QList<Appointment> shown = occurrencesOf(*m_cache, series->id());
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown[0].status, AppointmentStatus::Scheduled);
    QCOMPARE(shown[1].status, AppointmentStatus::Cancelled);
    QCOMPARE(shown[1].cancellationReason, u"Holiday"_s);

    const OutboxEntry e = m_cache->outbox().all().value().back();
    QCOMPARE(e.method, u"POST"_s);
    QCOMPARE(e.path, u"/recurring-appointments/%1/exceptions"_s.arg(series->id().toString()));
    QCOMPARE(e.body.value(u"date"_s).toString(), u"2026-03-16"_s);
    QCOMPARE(e.body.value(u"reason"_s).toString(), u"Holiday"_s);

    // A date the pattern does not give is refused, naming it.
    const auto notOne = m_schedule->skipOccurrence(series->id(), {2026, 3, 17}, {});
    QVERIFY(!notOne);
    QCOMPARE(notOne.error().front().field, u"date"_s);
}

void TestLocalSchedule::cancellingASeriesCancelsEveryOccurrenceFromNow() {
    const auto series = m_schedule->createSeries(mondays());
    QVERIFY(series);
    for (const char* start : {"2026-03-09T13:00:00.000Z", "2026-03-16T13:00:00.000Z"}) {
        Appointment a = draft(1, 2, start, 50);
        a.recurringAppointment = series->id();
        QVERIFY(m_schedule->book(a));
    }
    QVERIFY(!m_schedule->cancelSeries(series->id(), u"  "_s)); // a reason is required

    const auto cancelled = m_schedule->cancelSeries(series->id(), u"Moved away"_s);
    QVERIFY2(cancelled, cancelled ? "" : qPrintable(describe(cancelled.error())));
    QCOMPARE(cancelled->status, SeriesStatus::Cancelled);
    for (const Appointment& a : occurrencesOf(*m_cache, series->id()))
        QCOMPARE(a.status, AppointmentStatus::Cancelled);

    const OutboxEntry e = m_cache->outbox().all().value().back();
    QCOMPARE(e.method, u"PUT"_s);
    QCOMPARE(e.path, u"/recurring-appointments/%1/cancel"_s.arg(series->id().toString()));
    QCOMPARE(e.body.value(u"reason"_s).toString(), u"Moved away"_s);
}

ObjectId TestLocalSchedule::bookedMondays() {
    const auto series = m_schedule->createSeries(mondays());
    if (!series)
        qFatal("cannot create the series");
    for (const char* start : {"2026-03-09T13:00:00.000Z", "2026-03-16T13:00:00.000Z",
                              "2026-03-23T13:00:00.000Z", "2026-03-30T13:00:00.000Z"}) {
        Appointment a = draft(1, 2, start, 50);
        a.recurringAppointment = series->id();
        if (!m_schedule->book(a))
            qFatal("cannot book an occurrence");
    }
    return series->id();
}

namespace {

QStringList startsOf(const QList<Appointment>& list) {
    QStringList out;
    for (const Appointment& a : list)
        out << toWireTime(a.startTime);
    return out;
}

} // namespace

void TestLocalSchedule::thisAndFollowingSplitsTheSeriesAtOnce() {
    const ObjectId old = bookedMondays();
    const int before = m_cache->outbox().pendingCount().value();
    RecurringAppointment edited = mondays();
    edited.startTime = *TimeOfDay::fromString(u"10:30"_s);

    const auto after = m_schedule->editThisAndFollowing(old, {2026, 3, 23}, edited);
    QVERIFY2(after, after ? "" : qPrintable(describe(after.error())));
    QVERIFY(after->id() != old);

    // The first two stay at 09:00; the 23rd and 30th move to 10:30 EDT
    // under the new series, before any server has answered.
    QCOMPARE(startsOf(occurrencesOf(*m_cache, old)),
             (QStringList{u"2026-03-09T13:00:00.000Z"_s, u"2026-03-16T13:00:00.000Z"_s}));
    QCOMPARE(startsOf(occurrencesOf(*m_cache, after->id())),
             (QStringList{u"2026-03-23T14:30:00.000Z"_s, u"2026-03-30T14:30:00.000Z"_s}));

    // Two requests any server understands: the old series ends the day
    // before the cut, then the new one is created with our id.
    const QList<OutboxEntry> entries = m_cache->outbox().all().value().mid(before);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].method, u"PUT"_s);
    QCOMPARE(entries[0].path, u"/recurring-appointments/"_s + old.toString());
    QCOMPARE(entries[0].body.value(u"endDate"_s).toString().left(10), u"2026-03-22"_s);
    QCOMPARE(entries[1].method, u"POST"_s);
    QCOMPARE(entries[1].path, u"/recurring-appointments"_s);
    QCOMPARE(entries[1].body.value(u"_id"_s).toString(), after->id().toString());
    QCOMPARE(entries[1].body.value(u"startTime"_s).toString(), u"10:30"_s);
    QVERIFY(!entries[1].idempotencyKey.isEmpty());
    const auto stored =
        m_cache->records().get(storage::RecordKind::RecurringAppointment, after->id().toString());
    QVERIFY(stored.value().has_value());
}

void TestLocalSchedule::thisAndFollowingOntoABookedTimeIsRefusedAndChangesNothing() {
    const ObjectId old = bookedMondays();
    // Another client holds the provider on 30 March at 10:30 EDT.
    const auto other = m_schedule->book(draft(1, 3, "2026-03-30T14:30:00.000Z", 50));
    QVERIFY(other);
    const int before = m_cache->outbox().pendingCount().value();
    RecurringAppointment edited = mondays();
    edited.startTime = *TimeOfDay::fromString(u"10:30"_s);

    const auto refused = m_schedule->editThisAndFollowing(old, {2026, 3, 23}, edited);
    QVERIFY(!refused);
    QCOMPARE(refused.error().size(), 1);
    QCOMPARE(refused.error().front().code, ErrorCode::SchedulingConflict);
    QCOMPARE(refused.error().front().field, other->id().toString());
    QCOMPARE(occurrencesOf(*m_cache, old).size(), 4);
    QCOMPARE(m_cache->outbox().pendingCount().value(), before);

    // Moving to 09:00 on the same days again does not collide with the
    // series' own occurrences, which it replaces.
    const auto same = m_schedule->editThisAndFollowing(old, {2026, 3, 23}, mondays());
    QVERIFY2(same, same ? "" : qPrintable(describe(same.error())));
    // With the override, the collision is booked anyway and the server told.
    const auto forced = m_schedule->editThisAndFollowing(same->id(), {2026, 3, 30}, edited, true);
    QVERIFY2(forced, forced ? "" : qPrintable(describe(forced.error())));
    QVERIFY(m_cache->outbox().all().value().back().body.value(u"allowOverlap"_s).toBool());
}

void TestLocalSchedule::allOccurrencesChangesTheFutureAndKeepsThePast() {
    const ObjectId series = bookedMondays();
    m_clock->set(utc("2026-03-18T12:00:00.000Z")); // two sessions have happened
    const int before = m_cache->outbox().pendingCount().value();
    RecurringAppointment edited = mondays();
    edited.startTime = *TimeOfDay::fromString(u"11:00"_s);
    edited.location = Location::Virtual;

    const auto saved = m_schedule->editAllOccurrences(series, edited);
    QVERIFY2(saved, saved ? "" : qPrintable(describe(saved.error())));
    QCOMPARE(saved->id(), series);
    const QList<Appointment> shown = occurrencesOf(*m_cache, series);
    QCOMPARE(startsOf(shown),
             (QStringList{u"2026-03-09T13:00:00.000Z"_s, u"2026-03-16T13:00:00.000Z"_s,
                          u"2026-03-23T15:00:00.000Z"_s, u"2026-03-30T15:00:00.000Z"_s}));
    QCOMPARE(shown[1].location, Location::Office);
    QCOMPARE(shown[3].location, Location::Virtual);

    const QList<OutboxEntry> entries = m_cache->outbox().all().value().mid(before);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].method, u"PUT"_s);
    QCOMPARE(entries[0].path, u"/recurring-appointments/"_s + series.toString());
    QCOMPARE(entries[0].body.value(u"startTime"_s).toString(), u"11:00"_s);

    // Nothing left to edit once the series is over.
    m_clock->set(utc("2026-04-01T12:00:00.000Z"));
    const auto over = m_schedule->editAllOccurrences(series, edited);
    QVERIFY(!over);
    QCOMPARE(over.error().front().field, u"date"_s);
}

void TestLocalSchedule::whatTheRoleMayNotDoIsRefusedAtOnce() {
    const auto booked = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(booked);
    const int before = m_cache->outbox().pendingCount().value();
    const auto refusedForRole = [](const auto& result, const QString& words) {
        return !result && result.error().size() == 1 && result.error().front().field == u"role"_s &&
               result.error().front().message.contains(words);
    };

    // The front desk books and cancels, but only a practice admin
    // deletes, and only admins and supervisors book over a booking. As on
    // the MentalSpace server, it neither sets hours nor completes
    // appointments, unless the practice grants it.
    m_schedule->setRole(StaffRole::Receptionist);
    QVERIFY(refusedForRole(m_schedule->remove(booked->id()), u"receptionist"_s));
    QVERIFY(refusedForRole(m_schedule->book(draft(1, 3, "2026-03-09T14:00:00.000Z", 50), true),
                           u"book over"_s));
    QVERIFY(refusedForRole(
        m_schedule->saveAvailability(weekly(1, DayOfWeek::Monday, "09:00", "17:00")), u"hours"_s));
    QVERIFY(refusedForRole(m_schedule->complete(booked->id(), {}), u"completed"_s));
    QCOMPARE(m_cache->appointment(booked->id().toString()).value()->status,
             AppointmentStatus::Scheduled);
    QCOMPARE(m_cache->outbox().pendingCount().value(), before);
    QVERIFY(m_schedule->book(draft(1, 3, "2026-03-09T16:00:00.000Z", 50)));
    const auto hours = mss::domain::RoleGrants::fromJson(
        QJsonObject{{"WriteAvailability"_L1, QJsonArray{u"RECEPTIONIST"_s}}});
    QVERIFY(hours);
    m_schedule->setGrants(*hours);
    QVERIFY(m_schedule->saveAvailability(weekly(1, DayOfWeek::Monday, "09:00", "17:00")));
    QVERIFY(refusedForRole(m_schedule->complete(booked->id(), {}), u"completed"_s));
    m_schedule->setGrants({});

    // Billing reads the schedule and changes nothing on it.
    m_schedule->setRole(StaffRole::Billing);
    QVERIFY(refusedForRole(m_schedule->book(draft(1, 2, "2026-03-10T14:00:00.000Z", 50)),
                           u"billing"_s));
    QVERIFY(refusedForRole(m_schedule->cancel(booked->id(), u"Ill"_s, 0), u"billing"_s));
    QVERIFY(refusedForRole(m_schedule->createSeries(mondays()), u"billing"_s));
    QVERIFY(refusedForRole(
        m_schedule->saveAvailability(weekly(1, DayOfWeek::Tuesday, "09:00", "17:00")), u"hours"_s));
    QCOMPARE(m_cache->appointment(booked->id().toString()).value()->status,
             AppointmentStatus::Scheduled);

    // An intern books but does not set hours.
    m_schedule->setRole(StaffRole::Intern);
    QVERIFY(refusedForRole(
        m_schedule->saveAvailability(weekly(1, DayOfWeek::Tuesday, "09:00", "17:00")),
        u"intern"_s));
    QVERIFY(m_schedule->cancel(booked->id(), u"Ill"_s, 0));

    m_schedule->setRole(StaffRole::PracticeAdmin);
    QVERIFY(m_schedule->remove(booked->id()));
    QVERIFY(!m_cache->appointment(booked->id().toString()).value().has_value());
    QCOMPARE(m_cache->outbox().pendingCount().value(), before + 4);
}

void TestLocalSchedule::aRepeatedQueryShowsEveryChangeAtOnce() {
    // The calendar asks for the same week again and again; what it gets
    // back must follow each change, although a change keeps the record's
    // version until the server confirms it.
    const QDateTime from = utc("2026-03-09T00:00:00.000Z");
    const QDateTime to = utc("2026-03-16T00:00:00.000Z");
    const auto booked = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(booked);
    QCOMPARE(m_cache->appointments(from, to).value().size(), 1);

    Appointment moved = *booked;
    moved.startTime = moved.startTime.addSecs(3600);
    moved.endTime = moved.endTime.addSecs(3600);
    QVERIFY(m_schedule->change(moved));
    QCOMPARE(m_cache->appointments(from, to).value().front().startTime, moved.startTime);

    QVERIFY(m_schedule->cancel(booked->id(), u"Ill"_s, 0));
    QCOMPARE(m_cache->appointments(from, to).value().front().status, AppointmentStatus::Cancelled);

    // A record the sync stores with the same version (a server without
    // versions) shows too.
    Appointment theirs = moved;
    theirs.notes = u"Bring the forms"_s;
    {
        storage::WriteTransaction tx(m_cache->db());
        QVERIFY(m_cache->records().put(storage::RecordKind::Appointment, theirs.toJson()));
        QVERIFY(tx.commit());
    }
    const auto shown = m_cache->appointments(from, to, {id(1).toString()}).value();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.front().notes, u"Bring the forms"_s);
    QCOMPARE(shown.front().status, AppointmentStatus::Scheduled);

    QVERIFY(m_schedule->remove(booked->id()));
    QVERIFY(m_cache->appointments(from, to).value().isEmpty());
}

QTEST_GUILESS_MAIN(TestLocalSchedule)
#include "tst_localschedule.moc"
