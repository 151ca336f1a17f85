// The desk's first run in-process, with the QApplication set up exactly as
// main() sets it up (setUpApplication) and run by QApplication::exec(), so
// anything that would end the real app ends this test's event loop too:
// connect (a wrong password, an unreachable server, then the right one),
// host a new practice and open an existing one, the next start without a
// keychain, sign out and in as someone else, and Cancel. Each scenario is a
// list of steps, each waiting for what a person would see before acting.
// tests/typed/first-run does the same to the real executable under Xvfb.
#include "FirstRunDialog.h"
#include "MainWindow.h"
#include "ServerProcess.h"
#include "Startup.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using mss::desktop::FirstRunDialog;
using mss::desktop::Startup;
using mss::test::ServerProcess;

namespace {

struct Step {
    QString what;                // what a person waits to see
    std::function<bool()> ready; // when they see it
    std::function<void()> act;   // what they do then
};

// Runs Startup inside QApplication::exec() until it says the app is done.
// Returns exec()'s exit code; `done` is how many steps ran.
int run(Startup& startup, const QList<Step>& steps, int& done, QString& stuck,
        int timeoutMs = 90'000) {
    done = 0;
    QTimer poll;
    poll.setInterval(30);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (done < steps.size() && steps[done].ready()) {
            steps[done].act();
            ++done;
        } else if (clock.elapsed() > timeoutMs) {
            stuck = done < steps.size() ? steps[done].what : u"the app to end"_s;
            QCoreApplication::exit(99);
        }
    });
    QObject::connect(&startup, &Startup::finished, qApp, &QCoreApplication::exit);
    poll.start();
    QTimer::singleShot(0, &startup, &Startup::begin);
    return QApplication::exec();
}

#define RUN(startup, steps, expected)                                                              \
    do {                                                                                           \
        int done_ = 0;                                                                             \
        QString stuck_;                                                                            \
        const int code_ = run(startup, steps, done_, stuck_);                                      \
        QVERIFY2(stuck_.isEmpty(), qPrintable(u"waited in vain for: "_s + stuck_));                \
        if (done_ < (steps).size())                                                                \
            QFAIL(qPrintable(u"the app ended before: "_s + (steps)[done_].what));                  \
        QCOMPARE(code_, expected);                                                                 \
    } while (false)

QLineEdit* field(FirstRunDialog* d, const char* name) {
    auto* edit = d->findChild<QLineEdit*>(QString::fromLatin1(name));
    if (!edit)
        qFatal("no field %s", name);
    return edit;
}

QString shownError(FirstRunDialog* d) {
    return d->error();
}

bool dialogUp(const Startup& s) {
    return s.dialog() && s.dialog()->isVisible() && !s.dialog()->isBusy();
}

bool calendarUp(const Startup& s) {
    return s.window() && s.window()->isVisible() && !s.dialog();
}

void type(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT

private slots:
    void init();
    void appKeepsRunningWithoutVisibleWindows();
    void connectThroughMistakes();
    void nextStartAsksForThePasswordAndSignOutSwitchesUser();
    void cancelEndsTheApp();
    void hostNewPracticeThenOpenItAsExistingFolder();

private:
    ServerProcess m_server;
    bool m_serverUp = false;
};

void TestFirstRun::init() {
    if (!m_serverUp) {
        QVERIFY(m_server.init());
        QVERIFY(m_server.addUser(u"desk@example.org"_s, u"RECEPTIONIST"_s, "desk password 12"));
        QVERIFY(m_server.start());
        m_serverUp = true;
    }
}

void TestFirstRun::appKeepsRunningWithoutVisibleWindows() {
    // The welcome dialog closes before the calendar opens: main()'s app
    // must not quit there.
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    QCOMPARE(QApplication::applicationVersion(), QStringLiteral(MSS_VERSION));
}

