#include "backup/PracticeBackup.h"

#include "backup/TarArchive.h"
#include "server/Practice.h"
#include "storage/DatabaseFile.h"
#include "storage/Migrations.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mss::backup {

using namespace Qt::StringLiterals;
using server::Practice;

namespace {

const QString folder = u"mentalspace-backup/"_s;
const QString manifestName = u"backup.json"_s;
const QString formatName = u"mentalspace-server backup"_s;
constexpr int formatVersion = 1;
const QString databaseName = u"mentalspace.db"_s;
const QString secretKeyName = u"secret.key"_s;
// The data directory's files a backup holds, in archive order. The
// database's -wal and -shm are not among them: the copy is whole without.
const QStringList practiceFiles = {databaseName, secretKeyName, u"confirm.key"_s,
                                   u"audit.anchor"_s};

QString errnoText() {
    return storage::describeErrno(errno);
}

std::unexpected<Error> failed(ErrorCode code, const QString& why) {
    return std::unexpected(Error{code, {}, why});
}

// "cannot write FILE: REASON", the reason being `cause`.
Error cannotWrite(const QString& file, const Error& cause) {
    return Error{ErrorCode::FileUnusable, {}, u"cannot write %1"_s.arg(file)}.causedBy(cause);
}

// "ARCHIVE cannot be restored: REASON".
Error cannotRestore(const QString& archive, const Error& cause) {
    return Error{ErrorCode::BackupUnusable, {}, u"%1 cannot be restored"_s.arg(archive)}.causedBy(
        cause);
}

// A file this process made and removes again unless kept.
class ScratchFile {
public:
    explicit ScratchFile(QString path)
        : m_path(std::move(path)) {}
    ~ScratchFile() {
        if (!m_path.isEmpty())
            ::unlink(QFile::encodeName(m_path).constData());
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const QString& path() const { return m_path; }
    void keep() { m_path.clear(); }

private:
    QString m_path;
};

// Creates `path` owner-only (it is never there before: O_EXCL).
Result<int> createOwnerOnly(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return failed(ErrorCode::FileUnusable, errnoText());
    ::fchmod(fd, S_IRUSR | S_IWUSR); // whatever the umask
    return fd;
}

Result<void> writeAll(int fd, const char* data, qint64 size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failed(ErrorCode::FileUnusable, errnoText());
        data += n;
        size -= n;
    }
    return {};
}

void syncFolder(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

struct FileEntry {
    QString name;
    qint64 size = 0;
    QByteArray sha256; // hex
};

struct Manifest {
    QString createdAt;
    QString serverVersion;
    int schemaVersion = 0;
    qint64 appointments = 0;
    qint64 auditEntries = 0;
    QList<FileEntry> files;
};

// Reads the archive through, checking everything, writing nothing.
Result<Manifest> inspect(const QString& archive) {
    QFile file(archive);
    if (!file.exists())
        return failed(ErrorCode::FileUnusable, u"%1 does not exist"_s.arg(archive));
    if (!file.open(QIODevice::ReadOnly))
        return failed(ErrorCode::FileUnusable,
                      u"cannot read %1: %2"_s.arg(archive, file.errorString()));
    const auto damagedBy = [&](const Error& why) {
        return std::unexpected(cannotRestore(archive, why));
    };
    const auto damaged = [&](const QString& why) {
        return damagedBy(Error{ErrorCode::BackupUnusable, {}, why});
    };
    TarReader reader(file);
    QHash<QString, FileEntry> seen;
    QByteArray manifestBytes;
    while (true) {
        auto entry = reader.next();
        if (!entry)
            return damagedBy(entry.error());
        if (!*entry)
            break;
        const QString name = (*entry)->name;
        const QString base = name.startsWith(folder) ? name.mid(folder.size()) : QString();
        if ((*entry)->type == '5' && name == folder)
            continue; // the folder itself, as tar writes it when packing one
        if ((*entry)->type != '0' && (*entry)->type != '\0')
            return damaged(u"it holds %1, which is not a file of a MentalSpace backup"_s.arg(name));
        if (base != manifestName && !practiceFiles.contains(base))
            return damaged(u"it holds %1, which is not a file of a MentalSpace backup"_s.arg(name));
        if (seen.contains(base) || (base == manifestName && !manifestBytes.isEmpty()))
            return damaged(u"it holds %1 twice"_s.arg(name));
        if (base == manifestName) {
            if ((*entry)->size > (1 << 20))
                return damaged(u"its %1 is too large"_s.arg(manifestName));
            auto r = reader.readData([&](const char* data, qint64 size) {
                manifestBytes.append(data, size);
                return Result<void>{};
            });
            if (!r)
                return damagedBy(r.error());
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        auto r = reader.readData([&](const char* data, qint64 size) {
            hash.addData(QByteArrayView(data, size));
            return Result<void>{};
        });
        if (!r)
            return damagedBy(r.error());
        seen.insert(base, {base, (*entry)->size, hash.result().toHex()});
    }
    if (seen.isEmpty() && manifestBytes.isEmpty())
        return damaged(u"it is not a MentalSpace backup (it holds no files)"_s);
    if (manifestBytes.isEmpty())
        return damaged(u"it has no %1: it is incomplete"_s.arg(manifestName));
    const QJsonObject json = QJsonDocument::fromJson(manifestBytes).object();
    if (json.value("format"_L1).toString() != formatName)
        return damaged(u"its %1 is not that of a MentalSpace backup"_s.arg(manifestName));
    if (json.value("formatVersion"_L1).toInt() > formatVersion)
        return damaged(u"it was made by a newer MentalSpace server (backup format %1); upgrade "
                       "the server"_s.arg(json.value("formatVersion"_L1).toInt()));
    Manifest m;
    m.createdAt = json.value("createdAt"_L1).toString();
    m.serverVersion = json.value("serverVersion"_L1).toString();
    m.schemaVersion = json.value("schemaVersion"_L1).toInt();
    m.appointments = json.value("appointments"_L1).toInteger();
    m.auditEntries = json.value("auditEntries"_L1).toInteger();
    for (const QJsonValue& v : json.value("files"_L1).toArray()) {
        const QJsonObject f = v.toObject();
        const FileEntry listed{f.value("name"_L1).toString(), f.value("size"_L1).toInteger(),
                               f.value("sha256"_L1).toString().toLatin1()};
        const auto it = seen.constFind(listed.name);
        if (it == seen.cend())
            return damaged(u"%1 is missing from it"_s.arg(listed.name));
        if (it->size != listed.size || it->sha256 != listed.sha256)
            return damaged(
                u"%1 does not match its checksum: the file is damaged"_s.arg(listed.name));
        m.files << listed;
    }
    if (m.files.size() != seen.size())
        return damaged(u"it holds files its %1 does not list"_s.arg(manifestName));
    const auto has = [&](const QString& name) {
        return std::any_of(m.files.cbegin(), m.files.cend(),
                           [&](const FileEntry& f) { return f.name == name; });
    };
    if (!has(databaseName) || !has(secretKeyName))
        return damaged(u"it lacks %1 or %2"_s.arg(databaseName, secretKeyName));
    if (m.schemaVersion > storage::latestSchemaVersion())
        return std::unexpected(Practice::newerSchemaRefusal(m.schemaVersion));
    return m;
}

} // namespace

Result<BackupSummary> backUp(const QString& dataDir, const QString& archive,
                             const QString& serverVersion, const Clock& clock,
                             const Progress& progress) {
    const QString database = Practice::databaseFile(dataDir);
    if (!QFileInfo(database).isFile() || QFileInfo(database).size() == 0)
        return failed(ErrorCode::NotFound,
                      u"no practice in %1 (it has no %2)"_s.arg(dataDir, databaseName));
    const auto schema = storage::schemaVersionOf(database);
    if (!schema)
        return failed(ErrorCode::StorageFailure, schema.error().message);
    if (*schema > storage::latestSchemaVersion())
        return std::unexpected(Practice::newerSchemaRefusal(*schema));

    const QFileInfo target(archive);
    if (target.isDir())
        return failed(ErrorCode::FileUnusable, u"%1 is a folder: name the file to write, such as "
                                               "%1/practice.backup"_s.arg(archive));
    const QString targetDir = target.absolutePath();
    if (!QFileInfo(targetDir).isDir())
        return failed(ErrorCode::FileUnusable,
                      u"cannot write %1: the folder %2 does not exist"_s.arg(archive, targetDir));
    // Renamed into the data directory, a backup could replace the very
    // database it copies.
    if (QFileInfo(targetDir).canonicalFilePath() == QFileInfo(dataDir).canonicalFilePath())
        return failed(ErrorCode::FileUnusable,
                      u"%1 is inside the data directory: write the backup somewhere "
                      "else, best on another disk"_s.arg(archive));
    const QString hidden = targetDir + u"/."_s + target.fileName();
    const QString pid = QString::number(::getpid());

    // The keys and the anchor before the database's snapshot: an anchor
    // read after it could name an entry committed later, which the copy
    // lacks, and audit verify would call the restored log cut.
    QList<std::pair<QString, QByteArray>> small;
    for (const QString& name : practiceFiles.mid(1)) {
        QFile f(QDir(dataDir).filePath(name));
        if (!f.exists()) {
            if (name == secretKeyName)
                return failed(ErrorCode::KeyFileUnusable,
                              u"%1 has no %2: without it the meeting links cannot be "
                              "read"_s.arg(dataDir, secretKeyName));
            continue;
        }
        if (!f.open(QIODevice::ReadOnly))
            return failed(ErrorCode::FileUnusable,
                          u"cannot read %1: %2"_s.arg(f.fileName(), f.errorString()));
        small.append({name, f.readAll()});
    }

    ScratchFile copy(hidden + u".db-"_s + pid);
    if (auto fd = createOwnerOnly(copy.path()); !fd)
        return std::unexpected(
            Error{ErrorCode::FileUnusable, {}, u"cannot write beside %1"_s.arg(archive)}.causedBy(
                fd.error()));
    else
        ::close(*fd);
    int shownPercent = -1;
    const auto copied =
        storage::copyDatabase(database, copy.path(), [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            if (percent / 10 != shownPercent / 10 || percent == 100) {
                if (percent != shownPercent && progress)
                    progress(u"database: %1% of %2 pages"_s.arg(percent).arg(total));
                shownPercent = percent;
            }
        });
    if (!copied)
        return failed(ErrorCode::StorageFailure, u"cannot copy the database into %1: %2"_s.arg(
                                                     targetDir, copied.error().message));
    const auto integrity = storage::integrityOf(copy.path());
    if (!integrity || *integrity != "ok"_L1)
        return failed(ErrorCode::StorageFailure,
                      u"the copy of the database fails its integrity check (%1); the "
                      "practice's database may be damaged"_s.arg(
                          integrity ? *integrity : integrity.error().message));
    BackupSummary summary;
    // The copy's own: a server migrating meanwhile may have moved it on.
    summary.schemaVersion =
        int(storage::countIn(copy.path(), u"PRAGMA user_version"_s).value_or(*schema));
    if (summary.schemaVersion > storage::latestSchemaVersion())
        return std::unexpected(Practice::newerSchemaRefusal(summary.schemaVersion));
    summary.appointments =
        storage::countIn(copy.path(), u"SELECT count(*) FROM appointments"_s).value_or(0);
    summary.auditEntries =
        storage::countIn(copy.path(), u"SELECT coalesce(max(seq), 0) FROM audit_log"_s).value_or(0);

    ScratchFile partial(hidden + u".partial-"_s + pid);
    const auto fd = createOwnerOnly(partial.path());
    if (!fd)
        return std::unexpected(cannotWrite(archive, fd.error()));
    const qint64 mtime = clock.now().toSecsSinceEpoch();
    qint64 written = 0;
    TarWriter writer([&](const char* data, qint64 size) -> Result<void> {
        if (auto r = writeAll(*fd, data, size); !r)
            return std::unexpected(cannotWrite(archive, r.error()));
        written += size;
        return {};
    });
    QJsonArray listed;
    const auto add = [&](const QString& name, QIODevice& content, qint64 size) -> Result<void> {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        auto r = writer.addFile(folder + name, content, size, 0600, mtime,
                                [&](const char* data, qint64 n) {
                                    hash.addData(QByteArrayView(data, n));
                                    return Result<void>{};
                                });
        if (!r)
            return r;
        listed.append(QJsonObject{{"name"_L1, name},
                                  {"size"_L1, double(size)},
                                  {"sha256"_L1, QString::fromLatin1(hash.result().toHex())}});
        summary.files << name;
        return {};
    };
    const auto abandon = [&](Error why) {
        ::close(*fd);
        return std::unexpected(std::move(why));
    };
    {
        QFile db(copy.path());
        if (!db.open(QIODevice::ReadOnly))
            return abandon(
                Error{ErrorCode::FileUnusable,
                      {},
                      u"cannot read the copy of the database: %1"_s.arg(db.errorString())});
        if (progress)
            progress(u"writing %1"_s.arg(archive));
        if (auto r = add(databaseName, db, db.size()); !r)
            return abandon(r.error());
    }
    for (auto& [name, bytes] : small) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        if (auto r = add(name, buffer, bytes.size()); !r)
            return abandon(r.error());
    }
    const QJsonObject manifest{
        {"format"_L1, formatName},
        {"formatVersion"_L1, formatVersion},
        {"createdAt"_L1, clock.now().toUTC().toString(Qt::ISODate)},
        {"serverVersion"_L1, serverVersion},
        {"schemaVersion"_L1, summary.schemaVersion},
        {"appointments"_L1, double(summary.appointments)},
        {"auditEntries"_L1, double(summary.auditEntries)},
        {"files"_L1, listed},
    };
    QByteArray manifestBytes = QJsonDocument(manifest).toJson();
    QBuffer manifestBuffer(&manifestBytes);
    manifestBuffer.open(QIODevice::ReadOnly);
    if (auto r = writer.addFile(folder + manifestName, manifestBuffer, manifestBytes.size(), 0600,
                                mtime);
        !r)
        return abandon(r.error());
    if (auto r = writer.finish(); !r)
        return abandon(r.error());
    // On the disk before it takes the final name.
    if (::fsync(*fd) != 0)
        return abandon(
            Error{ErrorCode::FileUnusable, {}, u"cannot write %1: %2"_s.arg(archive, errnoText())});
    if (::close(*fd) != 0)
        return failed(ErrorCode::FileUnusable, u"cannot write %1: %2"_s.arg(archive, errnoText()));
    if (::rename(QFile::encodeName(partial.path()).constData(),
                 QFile::encodeName(archive).constData()) != 0)
        return failed(ErrorCode::FileUnusable, u"cannot write %1: %2"_s.arg(archive, errnoText()));
    partial.keep();
    syncFolder(targetDir);
    summary.archiveBytes = written;
    return summary;
}

Result<RestoreSummary> restore(const QString& archive, const QString& dataDir, bool force,
                               const Progress& progress) {
    const QDir dir(dataDir);
    const QString database = Practice::databaseFile(dataDir);
    const bool existing = QFileInfo(database).size() > 0 || dir.exists(secretKeyName);
    if (existing && !force)
        return failed(ErrorCode::Occupied,
                      u"%1 already holds a practice; nothing was changed. Restoring "
                      "would replace it: to do that, add --force"_s.arg(dataDir));
    if (existing && storage::isOpenElsewhere(database))
        return failed(ErrorCode::Occupied,
                      u"the practice in %1 is open in another process (a running "
                      "server?); nothing was changed. Stop it before restoring over "
                      "it"_s.arg(dataDir));

    auto manifest = inspect(archive);
    if (!manifest)
        return std::unexpected(manifest.error());
    if (progress)
        progress(u"%1: the backup of %2 (server %3, schema %4), checksums correct"_s
                     .arg(archive, manifest->createdAt, manifest->serverVersion)
                     .arg(manifest->schemaVersion));

    // Unpacked into a folder of its own inside the data directory (the same
    // file system, so moving the files into place is a rename), checked,
    // then moved.
    const bool created = !dir.exists();
    if (created) {
        if (!QDir().mkpath(dataDir))
            return failed(ErrorCode::FileUnusable, u"cannot create %1"_s.arg(dataDir));
        ::chmod(QFile::encodeName(dataDir).constData(), S_IRWXU);
    }
    const QString staging = dir.filePath(u".restore-%1"_s.arg(::getpid()));
    struct Cleanup {
        QString staging, dataDir;
        bool created;
        bool done = false;
        ~Cleanup() {
            if (done)
                return;
            QDir(staging).removeRecursively();
            if (created)
                QDir().rmdir(dataDir);
        }
    } cleanup{staging, dataDir, created};
    if (::mkdir(QFile::encodeName(staging).constData(), S_IRWXU) != 0)
        return failed(ErrorCode::FileUnusable,
                      u"cannot write into %1: %2"_s.arg(dataDir, errnoText()));

    struct stat owner = {};
    const bool chownToFolder = ::geteuid() == 0 &&
                               ::stat(QFile::encodeName(dataDir).constData(), &owner) == 0 &&
                               owner.st_uid != 0;
    QFile in(archive);
    if (!in.open(QIODevice::ReadOnly))
        return failed(ErrorCode::FileUnusable,
                      u"cannot read %1: %2"_s.arg(archive, in.errorString()));
    TarReader reader(in);
    while (true) {
        auto entry = reader.next();
        if (!entry)
            return std::unexpected(cannotRestore(archive, entry.error()));
        if (!*entry)
            break;
        const QString base = (*entry)->name.mid(folder.size());
        if (!practiceFiles.contains(base))
            continue;
        const QString path = staging + u'/' + base;
        const auto fd = createOwnerOnly(path);
        if (!fd)
            return std::unexpected(cannotWrite(path, fd.error()));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        auto r = reader.readData([&](const char* data, qint64 size) -> Result<void> {
            hash.addData(QByteArrayView(data, size));
            if (auto w = writeAll(*fd, data, size); !w)
                return std::unexpected(cannotWrite(path, w.error()));
            return {};
        });
        if (r && chownToFolder && ::fchown(*fd, owner.st_uid, owner.st_gid) != 0)
            r = failed(ErrorCode::FileUnusable,
                       u"cannot give %1 to the owner of %2: %3"_s.arg(path, dataDir, errnoText()));
        if (r && ::fsync(*fd) != 0)
            r = failed(ErrorCode::FileUnusable, u"cannot write %1: %2"_s.arg(path, errnoText()));
        ::close(*fd);
        if (!r)
            return std::unexpected(r.error());
        const auto listed = std::find_if(manifest->files.cbegin(), manifest->files.cend(),
                                         [&](const FileEntry& f) { return f.name == base; });
        if (listed == manifest->files.cend() || listed->sha256 != hash.result().toHex())
            return failed(ErrorCode::BackupUnusable,
                          u"%1 changed while it was being restored"_s.arg(archive));
    }
    const auto integrity = storage::integrityOf(staging + u'/' + databaseName);
    if (!integrity || *integrity != "ok"_L1)
        return failed(ErrorCode::BackupUnusable,
                      u"the database in %1 fails its integrity check: %2"_s.arg(
                          archive, integrity ? *integrity : integrity.error().message));

    // The old database's WAL must go: replayed onto the restored file it
    // would corrupt it.
    for (const QString& suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(database + suffix);
    RestoreSummary summary;
    for (const QString& name : practiceFiles) {
        const bool inBackup = std::any_of(manifest->files.cbegin(), manifest->files.cend(),
                                          [&](const FileEntry& f) { return f.name == name; });
        const QByteArray to = QFile::encodeName(dir.filePath(name));
        if (!inBackup) {
            ::unlink(to.constData()); // the replaced practice's, which would not fit
            continue;
        }
        if (::rename(QFile::encodeName(staging + u'/' + name).constData(), to.constData()) != 0)
            return failed(ErrorCode::FileUnusable,
                          u"cannot move %1 into %2: %3"_s.arg(name, dataDir, errnoText()));
        summary.files << name;
    }
    syncFolder(dataDir);
    cleanup.created = false;
    QDir(staging).removeRecursively();
    cleanup.done = true;
    summary.createdAt = manifest->createdAt;
    summary.serverVersion = manifest->serverVersion;
    summary.schemaVersion = manifest->schemaVersion;
    summary.appointments = manifest->appointments;
    summary.auditEntries = manifest->auditEntries;
    summary.replaced = existing;
    return summary;
}

} // namespace mss::backup
