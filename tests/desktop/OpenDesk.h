#pragma once

// What every desktop test starts from: a desk signed in to the real server
// as one member of staff, its window shown and its first sync done.
#include "base/Clock.h"
#include "DeskSession.h"
#include "MainWindow.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

namespace mss::test {

struct OpenDesk {
    QTemporaryDir cacheDir;
    std::unique_ptr<desktop::DeskSession> session;
    std::unique_ptr<desktop::MainWindow> window;

    // Signs in, shows the window and waits for the first sync; the test says
    // when to sync after that (an hour's interval). Whether all of it
    // worked; what did not is printed.
    bool open(const QUrl& server, const QString& email, const QByteArray& password,
              const Clock& clock) {
        session = std::make_unique<desktop::DeskSession>(server, email, clock, cacheDir.path());
        std::optional<Checked<void>> signedIn;
        session->signIn(QString::fromUtf8(password),
                        [&](Checked<void> r) { signedIn = std::move(r); });
        if (!QTest::qWaitFor([&] { return signedIn.has_value(); }, 30'000) || !*signedIn) {
            qWarning("%s cannot sign in: %s", qPrintable(email),
                     signedIn && !*signedIn ? qPrintable(describe(signedIn->error()))
                                            : "no answer in 30 s");
            return false;
        }
        window = std::make_unique<desktop::MainWindow>(*session);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        QSignalSpy synced(&session->engine(), &sync::SyncEngine::syncFinished);
        window->start(3'600'000);
        return synced.wait(60'000) && synced.front().front().toBool();
    }

    // The window goes before the session it shows.
    void close() {
        window.reset();
        session.reset();
    }
};

} // namespace mss::test
