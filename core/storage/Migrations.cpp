#include "storage/Migrations.h"

#include "domain/Enums.h"
#include "domain/Limits.h"

#include <QStringList>

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

// What only the server keeps: sessions, idempotent answers, the audit log.
QStringList serverTableStatements() {
    return {
        uR"(CREATE TABLE sessions(
                token_hash TEXT PRIMARY KEY, staff TEXT NOT NULL,
                created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL))"_s,
        u"CREATE INDEX sessions_staff ON sessions(staff)"_s,
        uR"(CREATE TABLE idempotency(
                staff TEXT NOT NULL, key TEXT NOT NULL, request TEXT NOT NULL,
                status INTEGER NOT NULL, body BLOB NOT NULL, created_ms INTEGER NOT NULL,
                PRIMARY KEY(staff, key)))"_s,
        // The hash chain covers the whole entry: hash = SHA-256(prev_hash
        // + doc), doc being the entry's compact JSON (see AuditLog).
        uR"(CREATE TABLE audit_log(
                seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, at_ms INTEGER NOT NULL,
                actor TEXT NOT NULL, action TEXT NOT NULL, doc TEXT NOT NULL,
                prev_hash TEXT NOT NULL, hash TEXT NOT NULL))"_s,
        u"CREATE INDEX audit_log_at ON audit_log(at_ms)"_s,
    };
}

// Step 7: PostgreSQL itself refuses two appointments that DESIGN.md's rule
// says conflict, so that no server process (or anything else writing to the
// database) can store them, whatever the timing. SQLite has no exclusion
// constraints: its one server's check, inside BEGIN IMMEDIATE, is all there
// is, and the step is empty there.
//
// Two columns make one constraint per side say the rule exactly:
// - holds_time: the appointment holds its time exclusively: its status is
//   not Cancelled, No-Show or Rescheduled, and checked_free, which the
//   server sets when its booking check found the time free (false when a
//   role booked over others with allowOverlap, or on the plain contract,
//   which checks nothing). A row stored without it (by another program)
//   takes no part. An allowOverlap booking so never makes a later edit of
//   the appointment it was booked over fail.
// - overlap_key: the same for Group Therapy sessions of one provider with
//   the same start and end (one session), the id otherwise; the constraint
//   refuses only rows whose keys differ.
// Ranges are '[)': touching is not overlapping. Existing rows are backfilled:
// a row that overlaps an earlier one (booked with allowOverlap before this
// step) does not hold its time exclusively, so the constraints can be added.
} // namespace

// The UPDATE of step 7 that marks each appointment booked over an earlier
// one (by id) as such (checked_free false) and every other as holding its
// time: two rows holding time never overlap after it.
QString checkedFreeBackfill() {
    const QString statuses = u"3, 4, 5"_s; // Cancelled, No-Show, Rescheduled
    static_assert(int(domain::AppointmentStatus::Cancelled) == 3 &&
                  int(domain::AppointmentStatus::NoShow) == 4 &&
                  int(domain::AppointmentStatus::Rescheduled) == 5);
    const int group = int(domain::AppointmentType::GroupTherapy);
    const qint64 longest = qint64(domain::maxAppointmentMinutes) * 60'000;
    const auto earlierOverlap = [&](const QString& who) {
        return uR"(EXISTS (SELECT 1 FROM appointments b WHERE b.%1 = a.%1 AND b.id < a.id
                       AND b.status NOT IN (%2) AND b.start_ms > a.start_ms - %3
                       AND b.start_ms < a.end_ms AND b.end_ms > a.start_ms
                       AND NOT (a.type = %4 AND b.type = %4 AND a.provider = b.provider
                                AND a.start_ms = b.start_ms AND a.end_ms = b.end_ms)))"_s
            .arg(who, statuses)
            .arg(longest)
            .arg(group);
    };
    return u"UPDATE appointments a SET checked_free = NOT (%1 OR %2)"_s.arg(
        earlierOverlap(u"provider"_s), earlierOverlap(u"client"_s));
}

namespace {

QStringList noOverlapStatements() {
    const QString statuses = u"3, 4, 5"_s; // Cancelled, No-Show, Rescheduled
    const int group = int(domain::AppointmentType::GroupTherapy);
    const auto exclusion = [](const QString& who) {
        return uR"(ALTER TABLE appointments ADD CONSTRAINT appointments_%1_no_overlap
                   EXCLUDE USING gist (%1 WITH =,
                       tstzrange(to_timestamp(start_ms / 1000.0), to_timestamp(end_ms / 1000.0),
                                 '[)') WITH &&,
                       overlap_key WITH <>)
                   WHERE (holds_time))"_s.arg(who);
    };
    return {
        u"ALTER TABLE appointments ADD COLUMN checked_free BOOLEAN NOT NULL DEFAULT false"_s,
        checkedFreeBackfill(),
        uR"(ALTER TABLE appointments
            ADD COLUMN holds_time BOOLEAN GENERATED ALWAYS AS
                (checked_free AND status NOT IN (%1)) STORED,
            ADD COLUMN overlap_key TEXT GENERATED ALWAYS AS
                (CASE WHEN type = %2
                      THEN 'group ' || provider || ' ' || start_ms::text || ' ' || end_ms::text
                      ELSE id END) STORED)"_s.arg(statuses)
            .arg(group),
        exclusion(u"provider"_s),
        exclusion(u"client"_s),
    };
}

