// mentalspace-server migrate: an SQLite practice copied into PostgreSQL
// and verified (docs/server.md, "Moving to PostgreSQL"). The copy itself is
// storage/PracticeCopy.h; here are the refusals, the progress, the keys and
// audit anchor that stay in the data directory, and the verification.
#include "ServerCommands.h"

#include "base/Clock.h"
#include "storage/AuditLog.h"
#include "storage/DatabaseFile.h"
#include "storage/Migrations.h"
#include "storage/PracticeCopy.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>

namespace mss::server::app {

using namespace Qt::StringLiterals;

namespace {

QString number(qint64 n) {
    return QLocale::c().toString(n);
}

// The files beside the database that belong to the practice and stay on
// this computer: the keys (secrets in the database are sealed with
// secret.key) and the audit anchor.
const QStringList keyFiles{u"secret.key"_s, u"confirm.key"_s};
const QString anchorName = u"audit.anchor"_s;

QByteArray contentOf(const QString& file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Why the source cannot be copied, or empty.
QString sourceRefusal(const QString& path) {
    if (QFileInfo(path).isDir())
        return u"the source %1 is a folder: --from sqlite:PATH names the practice's database "
               "file, such as %1/mentalspace.db"_s.arg(path);
    if (!QFileInfo(path).isFile())
        return u"the source %1 does not exist (--from sqlite:PATH names the practice's database "
               "file, such as DIR/mentalspace.db)"_s.arg(path);
    const auto version = storage::schemaVersionOf(path);
    if (!version)
        return u"the source %1 is not a MentalSpace database: it is not an SQLite file"_s.arg(path);
    const int latest = storage::latestSchemaVersion();
    if (*version == 0)
        return u"the source %1 is not a MentalSpace database: it holds no practice's schema"_s.arg(
            path);
    if (*version < latest)
        return u"the source %1 is at schema %2, older than this program's (%3): start this "
               "version's server on it once (mentalspace-server serve), which upgrades it, stop "
               "it, then migrate"_s.arg(path)
                   .arg(*version)
                   .arg(latest);
    if (*version > latest)
        return u"the source %1 is at schema %2, newer than this program's (%3): migrate with the "
               "mentalspace-server that wrote it"_s.arg(path)
                   .arg(*version)
                   .arg(latest);
    if (storage::isOpenElsewhere(path))
        return u"the source %1 is in use (a server or another command has it open): stop the "
               "server first, so that nothing written after the copy is left behind"_s.arg(path);
    return {};
}

// The keys and the audit anchor: the server on PostgreSQL finds them in
// --data-dir, so there they must be the source practice's own.
QString dataDirRefusal(const QString& dataDir, const QString& sourceDir) {
    if (!QFileInfo(dataDir).isDir())
        return u"--data-dir %1 does not exist: give the practice's folder, which keeps its keys"_s
            .arg(dataDir);
    if (QDir(dataDir).absolutePath() == QDir(sourceDir).absolutePath())
        return {};
    for (const QString& name : keyFiles + QStringList{anchorName}) {
        const QString beside = QDir(sourceDir).filePath(name);
        const QString kept = QDir(dataDir).filePath(name);
        if (!QFile::exists(beside))
            continue;
        if (name == anchorName && !QFile::exists(kept))
            continue; // copied after the commit
        if (contentOf(beside) != contentOf(kept))
            return u"%1 is not the source practice's %2 (%3): --data-dir must hold that "
                   "practice's keys and audit anchor; copy them from %4"_s.arg(kept, name, beside,
                                                                               sourceDir);
    }
    return {};
}

// Progress on stderr: each table's start and end, and every tenth of a
// large table.
class Progress {
public:
    void operator()(const QString& table, qint64 done, qint64 total) {
        if (table != m_table) {
            m_table = table;
            m_shown = -1;
        }
        const qint64 step = std::max<qint64>(total / 10, 10'000);
        if (done != 0 && done != total && done - m_shown < step)
            return;
        if (done == 0 && total != 0)
            return;
        m_shown = done;
        err() << "  " << table << ": " << number(done) << " / " << number(total) << " rows"
              << Qt::endl;
    }

private:
    QString m_table;
    qint64 m_shown = -1;
};

} // namespace

int runMigrate(const QStringList& arguments) {
    QCommandLineParser parser;
    if (!parseOptions(parser, arguments,
                      {u"data-dir"_s, u"from"_s, u"to"_s, u"database-password-file"_s}, {},
                      {u"data-dir"_s, u"from"_s, u"to"_s}))
        return 2;
    const QString dataDir = parser.value(u"data-dir"_s);
    const QString fromText = parser.value(u"from"_s);
    if (!fromText.startsWith("sqlite:"_L1))
        return fail(u"--from must be the SQLite practice, sqlite:PATH (such as "
                    "sqlite:%1/mentalspace.db), not \"%2\""_s.arg(dataDir, fromText));
    const auto from = storage::DatabaseUrl::parse(fromText);
    if (!from)
        return fail(withField(from.error(), u"--from"_s));
    auto to = storage::DatabaseUrl::parse(parser.value(u"to"_s));
    if (!to)
        return fail(withField(to.error(), u"--to"_s));
    if (to->engine != storage::Engine::Postgresql)
        return fail(u"--to must be a PostgreSQL database, postgresql://USER@HOST:PORT/DATABASE, "
                    "not \"%1\""_s.arg(parser.value(u"to"_s)));
    if (parser.isSet(u"database-password-file"_s)) {
        auto password = passwordFromFile(parser.value(u"database-password-file"_s));
        if (!password)
            return fail(password.error());
        to->password = *password;
    }
    const QString sourcePath = from->path;
    const QString sourceDir = QFileInfo(sourcePath).absolutePath();
    const QString target = to->toString();

    if (const QString why = sourceRefusal(sourcePath); !why.isEmpty())
        return fail(why);
    if (const QString why = dataDirRefusal(dataDir, sourceDir); !why.isEmpty())
        return fail(why);

    auto targetDb = storage::Database::openAsIs(*to, QDir(dataDir).absolutePath());
    if (!targetDb)
        return fail(u"cannot reach the target %1 (%2); nothing was copied"_s.arg(
            target, targetDb.error().message));
    if (const auto why = storage::refusalToReceive(**targetDb, target); !why)
        return fail(why.error().message);
    else if (!why->isEmpty())
        return fail(*why + u"; nothing was copied"_s);

    auto source = storage::Database::openReader(*from, sourceDir);
    if (!source)
        return fail(u"cannot open the source %1: %2"_s.arg(sourcePath, source.error().message));
    SystemClock clock;
    {
        storage::ReadTransaction snapshot(**source);
        QSqlQuery q((*source)->sql());
        if (!q.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                    "('staff', 'changes', 'audit_log')"_s) ||
            !q.next() || q.value(0).toInt() != 3)
            return fail(u"the source %1 is not a MentalSpace database: it lacks the staff, "
                        "changes and audit_log tables"_s.arg(sourcePath));
        q.finish();
        storage::AuditLog audit(**source, clock);
        const auto verdict = audit.verify();
        if (!verdict)
            return fail(u"cannot read the source's audit log: "_s + verdict.error().message);
        if (!verdict->intact)
            return fail(u"the source's audit log is broken at entry %1 (%2): run "
                        "mentalspace-server audit verify on it; a copy would carry the break"_s
                            .arg(verdict->firstBadSeq)
                            .arg(verdict->problem));
    }

    err() << "Copying " << from->toString() << " to " << target << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    Progress progress;
    const auto copied = storage::copyPractice(
        **source, **targetDb,
        [&](const QString& table, qint64 done, qint64 total) { progress(table, done, total); });
    if (!copied)
        return fail(copied.error().message +
                    u"; nothing was copied, %1 is as it was"_s.arg(target));
    const qint64 copyMs = timer.elapsed();

    // The anchor the chain must reach, where the server on PostgreSQL looks.
    const QString sourceAnchor = QDir(sourceDir).filePath(anchorName);
    const QString keptAnchor = QDir(dataDir).filePath(anchorName);
    if (QFileInfo(sourceAnchor).absoluteFilePath() != QFileInfo(keptAnchor).absoluteFilePath() &&
        QFile::exists(sourceAnchor) && !QFile::exists(keptAnchor)) {
        if (!QFile::copy(sourceAnchor, keptAnchor))
            return fail(u"copied, but cannot copy the audit anchor %1 to %2: copy it by hand"_s.arg(
                sourceAnchor, keptAnchor));
    }

    // Verification: what PostgreSQL now holds, read back and digested as
    // the source was, and the audit chain checked there.
    QStringList tables;
    qint64 rows = 0;
    for (const auto& t : *copied) {
        tables << t.table;
        rows += t.rows;
    }
    const auto held = storage::summarize(**targetDb, *copied);
    if (!held)
        return fail(u"copied, but cannot read it back to verify: "_s + held.error().message);
    QStringList differences;
    for (qsizetype i = 0; i < copied->size(); ++i) {
        const auto& a = copied->at(i);
        const auto& b = held->at(i);
        if (a.rows != b.rows)
            differences
                << u"%1 has %2 rows in SQLite, %3 in PostgreSQL"_s.arg(a.table).arg(a.rows).arg(
                       b.rows);
        else if (a.digest != b.digest)
            differences << u"the content of %1 differs (digest %2 in SQLite, %3 in PostgreSQL)"_s
                               .arg(a.table, QString::fromLatin1(a.digest.toHex().left(16)),
                                    QString::fromLatin1(b.digest.toHex().left(16)));
    }
    storage::AuditLog audit(**targetDb, clock);
    const auto verdict = audit.verify();
    if (!verdict)
        differences << u"the audit log cannot be read in PostgreSQL: "_s + verdict.error().message;
    else if (!verdict->intact)
        differences << u"the audit log in PostgreSQL is broken at entry %1: %2"_s.arg(
            QString::number(verdict->firstBadSeq), verdict->problem);
    if (!differences.isEmpty()) {
        err() << "mentalspace-server: the copy in " << target
              << " does not match the source: " << differences.join(u"; "_s) << Qt::endl;
        return 1;
    }
    out() << "Migrated " << from->toString() << " to " << target << " in "
          << QString::number(double(copyMs) / 1000.0, 'f', 1) << " s: " << copied->size()
          << " tables, " << number(rows) << " rows; each table's rows and content alike on both "
          << "sides; audit log intact (" << number(verdict->entries) << " entries)." << Qt::endl;
    out() << "The keys stay in " << dataDir << ". Start the server with: mentalspace-server serve "
          << "--data-dir " << dataDir << " --database " << target << Qt::endl;
    return 0;
}

} // namespace mss::server::app
