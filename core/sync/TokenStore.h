#pragma once

#include "base/Error.h"

#include <QObject>

#include <functional>
#include <optional>

namespace mss::sync {

// Keeps the session token of each account in the operating system's
// keychain (Secret Service on Linux), never in a settings file. The account
// names the server and the user, so one desk can sign in to two servers.
//
// The keychain answers asynchronously: each call takes a callback that runs
// on this object's thread once the keychain has answered.
class TokenStore : public QObject {
    Q_OBJECT

public:
    explicit TokenStore(QString service = QStringLiteral("MentalSpace Scheduler"),
                        QObject* parent = nullptr);

    static QString account(const QString& serverUrl, const QString& email);
    // Where the account's device token is kept (KnownDevice.h): next to
    // its session token, and not erased with it at sign-out.
    static QString deviceAccount(const QString& account);

    void save(const QString& account, const QString& token, std::function<void(Result<void>)> done);
    // nullopt when the keychain holds no token for the account.
    void load(const QString& account, std::function<void(Result<std::optional<QString>>)> done);
    void erase(const QString& account, std::function<void(Result<void>)> done);

private:
    QString m_service;
};

} // namespace mss::sync