// A statement's failure in a step of the schema, `context` before its
// message: a full disk stays one, anything else is a StorageFailure.
Error inStep(const QString& context, const Error& e) {
    return Error{e.code == ErrorCode::DiskFull ? ErrorCode::DiskFull : ErrorCode::StorageFailure,
                 {},
                 context + e.message};
}

} // namespace

// Each record table holds the columns that queries filter and sort on, the
// wire document (references as ids, secrets left out), its version, and the
// encrypted secrets (meeting link and password) apart from the document.
//
// The conflict check reads only (provider | client, start_ms, end_ms, status,
// type, id): the two covering indexes answer it without touching the table,
// and its start_ms lower bound (newStart - maxAppointmentMinutes) keeps the
// scanned range a few entries long however long the history is.
QStringList recordTableStatements() {
    return {
        uR"(CREATE TABLE staff(
                id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                role INTEGER NOT NULL, is_active INTEGER NOT NULL, password_hash TEXT,
                updated_ms INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL))"_s,
        uR"(CREATE TABLE clients(
                id TEXT PRIMARY KEY, last_name TEXT,
                updated_ms INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL))"_s,
        uR"(CREATE TABLE appointments(
                id TEXT PRIMARY KEY, provider TEXT NOT NULL, client TEXT NOT NULL,
                start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
                status INTEGER NOT NULL, type INTEGER NOT NULL, series TEXT,
                updated_ms INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
                secret BLOB))"_s,
        u"CREATE INDEX appointments_provider_start ON appointments"
        "(provider, start_ms, end_ms, status, type, client, id)"_s,
        u"CREATE INDEX appointments_client_start ON appointments"
        "(client, start_ms, end_ms, status, type, provider, id)"_s,
        u"CREATE INDEX appointments_start ON appointments(start_ms)"_s,
        u"CREATE INDEX appointments_updated ON appointments(updated_ms)"_s,
        u"CREATE INDEX appointments_series ON appointments(series) WHERE series IS NOT NULL"_s,
        uR"(CREATE TABLE provider_availabilities(
                id TEXT PRIMARY KEY, provider TEXT NOT NULL,
                updated_ms INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL))"_s,
        u"CREATE INDEX provider_availabilities_provider ON provider_availabilities(provider)"_s,
        uR"(CREATE TABLE recurring_appointments(
                id TEXT PRIMARY KEY, provider TEXT NOT NULL, client TEXT NOT NULL,
                updated_ms INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
                secret BLOB))"_s,
        u"CREATE INDEX recurring_appointments_provider ON recurring_appointments(provider)"_s,
        u"CREATE INDEX recurring_appointments_client ON recurring_appointments(client)"_s,
        // One row per record: its latest change. A new change replaces
        // the row and takes a new seq, so the feed stays as long as the
        // number of records and deletes stay as tombstones.
        uR"(CREATE TABLE changes(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
                record_id TEXT NOT NULL, op TEXT NOT NULL, version INTEGER NOT NULL,
                UNIQUE(kind, record_id)))"_s,
        u"CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
    };
}

// provider is empty for an entry that takes any provider; status is the
// wire name, so that a filter on it and the offers held (the booking check)
// are found through the index.
QStringList waitlistTableStatements() {
    return {
        uR"(CREATE TABLE waitlist(
                id TEXT PRIMARY KEY, provider TEXT NOT NULL, client TEXT NOT NULL,
                status TEXT NOT NULL,
                updated_ms INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL))"_s,
        u"CREATE INDEX waitlist_client ON waitlist(client)"_s,
        u"CREATE INDEX waitlist_status ON waitlist(status, provider)"_s,
    };
}

