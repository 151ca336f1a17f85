#pragma once

#include "base/Clock.h"
#include "base/Error.h"
#include "domain/Staff.h"
#include "RolePermissions.h"
#include "sync/ApiClient.h"
#include "sync/LocalCache.h"
#include "sync/LocalClients.h"
#include "sync/LocalSchedule.h"
#include "sync/SyncEngine.h"
#include "sync/TokenStore.h"

#include <QObject>
#include <QTimeZone>
#include <QUrl>

#include <functional>
#include <memory>

namespace mss::desktop {

// One person signed in to one practice server at this desk: their cache
// file, the API client, the sync engine and the action layer over the
// cache, plus who they are (their role shapes the window) and the
// practice's time zone. Both are kept in the cache, so a desk that starts
// while the server is down opens on what it last knew.
class DeskSession : public QObject {
    Q_OBJECT

public:
    // `cacheDir` empty: the app's local data folder.
    DeskSession(QUrl server, QString email, const Clock& clock, QString cacheDir = {},
                QObject* parent = nullptr);
    ~DeskSession() override;

    // One cache file per server and user, named by neither in clear.
    static QString cachePath(const QString& server, const QString& email, const QString& dir = {});
    // What names the server in the cache's file name and the keychain: its
    // address, unless it changes from run to run (an office server on a
    // free port is named by its data directory).
    void setServerIdentity(const QString& identity) { m_identity = identity; }
    // Where the key that seals the cache's meeting links is kept. Without
    // one (tests of other things, the demo practice) they are kept in clear
    // in the owner-only file.
    void setKeychain(sync::TokenStore* keychain) { m_keychain = keychain; }
    // Why the keychain could not give the cache its key, when it could not.
    const QString& cacheKeyProblem() const { return m_cacheKeyProblem; }
    const QString& serverIdentity() const { return m_identity; }

    // Signs in with the password, reads who the user is and the practice's
    // settings, and opens the cache. Errors name the field at fault
    // ("password" for refused credentials, "server" when it cannot be
    // reached).
    void signIn(const QString& password, std::function<void(Checked<void>)> done);
    // The same with a token kept from an earlier sign-in. The server down:
    // opens on what the cache knows. The token refused: error "password",
    // the user must sign in again.
    void resume(const QString& token, std::function<void(Checked<void>)> done);

    bool isOpen() const { return m_schedule != nullptr; }
    const QUrl& server() const { return m_server; }
    const QString& email() const { return m_email; }
    QString token() const { return m_token; }
    const Clock& clock() const { return m_clock; }

    const domain::Staff& me() const { return m_me; }
    const RolePermissions& permissions() const { return m_permissions; }
    const QTimeZone& timeZone() const { return m_zone; }
    bool strictAvailability() const { return m_strict; }

    sync::ApiClient& api() { return m_api; }
    sync::LocalCache& cache() { return *m_cache; }
    sync::SyncEngine& engine() { return *m_engine; }
    sync::LocalSchedule& schedule() { return *m_schedule; }
    sync::LocalClients& clients() { return *m_clients; }

private:
    void readIdentity(bool mayWorkOffline, std::function<void(Checked<void>)> done);
    void readSettings(std::function<void(Checked<void>)> done);
    void openCache(std::function<void(Checked<void>)> done);
    Checked<void> openCacheWith(const std::optional<QByteArray>& key);
    Checked<void> adopt(const QJsonObject& me, const QJsonObject& settings);

    QUrl m_server;
    QString m_email;
    const Clock& m_clock;
    QString m_cacheDir;
    QString m_identity;
    QString m_token;
    sync::TokenStore* m_keychain = nullptr;
    QString m_cacheKeyProblem;
    QJsonObject m_meJson;
    sync::ApiClient m_api;
    std::unique_ptr<sync::LocalCache> m_cache;
    std::unique_ptr<sync::SyncEngine> m_engine;
    std::unique_ptr<sync::LocalSchedule> m_schedule;
    std::unique_ptr<sync::LocalClients> m_clients;
    domain::Staff m_me;
    RolePermissions m_permissions;
    QTimeZone m_zone = QTimeZone::utc();
    bool m_strict = false;
};

} // namespace mss::desktop
