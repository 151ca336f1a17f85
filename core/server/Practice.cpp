#include "server/Practice.h"

#include "base/WallClock.h"
#include "server/Passwords.h"
#include "storage/DatabaseFile.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStorageInfo>

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::Database;

namespace {

const auto secretFields = {"virtualMeetingLink"_L1, "virtualMeetingPassword"_L1};

Error databaseFailure(const QString& why) {
    return {ErrorCode::StorageFailure, {}, why};
}

} // namespace

Practice::Practice(const Clock& clock, std::unique_ptr<Database> db, SecretBox secrets,
                   std::shared_ptr<Settings> settings)
    : m_clock(clock)
    , m_db(std::move(db))
    , m_records(*m_db)
    , m_audit(*m_db, clock)
    , m_sessions(*m_db, clock)
    , m_throttle(*m_db, clock, secrets.derivedKey("login throttle"))
    , m_secrets(std::move(secrets))
    , m_settings(std::move(settings)) {}

QString Practice::databaseFile(const QString& dataDir) {
    return QDir(dataDir).filePath(u"mentalspace.db"_s);
}

Error Practice::newerSchemaRefusal(int schema) {
    return {ErrorCode::NewerSchema,
            {},
            u"this practice was written by a newer MentalSpace server (schema %1, this one knows "
            "%2); upgrade the server"_s.arg(schema)
                .arg(storage::latestSchemaVersion())};
}

Result<std::unique_ptr<Practice>>
Practice::open(const QString& dataDir, const Clock& clock,
               const std::optional<storage::DatabaseUrl>& database) {
    const storage::DatabaseUrl url =
        database.value_or(storage::DatabaseUrl::sqlite(databaseFile(dataDir)));
    const bool sqlite = url.engine == storage::Engine::Sqlite;
    // Before anything is created or opened: a newer release's practice is
    // left exactly as it is (docs/server.md, "Upgrades"). (PostgreSQL's
    // version is read by the migrations, under their lock.)
    if (sqlite) {
        const auto schema = storage::schemaVersionOf(url.path);
        if (!schema)
            return std::unexpected(databaseFailure(schema.error().message));
        if (*schema > storage::latestSchemaVersion())
            return std::unexpected(newerSchemaRefusal(*schema));
    }
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!QFileInfo::exists(dataDir)) {
        if (!QDir().mkpath(dataDir))
            return std::unexpected(Error{ErrorCode::FileUnusable,
                                         {},
                                         u"cannot create the data directory %1"_s.arg(dataDir)});
        // It holds client data and the key: owner only. (A directory that
        // already exists keeps the permissions its owner gave it.)
        QFile::setPermissions(dataDir, ownerOnly | QFileDevice::ExeOwner);
    }
    auto secrets = SecretBox::openOrCreate(QDir(dataDir).filePath(u"secret.key"_s));
    if (!secrets)
        return std::unexpected(secrets.error());
    // The database file is made owner-only before SQLite opens it; SQLite
    // gives its -wal and -shm files the same permissions.
    if (QFile file(url.path); sqlite && !file.exists()) {
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly))
            return std::unexpected(databaseFailure(u"cannot create %1"_s.arg(file.fileName())));
        file.close();
    }
    auto db = Database::open(url, sqlite ? QFileInfo(url.path).absolutePath() : dataDir);
    // A full disk shows as SQLITE_FULL, or as an I/O error when the -wal or
    // -shm file cannot be made: either way, say what it is.
    if (!db && sqlite &&
        (db.error().code == ErrorCode::DiskFull || QStorageInfo(dataDir).bytesAvailable() == 0))
        return std::unexpected(databaseFailure(
            u"the disk holding %1 is full, so the practice cannot be opened; free some space and try again"_s
                .arg(dataDir)));
    if (!db)
        return std::unexpected(databaseFailure(db.error().message));
    return std::unique_ptr<Practice>(
        new Practice(clock, std::move(*db), std::move(*secrets), std::make_shared<Settings>()));
}

