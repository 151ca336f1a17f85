#include "storage/RecordStore.h"

#include "base/WallClock.h"
#include "domain/Limits.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

bool hasSecret(RecordKind kind) {
    return kind == RecordKind::Appointment || kind == RecordKind::RecurringAppointment;
}

QString selectColumns(RecordKind kind) {
    if (kind == RecordKind::AuditEntry)
        return u"doc, 0, NULL, id"_s;
    return hasSecret(kind) ? u"doc, version, secret, id"_s : u"doc, version, NULL, id"_s;
}

StoredRecord readRecord(const QSqlQuery& q, bool parse) {
    StoredRecord r;
    r.raw = q.value(0).toByteArray();
    if (parse)
        r.doc = QJsonDocument::fromJson(r.raw).object();
    r.version = q.value(1).toLongLong();
    r.secret = q.value(2).toByteArray();
    r.id = q.value(3).toString();
    return r;
}

Result<QList<StoredRecord>> readAll(QSqlQuery& q, bool parse = true) {
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QList<StoredRecord> out;
    while (q.next())
        out.append(readRecord(q, parse));
    return out;
}

bool isFieldName(const QString& field) {
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"_s);
    return field.size() <= 100 && re.match(field).hasMatch();
}

// A query-string value as the JSON value it most likely stands for, so that
// `isAvailable=false` and `duration=50` match what the documents hold.
QVariant jsonValueOf(const QString& text) {
    if (text == "true"_L1)
        return 1;
    if (text == "false"_L1)
        return 0;
    // Only what JSON itself would write as a number: "+15551234567" (a
    // phone) and "007" stay text.
    static const QRegularExpression jsonNumber(
        u"^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"_s);
    if (text.size() < 16 && jsonNumber.match(text).hasMatch())
        return text.toDouble();
    return text;
}

std::optional<QVariant> columnValue(const FieldColumn& column, const QString& text) {
    if (column.isTime) {
        const QDateTime t = fromWireTime(text);
        if (!t.isValid())
            return std::nullopt;
        return t.toMSecsSinceEpoch();
    }
    if (column.column == "version"_L1) {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        return ok ? std::optional<QVariant>(v) : std::nullopt;
    }
    return QVariant(text);
}

QString sqlOperator(Condition::Op op) {
    switch (op) {
    case Condition::Op::Eq:
        return u"="_s;
    case Condition::Op::Ne:
        return u"<>"_s;
    case Condition::Op::Gt:
        return u">"_s;
    case Condition::Op::Gte:
        return u">="_s;
    case Condition::Op::Lt:
        return u"<"_s;
    case Condition::Op::Lte:
        return u"<="_s;
    case Condition::Op::In:
        return u"IN"_s;
    }
    return u"="_s;
}

// The SQL expression a field is read from, and its parameters.
QString expressionOf(RecordKind kind, const QString& field, QVariantList& params) {
    if (auto column = columnOf(kind, field))
        return column->column;
    params.append(QVariant(u"$."_s + field));
    return u"json_extract(doc, ?)"_s;
}

// What a list sorts by: a waitlist entry's priority by its rank (High,
// Normal, Low), not its name; any other field as it is filtered.
QString sortExpressionOf(RecordKind kind, const QString& field, QVariantList& params) {
    if (kind == RecordKind::WaitlistEntry && field == "priority"_L1)
        return u"CASE json_extract(doc, '$.priority') WHEN 'High' THEN 0 WHEN 'Low' THEN 2 "
               "ELSE 1 END"_s;
    return expressionOf(kind, field, params);
}

} // namespace

RecordStore::RecordStore(Database& db)
    : m_db(db) {}

Result<std::optional<StoredRecord>> RecordStore::get(RecordKind kind, const QString& id) {
    QSqlQuery& q =
        m_db.prepare(u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(selectColumns(kind), tableName(kind)));
    q.addBindValue(id);
    auto rows = readAll(q);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<StoredRecord>();
    return std::optional<StoredRecord>(rows->first());
}

Result<bool> RecordStore::exists(RecordKind kind, const QString& id) {
    QSqlQuery& q = m_db.prepare(u"SELECT 1 FROM %1 WHERE id = ?"_s.arg(tableName(kind)));
    q.addBindValue(id);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    return q.next();
}

