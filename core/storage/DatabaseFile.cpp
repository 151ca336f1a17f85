#include "storage/DatabaseFile.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

// The SQLite file format (https://www.sqlite.org/fileformat.html).
constexpr char headerMagic[] = "SQLite format 3";
constexpr int headerSize = 100;
constexpr int userVersionOffset = 60;
// The -shm file's "dead man switch" byte: each connection holds a shared
// lock on it while it has the WAL index mapped (walformat.html).
constexpr off_t shmDmsByte = 128;

QString sqliteMessage(sqlite3* db, int rc) {
    if (rc == SQLITE_FULL)
        return u"the disk is full"_s;
    if (rc == SQLITE_CANTOPEN)
        return u"the file cannot be opened"_s;
    QString text = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    // "disk I/O error" alone does not say what to do; the errno does.
    if (const int error = db ? sqlite3_system_errno(db) : 0; error != 0)
        text += u" ("_s + describeErrno(error) + u')';
    return text;
}

// One sqlite3 connection, closed at scope exit.
struct Connection {
    sqlite3* db = nullptr;
    ~Connection() { sqlite3_close_v2(db); }
    int open(const QString& path, int flags) {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
        if (rc == SQLITE_OK)
            sqlite3_busy_timeout(db, 10'000);
        return rc;
    }
    int exec(const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }
};

Result<qint64> singleValue(Connection& c, const QString& query, QString* text = nullptr) {
    sqlite3_stmt* stmt = nullptr;
    const QByteArray sql = query.toUtf8();
    int rc = sqlite3_prepare_v2(c.db, sql.constData(), int(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(failure(sqliteMessage(c.db, rc)));
    rc = sqlite3_step(stmt);
    qint64 value = 0;
    if (rc == SQLITE_ROW) {
        value = sqlite3_column_int64(stmt, 0);
        if (text)
            *text = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return std::unexpected(failure(sqliteMessage(c.db, rc)));
    return value;
}

} // namespace

QString describeErrno(int error) {
    switch (error) {
    case ENOSPC:
        return u"the disk is full"_s;
    case EDQUOT:
        return u"the disk quota is used up"_s;
    case EACCES:
    case EPERM:
        return u"permission denied"_s;
    case EROFS:
        return u"the file system is read-only"_s;
    case ENOENT:
        return u"no such file or folder"_s;
    case EFBIG:
        return u"the file would be larger than allowed"_s;
    default:
        return QString::fromLocal8Bit(std::strerror(error));
    }
}

Result<int> schemaVersionOf(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists() || info.size() == 0)
        return 0;
    // A -wal file exists while any connection has the database open, in
    // this process too (the reminder sender opens the practice beside the
    // server's connection), and after a crash it may hold a newer page 1:
    // then SQLite reads it. Opening and closing the file here ourselves
    // would drop this process's SQLite locks on it (POSIX locks belong to
    // the process, and any close() releases them).
    if (QFileInfo::exists(path + u"-wal"_s)) {
        Connection c;
        if (const int rc = c.open(path, SQLITE_OPEN_READONLY); rc != SQLITE_OK)
            return std::unexpected(
                failure(u"cannot open %1: %2"_s.arg(path, sqliteMessage(c.db, rc))));
        auto version = singleValue(c, u"PRAGMA user_version"_s);
        if (!version)
            return std::unexpected(
                failure(u"cannot read %1: %2"_s.arg(path, version.error().message)));
        return int(*version);
    }
    // No connection anywhere: the header says it, and reading it creates
    // no -wal/-shm files beside a database we may have to leave alone.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(failure(u"cannot read %1: %2"_s.arg(path, file.errorString())));
    const QByteArray header = file.read(headerSize);
    if (header.size() < headerSize || !header.startsWith(headerMagic))
        return std::unexpected(failure(u"%1 is not a SQLite database"_s.arg(path)));
    const auto* bytes = reinterpret_cast<const uchar*>(header.constData() + userVersionOffset);
    return int(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 |
               quint32(bytes[3]));
}

bool isOpenElsewhere(const QString& path) {
    const QByteArray shm = QFile::encodeName(path + u"-shm"_s);
    const int fd = ::open(shm.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = shmDmsByte;
    lock.l_len = 1;
    // F_GETLK only asks: it takes no lock, so it cannot disturb anyone.
    const bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

Result<CopyResult> copyDatabase(const QString& source, const QString& destination,
                                const std::function<void(qint64, qint64)>& progress) {
    Connection from;
    if (const int rc = from.open(source, SQLITE_OPEN_READWRITE); rc != SQLITE_OK)
        return std::unexpected(
            failure(u"cannot open %1: %2"_s.arg(source, sqliteMessage(from.db, rc))));
    // The read transaction is the snapshot. The backup uses it for every
    // step instead of opening one per step, so writes committed meanwhile
    // by the server neither enter the copy nor make it start over.
    if (const int rc = from.exec("BEGIN; SELECT count(*) FROM sqlite_schema;"); rc != SQLITE_OK)
        return std::unexpected(
            failure(u"cannot read %1: %2"_s.arg(source, sqliteMessage(from.db, rc))));
    Connection to;
    if (const int rc = to.open(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        rc != SQLITE_OK)
        return std::unexpected(
            failure(u"cannot create %1: %2"_s.arg(destination, sqliteMessage(to.db, rc))));
    // A scratch copy: written once, then read into the archive.
    to.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
    if (!backup)
        return std::unexpected(failure(
            u"cannot start the copy: %1"_s.arg(sqliteMessage(to.db, sqlite3_errcode(to.db)))));
    int rc = SQLITE_OK;
    while (true) {
        rc = sqlite3_backup_step(backup, 1024);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
            continue;
        }
        if (progress && (rc == SQLITE_OK || rc == SQLITE_DONE)) {
            const qint64 total = sqlite3_backup_pagecount(backup);
            progress(total - sqlite3_backup_remaining(backup), total);
        }
        if (rc != SQLITE_OK)
            break;
    }
    CopyResult result;
    result.pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return std::unexpected(failure(sqliteMessage(to.db, rc)));
    if (const int code = sqlite3_errcode(to.db); code != SQLITE_OK && code != SQLITE_DONE)
        return std::unexpected(failure(sqliteMessage(to.db, code)));
    from.exec("COMMIT");
    auto pageSize = singleValue(to, u"PRAGMA page_size"_s);
    result.bytes = pageSize ? result.pages * *pageSize : 0;
    return result;
}

Result<QString> integrityOf(const QString& path) {
    Connection c;
    if (const int rc = c.open(path, SQLITE_OPEN_READWRITE); rc != SQLITE_OK)
        return std::unexpected(failure(u"cannot open %1: %2"_s.arg(path, sqliteMessage(c.db, rc))));
    QString verdict;
    if (auto r = singleValue(c, u"PRAGMA integrity_check(1)"_s, &verdict); !r)
        return std::unexpected(r.error());
    return verdict;
}

Result<qint64> countIn(const QString& path, const QString& query) {
    Connection c;
    if (const int rc = c.open(path, SQLITE_OPEN_READWRITE); rc != SQLITE_OK)
        return std::unexpected(failure(u"cannot open %1: %2"_s.arg(path, sqliteMessage(c.db, rc))));
    return singleValue(c, query);
}

} // namespace mss::storage
