#include "server/TlsCredentials.h"

#include <QFile>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

namespace mss::server {

using namespace Qt::StringLiterals;

namespace {

const QString certificateOption = u"--tls-cert"_s;
const QString keyOption = u"--tls-key"_s;

std::unexpected<Error> unusable(const QString& option, const QString& why) {
    return std::unexpected(Error{ErrorCode::TlsUnusable, option, why});
}

Result<QByteArray> readFile(const QString& file, const QString& what, const QString& option) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return unusable(option,
                        u"cannot read the TLS %1 %2: %3"_s.arg(what, file, in.errorString()));
    return in.readAll();
}

gnutls_datum_t datum(QByteArray& bytes) {
    return {reinterpret_cast<unsigned char*>(bytes.data()), unsigned(bytes.size())};
}

} // namespace

Result<HttpTls> loadTlsCredentials(const QString& certificateFile, const QString& keyFile) {
    auto certificate = readFile(certificateFile, u"certificate"_s, certificateOption);
    if (!certificate)
        return std::unexpected(certificate.error());
    auto key = readFile(keyFile, u"key"_s, keyOption);
    if (!key)
        return std::unexpected(key.error());

    gnutls_datum_t certificateData = datum(*certificate);
    gnutls_datum_t keyData = datum(*key);

    gnutls_x509_crt_t* chain = nullptr;
    unsigned chainSize = 0;
    if (gnutls_x509_crt_list_import2(&chain, &chainSize, &certificateData, GNUTLS_X509_FMT_PEM, 0) <
            0 ||
        chainSize == 0)
        return unusable(certificateOption,
                        u"the TLS certificate %1 is not a PEM certificate"_s.arg(certificateFile));
    for (unsigned i = 0; i < chainSize; ++i)
        gnutls_x509_crt_deinit(chain[i]);
    gnutls_free(chain);

    gnutls_x509_privkey_t privateKey = nullptr;
    gnutls_x509_privkey_init(&privateKey);
    const int imported =
        gnutls_x509_privkey_import2(privateKey, &keyData, GNUTLS_X509_FMT_PEM, nullptr, 0);
    gnutls_x509_privkey_deinit(privateKey);
    if (imported < 0)
        return unusable(keyOption,
                        u"the TLS key %1 is not an unencrypted PEM private key"_s.arg(keyFile));

    // The pair as the server will use it: GnuTLS checks that the key is the
    // certificate's.
    gnutls_certificate_credentials_t credentials = nullptr;
    gnutls_certificate_allocate_credentials(&credentials);
    const int paired = gnutls_certificate_set_x509_key_mem2(credentials, &certificateData, &keyData,
                                                            GNUTLS_X509_FMT_PEM, nullptr, 0);
    gnutls_certificate_free_credentials(credentials);
    if (paired == GNUTLS_E_CERTIFICATE_KEY_MISMATCH)
        return unusable(keyOption, u"the TLS key %1 does not belong to the certificate %2"_s.arg(
                                       keyFile, certificateFile));
    if (paired < 0)
        return unusable({},
                        u"the TLS certificate %1 and key %2 cannot be used: %3"_s.arg(
                            certificateFile, keyFile, QString::fromUtf8(gnutls_strerror(paired))));
    // MHD wants NUL-terminated text; QByteArray keeps a NUL past its end.
    return HttpTls{*certificate, *key};
}

} // namespace mss::server
