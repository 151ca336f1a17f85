#pragma once

#include <QStringList>

namespace mss::server::app {

// The commands of mentalspace-server (see --help); returns the exit code.
int run(const QStringList& arguments);

// The demo practice (Demo.cpp).
int runDemo(const QString& dataDir, const QString& timeZone);

// backup and restore (Backup.cpp); `arguments` start with the program name.
int runBackup(const QStringList& arguments);
int runRestore(const QStringList& arguments);

} // namespace mss::server::app
