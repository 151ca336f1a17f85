#pragma once

#include <QString>
#include <QStringList>

#include <expected>

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
// serve as its own options), and database and database-password-file (as
// --database and --database-password-file). An empty value leaves the
// setting unset. An unknown key, a key given twice or a line without '=' is an error naming the
// file and line.
std::expected<QStringList, QString> readServeConfig(const QString& file);

// The arguments of serve with those of its --config file (if any) in
// front of the command line's own, so that an option given on the command
// line wins: QCommandLineParser keeps the last value of an option.
std::expected<QStringList, QString> withServeConfig(const QStringList& arguments);

} // namespace mss::server::app
