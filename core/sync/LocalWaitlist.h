#pragma once

#include "base/Clock.h"
#include "base/Error.h"
#include "domain/ObjectId.h"
#include "domain/WaitlistEntry.h"
#include "sync/LocalCache.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

namespace mss::sync {

// A slot held for a waitlist client: an entry `Offered` whose hold has not
// run out (docs/waitlist.md).
struct WaitlistHold {
    QString entry; // the entry's id
    QString client;
    QString provider;
    QDateTime start;
    QDateTime end;
    QDateTime heldUntil;
};

// The waitlist as this desk keeps it, beside LocalSchedule: each change is
// written to the cache and appended to the outbox in one transaction, so it
// shows at once and reaches the server when it can, like an appointment.
// Entries are kept as the server's documents (the contract in
// docs/waitlist.md).
class LocalWaitlist {
public:
    LocalWaitlist(LocalCache& cache, const Clock& clock, QTimeZone zone);
    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }

    // Every entry of the cache, any status.
    Checked<QList<QJsonObject>> entries();
    Checked<QJsonObject> entry(const QString& id);
    // The entries as records (those that do not decode are left out).
    Checked<QList<domain::WaitlistEntry>> decoded();

    // Checked with the core rules (domain::validate), each problem naming
    // its field.
    // A new entry (no `_id`, or one the cache does not hold) is added with
    // a POST; an existing one is changed with a PUT on its version.
    Checked<QJsonObject> save(QJsonObject entry);
    // DELETE: the entry stays, Removed (an offer is withdrawn).
    Checked<QJsonObject> remove(const QString& id);
    // The desk releases a hold: the entry is Waiting again.
    Checked<QJsonObject> release(const QString& id);
    // The second write of "book from the waitlist": the entry Booked with
    // the appointment just booked.
    Checked<QJsonObject> markBooked(const QString& id, const QString& appointment);

    // The holds of the cache that reach into [from, to) and last past now.
    static Checked<QList<WaitlistHold>> holds(LocalCache& cache, const QDateTime& from,
                                              const QDateTime& to, const QDateTime& now);

private:
    Checked<QJsonObject> put(const QJsonObject& before, QJsonObject after, const QString& summary);
    Checked<void> write(const QString& id, const QJsonObject& doc, qint64 baseVersion,
                        OutboxEntry entry);

    Checked<void> validated(const QJsonObject& doc) const;

    LocalCache& m_cache;
    const Clock& m_clock;
    QTimeZone m_zone;
};

} // namespace mss::sync
