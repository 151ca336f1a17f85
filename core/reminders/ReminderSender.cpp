#include "reminders/ReminderSender.h"

#include "reminders/Invitation.h"

#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "reminders/MessageTemplates.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>

Q_LOGGING_CATEGORY(lcReminders, "mss.reminders", QtInfoMsg)

namespace mss::reminders {

using namespace Qt::StringLiterals;
using domain::Appointment;
using storage::Database;
using storage::RecordKind;
using storage::WriteTransaction;

namespace {

const QString settingsKey = u"reminders"_s;
const QString cursorKey = u"remindersFeedCursor"_s;
// "cancel" is the notice that takes back a sent invitation (Invitation.h).
const auto channels = {"email"_L1, "sms"_L1, "cancel"_L1};

Error err(const Error& e) {
    return Error{ErrorCode::StorageFailure, {}, e.message};
}

// The appointment's reminders as due instants, per channel; none when it is
// not one to remind (cancelled, no-show, rescheduled, completed, started).
// A cancelled or rescheduled one whose emailed invitation went out wants
// the notice that cancels it ("cancel"), at once, while it is ahead.
QList<std::pair<QString, qint64>> wanted(const Appointment& a, qint64 nowMs) {
    QList<std::pair<QString, qint64>> out;
    const qint64 start = a.startTime.toMSecsSinceEpoch();
    if (start <= nowMs)
        return out;
    if (a.status == domain::AppointmentStatus::Cancelled ||
        a.status == domain::AppointmentStatus::Rescheduled) {
        if (a.reminderSettings.email.sent) {
            const QDateTime changed = a.meta.updatedAt.value_or(QDateTime());
            out.append({u"cancel"_s, changed.isValid() ? changed.toMSecsSinceEpoch() : 0});
        }
        return out;
    }
    if (!a.holdsTime() || a.status == domain::AppointmentStatus::Completed)
        return out;
    const auto add = [&](const QString& name, const domain::ReminderChannel& c) {
        if (c.enabled && !c.sent)
            out.append({name, start - qint64(c.timingHours * 3600'000.0)});
    };
    add(u"email"_s, a.reminderSettings.email);
    add(u"sms"_s, a.reminderSettings.sms);
    return out;
}

} // namespace

ReminderSettings loadReminderSettings(storage::RecordStore& records, const Sealer& sealer) {
    const auto stored = records.setting(settingsKey);
    return ReminderSettings::fromStored(stored && *stored ? **stored : QString(), sealer);
}

Result<void> saveReminderSettings(storage::RecordStore& records, const ReminderSettings& settings,
                                  const Sealer& sealer) {
    if (auto r = records.setSetting(settingsKey, settings.toStored(sealer)); !r)
        return std::unexpected(err(r.error()));
    return {};
}

ReminderSender::ReminderSender(Database& db, storage::RecordStore& records, const Clock& clock,
                               Sealer sealer, ConfirmationKey key, AppointmentWriter& writer,
                               QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_records(records)
    , m_clock(clock)
    , m_sealer(std::move(sealer))
    , m_key(std::move(key))
    , m_writer(writer) {
    const auto run = [this] {
        if (auto r = runOnce(); !r)
            qCWarning(lcReminders) << "reminder run failed:" << describe(r.error());
        if (m_afterRun && !stopping())
            m_afterRun();
    };
    connect(&m_timer, &QTimer::timeout, this, run);
    m_soon.setSingleShot(true);
    m_soon.setInterval(50); // a burst of writes makes one run
    connect(&m_soon, &QTimer::timeout, this, run);
}

void ReminderSender::start(int intervalMs) {
    m_timer.start(intervalMs);
    poke();
}

void ReminderSender::poke() {
    if (!m_soon.isActive())
        m_soon.start();
}

void ReminderSender::setStopFlag(const std::atomic<bool>* stop) {
    m_stopFlag = stop;
    m_smtp.setStopFlag(stop);
    m_sms.setStopFlag(stop);
}

qint64 ReminderSender::backoffMs(int attempts) {
    static constexpr qint64 minutes[] = {1, 5, 15, 60};
    const int i = std::clamp(attempts, 1, 4) - 1;
    return minutes[i] * 60'000;
}

Result<ReminderSender::Drained> ReminderSender::runOnce() {
    Drained done;
    if (auto r = followChanges(); !r)
        return std::unexpected(r.error());
    if (!m_caughtUp && !stopping()) {
        // Once a start: a first start over a large practice walks every
        // appointment, and benchmarks wait for this line.
        m_caughtUp = true;
        qCInfo(lcReminders) << "reminders follow the schedule";
    }
    for (;;) {
        const qint64 now = m_clock.now().toMSecsSinceEpoch();
        QList<std::pair<QString, QString>> due;
        {
            QSqlQuery& q = m_db.prepare(
                u"SELECT appointment, channel FROM reminders WHERE "
                "(state IN (0, 3) AND next_attempt_ms <= ?) OR (state = 1 AND claimed_ms <= ?) "
                "ORDER BY next_attempt_ms LIMIT ?"_s);
            q.addBindValue(now);
            q.addBindValue(now - claimTimeoutMs);
            q.addBindValue(batch);
            if (auto r = Database::run(q); !r)
                return std::unexpected(err(r.error()));
            while (q.next())
                due.append({q.value(0).toString(), q.value(1).toString()});
            q.finish();
        }
        if (due.isEmpty())
            break;
        // Read (and the secrets opened) once a batch, not once a message.
        const ReminderSettings settings = loadReminderSettings(m_records, m_sealer);
        int progressed = 0;
        for (qsizetype i = 0; i < due.size() && !stopping(); i += recordEvery)
            sendGroup(due.mid(i, recordEvery), settings, done, progressed);
        if (progressed == 0 || due.size() < batch || stopping())
            break;
    }
    m_db.finishQueries();
    if (done.sent || done.failed)
        qCInfo(lcReminders) << "reminders sent" << done.sent << "failed" << done.failed;
    return done;
}

Result<void> ReminderSender::followChanges() {
    // Derived data, kept up with the change feed without holding up the
    // requests that share the file: each page's appointments are read and
    // decoded before the write transaction, which then holds the lock only
    // for the reminder rows; its commit does not wait for the disk (the
    // cursor is in the same transaction, so what a power cut loses is
    // simply read again); and the thread lets waiting writers in between
    // pages. A first start over a large practice walks every appointment.
    const auto stored = m_records.setting(cursorKey);
    qint64 cursor = stored && *stored ? (*stored)->toLongLong() : 0;
    constexpr int pageSize = 500;
    for (;;) {
        const auto changes = m_records.changesSince(cursor, pageSize);
        if (!changes)
            return std::unexpected(err(changes.error()));
        if (changes->isEmpty())
            return {};
        const qint64 now = m_clock.now().toMSecsSinceEpoch();
        QList<std::pair<QString, Wanted>> plans;
        qint64 last = cursor;
        for (const storage::Change& c : *changes) {
            last = c.seq;
            if (c.kind != RecordKind::Appointment)
                continue;
            auto want = wantedFor(c.id, now);
            if (!want)
                return std::unexpected(want.error());
            plans.append({c.id, std::move(*want)});
        }
        // A change made after these reads has a later seq: the next page
        // reads it again.
        m_db.finishQueries();
        WriteTransaction tx(m_db, WriteTransaction::Durability::Relaxed);
        if (!tx.isActive())
            return std::unexpected(err(tx.beginError()));
        for (const auto& [id, want] : std::as_const(plans)) {
            if (auto r = apply(id, want); !r)
                return r;
        }
        if (auto r = m_records.setSetting(cursorKey, QString::number(last)); !r)
            return std::unexpected(err(r.error()));
        if (auto r = tx.commit(); !r)
            return std::unexpected(err(r.error()));
        cursor = last;
        // A page short of full was all there was when it was read. What
        // was written since poked this thread, which comes back once the
        // burst is over (m_soon): under a steady stream of bookings, going
        // on now would find one change a pass, and take the write lock
        // once more for every booking (docs/performance.md, "PostgreSQL").
        if (stopping() || changes->size() < pageSize)
            return {};
        QThread::yieldCurrentThread();
    }
}

Result<ReminderSender::Wanted> ReminderSender::wantedFor(const QString& id, qint64 nowMs) {
    const auto record = m_records.get(RecordKind::Appointment, id);
    if (!record)
        return std::unexpected(err(record.error()));
    Wanted want;
    if (*record) {
        if (auto a = Appointment::fromJson((*record)->doc, domain::DecodeMode::TypesOnly))
            want = wanted(*a, nowMs);
    }
    return want;
}

Result<void> ReminderSender::apply(const QString& id, const Wanted& want) {
    for (QLatin1StringView channel : channels) {
        const QString name = channel;
        std::optional<qint64> due;
        for (const auto& [c, when] : want)
            if (c == name)
                due = when;
        // Claimed and sent rows stay as they are: the send decides, on the
        // appointment as it is then.
        if (!due) {
            QSqlQuery& q = m_db.prepare(
                u"DELETE FROM reminders WHERE appointment = ? AND channel = ? AND state = 0"_s);
            q.addBindValue(id);
            q.addBindValue(name);
            if (auto r = Database::run(q); !r)
                return std::unexpected(err(r.error()));
            continue;
        }
        QSqlQuery& q = m_db.prepare(
            u"INSERT INTO reminders(appointment, channel, due_ms, state, attempts, "
            "next_attempt_ms) VALUES(?, ?, ?, 0, 0, ?) "
            "ON CONFLICT(appointment, channel) DO UPDATE SET due_ms = excluded.due_ms, "
            "next_attempt_ms = excluded.next_attempt_ms, state = 0, attempts = 0, "
            "last_error = NULL WHERE reminders.state IN (0, 3, 4) AND "
            "reminders.due_ms != excluded.due_ms"_s);
        q.addBindValue(id);
        q.addBindValue(name);
        q.addBindValue(*due);
        q.addBindValue(*due);
        if (auto r = Database::run(q); !r)
            return std::unexpected(err(r.error()));
    }
    return {};
}

ReminderSender::Claim ReminderSender::claimOne(const QString& id, const QString& channel,
                                               const ReminderSettings& s, qint64 now, Prepared& p) {
    QSqlQuery& q =
        m_db.prepare(u"SELECT state, claimed_ms, next_attempt_ms, attempts FROM reminders "
                     "WHERE appointment = ? AND channel = ?"_s);
    q.addBindValue(id);
    q.addBindValue(channel);
    if (!Database::run(q) || !q.next())
        return Claim::NotDue;
    const auto state = ReminderState(q.value(0).toInt());
    const bool eligible =
        ((state == ReminderState::Pending || state == ReminderState::Failed) &&
         q.value(2).toLongLong() <= now) ||
        (state == ReminderState::Claimed && q.value(1).toLongLong() <= now - claimTimeoutMs);
    const int attempts = q.value(3).toInt();
    q.finish();
    if (!eligible)
        return Claim::NotDue;

    const auto record = m_records.get(RecordKind::Appointment, id);
    std::optional<Appointment> a;
    if (record && *record) {
        if (auto parsed = Appointment::fromJson((*record)->doc, domain::DecodeMode::TypesOnly))
            a = *parsed;
    }
    const bool stillWanted = a && std::ranges::any_of(wanted(*a, now), [&](const auto& w) {
                                 return w.first == channel;
                             });
    const auto setState = [&](ReminderState to, const QString& error) {
        QSqlQuery& u = m_db.prepare(
            u"UPDATE reminders SET state = ?, attempts = ?, claimed_ms = ?, last_error = ?, "
            "next_attempt_ms = ? WHERE appointment = ? AND channel = ?"_s);
        u.addBindValue(int(to));
        u.addBindValue(to == ReminderState::Skipped ? attempts : attempts + 1);
        u.addBindValue(now);
        u.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
        u.addBindValue(to == ReminderState::Failed ? now + backoffMs(attempts + 1) : now);
        u.addBindValue(id);
        u.addBindValue(channel);
        return Database::run(u).has_value();
    };
    if (!stillWanted) // cancelled, completed, started or already sent: nothing goes
        return setState(ReminderState::Skipped, {}) ? Claim::Skipped : Claim::Error;

    const auto client = m_records.get(RecordKind::Client, a->client.id.toString());
    const auto provider = m_records.get(RecordKind::Staff, a->provider.id.toString());
    const QJsonObject c = client && *client ? (*client)->doc : QJsonObject();
    const QJsonObject pr = provider && *provider ? (*provider)->doc : QJsonObject();
    const auto zoneName = m_records.setting(u"timeZone"_s);
    QTimeZone zone(zoneName && *zoneName ? (*zoneName)->toUtf8() : QByteArray("UTC"));
    if (!zone.isValid())
        zone = QTimeZone::utc();
    MessageFields f;
    f.clientFirstName = c.value("firstName"_L1).toString();
    f.start = a->startTime;
    f.zone = zone;
    f.providerName =
        QString(pr.value("firstName"_L1).toString() + u' ' + pr.value("lastName"_L1).toString())
            .trimmed();
    f.location = domain::toWire(a->location);
    // The links work until the appointment starts.
    const QString base =
        s.publicBaseUrl.endsWith(u'/') ? s.publicBaseUrl.chopped(1) : s.publicBaseUrl;
    f.confirmLink =
        base + u"/api/v1/public/confirm/"_s + m_key.issue(id, ConfirmAction::Confirm, a->startTime);
    f.declineLink =
        base + u"/api/v1/public/decline/"_s + m_key.issue(id, ConfirmAction::Decline, a->startTime);
    f.practiceName = s.practiceName;
    f.language = c.value("preferredLanguage"_L1).toString() == "es"_L1 ? u"es"_s : u"en"_s;
    f.appointmentType = domain::toWire(a->appointmentType);
    const bool cancel = channel == "cancel"_L1;
    const RenderedMessage m = cancel ? renderCancellation(f) : renderMessage(f, s.templates);
    const QString fromDomain = s.smtpFrom.section(u'@', 1);
    p.id = id;
    p.channel = channel;
    p.attempts = attempts + 1;
    p.email = {c.value("email"_L1).toString(),
               m.subject,
               m.text,
               m.html,
               u"<%1.%2.reminder@%3>"_s.arg(id, channel,
                                            fromDomain.isEmpty() ? u"localhost"_s : fromDomain),
               {},
               {}};
    if (channel != "sms"_L1) {
        // The client's own invitation: the meeting link is theirs to see.
        Invitation invite =
            invitationFor(f, cancel ? Invitation::Method::Cancel : Invitation::Method::Request);
        invite.appointmentId = id;
        invite.sequence = a->meta.version.value_or(0);
        invite.end = a->endTime.toUTC();
        invite.stamp = m_clock.now();
        // The meeting link is sealed apart from the document (server/Practice).
        QString link;
        if (record && *record && !(*record)->secret.isEmpty()) {
            if (const auto secret = m_sealer.open((*record)->secret))
                link = QJsonDocument::fromJson(*secret)
                           .object()
                           .value("virtualMeetingLink"_L1)
                           .toString();
        }
        invite.location = link.isEmpty() ? f.practiceName : link;
        invite.organizerEmail = s.smtpFrom;
        invite.attendeeEmail = p.email.to;
        invite.attendeeName =
            QString(c.value("firstName"_L1).toString() + u' ' + c.value("lastName"_L1).toString())
                .trimmed();
        p.email.invitation = invite.text();
        p.email.invitationMethod = cancel ? "CANCEL" : "REQUEST";
    }
    p.smsTo = c.value("phone"_L1).toString();
    p.smsBody = m.sms;
    const bool noAddress = channel != "sms"_L1 ? p.email.to.isEmpty() : p.smsTo.isEmpty();
    if (noAddress)
        return setState(ReminderState::Failed, u"the client has no %1"_s.arg(
                                                   channel == "email"_L1 ? u"email"_s : u"phone"_s))
                   ? Claim::Failed
                   : Claim::Error;
    return setState(ReminderState::Claimed, {}) ? Claim::Send : Claim::Error;
}

bool ReminderSender::record(const QList<Sent>& outcomes, WriteTransaction::Durability durability) {
    if (outcomes.isEmpty())
        return true;
    WriteTransaction tx(m_db, durability);
    if (!tx.isActive())
        return false; // the claims time out and those sends are retried
    const QDateTime nowTime = m_clock.now();
    const qint64 now = nowTime.toMSecsSinceEpoch();
    for (const Sent& o : outcomes) {
        const Prepared& p = o.message;
        if (o.released) {
            // Never handed to the transport (the server stops): due again at
            // once, not after a crashed claim's 5 minutes.
            QSqlQuery& u = m_db.prepare(u"UPDATE reminders SET state = ?, attempts = ? "
                                        "WHERE appointment = ? AND channel = ?"_s);
            u.addBindValue(int(ReminderState::Pending));
            u.addBindValue(p.attempts - 1);
            u.addBindValue(p.id);
            u.addBindValue(p.channel);
            if (!Database::run(u))
                return false;
            continue;
        }
        const bool ok = o.result.has_value();
        QSqlQuery& u = m_db.prepare(
            u"UPDATE reminders SET state = ?, last_error = ?, next_attempt_ms = ?, sent_ms = ? "
            "WHERE appointment = ? AND channel = ?"_s);
        u.addBindValue(int(ok ? ReminderState::Sent : ReminderState::Failed));
        u.addBindValue(ok ? QVariant() : QVariant(describe(o.result.error())));
        u.addBindValue(ok ? now : now + backoffMs(p.attempts));
        u.addBindValue(ok ? QVariant(now) : QVariant());
        u.addBindValue(p.id);
        u.addBindValue(p.channel);
        if (!Database::run(u))
            return false;
        if (!ok) {
            // The error names the transport's failure, never an address.
            qCWarning(lcReminders)
                << p.channel << "reminder of" << p.id << "failed:" << describe(o.result.error());
            continue;
        }
        if (p.channel == "cancel"_L1)
            continue; // the appointment keeps what it says: it is cancelled
        const auto written = m_writer.update(
            p.id,
            [&](QJsonObject& doc) {
                QJsonObject settings = doc.value("reminderSettings"_L1).toObject();
                QJsonObject one = settings.value(p.channel).toObject();
                one.insert("sent"_L1, true);
                one.insert("sentAt"_L1, toWireTime(nowTime));
                settings.insert(p.channel, one);
                doc.insert("reminderSettings"_L1, settings);
                const QString status = doc.value("confirmationStatus"_L1).toString();
                // A client who already answered keeps the answer.
                if (status != "Confirmed"_L1 && status != "Declined"_L1)
                    doc.insert("confirmationStatus"_L1, u"Sent"_s);
                if (!doc.contains("confirmationSentAt"_L1) ||
                    doc.value("confirmationSentAt"_L1).isNull())
                    doc.insert("confirmationSentAt"_L1, toWireTime(nowTime));
            },
            u"appointment.reminder"_s);
        if (!written)
            qCWarning(lcReminders)
                << "cannot record a sent reminder on" << p.id << describe(written.error());
    }
    return tx.commit().has_value();
}

void ReminderSender::sendGroup(const QList<std::pair<QString, QString>>& group,
                               const ReminderSettings& s, Drained& done, int& progressed) {
    // Claim: only one sender (of this thread or another process) gets each.
    QList<Prepared> toSend;
    {
        WriteTransaction tx(m_db);
        if (!tx.isActive())
            return;
        const qint64 now = m_clock.now().toMSecsSinceEpoch();
        Drained decided;
        for (const auto& [appointment, channel] : group) {
            Prepared p;
            switch (claimOne(appointment, channel, s, now, p)) {
            case Claim::Send:
                toSend.append(std::move(p));
                break;
            case Claim::Skipped:
                ++decided.skipped;
                break;
            case Claim::Failed:
                ++decided.failed;
                break;
            case Claim::NotDue:
                break;
            case Claim::Error:
                return; // rolled back: nothing claimed
            }
        }
        if (!tx.commit())
            return;
        done.skipped += decided.skipped;
        done.failed += decided.failed;
        progressed += decided.skipped + decided.failed;
    }

    // Send, and record what happened after each message, so a process that
    // dies resends (same Message-ID) at most the one message it was sending.
    // Those commits do not wait for the disk (a WAL commit survives the
    // process); every recordEvery messages or recordEveryMs one does, and
    // takes the ones before it to the disk too: a power cut resends at most
    // the messages of that last moment.
    QList<Sent> outcomes;
    QElapsedTimer sinceDurable;
    sinceDurable.start();
    int relaxed = 0;
    const auto flush = [&] {
        const bool durable = ++relaxed >= recordEvery || sinceDurable.elapsed() >= recordEveryMs;
        if (record(outcomes, durable ? WriteTransaction::Durability::Durable
                                     : WriteTransaction::Durability::Relaxed)) {
            for (const Sent& o : std::as_const(outcomes)) {
                if (o.released)
                    continue;
                ++progressed;
                o.result ? ++done.sent : ++done.failed;
            }
        } else if (!outcomes.isEmpty()) {
            // Their claims stay: tried again in claimTimeoutMs, a sent one
            // then a second time (same Message-ID), as after a crash.
            qCWarning(lcReminders) << "cannot record" << outcomes.size() << "reminder outcomes";
        }
        outcomes.clear();
        if (durable) {
            relaxed = 0;
            sinceDurable.restart();
        }
    };
    for (Prepared& p : toSend) {
        if (stopping()) {
            outcomes.append({std::move(p), {}, true});
            continue;
        }
        auto result = p.channel != "sms"_L1 ? m_smtp.send(s, p.email)
                                            : m_sms.send(s, p.smsTo, p.smsBody, p.id + u"-sms"_s);
        outcomes.append({std::move(p), std::move(result), false});
        flush();
    }
    flush(); // the released ones
}

} // namespace mss::reminders
