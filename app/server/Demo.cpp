// The demo practice: built through the API itself (ApiServer::handle), so
// every demo record passed the same validation and booking checks as a
// real one.
#include "ServerCommands.h"

#include "base/WallClock.h"
#include "domain/ProviderAvailability.h"
#include "server/ApiServer.h"
#include "server/Practice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimeZone>

namespace mss::server::app {

using namespace Qt::StringLiterals;

namespace {

const QByteArray demoPassword = QByteArrayLiteral("mentalspace-demo");

class DemoBuilder {
public:
    DemoBuilder(ApiServer& server)
        : m_server(server) {}

    QJsonObject call(Method method, const QString& path, const QJsonObject& body = {}) {
        ApiRequest r;
        r.method = method;
        r.path = path;
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.remote = QHostAddress(QHostAddress::LocalHost);
        if (!m_token.isEmpty())
            r.headers.insert("authorization", "Bearer " + m_token);
        const ApiResponse response = m_server.handle(r);
        if (!response.isSuccess()) {
            m_failures++;
            QTextStream(stderr) << "demo: " << methodName(method) << ' ' << path << ": "
                                << response.body.value("error"_L1).toString() << '\n';
        }
        return response.body;
    }
    void signIn(const QString& email) {
        const QJsonObject answer =
            call(Method::Post, u"/api/v1/auth/login"_s,
                 {{"email"_L1, email}, {"password"_L1, QString::fromLatin1(demoPassword)}});
        m_token = answer.value("token"_L1).toString().toLatin1();
    }
    int failures() const { return m_failures; }

private:
    ApiServer& m_server;
    QByteArray m_token;
    int m_failures = 0;
};

struct Person {
    const char* first;
    const char* last;
};

constexpr Person providers[] = {
    {"Maya", "Okafor"}, {"Daniel", "Reyes"}, {"Priya", "Nair"}, {"Thomas", "Berg"}};
constexpr Person clientNames[] = {
    {"Ada", "Lovelace"},      {"Alan", "Turing"},      {"Grace", "Hopper"},
    {"Edsger", "Dijkstra"},   {"Barbara", "Liskov"},   {"Donald", "Knuth"},
    {"Frances", "Allen"},     {"John", "Backus"},      {"Radia", "Perlman"},
    {"Ken", "Thompson"},      {"Hedy", "Lamarr"},      {"Dennis", "Ritchie"},
    {"Katherine", "Johnson"}, {"Tim", "Berners-Lee"},  {"Margaret", "Hamilton"},
    {"Niklaus", "Wirth"},     {"Shafi", "Goldwasser"}, {"Leslie", "Lamport"},
    {"Jean", "Sammet"},       {"Tony", "Hoare"},       {"Adele", "Goldberg"},
    {"Bjarne", "Stroustrup"}, {"Anita", "Borg"},       {"Guido", "Rossum"},
    {"Karen", "Sparck"},      {"Linus", "Torvalds"},   {"Sophie", "Wilson"},
    {"Ivan", "Sutherland"},   {"Mary", "Keller"},      {"Vint", "Cerf"},
    {"Lynn", "Conway"},       {"Bob", "Kahn"},         {"Evelyn", "Boyd"},
    {"Ward", "Cunningham"},   {"Carol", "Shaw"},       {"Butler", "Lampson"},
    {"Joan", "Clarke"},       {"Seymour", "Cray"},     {"Dorothy", "Vaughan"},
    {"Fred", "Brooks"}};

QString emailOf(const Person& p) {
    return QString::fromLatin1(p.first).toLower() + u'.' + QString::fromLatin1(p.last).toLower() +
           u"@demo.practice"_s;
}

} // namespace

int runDemo(const QString& dataDir, const QString& timeZoneName,
            const std::optional<storage::DatabaseUrl>& database) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QTimeZone zone(timeZoneName.toUtf8());
    if (!zone.isValid()) {
        err << "mentalspace-server: \"" << timeZoneName << "\" is not an IANA time zone\n";
        return 2;
    }
    SystemClock clock;
    auto opened = Practice::open(dataDir, clock, database);
    if (!opened) {
        err << "mentalspace-server: " << describe(opened.error()) << '\n';
        return 2;
    }
    Practice& practice = **opened;
    const auto existing = practice.records().list(storage::RecordKind::Staff, {});
    if (!existing || existing->total > 0) {
        err << "mentalspace-server: " << (database ? database->toString() : dataDir)
            << " already holds a practice\n";
        return 2;
    }
    if (!practice.setTimeZone(zone)) {
        err << "mentalspace-server: cannot store the time zone\n";
        return 2;
    }
    domain::Staff admin;
    admin.firstName = u"Alex"_s;
    admin.lastName = u"Admin"_s;
    admin.email = u"admin@demo.practice"_s;
    admin.role = domain::StaffRole::PracticeAdmin;
    {
        storage::WriteTransaction tx(practice.db());
        if (!practice.addStaff(admin, demoPassword) || !tx.commit()) {
            err << "mentalspace-server: cannot create the demo administrator\n";
            return 2;
        }
    }

