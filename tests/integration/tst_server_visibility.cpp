// Minimum necessary at the server: a CLINICIAN or INTERN receives the
// client, type, notes and meeting link of their own appointments only;
// another provider's come as busy blocks (times, provider, status), on
// every route that carries appointments, series or clients: one record,
// lists with any filter, select, sort or populate, the change feed and
// /clients. Everyone else who reads the schedule receives it in full.
#include "ServerHarness.h"

#include "domain/Roles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

// Written into the other clinician's records; none of it may reach a role
// that sees its own appointments only.
const QString secretClientName = u"Zebulon"_s;
const QString secretNotes = u"discussed the divorce"_s;
const QString secretLink = u"https://meet.example/other-room"_s;

const QStringList hiddenFields{u"client"_s,
                               u"appointmentType"_s,
                               u"notes"_s,
                               u"virtualMeetingLink"_s,
                               u"virtualMeetingPassword"_s,
                               u"cancellationReason"_s,
                               u"exceptions"_s};

QString textOf(const Reply& r) {
    return QString::fromUtf8(QJsonDocument(r.json).toJson(QJsonDocument::Compact));
}

} // namespace

class ServerVisibilityTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void docsMatchTheRule();
    void ownAppointmentComesInFull();
    void othersAppointmentIsABusyBlock_data();
    void othersAppointmentIsABusyBlock();
    void filteringByAnotherProvidersClientFindsNothing();
    void sortingOnAHiddenFieldKeepsToOwnAppointments();
    void seriesOfAnotherProviderIsABusyBlock();
    void changeFeedCarriesBusyBlocksAndOwnClientsOnly();
    void clinicianReadsOnlyClientsOnTheirCaseload();
    void rolesThatBookForEveryoneSeeEverything_data();
    void rolesThatBookForEveryoneSeeEverything();

private:
    QString idOfMe(const QByteArray& token);
    // `path` with {appointment}, {series}, {provider}, {client} and {own}
    // standing for the other provider's records and the clinician's client.
    QString filled(QString path) const;
    QString post(const QString& path, const QJsonObject& body);
    void verifyBusy(const QJsonObject& doc, const QString& label);

    mss::test::ServerHarness m_server;
    QByteArray m_admin, m_clinician, m_intern;
    QString m_clinicianId, m_otherId;
    QString m_ownClient, m_otherClient;
    QString m_ownAppointment, m_otherAppointment, m_otherSeries;
};

QString ServerVisibilityTest::idOfMe(const QByteArray& token) {
    return m_server.request("GET", u"/api/v1/auth/me"_s, {}, token)
        .object()
        .value("_id"_L1)
        .toString();
}

QString ServerVisibilityTest::post(const QString& path, const QJsonObject& body) {
    const Reply r = m_server.request("POST", path, body, m_admin);
    if (r.status != 201)
        qWarning() << path << r.status << textOf(r);
    return r.object().value("_id"_L1).toString();
}

QString ServerVisibilityTest::filled(QString path) const {
    return path.replace(u"{appointment}"_s, m_otherAppointment)
        .replace(u"{series}"_s, m_otherSeries)
        .replace(u"{provider}"_s, m_otherId)
        .replace(u"{client}"_s, m_otherClient)
        .replace(u"{own}"_s, m_ownClient);
}

void ServerVisibilityTest::verifyBusy(const QJsonObject& doc, const QString& label) {
    for (const QString& field : hiddenFields)
        QVERIFY2(!doc.contains(field), qPrintable(label + u": has "_s + field));
    QVERIFY2(doc.contains("provider"_L1), qPrintable(label + u": no provider"_s));
    QVERIFY2(doc.contains("status"_L1), qPrintable(label + u": no status"_s));
}

