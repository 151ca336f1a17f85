#include "server/LoginThrottle.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::Database;

namespace {

// The longest window: a failure older than this counts for no key.
constexpr qint64 longestWindowSeconds =
    std::max({LoginThrottle::perAccount.windowSeconds, LoginThrottle::perDevice.windowSeconds,
              LoginThrottle::perAddress.windowSeconds});

// The newest `limit` failures of one key inside its window, for each key
// asked about: at most the limit's count of rows each, read through the
// index (kind, key, at_ms).
const QString newestFailures =
    u"SELECT kind, at_ms FROM login_failures WHERE kind = ? AND key = ? AND at_ms > ? "
    "ORDER BY at_ms DESC LIMIT ?"_s;

} // namespace

LoginThrottle::LoginThrottle(Database& db, const Clock& clock, QByteArray secret)
    : m_db(db)
    , m_clock(clock)
    , m_secret(std::move(secret)) {}

QString LoginThrottle::keyOf(Kind kind, const QString& key) const {
    const QByteArray text = QByteArray::number(int(kind)) + ':' + key.toUtf8();
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(text, m_secret, QCryptographicHash::Sha256).toHex());
}

Result<qint64> LoginThrottle::waitFor(const Attempt& attempt) {
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    struct Asked {
        Kind kind;
        QString key;
        Limit limit;
    };
    QList<Asked> asked;
    if (!attempt.device.isEmpty()) {
        asked = {{Kind::Device, attempt.device, perDevice}};
    } else {
        asked = {{Kind::Account, attempt.email.toLower(), perAccount},
                 {Kind::Address, attempt.address, perAddress}};
    }
    // One statement, whichever keys are asked about.
    QStringList parts;
    for (qsizetype i = 0; i < asked.size(); ++i)
        parts << u"SELECT kind, at_ms FROM (%1) AS key%2"_s.arg(newestFailures).arg(i);
    QSqlQuery& q = m_db.prepare(parts.join(u" UNION ALL "_s));
    for (const Asked& a : std::as_const(asked)) {
        q.addBindValue(int(a.kind));
        q.addBindValue(keyOf(a.kind, a.key));
        q.addBindValue(now - a.limit.windowSeconds * 1000);
        q.addBindValue(a.limit.failures);
    }
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    // Per kind: how many failures in the window, and the oldest of them.
    QHash<int, std::pair<int, qint64>> found;
    while (q.next()) {
        auto& [count, oldest] = found[q.value(0).toInt()];
        const qint64 at = q.value(1).toLongLong();
        oldest = count == 0 ? at : std::min(oldest, at);
        ++count;
    }
    q.finish();
    qint64 wait = 0;
    for (const Asked& a : std::as_const(asked)) {
        const auto [count, oldest] = found.value(int(a.kind), {0, 0});
        if (count < a.limit.failures)
            continue;
        const qint64 freeAtMs = oldest + a.limit.windowSeconds * 1000;
        // Whole seconds, rounded up: Retry-After never invites an early retry.
        wait = std::max(wait, (freeAtMs - now + 999) / 1000);
    }
    return wait;
}

Result<void> LoginThrottle::record(Kind kind, const QString& key, qint64 nowMs) {
    QSqlQuery& q = m_db.prepare(u"INSERT INTO login_failures(kind, key, at_ms) VALUES(?, ?, ?)"_s);
    q.addBindValue(int(kind));
    q.addBindValue(keyOf(kind, key));
    q.addBindValue(nowMs);
    return Database::run(q);
}

Result<void> LoginThrottle::failed(const Attempt& attempt) {
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // Every guess counts against the account, wherever it comes from.
    if (auto r = record(Kind::Account, attempt.email.toLower(), now); !r)
        return r;
    if (auto r = attempt.device.isEmpty() ? record(Kind::Address, attempt.address, now)
                                          : record(Kind::Device, attempt.device, now);
        !r)
        return r;
    // What every window has left goes, so the table holds the last few
    // minutes' failures and no more.
    QSqlQuery& sweep = m_db.prepare(u"DELETE FROM login_failures WHERE at_ms <= ?"_s);
    sweep.addBindValue(now - longestWindowSeconds * 1000);
    return Database::run(sweep);
}

Result<void> LoginThrottle::succeeded(const Attempt& attempt) {
    if (attempt.device.isEmpty())
        return {};
    QSqlQuery& q = m_db.prepare(u"DELETE FROM login_failures WHERE kind = ? AND key = ?"_s);
    q.addBindValue(int(Kind::Device));
    q.addBindValue(keyOf(Kind::Device, attempt.device));
    return Database::run(q);
}

} // namespace mss::server
