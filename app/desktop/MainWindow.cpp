#include "MainWindow.h"

#include "CalendarFeedDialog.h"
#include "PracticeFeedsDialog.h"

#include "AppointmentBook.h"
#include "ClientSearch.h"
#include "DeskSession.h"
#include "OfficeServer.h"
#include "ReminderSettingsDialog.h"
#include "ui/AppointmentSearchField.h"
#include "ui/CalendarWidget.h"
#include "ui/DaySheet.h"
#include "ui/DayView.h"
#include "ui/LocalText.h"
#include "ui/MonthView.h"
#include "ui/ProviderView.h"
#include "ui/SyncConflictPanel.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/WeekView.h"
#include "WaitlistPanel.h"

#include <QAbstractScrollArea>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrintPreviewDialog>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace mss::desktop {

using namespace Qt::StringLiterals;
using sync::SyncEngine;

MainWindow::MainWindow(DeskSession& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session) {
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("MentalSpace Scheduler"));
    setWindowIcon(QIcon(u":/icons/mentalspace-scheduler.svg"_s));

    m_calendar = new ui::CalendarWidget(session.clock(), this);
    m_book = new AppointmentBook(session, *m_calendar, this);
    m_banner = new ui::OfflineBanner(this);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_calendar, 1);
    setCentralWidget(central);

    m_indicator = new ui::SyncStatusIndicator(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("Loading the schedule… %v"));
    m_progress->hide();
    m_user = new QLabel(this);
    const RolePermissions& permissions = session.permissions();
    m_user->setObjectName(u"signedInAs"_s);
    m_user->setText(
        tr("%1 · %2").arg(session.me().displayName(), RolePermissions::roleName(permissions.role)));
    statusBar()->addWidget(m_user);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_indicator);

    m_conflicts = new ui::SyncConflictPanel(this);
    m_conflictDock = new QDockWidget(tr("Sync conflicts"), this);
    m_conflictDock->setObjectName(u"conflictDock"_s);
    m_conflictDock->setWidget(m_conflicts);
    addDockWidget(Qt::RightDockWidgetArea, m_conflictDock);
    m_conflictDock->hide();

    m_waitlist = new WaitlistPanel(session, *m_book, *m_calendar, this);
    m_waitlistDock = new QDockWidget(tr("Waitlist"), this);
    m_waitlistDock->setObjectName(u"waitlistDock"_s);
    m_waitlistDock->setWidget(m_waitlist);
    addDockWidget(Qt::RightDockWidgetArea, m_waitlistDock);
    m_waitlistDock->hide();
    m_waitlistAction = m_waitlistDock->toggleViewAction();
    m_waitlistAction->setText(tr("&Waitlist"));
    m_waitlistAction->setObjectName(u"waitlistAction"_s);
    m_waitlistAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_waitlistNote = new QLabel(this);
    m_waitlistNote->setObjectName(u"waitlistUnavailable"_s);
    statusBar()->addPermanentWidget(m_waitlistNote);
    connect(m_waitlist, &WaitlistPanel::told, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_waitlistDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_waitlist->list()->setFocus(Qt::ShortcutFocusReason);
    });
    // Until the server says, what it said last time.
    offerWaitlist(session.cache().syncState(u"waitlist"_s).value_or(QString()) == "yes"_L1);
    m_waitlistNote->hide();

    m_calendar->setAllowedActions(permissions.calendarActions);
    m_calendar->setChecker([this](const domain::Appointment& a) {
        const sync::BookingCheck c = m_session.schedule().check(a);
        return ui::BookingCheck{c.conflicts, c.outsideAvailability};
    });
    m_calendar->setMode(ui::CalendarMode::Week);
    m_book->loadDirectory();
    if (permissions.opensOnOwnSchedule)
        m_calendar->setProvider(session.me().id());

    for (QWidget* view : {static_cast<QWidget*>(m_calendar->dayView()),
                          static_cast<QWidget*>(m_calendar->weekView()),
                          static_cast<QWidget*>(m_calendar->providerView()),
                          static_cast<QWidget*>(m_calendar->monthView())}) {
        view->installEventFilter(this);
        if (auto* area = qobject_cast<QAbstractScrollArea*>(view))
            area->viewport()->installEventFilter(this);
    }

    // Cancelled appointments step aside unless the user asked to see them
    // (View > Show cancelled, remembered on this computer).
    m_showCancelled = new QAction(tr("Show &cancelled"), this);
    m_showCancelled->setObjectName(u"showCancelledAction"_s);
    m_showCancelled->setCheckable(true);
    m_showCancelled->setToolTip(tr("Show cancelled appointments on the calendar"));
    m_showCancelled->setChecked(QSettings().value(u"calendar/showCancelled"_s, false).toBool());
    m_calendar->setShowCancelled(m_showCancelled->isChecked());
    connect(m_showCancelled, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(u"calendar/showCancelled"_s, on);
        m_calendar->setShowCancelled(on);
    });
    connect(m_calendar, &ui::CalendarWidget::filterChanged, m_showCancelled,
            [this](const ui::CalendarFilter& f) { m_showCancelled->setChecked(f.showCancelled); });

    buildSearch();
    buildUndo();
    buildMenus();
    connectSession();
    resize(1280, 820);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildSearch() {
    QToolBar* bar = addToolBar(tr("Find"));
    bar->setObjectName(u"findBar"_s);
    bar->setMovable(false);
    m_search = new ui::AppointmentSearchField(bar);
    m_search->setSearcher([this](const QString& typed) {
        return findByClientName(m_session, m_book->model(), typed);
    });
    bar->addWidget(m_search);
    bar->addSeparator();
    bar->addAction(m_showCancelled);
    connect(m_search, &ui::AppointmentSearchField::appointmentChosen, this,
            [this](const ui::AppointmentSearchHit& hit) {
                if (!m_calendar->showAppointment(hit.id, hit.date, hit.provider))
                    statusBar()->showMessage(tr("That appointment is no longer in the schedule."),
                                             8000);
            });
}