void ServerVisibilityTest::initTestCase() {
    QVERIFY(m_server.init());
    for (const QString& role :
         {u"CLINICIAN"_s, u"INTERN"_s, u"SUPERVISOR"_s, u"BILLING"_s, u"RECEPTIONIST"_s})
        QVERIFY(m_server.addUser(role));
    // A second clinician, whose client the first must not see.
    QCOMPARE(
        m_server.command({u"user"_s, u"add"_s, u"--data-dir"_s, m_server.dataDir(), u"--email"_s,
                          u"colleague@test.practice"_s, u"--role"_s, u"CLINICIAN"_s,
                          u"--first-name"_s, u"Other"_s, u"--last-name"_s, u"Clinician"_s},
                         QByteArray(mss::test::ServerHarness::password) + '\n'),
        0);
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_clinician = m_server.login(u"CLINICIAN"_s);
    m_intern = m_server.login(u"INTERN"_s);
    const QByteArray colleague = m_server.login(u"colleague"_s);
    QVERIFY(!m_admin.isEmpty() && !m_clinician.isEmpty() && !m_intern.isEmpty() &&
            !colleague.isEmpty());
    m_clinicianId = idOfMe(m_clinician);
    m_otherId = idOfMe(colleague);

    m_ownClient =
        post(u"/api/v1/clients"_s, {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"Own"_s}});
    m_otherClient = post(u"/api/v1/clients"_s,
                         {{"firstName"_L1, secretClientName}, {"lastName"_L1, u"Kept"_s}});
    const auto appointment = [&](const QString& client, const QString& provider,
                                 const QString& start, const QString& end, const QString& notes,
                                 const QString& link) {
        return post(u"/api/v1/appointments"_s, {{"client"_L1, client},
                                                {"provider"_L1, provider},
                                                {"startTime"_L1, start},
                                                {"endTime"_L1, end},
                                                {"appointmentType"_L1, u"Couples Therapy"_s},
                                                {"location"_L1, u"Virtual"_s},
                                                {"virtualMeetingLink"_L1, link},
                                                {"virtualMeetingPassword"_L1, u"pw-1234"_s},
                                                {"notes"_L1, notes}});
    };
    m_ownAppointment = appointment(m_ownClient, m_clinicianId, u"2030-06-03T15:00:00.000Z"_s,
                                   u"2030-06-03T15:50:00.000Z"_s, u"own notes"_s,
                                   u"https://meet.example/own-room"_s);
    m_otherAppointment = appointment(m_otherClient, m_otherId, u"2030-06-03T16:00:00.000Z"_s,
                                     u"2030-06-03T16:50:00.000Z"_s, secretNotes, secretLink);
    m_otherSeries =
        post(u"/api/v1/recurring-appointments"_s, {{"client"_L1, m_otherClient},
                                                   {"provider"_L1, m_otherId},
                                                   {"appointmentType"_L1, u"Family Therapy"_s},
                                                   {"duration"_L1, 50},
                                                   {"location"_L1, u"Virtual"_s},
                                                   {"virtualMeetingLink"_L1, secretLink},
                                                   {"recurrencePattern"_L1, u"Weekly"_s},
                                                   {"dayOfWeek"_L1, u"Tuesday"_s},
                                                   {"startTime"_L1, u"10:00"_s},
                                                   {"startDate"_L1, u"2030-07-02"_s},
                                                   {"numberOfOccurrences"_L1, 2},
                                                   {"notes"_L1, secretNotes}});
    QVERIFY(!m_ownClient.isEmpty() && !m_otherClient.isEmpty());
    QVERIFY(!m_ownAppointment.isEmpty() && !m_otherAppointment.isEmpty());
    QVERIFY(!m_otherSeries.isEmpty());
}

void ServerVisibilityTest::docsMatchTheRule() {
    // docs/roles.md, "Minimum necessary": each role's row says what
    // domain::detailsScope decides.
    QFile f(QStringLiteral(MSS_SOURCE_DIR) + u"/docs/roles.md"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype from = text.indexOf(u"## Minimum necessary"_s);
    QVERIFY(from >= 0);
    const QStringList lines =
        text.mid(from, text.indexOf(u"\n## "_s, from + 1) - from).split(u'\n');
    QSet<mss::domain::StaffRole> seen;
    for (const QString& line : lines) {
        const QStringList cells = line.split(u'|');
        if (cells.size() < 4 || cells[1].contains(u"role"_s) || cells[1].contains(u"---"_s))
            continue;
        const QString schedule = cells[2].trimmed();
        const auto scope = schedule.startsWith(u"all"_s) ? mss::domain::DetailsScope::All
                           : schedule.startsWith(u"their own"_s)
                               ? mss::domain::DetailsScope::OwnOnly
                               : mss::domain::DetailsScope::None;
        for (const QString& name : cells[1].split(u',')) {
            const auto role = mss::domain::fromWire<mss::domain::StaffRole>(name.trimmed());
            QVERIFY2(role, qPrintable(name));
            QVERIFY2(mss::domain::detailsScope(*role) == scope, qPrintable(line));
            seen.insert(*role);
        }
    }
    QCOMPARE(seen.size(), mss::domain::allRoles().size());
}

void ServerVisibilityTest::ownAppointmentComesInFull() {
    const Reply r =
        m_server.request("GET", u"/api/v1/appointments/"_s + m_ownAppointment, {}, m_clinician);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("client"_L1).toString(), m_ownClient);
    QCOMPARE(r.object().value("notes"_L1).toString(), u"own notes"_s);
    QCOMPARE(r.object().value("appointmentType"_L1).toString(), u"Couples Therapy"_s);
    QCOMPARE(r.object().value("virtualMeetingLink"_L1).toString(),
             u"https://meet.example/own-room"_s);
    const Reply populated = m_server.request(
        "GET", u"/api/v1/appointments/"_s + m_ownAppointment + u"?populate=client"_s, {},
        m_clinician);
    QCOMPARE(populated.object().value("client"_L1).toObject().value("firstName"_L1).toString(),
             u"Ada"_s);
}

