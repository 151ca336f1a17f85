#include "ServerCommands.h"

#include "domain/Staff.h"
#include "FileClock.h"
#include "reminders/ReminderScheduler.h"
#include "ServeConfig.h"
#include "server/ApiServer.h"
#include "server/HttpListener.h"
#include "server/Passwords.h"
#include "server/Practice.h"
#include "server/ServerAppointmentWriter.h"
#include "server/TlsCredentials.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mss::server::app {

using namespace Qt::StringLiterals;

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

namespace {

const QString usage = uR"(Usage: mentalspace-server COMMAND [OPTIONS]

The embedded MentalSpace scheduling server: the /api/v1 of the MentalSpace
EHR on a local SQLite database, for an office without an EHR server.

Commands:
  init --data-dir DIR --time-zone AREA/CITY --admin-email EMAIL
       [--first-name F] [--last-name L]
      Creates the practice and its first PRACTICE_ADMIN; the password is
      read from standard input.
  user add --data-dir DIR --email EMAIL --role ROLE --first-name F --last-name L
      Adds a staff member; the password is read from standard input.
      Roles: PRACTICE_ADMIN CLINICIAN SUPERVISOR INTERN BILLING RECEPTIONIST
      SUPPORT SYSTEM_ADMIN.
  serve --data-dir DIR [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]
        [--insecure-lan] [--plain-api] [--config FILE]
        [--allow-origin ORIGIN[,ORIGIN...]|*]...
        [--max-connections N] [--max-connections-per-address N]
        [--connection-timeout SECONDS] [--max-header-bytes N] [--workers N]
        [--trusted-proxy ADDRESS[/BITS][,...]]... [--database-size-limit SIZE]
      Answers /api/v1 on HOST:PORT (default 127.0.0.1:8080; port 0 picks a
      free one) and prints the address. A non-loopback address needs TLS,
      or --insecure-lan. Stops cleanly on SIGTERM or SIGINT. --plain-api
      answers the contract without this project's extensions (no versions,
      idempotency keys, change feed or conflict checks), as the MentalSpace
      EHR server does: for testing clients against it. --config reads
      data-dir, listen, tls-cert, tls-key, insecure-lan (yes/no),
      allow-origin and the limits below from FILE, one "key = value" a
      line (as /etc/mentalspace/server.conf); options on the command line
      win over the file. --allow-origin lets
      web pages of that origin (https://host[:port]) call the API from a
      browser (CORS), besides the practice's allowedOrigins setting; * lets
      any page. None by default. The limits: open connections in all
      (default 512) and from one client, an IPv4 address or an IPv6 /64
      (64), seconds a connection may stay silent (30), bytes of a request
      line and headers (65536; past it 414 or 431).
      --workers (also a config key): threads that answer reads, each with
      its own read-only connection, beside the one that writes (default:
      the number of cores, at least 2); 1 answers everything on one thread.
      --trusted-proxy (also a config key): load balancers or proxies in
      front, by address or network; a request through one counts as the
      client's that its X-Forwarded-For names (sign-in throttling, audit),
      and the cap per address spares them. None by default.
      --database-size-limit (also a config key): see Options.
  audit verify --data-dir DIR
      Checks the audit log's hash chain: exit 0 when intact, 1 naming the
      first bad entry otherwise.
  backup --data-dir DIR --to FILE
      Writes a backup of the practice to FILE (mode 0600): the database as
      one consistent copy, its keys and the audit anchor. Safe while serve
      runs. FILE appears only when complete.
  restore --from FILE --data-dir DIR [--force]
      Puts the practice of a backup into DIR (created when missing). DIR
      holding a practice is refused unless --force, which replaces it (stop
      its server first). A damaged or truncated FILE changes nothing.
  migrate --data-dir DIR --from sqlite:PATH --to postgresql://USER@HOST:PORT/DATABASE
          [--database-password-file FILE]
      Copies the SQLite practice PATH (its server stopped) into the empty
      PostgreSQL database, in one transaction, with progress on standard
      error; then checks each table's rows and content and the audit chain
      there. The keys and audit anchor stay in DIR. Exit 0 when the copy
      matches, 1 naming a difference, 2 when refused (nothing written).
  demo --data-dir DIR [--time-zone AREA/CITY]
      Creates a demo practice (4 providers, 40 clients, availability, a
      month of appointments, several series) and prints its logins.

Options:
  --help       Shows this text.
  --database URL
      init, user add, serve, audit verify and demo: where the practice's
      database is. sqlite:PATH, or absent: the SQLite file in --data-dir.
      postgresql://USER@HOST:PORT/DATABASE: a PostgreSQL database, which
      several serve processes may share; the keys stay in --data-dir (give
      each server a copy). Its password comes from PGPASSWORD, ~/.pgpass or
      --database-password-file FILE, never from the URL.
  --database-size-limit SIZE
      init and serve, SQLite only: the most the database file may grow to,
      in bytes or with K, M, G or T (binary: 500M, 2G), from 4K to 16T. A
      write past it saves nothing and is answered as on a full disk (507).
      No limit by default.
  --version    Shows the version.
)"_s;

