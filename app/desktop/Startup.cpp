#include "Startup.h"

#include "DeskSession.h"
#include "FirstRunDialog.h"
#include "MainWindow.h"
#include "OfficeServer.h"
#include "sync/TokenStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

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
    m_office->start(dataDir, [this, next](Result<QUrl> url) {
        if (!url) {
            fail(tr("The office server did not start: %1").arg(url.error().message));
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
            signIn(url, officeIdentity(dir), demoEmail, demoPassword, false);
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

void Startup::firstRun(const QString& error) {
    FirstRunDialog dialog;
    dialog.setError(error);
    if (dialog.exec() != QDialog::Accepted) {
        emit finished(0);
        return;
    }
    if (dialog.choice() == FirstRunDialog::Choice::Host) {
        hostOffice(dialog.dataDir(), dialog.timeZone(), dialog.adminEmail(),
                   dialog.adminPassword());
        return;
    }
    connectTo(dialog.serverUrl(), dialog.email(), dialog.password(),
              dialog.serverUrl().toString(QUrl::StripTrailingSlash));
}

void Startup::connectTo(const QUrl& server, const QString& email, const QString& password,
                        const QString& identity) {
    QSettings settings;
    settings.setValue(serverKey, server.toString());
    settings.setValue(emailKey, email);
    settings.remove(officeKey);
    signIn(server, identity, email, password, true);
}

void Startup::hostOffice(const QString& dataDir, const QString& zone, const QString& email,
                         const QString& password) {
    auto serve = [this, dataDir, email, password] {
        serveThen(dataDir, [this, dataDir, email, password](QUrl url) {
            QSettings settings;
            settings.setValue(officeKey, QDir(dataDir).absolutePath());
            settings.setValue(emailKey, email);
            settings.remove(serverKey);
            signIn(url, officeIdentity(dataDir), email, password, true);
        });
    };
    if (OfficeServer::holdsPractice(dataDir)) {
        serve(); // the practice is there already: sign in to it
        return;
    }
    m_office->createPractice(dataDir, zone, email, password, [this, serve](Result<QString> made) {
        if (!made)
            firstRun(tr("The practice could not be created: %1").arg(made.error().message));
        else
            serve();
    });
}

void Startup::signIn(const QUrl& server, const QString& identity, const QString& email,
                     const QString& password, bool keepToken) {
    m_url = server;
    m_identity = identity;
    m_email = email;
    m_session = std::make_unique<DeskSession>(server, email, m_clock);
    m_session->setServerIdentity(identity);
    // The demo practice's data is made up: its cache is not worth a
    // keychain prompt on a machine without one.
    if (!m_options.demo)
        m_session->setKeychain(m_tokens.get());
    m_session->signIn(password, [this, keepToken](Checked<void> done) {
        if (!done) {
            const QString why = done.error().front().message;
            if (m_options.demo)
                fail(why);
            else if (QSettings().contains(officeKey) || QSettings().contains(serverKey))
                signInAgain(why);
            else
                firstRun(why);
            return;
        }
        if (keepToken) {
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
                           if (done)
                               open();
                           else
                               signInAgain(done.error().front().message);
                       });
                   });
}

void Startup::signInAgain(const QString& error) {
    FirstRunDialog dialog;
    dialog.askPasswordFor(m_identity.startsWith(u"office:"_s) ? tr("this computer's office server")
                                                              : m_identity,
                          m_email);
    dialog.setError(error);
    if (dialog.exec() != QDialog::Accepted) {
        emit finished(0);
        return;
    }
    signIn(m_url, m_identity, m_email, dialog.password(), true);
}

void Startup::open() {
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(*m_session);
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
    }
    if (!m_keychainProblem.isEmpty()) {
        auto* box = new QMessageBox(
            QMessageBox::Warning, tr("Keychain unavailable"),
            tr("The system keychain cannot keep your sign-in (%1). You stay signed in until you "
               "quit; next time you will be asked for your password.")
                .arg(m_keychainProblem),
            QMessageBox::Ok, m_window.get());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        m_keychainProblem.clear();
    }
    if (m_session && !m_session->cacheKeyProblem().isEmpty() && !m_cacheKeyWarned) {
        m_cacheKeyWarned = true;
        auto* box = new QMessageBox(
            QMessageBox::Warning, tr("Keychain unavailable"),
            tr("The system keychain cannot keep the key of this computer's copy of the schedule "
               "(%1). Meeting links and passwords are kept unencrypted in it, readable only by "
               "your account, until the keychain is available.")
                .arg(m_session->cacheKeyProblem()),
            QMessageBox::Ok, m_window.get());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void Startup::signOut() {
    m_tokens->erase(sync::TokenStore::account(m_identity, m_email), [](Result<void>) {});
    m_session->api().get(u"/auth/logout"_s);
    QSettings().remove(u"connection"_s);
    m_window.reset();
    m_session.reset();
    m_office->stop();
    firstRun();
}

} // namespace mss::desktop
