#pragma once

#include "base/Error.h"

#include <QString>
#include <QStringList>

namespace mss::server::app {

// `serve --config FILE`: the settings of a configuration file such as
// /etc/mentalspace/server.conf, turned into serve's own options.
//
// The file holds one `key = value` per line; blank lines and lines starting
// with '#' or ';' are skipped. Keys: data-dir, listen, tls-cert, tls-key
// (relative paths are taken from the file's folder), insecure-lan
// (yes/no) and allow-origin (as --allow-origin: origins whose web pages
// may call the API, a comma list or *; added to the command line's), and the
// HTTP limits max-connections, max-connections-per-address,
// connection-timeout and max-header-bytes, and workers (numbers, checked by
// serve as its own options), and database, database-password-file and
// database-size-limit (as --database, --database-password-file and
// --database-size-limit). An empty value leaves the
// setting unset. An unknown key, a key given twice, a flag that is neither
// yes nor no or a line without '=' is an error (InvalidConfiguration)
// naming the file and line, caused by the problem with the key (the
// field); a file that cannot be read is FileUnusable.
Result<QStringList> readServeConfig(const QString& file);

// The arguments of serve with those of its --config file (if any) in
// front of the command line's own, so that an option given on the command
// line wins: QCommandLineParser keeps the last value of an option.
Result<QStringList> withServeConfig(const QStringList& arguments);

} // namespace mss::server::app
