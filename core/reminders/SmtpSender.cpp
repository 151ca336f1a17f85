#include "reminders/SmtpSender.h"

#include <QDateTime>
#include <QLocale>

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>

#include <sys/socket.h>

namespace mss::reminders {

using namespace Qt::StringLiterals;

namespace {

constexpr long timeoutSeconds = 20;

struct Upload {
    QByteArray data;
    qsizetype offset = 0;
};

size_t readChunk(char* buffer, size_t size, size_t count, void* user) {
    auto* up = static_cast<Upload*>(user);
    const size_t left = size_t(up->data.size() - up->offset);
    const size_t n = std::min(left, size * count);
    std::memcpy(buffer, up->data.constData() + up->offset, n);
    up->offset += qsizetype(n);
    return n;
}

QByteArray encodedHeader(const QString& value) {
    return "=?UTF-8?B?" + value.toUtf8().toBase64() + "?=";
}

QByteArray wrapped(const QByteArray& base64) {
    QByteArray out;
    for (qsizetype i = 0; i < base64.size(); i += 76)
        out += base64.mid(i, 76) + "\r\n";
    return out;
}

QByteArray part(const QByteArray& type, const QString& body) {
    return "Content-Type: " + type +
           "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
           wrapped(body.toUtf8().toBase64());
}

// Called by libcurl about once a second while waiting and more often while
// moving data: a non-zero answer aborts the transfer.
int stopRequested(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* stop = static_cast<const std::atomic<bool>*>(user);
    return stop && stop->load() ? 1 : 0;
}

} // namespace

SmtpSender::SmtpSender() {
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

SmtpSender::~SmtpSender() {
    if (!m_curl)
        return;
    CURL* curl = static_cast<CURL*>(m_curl);
    // The kept connection is closed with a QUIT, and libcurl waits up to two
    // minutes for its answer. When the server is stopping, the connection is
    // cut instead: a stalled SMTP server must not hold up the stop.
    curl_socket_t socket = CURL_SOCKET_BAD;
    if (m_stop && m_stop->load() &&
        curl_easy_getinfo(curl, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK &&
        socket != CURL_SOCKET_BAD)
        ::shutdown(socket, SHUT_RDWR);
    curl_easy_cleanup(curl);
}

QByteArray SmtpSender::compose(const ReminderSettings& settings, const Email& email) {
    char random[16];
    randombytes_buf(random, sizeof random);
    const QByteArray boundary = "mss-" + QByteArray(random, sizeof random).toHex();
    const QByteArray from =
        settings.practiceName.isEmpty()
            ? settings.smtpFrom.toUtf8()
            : encodedHeader(settings.practiceName) + " <" + settings.smtpFrom.toUtf8() + '>';
    const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                               u"ddd, dd MMM yyyy HH:mm:ss '+0000'"_s);
    QByteArray m;
    m += "From: " + from + "\r\n";
    m += "To: " + email.to.toUtf8() + "\r\n";
    m += "Subject: " + encodedHeader(email.subject) + "\r\n";
    m += "Date: " + date.toLatin1() + "\r\n";
    m += "Message-ID: " + email.messageId.toLatin1() + "\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Auto-Submitted: auto-generated\r\n";
    QByteArray alternative;
    alternative += "--" + boundary + "\r\n" + part("text/plain", email.text);
    alternative += "--" + boundary + "\r\n" + part("text/html", email.html);
    if (email.invitation.isEmpty()) {
        m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
        m += alternative + "--" + boundary + "--\r\n";
        return m;
    }
    const QByteArray method = email.invitationMethod.isEmpty() ? "REQUEST" : email.invitationMethod;
    alternative +=
        "--" + boundary + "\r\n" + "Content-Type: text/calendar; charset=UTF-8; method=" + method +
        "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrapped(email.invitation.toBase64());
    const QByteArray mixed = boundary + "-mixed";
    m += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
    m += "--" + mixed + "\r\nContent-Type: multipart/alternative; boundary=\"" + boundary +
         "\"\r\n\r\n" + alternative + "--" + boundary + "--\r\n";
    m += "--" + mixed + "\r\nContent-Type: application/ics; name=\"invite.ics\"\r\n" +
         "Content-Disposition: attachment; filename=\"invite.ics\"\r\n" +
         "Content-Transfer-Encoding: base64\r\n\r\n" + wrapped(email.invitation.toBase64());
    m += "--" + mixed + "--\r\n";
    return m;
}

Result<void> SmtpSender::send(const ReminderSettings& settings, const Email& email) {
    if (!settings.emailConfigured())
        return std::unexpected(
            Error{ErrorCode::NotConfigured, {}, u"email is not set up (smtpHost, smtpFrom)"_s});
    if (!m_curl)
        m_curl = curl_easy_init();
    CURL* curl = static_cast<CURL*>(m_curl);
    if (!curl)
        return std::unexpected(Error{ErrorCode::Unavailable, {}, u"libcurl cannot start"_s});
    curl_easy_reset(curl); // the connection stays in the handle's cache

    const QByteArray url =
        "smtp://" + settings.smtpHost.toUtf8() + ':' + QByteArray::number(settings.smtpPort);
    const QByteArray from = '<' + settings.smtpFrom.toUtf8() + '>';
    const QByteArray to = '<' + email.to.toUtf8() + '>';
    const QByteArray user = settings.smtpUser.toUtf8();
    const QByteArray password = settings.smtpPassword.toUtf8();
    Upload upload{compose(settings, email)};
    curl_slist* recipients = curl_slist_append(nullptr, to.constData());

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
                     settings.smtpTls == SmtpTls::Required ? long(CURLUSESSL_ALL)
                                                           : long(CURLUSESSL_TRY));
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (m_stop) {
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, stopRequested);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, m_stop);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    }
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    if (code == CURLE_ABORTED_BY_CALLBACK)
        return std::unexpected(
            Error{ErrorCode::Interrupted, {}, u"SMTP: the server stopped during the send"_s});
    if (code != CURLE_OK) {
        long response = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
        return std::unexpected(
            Error{ErrorCode::Unreachable,
                  {},
                  u"SMTP: %1 (reply %2)"_s.arg(QString::fromUtf8(curl_easy_strerror(code)))
                      .arg(response)});
    }
    return {};
}

} // namespace mss::reminders