    ApiServer server(practice);
    DemoBuilder demo(server);
    demo.signIn(admin.email);

    QStringList logins{admin.email + u"  PRACTICE_ADMIN"_s};
    QStringList providerIds;
    for (int i = 0; i < 4; ++i) {
        const QString role = i == 3 ? u"SUPERVISOR"_s : u"CLINICIAN"_s;
        const QJsonObject answer =
            demo.call(Method::Post, u"/api/v1/staff"_s,
                      {{"firstName"_L1, QString::fromLatin1(providers[i].first)},
                       {"lastName"_L1, QString::fromLatin1(providers[i].last)},
                       {"email"_L1, emailOf(providers[i])},
                       {"role"_L1, role},
                       {"password"_L1, QString::fromLatin1(demoPassword)}});
        providerIds << answer.value("data"_L1).toObject().value("_id"_L1).toString();
        logins << emailOf(providers[i]) + u"  "_s + role;
    }
    for (const auto& [email, role] : {std::pair{u"frontdesk@demo.practice"_s, u"RECEPTIONIST"_s},
                                      std::pair{u"billing@demo.practice"_s, u"BILLING"_s}}) {
        demo.call(Method::Post, u"/api/v1/staff"_s,
                  {{"firstName"_L1, QString(role.left(1) + role.mid(1).toLower())},
                   {"lastName"_L1, u"Demo"_s},
                   {"email"_L1, email},
                   {"role"_L1, role},
                   {"password"_L1, QString::fromLatin1(demoPassword)}});
        logins << email + u"  "_s + role;
    }

    QStringList clientIds;
    for (int i = 0; i < 40; ++i) {
        const QJsonObject answer =
            demo.call(Method::Post, u"/api/v1/clients"_s,
                      {{"firstName"_L1, QString::fromLatin1(clientNames[i].first)},
                       {"lastName"_L1, QString::fromLatin1(clientNames[i].last)},
                       {"email"_L1, emailOf(clientNames[i])},
                       {"status"_L1, u"Active"_s},
                       {"assignedProvider"_L1, providerIds.value(i % 4)}});
        clientIds << answer.value("data"_L1).toObject().value("_id"_L1).toString();
    }