Result<QList<bool>> RecordStore::exist(const QList<std::pair<RecordKind, QString>>& records) {
    QStringList each;
    for (const auto& record : records)
        each << u"(SELECT COUNT(*) FROM %1 WHERE id = ?)"_s.arg(tableName(record.first));
    QSqlQuery& q = m_db.prepare(u"SELECT "_s + each.join(u", "_s));
    for (const auto& record : records)
        q.addBindValue(record.second);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QList<bool> found(records.size(), false);
    if (q.next()) {
        for (qsizetype i = 0; i < records.size(); ++i)
            found[i] = q.value(int(i)).toLongLong() > 0;
    }
    return found;
}

Result<void> RecordStore::put(RecordKind kind, const QJsonObject& doc, const QByteArray& secret,
                              std::optional<bool> checkedFree) {
    const QString id = doc.value("_id"_L1).toString();
    const qint64 version = qint64(doc.value("version"_L1).toDouble());
    QVariantMap columns = indexedColumns(kind, doc);
    columns[u"id"_s] = id;
    columns[u"version"_s] = version;
    columns[u"updated_ms"_s] =
        fromWireTime(doc.value("updatedAt"_L1).toString()).toMSecsSinceEpoch();
    columns[u"doc"_s] = m_db.dialect().textValue(QJsonDocument(doc).toJson(QJsonDocument::Compact));
    if (hasSecret(kind))
        columns[u"secret"_s] =
            secret.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(secret);
    if (kind == RecordKind::Appointment && checkedFree && !m_db.dialect().isSqlite())
        columns[u"checked_free"_s] = *checkedFree;
    QStringList names = columns.keys();
    QStringList marks(names.size(), u"?"_s);
    QString statement;
    if (kind == RecordKind::Staff) {
        // An upsert that keeps the password hash, which is not a wire field.
        QStringList updates;
        for (const QString& n : names)
            updates << n + u" = excluded."_s + n;
        statement = u"INSERT INTO staff(%1) VALUES(%2) ON CONFLICT(id) DO UPDATE SET %3"_s.arg(
            names.join(u','), marks.join(u','), updates.join(u','));
    } else {
        statement = m_db.dialect().replaceInto(tableName(kind), names, {u"id"_s});
    }
    QSqlQuery& q = m_db.prepare(statement);
    for (const QString& n : names)
        q.addBindValue(columns.value(n));
    if (auto r = Database::run(q); !r)
        return r;
    return recordChange(kind, id, false, version);
}

Result<void> RecordStore::remove(RecordKind kind, const QString& id, qint64 version) {
    QSqlQuery& q = m_db.prepare(u"DELETE FROM %1 WHERE id = ?"_s.arg(tableName(kind)));
    q.addBindValue(id);
    if (auto r = Database::run(q); !r)
        return r;
    return recordChange(kind, id, true, version);
}

Result<void> RecordStore::recordChange(RecordKind kind, const QString& id, bool deleted,
                                       qint64 version) {
    // The record's row takes a new seq: the feed shows its latest change.
    QSqlQuery& q = m_db.prepare(
        m_db.dialect().replaceInto(u"changes"_s, {u"kind"_s, u"record_id"_s, u"op"_s, u"version"_s},
                                   {u"kind"_s, u"record_id"_s}, u"seq"_s));
    q.addBindValue(int(kind));
    q.addBindValue(id);
    q.addBindValue(deleted ? u"delete"_s : u"upsert"_s);
    q.addBindValue(version);
    return Database::run(q);
}

std::optional<QString> RecordStore::checkCondition(RecordKind kind, const Condition& c) {
    if (!isFieldName(c.field))
        return u"\"%1\" is not a field name"_s.arg(c.field);
    if (c.values.isEmpty() || c.values.size() > 100)
        return u"%1: give from 1 to 100 values"_s.arg(c.field);
    if (auto column = columnOf(kind, c.field)) {
        for (const QString& v : c.values) {
            if (!columnValue(*column, v))
                return u"%1: \"%2\" is not a valid value"_s.arg(c.field, v);
        }
    }
    return std::nullopt;
}

std::optional<QString> RecordStore::checkSortField(RecordKind, const QString& field) {
    if (!isFieldName(field))
        return u"\"%1\" is not a field name"_s.arg(field);
    return std::nullopt;
}

