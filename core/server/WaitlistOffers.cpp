#include "server/WaitlistOffers.h"

#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "domain/WaitlistEntry.h"
#include "reminders/MessageTemplates.h"
#include "reminders/ReminderSender.h"
#include "scheduling/WaitlistMatch.h"
#include "server/RecordRoutes.h"
#include "server/ServerAppointmentWriter.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcOffers, "mss.waitlist", QtInfoMsg)

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::WaitlistEntry;
using domain::WaitlistStatus;
using scheduling::TimeRange;
using storage::Database;
using storage::RecordKind;
using storage::WriteTransaction;

namespace {

Error err(const Error& e) {
    return Error{ErrorCode::StorageFailure, {}, e.message};
}

QDateTime utcMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

// Whether the entry is Offered this offer's time (the desk may have
// released it, removed the entry or changed it since).
bool holdsOffer(const WaitlistEntry& e, const QString& provider, qint64 start) {
    return e.status == WaitlistStatus::Offered && e.offer &&
           e.offer->provider.toString() == provider &&
           e.offer->startTime.toMSecsSinceEpoch() == start;
}

std::optional<WaitlistEntry> readEntry(storage::RecordStore& records, const QString& id) {
    const auto record = records.get(RecordKind::WaitlistEntry, id);
    if (!record || !*record)
        return std::nullopt;
    auto e = WaitlistEntry::fromJson((*record)->doc, domain::DecodeMode::TypesOnly);
    return e ? std::optional(*e) : std::nullopt;
}

// The entry waits again, without its offer.
Result<void> entryWaits(Practice& p, const QString& entry, const QString& action) {
    return updateAsServer(
        p, RecordKind::WaitlistEntry, entry,
        [](QJsonObject& doc) {
            doc.insert("status"_L1, toWire(WaitlistStatus::Waiting));
            doc.insert("offer"_L1, QJsonValue::Null);
        },
        action);
}

Result<void> setOfferState(Database& db, const QString& id, OfferState state,
                           const QVariant& error = {}) {
    QSqlQuery& q =
        db.prepare(u"UPDATE waitlist_offers SET state = ?, last_error = ? WHERE id = ?"_s);
    q.addBindValue(int(state));
    q.addBindValue(error.isNull() ? QVariant(QMetaType(QMetaType::QString)) : error);
    q.addBindValue(id);
    if (auto r = Database::run(q); !r)
        return std::unexpected(err(r.error()));
    return {};
}

Result<void> setSlotState(Database& db, const QString& id, SlotState state) {
    QSqlQuery& q = db.prepare(u"UPDATE freed_slots SET state = ? WHERE id = ?"_s);
    q.addBindValue(int(state));
    q.addBindValue(id);
    if (auto r = Database::run(q); !r)
        return std::unexpected(err(r.error()));
    return {};
}

// The channels that reach the client: their address and the practice's
// transport; none for a client who opted out.
QStringList channelsFor(const QJsonObject& client, const reminders::ReminderSettings& s) {
    QStringList out;
    if (client.value("waitlistOffersOptOut"_L1).toBool())
        return out;
    if (s.emailConfigured() && reminders::isEmailAddress(client.value("email"_L1).toString()))
        out << u"email"_s;
    if (s.smsConfigured() && !client.value("phone"_L1).toString().trimmed().isEmpty())
        out << u"sms"_s;
    return out;
}

} // namespace

WaitlistOfferSender::WaitlistOfferSender(Practice& practice, reminders::ConfirmationKey key)
    : m_practice(practice)
    , m_key(std::move(key)) {}

void WaitlistOfferSender::setStopFlag(const std::atomic<bool>* stop) {
    m_stop = stop;
    m_smtp.setStopFlag(stop);
    m_sms.setStopFlag(stop);
}

