#pragma once

// Helpers for driving the desk's window: answering a modal dialog the
// moment it opens (the code under test calls exec() and waits), and
// waiting for a sync to end.
#include "sync/SyncEngine.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

namespace mss::test {

// Runs `act` on the next modal dialog of type D once it is shown.
template <typename D>
void whenDialogOpens(std::function<void(D*)> act) {
    auto* poll = new QTimer(qApp);
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        auto* dialog = qobject_cast<D*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        act(dialog);
    });
    poll->start();
}

// Lets a sync in progress (and the one asked for during it) end.
inline void waitUntilIdle(sync::SyncEngine& engine) {
    while (engine.isSyncing()) {
        QSignalSpy finished(&engine, &sync::SyncEngine::syncFinished);
        if (!finished.wait(60'000))
            qFatal("sync did not finish in 60 s");
        QTest::qWait(0); // a sync asked for during that one starts now
    }
}

// One sync, started after any in progress, to its end; whether it ended
// online.
inline bool syncOnce(sync::SyncEngine& engine) {
    waitUntilIdle(engine);
    QSignalSpy finished(&engine, &sync::SyncEngine::syncFinished);
    engine.syncNow();
    if (!finished.wait(60'000))
        qFatal("sync did not finish in 60 s");
    return finished.back().front().toBool();
}

} // namespace mss::test
