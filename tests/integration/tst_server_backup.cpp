// Backing up, restoring and upgrading a practice with the real
// mentalspace-server, as an office would: a backup taken while the desks
// keep booking holds every booking acknowledged before it started and
// restores into a practice that serves and passes audit verify; restoring
// over a practice needs --force; a damaged backup, a target that cannot be
// written and a practice from a newer release change nothing; a practice
// made by a released server (tests/data/upgrade) serves under this one.
#include "ServerHarness.h"

#include "storage/Migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using mss::test::ServerHarness;

namespace {

// Every file under `dir` (names relative to it) with its SHA-256.
QMap<QString, QByteArray> contentsOf(const QString& dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(QDir(dir).relativeFilePath(path),
                         QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

// The permission bits of a file, such as 0600.
int modeOf(const QString& path) {
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

QString idOf(const mss::test::Reply& reply) {
    return reply.object().value("_id"_L1).toString();
}

QJsonObject appointmentAt(const QString& client, const QString& provider, const QDateTime& start) {
    return {{"client"_L1, client},
            {"provider"_L1, provider},
            {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
            {"endTime"_L1, start.addSecs(1800).toString(Qt::ISODateWithMs)},
            {"appointmentType"_L1, u"Consultation"_s}};
}

// A practice with an admin who is also a provider, one client, and one
// appointment with a meeting link (sealed with secret.key).
struct RunningPractice {
    ServerHarness server;
    QByteArray token;
    QString provider;
    QString client;
    QString linked;
    static constexpr auto link = "https://meet.example/room-from-before-the-backup";

    bool create() {
        if (!server.init() || !server.start())
            return false;
        token = server.login(u"PRACTICE_ADMIN"_s);
        provider = idOf(server.request("GET", u"/api/v1/auth/me"_s, {}, token));
        client = idOf(server.request("POST", u"/api/v1/clients"_s,
                                     {{"firstName"_L1, u"K"_s}, {"lastName"_L1, u"L"_s}}, token));
        QJsonObject body = appointmentAt(
            client, provider, QDateTime(QDate(2031, 1, 1), QTime(8, 0), QTimeZone::utc()));
        body.insert("virtualMeetingLink"_L1, QString::fromLatin1(link));
        linked = idOf(server.request("POST", u"/api/v1/appointments"_s, body, token));
        return !token.isEmpty() && provider.size() == 24 && client.size() == 24 &&
               linked.size() == 24;
    }
};

} // namespace

class ServerBackupTest : public QObject {
    Q_OBJECT

private slots:
    void versionIsTheProjectVersion();
    void backupWhileBookingRestoresEveryAcknowledgedAppointment();
    void restoringOverAPracticeNeedsForce();
    void restoredFilesBelongToTheDataDirectorysOwner();
    void damagedOrTruncatedBackupChangesNothing();
    void backupSaysWhyItCannotWriteAndLeavesNoFile();
    void practiceFromANewerReleaseIsRefusedAndLeftUntouched();
    void backupFromANewerReleaseIsNotRestored();
    void practiceFromTodaysReleaseServesUnderThisOne();
};

void ServerBackupTest::versionIsTheProjectVersion() {
    ServerHarness h;
    QString out;
    QCOMPARE(h.command({u"--version"_s}, {}, &out), 0);
    QCOMPARE(out.trimmed(), u"mentalspace-server "_s + QStringLiteral(MSS_PROJECT_VERSION));
    QCOMPARE(h.command({u"--help"_s}, {}, &out), 0);
    QVERIFY(out.contains(u"backup --data-dir DIR --to FILE"_s));
    QVERIFY(out.contains(u"restore --from FILE --data-dir DIR [--force]"_s));
}

void ServerBackupTest::backupWhileBookingRestoresEveryAcknowledgedAppointment() {
    RunningPractice p;
    QVERIFY(p.create());
    QTemporaryDir backups;
    const QString archive = backups.filePath(u"practice.backup"_s);

    // Four desks book one slot after another until the backup has ended;
    // the backup starts once 150 bookings are acknowledged.
    constexpr int desks = 4;
    constexpr int startBackupAfter = 150;
    QStringList acknowledged;
    QStringList acknowledgedBeforeBackup;
    int refused = 0;
    int sent = 0;
    int running = desks;
    bool backupDone = false;
    int backupExit = -1;
    QString backupOutput;
    QProcess backup;
    connect(&backup, &QProcess::finished, this, [&](int code, QProcess::ExitStatus status) {
        backupExit = status == QProcess::NormalExit ? code : -1;
        backupOutput =
            QString::fromUtf8(backup.readAllStandardOutput() + backup.readAllStandardError());
        backupDone = true;
    });
    const QDateTime first(QDate(2032, 1, 1), QTime(0, 0), QTimeZone::utc());
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    std::function<void(QNetworkAccessManager*)> next = [&](QNetworkAccessManager* nam) {
        if (backupDone) {
            --running;
            return;
        }
        const QJsonObject body =
            appointmentAt(p.client, p.provider, first.addSecs(qint64(sent++) * 3600));
        QNetworkRequest request(QUrl(p.server.baseUrl() + u"/api/v1/appointments"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + p.token);
        QNetworkReply* reply =
            nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [&, reply, nam] {
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                acknowledged << QJsonDocument::fromJson(reply->readAll())
                                    .object()
                                    .value("data"_L1)
                                    .toObject()
                                    .value("_id"_L1)
                                    .toString();
                if (acknowledged.size() == startBackupAfter) {
                    acknowledgedBeforeBackup = acknowledged;
                    backup.start(
                        QStringLiteral(MSS_SERVER_BINARY),
                        {u"backup"_s, u"--data-dir"_s, p.server.dataDir(), u"--to"_s, archive});
                }
            } else {
                ++refused;
            }
            next(nam);
        });
    };
    for (int i = 0; i < desks; ++i) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        next(nams.back().get());
    }
    QTRY_COMPARE_WITH_TIMEOUT(running, 0, 120'000);
    QVERIFY2(backupExit == 0, qPrintable(backupOutput));
    QVERIFY(backupOutput.contains(u"Backed up"_s));
    QCOMPARE(refused, 0); // the desks never noticed the backup
    QCOMPARE(acknowledgedBeforeBackup.size(), startBackupAfter);
    qInfo("%lld bookings were acknowledged while the backup ran",
          qint64(acknowledged.size() - acknowledgedBeforeBackup.size()));

    // One file, owner-only, and nothing else left beside it.
    QCOMPARE(QDir(backups.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"practice.backup"_s});
    QCOMPARE(modeOf(archive), 0600);
    // A tar archive, as docs/server.md says: tar lists it.
    QProcess tar;
    tar.start(u"tar"_s, {u"-tf"_s, archive});
    QVERIFY(tar.waitForFinished(60'000));
    QCOMPARE(
        QString::fromUtf8(tar.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts),
        (QStringList{u"mentalspace-backup/mentalspace.db"_s, u"mentalspace-backup/secret.key"_s,
                     u"mentalspace-backup/confirm.key"_s, u"mentalspace-backup/audit.anchor"_s,
                     u"mentalspace-backup/backup.json"_s}));

    // The server goes on serving and writing after the backup.
    QCOMPARE(p.server
                 .request("POST", u"/api/v1/appointments"_s,
                          appointmentAt(p.client, p.provider, first.addYears(1)), p.token)
                 .status,
             201);

    ServerHarness restored;
    QString out;
    QCOMPARE(
        restored.command({u"restore"_s, u"--from"_s, archive, u"--data-dir"_s, restored.dataDir()},
                         {}, &out),
        0);
    QVERIFY2(out.contains(u"Restored"_s), qPrintable(out));
    for (const QString& name :
         {u"mentalspace.db"_s, u"secret.key"_s, u"confirm.key"_s, u"audit.anchor"_s}) {
        const QString path = restored.dataDir() + u'/' + name;
        QVERIFY2(QFile::exists(path), qPrintable(name));
        QCOMPARE(modeOf(path), 0600);
    }
    QCOMPARE(
        restored.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, restored.dataDir()}, {}, &out),
        0);
    QVERIFY(out.contains(u"intact"_s));

    QVERIFY(restored.start());
    const QByteArray token = restored.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!token.isEmpty());
    for (const QString& id : std::as_const(acknowledgedBeforeBackup)) {
        QVERIFY2(
            restored.request("GET", u"/api/v1/appointments/"_s + id, {}, token).status == 200,
            qPrintable(u"appointment %1, acknowledged before the backup, is missing"_s.arg(id)));
    }
    // The link is readable: secret.key came along.
    QCOMPARE(restored.request("GET", u"/api/v1/appointments/"_s + p.linked, {}, token)
                 .object()
                 .value("virtualMeetingLink"_L1)
                 .toString(),
             QString::fromLatin1(RunningPractice::link));
    // The restored practice takes bookings, and its audit log goes on.
    QCOMPARE(restored
                 .request("POST", u"/api/v1/appointments"_s,
                          appointmentAt(p.client, p.provider, first.addYears(2)), token)
                 .status,
             201);
    QCOMPARE(restored.stop(), 0);
    QCOMPARE(restored.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, restored.dataDir()}), 0);
}

