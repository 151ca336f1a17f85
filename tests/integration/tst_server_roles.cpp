// The role matrix: docs/roles.md and the one table in code agree, and every
// route answers every role (and no token) as that table says.
#include "ServerHarness.h"

#include "domain/Roles.h"
#include "server/Router.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::domain::Permission;
using mss::domain::StaffRole;
using mss::test::Reply;

class ServerRolesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void docsMatchTheRoleTable();
    void docsListEveryRouteWithItsPermission();
    void everyRouteAnswersEveryRoleAsTheTableSays();
    void meetingLinksFollowTheFieldPermission();
    void neverLooserThanTheMentalSpaceServer();
    void widerGrantsAreAPracticeSettingOffByDefault();

private:
    QStringList docLines() const;

    mss::test::ServerHarness m_server;
    QHash<StaffRole, QByteArray> m_tokens;
};

QStringList ServerRolesTest::docLines() const {
    QFile f(QStringLiteral(MSS_SOURCE_DIR) + u"/docs/roles.md"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(u'\n');
}

void ServerRolesTest::initTestCase() {
    QVERIFY(m_server.init());
    for (StaffRole role : mss::domain::allRoles()) {
        if (role != StaffRole::PracticeAdmin)
            QVERIFY(m_server.addUser(mss::domain::toWire(role)));
    }
    QVERIFY(m_server.start());
    for (StaffRole role : mss::domain::allRoles()) {
        m_tokens[role] = m_server.login(mss::domain::toWire(role));
        QVERIFY(!m_tokens[role].isEmpty());
    }
}

void ServerRolesTest::docsMatchTheRoleTable() {
    const QStringList roles = mss::domain::wireNames<mss::domain::StaffRole>();
    int rows = 0;
    for (const QString& line : docLines()) {
        const QStringList cells = line.split(u'|', Qt::SkipEmptyParts);
        if (cells.size() != roles.size() + 1)
            continue;
        const QString name = cells.first().trimmed();
        if (name == "permission"_L1) {
            for (int i = 0; i < roles.size(); ++i)
                QCOMPARE(cells.at(i + 1).trimmed(), roles.at(i));
            continue;
        }
        const auto permissions = mss::domain::allPermissions();
        const auto it = std::find_if(permissions.begin(), permissions.end(), [&](Permission p) {
            return mss::domain::permissionName(p) == name;
        });
        if (it == permissions.end())
            continue; // the separator row
        ++rows;
        for (int i = 0; i < roles.size(); ++i) {
            const bool documented = cells.at(i + 1).trimmed() == "yes"_L1;
            QVERIFY2(documented == mss::domain::allows(StaffRole(i), *it),
                     qPrintable(name + u" / "_s + roles.at(i)));
        }
    }
    QCOMPARE(rows, mss::domain::permissionCount);
}

void ServerRolesTest::docsListEveryRouteWithItsPermission() {
    static const QRegularExpression row(u"^\\| `(\\w+) (\\S+)` \\| (\\w+) \\|$"_s);
    QHash<QString, QString> documented;
    for (const QString& line : docLines()) {
        const auto m = row.match(line.trimmed());
        if (m.hasMatch())
            documented.insert(m.captured(1) + u' ' + m.captured(2), m.captured(3));
    }
    const mss::server::Router router = mss::server::apiRouter();
    QCOMPARE(documented.size(), router.routes().size());
    for (const mss::server::Route& r : router.routes()) {
        const QString key = mss::server::methodName(r.method) + u' ' + r.pattern;
        QVERIFY2(documented.contains(key), qPrintable(key + u" is not in docs/roles.md"_s));
        QCOMPARE(documented.value(key),
                 r.permission ? mss::domain::permissionName(*r.permission) : u"open"_s);
    }
}

void ServerRolesTest::everyRouteAnswersEveryRoleAsTheTableSays() {
    // An id that is well-formed and names nothing: an allowed role then gets
    // 404 or 400, never 401 or 403.
    static const QRegularExpression param(u":\\w+"_s);
    const mss::server::Router router = mss::server::apiRouter();
    int checked = 0;
    for (const mss::server::Route& r : router.routes()) {
        QString path = r.pattern;
        path.replace(param, u"ffffffffffffffffffffffff"_s);
        const QByteArray method = mss::server::methodName(r.method).toLatin1();
        const QString label = QString::fromLatin1(method) + u' ' + r.pattern;
        const int anonymous = m_server.request(method, path).status;
        if (!r.permission) {
            QVERIFY2(anonymous != 401 && anonymous != 403, qPrintable(label));
            continue;
        }
        QVERIFY2(anonymous == 401, qPrintable(label + u" without a token"_s));
        for (StaffRole role : mss::domain::allRoles()) {
            const bool logout = r.pattern.endsWith(u"/logout"_s);
            const QByteArray token =
                logout ? m_server.login(mss::domain::toWire(role)) : m_tokens.value(role);
            const int status = m_server.request(method, path, {}, token).status;
            const bool allowed = mss::domain::allows(role, *r.permission);
            const QString what =
                label + u" as "_s + mss::domain::toWire(role) + u": "_s + QString::number(status);
            if (allowed)
                QVERIFY2(status != 401 && status != 403 && status < 500, qPrintable(what));
            else
                QVERIFY2(status == 403, qPrintable(what));
            ++checked;
        }
    }
    QVERIFY(checked > 300);
}

void ServerRolesTest::meetingLinksFollowTheFieldPermission() {
    const QByteArray admin = m_tokens.value(StaffRole::PracticeAdmin);
    const QString client = m_server
                               .request("POST", u"/api/v1/clients"_s,
                                        {{"firstName"_L1, u"V"_s}, {"lastName"_L1, u"W"_s}}, admin)
                               .object()
                               .value("_id"_L1)
                               .toString();
    const QString provider = m_server.request("GET", u"/api/v1/auth/me"_s, {}, admin)
                                 .object()
                                 .value("_id"_L1)
                                 .toString();
    const auto created = m_server.request("POST", u"/api/v1/appointments"_s,
                                          {{"client"_L1, client},
                                           {"provider"_L1, provider},
                                           {"startTime"_L1, u"2030-06-03T15:00:00.000Z"_s},
                                           {"endTime"_L1, u"2030-06-03T15:50:00.000Z"_s},
                                           {"appointmentType"_L1, u"Consultation"_s},
                                           {"location"_L1, u"Virtual"_s},
                                           {"virtualMeetingLink"_L1, u"https://meet.example/r"_s}},
                                          admin);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value("_id"_L1).toString();
    for (StaffRole role : mss::domain::allRoles()) {
        const auto r =
            m_server.request("GET", u"/api/v1/appointments/"_s + id, {}, m_tokens.value(role));
        if (!mss::domain::allows(role, Permission::ReadSchedule)) {
            QCOMPARE(r.status, 403);
            continue;
        }
        QCOMPARE(r.status, 200);
        // The appointment is the administrator's: a role that sees its own
        // only gets a busy block (tst_server_visibility).
        QCOMPARE(r.object().contains("virtualMeetingLink"_L1),
                 mss::domain::allows(role, Permission::SeeMeetingSecrets) &&
                     mss::domain::detailsScope(role) == mss::domain::DetailsScope::All);
    }
}

void ServerRolesTest::neverLooserThanTheMentalSpaceServer() {
    // The MentalSpace server's own table on the routes the two share.
    const QList<StaffRole> availability{StaffRole::PracticeAdmin, StaffRole::Clinician};
    const QList<StaffRole> completing{StaffRole::PracticeAdmin, StaffRole::Clinician,
                                      StaffRole::Intern};
    for (StaffRole role : mss::domain::allRoles()) {
        QVERIFY2(mss::domain::allows(role, Permission::WriteAvailability) <=
                     availability.contains(role),
                 qPrintable(mss::domain::toWire(role)));
        QVERIFY2(mss::domain::allows(role, Permission::CompleteAppointments) <=
                     completing.contains(role),
                 qPrintable(mss::domain::toWire(role)));
    }
    const mss::server::Router router = mss::server::apiRouter();
    for (const mss::server::Route& r : router.routes()) {
        const QString key = mss::server::methodName(r.method) + u' ' + r.pattern;
        if (r.pattern.contains(u"availabilities"_s) && r.method != mss::server::Method::Get)
            QCOMPARE(r.permission, std::optional(Permission::WriteAvailability));
        if (r.pattern.endsWith(u"/complete"_s))
            QCOMPARE(r.permission, std::optional(Permission::CompleteAppointments));
    }
}

void ServerRolesTest::widerGrantsAreAPracticeSettingOffByDefault() {
    const QByteArray admin = m_tokens.value(StaffRole::PracticeAdmin);
    const QByteArray desk = m_tokens.value(StaffRole::Receptionist);
    const QByteArray supervisor = m_tokens.value(StaffRole::Supervisor);
    const QByteArray intern = m_tokens.value(StaffRole::Intern);
    const QString provider = m_server.request("GET", u"/api/v1/auth/me"_s, {}, admin)
                                 .object()
                                 .value("_id"_L1)
                                 .toString();
    const QString client = m_server
                               .request("POST", u"/api/v1/clients"_s,
                                        {{"firstName"_L1, u"G"_s}, {"lastName"_L1, u"H"_s}}, admin)
                               .object()
                               .value("_id"_L1)
                               .toString();
    int day = 1; // one appointment a day in July 2030
    const auto book = [&] {
        const QString date = u"2030-07-%1"_s.arg(day++, 2, 10, QChar(u'0'));
        const QString start = date + u"T13:00:00.000Z"_s;
        const QString end = date + u"T13:50:00.000Z"_s;
        const auto r = m_server.request("POST", u"/api/v1/appointments"_s,
                                        {{"client"_L1, client},
                                         {"provider"_L1, provider},
                                         {"startTime"_L1, start},
                                         {"endTime"_L1, end},
                                         {"appointmentType"_L1, u"Consultation"_s}},
                                        admin);
        return r.object().value("_id"_L1).toString();
    };
    const QString hoursPath = u"/api/v1/staff/%1/availabilities"_s.arg(provider);
    const QJsonObject hours{
        {"dayOfWeek"_L1, u"Monday"_s}, {"startTime"_L1, u"09:00"_s}, {"endTime"_L1, u"17:00"_s}};
    const auto completeAs = [&](const QByteArray& token) {
        return m_server.request("PUT", u"/api/v1/appointments/%1/complete"_s.arg(book()), {}, token)
            .status;
    };
    const auto completeByPutAs = [&](const QByteArray& token) {
        return m_server
            .request("PUT", u"/api/v1/appointments/"_s + book(), {{"status"_L1, u"Completed"_s}},
                     token)
            .status;
    };

    // Off by default: the front desk and supervisors neither write hours
    // nor complete, whichever route they try; interns complete.
    const Reply settings = m_server.request("GET", u"/api/v1/settings"_s, {}, desk);
    QCOMPARE(settings.object().value("widerGrants"_L1).toObject(),
             (QJsonObject{{"WriteAvailability"_L1, QJsonArray()},
                          {"CompleteAppointments"_L1, QJsonArray()}}));
    for (const QByteArray& token : {desk, supervisor}) {
        QCOMPARE(m_server.request("POST", hoursPath, hours, token).status, 403);
        QCOMPARE(completeAs(token), 403);
        QCOMPARE(completeByPutAs(token), 403);
        // Other changes of an appointment stay theirs.
        QCOMPARE(m_server
                     .request("PUT", u"/api/v1/appointments/"_s + book(),
                              {{"notes"_L1, u"Bring the form"_s}}, token)
                     .status,
                 200);
    }
    QCOMPARE(completeAs(intern), 200);
    QCOMPARE(completeByPutAs(intern), 200);

    // Only the two floors can be widened, and only to roles that write the
    // schedule.
    for (const QJsonObject& wrong :
         {QJsonObject{{"DeleteAppointments"_L1, QJsonArray{u"RECEPTIONIST"_s}}},
          QJsonObject{{"WriteAvailability"_L1, QJsonArray{u"BILLING"_s}}},
          QJsonObject{{"WriteAvailability"_L1, QJsonArray{u"JANITOR"_s}}},
          QJsonObject{{"CompleteAppointments"_L1, u"RECEPTIONIST"_s}}}) {
        const Reply r =
            m_server.request("PUT", u"/api/v1/settings"_s, {{"widerGrants"_L1, wrong}}, admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value("errors"_L1).toArray().first()["field"_L1].toString(),
                 u"widerGrants"_s);
    }
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/settings"_s,
                          {{"widerGrants"_L1,
                            QJsonObject{{"WriteAvailability"_L1, QJsonArray{u"RECEPTIONIST"_s}}}}},
                          desk)
                 .status,
             403); // settings are the administrators'

    // The practice widens: the front desk keeps hours and completes.
    const QJsonObject wide{{"WriteAvailability"_L1, QJsonArray{u"RECEPTIONIST"_s}},
                           {"CompleteAppointments"_L1, QJsonArray{u"RECEPTIONIST"_s}}};
    const Reply widened =
        m_server.request("PUT", u"/api/v1/settings"_s, {{"widerGrants"_L1, wide}}, admin);
    QCOMPARE(widened.status, 200);
    QCOMPARE(widened.object().value("widerGrants"_L1).toObject(), wide);
    QCOMPARE(m_server.request("POST", hoursPath, hours, desk).status, 201);
    QCOMPARE(completeAs(desk), 200);
    QCOMPARE(completeByPutAs(desk), 200);
    QCOMPARE(m_server.request("POST", hoursPath, hours, supervisor).status, 403);
    QCOMPARE(completeAs(supervisor), 403);

    // And takes it back.
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/settings"_s, {{"widerGrants"_L1, QJsonObject()}}, admin)
            .status,
        200);
    QCOMPARE(m_server.request("POST", hoursPath, hours, desk).status, 403);
    QCOMPARE(completeAs(desk), 403);
}

QTEST_GUILESS_MAIN(ServerRolesTest)
#include "tst_server_roles.moc"