// The password on standard input, without its line ending.
QByteArray readPassword() {
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray password = in.readAll();
    while (password.endsWith('\n') || password.endsWith('\r'))
        password.chop(1);
    return password;
}

// --database URL and --database-password-file FILE: where the practice's
// database is (absent: the SQLite file in --data-dir). The password never
// comes from the command line, which others can read.
const QStringList databaseOptions{u"database"_s, u"database-password-file"_s};

Result<std::optional<storage::DatabaseUrl>> databaseOf(const QCommandLineParser& p) {
    const auto passwordFileMisplaced = [](const QString& why) {
        return std::unexpected(
            Error{ErrorCode::InvalidConfiguration, u"--database-password-file"_s, why});
    };
    if (!p.isSet(u"database"_s)) {
        if (p.isSet(u"database-password-file"_s))
            return passwordFileMisplaced(u"goes with --database postgresql://..."_s);
        return std::nullopt;
    }
    auto url = storage::DatabaseUrl::parse(p.value(u"database"_s));
    if (!url)
        return std::unexpected(withField(url.error(), u"--database"_s));
    if (p.isSet(u"database-password-file"_s)) {
        const QString file = p.value(u"database-password-file"_s);
        if (url->engine != storage::Engine::Postgresql)
            return passwordFileMisplaced(
                u"is for a PostgreSQL database, not %1"_s.arg(url->toString()));
        auto password = passwordFromFile(file);
        if (!password)
            return std::unexpected(password.error());
        url->password = *password;
    }
    return std::optional<storage::DatabaseUrl>(std::move(*url));
}

// The sizes --database-size-limit accepts: one page of SQLite's at least,
// and no more than its page count can reach.
constexpr qint64 leastSizeLimit = 4096;
constexpr qint64 mostSizeLimit = qint64(16) << 40;

