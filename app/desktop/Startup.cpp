#include "Startup.h"

#include "DeskSession.h"
#include "FirstRunDialog.h"
#include "MainWindow.h"
#include "OfficeServer.h"
#include "sync/TokenStore.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

namespace mss::desktop {

using namespace Qt::StringLiterals;

namespace {

const QString demoEmail = u"frontdesk@demo.practice"_s;
const QString demoPassword = u"mentalspace-demo"_s;

const QString serverKey = u"connection/server"_s;
const QString emailKey = u"connection/email"_s;
const QString officeKey = u"connection/officeDataDir"_s;

QString officeIdentity(const QString& dataDir) {
    return u"office:"_s + QDir(dataDir).absolutePath();
}

void say(const QString& line) {
    QTextStream(stdout) << line << Qt::endl;
}

} // namespace

void setUpApplication(QApplication& app) {
    QApplication::setOrganizationName(u"MentalSpace"_s);
    QApplication::setApplicationName(u"mentalspace-scheduler"_s);
    QApplication::setApplicationDisplayName(u"MentalSpace Scheduler"_s);
    QApplication::setApplicationVersion(QStringLiteral(MSS_VERSION));
    QApplication::setDesktopFileName(u"mentalspace-scheduler"_s);
    QApplication::setWindowIcon(QIcon::fromTheme(u"mentalspace-scheduler"_s));
    // The welcome dialog is the only window until the calendar opens;
    // Startup ends the app when the calendar closes or the user backs out.
    QApplication::setQuitOnLastWindowClosed(false);
    ui::installTranslations(app); // the system's language, before any widget
}

LaunchOptions LaunchOptions::fromCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Startup", "The practice's calendar, offline or not."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        u"demo"_s,
        QCoreApplication::translate("Startup", "Open the demo practice as its front desk."));
    const QCommandLineOption dataDir(
        u"data-dir"_s, QCoreApplication::translate("Startup", "The demo practice's data folder."),
        u"dir"_s);
    const QCommandLineOption quit(
        u"quit-after-first-paint"_s,
        QCoreApplication::translate("Startup",
                                    "Exit once the synced calendar is painted, printing how many "
                                    "appointments it shows."));
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QCoreApplication::translate("Startup", "With --quit-after-first-paint: save the window as "
                                               "a PNG image first."),
        u"file"_s);
    parser.addOptions({demo, dataDir, quit, screenshot});
    parser.process(arguments);
    LaunchOptions options;
    options.demo = parser.isSet(demo);
    options.dataDir = parser.value(dataDir);
    options.quitAfterFirstPaint = parser.isSet(quit);
    options.screenshot = parser.value(screenshot);
    return options;
}