    // Weekdays 09:00-17:00 at the office, lunch blocked, Friday afternoons
    // virtual for the supervisor.
    for (const QString& provider : providerIds) {
        for (const char* day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}) {
            const QString path = u"/api/v1/staff/%1/availabilities"_s.arg(provider);
            demo.call(Method::Post, path,
                      {{"dayOfWeek"_L1, QString::fromLatin1(day)},
                       {"startTime"_L1, u"09:00"_s},
                       {"endTime"_L1, u"17:00"_s},
                       {"location"_L1, u"Both"_s}});
            demo.call(Method::Post, path,
                      {{"dayOfWeek"_L1, QString::fromLatin1(day)},
                       {"startTime"_L1, u"12:00"_s},
                       {"endTime"_L1, u"13:00"_s},
                       {"isAvailable"_L1, false},
                       {"notes"_L1, u"Lunch"_s}});
        }
    }

    // A month of sessions from this week's Monday: four a day per provider,
    // clients rotated so that nobody is in two places at once.
    const QDate today = localDate(clock.now(), zone);
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const int hours[] = {9, 10, 11, 14, 15};
    int booked = 0;
    for (int d = 0; d < 30; ++d) {
        const QDate date = monday.addDays(d);
        if (date.dayOfWeek() > 5)
            continue;
        for (int p = 0; p < providerIds.size(); ++p) {
            for (int h = 0; h < 5; ++h) {
                if ((d + p + h) % 5 == 4)
                    continue; // a free hour now and then
                const int client = (h * 4 + p + d * 7) % 40;
                const QDateTime start = wallClockToUtc(date, QTime(hours[h], 0), zone);
                const bool past = date < today;
                const QString type =
                    h == 0 && d % 3 == 0 ? u"Initial Assessment"_s : u"Individual Therapy"_s;
                QJsonObject body{{"client"_L1, clientIds.value(client)},
                                 {"provider"_L1, providerIds.value(p)},
                                 {"startTime"_L1, toWireTime(start)},
                                 {"endTime"_L1, toWireTime(start.addSecs(50 * 60))},
                                 {"appointmentType"_L1, type},
                                 {"location"_L1, p == 3 ? u"Virtual"_s : u"Office"_s},
                                 {"status"_L1, past ? u"Completed"_s : u"Scheduled"_s}};
                if (p == 3)
                    body.insert("virtualMeetingLink"_L1,
                                u"https://meet.example/demo-%1"_s.arg(booked));
                const QJsonObject answer = demo.call(Method::Post, u"/api/v1/appointments"_s, body);
                if (answer.value("success"_L1).toBool())
                    ++booked;
            }
        }
    }

    // Several series at 16:00, after the day's single sessions.
    int series = 0;
    const QList<QJsonObject> patterns{
        {{"recurrencePattern"_L1, u"Weekly"_s}, {"dayOfWeek"_L1, u"Wednesday"_s}},
        {{"recurrencePattern"_L1, u"Weekly"_s}, {"dayOfWeek"_L1, u"Thursday"_s}},
        {{"recurrencePattern"_L1, u"Biweekly"_s}, {"dayOfWeek"_L1, u"Tuesday"_s}},
        {{"recurrencePattern"_L1, u"Monthly"_s},
         {"useWeekOfMonth"_L1, true},
         {"weekOfMonth"_L1, 2},
         {"dayOfWeek"_L1, u"Monday"_s}}};
    for (int p = 0; p < providerIds.size() && p < patterns.size(); ++p) {
        QJsonObject body = patterns.at(p);
        body.insert("client"_L1, clientIds.value(36 + p));
        body.insert("provider"_L1, providerIds.value(p));
        body.insert("appointmentType"_L1, u"Individual Therapy"_s);
        body.insert("duration"_L1, 50);
        body.insert("startTime"_L1, u"16:00"_s);
        body.insert("startDate"_L1, toWireTime(calendarDateInstant(monday)));
        body.insert("numberOfOccurrences"_L1, 8);
        const QJsonObject answer =
            demo.call(Method::Post, u"/api/v1/recurring-appointments"_s, body);
        if (answer.value("success"_L1).toBool()) {
            ++series;
            booked += answer.value("generatedCount"_L1).toInt();
        }
    }

    out << "Demo practice created in " << dataDir << " (" << timeZoneName
        << "): " << providerIds.size() << " providers, " << clientIds.size() << " clients, "
        << booked << " appointments (" << series
        << " series).\n\nLogins (password: " << demoPassword << "):\n";
    for (const QString& login : logins)
        out << "  " << login << '\n';
    out << "\nStart it with: mentalspace-server serve --data-dir " << dataDir;
    if (database)
        out << " --database " << database->toString();
    out << '\n';
    out.flush();
    return demo.failures() == 0 ? 0 : 1;
}

} // namespace mss::server::app