const Schema& serverSchema() {
    static const Schema all = {
        // 1: the records, the change feed, settings, sessions, idempotency, audit.
        recordTableStatements() + serverTableStatements(),
        // 2: reminders, one row per appointment and channel (docs/reminders.md).
        // state: 0 pending, 1 claimed, 2 sent, 3 failed, 4 skipped.
        {
            uR"(CREATE TABLE reminders(
                    appointment TEXT NOT NULL, channel TEXT NOT NULL,
                    due_ms INTEGER NOT NULL, state INTEGER NOT NULL, attempts INTEGER NOT NULL,
                    next_attempt_ms INTEGER NOT NULL, last_error TEXT,
                    claimed_ms INTEGER, sent_ms INTEGER,
                    PRIMARY KEY(appointment, channel)))"_s,
            u"CREATE INDEX reminders_due ON reminders(state, next_attempt_ms)"_s,
        },
        // 3: devices that have signed in (LoginThrottle), kept like sessions.
        {
            uR"(CREATE TABLE devices(
                    token_hash TEXT PRIMARY KEY, staff TEXT NOT NULL,
                    created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL))"_s,
            u"CREATE INDEX devices_staff ON devices(staff, expires_ms)"_s,
        },
        // 4: personal calendar feeds (server/CalendarFeed.h), one per staff
        // member, the token kept as its SHA-256 like a session's.
        {
            uR"(CREATE TABLE calendar_feeds(
                    staff TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,
                    created_ms INTEGER NOT NULL))"_s,
        },
        // 5: the waitlist (domain/WaitlistEntry.h; docs/server.md, "Waitlist").
        waitlistTableStatements(),
        // 6: the waitlist's automatic offer (docs/waitlist.md, "The offer").
        // A freed slot waits for an offer (state 0), has one out (1) or is
        // done (2). An offer is one entry's for one slot, sent once by the
        // reminder thread's claims: state 0 to send, 1 claimed, 2 sent,
        // 3 accepted, 4 declined, 5 expired, 6 withdrawn, 7 failed,
        // 8 skipped (no channel to reach the client).
        {
            uR"(CREATE TABLE freed_slots(
                    id TEXT PRIMARY KEY, provider TEXT NOT NULL,
                    start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,
                    state INTEGER NOT NULL, created_ms BIGINT NOT NULL))"_s,
            u"CREATE INDEX freed_slots_state ON freed_slots(state, start_ms)"_s,
            uR"(CREATE TABLE waitlist_offers(
                    id TEXT PRIMARY KEY, slot TEXT NOT NULL, entry TEXT NOT NULL,
                    client TEXT NOT NULL, provider TEXT NOT NULL,
                    start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,
                    held_until_ms BIGINT NOT NULL, state INTEGER NOT NULL,
                    attempts INTEGER NOT NULL, claimed_ms BIGINT, sent_ms BIGINT,
                    last_error TEXT, channels TEXT, appointment TEXT,
                    UNIQUE(slot, entry)))"_s,
            u"CREATE INDEX waitlist_offers_state ON waitlist_offers(state, held_until_ms)"_s,
        },
        // 7: no overlap enforced by PostgreSQL itself (noOverlapStatements).
        [] {
            QStringList statements;
            for (const QString& s : noOverlapStatements())
                statements << Dialect::postgresqlOnly(s);
            return statements;
        }(),
        // 8: failed sign-ins (server/LoginThrottle.h), shared by every
        // server of the practice. kind: 0 account, 1 device, 2 address;
        // key: an HMAC of the email, device or address, never it in clear.
        {
            uR"(CREATE TABLE login_failures(
                    kind INTEGER NOT NULL, key TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
            u"CREATE INDEX login_failures_key ON login_failures(kind, key, at_ms)"_s,
            u"CREATE INDEX login_failures_at ON login_failures(at_ms)"_s,
        },
    };
    return all;
}

int latestSchemaVersion() {
    return int(serverSchema().size());
}

Result<void> migrate(Database& db, const Schema& schema) {
    const Dialect& dialect = db.dialect();
    const int latest = int(schema.size());
    // Up to date, the usual case: no write lock taken. (A PostgreSQL
    // database without the version table reads as 0.)
    if (const int current = db.schemaVersion(); current == latest)
        return {};
    else if (current > latest)
        return std::unexpected(failure(
            u"the database is at schema %1, newer than this program (%2)"_s.arg(current).arg(
                latest)));
    // Each step in its own transaction, the version read under its lock:
    // two servers starting at once on one PostgreSQL database take turns,
    // and the second finds the steps done.
    if (const QStringList preamble = dialect.schemaPreamble(); !preamble.isEmpty()) {
        WriteTransaction tx(db);
        if (!tx.isActive())
            return std::unexpected(tx.beginError());
        for (const QString& statement : preamble) {
            if (auto r = db.exec(statement); !r)
                return std::unexpected(inStep(u"preparing the schema: "_s, r.error()));
        }
        if (auto r = tx.commit(); !r)
            return r;
    }
    for (;;) {
        WriteTransaction tx(db);
        if (!tx.isActive())
            return std::unexpected(tx.beginError());
        const int step = db.schemaVersion();
        if (step > latest) {
            return std::unexpected(failure(
                u"the database is at schema %1, newer than this program (%2)"_s.arg(step).arg(
                    latest)));
        }
        if (step == latest)
            return {};
        for (const QString& statement : schema.at(step)) {
            const QString translated = dialect.schemaStatement(statement);
            if (translated.isEmpty())
                continue; // not for this engine
            if (auto r = db.exec(translated); !r)
                return std::unexpected(inStep(u"migration %1: "_s.arg(step + 1), r.error()));
        }
        if (auto r = db.exec(dialect.writeSchemaVersion(step + 1)); !r)
            return r;
        if (auto r = tx.commit(); !r)
            return r;
    }
}

} // namespace mss::storage