void MainWindow::buildUndo() {
    UndoHistory& history = m_book->undoHistory();
    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setObjectName(u"undoAction"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    connect(m_undoAction, &QAction::triggered, m_book, &AppointmentBook::undoLast);
    m_undoButton = new QPushButton(tr("Undo"), this);
    m_undoButton->setObjectName(u"undoButton"_s);
    m_undoButton->setFlat(true);
    m_undoButton->hide();
    connect(m_undoButton, &QPushButton::clicked, m_book, &AppointmentBook::undoLast);
    // Permanent, so the message does not hide it; shown only beside the
    // message of the action it undoes.
    statusBar()->addPermanentWidget(m_undoButton);
    connect(&history, &UndoHistory::changed, this, [this, &history] {
        m_undoAction->setEnabled(history.canUndo());
        m_undoAction->setText(history.canUndo() ? history.nextText() : tr("&Undo"));
    });
    connect(&history, &UndoHistory::recorded, this, [this] {
        m_undoableMessage = statusBar()->currentMessage();
        m_undoButton->setToolTip(m_book->undoHistory().nextText().remove(u'&'));
        m_undoButton->setVisible(!m_undoableMessage.isEmpty());
    });
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        m_undoButton->setVisible(!message.isEmpty() && message == m_undoableMessage);
    });
}

