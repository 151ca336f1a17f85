#include "storage/AuditLog.h"

#include "base/WallClock.h"
#include "domain/ObjectId.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

// The hash of the (absent) entry before the first one.
const QString genesis = QString(64, u'0');

QString chainHash(const QString& previous, const QByteArray& doc) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous.toLatin1());
    h.addData(doc);
    return QString::fromLatin1(h.result().toHex());
}

} // namespace

AuditLog::AuditLog(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {}

DbResult<void> AuditLog::append(const AuditEntry& entry) {
    QSqlQuery& last = m_db.prepare(u"SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
    if (auto r = Database::run(last); !r)
        return r;
    qint64 seq = 1;
    QString previous = genesis;
    if (last.next()) {
        seq = last.value(0).toLongLong() + 1;
        previous = last.value(1).toString();
    }
    const QDateTime now = m_clock.now();
    const QString id = domain::ObjectId::generate(m_clock).toString();
    const QJsonObject json{{"_id"_L1, id},
                           {"seq"_L1, double(seq)},
                           {"at"_L1, toWireTime(now)},
                           {"actor"_L1, entry.actor},
                           {"action"_L1, entry.action},
                           {"resourceType"_L1, entry.resourceType},
                           {"resourceId"_L1, entry.resourceId},
                           {"address"_L1, entry.address},
                           {"outcome"_L1, entry.outcome},
                           {"detail"_L1, entry.detail},
                           {"previousHash"_L1, previous}};
    const QByteArray doc = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QSqlQuery& q = m_db.prepare(u"INSERT INTO audit_log(seq, id, at_ms, actor, action, doc, "
                                "prev_hash, hash) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(seq);
    q.addBindValue(id);
    q.addBindValue(now.toMSecsSinceEpoch());
    // A null QString binds as SQL NULL; "no actor" is the empty string.
    q.addBindValue(entry.actor.isNull() ? QStringLiteral("") : entry.actor);
    q.addBindValue(entry.action);
    q.addBindValue(QString::fromUtf8(doc));
    q.addBindValue(previous);
    q.addBindValue(chainHash(previous, doc));
    return Database::run(q);
}

DbResult<AuditLog::Verdict> AuditLog::verify() {
    QSqlQuery& q = m_db.prepare(
        u"SELECT seq, id, at_ms, actor, action, doc, prev_hash, hash FROM audit_log ORDER BY seq"_s);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    Verdict v;
    QString previous = genesis;
    qint64 expectedSeq = 1;
    while (q.next()) {
        ++v.entries;
        const qint64 seq = q.value(0).toLongLong();
        const QByteArray doc = q.value(5).toString().toUtf8();
        const QJsonObject json = QJsonDocument::fromJson(doc).object();
        auto fail = [&](const QString& problem) {
            v.intact = false;
            v.firstBadSeq = seq;
            v.problem = problem;
        };
        if (seq != expectedSeq)
            fail(u"entry %1 is missing"_s.arg(expectedSeq));
        else if (q.value(6).toString() != previous || json.value("previousHash"_L1) != previous)
            fail(u"does not follow the entry before it"_s);
        else if (chainHash(previous, doc) != q.value(7).toString())
            fail(u"its content does not match its hash"_s);
        else if (json.value("seq"_L1).toInteger() != seq ||
                 json.value("_id"_L1).toString() != q.value(1).toString() ||
                 json.value("actor"_L1).toString() != q.value(3).toString() ||
                 json.value("action"_L1).toString() != q.value(4).toString() ||
                 fromWireTime(json.value("at"_L1).toString()).toMSecsSinceEpoch() !=
                     q.value(2).toLongLong())
            fail(u"its columns do not match its content"_s);
        if (!v.intact)
            return v;
        previous = q.value(7).toString();
        ++expectedSeq;
    }
    return v;
}

} // namespace mss::storage