void ServerVisibilityTest::othersAppointmentIsABusyBlock_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("list");
    const QString one = u"/api/v1/appointments/"_s;
    QTest::newRow("one") << one + u"{appointment}"_s << false;
    QTest::newRow("one, select") << one + u"{appointment}?select=notes,client,virtualMeetingLink"_s
                                 << false;
    QTest::newRow("one, populate") << one + u"{appointment}?populate=client,provider"_s << false;
    QTest::newRow("list") << u"/api/v1/appointments?limit=500"_s << true;
    QTest::newRow("list, select")
        << u"/api/v1/appointments?select=notes,client,startTime,provider,status"_s << true;
    QTest::newRow("list, populate") << u"/api/v1/appointments?populate=client"_s << true;
    QTest::newRow("by provider") << u"/api/v1/staff/{provider}/appointments"_s << true;
    QTest::newRow("filtered by provider") << u"/api/v1/appointments?provider={provider}"_s << true;
    QTest::newRow("by time") << u"/api/v1/appointments?startTime[gte]=2030-06-03T16:00:00.000Z"_s
                             << true;
}

void ServerVisibilityTest::othersAppointmentIsABusyBlock() {
    QFETCH(QString, path);
    QFETCH(bool, list);
    for (const QByteArray& token : {m_clinician, m_intern}) {
        const Reply r = m_server.request("GET", filled(path), {}, token);
        QCOMPARE(r.status, 200);
        const QString text = textOf(r);
        QVERIFY2(!text.contains(secretClientName), qPrintable(text));
        QVERIFY2(!text.contains(secretNotes), qPrintable(text));
        QVERIFY2(!text.contains(secretLink), qPrintable(text));
        QJsonObject doc = r.object();
        if (list) {
            doc = {};
            for (const QJsonValue v : r.data().toArray()) {
                if (v.toObject().value("_id"_L1).toString() == m_otherAppointment)
                    doc = v.toObject();
            }
            QVERIFY2(!doc.isEmpty(), "the busy block is in the list");
        }
        verifyBusy(doc, path);
        if (!path.contains(u"select"_s))
            QCOMPARE(doc.value("startTime"_L1).toString(), u"2030-06-03T16:00:00.000Z"_s);
    }
}

void ServerVisibilityTest::filteringByAnotherProvidersClientFindsNothing() {
    // The busy block is in the schedule; a filter on what it hides must not
    // tell which client it is (or what the notes say).
    const QString client = m_otherClient;
    for (const QString& path :
         {u"/api/v1/appointments?client={client}"_s, u"/api/v1/clients/{client}/appointments"_s,
          u"/api/v1/appointments?client[in]={client},{own}"_s,
          u"/api/v1/appointments?client[ne]={own}"_s,
          u"/api/v1/appointments?notes=discussed%20the%20divorce"_s,
          u"/api/v1/appointments?appointmentType=Couples%20Therapy&provider={provider}"_s,
          u"/api/v1/recurring-appointments?client={client}"_s,
          u"/api/v1/clients/{client}/recurring-appointments"_s}) {
        const QString url = filled(path);
        const Reply r = m_server.request("GET", url, {}, m_clinician);
        QCOMPARE(r.status, 200);
        for (const QJsonValue v : r.data().toArray()) {
            const QString provider = v.toObject().value("provider"_L1).toString();
            QVERIFY2(provider == m_clinicianId, qPrintable(url + u": "_s + textOf(r)));
        }
        QVERIFY2(!textOf(r).contains(m_otherAppointment), qPrintable(url));
    }
    // The admin's same filter finds it: the filter works, it is narrowed.
    const Reply admin =
        m_server.request("GET", u"/api/v1/appointments?client="_s + client, {}, m_admin);
    QVERIFY(textOf(admin).contains(m_otherAppointment));
}