void ServerBackupTest::restoringOverAPracticeNeedsForce() {
    RunningPractice a;
    QVERIFY(a.create());
    QTemporaryDir backups;
    const QString archive = backups.filePath(u"a.backup"_s);
    QString out;
    QCOMPARE(a.server.command(
                 {u"backup"_s, u"--data-dir"_s, a.server.dataDir(), u"--to"_s, archive}, {}, &out),
             0);

    ServerHarness b; // another practice, with a clinician that a has not
    QVERIFY(b.init());
    QVERIFY(b.addUser(u"CLINICIAN"_s));
    const auto before = contentsOf(b.dataDir());
    const QStringList restore{u"restore"_s, u"--from"_s, archive, u"--data-dir"_s, b.dataDir()};
    QCOMPARE(b.command(restore, {}, &out), 2);
    QVERIFY2(out.contains(u"already holds a practice"_s) && out.contains(u"--force"_s),
             qPrintable(out));
    QCOMPARE(contentsOf(b.dataDir()), before);

    // Not even --force while a server has it open.
    QVERIFY(b.start());
    QCOMPARE(b.command(restore + QStringList{u"--force"_s}, {}, &out), 2);
    QVERIFY2(out.contains(u"Stop it"_s), qPrintable(out));
    QVERIFY(!b.login(u"CLINICIAN"_s).isEmpty());
    QCOMPARE(b.stop(), 0);

    QCOMPARE(b.command(restore + QStringList{u"--force"_s}, {}, &out), 0);
    QVERIFY2(out.contains(u"replaced"_s), qPrintable(out));
    QCOMPARE(b.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, b.dataDir()}), 0);
    QVERIFY(b.start());
    QVERIFY(b.login(u"CLINICIAN"_s).isEmpty()); // b's own staff are gone
    const QByteArray token = b.login(u"PRACTICE_ADMIN"_s);
    QCOMPARE(b.request("GET", u"/api/v1/appointments/"_s + a.linked, {}, token)
                 .object()
                 .value("virtualMeetingLink"_L1)
                 .toString(),
             QString::fromLatin1(RunningPractice::link));
}

