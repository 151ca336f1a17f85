// Key files of the data directory (base/KeyFile.h), and the two keys that
// live in them: a key others can read is refused by both.
#include "base/KeyFile.h"
#include "reminders/ConfirmationToken.h"
#include "server/SecretBox.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray sixteenBytes() {
    return QByteArray(16, 'k');
}

void writeFile(const QString& path, const QByteArray& bytes, QFileDevice::Permissions permissions) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QVERIFY(file.setPermissions(permissions));
}

const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const auto everyoneReads = ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;

} // namespace

class TestKeyFile : public QObject {
    Q_OBJECT

private slots:
    void aMissingKeyIsCreatedForItsOwnerOnly() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"new.key"_s);
        const auto key = mss::openOrCreateKeyFile(path, 16, sixteenBytes);
        QVERIFY(key.has_value());
        QCOMPARE(*key, sixteenBytes());
        QCOMPARE(QFile(path).permissions() & everyoneReads, ownerOnly);
        // Opened again: the same key, not a new one.
        const auto again = mss::openOrCreateKeyFile(path, 16, [] { return QByteArray(16, 'x'); });
        QVERIFY(again.has_value());
        QCOMPARE(*again, sixteenBytes());
    }

    void aKeyOthersCanReadIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"open.key"_s);
        writeFile(path, sixteenBytes(), everyoneReads);
        const auto key = mss::openOrCreateKeyFile(path, 16, sixteenBytes);
        QVERIFY(!key.has_value());
        QVERIFY2(key.error().message.contains(u"chmod 600"_s), qPrintable(key.error().message));
        QCOMPARE(key.error().code, mss::ErrorCode::KeyFileUnusable);
    }

    void aKeyOfTheWrongSizeIsDamaged() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"short.key"_s);
        writeFile(path, QByteArray(5, 'k'), ownerOnly);
        const auto key = mss::openOrCreateKeyFile(path, 16, sixteenBytes);
        QVERIFY(!key.has_value());
        QVERIFY2(key.error().message.contains(u"damaged"_s), qPrintable(key.error().message));
        QCOMPARE(key.error().code, mss::ErrorCode::KeyFileUnusable);
    }

    void aKeyInAFolderThatCannotBeWrittenSaysSo() {
        const auto key =
            mss::openOrCreateKeyFile(u"/proc/no-such-folder/x.key"_s, 16, sixteenBytes);
        QVERIFY(!key.has_value());
        QVERIFY2(key.error().message.contains(u"cannot write"_s), qPrintable(key.error().message));
        QCOMPARE(key.error().code, mss::ErrorCode::KeyFileUnusable);
    }

    // Both keys of a practice go through the one check: the confirmation
    // key once accepted a readable file.
    void bothPracticeKeysRefuseAReadableFile() {
        QTemporaryDir dir;
        const auto confirm =
            mss::reminders::ConfirmationKey::openOrCreate(dir.filePath(u"confirm.key"_s));
        QVERIFY(confirm.has_value());
        const auto secret = mss::server::SecretBox::openOrCreate(dir.filePath(u"secret.key"_s));
        QVERIFY(secret.has_value());
        for (const QString& name : {u"confirm.key"_s, u"secret.key"_s})
            QVERIFY(QFile::setPermissions(dir.filePath(name), everyoneReads));
        const auto confirmAgain =
            mss::reminders::ConfirmationKey::openOrCreate(dir.filePath(u"confirm.key"_s));
        QVERIFY(!confirmAgain.has_value());
        QVERIFY(confirmAgain.error().message.contains(u"readable by others"_s));
        const auto secretAgain =
            mss::server::SecretBox::openOrCreate(dir.filePath(u"secret.key"_s));
        QVERIFY(!secretAgain.has_value());
        QVERIFY(secretAgain.error().message.contains(u"readable by others"_s));
    }
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