Result<WaitlistOfferSender::Done> WaitlistOfferSender::runOnce() {
    Done done;
    const reminders::Sealer sealer{
        [this](const QByteArray& v) { return m_practice.secrets().seal(v); },
        [this](const QByteArray& v) { return m_practice.secrets().open(v); }};
    // A declined, expired or failed offer reopens its slot for the next
    // entry, so a few rounds may follow one another; each makes progress.
    const auto work = hasWork();
    if (!work)
        return std::unexpected(work.error());
    for (int round = 0; *work && round < 50 && !stopping(); ++round) {
        const reminders::ReminderSettings s =
            reminders::loadReminderSettings(m_practice.records(), sealer);
        const qint64 now = m_practice.clock().now().toMSecsSinceEpoch();
        const auto settled = settle(s, now);
        if (!settled)
            return std::unexpected(settled.error());
        done.settled += *settled;
        const auto claimed = claim(s, now);
        if (!claimed)
            return std::unexpected(claimed.error());
        for (const Prepared& p : *claimed) {
            if (stopping()) {
                if (auto r = record(p, std::nullopt, true); !r)
                    return std::unexpected(r.error());
                continue;
            }
            QStringList errors;
            int delivered = 0;
            for (const QString& channel : p.channels) {
                const auto sent = channel == "email"_L1
                                      ? m_smtp.send(s, p.email)
                                      : m_sms.send(s, p.smsTo, p.smsBody, p.offerId + u"-offer"_s);
                sent ? ++delivered : (errors << channel + u": "_s + describe(sent.error()), 0);
            }
            const std::optional<QString> error =
                delivered > 0 ? std::nullopt : std::optional(errors.join(u"; "_s));
            if (auto r = record(p, error, false); !r)
                return std::unexpected(r.error());
            error ? ++done.failed : ++done.sent;
        }
        m_practice.db().finishQueries();
        if (*settled == 0 && claimed->isEmpty())
            break;
    }
    if (done.sent || done.failed)
        qCInfo(lcOffers) << "waitlist offers sent" << done.sent << "failed" << done.failed;
    return done;
}

Result<bool> WaitlistOfferSender::hasWork() {
    Database& db = m_practice.db();
    QSqlQuery& q =
        db.prepare(u"SELECT EXISTS (SELECT 1 FROM waitlist_offers WHERE state IN (?, ?, ?)), "
                   "EXISTS (SELECT 1 FROM freed_slots WHERE state = ?)"_s);
    q.addBindValue(int(OfferState::ToSend));
    q.addBindValue(int(OfferState::Claimed));
    q.addBindValue(int(OfferState::Sent));
    q.addBindValue(int(SlotState::Open));
    if (auto r = Database::run(q); !r)
        return std::unexpected(err(r.error()));
    const bool work = q.next() && (q.value(0).toBool() || q.value(1).toBool());
    q.finish();
    return work;
}

Result<int> WaitlistOfferSender::settle(const reminders::ReminderSettings& s, qint64 now) {
    Database& db = m_practice.db();
    WriteTransaction tx(db);
    if (!tx.isActive())
        return std::unexpected(err(tx.beginError()));
    int changed = 0;

    // The offers out: expired, withdrawn by the desk, or taken by a booking.
    struct Out {
        QString id, slot, entry, client, provider;
        qint64 start = 0, end = 0, heldUntil = 0;
    };
    QList<Out> out;
    {
        QSqlQuery& q =
            db.prepare(u"SELECT id, slot, entry, client, provider, start_ms, end_ms, held_until_ms "
                       "FROM waitlist_offers WHERE state IN (?, ?, ?)"_s);
        q.addBindValue(int(OfferState::ToSend));
        q.addBindValue(int(OfferState::Claimed));
        q.addBindValue(int(OfferState::Sent));
        if (auto r = Database::run(q); !r)
            return std::unexpected(err(r.error()));
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                        q.value(6).toLongLong(), q.value(7).toLongLong()});
        q.finish();
    }
    for (const Out& o : std::as_const(out)) {
        const auto entry = readEntry(m_practice.records(), o.entry);
        const bool holds = entry && holdsOffer(*entry, o.provider, o.start);
        // A booking over the offered time (the desk's, after a release, or
        // the client's own) withdraws the offer and ends the slot's turn.
        const auto booked = m_practice.records().appointmentsBetween(o.provider, false,
                                                                     utcMs(o.start), utcMs(o.end));
        if (!booked)
            return std::unexpected(err(booked.error()));
        std::optional<SlotState> slot;
        std::optional<OfferState> state;
        QString action;
        if (!booked->isEmpty()) {
            state = OfferState::Withdrawn;
            slot = SlotState::Done;
            action = u"waitlist.offerWithdraw"_s;
        } else if (!holds) {
            // Released by the desk (it wants the time): the slot is the
            // desk's. Removed, expired or otherwise changed: the next one.
            state = OfferState::Withdrawn;
            slot = entry && entry->status == WaitlistStatus::Waiting ? SlotState::Done
                                                                     : SlotState::Open;
        } else if (o.heldUntil <= now) {
            state = OfferState::Expired;
            slot = SlotState::Open;
            action = u"waitlist.offerExpire"_s;
        }
        if (!state)
            continue;
        if (auto r = setOfferState(db, o.id, *state); !r)
            return std::unexpected(r.error());
        if (auto r = setSlotState(db, o.slot, *slot); !r)
            return std::unexpected(r.error());
        if (holds && !action.isEmpty()) {
            if (auto r = entryWaits(m_practice, o.entry, action); !r)
                return std::unexpected(r.error());
        }
        ++changed;
    }

    // The open slots: closed at the cut-off, else offered to the best fit.
    struct Open {
        QString id, provider;
        qint64 start = 0, end = 0;
    };
    QList<Open> open;
    {
        QSqlQuery& q = db.prepare(u"SELECT id, provider, start_ms, end_ms FROM freed_slots "
                                  "WHERE state = ? ORDER BY start_ms"_s);
        q.addBindValue(int(SlotState::Open));
        if (auto r = Database::run(q); !r)
            return std::unexpected(err(r.error()));
        while (q.next())
            open.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                         q.value(3).toLongLong()});
        q.finish();
    }
    for (const Open& slot : std::as_const(open)) {
        const auto offered = offerSlot(slot.id, slot.provider, slot.start, slot.end, s, now);
        if (!offered)
            return std::unexpected(offered.error());
        ++changed;
    }
    if (auto r = tx.commit(); !r)
        return std::unexpected(err(r.error()));
    return changed;
}

