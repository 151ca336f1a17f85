#pragma once

#include "base/Error.h"
#include "storage/DatabaseUrl.h"

#include <QStringList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace mss::server::app {

// The commands of mentalspace-server (see --help); returns the exit code.
int run(const QStringList& arguments);

// The program's standard output and error: one stream each, shared by
// every command, so that what they print keeps its order.
QTextStream& out();
QTextStream& err();

// Prints "mentalspace-server: MESSAGE" to stderr; returns exit code 2.
int fail(const QString& message);
// The same with the error described whole (describe(): its option, its
// message, then its causes).
int fail(const Error& error);
// `error`, which is about the value `option` gave, with the option as its
// field ("--database: the database URL ... names no user").
Error withField(Error error, const QString& option);
// Options of one command (--name VALUE and flags); false, after saying
// why, when one is unknown, out of place, or a required one is missing.
bool parseOptions(QCommandLineParser& parser, const QStringList& arguments,
                  const QStringList& valued, const QStringList& flags, const QStringList& required);

// The password in `file` (--database-password-file), without its line
// ending; or why it cannot be had (FileUnusable, or Required when the
// file is empty), the option as its field.
Result<QString> passwordFromFile(const QString& file);

// The demo practice (Demo.cpp), in `database` (absent: the SQLite file in
// `dataDir`).
int runDemo(const QString& dataDir, const QString& timeZone,
            const std::optional<storage::DatabaseUrl>& database = std::nullopt);

// backup and restore (Backup.cpp); `arguments` start with the program name.
int runBackup(const QStringList& arguments);
int runRestore(const QStringList& arguments);

// migrate (Migrate.cpp): an SQLite practice copied into PostgreSQL.
int runMigrate(const QStringList& arguments);

} // namespace mss::server::app
