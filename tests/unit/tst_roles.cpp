// Minimum necessary as one rule (domain/Roles.h) for the server and the
// desk: which roles see the client details of which appointments, and who
// starts on their own schedule.
#include "domain/Roles.h"
#include "TestRecords.h"

#include <QJsonArray>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(mss::domain::StaffRole)
Q_DECLARE_METATYPE(mss::domain::DetailsScope)
Q_DECLARE_METATYPE(mss::ErrorCode)

class TestRoles : public QObject {
    Q_OBJECT

private slots:
    void scopeOfEachRole_data();
    void scopeOfEachRole();
    void ownOnlyShowsTheMembersOwnAppointments();
    void theServerAndTheDeskDecideAlike();
    void widerGrantsThatCannotBeGivenNameTheEntry_data();
    void widerGrantsThatCannotBeGivenNameTheEntry();
};

void TestRoles::scopeOfEachRole_data() {
    QTest::addColumn<StaffRole>("role");
    QTest::addColumn<DetailsScope>("scope");
    QTest::newRow("clinician") << StaffRole::Clinician << DetailsScope::OwnOnly;
    QTest::newRow("intern") << StaffRole::Intern << DetailsScope::OwnOnly;
    QTest::newRow("supervisor") << StaffRole::Supervisor << DetailsScope::All;
    QTest::newRow("practice admin") << StaffRole::PracticeAdmin << DetailsScope::All;
    QTest::newRow("front desk") << StaffRole::Receptionist << DetailsScope::All;
    QTest::newRow("billing") << StaffRole::Billing << DetailsScope::All;
    QTest::newRow("support") << StaffRole::Support << DetailsScope::None;
    QTest::newRow("system admin") << StaffRole::SystemAdmin << DetailsScope::None;
}

void TestRoles::scopeOfEachRole() {
    QFETCH(StaffRole, role);
    QFETCH(DetailsScope, scope);
    QCOMPARE(detailsScope(role), scope);
    // Those who see their own only are those whose calendars open on it.
    QCOMPARE(worksOnOwnSchedule(role), scope == DetailsScope::OwnOnly);
}

void TestRoles::ownOnlyShowsTheMembersOwnAppointments() {
    const Appointment mine = test::appointment(1, 2, 3, "2026-03-10T15:00:00.000Z", 50);
    const Appointment theirs = test::appointment(2, 4, 3, "2026-03-10T15:00:00.000Z", 50);
    const ObjectId me = test::id(2);
    QVERIFY(showsClientDetails(DetailsScope::OwnOnly, me, mine));
    QVERIFY(!showsClientDetails(DetailsScope::OwnOnly, me, theirs));
    QVERIFY(!showsClientDetails(DetailsScope::OwnOnly, ObjectId(), mine));
    QVERIFY(showsClientDetails(DetailsScope::All, me, theirs));
    QVERIFY(showsClientDetails(DetailsScope::All, ObjectId(), theirs));
    QVERIFY(!showsClientDetails(DetailsScope::None, me, mine));
}

void TestRoles::theServerAndTheDeskDecideAlike() {
    // The server reads ids from JSON, possibly in upper case; the desk holds
    // records: both are the one rule.
    const ObjectId clinician = *ObjectId::fromString(u"65f0aa00000000000000c1bc"_s);
    Appointment mine = test::appointment(1, 2, 3, "2026-03-10T15:00:00.000Z", 50);
    mine.provider.id = clinician;
    const QString provider = mine.provider.id.toString();
    for (const auto scope : {DetailsScope::None, DetailsScope::OwnOnly, DetailsScope::All}) {
        for (const ObjectId& me : {clinician, test::id(5), ObjectId()}) {
            const QString meText = me.isNull() ? QString() : me.toString();
            QCOMPARE(showsClientDetails(scope, me, mine),
                     showsClientDetails(scope, meText, provider));
            QCOMPARE(showsClientDetails(scope, meText.toUpper(), provider),
                     showsClientDetails(scope, meText, provider));
        }
    }
}

void TestRoles::widerGrantsThatCannotBeGivenNameTheEntry_data() {
    QTest::addColumn<QJsonValue>("grants");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << QJsonValue(u"RECEPTIONIST"_s) << ErrorCode::WrongType
                                   << QString() << u"must be an object"_s;
    QTest::newRow("not widenable")
        << QJsonValue(QJsonObject{{u"ReadAuditLog"_s, QJsonArray{u"CLINICIAN"_s}}})
        << ErrorCode::UnknownValue << u"ReadAuditLog"_s << u"ReadAuditLog cannot be widened"_s;
    QTest::newRow("not a list") << QJsonValue(
                                       QJsonObject{{u"WriteAvailability"_s, u"RECEPTIONIST"_s}})
                                << ErrorCode::WrongType << u"WriteAvailability"_s
                                << u"WriteAvailability must be a list of roles"_s;
    QTest::newRow("not a role") << QJsonValue(
                                       QJsonObject{{u"WriteAvailability"_s,
                                                    QJsonArray{u"RECEPTIONIST"_s, u"WIZARD"_s}}})
                                << ErrorCode::UnknownValue << u"WriteAvailability[1]"_s
                                << u"WIZARD is not a role"_s;
    QTest::newRow("does not write the schedule")
        << QJsonValue(QJsonObject{{u"CompleteAppointments"_s, QJsonArray{u"SUPPORT"_s}}})
        << ErrorCode::UnknownValue << u"CompleteAppointments[0]"_s
        << u"SUPPORT cannot be given CompleteAppointments"_s;
}

void TestRoles::widerGrantsThatCannotBeGivenNameTheEntry() {
    QFETCH(QJsonValue, grants);
    QFETCH(ErrorCode, code);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const auto parsed = RoleGrants::fromJson(grants);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, code);
    QCOMPARE(parsed.error().field, field);
    QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
}

QTEST_MAIN(TestRoles)
#include "tst_roles.moc"