void ServerVisibilityTest::sortingOnAHiddenFieldKeepsToOwnAppointments() {
    for (const QString& sort : {u"client"_s, u"-notes"_s, u"startTime,appointmentType"_s}) {
        const Reply r =
            m_server.request("GET", u"/api/v1/appointments?sort="_s + sort, {}, m_clinician);
        QCOMPARE(r.status, 200);
        QVERIFY2(!textOf(r).contains(m_otherAppointment), qPrintable(sort));
        QVERIFY2(textOf(r).contains(m_ownAppointment), qPrintable(sort));
    }
    // Sorting on what a busy block shows keeps everyone's.
    const Reply r =
        m_server.request("GET", u"/api/v1/appointments?sort=-startTime"_s, {}, m_clinician);
    QVERIFY(textOf(r).contains(m_otherAppointment));
}

void ServerVisibilityTest::seriesOfAnotherProviderIsABusyBlock() {
    for (const QString& path :
         {u"/api/v1/recurring-appointments/{series}"_s,
          u"/api/v1/recurring-appointments/{series}?populate=client&select=client,notes"_s,
          u"/api/v1/recurring-appointments"_s,
          u"/api/v1/staff/{provider}/recurring-appointments"_s}) {
        const QString url = filled(path);
        const Reply r = m_server.request("GET", url, {}, m_clinician);
        QCOMPARE(r.status, 200);
        const QString text = textOf(r);
        QVERIFY2(!text.contains(secretClientName) && !text.contains(secretNotes) &&
                     !text.contains(secretLink) && !text.contains(m_otherClient),
                 qPrintable(url + u": "_s + text));
        QVERIFY2(text.contains(m_otherSeries), qPrintable(url));
    }
    const Reply one = m_server.request("GET", u"/api/v1/recurring-appointments/"_s + m_otherSeries,
                                       {}, m_clinician);
    verifyBusy(one.object(), u"series"_s);
    QCOMPARE(one.object().value("dayOfWeek"_L1).toString(), u"Tuesday"_s);
    // Its occurrences are busy blocks too.
    const Reply occurrences = m_server.request(
        "GET", u"/api/v1/appointments?startTime[gte]=2030-07-01T00:00:00.000Z"_s, {}, m_clinician);
    QCOMPARE(occurrences.data().toArray().size(), 2);
    for (const QJsonValue v : occurrences.data().toArray())
        verifyBusy(v.toObject(), u"occurrence"_s);
}

void ServerVisibilityTest::changeFeedCarriesBusyBlocksAndOwnClientsOnly() {
    const Reply r = m_server.request("GET", u"/api/v1/sync/changes?limit=5000"_s, {}, m_clinician);
    QCOMPARE(r.status, 200);
    const QString text = textOf(r);
    QVERIFY2(!text.contains(secretClientName), qPrintable(text));
    QVERIFY2(!text.contains(secretNotes), qPrintable(text));
    QVERIFY2(!text.contains(secretLink), qPrintable(text));
    QVERIFY2(!text.contains(m_otherClient), qPrintable(text));
    QHash<QString, QJsonObject> docs;
    for (const QJsonValue v : r.object().value("changes"_L1).toArray())
        docs.insert(v.toObject().value("_id"_L1).toString(),
                    v.toObject().value("doc"_L1).toObject());
    QVERIFY(docs.contains(m_otherAppointment));
    verifyBusy(docs.value(m_otherAppointment), u"feed"_s);
    verifyBusy(docs.value(m_otherSeries), u"feed series"_s);
    QCOMPARE(docs.value(m_ownAppointment).value("notes"_L1).toString(), u"own notes"_s);
    QCOMPARE(docs.value(m_ownClient).value("firstName"_L1).toString(), u"Ada"_s);

    // A client who comes onto the caseload later arrives with the
    // appointment that brings them, though their own change was earlier.
    const QString cursor = r.object().value("cursor"_L1).toString();
    const QString newcomer =
        post(u"/api/v1/clients"_s, {{"firstName"_L1, u"Nora"_s}, {"lastName"_L1, u"New"_s}});
    const Reply before =
        m_server.request("GET", u"/api/v1/sync/changes?since="_s + cursor, {}, m_clinician);
    QVERIFY2(!textOf(before).contains(u"Nora"_s), qPrintable(textOf(before)));
    const QString booked =
        post(u"/api/v1/appointments"_s, {{"client"_L1, newcomer},
                                         {"provider"_L1, m_clinicianId},
                                         {"startTime"_L1, u"2030-06-04T15:00:00.000Z"_s},
                                         {"endTime"_L1, u"2030-06-04T15:50:00.000Z"_s},
                                         {"appointmentType"_L1, u"Initial Assessment"_s}});
    QVERIFY(!booked.isEmpty());
    const Reply after = m_server.request(
        "GET", u"/api/v1/sync/changes?since="_s + before.object().value("cursor"_L1).toString(), {},
        m_clinician);
    QVERIFY2(textOf(after).contains(u"Nora"_s), qPrintable(textOf(after)));

    // The admin's feed has everything.
    const Reply admin = m_server.request("GET", u"/api/v1/sync/changes?limit=5000"_s, {}, m_admin);
    QVERIFY(textOf(admin).contains(secretNotes));
    QVERIFY(textOf(admin).contains(secretClientName));
}

