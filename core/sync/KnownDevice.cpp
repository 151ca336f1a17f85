#include "sync/KnownDevice.h"

#include "sync/TokenStore.h"

#include <QLoggingCategory>
#include <QPointer>

namespace mss::sync {

namespace {

Q_LOGGING_CATEGORY(lcDevice, "mss.sync", QtInfoMsg)

} // namespace

void signInAsKnownDevice(ApiClient& api, TokenStore& keychain, const QString& account,
                         const QString& email, const QString& password,
                         std::function<void(const ApiResponse&)> done) {
    const QString key = TokenStore::deviceAccount(account);
    QPointer<ApiClient> client(&api);
    keychain.load(key, [client, &keychain, key, email, password,
                        done = std::move(done)](Result<std::optional<QString>> found) {
        if (!client)
            return;
        if (!found)
            qCWarning(lcDevice) << "no device token from the keychain:" << found.error().message;
        const QString before = found && *found ? **found : QString();
        client->setDeviceToken(before);
        ApiCall* call = client->login(email, password);
        QObject::connect(call, &ApiCall::finished, client,
                         [client, keychain = QPointer<TokenStore>(&keychain), key, before,
                          done](const ApiResponse& r) {
                             const QString after = client->deviceToken();
                             if (r.ok() && keychain && !after.isEmpty() && after != before) {
                                 keychain->save(key, after, [](Result<void> saved) {
                                     if (!saved)
                                         qCWarning(lcDevice) << "the device token is not kept:"
                                                             << saved.error().message;
                                 });
                             }
                             done(r);
                         });
    });
}

} // namespace mss::sync