Result<std::unique_ptr<Practice>> Practice::openReader() const {
    auto db = Database::openReader(m_db->url(), m_db->localDirectory());
    if (!db)
        return std::unexpected(databaseFailure(db.error().message));
    return std::unique_ptr<Practice>(new Practice(m_clock, std::move(*db), m_secrets, m_settings));
}

template <typename T, typename Read>
T Practice::cached(std::optional<T> Settings::*field, Read read) {
    if (!m_db->dialect().cachesSettings())
        return read();
    {
        std::lock_guard lock(m_settings->lock);
        if (const auto& value = (*m_settings).*field)
            return *value;
    }
    T value = read();
    // A reader's snapshot may be older than what the writer caches next:
    // only the writer fills the cache.
    if (!isReader()) {
        std::lock_guard lock(m_settings->lock);
        (*m_settings).*field = value;
    }
    return value;
}

template <typename T>
void Practice::forget(std::optional<T> Settings::*field) {
    m_scopeSettings.reset();
    std::lock_guard lock(m_settings->lock);
    ((*m_settings).*field).reset();
}

// The settings a request may ask for, read together in a SettingsScope.
static const QStringList scopedSettingKeys{u"timeZone"_s, u"strictAvailability"_s,
                                           u"allowedOrigins"_s, u"widerGrants"_s};

Practice::SettingsScope::SettingsScope(Practice& practice)
    : m_practice(practice) {
    m_practice.m_inSettingsScope = !m_practice.m_db->dialect().cachesSettings();
    m_practice.m_scopeSettings.reset();
}

Practice::SettingsScope::~SettingsScope() {
    m_practice.m_inSettingsScope = false;
    m_practice.m_scopeSettings.reset();
}

Result<std::optional<QString>> Practice::storedSetting(const QString& key) {
    if (!m_inSettingsScope || !scopedSettingKeys.contains(key))
        return m_records.setting(key);
    if (!m_scopeSettings) {
        auto read = m_records.settings(scopedSettingKeys);
        if (!read)
            return std::unexpected(read.error());
        m_scopeSettings = std::move(*read);
    }
    if (const auto it = m_scopeSettings->constFind(key); it != m_scopeSettings->constEnd())
        return std::optional<QString>(*it);
    return std::optional<QString>();
}

void Practice::cacheSettings() {
    timeZone();
    strictAvailability();
    allowedOrigins();
    roleGrants();
}

QTimeZone Practice::timeZone() {
    return cached(&Settings::zone, [this] {
        const auto value = storedSetting(u"timeZone"_s);
        QTimeZone zone;
        if (value && *value)
            zone = QTimeZone(value->value().toUtf8());
        return zone.isValid() ? zone : QTimeZone::utc();
    });
}

bool Practice::strictAvailability() {
    return cached(&Settings::strict, [this] {
        const auto value = storedSetting(u"strictAvailability"_s);
        return value && *value && value->value() == "true"_L1;
    });
}

Result<void> Practice::setTimeZone(const QTimeZone& zone) {
    forget(&Settings::zone);
    return m_records.setSetting(u"timeZone"_s, QString::fromUtf8(zone.id()));
}

Result<void> Practice::setStrictAvailability(bool strict) {
    forget(&Settings::strict);
    return m_records.setSetting(u"strictAvailability"_s, strict ? u"true"_s : u"false"_s);
}

AllowedOrigins Practice::allowedOrigins() {
    return cached(&Settings::origins, [this] {
        // Stored as they were checked: a JSON array of origins.
        const auto value = storedSetting(u"allowedOrigins"_s);
        QStringList entries;
        if (value && *value) {
            for (const QJsonValue v : QJsonDocument::fromJson((*value)->toUtf8()).array())
                entries << v.toString();
        }
        const auto parsed = AllowedOrigins::parse(entries);
        return parsed ? *parsed : AllowedOrigins();
    });
}

Result<void> Practice::setAllowedOrigins(const AllowedOrigins& origins) {
    forget(&Settings::origins);
    return m_records.setSetting(
        u"allowedOrigins"_s,
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(origins.entries()))
                              .toJson(QJsonDocument::Compact)));
}