Result<ListPage> RecordStore::list(RecordKind kind, const ListQuery& query) {
    QStringList where;
    QVariantList params;
    for (const Condition& c : query.conditions) {
        QVariantList exprParams;
        const QString expr = expressionOf(kind, c.field, exprParams);
        const auto column = columnOf(kind, c.field);
        QVariantList values;
        for (const QString& v : c.values)
            values.append(column ? columnValue(*column, v).value_or(QVariant()) : jsonValueOf(v));
        params.append(exprParams);
        if (c.op == Condition::Op::In) {
            where << u"%1 IN (%2)"_s.arg(expr, QStringList(values.size(), u"?"_s).join(u','));
            params.append(values);
        } else if (c.op == Condition::Op::Ne) {
            // As in the MentalSpace server's database, "not equal" includes
            // records that lack the field.
            where << u"(%1 IS NULL OR %1 <> ?)"_s.arg(expr);
            params.append(exprParams); // the expression appears twice
            params.append(values.first());
        } else {
            where << u"%1 %2 ?"_s.arg(expr, sqlOperator(c.op));
            params.append(values.first());
        }
    }
    const QString whereSql = where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);

    ListPage page;
    if (query.countTotal) {
        QSqlQuery& count =
            m_db.prepare(u"SELECT COUNT(*) FROM %1%2"_s.arg(tableName(kind), whereSql));
        for (const QVariant& p : std::as_const(params))
            count.addBindValue(p);
        if (auto r = Database::run(count); !r)
            return std::unexpected(r.error());
        page.total = count.next() ? count.value(0).toLongLong() : 0;
    }

    QVariantList sortParams;
    const QString idColumn = kind == RecordKind::AuditEntry ? u"seq"_s : u"id"_s;
    const QString sortExpr = query.sortField.isEmpty() || query.sortField == "_id"_L1
                                 ? idColumn
                                 : sortExpressionOf(kind, query.sortField, sortParams);
    const QString direction = query.descending ? u" DESC"_s : QString();
    QString orderBy = sortExpr + direction;
    for (const ListQuery::SortKey& key : query.thenBy) {
        orderBy += u", "_s;
        orderBy += key.field == "_id"_L1 ? idColumn : sortExpressionOf(kind, key.field, sortParams);
        if (key.descending)
            orderBy += u" DESC"_s;
    }
    QSqlQuery& q = m_db.prepare(u"SELECT %1 FROM %2%3 ORDER BY %4, %5%6 LIMIT ? OFFSET ?"_s.arg(
        selectColumns(kind), tableName(kind), whereSql, orderBy, idColumn, direction));
    for (const QVariant& p : std::as_const(params))
        q.addBindValue(p);
    for (const QVariant& p : std::as_const(sortParams))
        q.addBindValue(p);
    q.addBindValue(query.limit);
    q.addBindValue(qint64(query.page - 1) * query.limit);
    auto rows = readAll(q, query.parseDocuments);
    if (!rows)
        return std::unexpected(rows.error());
    page.records = std::move(*rows);
    if (!query.countTotal)
        page.total = page.records.size();
    return page;
}

Result<QList<domain::Appointment>> RecordStore::conflictCandidates(const QString& provider,
                                                                   const QString& client,
                                                                   const QDateTime& start,
                                                                   const QDateTime& end) {
    // Both halves are range scans of a covering index; the lower bound on
    // start_ms is what keeps them short (DESIGN.md, "Scheduling rules").
    const auto half = [this](const QString& who) {
        return u"SELECT id, provider, client, start_ms, end_ms, status, type FROM appointments%1 "
               "WHERE %2 = ? AND start_ms > ? AND start_ms < ? AND end_ms > ? "
               "AND status NOT IN (3, 4, 5)"_s.arg(
                   m_db.dialect().indexedBy(u"appointments_%1_start"_s.arg(who)), who);
    };
    QSqlQuery& q = m_db.prepare(half(u"provider"_s) + u" UNION "_s + half(u"client"_s));
    const qint64 startMs = start.toMSecsSinceEpoch();
    const qint64 endMs = end.toMSecsSinceEpoch();
    const qint64 lowest = startMs - qint64(domain::maxAppointmentMinutes) * 60'000;
    for (const QString& who : {provider, client}) {
        q.addBindValue(who);
        q.addBindValue(lowest);
        q.addBindValue(endMs);
        q.addBindValue(startMs);
    }
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QList<domain::Appointment> out;
    while (q.next()) {
        domain::Appointment a;
        a.meta.id =
            domain::ObjectId::fromString(q.value(0).toString()).value_or(domain::ObjectId{});
        a.provider.id =
            domain::ObjectId::fromString(q.value(1).toString()).value_or(domain::ObjectId{});
        a.client.id =
            domain::ObjectId::fromString(q.value(2).toString()).value_or(domain::ObjectId{});
        a.startTime = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), QTimeZone::utc());
        a.endTime = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), QTimeZone::utc());
        a.duration = int(a.startTime.secsTo(a.endTime) / 60);
        a.status = domain::AppointmentStatus(q.value(5).toInt());
        a.appointmentType = domain::AppointmentType(q.value(6).toInt());
        out.append(a);
    }
    return out;
}

