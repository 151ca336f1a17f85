// mentalspace-server backup and restore: the command line over
// core/backup (docs/server.md, "Backup, restore, upgrades").
#include "ServerCommands.h"

#include "backup/PracticeBackup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

namespace mss::server::app {

using namespace Qt::StringLiterals;

namespace {

void say(const QString& line) {
    out() << line << Qt::endl;
}

QString sizeText(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

int runBackup(const QStringList& arguments) {
    QCommandLineParser parser;
    if (!parseOptions(parser, arguments,
                      {u"data-dir"_s, u"to"_s, u"database"_s, u"database-password-file"_s}, {},
                      {u"data-dir"_s, u"to"_s}))
        return 2;
    // A PostgreSQL database has its own tools for a consistent copy.
    if (const QString url = parser.value(u"database"_s);
        !url.isEmpty() && !url.startsWith("sqlite:"_L1))
        return fail(
            u"backup copies an SQLite practice; a PostgreSQL database is backed up with "
            "pg_dump (and its keys by copying secret.key and confirm.key from --data-dir)"_s);
    SystemClock clock;
    const QString archive = parser.value(u"to"_s);
    const auto summary = backup::backUp(parser.value(u"data-dir"_s), archive,
                                        QCoreApplication::applicationVersion(), clock, say);
    if (!summary)
        return fail(summary.error());
    say(u"Backed up %1 to %2 (%3): %4; schema %5, %6 appointments, %7 audit entries"_s
            .arg(parser.value(u"data-dir"_s), archive, sizeText(summary->archiveBytes),
                 summary->files.join(u", "_s))
            .arg(summary->schemaVersion)
            .arg(summary->appointments)
            .arg(summary->auditEntries));
    return 0;
}

int runRestore(const QStringList& arguments) {
    QCommandLineParser parser;
    if (!parseOptions(parser, arguments, {u"from"_s, u"data-dir"_s}, {u"force"_s},
                      {u"from"_s, u"data-dir"_s}))
        return 2;
    const QString dataDir = parser.value(u"data-dir"_s);
    const auto summary =
        backup::restore(parser.value(u"from"_s), dataDir, parser.isSet(u"force"_s), say);
    if (!summary)
        return fail(summary.error());
    say(u"Restored %1 into %2%3: %4; %5 appointments, %6 audit entries. Check it with: "
        "mentalspace-server audit verify --data-dir %2"_s
            .arg(parser.value(u"from"_s), dataDir,
                 summary->replaced ? u" (the practice that was there is replaced)"_s : QString(),
                 summary->files.join(u", "_s))
            .arg(summary->appointments)
            .arg(summary->auditEntries));
    return 0;
}

} // namespace mss::server::app