// "500M", "2G" or plain bytes as bytes (K, M, G and T are powers of 1024).
Result<qint64> parseSizeLimit(const QString& text) {
    const auto wrong = [](const QString& why) {
        return std::unexpected(
            Error{ErrorCode::InvalidConfiguration, u"--database-size-limit"_s, why});
    };
    QString digits = text.trimmed();
    int shift = 0;
    if (!digits.isEmpty()) {
        const qsizetype unit = u"KMGT"_s.indexOf(digits.back().toUpper());
        if (unit >= 0) {
            shift = 10 * int(unit + 1);
            digits.chop(1);
        }
    }
    if (digits.isEmpty() || !std::all_of(digits.cbegin(), digits.cend(),
                                         [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return wrong(u"\"%1\" is not a size: bytes, or a whole number with K, M, G or T (such as "
                     "500M or 2G)"_s.arg(text));
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || number > (mostSizeLimit >> shift) || (number << shift) < leastSizeLimit)
        return wrong(u"%1 is not a size a database can have: from 4K to 16T"_s.arg(text));
    return number << shift;
}

// --database-size-limit SIZE: the database to open, `database` (absent:
// the SQLite file in `dataDir`) with the limit; `database` as it is when
// the option is not given. A PostgreSQL database has no such limit.
Result<std::optional<storage::DatabaseUrl>>
withSizeLimit(const QCommandLineParser& p, const QString& dataDir,
              const std::optional<storage::DatabaseUrl>& database) {
    if (!p.isSet(u"database-size-limit"_s))
        return database;
    const auto bytes = parseSizeLimit(p.value(u"database-size-limit"_s));
    if (!bytes)
        return std::unexpected(bytes.error());
    if (database && database->engine != storage::Engine::Sqlite)
        return std::unexpected(
            Error{ErrorCode::InvalidConfiguration, u"--database-size-limit"_s,
                  u"is for an SQLite database, not %1"_s.arg(database->toString())});
    storage::DatabaseUrl limited =
        database.value_or(storage::DatabaseUrl::sqlite(Practice::databaseFile(dataDir)));
    limited.sizeLimit = *bytes;
    return std::optional<storage::DatabaseUrl>(std::move(limited));
}

// What the practice is called in messages: its data directory, or the
// database its URL names.
QString practiceName(const QString& dataDir, const std::optional<storage::DatabaseUrl>& database) {
    return database ? database->toString() : dataDir;
}

// Whether a practice exists before opening it (opening creates one): its
// SQLite file; a PostgreSQL database is asked once open (hasStaff).
bool sqliteFileMissing(const QString& dataDir,
                       const std::optional<storage::DatabaseUrl>& database) {
    if (database && database->engine == storage::Engine::Postgresql)
        return false;
    return !QFile::exists(database ? database->path : Practice::databaseFile(dataDir));
}

std::unique_ptr<Practice> openPractice(const QString& dataDir, const Clock& clock,
                                       const std::optional<storage::DatabaseUrl>& database) {
    auto practice = Practice::open(dataDir, clock, database);
    if (!practice) {
        fail(practice.error());
        return nullptr;
    }
    return std::move(*practice);
}

int addStaffMember(Practice& practice, domain::StaffRole role, const QString& email,
                   const QString& first, const QString& last, const QByteArray& password) {
    if (!isAcceptablePassword(password))
        return fail(u"the password (on standard input) must be 10 to 1024 characters"_s);
    QJsonObject json{{"firstName"_L1, first},
                     {"lastName"_L1, last},
                     {"email"_L1, email},
                     {"role"_L1, domain::toWire(role)}};
    auto staff = domain::Staff::fromJson(json);
    if (!staff)
        return fail(describe(staff.error()));
    const auto existing = practice.credentialsOf(email);
    if (!existing)
        return fail(existing.error().message);
    if (*existing)
        return fail(u"a staff member with the email %1 already exists"_s.arg(email));
    storage::WriteTransaction tx(practice.db());
    if (auto r = practice.addStaff(*staff, password); !r)
        return fail(r.error().message);
    storage::AuditEntry entry{{}, u"staff.create"_s, u"staff"_s, staff->id().toString(), u"local"_s,
                              0,  u"command line"_s};
    if (auto r = practice.auditLog().append(entry); !r)
        return fail(r.error().message);
    if (auto r = tx.commit(); !r)
        return fail(r.error().message);
    out() << "Added " << domain::toWire(role) << ' ' << email << " (" << staff->id().toString()
          << ")" << Qt::endl;
    return 0;
}

int init(const QStringList& args) {
    QCommandLineParser parser;
    auto* p = &parser;
    const bool parsed =
        parseOptions(parser, args,
                     QStringList{u"data-dir"_s, u"time-zone"_s, u"admin-email"_s, u"first-name"_s,
                                 u"last-name"_s, u"database-size-limit"_s} +
                         databaseOptions,
                     {}, {u"data-dir"_s, u"time-zone"_s, u"admin-email"_s});
    if (!parsed)
        return 2;
    const auto database = databaseOf(parser);
    if (!database)
        return fail(database.error());
    const auto limited = withSizeLimit(parser, p->value(u"data-dir"_s), *database);
    if (!limited)
        return fail(limited.error());
    const QTimeZone zone(p->value(u"time-zone"_s).toUtf8());
    if (!zone.isValid())
        return fail(u"\"%1\" is not an IANA time zone (such as America/New_York)"_s.arg(
            p->value(u"time-zone"_s)));
    const QByteArray password = readPassword();
    SystemClock clock;
    auto practice = openPractice(p->value(u"data-dir"_s), clock, *limited);
    if (!practice)
        return 2;
    const auto staff = practice->records().list(storage::RecordKind::Staff, {});
    if (!staff)
        return fail(staff.error().message);
    if (staff->total > 0)
        return fail(
            u"%1 already holds a practice"_s.arg(practiceName(p->value(u"data-dir"_s), *database)));
    if (auto r = practice->setTimeZone(zone); !r)
        return fail(r.error().message);
    const QString first =
        p->value(u"first-name"_s).isEmpty() ? u"Practice"_s : p->value(u"first-name"_s);
    const QString last =
        p->value(u"last-name"_s).isEmpty() ? u"Administrator"_s : p->value(u"last-name"_s);
    return addStaffMember(*practice, domain::StaffRole::PracticeAdmin, p->value(u"admin-email"_s),
                          first, last, password);
}

int userAdd(const QStringList& args) {
    QCommandLineParser parser;
    auto* p = &parser;
    const bool parsed = parseOptions(
        parser, args,
        QStringList{u"data-dir"_s, u"email"_s, u"role"_s, u"first-name"_s, u"last-name"_s} +
            databaseOptions,
        {}, {u"data-dir"_s, u"email"_s, u"role"_s, u"first-name"_s, u"last-name"_s});
    if (!parsed)
        return 2;
    const auto database = databaseOf(parser);
    if (!database)
        return fail(database.error());
    const auto role = domain::fromWire<domain::StaffRole>(p->value(u"role"_s));
    if (!role)
        return fail(
            u"--role must be one of: %1"_s.arg(domain::wireNames<domain::StaffRole>().join(u' ')));
    const QByteArray password = readPassword();
    SystemClock clock;
    auto practice = openPractice(p->value(u"data-dir"_s), clock, *database);
    if (!practice)
        return 2;
    return addStaffMember(*practice, *role, p->value(u"email"_s), p->value(u"first-name"_s),
                          p->value(u"last-name"_s), password);
}

int auditVerify(const QStringList& args) {
    QCommandLineParser parser;
    auto* p = &parser;
    const bool parsed = parseOptions(parser, args, QStringList{u"data-dir"_s} + databaseOptions, {},
                                     {u"data-dir"_s});
    if (!parsed)
        return 2;
    const auto database = databaseOf(parser);
    if (!database)
        return fail(database.error());
    if (sqliteFileMissing(p->value(u"data-dir"_s), *database))
        return fail(u"no practice in %1"_s.arg(practiceName(p->value(u"data-dir"_s), *database)));
    SystemClock clock;
    auto practice = openPractice(p->value(u"data-dir"_s), clock, *database);
    if (!practice)
        return 2;
    const auto verdict = practice->auditLog().verify();
    if (!verdict)
        return fail(verdict.error().message);
    if (!verdict->intact) {
        err() << "audit log BROKEN at entry " << verdict->firstBadSeq << ": " << verdict->problem
              << Qt::endl;
        return 1;
    }
    out() << "audit log intact: " << verdict->entries << " entries" << Qt::endl;
    return 0;
}

// SIGTERM and SIGINT reach the event loop through a socket pair, so the
// request being handled finishes and the database closes cleanly.
int g_signalFds[2] = {-1, -1};

void onSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &byte, 1);
}