void ServerVisibilityTest::clinicianReadsOnlyClientsOnTheirCaseload() {
    const Reply other =
        m_server.request("GET", u"/api/v1/clients/"_s + m_otherClient, {}, m_clinician);
    QCOMPARE(other.status, 404); // as good as absent: 403 would say it exists
    QVERIFY(!textOf(other).contains(secretClientName));
    const Reply change = m_server.request("PUT", u"/api/v1/clients/"_s + m_otherClient,
                                          {{"phone"_L1, u"555-0100"_s}}, m_clinician);
    QCOMPARE(change.status, 404);
    const Reply own = m_server.request("GET", u"/api/v1/clients/"_s + m_ownClient, {}, m_clinician);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.object().value("firstName"_L1).toString(), u"Ada"_s);
    for (const QString& path :
         QStringList{u"/api/v1/clients?limit=500"_s, u"/api/v1/clients?sort=firstName"_s,
                     u"/api/v1/clients?firstName="_s + secretClientName}) {
        const Reply list = m_server.request("GET", path, {}, m_clinician);
        QCOMPARE(list.status, 200);
        QVERIFY2(!textOf(list).contains(secretClientName), qPrintable(path));
    }
    QVERIFY(
        textOf(m_server.request("GET", u"/api/v1/clients"_s, {}, m_clinician)).contains(u"Ada"_s));
    // The intern has no appointment with anyone: no client at all.
    const Reply intern = m_server.request("GET", u"/api/v1/clients"_s, {}, m_intern);
    QCOMPARE(intern.status, 200);
    QCOMPARE(intern.data().toArray().size(), 0);
    // A client the clinician creates is theirs to read at once.
    const Reply created =
        m_server.request("POST", u"/api/v1/clients"_s,
                         {{"firstName"_L1, u"Mine"_s}, {"lastName"_L1, u"Made"_s}}, m_clinician);
    QCOMPARE(created.status, 201);
    QCOMPARE(m_server
                 .request("GET",
                          u"/api/v1/clients/"_s + created.object().value("_id"_L1).toString(), {},
                          m_clinician)
                 .status,
             200);
}

void ServerVisibilityTest::rolesThatBookForEveryoneSeeEverything_data() {
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("secrets");
    QTest::newRow("practice admin") << u"PRACTICE_ADMIN"_s << true;
    QTest::newRow("supervisor") << u"SUPERVISOR"_s << true;
    QTest::newRow("front desk") << u"RECEPTIONIST"_s << true;
    QTest::newRow("billing") << u"BILLING"_s << false;
}

void ServerVisibilityTest::rolesThatBookForEveryoneSeeEverything() {
    QFETCH(QString, role);
    QFETCH(bool, secrets);
    const QByteArray token = m_server.login(role);
    const Reply one =
        m_server.request("GET", u"/api/v1/appointments/"_s + m_otherAppointment, {}, token);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object().value("client"_L1).toString(), m_otherClient);
    QCOMPARE(one.object().value("notes"_L1).toString(), secretNotes);
    QCOMPARE(one.object().value("virtualMeetingLink"_L1).toString(),
             secrets ? secretLink : QString());
    const Reply client = m_server.request("GET", u"/api/v1/clients/"_s + m_otherClient, {}, token);
    QCOMPARE(client.status, 200);
    const Reply filtered =
        m_server.request("GET", u"/api/v1/appointments?client="_s + m_otherClient, {}, token);
    QVERIFY(textOf(filtered).contains(m_otherAppointment));
    const Reply feed = m_server.request("GET", u"/api/v1/sync/changes?limit=5000"_s, {}, token);
    QVERIFY(textOf(feed).contains(secretNotes));
    QVERIFY(textOf(feed).contains(secretClientName));
}

QTEST_GUILESS_MAIN(ServerVisibilityTest)
#include "tst_server_visibility.moc"
