#include "sync/LocalWaitlist.h"

#include "base/WallClock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace mss::sync {

using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("LocalWaitlist", text);
}

Errors storageFailure(const Error& e) {
    return {Error{ErrorCode::StorageFailure, {}, e.message}};
}

QString idOf(const QJsonValue& v) {
    return v.isObject() ? v.toObject().value("_id"_L1).toString() : v.toString();
}

// What the server is sent: references as ids, the server's own fields out.
QJsonObject requestBody(QJsonObject doc) {
    for (const auto field :
         {"version"_L1, "createdAt"_L1, "createdBy"_L1, "updatedAt"_L1, "updatedBy"_L1, "offer"_L1})
        doc.remove(field);
    doc.insert("client"_L1, idOf(doc.value("client"_L1)));
    const QString provider = idOf(doc.value("provider"_L1));
    doc.insert("provider"_L1, provider.isEmpty() ? QJsonValue() : QJsonValue(provider));
    return doc;
}

} // namespace

LocalWaitlist::LocalWaitlist(LocalCache& cache, const Clock& clock, QTimeZone zone)
    : m_cache(cache)
    , m_clock(clock)
    , m_zone(std::move(zone)) {}

Checked<void> LocalWaitlist::validated(const QJsonObject& doc) const {
    auto read = domain::WaitlistEntry::fromJson(doc, domain::DecodeMode::Validate, m_zone);
    if (!read)
        return std::unexpected(read.error());
    return {};
}

Checked<QList<domain::WaitlistEntry>> LocalWaitlist::decoded() {
    auto docs = entries();
    if (!docs)
        return std::unexpected(docs.error());
    QList<domain::WaitlistEntry> out;
    for (const QJsonObject& doc : *docs) {
        if (auto e = domain::WaitlistEntry::fromJson(doc, domain::DecodeMode::TypesOnly, m_zone))
            out.append(*e);
    }
    return out;
}

Checked<QList<QJsonObject>> LocalWaitlist::entries() {
    QSqlQuery& q = m_cache.db().prepare(u"SELECT doc FROM waitlist"_s);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(storageFailure(r.error()));
    QList<QJsonObject> out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
    q.finish();
    return out;
}

Checked<QJsonObject> LocalWaitlist::entry(const QString& id) {
    auto found = m_cache.get(RecordKind::WaitlistEntry, id);
    if (!found)
        return std::unexpected(storageFailure(found.error()));
    if (!*found)
        return std::unexpected(
            Errors{{ErrorCode::NotFound, u"_id"_s, tr("no such waitlist entry")}});
    return (*found)->doc;
}

Checked<void> LocalWaitlist::write(const QString& id, const QJsonObject& doc, qint64 baseVersion,
                                   OutboxEntry entry) {
    storage::WriteTransaction tx(m_cache.db());
    if (!tx.isActive())
        return std::unexpected(storageFailure(tx.beginError()));
    if (auto r = m_cache.put(RecordKind::WaitlistEntry, doc); !r)
        return std::unexpected(storageFailure(r.error()));
    entry.kind = RecordKind::WaitlistEntry;
    entry.recordId = id;
    entry.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    entry.baseVersion = baseVersion;
    if (auto r = m_cache.outbox().append(entry); !r)
        return std::unexpected(storageFailure(r.error()));
    if (auto r = tx.commit(); !r)
        return std::unexpected(storageFailure(r.error()));
    return {};
}

Checked<QJsonObject> LocalWaitlist::save(QJsonObject doc) {
    QString id = doc.value("_id"_L1).toString();
    if (!id.isEmpty()) {
        auto found = m_cache.get(RecordKind::WaitlistEntry, id);
        if (!found)
            return std::unexpected(storageFailure(found.error()));
        if (*found)
            return put((*found)->doc, doc, tr("Change waitlist entry"));
    } else {
        id = domain::ObjectId::generate(m_clock).toString();
        doc.insert("_id"_L1, id);
    }
    const QString now = toWireTime(m_clock.now());
    if (!doc.contains("status"_L1))
        doc.insert("status"_L1, u"Waiting"_s);
    doc.insert("createdAt"_L1, now);
    doc.insert("updatedAt"_L1, now);
    doc.insert("version"_L1, 0);
    if (auto ok = validated(doc); !ok)
        return std::unexpected(ok.error());
    OutboxEntry entry;
    entry.method = u"POST"_s;
    entry.path = u"/waitlist"_s;
    entry.body = requestBody(doc);
    entry.summary = tr("Add to waitlist");
    if (auto r = write(id, doc, 0, entry); !r)
        return std::unexpected(r.error());
    return doc;
}

