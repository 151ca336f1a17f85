// The role matrix: docs/roles.md and the one table in code agree, and every
// route answers every role (and no token) as that table says.
#include "ServerHarness.h"

#include "domain/Roles.h"
#include "server/Router.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::domain::Permission;
using mss::domain::StaffRole;

class ServerRolesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void docsMatchTheRoleTable();
    void docsListEveryRouteWithItsPermission();
    void everyRouteAnswersEveryRoleAsTheTableSays();
    void meetingLinksFollowTheFieldPermission();

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
        QCOMPARE(r.object().contains("virtualMeetingLink"_L1),
                 mss::domain::allows(role, Permission::SeeMeetingSecrets));
    }
}

QTEST_GUILESS_MAIN(ServerRolesTest)
#include "tst_server_roles.moc"
