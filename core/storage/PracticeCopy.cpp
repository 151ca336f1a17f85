// Copying a practice from SQLite into PostgreSQL. What makes it hard:
// - SQLite is loosely typed: a document may be stored as text or as bytes,
//   and a column declared INTEGER may hold text. Every value is therefore
//   read as the target's column types it (information_schema), bound in that
//   form, and digested in one canonical form on both sides.
// - All or nothing: the schema is created in the same PostgreSQL transaction
//   as the rows (PostgreSQL's DDL is transactional), so a failure leaves no
//   schema version behind that would make the database look taken.
// - The change feed's cursors stay valid only if its numbers are copied as
//   they are and the sequence continues after the highest one ever given
//   (SQLite's AUTOINCREMENT keeps that in sqlite_sequence).
// - A million rows: read forward only, written in multi-row INSERTs, read
//   back through a server-side cursor, never all in memory at once.
#include "storage/PracticeCopy.h"

#include "storage/Migrations.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlRecord>

#include <algorithm>
#include <array>
#include <vector>

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

// How the target's column keeps a value, and so its canonical form.
enum class Kind { Integer, Text, Bytes };

struct Column {
    QString name;
    Kind kind = Kind::Text;
    // PostgreSQL fills it when the source has no such column: generated,
    // or with a default (appointments.checked_free, holds_time, overlap_key).
    bool filledByTarget = false;
};