void MainWindow::buildMenus() {
    const RolePermissions& permissions = m_session.permissions();
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Print day sheet…"), QKeySequence::Print, this, &MainWindow::printDaySheet);
    file->addAction(tr("Print pre&view of the day sheet…"), this, &MainWindow::previewDaySheet);
    file->addAction(tr("&Export day sheet to PDF…"), this, &MainWindow::exportDaySheet);
    file->addSeparator();
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    auto* modes = new QActionGroup(this);
    const std::pair<ui::CalendarMode, QString> entries[] = {
        {ui::CalendarMode::Day, tr("&Day")},
        {ui::CalendarMode::Week, tr("&Week")},
        {ui::CalendarMode::Providers, tr("&Providers")},
        {ui::CalendarMode::Month, tr("&Month")}};
    int key = Qt::Key_1;
    for (const auto& [mode, text] : entries) {
        QAction* action = view->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_calendar->mode() == mode);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
        modes->addAction(action);
        connect(action, &QAction::triggered, this, [this, m = mode] { m_calendar->setMode(m); });
        connect(m_calendar, &ui::CalendarWidget::modeChanged, action,
                [action, m = mode](ui::CalendarMode now) { action->setChecked(now == m); });
    }
    view->addSeparator();
    view->addAction(m_showCancelled);
    view->addSeparator();
    view->addAction(tr("&Today"), this, [this] { m_calendar->goToday(); });
    view->addAction(m_conflictDock->toggleViewAction());

    QMenu* schedule = menuBar()->addMenu(tr("&Schedule"));
    if (permissions.mayBook) {
        schedule->addAction(QIcon(u":/icons/appointment-new.svg"_s), tr("&New appointment…"),
                            QKeySequence::New, m_book, &AppointmentBook::newAppointment);
        schedule->addAction(tr("Next &open slot…"), m_book, &AppointmentBook::nextOpenSlot);
    }
    if (permissions.mayEditAvailability)
        schedule->addAction(tr("&Availability…"), m_book, &AppointmentBook::editAvailability);
    schedule->addAction(tr("&Find an appointment…"), QKeySequence::Find, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    if (permissions.maySeeSchedule)
        schedule->addAction(m_waitlistAction);
    schedule->addSeparator();
    schedule->addAction(tr("&Sync now"), QKeySequence::Refresh, this,
                        [this] { m_session.engine().syncNow(); });
    schedule->addAction(tr("My &calendar feed…"), this, [this] {
        CalendarFeedDialog dialog(m_session.api(), this);
        dialog.load();
        dialog.exec();
    });

    // Only for roles the server lets manage reminders: the others would be
    // refused, so they are not offered the menu at all.
    if (permissions.mayManageReminders) {
        QMenu* settings = menuBar()->addMenu(tr("S&ettings"));
        settings->setObjectName(u"settingsMenu"_s);
        settings->addAction(tr("&Reminders and confirmations…"), this,
                            &MainWindow::editReminderSettings);
        if (domain::allows(permissions.role, domain::Permission::WriteSettings)) {
            settings->addAction(tr("&Calendar feeds…"), this, [this] {
                PracticeFeedsDialog dialog(m_session.api(), this);
                dialog.load();
                dialog.exec();
            });
        }
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MentalSpace Scheduler"), this, &MainWindow::about);
}

void MainWindow::connectSession() {
    SyncEngine& engine = m_session.engine();
    ui::CalendarWidget* c = m_calendar;
    AppointmentBook* b = m_book;
    connect(c, &ui::CalendarWidget::newAppointmentRequested, b, &AppointmentBook::bookNew);
    connect(c, &ui::CalendarWidget::moveRequested, b, &AppointmentBook::move);
    connect(c, &ui::CalendarWidget::resizeRequested, b, &AppointmentBook::resize);
    connect(c, &ui::CalendarWidget::editRequested, b, &AppointmentBook::edit);
    connect(c, &ui::CalendarWidget::cancelRequested, b, &AppointmentBook::cancel);
    connect(c, &ui::CalendarWidget::completeRequested, b, &AppointmentBook::complete);
    connect(c, &ui::CalendarWidget::noShowRequested, b, &AppointmentBook::markNoShow);
    connect(c, &ui::CalendarWidget::confirmRequested, b, &AppointmentBook::confirm);
    connect(c, &ui::CalendarWidget::reinstateRequested, b, &AppointmentBook::reinstate);
    connect(c, &ui::CalendarWidget::visibleRangeChanged, b, &AppointmentBook::reload);
    connect(b, &AppointmentBook::reloaded, this, [this](int count) {
        m_shown = count;
        markUnsent();
        // A change made here waits in the outbox: count it at once, not
        // when the next sync says so.
        const int pending = m_session.cache().outbox().pendingCount().value_or(0);
        m_indicator->setPendingChanges(pending);
        m_banner->setPendingChanges(pending);
    });
    connect(&engine, &SyncEngine::syncFinished, this, [this](bool ok) {
        if (ok && !m_waitlistKnown)
            probeWaitlist();
    });
    connect(b, &AppointmentBook::told, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });

    connect(m_conflicts, &ui::SyncConflictPanel::takeTheirsRequested, b,
            &AppointmentBook::takeTheirs);
    connect(m_conflicts, &ui::SyncConflictPanel::keepMineRequested, b, &AppointmentBook::keepMine);
    connect(m_conflicts, &ui::SyncConflictPanel::pickAnotherTimeRequested, b,
            &AppointmentBook::pickAnotherTime);
    connect(m_indicator, &ui::SyncStatusIndicator::conflictsClicked, m_conflictDock,
            &QDockWidget::show);
    connect(m_banner, &ui::OfflineBanner::retryRequested, this, &MainWindow::retryNow);

    connect(&engine, &SyncEngine::stateChanged, this, &MainWindow::syncStateChanged);
    connect(&engine, &SyncEngine::pendingChanged, this, [this](int count) {
        m_indicator->setPendingChanges(count);
        m_banner->setPendingChanges(count);
        markUnsent();
    });
    connect(&engine, &SyncEngine::conflictsChanged, this, &MainWindow::refreshConflicts);
    // Whatever sync brings is on screen at once: nobody books from a stale one.
    connect(&engine, &SyncEngine::recordsChanged, this, [this] {
        m_book->loadDirectory();
        m_book->reload();
    });
    connect(&engine, &SyncEngine::progress, this, [this](qint64 received, qint64 total) {
        if (m_firstSyncDone)
            return;
        m_progress->setMaximum(total > 0 ? int(total) : 0);
        m_progress->setValue(int(received));
        m_progress->show();
    });
    connect(&engine, &SyncEngine::removalHeld, this, &MainWindow::askAboutHeldRemovals);
    connect(&engine, &SyncEngine::syncFinished, this, [this](bool ok) {
        if (m_retryWaits > 0 && --m_retryWaits == 0)
            retryEnded(ok);
        if (!m_firstSyncDone) {
            m_firstSyncDone = true;
            m_progress->hide();
            m_book->loadDirectory();
            m_book->reload();
            m_calendar->currentView()->update();
        }
    });
}

