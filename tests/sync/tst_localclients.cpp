// Clients added at the desk, with no server: checked and normalised, the
// clients they may duplicate found in the cache, and created as one cache
// record plus one outbox POST that an appointment can follow at once.
#include "sync/LocalClients.h"
#include "sync/LocalSchedule.h"
#include "TestRecords.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

Client person(const QString& first, const QString& last) {
    Client c;
    c.firstName = first;
    c.lastName = last;
    return c;
}

} // namespace

class TestLocalClients : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aNewClientIsCachedAndQueuedAsOnePost();
    void theirPhoneIsKeptInE164AndABadOneIsNamed();
    void missingNamesAndAFutureBirthDateAreRefused();
    void duplicatesAreFoundByNameAndBirthDatePhoneOrEmail();
    void anAppointmentBookedForThemFollowsTheirCreate();
    void aRoleWithoutWriteClientsIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LocalClients> m_clients;
};

void TestLocalClients::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto cache = LocalCache::open(m_dir->filePath(u"cache.sqlite"_s));
    QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
    m_cache = std::move(*cache);
    m_clock = std::make_unique<ManualClock>(utc("2026-03-02T12:00:00.000Z"));
    m_clients = std::make_unique<LocalClients>(*m_cache, *m_clock);
}

void TestLocalClients::cleanup() {
    m_clients.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestLocalClients::aNewClientIsCachedAndQueuedAsOnePost() {
    Client draft = person(u"  Ana "_s, u"Núñez"_s);
    draft.email = u"Ana.Nunez@Example.org"_s;
    draft.dateOfBirth = u"1990-04-05"_s;
    const auto made = m_clients->create(draft);
    QVERIFY2(made, made ? "" : qPrintable(describe(made.error())));
    QVERIFY(!made->id().isNull());
    QCOMPARE(made->firstName, u"Ana"_s);
    QCOMPARE(made->email, u"ana.nunez@example.org"_s);

    const QList<Client> cached = m_cache->clients().value();
    QCOMPARE(cached.size(), 1);
    QCOMPARE(cached.front().id(), made->id());
    const QList<OutboxEntry> entries = m_cache->outbox().all().value();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.front().method, u"POST"_s);
    QCOMPARE(entries.front().path, u"/clients"_s);
    QCOMPARE(entries.front().kind, storage::RecordKind::Client);
    QCOMPARE(entries.front().body.value(u"_id"_s).toString(), made->id().toString());
    QCOMPARE(entries.front().body.value(u"lastName"_s).toString(), u"Núñez"_s);
}

void TestLocalClients::theirPhoneIsKeptInE164AndABadOneIsNamed() {
    Client draft = person(u"Sean"_s, u"Murphy"_s);
    draft.phone = u"(202) 456-1111"_s;
    const auto made = m_clients->create(draft);
    QVERIFY(made);
    QCOMPARE(made->phone, u"+12024561111"_s);
    QCOMPARE(m_cache->outbox().all().value().front().body.value(u"phone"_s).toString(),
             u"+12024561111"_s);

    draft.phone = u"555-12"_s;
    const auto refused = m_clients->create(draft);
    QVERIFY(!refused);
    QCOMPARE(refused.error().front().field, u"phone"_s);
    QCOMPARE(refused.error().front().message,
             u"The phone number 555-12 is not a valid US number"_s);
    QCOMPARE(m_cache->clients().value().size(), 1); // nothing written

    // Another practice's region reads national numbers as its own.
    m_clients->setPhoneRegion(u"GB"_s);
    draft.phone = u"020 7946 0018"_s;
    const auto british = m_clients->prepared(draft);
    QVERIFY(british);
    QCOMPARE(british->phone, u"+442079460018"_s);
}

void TestLocalClients::missingNamesAndAFutureBirthDateAreRefused() {
    Client draft = person(u" "_s, QString());
    draft.dateOfBirth = u"2030-01-01"_s;
    const auto refused = m_clients->prepared(draft);
    QVERIFY(!refused);
    QStringList fields;
    for (const Error& e : refused.error())
        fields << e.field;
    QCOMPARE(fields, (QStringList{u"firstName"_s, u"lastName"_s, u"dateOfBirth"_s}));
}

void TestLocalClients::duplicatesAreFoundByNameAndBirthDatePhoneOrEmail() {
    // As a server may have them: a phone typed any way, an email in capitals.
    Client garcia = person(u"María"_s, u"García"_s);
    garcia.meta.id = id(1);
    garcia.dateOfBirth = u"1985-07-14T00:00:00.000Z"_s;
    Client lee = person(u"Kim"_s, u"Lee"_s);
    lee.meta.id = id(2);
    lee.phone = u"202.456.1111"_s;
    lee.email = u"KIM@EXAMPLE.ORG"_s;
    {
        storage::WriteTransaction tx(m_cache->db());
        QVERIFY(m_cache->put(storage::RecordKind::Client, garcia.toJson()));
        QVERIFY(m_cache->put(storage::RecordKind::Client, lee.toJson()));
        QVERIFY(tx.commit());
    }
    Client same = person(u"maria"_s, u"GARCIA"_s);
    same.dateOfBirth = u"1985-07-14"_s;
    auto matches = m_clients->matchesOf(m_clients->prepared(same).value());
    QVERIFY(matches);
    QCOMPARE(matches->size(), 1);
    QCOMPARE(matches->front().client.id(), id(1));
    QCOMPARE(matches->front().reasons, QStringList{u"the same name and date of birth"_s});

    // Same name, another birth date: another person.
    same.dateOfBirth = u"1985-07-15"_s;
    QVERIFY(m_clients->matchesOf(m_clients->prepared(same).value())->isEmpty());

    Client phone = person(u"Someone"_s, u"Else"_s);
    phone.phone = u"+1 (202) 456 1111"_s;
    phone.email = u"kim@example.org"_s;
    matches = m_clients->matchesOf(m_clients->prepared(phone).value());
    QVERIFY(matches);
    QCOMPARE(matches->size(), 1);
    QCOMPARE(matches->front().client.id(), id(2));
    QCOMPARE(matches->front().reasons,
             (QStringList{u"the same phone number"_s, u"the same email"_s}));
}

void TestLocalClients::anAppointmentBookedForThemFollowsTheirCreate() {
    const auto made = m_clients->create(person(u"Ada"_s, u"Byron"_s));
    QVERIFY(made);
    LocalSchedule schedule(*m_cache, *m_clock, QTimeZone("America/New_York"));
    Appointment a = appointment(0, 1, 0, "2026-03-09T14:00:00.000Z", 50);
    a.meta.id = {};
    a.client.id = made->id();
    QVERIFY(schedule.book(a));
    const QList<OutboxEntry> entries = m_cache->outbox().all().value();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).path, u"/clients"_s);
    QCOMPARE(entries.at(1).path, u"/appointments"_s);
    QCOMPARE(entries.at(1).body.value(u"client"_s).toString(), made->id().toString());
}

void TestLocalClients::aRoleWithoutWriteClientsIsRefused() {
    m_clients->setRole(StaffRole::Billing);
    const auto refused = m_clients->create(person(u"Ada"_s, u"Byron"_s));
    QVERIFY(!refused);
    QCOMPARE(refused.error().front().field, u"role"_s);
    QVERIFY(m_cache->outbox().all().value().isEmpty());
    m_clients->setRole(StaffRole::Receptionist);
    QVERIFY(m_clients->create(person(u"Ada"_s, u"Byron"_s)));
}

QTEST_GUILESS_MAIN(TestLocalClients)
#include "tst_localclients.moc"