QString quoted(const QString& identifier) {
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

QString columnList(const QList<Column>& columns) {
    QStringList names;
    for (const Column& c : columns)
        names << quoted(c.name);
    return names.join(u", "_s);
}

Error errorOf(const QSqlQuery& q, const QString& what) {
    return failure(what + u": "_s + q.lastError().text());
}

Result<void> exec(QSqlQuery& q, const QString& statement, const QString& what) {
    if (!q.exec(statement))
        return std::unexpected(errorOf(q, what));
    return {};
}

bool isIntegral(const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

QByteArray bytesOf(const QVariant& v) {
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
}

// One value in its engine-independent form: a tag, the length, the bytes.
void addCanonical(QCryptographicHash& h, const QSqlQuery& q, int i, Kind kind) {
    if (q.isNull(i)) {
        h.addData("N;");
        return;
    }
    const QVariant v = q.value(i);
    char tag = 'T';
    QByteArray bytes;
    switch (kind) {
    case Kind::Integer:
        if (isIntegral(v)) {
            tag = 'I';
            bytes = QByteArray::number(v.toLongLong());
        } else {
            tag = 'X';
            bytes = bytesOf(v);
        }
        break;
    case Kind::Text:
        bytes = bytesOf(v);
        break;
    case Kind::Bytes:
        tag = 'B';
        bytes = bytesOf(v);
        break;
    }
    h.addData(QByteArrayView(&tag, 1));
    h.addData(QByteArray::number(bytes.size()));
    h.addData(":");
    h.addData(bytes);
}

// The row hashes of one table, folded into its digest.
class TableDigest {
public:
    void addRow(const QSqlQuery& q, const QList<Column>& columns) {
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (int i = 0; i < columns.size(); ++i)
            addCanonical(h, q, i, columns.at(i).kind);
        std::array<char, 32> row;
        const QByteArrayView result = h.resultView();
        std::copy_n(result.data(), row.size(), row.begin());
        m_rows.push_back(row);
    }
    TableSummary summary(const QString& table) {
        std::sort(m_rows.begin(), m_rows.end());
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const auto& row : m_rows)
            h.addData(QByteArrayView(row.data(), qsizetype(row.size())));
        return {table, qint64(m_rows.size()), h.result()};
    }

private:
    std::vector<std::array<char, 32>> m_rows;
};

// The value as the target's column takes it. A value that does not fit
// (text in an INTEGER column) is bound as it is, for PostgreSQL to refuse
// with its own words rather than be changed here.
Result<QVariant> bindable(const QSqlQuery& q, int i, Kind kind) {
    if (q.isNull(i))
        return QVariant();
    const QVariant v = q.value(i);
    switch (kind) {
    case Kind::Integer:
        return isIntegral(v) ? QVariant(v.toLongLong()) : QVariant(QString::fromUtf8(bytesOf(v)));
    case Kind::Text: {
        const QByteArray bytes = bytesOf(v);
        if (!bytes.isValidUtf8())
            return std::unexpected(
                Error{ErrorCode::InvalidCharacter, {}, u"is not valid UTF-8 text"_s});
        return QVariant(QString::fromUtf8(bytes));
    }
    case Kind::Bytes:
        return QVariant(bytesOf(v));
    }
    return v;
}

// The first column of each row `statement` answers in `db`.
Result<QStringList> firstColumn(Database& db, const QString& statement, const QString& what) {
    QSqlQuery q(db.sql());
    if (auto r = exec(q, statement, what); !r)
        return std::unexpected(r.error());
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}

Result<QStringList> targetTables(Database& target) {
    return firstColumn(target,
                       u"SELECT table_name FROM information_schema.tables WHERE table_schema = "
                       "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"_s,
                       u"cannot list the target's tables"_s);
}

Result<QList<Column>> targetColumns(Database& target, const QString& table) {
    QSqlQuery q(target.sql());
    q.prepare(u"SELECT column_name, data_type, "
              "is_generated = 'ALWAYS' OR column_default IS NOT NULL "
              "FROM information_schema.columns WHERE "
              "table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"_s);
    q.addBindValue(table);
    if (!q.exec())
        return std::unexpected(errorOf(q, u"cannot read the columns of %1"_s.arg(table)));
    QList<Column> columns;
    while (q.next()) {
        const QString type = q.value(1).toString();
        const Kind kind = type == "bigint"_L1 || type == "integer"_L1 || type == "smallint"_L1
                              ? Kind::Integer
                          : type == "bytea"_L1 ? Kind::Bytes
                                               : Kind::Text;
        columns.append({q.value(0).toString(), kind, q.value(2).toBool()});
    }
    return columns;
}

// The source's tables in the order they were created (records first).
Result<QStringList> sourceTables(Database& source) {
    return firstColumn(source,
                       u"SELECT name FROM sqlite_master WHERE type = 'table' AND "
                       "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"_s,
                       u"cannot list the source's tables"_s);
}

// The columns of `table`, in the target's order and typed as the target
// types them; the source must have the same ones, but for those PostgreSQL
// fills itself (generated or defaulted: the exclusion constraints' columns).
Result<QList<Column>> columnsToCopy(Database& source, Database& target, const QString& table) {
    const auto typed = targetColumns(target, table);
    if (!typed)
        return std::unexpected(typed.error());
    if (typed->isEmpty())
        return std::unexpected(failure(
            u"the source's table %1 has no counterpart in the PostgreSQL schema"_s.arg(table)));
    QSqlQuery q(source.sql());
    if (auto r = exec(q, u"PRAGMA table_info(%1)"_s.arg(quoted(table)),
                      u"cannot read the columns of %1"_s.arg(table));
        !r)
        return std::unexpected(r.error());
    QStringList names;
    while (q.next())
        names << q.value(1).toString();
    for (const QString& name : std::as_const(names)) {
        if (std::none_of(typed->begin(), typed->end(),
                         [&](const Column& c) { return c.name == name; }))
            return std::unexpected(failure(
                u"the source's column %1.%2 has no counterpart in the PostgreSQL schema"_s.arg(
                    table, name)));
    }
    QList<Column> copied;
    for (const Column& c : *typed) {
        if (names.contains(c.name))
            copied.append(c);
        else if (!c.filledByTarget)
            return std::unexpected(failure(
                u"the PostgreSQL schema's column %1.%2 is not in the source"_s.arg(table, c.name)));
    }
    return copied;
}

// PostgreSQL's schema, as the migrations would create it, inside the
// caller's transaction.
Result<void> createSchema(Database& target) {
    const Dialect& dialect = target.dialect();
    QStringList statements = dialect.schemaPreamble();
    for (const QStringList& step : serverSchema()) {
        for (const QString& statement : step)
            statements << dialect.schemaStatement(statement);
    }
    statements << dialect.writeSchemaVersion(latestSchemaVersion());
    QSqlQuery q(target.sql());
    for (const QString& statement : statements) {
        if (auto r = exec(q, statement, u"cannot create the schema"_s); !r)
            return r;
    }
    return {};
}

Result<qint64> count(Database& db, const QString& table) {
    QSqlQuery q(db.sql());
    if (auto r = exec(q, u"SELECT count(*) FROM %1"_s.arg(quoted(table)),
                      u"cannot count the rows of %1"_s.arg(table));
        !r)
        return std::unexpected(r.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

// One table's rows, in INSERTs of many rows each.
Result<TableSummary> copyTable(Database& source, Database& target, const QString& table,
                               const CopyProgress& progress) {
    const auto columns = columnsToCopy(source, target, table);
    if (!columns)
        return std::unexpected(columns.error());
    const auto total = count(source, table);
    if (!total)
        return std::unexpected(total.error());
    if (progress)
        progress(table, 0, *total);

    const int width = int(columns->size());
    // Some thousands of values a statement: few round trips, a statement of
    // a few megabytes at most.
    const int batchRows = std::clamp(12'000 / std::max(width, 1), 1, 1'000);
    const QString row = u'(' + QStringList(width, u"?"_s).join(u", "_s) + u')';
    const auto insertOf = [&](int rows) -> QString {
        return u"INSERT INTO %1(%2) VALUES "_s.arg(quoted(table), columnList(*columns)) +
               QStringList(rows, row).join(u", "_s);
    };
    QSqlQuery full(target.sql());
    bool fullPrepared = false;
    QVariantList pending;
    qint64 done = 0;
    const auto flush = [&]() -> Result<void> {
        const int rows = int(pending.size() / width);
        if (rows == 0)
            return {};
        QSqlQuery partial(target.sql());
        QSqlQuery* insert = &full;
        if (rows < batchRows) {
            insert = &partial;
            if (!partial.prepare(insertOf(rows)))
                return std::unexpected(
                    errorOf(partial, u"cannot prepare the copy of %1"_s.arg(table)));
        } else if (!fullPrepared) {
            if (!full.prepare(insertOf(rows)))
                return std::unexpected(
                    errorOf(full, u"cannot prepare the copy of %1"_s.arg(table)));
            fullPrepared = true;
        }
        for (int i = 0; i < pending.size(); ++i)
            insert->bindValue(i, pending.at(i));
        if (!insert->exec())
            return std::unexpected(errorOf(
                *insert, u"PostgreSQL refused a row of %1 (rows %2 to %3 of %4)"_s.arg(table)
                             .arg(done + 1)
                             .arg(done + rows)
                             .arg(*total)));
        done += rows;
        pending.clear();
        if (progress)
            progress(table, done, *total);
        return {};
    };

    QSqlQuery read(source.sql());
    read.setForwardOnly(true);
    if (auto r = exec(read, u"SELECT %1 FROM %2"_s.arg(columnList(*columns), quoted(table)),
                      u"cannot read %1"_s.arg(table));
        !r)
        return std::unexpected(r.error());
    TableDigest digest;
    pending.reserve(qsizetype(batchRows) * width);
    while (read.next()) {
        digest.addRow(read, *columns);
        for (int i = 0; i < width; ++i) {
            auto value = bindable(read, i, columns->at(i).kind);
            if (!value)
                return std::unexpected(failure(u"row %1 of %2: its %3 %4"_s.arg(
                    QString::number(done + pending.size() / width + 1), table, columns->at(i).name,
                    value.error().message)));
            pending.append(std::move(*value));
        }
        if (pending.size() == qsizetype(batchRows) * width) {
            if (auto r = flush(); !r)
                return std::unexpected(r.error());
        }
    }
    if (read.lastError().isValid())
        return std::unexpected(errorOf(read, u"cannot read %1"_s.arg(table)));
    if (auto r = flush(); !r)
        return std::unexpected(r.error());
    TableSummary summary = digest.summary(table);
    for (const Column& c : *columns)
        summary.columns << c.name;
    return summary;
}

// The serial columns (the change feed's seq) continue after the highest
// number the source ever gave, so the next change is numbered after every
// cursor a desk holds.
Result<void> continueSequences(Database& source, Database& target) {
    QHash<QString, qint64> given;
    QSqlQuery s(source.sql());
    if (s.exec(u"SELECT name, seq FROM sqlite_sequence"_s)) {
        while (s.next())
            given.insert(s.value(0).toString(), s.value(1).toLongLong());
    }
    QSqlQuery q(target.sql());
    if (auto r = exec(q,
                      u"SELECT table_name, column_name, "
                      "pg_get_serial_sequence(quote_ident(table_name), column_name) "
                      "FROM information_schema.columns WHERE table_schema = current_schema() "
                      "AND column_default LIKE 'nextval(%'"_s,
                      u"cannot find the target's sequences"_s);
        !r)
        return r;
    struct Serial {
        QString table, column, sequence;
    };
    QList<Serial> serials;
    while (q.next())
        serials.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    for (const Serial& serial : serials) {
        if (serial.sequence.isEmpty())
            continue;
        QSqlQuery m(target.sql());
        if (auto r = exec(
                m, u"SELECT max(%1) FROM %2"_s.arg(quoted(serial.column), quoted(serial.table)),
                u"cannot read the highest %1.%2"_s.arg(serial.table, serial.column));
            !r)
            return r;
        const qint64 highest =
            std::max(m.next() ? m.value(0).toLongLong() : 0, given.value(serial.table));
        const QString name = QString(serial.sequence).replace(u'\'', u"''"_s);
        const QString set = highest > 0 ? u"SELECT setval('%1', %2, true)"_s.arg(name).arg(highest)
                                        : u"SELECT setval('%1', 1, false)"_s.arg(name);
        if (auto r = exec(m, set, u"cannot continue the sequence of %1"_s.arg(serial.table)); !r)
            return r;
    }
    return {};
}

} // namespace

Result<QString> refusalToReceive(Database& target, const QString& targetName) {
    const auto tables = targetTables(target);
    if (!tables)
        return std::unexpected(tables.error());
    if (tables->isEmpty())
        return QString();
    if (!tables->contains(u"schema_version"_s))
        return u"%1 holds tables of something else than a MentalSpace practice (%2); migrate "
               "copies only into an empty database (createdb makes one)"_s.arg(
                   targetName, tables->mid(0, 5).join(u", "_s));
    QSqlQuery q(target.sql());
    if (auto r = exec(q, u"SELECT version FROM schema_version"_s,
                      u"cannot read the target's schema version"_s);
        !r)
        return std::unexpected(r.error());
    const int version = q.next() ? q.value(0).toInt() : 0;
    qint64 staff = 0, appointments = 0;
    for (auto [table, rows] : {std::pair{u"staff"_s, &staff}, {u"appointments"_s, &appointments}}) {
        if (!tables->contains(table))
            continue;
        const auto counted = count(target, table);
        if (!counted)
            return std::unexpected(counted.error());
        *rows = *counted;
    }
    return u"%1 already holds a practice (schema %2, %3 staff, %4 appointments); migrate copies "
           "only into an empty database (createdb makes one)"_s.arg(targetName)
               .arg(version)
               .arg(staff)
               .arg(appointments);
}

Result<QList<TableSummary>> copyPractice(Database& source, Database& target,
                                         const CopyProgress& progress) {
    ReadTransaction snapshot(source);
    if (!snapshot.isActive())
        return std::unexpected(failure(u"cannot take a snapshot of the source"_s));
    WriteTransaction tx(target);
    if (!tx.isActive())
        return std::unexpected(tx.beginError());
    // Asked again under the write lock: a server may have started on it.
    const auto refusal = refusalToReceive(target, target.path());
    if (!refusal)
        return std::unexpected(refusal.error());
    if (!refusal->isEmpty())
        return std::unexpected(failure(*refusal));
    if (auto r = createSchema(target); !r)
        return std::unexpected(r.error());
    const auto tables = sourceTables(source);
    if (!tables)
        return std::unexpected(tables.error());
    QList<TableSummary> copied;
    for (const QString& table : *tables) {
        auto summary = copyTable(source, target, table, progress);
        if (!summary)
            return std::unexpected(summary.error());
        copied.append(std::move(*summary));
    }
    // SQLite keeps no checked_free: the copied appointments are judged as
    // step 7 judges existing ones, so the exclusion constraints protect
    // them from the first booking on.
    if (target.dialect().engine() == Engine::Postgresql) {
        QSqlQuery q(target.sql());
        if (auto r = exec(q, checkedFreeBackfill(),
                          u"cannot mark which copied appointments hold their time"_s);
            !r)
            return std::unexpected(r.error());
    }
    if (auto r = continueSequences(source, target); !r)
        return std::unexpected(r.error());
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());
    return copied;
}

Result<QList<TableSummary>> summarize(Database& target, const QList<TableSummary>& copied) {
    ReadTransaction snapshot(target);
    if (!snapshot.isActive())
        return std::unexpected(failure(u"cannot take a snapshot of %1"_s.arg(target.path())));
    QList<TableSummary> summaries;
    for (const TableSummary& source : copied) {
        const QString& table = source.table;
        auto columns = targetColumns(target, table);
        if (!columns)
            return std::unexpected(columns.error());
        columns->removeIf([&](const Column& c) { return !source.columns.contains(c.name); });
        if (columns->isEmpty()) {
            summaries.append({table, 0, {}, source.columns});
            continue;
        }
        QSqlQuery q(target.sql());
        if (auto r = exec(q,
                          u"DECLARE mss_summary NO SCROLL CURSOR FOR SELECT %1 FROM %2"_s.arg(
                              columnList(*columns), quoted(table)),
                          u"cannot read %1"_s.arg(table));
            !r)
            return std::unexpected(r.error());
        TableDigest digest;
        for (;;) {
            QSqlQuery page(target.sql());
            page.setForwardOnly(true);
            if (auto r = exec(page, u"FETCH FORWARD 5000 FROM mss_summary"_s,
                              u"cannot read %1"_s.arg(table));
                !r)
                return std::unexpected(r.error());
            int rows = 0;
            while (page.next()) {
                digest.addRow(page, *columns);
                ++rows;
            }
            if (rows == 0)
                break;
        }
        if (auto r = exec(q, u"CLOSE mss_summary"_s, u"cannot read %1"_s.arg(table)); !r)
            return std::unexpected(r.error());
        TableSummary summary = digest.summary(table);
        summary.columns = source.columns;
        summaries.append(std::move(summary));
    }
    return summaries;
}

} // namespace mss::storage