void MainWindow::askAboutHeldRemovals(int count, int cached) {
    // Non-modal: the calendar keeps working while the user decides, and a
    // second sync does not stack a second box on this one.
    if (m_removalQuestion)
        return;
    m_removalQuestion = new QMessageBox(
        QMessageBox::Warning, tr("Appointments missing at the server"),
        tr("The server no longer lists %1 of the %2 appointments this computer holds for these "
           "days.")
            .arg(count)
            .arg(cached),
        QMessageBox::NoButton, this);
    m_removalQuestion->setObjectName(u"heldRemovals"_s);
    m_removalQuestion->setInformativeText(
        tr("This happens when the server was restored from an older backup or is another "
           "practice's. Remove them only if they were deleted on purpose; kept, they stay on "
           "this computer and nothing is sent."));
    QPushButton* remove = m_removalQuestion->addButton(tr("&Remove from this computer"),
                                                       QMessageBox::DestructiveRole);
    m_removalQuestion->addButton(tr("&Keep them"), QMessageBox::RejectRole);
    m_removalQuestion->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_removalQuestion, &QMessageBox::finished, this, [this, remove] {
        SyncEngine& engine = m_session.engine();
        if (m_removalQuestion->clickedButton() == remove) {
            if (const auto removed = engine.removeHeld(); !removed)
                statusBar()->showMessage(describe(removed.error()), 8000);
        } else {
            engine.keepHeld();
        }
    });
    m_removalQuestion->open();
}

void MainWindow::start(int syncIntervalMs) {
    m_book->reload();
    m_indicator->setPendingChanges(m_session.cache().outbox().pendingCount().value_or(0));
    refreshConflicts();
    m_progress->setMaximum(0); // busy until the server says how much
    m_progress->show();
    m_session.engine().start(syncIntervalMs);
    m_session.engine().watchServer();
}

