#include "DeskSession.h"

#include "sync/CacheSecrets.h"
#include "sync/KnownDevice.h"
#include "sync/TokenStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

#include <utility>

namespace mss::desktop {

using namespace Qt::StringLiterals;

namespace {

Errors fail(ErrorCode code, const QString& field, const QString& message) {
    return {Error{code, field, message}};
}

const QString meKey = u"desk.me"_s;
const QString settingsKey = u"desk.settings"_s;

QJsonObject parse(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString compact(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

DeskSession::DeskSession(QUrl server, QString email, const Clock& clock, QString cacheDir,
                         QObject* parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_email(std::move(email))
    , m_clock(clock)
    , m_cacheDir(std::move(cacheDir))
    , m_identity(m_server.toString(QUrl::StripTrailingSlash))
    , m_api(m_server) {}

DeskSession::~DeskSession() {
    // The engine refers to the cache and the API client: it goes first.
    m_clients.reset();
    m_schedule.reset();
    m_engine.reset();
    m_cache.reset();
}

QString DeskSession::cachePath(const QString& server, const QString& email, const QString& dir) {
    const QString folder =
        dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                      : dir;
    // A hash, so the file name says nothing about who works here.
    const QByteArray who = server.toUtf8() + '\n' + email.trimmed().toLower().toUtf8();
    const QString name = QString::fromLatin1(
        QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(24));
    return QDir(folder).filePath(u"cache-"_s + name + u".sqlite"_s);
}

void DeskSession::signIn(const QString& password, std::function<void(Checked<void>)> done) {
    auto answered = [this, done](const sync::ApiResponse& r) {
        if (r.isNetworkFailure()) {
            done(std::unexpected(fail(ErrorCode::NotFound, u"server"_s,
                                      tr("The server cannot be reached: %1").arg(r.message))));
            return;
        }
        if (!r.ok()) {
            done(std::unexpected(
                fail(ErrorCode::Required, u"password"_s,
                     r.status == 401 ? tr("The email or password is not right.") : r.message)));
            return;
        }
        m_token = r.body.value("token"_L1).toString();
        readIdentity(false, done);
    };
    // With a keychain the desk is a known device to the server once it has
    // signed in: guesses made elsewhere never lock it out.
    if (m_keychain)
        sync::signInAsKnownDevice(m_api, *m_keychain,
                                  sync::TokenStore::account(m_identity, m_email), m_email, password,
                                  std::move(answered));
    else
        connect(m_api.login(m_email, password), &sync::ApiCall::finished, this,
                std::move(answered));
}

void DeskSession::resume(const QString& token, std::function<void(Checked<void>)> done) {
    m_token = token;
    m_api.setToken(token);
    readIdentity(true, std::move(done));
}

void DeskSession::readIdentity(bool mayWorkOffline, std::function<void(Checked<void>)> done) {
    sync::ApiCall* call = m_api.get(u"/auth/me"_s);
    connect(call, &sync::ApiCall::finished, this,
            [this, mayWorkOffline, done](const sync::ApiResponse& r) {
                if (r.isNetworkFailure() && mayWorkOffline) {
                    // Work from what the cache knows; sync catches up later.
                    openCache([this, done, why = r.message](Checked<void> opened) {
                        if (!opened) {
                            done(opened);
                            return;
                        }
                        const auto me = m_cache->syncState(meKey);
                        const auto settings = m_cache->syncState(settingsKey);
                        if (!me || me->isEmpty()) {
                            done(std::unexpected(
                                fail(ErrorCode::NotFound, u"server"_s,
                                     tr("The server cannot be reached: %1").arg(why))));
                            return;
                        }
                        done(adopt(parse(*me), parse(settings.value_or(QString()))));
                    });
                    return;
                }
                if (!r.ok()) {
                    done(std::unexpected(
                        r.status == 401 ? fail(ErrorCode::Required, u"password"_s,
                                               tr("Your sign-in has ended; please sign in again."))
                                        : fail(ErrorCode::NotFound, u"server"_s, r.message)));
                    return;
                }
                m_meJson = r.data().toObject();
                readSettings(done);
            });
}

void DeskSession::readSettings(std::function<void(Checked<void>)> done) {
    sync::ApiCall* call = m_api.get(u"/settings"_s);
    connect(call, &sync::ApiCall::finished, this, [this, done](const sync::ApiResponse& r) {
        if (!r.ok()) {
            done(std::unexpected(fail(ErrorCode::NotFound, u"server"_s, r.message)));
            return;
        }
        openCache([this, done, settings = r.data().toObject()](Checked<void> opened) {
            if (!opened) {
                done(opened);
                return;
            }
            // Kept for a start without the server; unkept, that start
            // says the server cannot be reached, and this one goes on.
            for (const auto& [key, value] :
                 {std::pair{meKey, compact(m_meJson)}, std::pair{settingsKey, compact(settings)}}) {
                if (auto kept = m_cache->setSyncState(key, value); !kept)
                    qWarning() << "the cache could not keep" << key
                               << "for working offline:" << describe(kept.error());
            }
            done(adopt(m_meJson, settings));
        });
    });
}

void DeskSession::openCache(std::function<void(Checked<void>)> done) {
    if (m_cache) {
        done({});
        return;
    }
    if (!m_keychain) {
        done(openCacheWith(std::nullopt));
        return;
    }
    // Meeting links and unsent changes in the cache are sealed with a key
    // kept in the keychain, never beside the file.
    sync::loadOrCreateCacheKey(*m_keychain, sync::TokenStore::account(m_identity, m_email),
                               [this, done](Result<QByteArray> key) {
                                   if (key) {
                                       done(openCacheWith(*key));
                                       return;
                                   }
                                   // No keychain: a cache that was never sealed opens as before
                                   // (owner-only file) and the user is told; a sealed one is
                                   // refused by the cache, which names why.
                                   m_cacheKeyProblem = key.error().message;
                                   done(openCacheWith(std::nullopt));
                               });
}

Checked<void> DeskSession::openCacheWith(const std::optional<QByteArray>& key) {
    const QString path = cachePath(m_identity, m_email, m_cacheDir);
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Owner-only from the first byte: the schedule names clients. SQLite
    // gives its -wal and -shm files the mode of the main file.
    QFile file(path);
    if (!file.exists() && file.open(QIODevice::WriteOnly))
        file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    auto opened = sync::LocalCache::open(path, key);
    if (!opened)
        return std::unexpected(fail(
            ErrorCode::StorageFailure, u"cache"_s,
            tr("The local copy of the schedule cannot be opened: %1").arg(opened.error().message)));
    m_cache = std::move(*opened);
    m_engine = std::make_unique<sync::SyncEngine>(*m_cache, m_api, m_clock);
    return {};
}

Checked<void> DeskSession::adopt(const QJsonObject& me, const QJsonObject& settings) {
    auto staff = domain::Staff::fromJson(me, domain::DecodeMode::TypesOnly);
    if (!staff)
        return std::unexpected(staff.error());
    m_me = *staff;
    // A server without the setting (the MentalSpace server) grants nothing
    // beyond the table.
    const auto grants = domain::RoleGrants::fromJson(settings.value("widerGrants"_L1));
    const domain::RoleGrants granted = grants.value_or(domain::RoleGrants());
    m_permissions = RolePermissions::of(m_me.role, granted);
    const QTimeZone zone(settings.value("timeZone"_L1).toString().toUtf8());
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    m_strict = settings.value("strictAvailability"_L1).toBool();
    m_schedule = std::make_unique<sync::LocalSchedule>(*m_cache, m_clock, m_zone);
    // What the server would refuse this role is refused at once, offline too.
    m_schedule->setRole(m_me.role);
    m_schedule->setGrants(granted);
    m_clients = std::make_unique<sync::LocalClients>(*m_cache, m_clock);
    m_clients->setRole(m_me.role);
    m_clients->setGrants(granted);
    return {};
}

} // namespace mss::desktop
