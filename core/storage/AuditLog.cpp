#include "storage/AuditLog.h"

#include "base/WallClock.h"
#include "domain/ObjectId.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

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
    , m_clock(clock) {
    m_db.setTransactionListener([this](bool committed) { transactionEnded(committed); });
}

AuditLog::~AuditLog() {
    m_db.setTransactionListener({});
    if (m_anchorFd >= 0)
        ::close(m_anchorFd);
}

QString AuditLog::anchorFile(const QString& databaseFile) {
    return QFileInfo(databaseFile).absoluteDir().filePath(u"audit.anchor"_s);
}

// Beside the SQLite file; for PostgreSQL, in the data directory.
QString AuditLog::anchorPath() const {
    return QDir(m_db.localDirectory()).filePath(u"audit.anchor"_s);
}

std::optional<AuditLog::Anchor> AuditLog::parseAnchor(const QByteArray& text) {
    if (text.isEmpty())
        return std::nullopt;
    const QList<QByteArray> parts = text.trimmed().split(' ');
    bool ok = false;
    Anchor a{parts.value(0).toLongLong(&ok), QString::fromLatin1(parts.value(1))};
    if (!ok || a.seq < 1 || a.hash.size() != 64)
        return Anchor{}; // present but unreadable: seq 0
    return a;
}

std::optional<AuditLog::Anchor> AuditLog::readAnchor(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = f.readAll();
    // An empty file is what a crash between creating and writing leaves.
    return text.isEmpty() ? std::optional(Anchor{}) : parseAnchor(text);
}

// After the commit, never before: an anchor ahead of the log would look
// like a truncation. A crash between the two leaves the anchor one commit
// behind, which verify() accepts. Another process serving the same file
// may have written a newer anchor; it is kept.
void AuditLog::transactionEnded(bool committed) {
    const std::optional<Anchor> pending = std::exchange(m_pending, std::nullopt);
    if (!committed || !pending)
        return;
    if (m_anchorFd < 0) {
        m_anchorFd =
            ::open(QFile::encodeName(anchorPath()).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_anchorFd < 0) {
            qCWarning(lcDb) << "cannot open the audit anchor:" << qt_error_string(errno);
            return;
        }
    }
    char text[anchorBytes];
    const ssize_t read = ::pread(m_anchorFd, text, sizeof text, 0);
    const std::optional<Anchor> current = parseAnchor(QByteArray(text, read > 0 ? read : 0));
    if (current && current->seq > 0 && current != m_written) {
        if (current->seq >= pending->seq)
            return;
        // An anchor the log no longer reaches is the evidence of a
        // truncation: it stays until someone looks (audit verify).
        QSqlQuery& q = m_db.prepare(u"SELECT hash FROM audit_log WHERE seq = ?"_s);
        q.addBindValue(current->seq);
        const bool reached = Database::run(q) && q.next() && q.value(0).toString() == current->hash;
        q.finish();
        if (!reached) {
            qCWarning(lcDb) << "the audit log does not reach its anchor; run audit verify";
            return;
        }
    }
    // One fixed-width record overwritten in place: a single small write,
    // not synced (after a power loss it may be older, not wrong). Writing
    // a new file and renaming it over the old one each commit cost a
    // booking more than the rest of its work.
    const QByteArray line = QByteArray::number(pending->seq).rightJustified(20, '0') + ' ' +
                            pending->hash.toLatin1() + '\n';
    Q_ASSERT(line.size() == anchorBytes);
    if (::pwrite(m_anchorFd, line.constData(), size_t(line.size()), 0) != line.size()) {
        qCWarning(lcDb) << "cannot write the audit anchor:" << qt_error_string(errno);
        return;
    }
    m_written = pending;
}

Result<void> AuditLog::append(const AuditEntry& entry) {
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
    const QString hash = chainHash(previous, doc);
    q.addBindValue(hash);
    auto r = Database::run(q);
    if (r)
        m_pending = Anchor{seq, hash};
    return r;
}

Result<AuditLog::Verdict> AuditLog::verify() {
    QSqlQuery& q = m_db.prepare(
        u"SELECT seq, id, at_ms, actor, action, doc, prev_hash, hash FROM audit_log ORDER BY seq"_s);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    const QString anchorName = QFileInfo(anchorPath()).fileName();
    const std::optional<Anchor> anchor = readAnchor(anchorPath());
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
        if (anchor && seq == anchor->seq && previous != anchor->hash) {
            fail(u"is not the entry the anchor (%1) names: the log was cut here and written "
                 "again"_s.arg(anchorName));
            return v;
        }
        ++expectedSeq;
    }
    // The end: the log must still reach the newest entry the anchor saw.
    if (!anchor) {
        if (v.entries > 0) {
            v.intact = false;
            v.firstBadSeq = v.entries;
            v.problem = u"the anchor (%1) is missing, so entries cut off the end of the log "
                        "cannot be ruled out"_s.arg(anchorName);
        }
    } else if (anchor->seq == 0) {
        v.intact = false;
        v.firstBadSeq = v.entries;
        v.problem = u"the anchor (%1) is unreadable"_s.arg(anchorName);
    } else if (anchor->seq > v.entries) {
        v.intact = false;
        v.firstBadSeq = v.entries + 1;
        v.problem = u"entries %1 to %2 are missing: cut off the end of the log (its anchor, %3, "
                    "names entry %2)"_s.arg(v.entries + 1)
                        .arg(anchor->seq)
                        .arg(anchorName);
    }
    return v;
}

} // namespace mss::storage
