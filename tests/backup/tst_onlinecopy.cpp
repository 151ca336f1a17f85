// storage::copyDatabase, the heart of `mentalspace-server backup`: a write
// committed by another connection in the middle of the copy is neither
// blocked nor in the copy, and the copy does not start over for it.
#include "storage/DatabaseFile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class OnlineCopyTest : public QObject {
    Q_OBJECT

private slots:
    void aWriteDuringTheCopyIsNeitherBlockedNorCopied();
};

namespace {

qint64 rowsIn(const QString& file, const QString& connection) {
    qint64 rows = -1;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(u"SELECT count(*) FROM visits"_s, db);
            if (q.next())
                rows = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

} // namespace

void OnlineCopyTest::aWriteDuringTheCopyIsNeitherBlockedNorCopied() {
    QTemporaryDir dir;
    const QString source = dir.filePath(u"source.db"_s);
    const QString copy = dir.filePath(u"copy.db"_s);
    constexpr int rows = 6000; // about 1,600 pages: more than one step of the copy
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"setup"_s);
        db.setDatabaseName(source);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA journal_mode=WAL"_s));
        QVERIFY(q.exec(u"CREATE TABLE visits(id INTEGER PRIMARY KEY, note BLOB)"_s));
        QVERIFY(db.transaction());
        QVERIFY(q.prepare(u"INSERT INTO visits(note) VALUES(?)"_s));
        for (int i = 0; i < rows; ++i) {
            q.addBindValue(QByteArray(1000, char('a' + i % 26)));
            QVERIFY(q.exec());
        }
        QVERIFY(db.commit());
    }
    // A writer that never waits: blocked, its INSERT would fail at once.
    auto writer = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
    writer.setDatabaseName(source);
    writer.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=0"_s);
    QVERIFY(writer.open());

    QList<qint64> done;
    bool wrote = false;
    QString writeError;
    const auto copied = mss::storage::copyDatabase(source, copy, [&](qint64 pages, qint64 total) {
        done << pages;
        if (!wrote && pages < total) {
            QSqlQuery q(writer);
            wrote = q.exec(u"INSERT INTO visits(note) VALUES(x'00')"_s);
            writeError = q.lastError().text();
        }
    });
    QVERIFY2(copied.has_value(), qPrintable(copied ? QString() : copied.error().message));
    QVERIFY2(wrote, qPrintable(writeError));
    QVERIFY(done.size() >= 2);
    QVERIFY(std::is_sorted(done.cbegin(), done.cend())); // never started over
    QCOMPARE(done.last(), copied->pages);
    writer.close();
    writer = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"writer"_s);
    QSqlDatabase::removeDatabase(u"setup"_s);

    QCOMPARE(rowsIn(copy, u"copy"_s), qint64(rows));
    QCOMPARE(rowsIn(source, u"source"_s), qint64(rows + 1));
    const auto integrity = mss::storage::integrityOf(copy);
    QVERIFY(integrity.has_value());
    QCOMPARE(*integrity, u"ok"_s);
}

QTEST_GUILESS_MAIN(OnlineCopyTest)
#include "tst_onlinecopy.moc"
