#pragma once

#include "base/Clock.h"
#include "base/Error.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

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

// From launch to the open calendar: the demo practice, a saved
// connection (token from the keychain, else the password again), or the
// first-run choice; the office server started when this computer hosts
// it; then the window. QSettings holds where to connect and as whom,
// never a token or a password.
class Startup : public QObject {
    Q_OBJECT

public:
    Startup(LaunchOptions options, QObject* parent = nullptr);
    ~Startup() override;

    void begin();

signals:
    // The app cannot go on (the user backed out, the demo failed).
    void finished(int exitCode);

private:
    void beginDemo();
    void firstRun(const QString& error = {});
    void connectTo(const QUrl& server, const QString& email, const QString& password,
                   const QString& identity);
    void hostOffice(const QString& dataDir, const QString& zone, const QString& email,
                    const QString& password);
    void resumeSaved();
    void resumeWith(const QString& email);
    void serveThen(const QString& dataDir, std::function<void(QUrl)> next);
    void signIn(const QUrl& server, const QString& identity, const QString& email,
                const QString& password, bool keepToken);
    void signInAgain(const QString& error);
    void open();
    void signOut();
    void fail(const QString& message);

    LaunchOptions m_options;
    SystemClock m_clock;
    std::unique_ptr<OfficeServer> m_office;
    std::unique_ptr<sync::TokenStore> m_tokens;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_keychainProblem;
    bool m_cacheKeyWarned = false;
    QUrl m_url;
    QString m_identity; // the server as named in the keychain and the cache file
    QString m_email;
};

} // namespace mss::desktop