void MainWindow::probeWaitlist() {
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"1"_s);
    sync::ApiCall* call = m_session.api().get(u"/waitlist"_s, query);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        if (r.isNetworkFailure() || r.status == 401 || r.status >= 500)
            return; // asked again after the next sync that reaches the server
        m_waitlistKnown = true;
        // Entries reach the desk through the change feed only: a server
        // without it (the MentalSpace server) has no waitlist for the desk
        // even if it answered. 403: this role may not see it.
        const bool missing =
            r.status == 404 || r.status == 501 || !m_session.engine().serverHasChangeFeed();
        const bool has = r.ok() && !missing;
        // Kept so that the next start offers the waitlist before the
        // server answers; unkept, that start asks again (and says so).
        if (auto kept = m_session.cache().setSyncState(u"waitlist"_s, has ? u"yes"_s : u"no"_s);
            !kept)
            statusBar()->showMessage(
                tr("The cache could not keep whether this server has a waitlist: %1")
                    .arg(kept.error().message),
                8000);
        offerWaitlist(has);
        if (missing) {
            m_waitlistNote->setText(tr("No waitlist on this server"));
            m_waitlistNote->setToolTip(
                tr("The server does not keep a waitlist (or cannot send its changes to this "
                   "desk), so the Waitlist is not offered."));
            m_waitlistNote->show();
        }
    });
}

void MainWindow::offerWaitlist(bool offered) {
    const bool shown = offered && m_session.permissions().maySeeSchedule;
    m_waitlistAction->setVisible(shown);
    m_waitlistAction->setEnabled(shown);
    if (!shown)
        m_waitlistDock->hide();
    m_waitlistNote->setVisible(false);
}

void MainWindow::retryNow() {
    SyncEngine& engine = m_session.engine();
    // A sync under way ends first; the attempt asked for runs after it.
    m_retryWaits = engine.isSyncing() ? 2 : 1;
    m_banner->setTrying(true);
    engine.retryNow();
}

void MainWindow::retryEnded(bool ok) {
    const QString at = ui::LocalText::time(m_session.clock().now(), m_session.timeZone());
    m_banner->setTrying(false);
    m_banner->setLastTry(at, ok);
    statusBar()->showMessage(ok ? tr("Tried at %1: connected to the server again.").arg(at)
                                : tr("Tried at %1: the server did not answer.").arg(at),
                             8000);
}

void MainWindow::markUnsent() {
    if (!m_session.isOpen())
        return;
    QSet<domain::ObjectId> unsent;
    for (const QString& id :
         m_session.cache().outbox().recordsWithEntries().value_or(QSet<QString>{}))
        if (const auto parsed = domain::ObjectId::fromString(id))
            unsent.insert(*parsed);
    m_book->model().setUnsent(unsent);
}

void MainWindow::watchOfficeServer(OfficeServer& office) {
    connect(&office, &OfficeServer::stoppedUnexpectedly, this, [this](const QString& why) {
        statusBar()->showMessage(
            tr("The office server on this computer stopped (%1); starting it again…").arg(why));
    });
    connect(&office, &OfficeServer::restarted, this, [this](const QUrl& url) {
        // Another port when its own was taken meanwhile.
        m_session.api().setServer(url);
        statusBar()->showMessage(tr("The office server is running again."), 8000);
        m_session.engine().retryNow();
    });
    connect(&office, &OfficeServer::restartFailed, this, [this](const QString& why) {
        statusBar()->showMessage(
            tr("The office server could not be started again: %1. Changes are kept on this "
               "computer; restart the scheduler to try again.")
                .arg(why));
    });
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const int pending =
        m_session.isOpen() ? m_session.cache().outbox().pendingCount().value_or(0) : 0;
    if (pending > 0) {
        QMessageBox box(
            QMessageBox::Question, tr("Changes not yet sent"),
            tr("%n change(s) made here have not reached the server yet.", nullptr, pending),
            QMessageBox::NoButton, this);
        box.setObjectName(u"quitWithUnsent"_s);
        box.setInformativeText(tr("They are kept on this computer and sent the next time the "
                                  "scheduler connects to the server. Quit now?"));
        QPushButton* quit = box.addButton(tr("&Quit"), QMessageBox::AcceptRole);
        QPushButton* stay = box.addButton(tr("&Stay"), QMessageBox::RejectRole);
        box.setDefaultButton(stay);
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
    }
    emit closing();
    QMainWindow::closeEvent(event);
}

