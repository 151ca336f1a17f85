#pragma once

// Helpers for driving the desk's window: answering a modal dialog the
// moment it opens (the code under test calls exec() and waits), and
// waiting for a sync to end.
#include "sync/SyncEngine.h"
#include "ui/AppointmentDialog.h"

#include <QApplication>
#include <QCompleter>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
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

// Answers the booking dialog as a person does: types the start of the
// client's name, picks them from the completer, and saves. Whether Save was
// enabled; a dialog that stays open (refused) is dismissed.
inline bool chooseClientAndSave(ui::AppointmentDialog* dialog, const QString& client) {
    dialog->clientField()->setFocus();
    QTest::keyClicks(dialog->clientField(), client.left(4));
    QMetaObject::invokeMethod(dialog->clientCompleter(), "activated", Q_ARG(QString, client));
    dialog->clientField()->setText(client);
    const bool enabled = dialog->okButton()->isEnabled();
    dialog->okButton()->click();
    if (dialog->isVisible())
        dialog->reject();
    return enabled;
}

// The item of the window's menus that reads `text` (without its '&'), as a
// person finds it; null when no menu has it.
inline QAction* menuItem(QMainWindow& window, const QString& text) {
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* item : menu->menu()->actions()) {
            if (QString(item->text()).remove(u'&') == text)
                return item;
        }
    }
    return nullptr;
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
