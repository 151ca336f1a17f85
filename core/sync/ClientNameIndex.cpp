#include "sync/ClientNameIndex.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace mss::sync {

using namespace Qt::StringLiterals;

namespace {

const QString indexedState = u"clientNames.indexed"_s;

// Letters that carry their accent in the letter itself, so no
// decomposition takes it off.
QString plainLetter(QChar c) {
    switch (c.unicode()) {
    case 0x00DF: // ß
        return u"ss"_s;
    case 0x00F8: // ø
        return u"o"_s;
    case 0x0111: // đ
        return u"d"_s;
    case 0x0142: // ł
        return u"l"_s;
    case 0x00E6: // æ
        return u"ae"_s;
    case 0x0153: // œ
        return u"oe"_s;
    case 0x0131: // dotless ı
        return u"i"_s;
    default:
        return QString(c);
    }
}

// The end of the range of words beginning with `prefix`: SQLite compares
// text as UTF-8 bytes, and no word goes past the last code point.
QString afterPrefix(const QString& prefix) {
    static const QString last = QString::fromUcs4(U"\U0010FFFF", 1);
    return prefix + last;
}

} // namespace

QStringList nameWords(const QString& text) {
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QStringList words;
    QString word;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the accent of a decomposed letter
        // "O'Brien" and "St. John" are typed without their marks as often
        // as with them.
        if (c == u'\'' || c == QChar(0x2019) || c == u'.')
            continue;
        if (c.isLetterOrNumber()) {
            word += plainLetter(c);
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

Result<void> indexClientName(storage::Database& db, const QJsonObject& doc) {
    const QString id = doc.value("_id"_L1).toString();
    QSqlQuery& gone = db.prepare(u"DELETE FROM client_name_keys WHERE client = ?"_s);
    gone.addBindValue(id);
    if (auto r = storage::Database::run(gone); !r)
        return r;
    const QStringList words = nameWords(doc.value("firstName"_L1).toString() + u' ' +
                                        doc.value("lastName"_L1).toString());
    for (const QString& word : QSet<QString>(words.begin(), words.end())) {
        QSqlQuery& q = db.prepare(u"INSERT INTO client_name_keys(word, client) VALUES(?, ?)"_s);
        q.addBindValue(word);
        q.addBindValue(id);
        if (auto r = storage::Database::run(q); !r)
            return r;
    }
    return {};
}

Result<void> indexClientNamesOnce(storage::Database& db) {
    QSqlQuery& done = db.prepare(u"SELECT value FROM sync_state WHERE key = ?"_s);
    done.addBindValue(indexedState);
    if (auto r = storage::Database::run(done); !r)
        return r;
    const bool indexed = done.next();
    done.finish();
    if (indexed)
        return {};
    QList<QJsonObject> clients;
    {
        QSqlQuery& q = db.prepare(u"SELECT doc FROM clients"_s);
        if (auto r = storage::Database::run(q); !r)
            return r;
        while (q.next())
            clients << QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        q.finish();
    }
    storage::WriteTransaction tx(db);
    if (!tx.isActive())
        return std::unexpected(tx.beginError());
    for (const QJsonObject& doc : std::as_const(clients)) {
        if (auto r = indexClientName(db, doc); !r)
            return r;
    }
    QSqlQuery& mark = db.prepare(u"INSERT OR REPLACE INTO sync_state(key, value) VALUES(?, '1')"_s);
    mark.addBindValue(indexedState);
    if (auto r = storage::Database::run(mark); !r)
        return r;
    return tx.commit();
}

Result<QStringList> appointmentsOfNamedClients(storage::Database& db, const QStringList& words,
                                               qint64 nowMs, const SearchScope& scope,
                                               bool upcoming, int limit) {
    if (words.isEmpty() || scope.details == domain::DetailsScope::None || limit <= 0)
        return QStringList{};
    // Past a few words a name is found already; the statement stays one
    // of a few kept prepared.
    const QStringList used = words.mid(0, 4);
    QString sql = u"SELECT a.id FROM appointments a WHERE a.client <> ''"_s;
    for (qsizetype i = 0; i < used.size(); ++i)
        sql += u" AND a.client IN (SELECT client FROM client_name_keys WHERE word >= ? AND "
               "word < ?)"_s;
    sql += upcoming ? u" AND a.start_ms >= ?"_s : u" AND a.start_ms < ?"_s;
    const bool ownOnly = scope.details == domain::DetailsScope::OwnOnly;
    if (ownOnly)
        sql += u" AND a.provider = ?"_s;
    sql += upcoming ? u" ORDER BY a.start_ms, a.id LIMIT ?"_s
                    : u" ORDER BY a.start_ms DESC, a.id DESC LIMIT ?"_s;
    QSqlQuery& q = db.prepare(sql);
    for (const QString& word : used) {
        q.addBindValue(word);
        q.addBindValue(afterPrefix(word));
    }
    q.addBindValue(nowMs);
    if (ownOnly)
        q.addBindValue(scope.me);
    q.addBindValue(limit);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    return ids;
}

} // namespace mss::sync
