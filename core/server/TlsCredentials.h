#pragma once

#include "base/Error.h"
#include "server/HttpListener.h"

#include <QString>

namespace mss::server {

// The certificate and key of `serve --tls-cert/--tls-key`, read and checked
// with GnuTLS before the server starts: an unreadable file, one that is not
// PEM, or a key that is not the certificate's would otherwise start a
// server whose every handshake fails. The error (TlsUnusable) is one
// sentence naming the file at fault, its field the option that gave it
// (--tls-cert or --tls-key; none when the two only fail together).
Result<HttpTls> loadTlsCredentials(const QString& certificateFile, const QString& keyFile);

} // namespace mss::server
