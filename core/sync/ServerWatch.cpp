#include "sync/ServerWatch.h"

namespace mss::sync {

ServerWatch::ServerWatch(ApiClient& api, QObject* parent)
    : QObject(parent)
    , m_api(api) {
    connect(&m_timer, &QTimer::timeout, this, &ServerWatch::checkNow);
}

void ServerWatch::start(int intervalMs, int timeoutMs) {
    m_timeoutMs = timeoutMs;
    m_timer.start(intervalMs);
    checkNow();
}

void ServerWatch::stop() {
    m_timer.stop();
}

void ServerWatch::checkNow() {
    if (m_inFlight)
        return;
    m_inFlight = true;
    ApiCall* call = m_api.probe(QStringLiteral("/health"), m_timeoutMs);
    connect(call, &ApiCall::finished, this, [this](const ApiResponse& r) {
        m_inFlight = false;
        const bool reachable = !r.isNetworkFailure();
        if (m_reachable == reachable)
            return;
        m_reachable = reachable;
        emit reachableChanged(reachable, reachable ? QString() : r.message);
    });
}

} // namespace mss::sync
