#pragma once

#include "sync/ApiClient.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace mss::sync {

// Asks the server's open health route (GET /health) every interval, so a
// desk learns it is offline within seconds even while nobody changes
// anything (a failed write was the only sign before), and learns as soon
// that the server is back. A check that gets no answer within its timeout
// counts as unreachable; any HTTP answer counts as reachable (the server
// is there; what it thinks of the requests is the sync's business).
class ServerWatch : public QObject {
    Q_OBJECT

public:
    explicit ServerWatch(ApiClient& api, QObject* parent = nullptr);

    // Worst case to notice: interval + timeout.
    void start(int intervalMs = 750, int timeoutMs = 1500);
    void stop();
    bool isWatching() const { return m_timer.isActive(); }
    // Unknown until the first check has answered.
    std::optional<bool> reachable() const { return m_reachable; }

public slots:
    // One check now (one at a time: a check in flight is not doubled).
    void checkNow();

signals:
    // Only on a change (and on the first answer).
    void reachableChanged(bool reachable, const QString& why);

private:
    ApiClient& m_api;
    QTimer m_timer;
    int m_timeoutMs = 1500;
    bool m_inFlight = false;
    std::optional<bool> m_reachable;
};

} // namespace mss::sync