Startup::Startup(LaunchOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_office(std::make_unique<OfficeServer>())
    , m_tokens(std::make_unique<sync::TokenStore>()) {}

Startup::~Startup() {
    // The window before the session it shows, the server last.
    m_dialog.reset();
    m_window.reset();
    m_session.reset();
    m_office.reset();
}

void Startup::begin() {
    if (m_options.demo)
        beginDemo();
    else if (QSettings().contains(emailKey))
        resumeSaved();
    else
        firstRun();
}

void Startup::fail(const QString& message) {
    QTextStream(stderr) << "mentalspace-scheduler: " << message << Qt::endl;
    if (!m_options.quitAfterFirstPaint)
        QMessageBox::critical(nullptr, tr("MentalSpace Scheduler"), message);
    emit finished(1);
}

void Startup::serveThen(const QString& dataDir, std::function<void(QUrl)> next) {
    const QString dir = QDir(dataDir).absolutePath();
    if (m_office->isRunning() && m_officeDir == dir) {
        next(m_office->url()); // still up from an attempt that failed later
        return;
    }
    m_officeDir = dir;
    m_office->start(dir, [this, next](Result<QUrl> url) {
        if (!url) {
            m_officeDir.clear();
            const QString why = tr("The office server did not start: %1").arg(url.error().message);
            if (m_options.demo)
                fail(why);
            else
                firstRun(why, u"dataDir"_s);
            return;
        }
        next(*url);
    });
}

void Startup::beginDemo() {
    const QString dir =
        m_options.dataDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/demo"_s
            : QDir(m_options.dataDir).absolutePath();
    auto serve = [this, dir] {
        say(tr("Starting the demo practice's server on %1").arg(dir));
        serveThen(dir, [this, dir](QUrl url) {
            say(tr("Signing in to %1 as %2 (password %3)")
                    .arg(url.toString(), demoEmail, demoPassword));
            signIn(url, officeIdentity(dir), demoEmail, demoPassword, std::nullopt);
        });
    };
    if (OfficeServer::holdsPractice(dir)) {
        serve();
        return;
    }
    say(tr("Creating the demo practice in %1 …").arg(dir));
    m_office->createDemo(dir, [this, serve](Result<QString> made) {
        if (!made) {
            fail(tr("The demo practice could not be created: %1").arg(made.error().message));
            return;
        }
        serve();
    });
}

void Startup::showDialog(std::unique_ptr<FirstRunDialog> dialog) {
    closeDialog();
    m_dialog = std::move(dialog);
    connect(m_dialog.get(), &QDialog::rejected, this, [this] { emit finished(0); });
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void Startup::closeDialog() {
    if (!m_dialog)
        return;
    m_dialog->disconnect(this);
    m_dialog->hide();
    // It may be the sender of what brought us here.
    m_dialog.release()->deleteLater();
}

void Startup::firstRun(const QString& error, const QString& field) {
    if (m_dialog && !m_dialog->isHidden() && !m_dialog->asksPasswordOnly()) {
        // The welcome dialog is up: it says why and keeps what was typed.
        m_dialog->failed(error, field);
        return;
    }
    auto dialog = std::make_unique<FirstRunDialog>();
    dialog->setError(error);
    connect(dialog.get(), &FirstRunDialog::submitted, this, &Startup::submitted);
    showDialog(std::move(dialog));
}

void Startup::submitted() {
    FirstRunDialog& d = *m_dialog;
    if (d.choice() == FirstRunDialog::Choice::Host) {
        d.setBusy(true, d.dataDirHoldsPractice() ? tr("Starting the office server…")
                                                 : tr("Creating the practice…"));
        hostOffice(d.dataDir(), d.timeZone(), d.adminEmail(), d.adminPassword());
        return;
    }
    d.setBusy(true, tr("Signing in to %1… The system keychain may ask for its password.")
                        .arg(d.serverUrl().host()));
    // A desk that hosted the office before and now connects elsewhere.
    m_office->stop();
    m_officeDir.clear();
    const QUrl server = d.serverUrl();
    signIn(server, server.toString(QUrl::StripTrailingSlash), d.email(), d.password(),
           Remember{server.toString(), {}});
}

void Startup::hostOffice(const QString& dataDir, const QString& zone, const QString& email,
                         const QString& password) {
    auto serve = [this, dataDir, email, password] {
        if (m_dialog)
            m_dialog->setBusy(true, tr("Starting the office server…"));
        serveThen(dataDir, [this, dataDir, email, password](QUrl url) {
            if (m_dialog)
                m_dialog->setBusy(true, tr("Signing in…"));
            signIn(url, officeIdentity(dataDir), email, password,
                   Remember{{}, QDir(dataDir).absolutePath()});
        });
    };
    if (OfficeServer::holdsPractice(dataDir)) {
        serve(); // the practice is there already: sign in to it
        return;
    }
    m_office->createPractice(dataDir, zone, email, password, [this, serve](Result<QString> made) {
        if (!made)
            firstRun(tr("The practice could not be created: %1").arg(made.error().message),
                     u"dataDir"_s);
        else
            serve();
    });
}

void Startup::signIn(const QUrl& server, const QString& identity, const QString& email,
                     const QString& password, std::optional<Remember> remember) {
    m_url = server;
    m_identity = identity;
    m_email = email;
    dropSession();
    m_session = std::make_unique<DeskSession>(server, email, m_clock);
    m_session->setServerIdentity(identity);
    // The demo practice's data is made up: its cache is not worth a
    // keychain prompt on a machine without one.
    if (!m_options.demo)
        m_session->setKeychain(m_tokens.get());
    m_session->signIn(password, [this, remember](Checked<void> done) {
        if (!done) {
            signInFailed(done.error().front().message, done.error().front().field);
            return;
        }
        if (remember) {
            QSettings settings;
            settings.remove(u"connection"_s);
            if (!remember->server.isEmpty())
                settings.setValue(serverKey, remember->server);
            if (!remember->officeDir.isEmpty())
                settings.setValue(officeKey, remember->officeDir);
            settings.setValue(emailKey, m_email);
        }
        if (!m_options.demo) {
            m_tokens->save(sync::TokenStore::account(m_identity, m_email), m_session->token(),
                           [this](Result<void> saved) {
                               if (saved)
                                   return;
                               m_keychainProblem = saved.error().message;
                               if (m_window)
                                   open(); // only says so; the window is up
                           });
        }
        open();
    });
}

void Startup::dropSession() {
    // Called from the session's own callbacks: it goes once they return.
    if (m_session)
        m_session.release()->deleteLater();
}

void Startup::signInFailed(const QString& why, const QString& field) {
    dropSession();
    if (m_options.demo)
        fail(why);
    else if (m_dialog && !m_dialog->isHidden())
        m_dialog->failed(why, field);
    else
        signInAgain(why);
}

void Startup::resumeSaved() {
    QSettings settings;
    const QString email = settings.value(emailKey).toString();
    const QString office = settings.value(officeKey).toString();
    if (!office.isEmpty()) {
        serveThen(office, [this, office, email](QUrl url) {
            m_url = url;
            m_identity = officeIdentity(office);
            resumeWith(email);
        });
        return;
    }
    m_url = QUrl(settings.value(serverKey).toString());
    m_identity = m_url.toString(QUrl::StripTrailingSlash);
    resumeWith(email);
}

void Startup::resumeWith(const QString& email) {
    m_email = email;
    m_tokens->load(sync::TokenStore::account(m_identity, email),
                   [this](Result<std::optional<QString>> token) {
                       if (!token)
                           m_keychainProblem = token.error().message;
                       if (!token || !*token) {
                           signInAgain(tr("Please sign in."));
                           return;
                       }
                       m_session = std::make_unique<DeskSession>(m_url, m_email, m_clock);
                       m_session->setServerIdentity(m_identity);
                       m_session->setKeychain(m_tokens.get());
                       m_session->resume(**token, [this](Checked<void> done) {
                           if (done) {
                               open();
                               return;
                           }
                           dropSession();
                           signInAgain(done.error().front().message);
                       });
                   });
}

void Startup::signInAgain(const QString& error) {
    auto dialog = std::make_unique<FirstRunDialog>();
    dialog->askPasswordFor(m_identity.startsWith(u"office:"_s) ? tr("this computer's office server")
                                                               : m_identity,
                           m_email);
    dialog->setError(error);
    connect(dialog.get(), &FirstRunDialog::submitted, this, [this] {
        m_dialog->setBusy(true, tr("Signing in…"));
        signIn(m_url, m_identity, m_email, m_dialog->password(), Remember{});
    });
    showDialog(std::move(dialog));
}

void Startup::open() {
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(*m_session);
        // The calendar closed (its close box, File > Quit) once the user
        // did not stay for unsent changes: the app is done.
        connect(m_window.get(), &MainWindow::closing, this,
                [this] { QTimer::singleShot(0, this, [this] { emit finished(0); }); });
        if (!m_officeDir.isEmpty())
            m_window->watchOfficeServer(*m_office);
        connect(m_window.get(), &MainWindow::signOutRequested, this, &Startup::signOut,
                Qt::QueuedConnection);
        if (m_options.quitAfterFirstPaint) {
            connect(m_window.get(), &MainWindow::calendarPainted, this, [this](int count) {
                if (!m_options.screenshot.isEmpty())
                    m_window->grab().save(m_options.screenshot);
                say(tr("First paint: %n appointment(s) on screen", nullptr, count));
                emit finished(0);
            });
        }
        m_window->show();
        m_window->start();
        closeDialog();
    }
    QStringList problems;
    if (!m_keychainProblem.isEmpty()) {
        problems << tr("The system keychain cannot keep your sign-in (%1). You stay signed in "
                       "until you quit; next time you will be asked for your password.")
                        .arg(m_keychainProblem);
        m_keychainProblem.clear();
    }
    if (m_session && !m_session->cacheKeyProblem().isEmpty() && !m_cacheKeyWarned) {
        m_cacheKeyWarned = true;
        problems << tr("The system keychain cannot keep the key of this computer's copy of the "
                       "schedule (%1). Meeting links and passwords are kept unencrypted in it, "
                       "readable only by your account, until the keychain is available.")
                        .arg(m_session->cacheKeyProblem());
    }
    if (problems.isEmpty())
        return;
    // One box for all of it: two window-modal boxes over one window block
    // each other.
    if (m_keychainBox) {
        m_keychainBox->setText(m_keychainBox->text() + u"\n\n"_s + problems.join(u"\n\n"_s));
        return;
    }
    m_keychainBox = new QMessageBox(QMessageBox::Warning, tr("Keychain unavailable"),
                                    problems.join(u"\n\n"_s), QMessageBox::Ok, m_window.get());
    m_keychainBox->setAttribute(Qt::WA_DeleteOnClose);
    m_keychainBox->open();
}

void Startup::signOut() {
    m_tokens->erase(sync::TokenStore::account(m_identity, m_email), [](Result<void>) {});
    const QUrl lastServer = m_identity.startsWith(u"office:"_s) ? QUrl() : m_url;
    const QString lastOffice = m_officeDir;
    QSettings().remove(u"connection"_s);
    m_window->disconnect(this);
    m_window.reset();
    // The server ends the session; the desk's goes once it has answered
    // (or could not be reached).
    DeskSession* ended = m_session.release();
    connect(ended->api().get(u"/auth/logout"_s), &sync::ApiCall::finished, ended,
            &QObject::deleteLater);
    m_office->stop();
    m_officeDir.clear();
    firstRun();
    // The next person most likely signs in to the same practice.
    if (!lastOffice.isEmpty())
        m_dialog->presetHost(lastOffice);
    else if (!lastServer.isEmpty())
        m_dialog->presetServer(lastServer);
}

} // namespace mss::desktop
