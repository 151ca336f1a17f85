// The desk in Spanish: with a Spanish locale the app's own window (menus,
// status bar, the signed-in role, the sync state, the conflicts dock)
// reads in Spanish, not only the shared widgets.
#include "AppointmentBook.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "ServerProcess.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/Translations.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

QString plain(const QString& text) {
    return QString(text).remove(u'&');
}

} // namespace

class TestSpanishDesk : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void menusAreSpanish();
    void statusBarIsSpanish();
    void adminsSettingsMenuIsSpanish();

private:
    std::unique_ptr<MainWindow> open(const QString& email);

    ServerProcess m_server;
    QTemporaryDir m_cacheDir;
    SystemClock m_clock;
    std::vector<std::unique_ptr<DeskSession>> m_sessions;
    std::unique_ptr<MainWindow> m_window;
};

std::unique_ptr<MainWindow> TestSpanishDesk::open(const QString& email) {
    auto session =
        std::make_unique<DeskSession>(m_server.url(), email, m_clock, m_cacheDir.filePath(email));
    std::optional<Checked<void>> signedIn;
    session->signIn(u"mentalspace-demo"_s, [&](Checked<void> r) { signedIn = std::move(r); });
    if (!QTest::qWaitFor([&] { return signedIn.has_value(); }, 30'000) || !*signedIn)
        return nullptr;
    auto window = std::make_unique<MainWindow>(*session);
    m_sessions.push_back(std::move(session));
    return window;
}

void TestSpanishDesk::initTestCase() {
    // As main() does with the system's locale, before any widget.
    QVERIFY(ui::installTranslations(*qApp, QLocale(QLocale::Spanish, QLocale::Spain)));
    QVERIFY(m_server.demo());
    QVERIFY(m_server.start());
    m_window = open(u"frontdesk@demo.practice"_s);
    QVERIFY(m_window);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy synced(&m_sessions.front()->engine(), &sync::SyncEngine::syncFinished);
    m_window->start(3'600'000);
    QVERIFY(synced.wait(60'000));
    waitUntilIdle(m_sessions.front()->engine());
}

void TestSpanishDesk::cleanupTestCase() {
    m_window.reset();
    m_sessions.clear();
}

void TestSpanishDesk::menusAreSpanish() {
    QStringList titles;
    for (QAction* a : m_window->menuBar()->actions())
        titles << plain(a->text());
    QCOMPARE(titles, (QStringList{u"Archivo"_s, u"Edición"_s, u"Ver"_s, u"Agenda"_s, u"Ayuda"_s}));

    QStringList items;
    for (QAction* a : m_window->menuBar()->actions()) {
        for (QAction* item : a->menu()->actions()) {
            if (!item->isSeparator())
                items << plain(item->text());
        }
    }
    for (const QString& expected :
         {u"Imprimir la hoja del día…"_s, u"Cerrar sesión"_s, u"Salir"_s, u"Día"_s, u"Semana"_s,
          u"Profesionales"_s, u"Mes"_s, u"Hoy"_s, u"Nueva cita…"_s, u"Próximo hueco libre…"_s,
          u"Sincronizar ahora"_s, u"Acerca de MentalSpace Scheduler"_s, u"Deshacer"_s,
          u"Buscar una cita…"_s})
        QVERIFY2(items.contains(expected), qPrintable(items.join(u" | "_s)));
    // The conflicts dock's toggle in the View menu carries its title.
    QVERIFY2(items.contains(u"Conflictos de sincronización"_s), qPrintable(items.join(u" | "_s)));
    for (const QString& english :
         {u"File"_s, u"Print day sheet…"_s, u"New appointment…"_s, u"Sync now"_s, u"Sign out"_s,
          u"Undo"_s, u"Find an appointment…"_s})
        QVERIFY(!items.contains(english) && !QStringList(titles).contains(english));
}

void TestSpanishDesk::statusBarIsSpanish() {
    const QString user = m_window->findChild<QLabel*>(u"signedInAs"_s)->text();
    QVERIFY2(user.endsWith(u" · recepción"_s), qPrintable(user));
    const QString state = m_window->syncIndicator()->text();
    QVERIFY2(state.startsWith(u"En línea"_s), qPrintable(state));
    QCOMPARE(m_window->conflictDock()->windowTitle(), u"Conflictos de sincronización"_s);
    QCOMPARE(m_window->windowTitle(), u"MentalSpace Scheduler"_s);
}

void TestSpanishDesk::adminsSettingsMenuIsSpanish() {
    std::unique_ptr<MainWindow> admin = open(u"admin@demo.practice"_s);
    QVERIFY(admin);
    auto* settings = admin->findChild<QMenu*>(u"settingsMenu"_s);
    QVERIFY(settings);
    QCOMPARE(plain(settings->title()), u"Configuración"_s);
    QCOMPARE(plain(settings->actions().front()->text()), u"Recordatorios y confirmaciones…"_s);
    // Providers' hours are the administrators' and clinicians' (the front
    // desk's window above has no such item).
    QStringList items;
    for (QAction* a : admin->menuBar()->actions()) {
        for (QAction* item : a->menu()->actions())
            items << plain(item->text());
    }
    QVERIFY2(items.contains(u"Disponibilidad…"_s), qPrintable(items.join(u" | "_s)));
    const QString user = admin->findChild<QLabel*>(u"signedInAs"_s)->text();
    QVERIFY2(user.endsWith(u" · administración de la consulta"_s), qPrintable(user));
}

QTEST_MAIN(TestSpanishDesk)
#include "tst_spanishdesk.moc"
