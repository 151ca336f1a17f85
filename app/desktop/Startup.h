#pragma once

#include "base/Clock.h"
#include "base/Error.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QApplication;
class QMessageBox;

namespace mss::sync {
class TokenStore;
}

namespace mss::desktop {

class DeskSession;
class FirstRunDialog;
class MainWindow;
class OfficeServer;

// What the command line asked for.
struct LaunchOptions {
    bool demo = false;                // the demo practice, signed in as the front desk
    QString dataDir;                  // the demo's data folder (default: app data/demo)
    bool quitAfterFirstPaint = false; // exit 0 once the calendar is painted, printing the count
    QString screenshot;               // with quitAfterFirstPaint: the window as a PNG first

    // --help and --version answered here (and the process ends).
    static LaunchOptions fromCommandLine(const QStringList& arguments);
};

// What main() does to the application before anything else, and what the
// tests do to theirs: names, version, translations, and no quitting when
// the last window closes (the first-run dialog closes before the calendar
// opens; Startup says when the app is done).
void setUpApplication(QApplication& app);

// From launch to the open calendar: the demo practice, a saved
// connection (token from the keychain, else the password again), or the
// first-run choice; the office server started when this computer hosts
// it; then the window. QSettings holds where to connect and as whom,
// never a token or a password, and only once a sign-in worked. The
// dialog stays open, busy, while it signs in, and says why when that
// fails; closing the calendar window or cancelling the dialog ends the
// app.
class Startup : public QObject {
    Q_OBJECT

public:
    Startup(LaunchOptions options, QObject* parent = nullptr);
    ~Startup() override;

    void begin();

    // The dialog on screen before the calendar opens, if any.
    FirstRunDialog* dialog() const { return m_dialog.get(); }
    MainWindow* window() const { return m_window.get(); }
    // The office server this app runs (running or not).
    OfficeServer* office() const { return m_office.get(); }

signals:
    // The app is done: the user closed the window or backed out (0), or
    // it cannot go on (1).
    void finished(int exitCode);

private:
    // Where a sign-in that works is remembered (QSettings).
    struct Remember {
        QString server;
        QString officeDir;
    };

    void beginDemo();
    void firstRun(const QString& error = {}, const QString& field = {});
    void submitted();
    void hostOffice(const QString& dataDir, const QString& zone, const QString& email,
                    const QString& password);
    void resumeSaved();
    void resumeWith(const QString& email);
    void serveThen(const QString& dataDir, std::function<void(QUrl)> next);
    void signIn(const QUrl& server, const QString& identity, const QString& email,
                const QString& password, std::optional<Remember> remember);
    void signInFailed(const QString& why, const QString& field);
    void dropSession();
    void signInAgain(const QString& error);
    void showDialog(std::unique_ptr<FirstRunDialog> dialog);
    void closeDialog();
    void open();
    void signOut();
    void fail(const QString& message);

    LaunchOptions m_options;
    SystemClock m_clock;
    std::unique_ptr<OfficeServer> m_office;
    std::unique_ptr<sync::TokenStore> m_tokens;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<FirstRunDialog> m_dialog;
    QString m_officeDir; // the folder the office server runs on, when it runs
    QString m_keychainProblem;
    QPointer<QMessageBox> m_keychainBox;
    bool m_cacheKeyWarned = false;
    QUrl m_url;
    QString m_identity; // the server as named in the keychain and the cache file
    QString m_email;
};

} // namespace mss::desktop
