#pragma once

#include "base/Error.h"

#include <QString>

namespace mss::storage {

// The two engines a practice's database may live in: an SQLite file (one
// office, the default) or a PostgreSQL database (several server processes
// sharing one practice; docs/server.md, "PostgreSQL").
enum class Engine { Sqlite, Postgresql };

// Where a practice's database is: `sqlite:PATH` or
// `postgresql://user@host:port/database`. The password never appears in the
// URL: libpq reads PGPASSWORD or ~/.pgpass itself, or the caller sets
// `password` from a file (--database-password-file).
struct DatabaseUrl {
    Engine engine = Engine::Sqlite;
    QString path; // SQLite: the database file
    QString user;
    QString host;
    int port = 5432;
    QString database;
    QString password; // PostgreSQL: empty lets libpq find it
    // SQLite: the most bytes the file may grow to (PRAGMA max_page_count,
    // serve --database-size-limit); a write past it fails as on a full
    // disk. 0: no limit. Not part of the URL's text.
    qint64 sizeLimit = 0;

    static DatabaseUrl sqlite(const QString& file) {
        DatabaseUrl url;
        url.path = file;
        return url;
    }
    // The URL, or an InvalidDatabaseUrl error whose sentence names what is
    // wrong with it. No field: the caller knows which option gave the text.
    static Result<DatabaseUrl> parse(const QString& text);
    // The URL as a person reads it (never the password).
    QString toString() const;
};

} // namespace mss::storage
