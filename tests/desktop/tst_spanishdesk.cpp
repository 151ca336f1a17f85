// The desk in Spanish: with a Spanish locale the app's own window (menus,
// status bar, the signed-in role, the sync state, the conflicts dock)
// reads in Spanish, not only the shared widgets; so do the booking dialog
// ("hasta las 9:50", one name for the next open slot), Qt's own file
// dialog (qtbase_es) and the day sheet's print preview.
#include "AppointmentBook.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "ServerProcess.h"
#include "ui/AppointmentDialog.h"
#include "ui/CalendarWidget.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/Translations.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

QString plain(const QString& text) {
    return QString(text).remove(u'&');
}

// Every word a person reads in a widget and its children: labels, buttons,
// tool tips, list entries and column headers.
QStringList wordsOn(QWidget* top) {
    QStringList out;
    QList<QWidget*> widgets = top->findChildren<QWidget*>();
    widgets.prepend(top);
    for (QWidget* w : std::as_const(widgets)) {
        if (!w->isVisibleTo(top))
            continue;
        if (!w->toolTip().isEmpty())
            out << w->toolTip();
        if (auto* label = qobject_cast<QLabel*>(w))
            out << label->text();
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            out << plain(button->text());
        if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                out << combo->itemText(i);
        }
        if (auto* tree = qobject_cast<QTreeView*>(w); tree && tree->model()) {
            for (int c = 0; c < tree->model()->columnCount(tree->rootIndex()); ++c)
                out << tree->model()->headerData(c, Qt::Horizontal).toString();
        }
    }
    for (QAction* a : top->findChildren<QAction*>()) {
        out << plain(a->text());
        if (!a->toolTip().isEmpty())
            out << plain(a->toolTip());
    }
    out.removeAll(QString());
    return out;
}

// What Qt's own file and print preview dialogs say in English.
const QStringList qtEnglish{
    u"Look in:"_s,
    u"File name:"_s,
    u"Files of type:"_s,
    u"Save"_s,
    u"Cancel"_s,
    u"Name"_s,
    u"Size"_s,
    u"Type"_s,
    u"Date Modified"_s,
    u"Back"_s,
    u"Forward"_s,
    u"Parent Directory"_s,
    u"Create New Folder"_s,
    u"List View"_s,
    u"Detail View"_s,
    u"Print"_s,
    u"Page setup"_s,
    u"Zoom in"_s,
    u"Zoom out"_s,
    u"Portrait"_s,
    u"Landscape"_s,
    u"First page"_s,
    u"Last page"_s,
    u"Next page"_s,
    u"Previous page"_s,
    u"Close"_s,
    u"Fit width"_s,
    u"Fit page"_s,
    u"Show single page"_s,
    u"Show facing pages"_s,
    u"Show overview of all pages"_s,
    u"Print Preview"_s,
};

} // namespace

class TestSpanishDesk : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void menusAreSpanish();
    void statusBarIsSpanish();
    void adminsSettingsMenuIsSpanish();
    void bookingDialogSaysHastaLasAndOneNameForTheNextSlot();
    void saveDialogIsSpanishAndOpensInDocuments();
    void printPreviewIsSpanishAndShowsTheSheet();

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

void TestSpanishDesk::bookingDialogSaysHastaLasAndOneNameForTheNextSlot() {
    QString until;
    QString nextSlot;
    QString nextSlotTip;
    whenDialogOpens<ui::AppointmentDialog>([&](ui::AppointmentDialog* dialog) {
        for (QLabel* label : dialog->findChildren<QLabel*>()) {
            if (label->text().startsWith(u"hasta"_s))
                until = label->text();
        }
        nextSlot = plain(dialog->nextSlotButton()->text());
        nextSlotTip = dialog->nextSlotButton()->toolTip();
        dialog->reject();
    });
    m_window->book()->newAppointment();
    // "hasta las 9:50"; "hasta la 1:50" for the one o'clock hour.
    const auto match = QRegularExpression(u"^hasta (las?) (\\d{1,2}):\\d\\d$"_s).match(until);
    QVERIFY2(match.hasMatch(), qPrintable(until));
    QCOMPARE(match.captured(1), match.captured(2).toInt() == 1 ? u"la"_s : u"las"_s);
    // The button, its tip and the Schedule menu call it by one name.
    QCOMPARE(nextSlot, u"Próximo hueco libre"_s);
    QVERIFY2(nextSlotTip.contains(u"próximo hueco libre"_s), qPrintable(nextSlotTip));
    QVERIFY(menuItem(*m_window, u"Próximo hueco libre…"_s));
}

void TestSpanishDesk::saveDialogIsSpanishAndOpensInDocuments() {
    QAction* exportPdf = menuItem(*m_window, u"Exportar la hoja del día a PDF…"_s);
    QVERIFY(exportPdf);
    QStringList words;
    QString directory;
    QString title;
    whenDialogOpens<QFileDialog>([&](QFileDialog* dialog) {
        QTest::qWait(50); // its list of files is filled after it shows
        words = wordsOn(dialog);
        directory = dialog->directory().absolutePath();
        title = dialog->windowTitle();
        dialog->reject();
    });
    exportPdf->trigger();
    QCOMPARE(title, u"Exportar la hoja del día"_s);
    QCOMPARE(
        directory,
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).absolutePath());
    QVERIFY2(words.contains(u"Guardar"_s), qPrintable(words.join(u" | "_s)));
    for (const QString& english : qtEnglish)
        QVERIFY2(!words.contains(english), qPrintable(english + u" in "_s + words.join(u" | "_s)));
}

void TestSpanishDesk::printPreviewIsSpanishAndShowsTheSheet() {
    QAction* preview = menuItem(*m_window, u"Vista previa de la hoja del día…"_s);
    QVERIFY(preview);
    QStringList words;
    int pages = 0;
    int ink = 0;
    QString title;
    whenDialogOpens<QPrintPreviewDialog>([&](QPrintPreviewDialog* dialog) {
        auto* widget = dialog->findChild<QPrintPreviewWidget*>();
        if (widget) {
            widget->updatePreview();
            pages = widget->pageCount();
            // The page at its width, as a person reads it: dark text on it.
            widget->fitToWidth();
            auto* view = widget->findChild<QGraphicsView*>();
            const QImage shown = (view ? view->viewport() : widget)->grab().toImage();
            // The page is the white on the preview's grey; ink is what is
            // dark inside it (its shadow is outside).
            QRect page;
            for (int y = 0; y < shown.height(); ++y) {
                for (int x = 0; x < shown.width(); ++x) {
                    if (shown.pixel(x, y) == qRgb(255, 255, 255))
                        page |= QRect(x, y, 1, 1);
                }
            }
            page.adjust(3, 3, -3, -3);
            for (int y = page.top(); y <= page.bottom(); ++y) {
                for (int x = page.left(); x <= page.right(); ++x)
                    ink += qGray(shown.pixel(x, y)) < 100 ? 1 : 0;
            }
        }
        words = wordsOn(dialog);
        title = dialog->windowTitle();
        dialog->reject();
    });
    preview->trigger();
    QVERIFY2(title.startsWith(u"Hoja del día de "_s), qPrintable(title));
    QCOMPARE(pages, 1);
    QVERIFY2(ink > 200, qPrintable(QString::number(ink))); // the sheet's text, not a blank page
    for (const QString& english : qtEnglish)
        QVERIFY2(!words.contains(english), qPrintable(english + u" in "_s + words.join(u" | "_s)));
}

QTEST_MAIN(TestSpanishDesk)
#include "tst_spanishdesk.moc"
