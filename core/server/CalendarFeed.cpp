#include "server/CalendarFeed.h"

#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "domain/RecurringAppointment.h"
#include "domain/Staff.h"
#include "recurrence/ICalendarWriter.h"
#include "recurrence/SeriesExpansion.h"
#include "server/Sessions.h"

#include <QHash>
#include <QJsonDocument>
#include <QMap>

#include <algorithm>

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::Appointment;
using domain::AppointmentStatus;
using domain::RecurringAppointment;
using recurrence::ICalendarWriter;
using storage::Database;
using storage::RecordKind;

namespace {

constexpr std::array detailNames = {"off"_L1, "busy"_L1, "initials"_L1, "details"_L1};
const QString settingKey = u"calendarFeeds"_s;
constexpr qint64 msPerDay = 24 * 3'600'000;

std::optional<int> dayCount(const QJsonValue& v) {
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(int(d)) || d < 0 || d > FeedSettings::maxDays)
        return std::nullopt;
    return int(d);
}

} // namespace

std::expected<FeedSettings, Error> FeedSettings::fromJson(const QJsonValue& value,
                                                          const FeedSettings& base) {
    if (!value.isObject())
        return std::unexpected(Error{ErrorCode::WrongType, settingKey,
                                     u"must be an object such as {\"detail\": \"busy\"}"_s});
    FeedSettings s = base;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString field = settingKey + u'.' + it.key();
        if (it.key() == "detail"_L1) {
            const auto found = std::ranges::find(detailNames, it.value().toString());
            if (!it.value().isString() || found == detailNames.end())
                return std::unexpected(Error{ErrorCode::UnknownValue, field,
                                             u"must be off, busy, initials or details"_s});
            s.detail = Detail(found - detailNames.begin());
        } else if (it.key() == "daysBack"_L1 || it.key() == "daysAhead"_L1) {
            const auto days = dayCount(it.value());
            if (!days)
                return std::unexpected(
                    Error{ErrorCode::OutOfRange, field,
                          u"must be a whole number of days from 0 to %1"_s.arg(maxDays)});
            (it.key() == "daysBack"_L1 ? s.daysBack : s.daysAhead) = *days;
        } else {
            return std::unexpected(Error{ErrorCode::UnknownValue, field, u"is not a setting"_s});
        }
    }
    return s;
}

QJsonObject FeedSettings::toJson() const {
    return {{"detail"_L1, detailNames[std::size_t(detail)]},
            {"daysBack"_L1, daysBack},
            {"daysAhead"_L1, daysAhead}};
}

FeedSettings FeedSettings::of(Practice& practice) {
    const auto stored = practice.records().setting(settingKey);
    if (!stored || !*stored)
        return {};
    // A stored value was checked when it was written.
    return fromJson(QJsonDocument::fromJson((*stored)->toUtf8()).object(), {})
        .value_or(FeedSettings{});
}

Result<void> FeedSettings::save(Practice& practice) const {
    return practice.records().setSetting(
        settingKey, QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)));
}