std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString& text) {
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    QHostAddress address;
    if (host == "localhost"_L1)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return std::nullopt;
    return std::pair{address, quint16(port)};
}

// Each connection costs a file; the rest of the process (database, WAL,
// logs, the reminders' connection) needs a few dozen more.
constexpr rlim_t filesBesideConnections = 64;

// The connection limits and timeouts of serve's options, checked against
// the files this process may open (raised to the hard limit first: the soft
// limit of a service is often 1,024).
Result<HttpLimits> httpLimits(const QCommandLineParser& p) {
    HttpLimits limits;
    limits.maxBodyBytes = ApiServer::maxBodyBytes; // the API contract's, not a setting
    const auto number = [&p](const QString& option, qulonglong least, qulonglong most,
                             auto& into) -> std::optional<Error> {
        if (!p.isSet(option))
            return std::nullopt;
        bool ok = false;
        const qulonglong value = p.value(option).toULongLong(&ok);
        if (!ok || value < least || value > most)
            return Error{ErrorCode::OutOfRange, u"--"_s + option,
                         u"must be a whole number from %1 to %2"_s.arg(least).arg(most)};
        into = std::remove_reference_t<decltype(into)>(value);
        return std::nullopt;
    };
    qulonglong seconds = qulonglong(limits.connectionTimeout.count());
    for (const auto& problem :
         {number(u"max-connections"_s, 1, 1'000'000, limits.maxConnections),
          number(u"max-connections-per-address"_s, 1, 1'000'000, limits.maxConnectionsPerAddress),
          number(u"connection-timeout"_s, 1, 3600, seconds),
          number(u"max-header-bytes"_s, 4096, 16 * 1024 * 1024, limits.maxHeaderBytes)}) {
        if (problem)
            return std::unexpected(*problem);
    }
    limits.connectionTimeout = std::chrono::seconds(seconds);
    QStringList proxies;
    for (const QString& value : p.values(u"trusted-proxy"_s))
        proxies += value.split(u',', Qt::SkipEmptyParts);
    auto trusted = TrustedProxies::parse(proxies);
    if (!trusted)
        return std::unexpected(trusted.error());
    limits.trustedProxies = *trusted;

    rlimit files = {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
    }
    if (files.rlim_cur != RLIM_INFINITY &&
        rlim_t(limits.maxConnections) + filesBesideConnections > files.rlim_cur)
        return std::unexpected(
            Error{ErrorCode::OutOfRange, u"--max-connections"_s,
                  u"%1 is more than this process may open (%2 files, %3 of them kept for the "
                  "database and logs)"_s.arg(limits.maxConnections)
                      .arg(files.rlim_cur)
                      .arg(filesBesideConnections)});
    return limits;
}

