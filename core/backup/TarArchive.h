#pragma once

#include "base/Error.h"

#include <QIODevice>
#include <QString>

#include <functional>
#include <optional>

namespace mss::backup {

// Where written bytes go, or where read bytes are handed; an error ends
// the archive. A damaged or truncated archive is BackupUnusable; a file
// that cannot be read into one is FileUnusable.
using ByteSink = std::function<Result<void>(const char* data, qint64 size)>;

// Writes a POSIX ustar archive (what `tar -tvf` lists) of regular files,
// streamed: a file's bytes are never all in memory.
class TarWriter {
public:
    explicit TarWriter(ByteSink sink);
    // `size` bytes of `content`; `mode` such as 0600, `mtime` in seconds.
    // `seen` is given each chunk as it is written (e.g. for a checksum).
    Result<void> addFile(const QString& name, QIODevice& content, qint64 size, uint mode,
                         qint64 mtime, const ByteSink& seen = {});
    // The end-of-archive marker: two zero blocks.
    Result<void> finish();

private:
    Result<void> write(const char* data, qint64 size);
    ByteSink m_sink;
};

// Reads what TarWriter writes (and plain ustar files from other tools):
// every header's checksum is checked, and an archive that ends before its
// end-of-archive marker is reported as truncated.
class TarReader {
public:
    explicit TarReader(QIODevice& in);
    struct Entry {
        QString name;
        qint64 size = 0;
        char type = '0';
    };
    // The next entry's header (its data skipped when not read); nullopt
    // at the end-of-archive marker.
    Result<std::optional<Entry>> next();
    // Hands the current entry's data to `consume`, in chunks.
    Result<void> readData(const ByteSink& consume);

private:
    Result<void> skipData();
    QIODevice& m_in;
    std::optional<Entry> m_current;
    bool m_dataRead = true;
};

} // namespace mss::backup