void TestFirstRun::connectThroughMistakes() {
    QSettings().clear();
    Startup startup({});
    const QString admin = QString::fromLatin1(ServerProcess::adminEmail);
    const QString password = QString::fromLatin1(ServerProcess::adminPassword);
    const QList<Step> steps{
        {u"the welcome dialog"_s, [&] { return dialogUp(startup); },
         [&] {
             FirstRunDialog* d = startup.dialog();
             QVERIFY(field(d, "serverAddress")->hasFocus() || !d->isActiveWindow());
             type(field(d, "serverAddress"), u"http://127.0.0.1:9"_s);
             type(field(d, "email"), admin);
             type(field(d, "password"), u"not the password"_s);
             d->okButton()->click();
         }},
        {u"the unreachable server named"_s,
         [&] { return dialogUp(startup) && !shownError(startup.dialog()).isEmpty(); },
         [&] {
             FirstRunDialog* d = startup.dialog();
             QVERIFY2(shownError(d).contains(u"cannot be reached"_s), qPrintable(shownError(d)));
             // What was typed is kept.
             QCOMPARE(field(d, "email")->text(), admin);
             QCOMPARE(field(d, "password")->text(), u"not the password"_s);
             type(field(d, "serverAddress"), m_server.url().toString());
             d->okButton()->click();
         }},
        {u"the wrong password named"_s,
         [&] { return dialogUp(startup) && shownError(startup.dialog()).contains(u"password"_s); },
         [&] {
             FirstRunDialog* d = startup.dialog();
             QCOMPARE(field(d, "serverAddress")->text(), m_server.url().toString());
             // Nothing is remembered until a sign-in works.
             QVERIFY(!QSettings().contains(u"connection/email"_s));
             type(field(d, "password"), password);
             d->okButton()->click();
         }},
        {u"the calendar"_s, [&] { return calendarUp(startup); },
         [&] {
             QCOMPARE(QSettings().value(u"connection/email"_s).toString(), admin);
             startup.window()->close();
         }},
    };
    RUN(startup, steps, 0);
}

void TestFirstRun::nextStartAsksForThePasswordAndSignOutSwitchesUser() {
    // Remembered by the scenario above; there is no keychain here, so the
    // token was not kept and the password is asked again.
    QSettings settings;
    settings.setValue(u"connection/server"_s, m_server.url().toString());
    settings.setValue(u"connection/email"_s, QString::fromLatin1(ServerProcess::adminEmail));
    settings.remove(u"connection/officeDataDir"_s);
    Startup startup({});
    const QList<Step> steps{
        {u"the sign-in-again dialog"_s,
         [&] { return dialogUp(startup) && startup.dialog()->asksPasswordOnly(); },
         [&] {
             FirstRunDialog* d = startup.dialog();
             QCOMPARE(field(d, "email")->text(), QString::fromLatin1(ServerProcess::adminEmail));
             type(field(d, "password"), QString::fromLatin1(ServerProcess::adminPassword));
             d->okButton()->click();
         }},
        {u"the calendar"_s, [&] { return calendarUp(startup); },
         [&] {
             // File > Sign out.
             const auto actions = startup.window()->menuBar()->actions().front()->menu()->actions();
             for (QAction* a : actions) {
                 if (a->text().remove(u'&') == u"Sign out"_s)
                     a->trigger();
             }
         }},
        {u"the welcome dialog after signing out"_s,
         [&] { return dialogUp(startup) && !startup.window(); },
         [&] {
             FirstRunDialog* d = startup.dialog();
             QVERIFY(!d->asksPasswordOnly());
             // The same server, filled in for the next person.
             QCOMPARE(field(d, "serverAddress")->text(), m_server.url().toString());
             QVERIFY(!QSettings().contains(u"connection/email"_s));
             type(field(d, "email"), u"desk@example.org"_s);
             type(field(d, "password"), u"desk password 12"_s);
             d->okButton()->click();
         }},
        {u"the front desk's calendar"_s, [&] { return calendarUp(startup); },
         [&] {
             QCOMPARE(QSettings().value(u"connection/email"_s).toString(), u"desk@example.org"_s);
             auto* who = startup.window()->findChild<QLabel*>(u"signedInAs"_s);
             QVERIFY(who);
             QVERIFY2(who->text().contains(u"receptionist"_s, Qt::CaseInsensitive),
                      qPrintable(who->text()));
             startup.window()->close();
         }},
    };
    RUN(startup, steps, 0);
}