// The threads that answer reads (--workers): by default one per core, and
// at least two, so that a long read never holds up the others.
Result<int> readWorkers(const QCommandLineParser& p) {
    if (!p.isSet(u"workers"_s))
        return std::max(2, QThread::idealThreadCount());
    bool ok = false;
    const int workers = p.value(u"workers"_s).toInt(&ok);
    if (!ok || workers < 1 || workers > 64)
        return std::unexpected(
            Error{ErrorCode::OutOfRange, u"--workers"_s, u"must be a whole number from 1 to 64"_s});
    return workers;
}

int serve(const QStringList& commandLine) {
    const auto args = withServeConfig(commandLine);
    if (!args)
        return fail(args.error());
    QCommandLineParser parser;
    auto* p = &parser;
    const bool parsed =
        parseOptions(parser, *args,
                     {u"data-dir"_s, u"listen"_s, u"tls-cert"_s, u"tls-key"_s, u"clock-file"_s,
                      u"reminder-interval-ms"_s, u"config"_s, u"allow-origin"_s,
                      u"max-connections"_s, u"max-connections-per-address"_s,
                      u"connection-timeout"_s, u"max-header-bytes"_s, u"workers"_s, u"database"_s,
                      u"database-password-file"_s, u"trusted-proxy"_s, u"database-size-limit"_s},
                     {u"insecure-lan"_s, u"plain-api"_s}, {u"data-dir"_s});
    if (!parsed)
        return 2;
    const auto database = databaseOf(parser);
    if (!database)
        return fail(database.error());
    // What the practice is opened with; messages name `database`.
    const auto limited = withSizeLimit(parser, p->value(u"data-dir"_s), *database);
    if (!limited)
        return fail(limited.error());
    const QString listenText =
        p->value(u"listen"_s).isEmpty() ? u"127.0.0.1:8080"_s : p->value(u"listen"_s);
    const auto listen = parseListen(listenText);
    if (!listen)
        return fail(u"--listen wants HOST:PORT, such as 127.0.0.1:8080"_s);
    const bool tls = !p->value(u"tls-cert"_s).isEmpty() || !p->value(u"tls-key"_s).isEmpty();
    if (tls && (p->value(u"tls-cert"_s).isEmpty() || p->value(u"tls-key"_s).isEmpty()))
        return fail(u"--tls-cert and --tls-key go together"_s);
    if (!listen->first.isLoopback() && !tls && !p->isSet(u"insecure-lan"_s))
        return fail(u"%1 is reachable from other computers: client data would cross the "
                    "network unencrypted. Give --tls-cert and --tls-key, or --insecure-lan "
                    "on a network you trust."_s.arg(listenText));

    const auto limits = httpLimits(*p);
    if (!limits)
        return fail(limits.error());
    const auto workers = readWorkers(*p);
    if (!workers)
        return fail(workers.error());

    // --clock-file and --reminder-interval-ms are for tests (docs/server.md).
    std::unique_ptr<Clock> clockOwner;
    if (p->isSet(u"clock-file"_s))
        clockOwner = std::make_unique<FileClock>(p->value(u"clock-file"_s));
    else
        clockOwner = std::make_unique<SystemClock>();
    const Clock& clock = *clockOwner;
    bool intervalOk = true;
    const int reminderInterval = p->isSet(u"reminder-interval-ms"_s)
                                     ? p->value(u"reminder-interval-ms"_s).toInt(&intervalOk)
                                     : 30'000;
    if (!intervalOk || reminderInterval < 10)
        return fail(u"--reminder-interval-ms wants a number of milliseconds (10 or more)"_s);
    const QString noPractice = u"no practice in %1: run init (or demo) first"_s.arg(
        practiceName(p->value(u"data-dir"_s), *database));
    if (sqliteFileMissing(p->value(u"data-dir"_s), *database))
        return fail(noPractice);
    auto practice = openPractice(p->value(u"data-dir"_s), clock, *limited);
    if (!practice)
        return 2;
    if (const auto staff = practice->records().list(storage::RecordKind::Staff, {});
        !staff || staff->total == 0)
        return fail(staff ? noPractice : staff.error().message);

    auto confirmKey = reminders::ConfirmationKey::openOrCreate(
        QDir(p->value(u"data-dir"_s)).filePath(u"confirm.key"_s));
    if (!confirmKey)
        return fail(describe(confirmKey.error()));
    const SecretBox& secrets = practice->secrets();
    reminders::Sealer sealer{[&secrets](const QByteArray& v) { return secrets.seal(v); },
                             [&secrets](const QByteArray& v) { return secrets.open(v); }};
    // Sends on a thread of its own, over its own connection (docs/reminders.md).
    reminders::ReminderScheduler scheduler(
        practice->records(), clock, sealer, std::move(*confirmKey),
        [dataDir = p->value(u"data-dir"_s), &clock, database = *limited] {
            return openReminderSenderContext(dataDir, clock, database);
        });
    practice->setReminders(&scheduler);

    ApiServer server(*practice);
    QObject::connect(&server, &ApiServer::written, &scheduler, &reminders::ReminderScheduler::poke);
    server.setPlainApi(p->isSet(u"plain-api"_s));
    // Added to the practice's allowedOrigins setting (docs/server.md).
    const auto origins = AllowedOrigins::parse(p->values(u"allow-origin"_s));
    if (!origins)
        return fail(withField(origins.error(), u"--allow-origin"_s));
    server.setAllowedOrigins(*origins);
    if (auto started = server.startReaders(*workers); !started)
        return fail(started.error());
    std::optional<HttpTls> credentials;
    if (tls) {
        auto loaded = loadTlsCredentials(p->value(u"tls-cert"_s), p->value(u"tls-key"_s));
        if (!loaded)
            return fail(loaded.error());
        credentials = std::move(*loaded);
    }
    HttpListener listener(
        [&server](const ApiRequest& request, HttpListener::Reply reply) {
            server.handleLater(request, std::move(reply));
        },
        *limits);
    listener.setDirectHandler([&server](const ApiRequest& request, HttpListener::Reply& reply) {
        return server.handleRead(request, reply);
    });
    const auto port = listener.listen(listen->first, listen->second, credentials);
    if (!port)
        return fail(
            Error{ErrorCode::Unavailable, {}, u"cannot listen on %1"_s.arg(listenText)}.causedBy(
                port.error()));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return fail(u"cannot set up signal handling"_s);
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });
    ::signal(SIGPIPE, SIG_IGN); // a client gone mid-answer is MHD's to handle
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    const QString host = listen->first.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(listen->first.toString())
                             : listen->first.toString();
    out() << "Listening on " << (tls ? "https" : "http") << "://" << host << ':' << *port
          << Qt::endl;
    scheduler.start(reminderInterval);
    const int code = QCoreApplication::exec();
    scheduler.stop();
    practice->setReminders(nullptr);
    out() << "Stopped" << Qt::endl;
    return code;
}

} // namespace

