#include "backup/TarArchive.h"

#include <array>
#include <cstring>

namespace mss::backup {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 blockSize = 512;
constexpr qint64 chunkSize = 1 << 20;

// The ustar header's fields: offset and length.
struct Field {
    int offset;
    int length;
};
constexpr Field nameField{0, 100}, modeField{100, 8}, uidField{108, 8}, gidField{116, 8},
    sizeField{124, 12}, mtimeField{136, 12}, checksumField{148, 8}, typeField{156, 1},
    magicField{257, 6}, versionField{263, 2};

using Block = std::array<char, blockSize>;

void putOctal(Block& block, Field field, qint64 value) {
    // length - 1 digits and a NUL, as tar writes them.
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(field.length - 1, '0');
    std::memcpy(block.data() + field.offset, digits.constData(), size_t(field.length - 1));
    block[size_t(field.offset + field.length - 1)] = '\0';
}

// Sizes of 8 GiB and more use the base-256 form GNU tar and bsdtar read.
void putSize(Block& block, qint64 size) {
    if (size < (qint64(1) << 33)) {
        putOctal(block, sizeField, size);
        return;
    }
    block[size_t(sizeField.offset)] = char(0x80);
    for (int i = sizeField.length - 1; i > 0; --i) {
        block[size_t(sizeField.offset + i)] = char(size & 0xff);
        size >>= 8;
    }
}

std::optional<qint64> number(const Block& block, Field field) {
    const char* p = block.data() + field.offset;
    if (uchar(p[0]) & 0x80) {
        qint64 value = 0;
        for (int i = 1; i < field.length; ++i)
            value = (value << 8) | uchar(p[i]);
        return value;
    }
    qint64 value = 0;
    bool any = false;
    for (int i = 0; i < field.length; ++i) {
        const char c = p[i];
        if (c == '\0' || c == ' ') {
            if (any)
                break;
            continue;
        }
        if (c < '0' || c > '7')
            return std::nullopt;
        value = value * 8 + (c - '0');
        any = true;
    }
    return any ? std::optional(value) : std::nullopt;
}

qint64 checksumOf(const Block& block) {
    qint64 sum = 0;
    for (int i = 0; i < int(blockSize); ++i) {
        const bool inField =
            i >= checksumField.offset && i < checksumField.offset + checksumField.length;
        sum += inField ? ' ' : uchar(block[size_t(i)]);
    }
    return sum;
}

qint64 padding(qint64 size) {
    return (blockSize - size % blockSize) % blockSize;
}

std::unexpected<Error> unusable(const QString& why) {
    return std::unexpected(Error{ErrorCode::BackupUnusable, {}, why});
}

} // namespace

TarWriter::TarWriter(ByteSink sink)
    : m_sink(std::move(sink)) {}

Result<void> TarWriter::write(const char* data, qint64 size) {
    return m_sink(data, size);
}

Result<void> TarWriter::addFile(const QString& name, QIODevice& content, qint64 size, uint mode,
                                qint64 mtime, const ByteSink& seen) {
    const QByteArray path = name.toUtf8();
    if (path.size() >= nameField.length)
        return std::unexpected(
            Error{ErrorCode::TooLong, {}, u"the name %1 is too long for the archive"_s.arg(name)});
    Block header{};
    std::memcpy(header.data() + nameField.offset, path.constData(), size_t(path.size()));
    putOctal(header, modeField, mode);
    putOctal(header, uidField, 0);
    putOctal(header, gidField, 0);
    putSize(header, size);
    putOctal(header, mtimeField, mtime);
    header[size_t(typeField.offset)] = '0';
    std::memcpy(header.data() + magicField.offset, "ustar", 6);
    std::memcpy(header.data() + versionField.offset, "00", 2);
    const QByteArray sum = QByteArray::number(checksumOf(header), 8).rightJustified(6, '0');
    std::memcpy(header.data() + checksumField.offset, sum.constData(), 6);
    header[size_t(checksumField.offset + 6)] = '\0';
    header[size_t(checksumField.offset + 7)] = ' ';
    if (auto r = write(header.data(), blockSize); !r)
        return r;

    QByteArray chunk;
    qint64 left = size;
    while (left > 0) {
        chunk = content.read(std::min(left, chunkSize));
        if (chunk.isEmpty())
            return std::unexpected(
                Error{ErrorCode::FileUnusable,
                      {},
                      u"cannot read %1: %2"_s.arg(name, content.errorString().isEmpty()
                                                            ? u"it ended early"_s
                                                            : content.errorString())});
        if (auto r = write(chunk.constData(), chunk.size()); !r)
            return r;
        if (seen) {
            if (auto r = seen(chunk.constData(), chunk.size()); !r)
                return r;
        }
        left -= chunk.size();
    }
    const Block zeros{};
    return write(zeros.data(), padding(size));
}

Result<void> TarWriter::finish() {
    const Block zeros{};
    if (auto r = write(zeros.data(), blockSize); !r)
        return r;
    return write(zeros.data(), blockSize);
}

TarReader::TarReader(QIODevice& in)
    : m_in(in) {}

Result<void> TarReader::skipData() {
    return readData([](const char*, qint64) { return Result<void>{}; });
}

Result<std::optional<TarReader::Entry>> TarReader::next() {
    if (!m_dataRead) {
        if (auto r = skipData(); !r)
            return std::unexpected(r.error());
    }
    m_current.reset();
    Block header{};
    const qint64 got = m_in.read(header.data(), blockSize);
    if (got <= 0)
        return unusable(u"it ends without the end-of-archive marker: it is truncated"_s);
    if (got < blockSize)
        return unusable(u"it ends in the middle of a header: it is truncated"_s);
    if (std::all_of(header.begin(), header.end(), [](char c) { return c == '\0'; }))
        return std::nullopt;
    const auto recorded = number(header, checksumField);
    if (!recorded || *recorded != checksumOf(header))
        return unusable(u"a header's checksum is wrong: it is damaged or not a tar archive"_s);
    const auto size = number(header, sizeField);
    if (!size || *size < 0)
        return unusable(u"a header's size is unreadable: it is damaged"_s);
    Entry entry;
    const char* name = header.data() + nameField.offset;
    entry.name = QString::fromUtf8(name, qstrnlen(name, size_t(nameField.length)));
    entry.size = *size;
    entry.type = header[size_t(typeField.offset)];
    m_current = entry;
    m_dataRead = false;
    return entry;
}

Result<void> TarReader::readData(const ByteSink& consume) {
    if (!m_current || m_dataRead)
        return {};
    m_dataRead = true;
    qint64 left = m_current->size + padding(m_current->size);
    qint64 payload = m_current->size;
    QByteArray chunk;
    while (left > 0) {
        chunk = m_in.read(std::min(left, chunkSize));
        if (chunk.isEmpty())
            return unusable(u"it ends in the middle of %1: it is truncated"_s.arg(m_current->name));
        const qint64 data = std::min<qint64>(payload, chunk.size());
        if (data > 0) {
            if (auto r = consume(chunk.constData(), data); !r)
                return r;
        }
        payload -= data;
        left -= chunk.size();
    }
    return {};
}

} // namespace mss::backup
