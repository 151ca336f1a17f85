#include "sync/TokenStore.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace mss::sync {

// The jobs have no parent: a keychain backend (libsecret) answers a job
// even when its asker is gone, so a job must outlive the store that
// started it; it deletes itself once answered, and the answer reaches the
// store only if the store is still there (the connections' context).

using namespace Qt::StringLiterals;

namespace {

Error keychainError(const QKeychain::Job* job) {
    return Error{ErrorCode::KeychainUnavailable,
                 {},
                 QCoreApplication::translate("TokenStore", "the keychain refused: %1 (error %2)")
                     .arg(job->errorString())
                     .arg(int(job->error()))};
}

} // namespace

TokenStore::TokenStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

QString TokenStore::account(const QString& serverUrl, const QString& email) {
    return email.trimmed().toLower() + u" at "_s + serverUrl;
}

QString TokenStore::deviceAccount(const QString& account) {
    return u"device token of "_s + account;
}

void TokenStore::save(const QString& account, const QString& token,
                      std::function<void(Result<void>)> done) {
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError)
            done(std::unexpected(keychainError(j)));
        else
            done({});
    });
    job->start();
}

void TokenStore::load(const QString& account,
                      std::function<void(Result<std::optional<QString>>)> done) {
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() == QKeychain::EntryNotFound)
            done(std::optional<QString>{});
        else if (j->error() != QKeychain::NoError)
            done(std::unexpected(keychainError(j)));
        else
            done(std::optional<QString>{static_cast<QKeychain::ReadPasswordJob*>(j)->textData()});
    });
    job->start();
}

void TokenStore::erase(const QString& account, std::function<void(Result<void>)> done) {
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            done(std::unexpected(keychainError(j)));
        else
            done({});
    });
    job->start();
}

} // namespace mss::sync