Checked<QJsonObject> LocalWaitlist::put(const QJsonObject& before, QJsonObject after,
                                        const QString& summary) {
    const QString id = before.value("_id"_L1).toString();
    const qint64 baseVersion = qint64(before.value("version"_L1).toDouble());
    for (const auto field : {"createdAt"_L1, "createdBy"_L1})
        if (before.contains(field))
            after.insert(field, before.value(field));
    after.insert("_id"_L1, id);
    after.insert("version"_L1, baseVersion); // the server's until it confirms
    after.insert("updatedAt"_L1, toWireTime(m_clock.now()));
    if (auto ok = validated(after); !ok)
        return std::unexpected(ok.error());
    OutboxEntry entry;
    entry.method = u"PUT"_s;
    entry.path = u"/waitlist/"_s + id;
    entry.body = requestBody(after);
    entry.summary = summary;
    if (auto r = write(id, after, baseVersion, entry); !r)
        return std::unexpected(r.error());
    return after;
}

Checked<QJsonObject> LocalWaitlist::remove(const QString& id) {
    auto before = entry(id);
    if (!before)
        return before;
    QJsonObject after = *before;
    after.insert("status"_L1, u"Removed"_s);
    after.insert("offer"_L1, QJsonValue());
    after.insert("updatedAt"_L1, toWireTime(m_clock.now()));
    OutboxEntry e;
    e.method = u"DELETE"_s;
    e.path = u"/waitlist/"_s + id;
    e.summary = tr("Remove from waitlist");
    if (auto r = write(id, after, qint64(before->value("version"_L1).toDouble()), e); !r)
        return std::unexpected(r.error());
    return after;
}

Checked<QJsonObject> LocalWaitlist::release(const QString& id) {
    auto before = entry(id);
    if (!before)
        return before;
    if (before->value("status"_L1).toString() != "Offered"_L1)
        return std::unexpected(
            Errors{{ErrorCode::OutOfRange, u"status"_s, tr("this entry holds no slot")}});
    QJsonObject after = *before;
    after.insert("status"_L1, u"Waiting"_s);
    after.insert("offer"_L1, QJsonValue());
    after.insert("updatedAt"_L1, toWireTime(m_clock.now()));
    OutboxEntry e;
    e.method = u"POST"_s;
    e.path = u"/waitlist/"_s + id + u"/release"_s;
    e.summary = tr("Release hold");
    if (auto r = write(id, after, qint64(before->value("version"_L1).toDouble()), e); !r)
        return std::unexpected(r.error());
    return after;
}

Checked<QJsonObject> LocalWaitlist::markBooked(const QString& id, const QString& appointment) {
    auto before = entry(id);
    if (!before)
        return before;
    QJsonObject after = *before;
    after.insert("status"_L1, u"Booked"_s);
    after.insert("bookedAppointment"_L1, appointment);
    after.insert("offer"_L1, QJsonValue());
    return put(*before, after, tr("Book from waitlist"));
}

Checked<QList<WaitlistHold>> LocalWaitlist::holds(LocalCache& cache, const QDateTime& from,
                                                  const QDateTime& to, const QDateTime& now) {
    // Read by the document's status, whichever form the indexed column
    // takes: a practice's waitlist is short.
    QSqlQuery& q = cache.db().prepare(u"SELECT doc FROM waitlist"_s);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(storageFailure(r.error()));
    QList<WaitlistHold> out;
    while (q.next()) {
        const QJsonObject doc = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        if (doc.value("status"_L1).toString() != "Offered"_L1)
            continue;
        const QJsonObject offer = doc.value("offer"_L1).toObject();
        WaitlistHold h;
        h.entry = doc.value("_id"_L1).toString();
        h.client = idOf(doc.value("client"_L1));
        h.provider = idOf(offer.value("provider"_L1));
        if (h.provider.isEmpty())
            h.provider = idOf(doc.value("provider"_L1));
        h.start = fromWireTime(offer.value("startTime"_L1).toString());
        h.end = fromWireTime(offer.value("endTime"_L1).toString());
        h.heldUntil = fromWireTime(offer.value("heldUntil"_L1).toString());
        if (!h.start.isValid() || !h.end.isValid() || !h.heldUntil.isValid())
            continue;
        if (h.heldUntil <= now || h.end <= from || h.start >= to)
            continue;
        out.append(h);
    }
    q.finish();
    return out;
}

} // namespace mss::sync
