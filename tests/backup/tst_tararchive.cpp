// The tar archive of a backup: what is written reads back the same, any
// cut or flipped header is reported instead of read as a shorter archive,
// and a failing disk ends the writing with its error.
#include "backup/TarArchive.h"

#include <QBuffer>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::Error;
using mss::ErrorCode;
using Result = mss::Result<void>;
using mss::backup::TarReader;
using mss::backup::TarWriter;

namespace {

QByteArray pattern(qint64 size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + 3) % 251);
    return bytes;
}

const QList<qint64> sizes = {0, 1, 511, 512, 513, (1 << 20) + 3};

QByteArray archiveOf(const QList<qint64>& fileSizes) {
    QByteArray out;
    TarWriter writer([&](const char* data, qint64 size) {
        out.append(data, size);
        return Result{};
    });
    for (qsizetype i = 0; i < fileSizes.size(); ++i) {
        QByteArray content = pattern(fileSizes[i]);
        QBuffer in(&content);
        in.open(QIODevice::ReadOnly);
        if (!writer.addFile(u"dir/file%1"_s.arg(i), in, content.size(), 0600, 1'700'000'000))
            return {};
    }
    if (!writer.finish())
        return {};
    return out;
}

// Reads everything; the entries (name, content), or the first error.
mss::Result<QList<std::pair<QString, QByteArray>>> readAll(QByteArray archive) {
    QBuffer in(&archive);
    in.open(QIODevice::ReadOnly);
    TarReader reader(in);
    QList<std::pair<QString, QByteArray>> entries;
    while (true) {
        auto entry = reader.next();
        if (!entry)
            return std::unexpected(entry.error());
        if (!*entry)
            return entries;
        QByteArray content;
        auto r = reader.readData([&](const char* data, qint64 size) {
            content.append(data, size);
            return Result{};
        });
        if (!r)
            return std::unexpected(r.error());
        entries.append({(*entry)->name, content});
    }
}

} // namespace

class TarArchiveTest : public QObject {
    Q_OBJECT

private slots:
    void whatIsWrittenReadsBackTheSame();
    void anArchiveCutAnywhereIsTruncated();
    void aFlippedHeaderByteIsDamage();
    void aFailingDiskEndsTheWritingWithItsError();
    void sizesOf8GiBAndMoreAreKept();
};

void TarArchiveTest::whatIsWrittenReadsBackTheSame() {
    const QByteArray archive = archiveOf(sizes);
    QCOMPARE(archive.size() % 512, 0);
    const auto entries = readAll(archive);
    QVERIFY2(entries.has_value(), qPrintable(entries ? QString() : describe(entries.error())));
    QCOMPARE(entries->size(), sizes.size());
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        QCOMPARE(entries->at(i).first, u"dir/file%1"_s.arg(i));
        QCOMPARE(entries->at(i).second, pattern(sizes[i]));
    }
}

void TarArchiveTest::anArchiveCutAnywhereIsTruncated() {
    const QByteArray archive = archiveOf(sizes);
    // Inside a header, inside data, at a block boundary, before the end
    // marker, and inside it.
    for (const qint64 cut : {qint64(0), qint64(100), qint64(512), qint64(700), qint64(2048),
                             archive.size() / 2, archive.size() - 1024, archive.size() - 600}) {
        const auto entries = readAll(archive.left(cut));
        QVERIFY2(!entries.has_value(), qPrintable(u"cut at %1 was read whole"_s.arg(cut)));
        QCOMPARE(entries.error().code, ErrorCode::BackupUnusable);
        QVERIFY2(entries.error().message.contains(u"truncated"_s),
                 qPrintable(entries.error().message));
    }
}

void TarArchiveTest::aFlippedHeaderByteIsDamage() {
    QByteArray archive = archiveOf({10, 20});
    for (const int at : {0, 130, 512 + 512 + 1}) { // name, size, the second header's name
        QByteArray damaged = archive;
        damaged[at] = char(damaged[at] ^ 0x04);
        const auto entries = readAll(damaged);
        QVERIFY2(!entries.has_value(), qPrintable(u"a flip at %1 went unnoticed"_s.arg(at)));
        QCOMPARE(entries.error().code, ErrorCode::BackupUnusable);
        QVERIFY2(entries.error().message.contains(u"checksum"_s),
                 qPrintable(entries.error().message));
    }
}

void TarArchiveTest::aFailingDiskEndsTheWritingWithItsError() {
    qint64 accepted = 0;
    TarWriter writer([&](const char*, qint64 size) -> Result {
        if (accepted + size > 4096)
            return std::unexpected(Error{ErrorCode::FileUnusable, {}, u"the disk is full"_s});
        accepted += size;
        return {};
    });
    QByteArray content = pattern(100'000);
    QBuffer in(&content);
    in.open(QIODevice::ReadOnly);
    const Result r = writer.addFile(u"big"_s, in, content.size(), 0600, 0);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().message, u"the disk is full"_s);
}

void TarArchiveTest::sizesOf8GiBAndMoreAreKept() {
    // Only the header is needed: the writer stops at the first data byte.
    const qint64 size = (qint64(9) << 30) + 5;
    QByteArray header;
    TarWriter writer([&](const char* data, qint64 n) -> Result {
        if (!header.isEmpty())
            return std::unexpected(Error{ErrorCode::FileUnusable, {}, u"enough"_s});
        header.append(data, n);
        return {};
    });
    QByteArray one(1, 'x');
    QBuffer in(&one);
    in.open(QIODevice::ReadOnly);
    QVERIFY(!writer.addFile(u"huge.db"_s, in, size, 0600, 0));
    QCOMPARE(header.size(), 512);
    QBuffer back(&header);
    back.open(QIODevice::ReadOnly);
    TarReader reader(back);
    const auto entry = reader.next();
    QVERIFY2(entry.has_value() && entry->has_value(),
             qPrintable(entry ? QString() : describe(entry.error())));
    QCOMPARE((*entry)->size, size);
    QCOMPARE((*entry)->name, u"huge.db"_s);
}

QTEST_GUILESS_MAIN(TarArchiveTest)
#include "tst_tararchive.moc"
