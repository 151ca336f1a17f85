// Where a practice's database is (storage/DatabaseUrl.h): the two forms
// read back as written, and every mistake is refused with a sentence that
// names it, as InvalidDatabaseUrl and without a field (the command line
// adds its option).
#include "storage/DatabaseUrl.h"

#include <QTest>

using namespace mss;
using namespace mss::storage;
using namespace Qt::StringLiterals;

class TestDatabaseUrl : public QObject {
    Q_OBJECT

private slots:
    void bothFormsReadBack();
    void mistakesAreNamed_data();
    void mistakesAreNamed();
};

void TestDatabaseUrl::bothFormsReadBack() {
    const auto sqlite = DatabaseUrl::parse(u"sqlite:/var/lib/mentalspace/mentalspace.db"_s);
    QVERIFY(sqlite);
    QCOMPARE(sqlite->engine, Engine::Sqlite);
    QCOMPARE(sqlite->path, u"/var/lib/mentalspace/mentalspace.db"_s);
    const auto postgresql = DatabaseUrl::parse(u"postgresql://mss@db.lan:5433/practice"_s);
    QVERIFY(postgresql);
    QCOMPARE(postgresql->engine, Engine::Postgresql);
    QCOMPARE(postgresql->toString(), u"postgresql://mss@db.lan:5433/practice"_s);
}

void TestDatabaseUrl::mistakesAreNamed_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("other engine") << u"mysql://u@h/db"_s
                                  << u"is neither sqlite:PATH nor postgresql://"_s;
    QTest::newRow("no file") << u"sqlite:"_s << u"names no file"_s;
    QTest::newRow("password") << u"postgresql://mss:hunter2@db.lan/p"_s
                              << u"must not hold the password"_s;
    QTest::newRow("no user") << u"postgresql://db.lan:5432/p"_s << u"names no user"_s;
    QTest::newRow("no database") << u"postgresql://mss@db.lan/"_s << u"names no database"_s;
    QTest::newRow("a query") << u"postgresql://mss@db.lan/p?sslmode=disable"_s
                             << u"has parts after the database name"_s;
}

void TestDatabaseUrl::mistakesAreNamed() {
    QFETCH(QString, url);
    QFETCH(QString, message);
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidDatabaseUrl);
    QCOMPARE(parsed.error().field, QString());
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    // The password never appears in what is printed.
    QVERIFY(!describe(parsed.error()).contains(u"hunter2"_s));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