Result<QList<StoredRecord>> RecordStore::appointmentsBetween(const QString& who, bool byClient,
                                                             const QDateTime& from,
                                                             const QDateTime& to) {
    const QString column = byClient ? u"client"_s : u"provider"_s;
    QSqlQuery& q =
        m_db.prepare(u"SELECT doc, version, secret, id FROM appointments WHERE %1 = ? AND "
                     "start_ms > ? AND start_ms < ? AND end_ms > ? AND "
                     "status NOT IN (3, 4, 5) ORDER BY start_ms"_s.arg(column));
    q.addBindValue(who);
    q.addBindValue(from.toMSecsSinceEpoch() - qint64(domain::maxAppointmentMinutes) * 60'000);
    q.addBindValue(to.toMSecsSinceEpoch());
    q.addBindValue(from.toMSecsSinceEpoch());
    return readAll(q);
}

namespace {

Result<QList<RecordStore::AppointmentRow>> readRows(QSqlQuery& q, bool documents) {
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QList<RecordStore::AppointmentRow> out;
    while (q.next()) {
        RecordStore::AppointmentRow row;
        row.id = q.value(0).toString();
        row.provider = q.value(1).toString();
        row.client = q.value(2).toString();
        row.series = q.value(3).toString();
        row.startMs = q.value(4).toLongLong();
        row.endMs = q.value(5).toLongLong();
        row.updatedMs = q.value(6).toLongLong();
        row.version = q.value(7).toLongLong();
        row.status = domain::AppointmentStatus(q.value(8).toInt());
        if (documents) {
            row.doc = QJsonDocument::fromJson(q.value(9).toByteArray()).object();
            row.secret = q.value(10).toByteArray();
        }
        out.append(std::move(row));
    }
    return out;
}

QString rowQuery(const QString& where, bool documents) {
    return u"SELECT id, provider, client, series, start_ms, end_ms, updated_ms, version, status%1 "
           "FROM appointments WHERE %2 ORDER BY start_ms, id"_s.arg(
               documents ? u", doc, secret"_s : QString(), where);
}

} // namespace

Result<QList<RecordStore::AppointmentRow>>
RecordStore::appointmentRowsStarting(const QString& provider, const QDateTime& from,
                                     const QDateTime& to, bool documents) {
    QSqlQuery& q =
        m_db.prepare(rowQuery(u"provider = ? AND start_ms >= ? AND start_ms < ?"_s, documents));
    q.addBindValue(provider);
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(to.toMSecsSinceEpoch());
    return readRows(q, documents);
}

Result<QList<RecordStore::AppointmentRow>>
RecordStore::appointmentRowsOfSeries(const QString& series, bool documents) {
    QSqlQuery& q = m_db.prepare(rowQuery(u"series = ?"_s, documents));
    q.addBindValue(series);
    return readRows(q, documents);
}

Result<QList<StoredRecord>> RecordStore::byColumn(RecordKind kind, const QString& column,
                                                  const QString& value) {
    QSqlQuery& q = m_db.prepare(u"SELECT %1 FROM %2 WHERE %3 = ? ORDER BY id"_s.arg(
        selectColumns(kind), tableName(kind), column));
    q.addBindValue(value);
    return readAll(q);
}

Result<QSet<QString>> RecordStore::caseloadOf(const QString& provider) {
    QSqlQuery& q = m_db.prepare(
        u"SELECT client FROM appointments WHERE provider = ? "
        "UNION SELECT client FROM recurring_appointments WHERE provider = ? "
        "UNION SELECT id FROM clients WHERE json_extract(doc, '$.assignedProvider') = ? "
        "OR json_extract(doc, '$.createdBy') = ?"_s);
    q.addBindValue(provider);
    q.addBindValue(provider);
    q.addBindValue(provider);
    q.addBindValue(provider);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    q.finish();
    return out;
}

Result<QList<Change>> RecordStore::changesSince(qint64 seq, int limit) {
    QSqlQuery& q = m_db.prepare(u"SELECT seq, kind, record_id, op, version FROM changes "
                                "WHERE seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(seq);
    q.addBindValue(limit);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QList<Change> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), RecordKind(q.value(1).toInt()), q.value(2).toString(),
                    q.value(3).toString() == "delete"_L1, q.value(4).toLongLong()});
    }
    return out;
}