Result<int> WaitlistOfferSender::offerSlot(const QString& slotId, const QString& provider,
                                           qint64 start, qint64 end,
                                           const reminders::ReminderSettings& s, qint64 now) {
    Database& db = m_practice.db();
    storage::RecordStore& records = m_practice.records();
    const qint64 cutoff = start - qint64(s.waitlistOfferCutoffMinutes) * 60'000;
    if (now >= cutoff) {
        if (auto r = setSlotState(db, slotId, SlotState::Done); !r)
            return std::unexpected(r.error());
        return 0;
    }

    // What of the slot is still free: the provider's bookings and the
    // other entries' holds taken out.
    QList<TimeRange> busy;
    const auto booked = records.appointmentsBetween(provider, false, utcMs(start), utcMs(end));
    if (!booked)
        return std::unexpected(err(booked.error()));
    for (const storage::StoredRecord& r : *booked) {
        if (auto a = domain::Appointment::fromJson(r.doc, domain::DecodeMode::TypesOnly))
            busy.append(TimeRange::of(a->startTime, a->endTime));
    }
    // Waiting entries, each with the offers of this slot it already had
    // (declined, expired, failed) left out; Offered ones hold their time.
    QList<WaitlistEntry> entries;
    {
        QStringList had;
        QSqlQuery& q = db.prepare(u"SELECT entry FROM waitlist_offers WHERE slot = ?"_s);
        q.addBindValue(slotId);
        if (auto r = Database::run(q); !r)
            return std::unexpected(err(r.error()));
        while (q.next())
            had << q.value(0).toString();
        q.finish();
        for (int page = 1;; ++page) {
            storage::ListQuery query;
            query.conditions = {
                {u"status"_s,
                 storage::Condition::Op::In,
                 {toWire(WaitlistStatus::Waiting), toWire(WaitlistStatus::Offered)}}};
            query.limit = 500;
            query.page = page;
            const auto list = records.list(RecordKind::WaitlistEntry, query);
            if (!list)
                return std::unexpected(err(list.error()));
            for (const storage::StoredRecord& r : list->records) {
                auto e = WaitlistEntry::fromJson(r.doc, domain::DecodeMode::TypesOnly);
                if (!e)
                    continue;
                if (e->holdsSlotAt(utcMs(now)) && e->offer->provider.toString() == provider)
                    busy.append(TimeRange::of(e->offer->startTime, e->offer->endTime));
                if (e->status == WaitlistStatus::Waiting && !had.contains(r.id))
                    entries.append(std::move(*e));
            }
            if (list->records.size() < query.limit)
                break;
        }
    }
    const QList<TimeRange> free =
        scheduling::subtract({TimeRange{std::max(start, now), end}}, scheduling::normalized(busy));

    QList<domain::ProviderAvailability> availability;
    if (const auto blocks =
            records.byColumn(RecordKind::ProviderAvailability, u"provider"_s, provider)) {
        for (const auto& r : *blocks) {
            if (auto a =
                    domain::ProviderAvailability::fromJson(r.doc, domain::DecodeMode::TypesOnly))
                availability.append(*a);
        }
    } else {
        return std::unexpected(err(blocks.error()));
    }
    QHash<domain::ObjectId, QList<TimeRange>> clientBookings;
    for (const WaitlistEntry& e : std::as_const(entries)) {
        if (clientBookings.contains(e.client.id))
            continue;
        const auto theirs =
            records.appointmentsBetween(e.client.id.toString(), true, utcMs(start), utcMs(end));
        if (!theirs)
            return std::unexpected(err(theirs.error()));
        QList<TimeRange>& ranges = clientBookings[e.client.id];
        for (const storage::StoredRecord& r : *theirs) {
            if (auto a = domain::Appointment::fromJson(r.doc, domain::DecodeMode::TypesOnly))
                ranges.append(TimeRange::of(a->startTime, a->endTime));
        }
    }
    // The best entry over every free part of the slot, then the earliest.
    struct Candidate {
        qsizetype index;
        TimeRange time;
    };
    QList<Candidate> candidates;
    const QTimeZone zone = m_practice.timeZone();
    for (const TimeRange& part : free) {
        scheduling::WaitlistMatchInput input;
        input.slot = {domain::ObjectId::fromString(provider).value_or(domain::ObjectId{}),
                      part.startTime(), part.endTime(), std::nullopt};
        input.availability = availability;
        input.zone = zone;
        input.entries = entries;
        input.clientBookings = &clientBookings;
        input.now = utcMs(now);
        for (const scheduling::WaitlistFit& fit : scheduling::matchWaitlist(input)) {
            if (std::ranges::none_of(candidates,
                                     [&](const Candidate& c) { return c.index == fit.index; }))
                candidates.append({fit.index, fit.time});
        }
    }
    std::ranges::stable_sort(candidates, [&](const Candidate& a, const Candidate& b) {
        return scheduling::ranksBefore(entries.at(a.index), entries.at(b.index));
    });

    for (const Candidate& c : std::as_const(candidates)) {
        const WaitlistEntry& e = entries.at(c.index);
        const auto client = records.get(RecordKind::Client, e.client.id.toString());
        if (!client)
            return std::unexpected(err(client.error()));
        const QStringList channels = *client ? channelsFor((**client).doc, s) : QStringList();
        const qint64 heldUntil =
            std::min(now + qint64(s.waitlistOfferHoldMinutes) * 60'000, c.time.start);
        const QString offerId = domain::ObjectId::generate(m_practice.clock()).toString();
        QSqlQuery& q = db.prepare(
            u"INSERT INTO waitlist_offers(id, slot, entry, client, provider, start_ms, end_ms, "
            "held_until_ms, state, attempts, channels) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"_s);
        q.addBindValue(offerId);
        q.addBindValue(slotId);
        q.addBindValue(e.id().toString());
        q.addBindValue(e.client.id.toString());
        q.addBindValue(provider);
        q.addBindValue(c.time.start);
        q.addBindValue(c.time.end);
        q.addBindValue(heldUntil);
        q.addBindValue(int(channels.isEmpty() ? OfferState::Skipped : OfferState::ToSend));
        q.addBindValue(channels.join(u','));
        if (auto r = Database::run(q); !r)
            return std::unexpected(err(r.error()));
        if (channels.isEmpty())
            continue; // nothing may reach them: the next entry
        // The entry holds the time from now on: the desk shows the hold, and
        // a booking by anyone else is refused (SLOT_HELD).
        if (auto r = updateAsServer(
                m_practice, RecordKind::WaitlistEntry, e.id().toString(),
                [&](QJsonObject& doc) {
                    doc.insert("status"_L1, toWire(WaitlistStatus::Offered));
                    doc.insert("offer"_L1,
                               QJsonObject{{"startTime"_L1, toWireTime(c.time.startTime())},
                                           {"endTime"_L1, toWireTime(c.time.endTime())},
                                           {"provider"_L1, provider},
                                           {"heldUntil"_L1, toWireTime(utcMs(heldUntil))},
                                           {"sentAt"_L1, QJsonValue::Null},
                                           {"channels"_L1, QJsonArray::fromStringList(channels)}});
                },
                u"waitlist.offer"_s);
            !r)
            return std::unexpected(r.error());
        if (auto r = setSlotState(db, slotId, SlotState::Offering); !r)
            return std::unexpected(r.error());
        return 1;
    }
    // Nobody fits (or nobody can be reached): the slot's turn ends.
    if (auto r = setSlotState(db, slotId, SlotState::Done); !r)
        return std::unexpected(r.error());
    return 0;
}

Result<QList<WaitlistOfferSender::Prepared>>
WaitlistOfferSender::claim(const reminders::ReminderSettings& s, qint64 now) {
    Database& db = m_practice.db();
    storage::RecordStore& records = m_practice.records();
    QList<Prepared> out;
    WriteTransaction tx(db);
    if (!tx.isActive())
        return std::unexpected(err(tx.beginError()));
    struct Row {
        QString id, entry, client, provider, channels;
        qint64 start = 0, end = 0, heldUntil = 0;
    };
    QList<Row> rows;
    {
        // Claimed and not recorded for the reminders' claim timeout: a
        // crash's, sent again (same Message-ID).
        QSqlQuery& q = db.prepare(
            u"SELECT id, entry, client, provider, channels, start_ms, end_ms, held_until_ms "
            "FROM waitlist_offers WHERE state = ? OR (state = ? AND claimed_ms <= ?) "
            "ORDER BY start_ms LIMIT 50"_s);
        q.addBindValue(int(OfferState::ToSend));
        q.addBindValue(int(OfferState::Claimed));
        q.addBindValue(now - reminders::ReminderSender::claimTimeoutMs);
        if (auto r = Database::run(q); !r)
            return std::unexpected(err(r.error()));
        while (q.next())
            rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                         q.value(6).toLongLong(), q.value(7).toLongLong()});
        q.finish();
    }
    const QTimeZone zone = m_practice.timeZone();
    const QString base =
        s.publicBaseUrl.endsWith(u'/') ? s.publicBaseUrl.chopped(1) : s.publicBaseUrl;
    const QString fromDomain = s.smtpFrom.section(u'@', 1);
    for (const Row& row : std::as_const(rows)) {
        const auto client = records.get(RecordKind::Client, row.client);
        const auto staff = records.get(RecordKind::Staff, row.provider);
        const auto entry = readEntry(records, row.entry);
        if (!client || !staff)
            return std::unexpected(
                Error{ErrorCode::NotFound, {}, u"cannot read the offer's client or provider"_s});
        if (!entry || !holdsOffer(*entry, row.provider, row.start))
            continue; // settle() withdraws it
        const QJsonObject c = *client ? (**client).doc : QJsonObject();
        const QJsonObject pr = *staff ? (**staff).doc : QJsonObject();
        reminders::MessageFields f;
        f.clientFirstName = c.value("firstName"_L1).toString();
        f.start = utcMs(row.start);
        f.zone = zone;
        f.providerName =
            QString(pr.value("firstName"_L1).toString() + u' ' + pr.value("lastName"_L1).toString())
                .trimmed();
        f.location = domain::toWire(entry->location);
        f.practiceName = s.practiceName;
        f.language = c.value("preferredLanguage"_L1).toString() == "es"_L1 ? u"es"_s : u"en"_s;
        // The page works until the slot starts; what it offers ends with
        // the hold.
        f.offerLink = base + u"/api/v1/public/offer/"_s +
                      m_key.issue(row.id, reminders::ConfirmAction::Offer, utcMs(row.start));
        f.heldUntil = utcMs(row.heldUntil);
        const reminders::RenderedMessage m = reminders::renderWaitlistOffer(f, s.templates);
        Prepared p;
        p.offerId = row.id;
        p.channels = row.channels.split(u',', Qt::SkipEmptyParts);
        p.email = {
            c.value("email"_L1).toString(),
            m.subject,
            m.text,
            m.html,
            u"<%1.offer@%2>"_s.arg(row.id, fromDomain.isEmpty() ? u"localhost"_s : fromDomain),
            {},
            {}};
        p.smsTo = c.value("phone"_L1).toString();
        p.smsBody = m.sms;
        // Conditional, so that of two senders on one database (two server
        // processes) only one claims it.
        QSqlQuery& u = db.prepare(
            u"UPDATE waitlist_offers SET state = ?, claimed_ms = ?, attempts = attempts + 1 "
            "WHERE id = ? AND (state = ? OR (state = ? AND claimed_ms <= ?))"_s);
        u.addBindValue(int(OfferState::Claimed));
        u.addBindValue(now);
        u.addBindValue(row.id);
        u.addBindValue(int(OfferState::ToSend));
        u.addBindValue(int(OfferState::Claimed));
        u.addBindValue(now - reminders::ReminderSender::claimTimeoutMs);
        if (auto r = Database::run(u); !r)
            return std::unexpected(err(r.error()));
        if (u.numRowsAffected() == 1)
            out.append(std::move(p));
    }
    if (auto r = tx.commit(); !r)
        return std::unexpected(err(r.error()));
    return out;
}