void ServerBackupTest::restoredFilesBelongToTheDataDirectorysOwner() {
    // The service's data directory belongs to its own user; an
    // administrator restores as root. (Run as another user, the files are
    // that user's, as the folder is.)
    ServerHarness h;
    QVERIFY(h.init());
    QTemporaryDir work;
    const QString archive = work.filePath(u"b.backup"_s);
    QCOMPARE(h.command({u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s, archive}), 0);
    const QString target = work.filePath(u"service"_s);
    QVERIFY(QDir().mkdir(target));
    const uid_t owner = ::geteuid() == 0 ? 65534 : ::geteuid(); // nobody, when root
    QCOMPARE(::chown(QFile::encodeName(target).constData(), owner, owner), 0);
    QCOMPARE(h.command({u"restore"_s, u"--from"_s, archive, u"--data-dir"_s, target}), 0);
    for (const QString& name : QDir(target).entryList(QDir::Files | QDir::Hidden)) {
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(target + u'/' + name).constData(), &st), 0);
        QCOMPARE(st.st_uid, owner);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }
    QCOMPARE(QDir(target).entryList(QDir::Files | QDir::Hidden).size(), 3);
}

void ServerBackupTest::damagedOrTruncatedBackupChangesNothing() {
    RunningPractice p;
    QVERIFY(p.create());
    QTemporaryDir work;
    const QString archive = work.filePath(u"good.backup"_s);
    QString out;
    QCOMPARE(p.server.command(
                 {u"backup"_s, u"--data-dir"_s, p.server.dataDir(), u"--to"_s, archive}, {}, &out),
             0);
    QFile good(archive);
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray bytes = good.readAll();
    QVERIFY(bytes.size() > 64 * 1024);

    const auto write = [&](const QString& name, const QByteArray& content) {
        QFile f(work.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return f.fileName();
    };
    QByteArray flipped = bytes;
    flipped[bytes.size() / 2] = char(flipped[bytes.size() / 2] ^ 0x5a); // inside the database
    const struct {
        QString file;
        QString says;
    } cases[] = {
        {write(u"truncated.backup"_s, bytes.left(bytes.size() / 2)), u"truncated"_s},
        {write(u"cut-before-the-end.backup"_s, bytes.left(bytes.size() - 1024)), u"truncated"_s},
        {write(u"flipped.backup"_s, flipped), u"damaged"_s},
        {write(u"not-a-backup.backup"_s, QByteArray(4096, 'x')), u"not a tar archive"_s},
        {write(u"empty.backup"_s, {}), u"truncated"_s},
        {work.filePath(u"missing.backup"_s), u"does not exist"_s},
    };
    QTemporaryDir empty;
    for (const auto& c : cases) {
        const QString fresh = work.filePath(u"fresh-practice"_s);
        QCOMPARE(
            p.server.command({u"restore"_s, u"--from"_s, c.file, u"--data-dir"_s, fresh}, {}, &out),
            2);
        QVERIFY2(out.contains(c.says), qPrintable(c.file + u": "_s + out));
        QVERIFY2(!QFile::exists(fresh), qPrintable(c.file)); // not even the folder
        QCOMPARE(
            p.server.command({u"restore"_s, u"--from"_s, c.file, u"--data-dir"_s, empty.path()}),
            2);
        QCOMPARE(
            QDir(empty.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList());
    }
}

void ServerBackupTest::backupSaysWhyItCannotWriteAndLeavesNoFile() {
    ServerHarness h;
    QTemporaryDir work;
    QString out;
    QCOMPARE(h.command({u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s,
                        work.filePath(u"x.backup"_s)},
                       {}, &out),
             2);
    QVERIFY2(out.contains(u"no practice in"_s), qPrintable(out));

    QVERIFY(h.init());
    QVERIFY(h.start());
    QCOMPARE(h.command({u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s,
                        work.filePath(u"no-such-folder/x.backup"_s)},
                       {}, &out),
             2);
    QVERIFY2(out.contains(u"does not exist"_s), qPrintable(out));
    QCOMPARE(
        h.command({u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s, work.path()}, {}, &out),
        2);
    QVERIFY2(out.contains(u"is a folder"_s), qPrintable(out));
    QCOMPARE(h.command({u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s,
                        h.dataDir() + u"/mentalspace.db"_s},
                       {}, &out),
             2);
    QVERIFY2(out.contains(u"inside the data directory"_s), qPrintable(out));
    QCOMPARE(h.stop(), 0);

    // Writes that fail as on a full disk: a file size limit stops the
    // scratch copy of the database, or the archive after the database.
    const qint64 databaseBytes = QFileInfo(h.dataDir() + u"/mentalspace.db"_s).size();
    const QString target = work.filePath(u"limited.backup"_s);
    const std::pair<qint64, QString> limits[] = {
        {64 * 1024, u"cannot copy the database into "_s + work.path()},
        {databaseBytes + 1024, u"cannot write "_s + target},
    };
    for (const auto& [limit, says] : limits) {
        QProcess p;
        p.setChildProcessModifier([limit] {
            ::signal(SIGXFSZ, SIG_IGN); // a failing write(), not a killed process
            const rlimit size{rlim_t(limit), rlim_t(limit)};
            ::setrlimit(RLIMIT_FSIZE, &size);
        });
        p.start(QStringLiteral(MSS_SERVER_BINARY),
                {u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s, target});
        QVERIFY(p.waitForFinished(60'000));
        const QString said = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(said.contains(says) && said.contains(u"larger than allowed"_s), qPrintable(said));
        QCOMPARE(QDir(work.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
}

void ServerBackupTest::practiceFromANewerReleaseIsRefusedAndLeftUntouched() {
    ServerHarness h;
    QVERIFY(h.init());
    const int newer = mss::storage::latestSchemaVersion() + 1;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        db.setDatabaseName(h.dataDir() + u"/mentalspace.db"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version=%1"_s.arg(newer)));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const auto before = contentsOf(h.dataDir());
    QVERIFY(before.contains(u"mentalspace.db"_s));
    QVERIFY(!before.contains(u"mentalspace.db-wal"_s));

    const QString refusal = u"this practice was written by a newer MentalSpace server (schema %1, "
                            "this one knows %2); upgrade the server"_s.arg(newer)
                                .arg(newer - 1);
    QTemporaryDir work;
    const QList<QStringList> commands = {
        {u"serve"_s, u"--data-dir"_s, h.dataDir(), u"--listen"_s, u"127.0.0.1:0"_s},
        {u"audit"_s, u"verify"_s, u"--data-dir"_s, h.dataDir()},
        {u"user"_s, u"add"_s, u"--data-dir"_s, h.dataDir(), u"--email"_s, u"n@test.practice"_s,
         u"--role"_s, u"CLINICIAN"_s, u"--first-name"_s, u"N"_s, u"--last-name"_s, u"N"_s},
        {u"init"_s, u"--data-dir"_s, h.dataDir(), u"--time-zone"_s, u"Europe/Berlin"_s,
         u"--admin-email"_s, u"x@test.practice"_s},
        {u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s, work.filePath(u"b"_s)},
    };
    for (const QStringList& command : commands) {
        QString out;
        QCOMPARE(h.command(command, "a long enough password\n", &out), 2);
        QVERIFY2(out.contains(refusal), qPrintable(command.first() + u": "_s + out));
        QCOMPARE(contentsOf(h.dataDir()), before); // byte for byte, no -wal or -shm
    }
}

void ServerBackupTest::backupFromANewerReleaseIsNotRestored() {
    // What a newer release's backup looks like: this one's, with a newer
    // schema in the database and the manifest, packed by GNU tar.
    ServerHarness h;
    QVERIFY(h.init());
    QTemporaryDir work;
    QString out;
    QCOMPARE(h.command({u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s,
                        work.filePath(u"now.backup"_s)},
                       {}, &out),
             0);
    const auto tar = [&](const QStringList& arguments) {
        QProcess p;
        p.setWorkingDirectory(work.path());
        p.start(u"tar"_s, arguments);
        return p.waitForFinished(60'000) && p.exitCode() == 0;
    };
    QVERIFY(tar({u"-xf"_s, u"now.backup"_s}));
    const int newer = mss::storage::latestSchemaVersion() + 1;
    const QString database = work.filePath(u"mentalspace-backup/mentalspace.db"_s);
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer-backup"_s);
        db.setDatabaseName(database);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version=%1"_s.arg(newer)));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"newer-backup"_s);
    QFile manifestFile(work.filePath(u"mentalspace-backup/backup.json"_s));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    manifestFile.close();
    manifest["schemaVersion"_L1] = newer;
    QJsonArray files = manifest["files"_L1].toArray();
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonObject f = files[i].toObject();
        QFile content(work.filePath(u"mentalspace-backup/"_s + f["name"_L1].toString()));
        QVERIFY(content.open(QIODevice::ReadOnly));
        const QByteArray bytes = content.readAll();
        f["size"_L1] = double(bytes.size());
        f["sha256"_L1] = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        files[i] = f;
    }
    manifest["files"_L1] = files;
    QVERIFY(manifestFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    manifestFile.write(QJsonDocument(manifest).toJson());
    manifestFile.close();
    QVERIFY(tar({u"--format=ustar"_s, u"-cf"_s, u"newer.backup"_s, u"mentalspace-backup"_s}));

    const QString target = work.filePath(u"restored"_s);
    QCOMPARE(h.command({u"restore"_s, u"--from"_s, work.filePath(u"newer.backup"_s),
                        u"--data-dir"_s, target},
                       {}, &out),
             2);
    QVERIFY2(out.contains(u"written by a newer MentalSpace server (schema %1"_s.arg(newer)),
             qPrintable(out));
    QVERIFY(!QFile::exists(target));
}

void ServerBackupTest::practiceFromTodaysReleaseServesUnderThisOne() {
    ServerHarness h;
    const QDir fixture(QStringLiteral(MSS_TEST_DATA_DIR) + u"/upgrade/0.1.0"_s);
    for (const QString& name : fixture.entryList(QDir::Files)) {
        const QString to = h.dataDir() + u'/' + name;
        QVERIFY(QFile::copy(fixture.filePath(name), to));
        QVERIFY(QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }
    QVERIFY(h.start());
    const QByteArray token = h.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!token.isEmpty());
    QVERIFY(!h.login(u"CLINICIAN"_s).isEmpty());

    const auto list = h.request("GET", u"/api/v1/appointments?limit=100"_s, {}, token);
    QCOMPARE(list.status, 200);
    QStringList ids;
    for (const QJsonValue& a : list.data().toArray())
        ids << a["_id"_L1].toString();
    ids.sort();
    QCOMPARE(ids, (QStringList{u"6b157041f35882763546faf4"_s, u"6b157042f35882763546faf6"_s,
                               u"6b157042f35882763546faf8"_s}));
    const QJsonObject linked =
        h.request("GET", u"/api/v1/appointments/6b157042f35882763546faf6"_s, {}, token).object();
    QCOMPARE(linked["virtualMeetingLink"_L1].toString(),
             u"https://meet.example/upgrade-fixture-room"_s);
    QCOMPARE(linked["provider"_L1].toString(), u"6b15703b19fa8d67762c3a9f"_s);
    QCOMPARE(linked["startTime"_L1].toString(), u"2030-03-05T15:00:00.000Z"_s);
    QCOMPARE(h.request("GET", u"/api/v1/clients/6b15703df35882763546faf1"_s, {}, token)
                 .object()["lastName"_L1]
                 .toString(),
             u"Fixture"_s);
    // It takes writes, and the booking checks see the old records.
    QJsonObject clash =
        appointmentAt(u"6b15703df35882763546faf1"_s, u"6b15703b19fa8d67762c3a9f"_s,
                      QDateTime(QDate(2030, 3, 4), QTime(14, 10), QTimeZone::utc()));
    QCOMPARE(h.request("POST", u"/api/v1/appointments"_s, clash, token).status, 409);
    clash["startTime"_L1] = u"2030-03-04T16:00:00.000Z"_s;
    clash["endTime"_L1] = u"2030-03-04T16:30:00.000Z"_s;
    QCOMPARE(h.request("POST", u"/api/v1/appointments"_s, clash, token).status, 201);
    QCOMPARE(h.stop(), 0);

    QCOMPARE(h.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, h.dataDir()}), 0);
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"migrated"_s);
        db.setDatabaseName(h.dataDir() + u"/mentalspace.db"_s);
        QVERIFY(db.open());
        QSqlQuery q(u"PRAGMA user_version"_s, db);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), mss::storage::latestSchemaVersion());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"migrated"_s);
}

QTEST_GUILESS_MAIN(ServerBackupTest)
#include "tst_server_backup.moc"