namespace feeds {

Result<QString> open(Database& db, const QString& staffId, qint64 nowMs) {
    const QByteArray token = Sessions::newToken();
    QSqlQuery& q = db.prepare(db.dialect().replaceInto(
        u"calendar_feeds"_s, {u"staff"_s, u"token_hash"_s, u"created_ms"_s}, {u"staff"_s}));
    q.addBindValue(staffId);
    q.addBindValue(Sessions::digest(token));
    q.addBindValue(nowMs);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    return QString::fromLatin1(token);
}

Result<void> close(Database& db, const QString& staffId) {
    QSqlQuery& q = db.prepare(u"DELETE FROM calendar_feeds WHERE staff = ?"_s);
    q.addBindValue(staffId);
    return Database::run(q);
}

Result<std::optional<qint64>> openedAt(Database& db, const QString& staffId) {
    QSqlQuery& q = db.prepare(u"SELECT created_ms FROM calendar_feeds WHERE staff = ?"_s);
    q.addBindValue(staffId);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<std::optional<QString>> ownerOf(Database& db, const QByteArray& token) {
    if (token.isEmpty() || token.size() > 100)
        return std::optional<QString>();
    QSqlQuery& q = db.prepare(u"SELECT f.staff FROM calendar_feeds f JOIN staff s ON s.id = "
                              "f.staff WHERE f.token_hash = ? AND s.is_active = 1"_s);
    q.addBindValue(Sessions::digest(token));
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

} // namespace feeds

namespace {

// An appointment as the feed needs it: notes and the meeting link only when
// the practice lets feeds show details (the rest is in indexed columns).
struct Entry {
    Appointment appointment;
    QDateTime updatedAt;
};

Entry entryOf(Practice& practice, const storage::RecordStore::AppointmentRow& row) {
    Entry e;
    Appointment& a = e.appointment;
    a.meta.id = domain::ObjectId::fromString(row.id).value_or(domain::ObjectId());
    a.client.id = domain::ObjectId::fromString(row.client).value_or(domain::ObjectId());
    a.provider.id = domain::ObjectId::fromString(row.provider).value_or(domain::ObjectId());
    a.startTime = QDateTime::fromMSecsSinceEpoch(row.startMs, Qt::UTC);
    a.endTime = QDateTime::fromMSecsSinceEpoch(row.endMs, Qt::UTC);
    a.status = row.status;
    if (!row.series.isEmpty())
        a.recurringAppointment = domain::ObjectId::fromString(row.series);
    e.updatedAt = QDateTime::fromMSecsSinceEpoch(row.updatedMs, Qt::UTC);
    if (!row.doc.isEmpty()) {
        QJsonObject doc = row.doc;
        practice.unsealSecrets(doc, row.secret);
        if (doc.value("notes"_L1).isString())
            a.notes = doc.value("notes"_L1).toString();
        if (doc.value("virtualMeetingLink"_L1).isString())
            a.virtualMeetingLink = doc.value("virtualMeetingLink"_L1).toString();
    }
    return e;
}

bool isCancelled(AppointmentStatus status) {
    return status == AppointmentStatus::Cancelled || status == AppointmentStatus::Rescheduled;
}

// Writes what an event says about its appointment, by the practice's rule.
class EventText {
public:
    EventText(Practice& practice, const FeedSettings& settings, bool seesLinks)
        : m_practice(practice)
        , m_detail(settings.detail)
        , m_seesLinks(seesLinks) {}

    QString summary(const QString& clientId) {
        if (m_detail == FeedSettings::Detail::Busy)
            return u"Appointment"_s;
        const auto client = clientOf(clientId);
        if (!client)
            return u"Appointment"_s;
        if (m_detail == FeedSettings::Detail::Initials)
            return u"Appointment: %1"_s.arg(initials(*client));
        return u"Appointment: %1"_s.arg(client->displayName());
    }

    void write(ICalendarWriter& out, const QString& clientId, const std::optional<QString>& notes,
               const std::optional<QString>& link) {
        out.text("SUMMARY", summary(clientId));
        if (m_detail != FeedSettings::Detail::Details)
            return;
        QStringList description;
        if (notes && !notes->isEmpty())
            description << *notes;
        if (m_seesLinks && link && !link->isEmpty()) {
            description << *link;
            out.text("LOCATION", *link);
        }
        if (!description.isEmpty())
            out.text("DESCRIPTION", description.join(u"\n\n"_s));
    }

private:
    static QString initials(const domain::Client& c) {
        QString out;
        for (const QString& name : {c.firstName, c.lastName}) {
            if (!name.trimmed().isEmpty())
                out += name.trimmed().front().toUpper() + u'.';
        }
        return out;
    }

    std::optional<domain::Client> clientOf(const QString& id) {
        if (const auto it = m_clients.find(id); it != m_clients.end())
            return *it;
        std::optional<domain::Client> client;
        if (const auto stored = m_practice.records().get(RecordKind::Client, id);
            stored && *stored) {
            if (auto c = domain::Client::fromJson((*stored)->doc, domain::DecodeMode::TypesOnly))
                client = *c;
        }
        m_clients.insert(id, client);
        return client;
    }

    Practice& m_practice;
    FeedSettings::Detail m_detail;
    bool m_seesLinks;
    QHash<QString, std::optional<domain::Client>> m_clients;
};

const QString uidSuffix = u"@mentalspace.scheduler"_s;

void writeSingle(ICalendarWriter& out, EventText& text, const Entry& e) {
    const Appointment& a = e.appointment;
    out.begin("VEVENT");
    out.property("UID", a.id().toString() + uidSuffix);
    out.utc("DTSTAMP", e.updatedAt);
    out.utc("DTSTART", a.startTime);
    out.utc("DTEND", a.endTime);
    out.property("STATUS", isCancelled(a.status) ? u"CANCELLED"_s : u"CONFIRMED"_s);
    text.write(out, a.client.id.toString(), a.notes, a.virtualMeetingLink);
    out.end("VEVENT");
}

// A series written as one rule, with what became of its occurrences.
struct RuleEvent {
    RecurringAppointment series;
    QDateTime firstStart; // UTC: DTSTART
    QDateTime lastStart;  // UTC: UNTIL
    recurrence::RecurrenceRule rule;
    QList<QDateTime> gone; // EXDATE: pattern starts (UTC)
    QList<std::pair<QDateTime, const Entry*>>
        overrides; // RECURRENCE-ID (pattern start), what it is
    QDateTime updatedAt;
};

// The series as a rule when its appointments are its rule's occurrences
// (each unmoved, or moved by one of its exceptions); the appointments of
// `all` that the rule does not account for are left in `loose`.
std::optional<RuleEvent> asRule(const RecurringAppointment& series, const QTimeZone& zone,
                                const QString& staffId, const QList<Entry>& all, bool details,
                                QList<const Entry*>& loose) {
    if (series.provider.id.toString() != staffId)
        return std::nullopt;
    const auto seriesRule = recurrence::ruleFor(series, zone);
    if (!seriesRule || !seriesRule->set.exDates.isEmpty() || !seriesRule->set.rDates.isEmpty())
        return std::nullopt;
    const auto pattern = recurrence::patternOccurrences(series, zone);
    if (!pattern || pattern->isEmpty())
        return std::nullopt;
    QHash<qint64, qsizetype> byStart; // pattern start (ms) -> index
    QHash<QDate, qsizetype> byDate;
    for (qsizetype i = 0; i < pattern->size(); ++i) {
        byStart.insert(pattern->at(i).start.toMSecsSinceEpoch(), i);
        byDate.insert(pattern->at(i).date, i);
    }
    QHash<qint64, qsizetype> movedTo; // a rescheduled exception's new start -> its occurrence
    for (const domain::SeriesException& e : series.exceptions) {
        const auto date = byDate.find(e.date.date());
        if (e.isRescheduled && e.rescheduledTo && date != byDate.end())
            movedTo.insert(e.rescheduledTo->toMSecsSinceEpoch(), *date);
    }
    QList<const Entry*> taken(pattern->size(), nullptr);
    for (const Entry& e : all) {
        const qint64 start = e.appointment.startTime.toMSecsSinceEpoch();
        std::optional<qsizetype> index;
        if (const auto it = byStart.find(start); it != byStart.end())
            index = *it;
        else if (const auto moved = movedTo.find(start); moved != movedTo.end())
            index = *moved;
        if (e.appointment.provider.id.toString() != staffId)
            continue;
        if (!index) {
            loose.append(&e);
            continue;
        }
        // One appointment stands for an occurrence: the live one when the
        // occurrence was cancelled and booked again (a reschedule leaves the
        // old one cancelled at the pattern time).
        const Entry*& slot = taken[*index];
        const bool cancelled = isCancelled(e.appointment.status);
        if (!slot || (isCancelled(slot->appointment.status) && !cancelled))
            slot = &e;
        else if (!cancelled)
            loose.append(&e);
    }
    RuleEvent event{
        series, pattern->front().start, pattern->back().start, seriesRule->set.rule, {}, {}, {}};
    event.rule.count.reset();
    event.rule.until = recurrence::Until{recurrence::Until::Kind::Utc, {}, 0, event.lastStart};
    const qint64 lengthMs = qint64(series.duration) * 60'000;
    for (qsizetype i = 0; i < pattern->size(); ++i) {
        const QDateTime& start = pattern->at(i).start;
        const Entry* e = taken[i];
        if (!e) {
            event.gone.append(start);
            continue;
        }
        const Appointment& a = e->appointment;
        if (a.startTime != start || a.startTime.msecsTo(a.endTime) != lengthMs ||
            isCancelled(a.status) || a.client.id != series.client.id ||
            (details && a.notes != series.notes))
            event.overrides.append({start, e});
    }
    return event;
}

void writeRule(ICalendarWriter& out, EventText& text, const QTimeZone& zone,
               const RuleEvent& event) {
    const RecurringAppointment& s = event.series;
    const QString uid = s.id().toString() + uidSuffix;
    const qint64 lengthSeconds = qint64(s.duration) * 60;
    out.begin("VEVENT");
    out.property("UID", uid);
    out.utc("DTSTAMP", event.updatedAt);
    out.local("DTSTART", zone, event.firstStart);
    out.local("DTEND", zone, event.firstStart.addSecs(lengthSeconds));
    out.property("RRULE", event.rule.toString());
    if (!event.gone.isEmpty()) {
        QStringList dates;
        for (const QDateTime& d : event.gone)
            dates << ICalendarWriter::localText(d.toTimeZone(zone));
        out.property(QByteArray("EXDATE;TZID=" + zone.id()), dates.join(u','));
    }
    out.property("STATUS", u"CONFIRMED"_s);
    text.write(out, s.client.id.toString(), s.notes, s.virtualMeetingLink);
    out.end("VEVENT");
    for (const auto& [original, e] : event.overrides) {
        const Appointment& a = e->appointment;
        out.begin("VEVENT");
        out.property("UID", uid);
        out.utc("DTSTAMP", e->updatedAt);
        out.local("RECURRENCE-ID", zone, original);
        out.local("DTSTART", zone, a.startTime);
        out.local("DTEND", zone, a.endTime);
        out.property("STATUS", isCancelled(a.status) ? u"CANCELLED"_s : u"CONFIRMED"_s);
        text.write(out, a.client.id.toString(), a.notes, a.virtualMeetingLink);
        out.end("VEVENT");
    }
}

Result<QList<Entry>> entriesOf(Practice& practice,
                               Result<QList<storage::RecordStore::AppointmentRow>> rows) {
    if (!rows)
        return std::unexpected(rows.error());
    QList<Entry> out;
    out.reserve(rows->size());
    for (const auto& row : *rows)
        out.append(entryOf(practice, row));
    return out;
}

} // namespace

Result<QByteArray> calendarFeed(Practice& practice, const QString& staffId,
                                const FeedSettings& settings, bool seesMeetingLinks) {
    const QTimeZone zone = practice.timeZone();
    const QDateTime now = practice.clock().now();
    const QDateTime from = now.addMSecs(-settings.daysBack * msPerDay);
    const QDateTime to = now.addMSecs(settings.daysAhead * msPerDay);
    const bool details = settings.detail == FeedSettings::Detail::Details;
    const auto inWindow =
        entriesOf(practice, practice.records().appointmentRowsStarting(staffId, from, to, details));
    if (!inWindow)
        return std::unexpected(inWindow.error());

    // Series first: those of this provider with an appointment in the window.
    QMap<QString, QList<const Entry*>> bySeries; // ordered: the same feed for the same records
    QList<const Entry*> singles;
    for (const Entry& e : *inWindow) {
        if (e.appointment.recurringAppointment)
            bySeries[e.appointment.recurringAppointment->toString()].append(&e);
        else
            singles.append(&e);
    }
    QList<RuleEvent> rules;
    QList<QList<Entry>> seriesEntries; // owns what RuleEvent points into
    seriesEntries.reserve(bySeries.size());
    for (auto it = bySeries.begin(); it != bySeries.end(); ++it) {
        const auto stored = practice.records().get(RecordKind::RecurringAppointment, it.key());
        if (!stored)
            return std::unexpected(stored.error());
        std::optional<RecurringAppointment> series;
        if (*stored) {
            QJsonObject doc = (*stored)->doc;
            practice.unsealSecrets(doc, (*stored)->secret);
            if (auto s = RecurringAppointment::fromJson(doc, domain::DecodeMode::TypesOnly))
                series = *s;
        }
        if (!series) {
            singles.append(it.value());
            continue;
        }
        auto all =
            entriesOf(practice, practice.records().appointmentRowsOfSeries(it.key(), details));
        if (!all)
            return std::unexpected(all.error());
        seriesEntries.append(std::move(*all));
        QList<const Entry*> loose;
        auto rule = asRule(*series, zone, staffId, seriesEntries.back(), details, loose);
        if (!rule) {
            singles.append(it.value());
            continue;
        }
        rule->updatedAt = fromWireTime((*stored)->doc.value("updatedAt"_L1).toString());
        for (const Entry* e : loose) {
            const QDateTime& start = e->appointment.startTime;
            if (start >= from && start < to)
                singles.append(e);
        }
        rules.append(std::move(*rule));
    }
    std::ranges::sort(singles, [](const Entry* a, const Entry* b) {
        return std::pair(a->appointment.startTime, a->appointment.id().toString()) <
               std::pair(b->appointment.startTime, b->appointment.id().toString());
    });

    ICalendarWriter out;
    out.begin("VCALENDAR");
    out.property("VERSION", u"2.0"_s);
    out.property("PRODID", u"-//MentalSpace//Scheduler//EN"_s);
    out.property("CALSCALE", u"GREGORIAN"_s);
    out.text("X-WR-CALNAME", u"MentalSpace schedule"_s);
    out.text("X-WR-TIMEZONE", QString::fromUtf8(zone.id()));
    if (!rules.isEmpty()) {
        QDateTime first = rules.front().firstStart, last = rules.front().lastStart;
        for (const RuleEvent& r : rules) {
            first = std::min(first, r.firstStart);
            last = std::max(last, r.lastStart);
            for (const auto& [original, e] : r.overrides) {
                first = std::min({first, original, e->appointment.startTime});
                last = std::max({last, original, e->appointment.endTime});
            }
        }
        // A day on either side covers the events' ends and wall-clock dates.
        out.timeZone(zone, first.addDays(-1), last.addDays(2));
    }
    EventText text(practice, settings, seesMeetingLinks);
    for (const RuleEvent& r : rules)
        writeRule(out, text, zone, r);
    for (const Entry* e : singles)
        writeSingle(out, text, *e);
    out.end("VCALENDAR");
    return out.text();
}

} // namespace mss::server
