#pragma once

#include "base/Clock.h"
#include "base/Error.h"
#include "domain/Enums.h"
#include "domain/Roles.h"
#include "domain/Staff.h"
#include "server/CrossOrigin.h"
#include "server/LoginThrottle.h"
#include "server/SecretBox.h"
#include "server/Sessions.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"

#include <QHash>
#include <QJsonObject>
#include <QTimeZone>

#include <expected>
#include <memory>
#include <mutex>

namespace mss::reminders {
class ReminderScheduler;
}

namespace mss::server {

// One practice's data directory: the database (mentalspace.db, or a
// PostgreSQL database its URL names), the key that seals meeting links
// (secret.key), and the services over them. Everything a
// route needs is reached from here.
//
// The Practice open() returns is the writer: its connection writes, and it
// owns the reminders. A server's reader threads each hold a reader
// (openReader()): the same practice through a read-only connection of the
// thread's own, sharing the writer's settings cache. That cache is the one
// thing threads share: it is guarded, filled by the writer only (from what
// it committed or is committing) and emptied by the writer's setters; a
// reader that finds a setting missing reads it from its own snapshot. On
// PostgreSQL, which other servers share, nothing is cached from one request
// to the next: within one (a SettingsScope), the settings are read together,
// once, when the first is asked for, and again after one is changed.
class Practice {
public:
    // `database` absent: the SQLite file in `dataDir` (databaseFile()).
    // The keys stay in `dataDir` whichever engine holds the database. Why
    // not: NewerSchema, the key file's own error, or StorageFailure.
    static Result<std::unique_ptr<Practice>>
    open(const QString& dataDir, const Clock& clock,
         const std::optional<storage::DatabaseUrl>& database = std::nullopt);
    // A reader of this (writer) practice, to be used on the calling thread
    // only: open it on the thread that will use it. No reminders.
    Result<std::unique_ptr<Practice>> openReader() const;
    bool isReader() const { return m_db->isReader(); }
    // Reads every cached setting, so that readers find them cached.
    void cacheSettings();
    // One request's view of the settings on PostgreSQL: read in one round
    // trip on first use, forgotten when the scope ends. A write request
    // reads them before it takes the write lock, as if it had come just
    // before a change of setting that commits meanwhile. Nothing on SQLite,
    // whose settings the writer caches.
    class SettingsScope {
    public:
        explicit SettingsScope(Practice& practice);
        ~SettingsScope();
        SettingsScope(const SettingsScope&) = delete;
        SettingsScope& operator=(const SettingsScope&) = delete;

    private:
        Practice& m_practice;
    };
    static QString databaseFile(const QString& dataDir);
    // Why a practice whose database is at `schema`, newer than this
    // program's, is refused (and left as it is): NewerSchema.
    static Error newerSchemaRefusal(int schema);

    const Clock& clock() const { return m_clock; }
    storage::Database& db() { return *m_db; }
    storage::RecordStore& records() { return m_records; }
    storage::AuditLog& auditLog() { return m_audit; }
    Sessions& sessions() { return m_sessions; }
    LoginThrottle& throttle() { return m_throttle; }
    const SecretBox& secrets() const { return m_secrets; }
    // The reminder scheduler of a serving process; null elsewhere (the
    // reminder routes then answer 503).
    reminders::ReminderScheduler* reminders() const { return m_reminders; }
    void setReminders(reminders::ReminderScheduler* scheduler) { m_reminders = scheduler; }

    // Settings (the `settings` table): the practice's IANA zone, and whether
    // booking outside availability is refused (strict) or only warned about.
    QTimeZone timeZone();
    bool strictAvailability();
    Result<void> setTimeZone(const QTimeZone& zone);
    Result<void> setStrictAvailability(bool strict);
    // The origins whose web pages may call the API (CrossOrigin.h); none
    // unless the practice names them.
    AllowedOrigins allowedOrigins();
    Result<void> setAllowedOrigins(const AllowedOrigins& origins);
    // What the practice grants beyond the role table (domain::RoleGrants);
    // nothing unless it says so.
    domain::RoleGrants roleGrants();
    Result<void> setRoleGrants(const domain::RoleGrants& grants);

    // The meeting link and password leave the document and are sealed; what
    // stays is the document to store. An empty QByteArray when there are none.
    QByteArray sealSecrets(QJsonObject& doc) const;
    // Puts the sealed values back into a stored document.
    void unsealSecrets(QJsonObject& doc, const QByteArray& sealed) const;

    // A new staff member who signs in with `password` (empty: cannot sign
    // in until given one). Inside the caller's transaction.
    Result<void> addStaff(domain::Staff& staff, const QByteArray& password);
    Result<void> setPassword(const QString& staffId, const QByteArray& password);
    // The staff id and password hash of an email (case-insensitive).
    struct Credentials {
        QString staffId;
        QString passwordHash;
        bool isActive = false;
    };
    Result<std::optional<Credentials>> credentialsOf(const QString& email);
    // Stamps id (when missing), createdAt/By, updatedAt/By and version + 1.
    void stamp(QJsonObject& doc, const QString& staffId, qint64 previousVersion,
               const QJsonObject& previous = {});

private:
    // The settings the writer caches; shared with its readers.
    struct Settings {
        std::mutex lock;
        std::optional<QTimeZone> zone;
        std::optional<bool> strict;
        std::optional<AllowedOrigins> origins;
        std::optional<domain::RoleGrants> grants;
    };
    Practice(const Clock& clock, std::unique_ptr<storage::Database> db, SecretBox secrets,
             std::shared_ptr<Settings> settings);
    // The cached value of `field`, else `read()` from this connection,
    // cached when this is the writer.
    template <typename T, typename Read>
    T cached(std::optional<T> Settings::*field, Read read);
    template <typename T>
    void forget(std::optional<T> Settings::*field);
    // A setting's stored value: from the scope's batch when in a
    // SettingsScope on PostgreSQL (read on first use), else read alone.
    Result<std::optional<QString>> storedSetting(const QString& key);

    const Clock& m_clock;
    std::unique_ptr<storage::Database> m_db;
    storage::RecordStore m_records;
    storage::AuditLog m_audit;
    Sessions m_sessions;
    LoginThrottle m_throttle;
    SecretBox m_secrets;
    std::shared_ptr<Settings> m_settings;
    // The SettingsScope's batch: absent outside a scope or until first use.
    bool m_inSettingsScope = false;
    std::optional<QHash<QString, QString>> m_scopeSettings;
    reminders::ReminderScheduler* m_reminders = nullptr;
};

} // namespace mss::server
