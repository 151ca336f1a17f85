#pragma once

// The server's "now" for tests: `serve --clock-file PATH` reads PATH at
// each use (docs/server.md).
#include <QDateTime>
#include <QFile>
#include <QString>

namespace mss::test {

// Makes `now` the time of a server started with --clock-file `path`.
// Written aside and renamed: the server never reads half a file.
inline bool writeServerClock(const QString& path, const QDateTime& now) {
    QFile f(path + QStringLiteral(".tmp"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(now.toUTC().toString(Qt::ISODateWithMs).toLatin1());
    f.close();
    QFile::remove(path);
    return f.rename(path);
}

} // namespace mss::test
