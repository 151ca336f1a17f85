#pragma once

#include "storage/Database.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace mss::storage {

// A practice's database copied from SQLite into PostgreSQL
// (mentalspace-server migrate; docs/server.md, "Moving to PostgreSQL").
//
// The copy is read generically: every table of the source, every column,
// as the target's schema (Migrations.cpp, run by the copy itself) types it,
// so a table or column a later schema step adds needs no change here.

// One table: its rows and a digest of its content that does not depend on
// the engine. Each value is put in one canonical form by the kind of the
// target's column (SQLite keeps a document as text or as bytes alike), each
// row hashed, and the row hashes sorted (the engines order text
// differently) and hashed again.
struct TableSummary {
    QString table;
    qint64 rows = 0;
    QByteArray digest; // SHA-256
    // The columns digested: the source's, in the target's order (PostgreSQL
    // has more, which it fills itself).
    QStringList columns = {};
    friend bool operator==(const TableSummary&, const TableSummary&) = default;
};

// Why the PostgreSQL database `target` may not receive a practice, as a
// sentence naming `targetName`; empty when it may: it holds no tables. (A
// practice's schema, even without rows, is a practice: a server has been
// started on it.)
Result<QString> refusalToReceive(Database& target, const QString& targetName);

// Rows copied of one table so far, and its total.
using CopyProgress = std::function<void(const QString& table, qint64 done, qint64 total)>;

// Copies every table of the SQLite practice `source` into `target`, which
// refusalToReceive() accepted, as one snapshot of the source (a read
// transaction) and one transaction of the target: the schema, then the
// rows in batches, then the serial columns (the change
// feed's seq) set to continue after the copied maximum. All or nothing: a
// failure leaves the target as it was. Returns the source's tables as read.
Result<QList<TableSummary>> copyPractice(Database& source, Database& target,
                                         const CopyProgress& progress);

// The same summaries of the tables `copied` in `target`, over the same
// columns, read the same way (one snapshot), to compare with what
// copyPractice() read.
Result<QList<TableSummary>> summarize(Database& target, const QList<TableSummary>& copied);

} // namespace mss::storage