Result<QList<RecordStore::ChangedRecord>> RecordStore::changesWithRecords(qint64 seq, int limit) {
    // One LEFT JOIN per kind of record; the kind test in each ON clause
    // keeps SQLite to the one primary-key lookup that can match.
    static const QString statement = [] {
        QString joins, docs, secrets;
        for (const RecordKind kind : {RecordKind::Appointment, RecordKind::RecurringAppointment,
                                      RecordKind::ProviderAvailability, RecordKind::Client,
                                      RecordKind::Staff, RecordKind::WaitlistEntry}) {
            const QString alias = u"t%1"_s.arg(int(kind));
            joins += u" LEFT JOIN %1 %2 ON c.kind = '%3' AND %2.id = c.record_id"_s.arg(
                tableName(kind), alias, QString::number(int(kind)));
            docs += (docs.isEmpty() ? u""_s : u", "_s) + alias + u".doc"_s;
            if (hasSecret(kind))
                secrets += (secrets.isEmpty() ? u""_s : u", "_s) + alias + u".secret"_s;
        }
        return u"SELECT c.seq, c.kind, c.record_id, c.op, c.version, coalesce(%1), coalesce(%2, "
               "NULL) FROM changes c%3 WHERE c.seq > ? ORDER BY c.seq LIMIT ?"_s.arg(docs, secrets,
                                                                                     joins);
    }();
    QSqlQuery& q = m_db.prepare(statement);
    q.addBindValue(seq);
    q.addBindValue(limit);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QList<ChangedRecord> out;
    out.reserve(limit);
    while (q.next()) {
        ChangedRecord c;
        c.change = {q.value(0).toLongLong(), RecordKind(q.value(1).toInt()), q.value(2).toString(),
                    q.value(3).toString() == "delete"_L1, q.value(4).toLongLong()};
        c.present = !c.change.deleted && !q.value(5).isNull();
        if (c.present) {
            c.raw = q.value(5).toByteArray();
            c.secret = q.value(6).toByteArray();
        }
        out.append(std::move(c));
    }
    return out;
}

Result<std::optional<RecordStore::SavedAnswer>> RecordStore::savedAnswer(const QString& staff,
                                                                         const QString& key) {
    QSqlQuery& q = m_db.prepare(
        u"SELECT request, status, body FROM idempotency WHERE staff = ? AND key = ?"_s);
    q.addBindValue(staff);
    q.addBindValue(key);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<SavedAnswer>();
    return std::optional<SavedAnswer>(
        SavedAnswer{q.value(0).toString(), q.value(1).toInt(), q.value(2).toByteArray()});
}

Result<void> RecordStore::saveAnswer(const QString& staff, const QString& key,
                                     const SavedAnswer& answer, qint64 nowMs) {
    QSqlQuery& q = m_db.prepare(m_db.dialect().replaceInto(
        u"idempotency"_s,
        {u"staff"_s, u"key"_s, u"request"_s, u"status"_s, u"body"_s, u"created_ms"_s},
        {u"staff"_s, u"key"_s}));
    q.addBindValue(staff);
    q.addBindValue(key);
    q.addBindValue(answer.request);
    q.addBindValue(answer.status);
    q.addBindValue(answer.body);
    q.addBindValue(nowMs);
    return Database::run(q);
}

Result<std::optional<QString>> RecordStore::setting(const QString& key) {
    QSqlQuery& q = m_db.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    q.addBindValue(key);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Result<QHash<QString, QString>> RecordStore::settings(const QStringList& keys) {
    QSqlQuery& q = m_db.prepare(u"SELECT key, value FROM settings WHERE key IN (%1)"_s.arg(
        QStringList(keys.size(), u"?"_s).join(u", "_s)));
    for (const QString& key : keys)
        q.addBindValue(key);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    QHash<QString, QString> values;
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toString());
    return values;
}

Result<void> RecordStore::setSetting(const QString& key, const QString& value) {
    QSqlQuery& q =
        m_db.prepare(m_db.dialect().replaceInto(u"settings"_s, {u"key"_s, u"value"_s}, {u"key"_s}));
    q.addBindValue(key);
    q.addBindValue(value);
    return Database::run(q);
}

} // namespace mss::storage