domain::RoleGrants Practice::roleGrants() {
    return cached(&Settings::grants, [this] {
        const auto value = storedSetting(u"widerGrants"_s);
        const auto parsed = domain::RoleGrants::fromJson(
            value && *value ? QJsonDocument::fromJson((*value)->toUtf8()).object() : QJsonValue());
        // A stored value was checked when it was written; one that no
        // longer reads (a role renamed) grants nothing.
        return parsed ? *parsed : domain::RoleGrants();
    });
}

Result<void> Practice::setRoleGrants(const domain::RoleGrants& grants) {
    forget(&Settings::grants);
    return m_records.setSetting(
        u"widerGrants"_s,
        QString::fromUtf8(QJsonDocument(grants.toJson()).toJson(QJsonDocument::Compact)));
}

QByteArray Practice::sealSecrets(QJsonObject& doc) const {
    QJsonObject secret;
    for (QLatin1StringView field : secretFields) {
        if (doc.contains(field)) {
            secret.insert(field, doc.value(field));
            doc.remove(field);
        }
    }
    if (secret.isEmpty())
        return {};
    return m_secrets.seal(QJsonDocument(secret).toJson(QJsonDocument::Compact));
}

void Practice::unsealSecrets(QJsonObject& doc, const QByteArray& sealed) const {
    if (sealed.isEmpty())
        return;
    const auto plain = m_secrets.open(sealed);
    if (!plain)
        return;
    const QJsonObject secret = QJsonDocument::fromJson(*plain).object();
    for (auto it = secret.begin(); it != secret.end(); ++it)
        doc.insert(it.key(), it.value());
}

void Practice::stamp(QJsonObject& doc, const QString& staffId, qint64 previousVersion,
                     const QJsonObject& previous) {
    const QString now = toWireTime(m_clock.now());
    if (doc.value("_id"_L1).toString().isEmpty())
        doc.insert("_id"_L1, domain::ObjectId::generate(m_clock).toString());
    if (previous.isEmpty()) {
        doc.insert("createdAt"_L1, now);
        doc.insert("createdBy"_L1, staffId);
    } else {
        doc.insert("createdAt"_L1, previous.value("createdAt"_L1));
        doc.insert("createdBy"_L1, previous.value("createdBy"_L1));
    }
    if (staffId.isEmpty())
        doc.remove("createdBy"_L1);
    doc.insert("updatedAt"_L1, now);
    if (staffId.isEmpty())
        doc.remove("updatedBy"_L1);
    else
        doc.insert("updatedBy"_L1, staffId);
    doc.insert("version"_L1, double(previousVersion + 1));
}

Result<void> Practice::addStaff(domain::Staff& staff, const QByteArray& password) {
    QJsonObject doc = staff.toJson({domain::ReferenceForm::IdsOnly});
    stamp(doc, {}, 0);
    if (auto r = m_records.put(storage::RecordKind::Staff, doc); !r)
        return r;
    staff.meta.id = *domain::ObjectId::fromString(doc.value("_id"_L1).toString());
    if (password.isEmpty())
        return {};
    return setPassword(staff.meta.id.toString(), password);
}

Result<void> Practice::setPassword(const QString& staffId, const QByteArray& password) {
    QSqlQuery& q = m_db->prepare(u"UPDATE staff SET password_hash = ? WHERE id = ?"_s);
    q.addBindValue(hashPassword(password));
    q.addBindValue(staffId);
    return Database::run(q);
}

Result<std::optional<Practice::Credentials>> Practice::credentialsOf(const QString& email) {
    QSqlQuery& q =
        m_db->prepare(u"SELECT id, password_hash, is_active FROM staff WHERE email = ?"_s);
    q.addBindValue(email);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<Credentials>();
    return std::optional<Credentials>(
        Credentials{q.value(0).toString(), q.value(1).toString(), q.value(2).toBool()});
}

} // namespace mss::server