void MainWindow::syncStateChanged() {
    const SyncEngine::State state = m_session.engine().state();
    ui::SyncState shown = ui::SyncState::Online;
    switch (state) {
    case SyncEngine::State::Offline:
        shown = ui::SyncState::Offline;
        break;
    case SyncEngine::State::Syncing:
        shown = ui::SyncState::Syncing;
        break;
    case SyncEngine::State::Online:
        shown = ui::SyncState::Online;
        break;
    case SyncEngine::State::Error:
        shown = ui::SyncState::Failing;
        break;
    }
    // While syncing, the banner keeps what the last answer said.
    if (state != SyncEngine::State::Syncing)
        m_banner->setOffline(state == SyncEngine::State::Offline);
    m_indicator->setState(shown);
    if (state == SyncEngine::State::Error)
        m_indicator->setToolTip(m_session.engine().lastError());
}

void MainWindow::refreshConflicts() {
    const QList<ui::SyncConflictItem> items = m_book->conflictItems();
    m_conflicts->setConflicts(items);
    m_indicator->setConflictCount(int(items.size()));
    if (!items.isEmpty())
        m_conflictDock->show();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Paint && m_firstSyncDone && !m_paintReported) {
        m_paintReported = true;
        // After this paint has finished.
        QMetaObject::invokeMethod(
            this, [this] { emit calendarPainted(m_shown); }, Qt::QueuedConnection);
    }
    return QMainWindow::eventFilter(watched, event);
}

domain::ObjectId MainWindow::daySheetProvider() const {
    domain::ObjectId provider = m_calendar->provider();
    if (provider.isNull() && !m_book->model().providers().isEmpty())
        provider = m_book->model().providers().front().id();
    return provider;
}

void MainWindow::paintDaySheet(QPrinter* printer) const {
    QPainter painter(printer);
    ui::DaySheet(m_book->model(), daySheetProvider(), m_calendar->date())
        .render(
            painter,
            QRectF(QPointF(0, 0),
                   QSizeF(printer->pageLayout().paintRectPixels(printer->resolution()).size())));
}

void MainWindow::exportDaySheet() {
    // The user's Documents folder, made if it is not there yet (a new
    // account): a file dialog on a folder that does not exist opens
    // wherever the program was started.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QDir().mkpath(documents);
    QFileDialog dialog(this, tr("Export day sheet"), documents, tr("PDF files (*.pdf)"));
    dialog.setObjectName(u"exportDaySheetDialog"_s);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(u"pdf"_s);
    dialog.selectFile(tr("day-sheet-%1.pdf").arg(m_calendar->date().toString(Qt::ISODate)));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().front();
    const ui::DaySheet sheet(m_book->model(), daySheetProvider(), m_calendar->date());
    if (!sheet.writePdf(path))
        QMessageBox::warning(this, tr("Export day sheet"), tr("%1 cannot be written.").arg(path));
    else
        statusBar()->showMessage(tr("Day sheet saved to %1").arg(path), 8000);
}

void MainWindow::printDaySheet() {
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    paintDaySheet(&printer);
}

void MainWindow::previewDaySheet() {
    QPrinter printer;
    QPrintPreviewDialog preview(&printer, this);
    preview.setObjectName(u"daySheetPreview"_s);
    preview.setWindowTitle(tr("Day sheet of %1, %2")
                               .arg(m_book->model().providerName(daySheetProvider()),
                                    QLocale().toString(m_calendar->date(), QLocale::ShortFormat)));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter* p) { paintDaySheet(p); });
    preview.exec();
}

void MainWindow::editReminderSettings() {
    ReminderSettingsDialog dialog(m_session.api(), this);
    dialog.load();
    dialog.exec();
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About MentalSpace Scheduler"),
        tr("<h3>MentalSpace Scheduler %1</h3><p>The practice's calendar, working from a copy on "
           "this computer, so booking goes on when the network does not.</p><p>Connected to "
           "%2</p>")
            .arg(QCoreApplication::applicationVersion(),
                 m_session.server().toString().toHtmlEscaped()));
}

} // namespace mss::desktop
