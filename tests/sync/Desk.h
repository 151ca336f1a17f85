#pragma once

// One front desk in a sync test: its own cache file, API client, sync
// engine and action layer, as the app puts them together.
#include "ServerProcess.h"
#include "sync/LocalSchedule.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace mss::test {

// Waits for one API call to answer.
inline sync::ApiResponse await(sync::ApiCall* call) {
    std::optional<sync::ApiResponse> response;
    QObject::connect(call, &sync::ApiCall::finished,
                     [&](const sync::ApiResponse& r) { response = r; });
    if (!QTest::qWaitFor([&] { return response.has_value(); }, 30'000))
        qFatal("no answer in 30 s");
    return *response;
}

// Every record of a list endpoint matching `filters`, page by page.
inline QList<QJsonObject> listAll(sync::ApiClient& api, const QString& path,
                                  QUrlQuery filters = {}) {
    QList<QJsonObject> out;
    filters.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    for (int page = 1;; ++page) {
        QUrlQuery q = filters;
        q.addQueryItem(QStringLiteral("page"), QString::number(page));
        const sync::ApiResponse r = await(api.get(path, q));
        if (!r.ok())
            qFatal("cannot list %s: %s", qPrintable(path), qPrintable(r.message));
        const QJsonArray items = r.data().toArray();
        for (const QJsonValue v : items)
            out.append(v.toObject());
        if (items.size() < 100)
            return out;
    }
}

class Desk {
public:
    Desk(const QString& cachePath, const QUrl& server)
        : api(server) {
        auto opened = sync::LocalCache::open(cachePath);
        if (!opened)
            qFatal("cannot open the cache: %s", qPrintable(opened.error().message));
        cache = std::move(*opened);
        engine = std::make_unique<sync::SyncEngine>(*cache, api, clock);
        schedule =
            std::make_unique<sync::LocalSchedule>(*cache, clock, QTimeZone("America/New_York"));
    }

    bool signIn(const QString& email, const QByteArray& password) {
        return await(api.login(email, QString::fromUtf8(password))).ok();
    }

    // One sync to its end; whether it ended Online.
    bool sync() {
        QSignalSpy finished(engine.get(), &sync::SyncEngine::syncFinished);
        engine->syncNow();
        if (!finished.wait(60'000))
            qFatal("sync did not finish in 60 s");
        return finished.front().front().toBool();
    }

    // Syncs until the outbox is empty or `rounds` syncs have run; retries
    // after network errors wait out their backoff on the real clock.
    bool syncUntilSettled(int rounds = 20) {
        for (int i = 0; i < rounds; ++i) {
            const bool online = sync();
            if (online && cache->outbox().pendingCount().value_or(-1) == 0)
                return true;
            QTest::qWait(online ? 200 : 1100);
        }
        return false;
    }

    // What is left in the outbox and why, for failure messages.
    QByteArray outboxReport() const {
        QString out = engine->lastError();
        for (const sync::OutboxEntry& e :
             cache->outbox().all().value_or(QList<sync::OutboxEntry>{}))
            out += QStringLiteral("\n  %1 %2 %3 state %4: %5")
                       .arg(e.seq)
                       .arg(e.method, e.path)
                       .arg(int(e.state))
                       .arg(e.lastError);
        for (const sync::SyncConflict& c : cache->conflicts().value_or(QList<sync::SyncConflict>{}))
            out += QStringLiteral("\n  conflict %1 on %2: %3")
                       .arg(conflictCodeName(c.code), c.recordId, c.message);
        return out.toUtf8();
    }

    SystemClock clock;
    sync::ApiClient api;
    std::unique_ptr<sync::LocalCache> cache;
    std::unique_ptr<sync::SyncEngine> engine;
    std::unique_ptr<sync::LocalSchedule> schedule;
};

} // namespace mss::test
