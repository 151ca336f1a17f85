#include "reminders/SmsSender.h"

#include <QUrlQuery>

#include <curl/curl.h>

namespace mss::reminders {

using namespace Qt::StringLiterals;

namespace {

size_t discard(char*, size_t size, size_t count, void*) {
    return size * count;
}

QByteArray formValue(const QString& v) {
    return QUrl::toPercentEncoding(v);
}

// Called by libcurl about once a second while waiting and more often while
// moving data: a non-zero answer aborts the transfer.
int stopRequested(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* stop = static_cast<const std::atomic<bool>*>(user);
    return stop && stop->load() ? 1 : 0;
}

} // namespace

Result<void> SmsSender::send(const ReminderSettings& settings, const QString& to,
                             const QString& body, const QString& idempotencyKey) {
    if (!settings.smsConfigured())
        return std::unexpected(
            Error{ErrorCode::NotConfigured, {}, u"SMS is not set up (smsUrl, smsFrom)"_s});
    CURL* curl = curl_easy_init();
    if (!curl)
        return std::unexpected(Error{ErrorCode::Unavailable, {}, u"libcurl cannot start"_s});
    const QByteArray url = settings.smsUrl.toUtf8();
    const QByteArray form =
        "To=" + formValue(to) + "&From=" + formValue(settings.smsFrom) + "&Body=" + formValue(body);
    const QByteArray user = settings.smsAccount.toUtf8();
    const QByteArray token = settings.smsToken.toUtf8();
    const QByteArray keyHeader = "Idempotency-Key: " + idempotencyKey.toLatin1();
    curl_slist* headers = curl_slist_append(nullptr, keyHeader.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(form.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, token.constData());
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (m_stop) {
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, stopRequested);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, m_stop);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    }
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (code == CURLE_ABORTED_BY_CALLBACK)
        return std::unexpected(Error{
            ErrorCode::Interrupted, {}, u"SMS gateway: the server stopped during the send"_s});
    if (code != CURLE_OK)
        return std::unexpected(
            Error{ErrorCode::Unreachable,
                  {},
                  u"SMS gateway: %1"_s.arg(QString::fromUtf8(curl_easy_strerror(code)))});
    if (status < 200 || status > 299)
        return std::unexpected(
            Error{ErrorCode::Unreachable, {}, u"SMS gateway answered %1"_s.arg(status)});
    return {};
}

} // namespace mss::reminders