Result<QString> passwordFromFile(const QString& file) {
    const QString option = u"--database-password-file"_s;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return std::unexpected(Error{ErrorCode::FileUnusable, option,
                                     u"cannot read %1: %2"_s.arg(file, in.errorString())});
    QByteArray password = in.readAll();
    while (password.endsWith('\n') || password.endsWith('\r'))
        password.chop(1);
    if (password.isEmpty())
        return std::unexpected(Error{ErrorCode::Required, option, u"%1 is empty"_s.arg(file)});
    return QString::fromUtf8(password);
}

int fail(const QString& message) {
    err() << "mentalspace-server: " << message << Qt::endl;
    return 2;
}

int fail(const Error& error) {
    return fail(describe(error));
}

Error withField(Error error, const QString& option) {
    error.field = option;
    return error;
}

// Parses the options of one command; nullopt (after printing why) when
// they are wrong or a required one is missing.
bool parseOptions(QCommandLineParser& parser, const QStringList& arguments,
                  const QStringList& valued, const QStringList& flags,
                  const QStringList& required) {
    for (const QString& name : valued)
        parser.addOption(QCommandLineOption(name, QString(), u"value"_s));
    for (const QString& name : flags)
        parser.addOption(QCommandLineOption(name));
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        fail(u"unexpected argument \"%1\"; see --help"_s.arg(parser.positionalArguments().first()));
        return false;
    }
    for (const QString& name : required) {
        if (parser.value(name).isEmpty()) {
            fail(u"--%1 is required; see --help"_s.arg(name));
            return false;
        }
    }
    return true;
}