void TestFirstRun::cancelEndsTheApp() {
    QSettings().clear();
    Startup startup({});
    const QList<Step> steps{
        {u"the welcome dialog"_s, [&] { return dialogUp(startup); },
         [&] { QTest::keyClick(startup.dialog(), Qt::Key_Escape); }},
    };
    RUN(startup, steps, 0);
    QVERIFY(!QSettings().contains(u"connection/email"_s));
}

void TestFirstRun::hostNewPracticeThenOpenItAsExistingFolder() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString dir = folder.filePath(u"office"_s);
    const QString admin = u"owner@office.example"_s;
    const QString password = u"a long office password"_s;
    {
        QSettings().clear();
        Startup startup({});
        const QList<Step> steps{
            {u"the welcome dialog"_s, [&] { return dialogUp(startup); },
             [&] {
                 FirstRunDialog* d = startup.dialog();
                 d->hostChoice()->click();
                 type(field(d, "dataFolder"), dir);
                 QVERIFY(!d->dataDirHoldsPractice());
                 type(field(d, "adminEmail"), admin);
                 type(field(d, "adminPassword"), password);
                 type(field(d, "repeatPassword"), u"a long office passwort"_s);
                 QVERIFY(!d->okButton()->isEnabled()); // the two passwords differ
                 type(field(d, "repeatPassword"), password);
                 QVERIFY(d->okButton()->isEnabled());
                 d->okButton()->click();
             }},
            {u"the new practice's calendar"_s, [&] { return calendarUp(startup); },
             [&] {
                 QVERIFY(QFile::exists(dir + u"/mentalspace.db"_s));
                 startup.window()->close();
             }},
        };
        RUN(startup, steps, 0);
    }
    {
        // Another desk account on this computer opens the same folder.
        QSettings().clear();
        Startup startup({});
        const QList<Step> steps{
            {u"the welcome dialog"_s, [&] { return dialogUp(startup); },
             [&] {
                 FirstRunDialog* d = startup.dialog();
                 d->hostChoice()->click();
                 type(field(d, "dataFolder"), dir);
                 QVERIFY(d->dataDirHoldsPractice());
                 QVERIFY(!field(d, "repeatPassword")->isVisible());
                 type(field(d, "adminEmail"), admin);
                 type(field(d, "adminPassword"), u"wrong"_s);
                 d->okButton()->click();
             }},
            {u"the wrong password named"_s,
             [&] {
                 return dialogUp(startup) && shownError(startup.dialog()).contains(u"password"_s);
             },
             [&] {
                 type(field(startup.dialog(), "adminPassword"), password);
                 startup.dialog()->okButton()->click();
             }},
            {u"the practice's calendar"_s, [&] { return calendarUp(startup); },
             [&] {
                 QCOMPARE(QSettings().value(u"connection/officeDataDir"_s).toString(),
                          QDir(dir).absolutePath());
                 startup.window()->close();
             }},
        };
        RUN(startup, steps, 0);
    }
}

int main(int argc, char* argv[]) {
    // A throw-away home for settings and caches, no keychain (a bus that
    // cannot be reached), and the server built beside this test.
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + u"/config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + u"/data"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", (home.path() + u"/cache"_s).toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    qputenv("MSS_SERVER_PROGRAM", MSS_SERVER_BINARY);
    QApplication app(argc, argv);
    mss::desktop::setUpApplication(app); // as main() does
    TestFirstRun test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_firstrun.moc"