Result<void> WaitlistOfferSender::record(const Prepared& p, const std::optional<QString>& error,
                                         bool released) {
    Database& db = m_practice.db();
    WriteTransaction tx(db);
    if (!tx.isActive())
        return std::unexpected(err(tx.beginError())); // the claim times out
    const QDateTime now = m_practice.clock().now();
    QString entry, slot, provider;
    qint64 start = 0;
    {
        QSqlQuery& q = db.prepare(
            u"SELECT entry, slot, provider, start_ms, state FROM waitlist_offers WHERE id = ?"_s);
        q.addBindValue(p.offerId);
        if (auto r = Database::run(q); !r)
            return std::unexpected(err(r.error()));
        if (!q.next() || q.value(4).toInt() != int(OfferState::Claimed)) {
            q.finish();
            return {}; // answered or withdrawn meanwhile
        }
        entry = q.value(0).toString();
        slot = q.value(1).toString();
        provider = q.value(2).toString();
        start = q.value(3).toLongLong();
        q.finish();
    }
    if (released) {
        // Never handed to a transport (the server stops): due again at once.
        QSqlQuery& u = db.prepare(u"UPDATE waitlist_offers SET state = ?, "
                                  "attempts = attempts - 1 WHERE id = ?"_s);
        u.addBindValue(int(OfferState::ToSend));
        u.addBindValue(p.offerId);
        if (auto r = Database::run(u); !r)
            return std::unexpected(err(r.error()));
    } else if (error) {
        // The error names the transports' failures, never an address.
        qCWarning(lcOffers) << "waitlist offer" << p.offerId << "failed:" << *error;
        if (auto r = setOfferState(db, p.offerId, OfferState::Failed, *error); !r)
            return r;
        if (auto r = setSlotState(db, slot, SlotState::Open); !r)
            return r;
        const auto e = readEntry(m_practice.records(), entry);
        if (e && holdsOffer(*e, provider, start)) {
            if (auto r = entryWaits(m_practice, entry, u"waitlist.offerFail"_s); !r)
                return r;
        }
    } else {
        QSqlQuery& u =
            db.prepare(u"UPDATE waitlist_offers SET state = ?, sent_ms = ? WHERE id = ?"_s);
        u.addBindValue(int(OfferState::Sent));
        u.addBindValue(now.toMSecsSinceEpoch());
        u.addBindValue(p.offerId);
        if (auto r = Database::run(u); !r)
            return std::unexpected(err(r.error()));
        const auto e = readEntry(m_practice.records(), entry);
        if (e && holdsOffer(*e, provider, start)) {
            if (auto r = updateAsServer(
                    m_practice, RecordKind::WaitlistEntry, entry,
                    [&](QJsonObject& doc) {
                        QJsonObject offer = doc.value("offer"_L1).toObject();
                        offer.insert("sentAt"_L1, toWireTime(now));
                        doc.insert("offer"_L1, offer);
                    },
                    u"waitlist.offerSent"_s);
                !r)
                return r;
        }
    }
    if (auto r = tx.commit(); !r)
        return std::unexpected(err(r.error()));
    return {};
}

} // namespace mss::server
