#pragma once

#include "server/HttpListener.h"

#include <QString>

#include <expected>

namespace mss::server {

// The certificate and key of `serve --tls-cert/--tls-key`, read and checked
// with GnuTLS before the server starts: an unreadable file, one that is not
// PEM, or a key that is not the certificate's would otherwise start a
// server whose every handshake fails. The error is one sentence naming the
// file at fault.
std::expected<HttpTls, QString> loadTlsCredentials(const QString& certificateFile,
                                                   const QString& keyFile);

} // namespace mss::server