int run(const QStringList& arguments) {
    const QStringList args = arguments.mid(1);
    if (args.isEmpty())
        return fail(u"a command is needed; see --help"_s);
    const QString command = args.first();
    if (command == "--help"_L1 || command == "-h"_L1 || command == "help"_L1) {
        out() << usage;
        return 0;
    }
    if (command == "--version"_L1) {
        out() << "mentalspace-server " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (args.contains(u"--help"_s)) {
        out() << usage;
        return 0;
    }
    // QCommandLineParser wants the program name first.
    const auto rest = [&](qsizetype words) {
        return QStringList{arguments.first()} + args.mid(words);
    };
    if (command == "init"_L1)
        return init(rest(1));
    if (command == "serve"_L1)
        return serve(rest(1));
    if (command == "user"_L1 && args.value(1) == "add"_L1)
        return userAdd(rest(2));
    if (command == "audit"_L1 && args.value(1) == "verify"_L1)
        return auditVerify(rest(2));
    if (command == "backup"_L1)
        return runBackup(rest(1));
    if (command == "restore"_L1)
        return runRestore(rest(1));
    if (command == "migrate"_L1)
        return runMigrate(rest(1));
    if (command == "demo"_L1) {
        QCommandLineParser parser;
        auto* p = &parser;
        const bool parsed = parseOptions(
            parser, rest(1), QStringList{u"data-dir"_s, u"time-zone"_s} + databaseOptions, {},
            {u"data-dir"_s});
        if (!parsed)
            return 2;
        const auto database = databaseOf(parser);
        if (!database)
            return fail(database.error());
        return runDemo(p->value(u"data-dir"_s),
                       p->value(u"time-zone"_s).isEmpty() ? u"America/New_York"_s
                                                          : p->value(u"time-zone"_s),
                       *database);
    }
    return fail(u"unknown command \"%1\"; see --help"_s.arg(args.join(u' ')));
}

} // namespace mss::server::app
