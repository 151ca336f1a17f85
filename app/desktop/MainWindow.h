#pragma once

#include "domain/ObjectId.h"

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPrinter;
class QPushButton;

namespace mss::ui {
class AppointmentSearchField;
class CalendarWidget;
class OfflineBanner;
class SyncConflictPanel;
class SyncStatusIndicator;
} // namespace mss::ui

namespace mss::desktop {

class AppointmentBook;
class DeskSession;
class WaitlistPanel;
class OfficeServer;

// The desk's window: the calendars over the cache, the offline banner
// above them, the sync state and pending changes in the status bar, the
// conflicts waiting for the user in a dock, and the menus. It shows a
// session; it does not sign anyone in.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(DeskSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts syncing: the first sync's progress shows in the status bar;
    // the server's health is checked every 0.75 s besides (SyncEngine::
    // watchServer), so going offline and coming back show within seconds.
    void start(int syncIntervalMs = 30'000);
    // The office server this app started: if it dies it is started again
    // (OfficeServer), and the status bar says so; the desk reconnects.
    void watchOfficeServer(OfficeServer& office);

    ui::CalendarWidget* calendar() const { return m_calendar; }
    AppointmentBook* book() const { return m_book; }
    ui::OfflineBanner* offlineBanner() const { return m_banner; }
    ui::SyncStatusIndicator* syncIndicator() const { return m_indicator; }
    ui::SyncConflictPanel* conflictPanel() const { return m_conflicts; }
    QDockWidget* conflictDock() const { return m_conflictDock; }
    ui::AppointmentSearchField* searchField() const { return m_search; }
    // "Undo" beside the status message after an action that can be undone.
    QPushButton* undoButton() const { return m_undoButton; }
    QAction* undoAction() const { return m_undoAction; }
    // View > Show cancelled (also on the toolbar), remembered across runs.
    QAction* showCancelledAction() const { return m_showCancelled; }
    // Schedule > Waitlist (Ctrl+Shift+W): the waitlist dock, offered only
    // when the server has the waitlist (it answers /waitlist); otherwise
    // hidden, and waitlistNote() says why.
    WaitlistPanel* waitlistPanel() const { return m_waitlist; }
    QDockWidget* waitlistDock() const { return m_waitlistDock; }
    QAction* waitlistAction() const { return m_waitlistAction; }
    QLabel* waitlistNote() const { return m_waitlistNote; }
    // The appointments on screen after the last load.
    int shownAppointments() const { return m_shown; }

signals:
    // The calendar was painted after the first sync with `appointments`
    // loaded: what "the app has started" means to a person.
    void calendarPainted(int appointments);
    void signOutRequested();
    // The window is closing for good (the user did not stay for changes
    // not yet sent).
    void closing();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildSearch();
    void buildUndo();
    void connectSession();
    void refreshConflicts();
    void syncStateChanged();
    // The sync kept appointments the server stopped listing (SyncEngine's
    // mass-removal guard): the user says whether they go.
    void askAboutHeldRemovals(int count, int cached);
    // "Retry now": busy until the attempt ends, then when and how it went.
    void retryNow();
    void retryEnded(bool ok);
    // Appointments with changes still in the outbox, marked on the cards.
    void markUnsent();
    // The day sheet of the calendar's provider (or the first) and day.
    domain::ObjectId daySheetProvider() const;
    void paintDaySheet(QPrinter* printer) const;
    // To PDF, in a save dialog that opens in the user's Documents folder.
    void exportDaySheet();
    void printDaySheet();
    // File > Print preview: the sheet as it will print, with the page
    // setup and a Print button.
    void previewDaySheet();
    void editReminderSettings();
    // Asks the server, after the first sync that reaches it, whether it
    // keeps a waitlist the desk can follow (the route answers and the
    // change feed is there); remembered in the cache for starts without
    // the server.
    void probeWaitlist();
    void offerWaitlist(bool offered);
    void about();

    DeskSession& m_session;
    ui::CalendarWidget* m_calendar;
    AppointmentBook* m_book;
    ui::OfflineBanner* m_banner;
    ui::SyncStatusIndicator* m_indicator;
    ui::SyncConflictPanel* m_conflicts;
    ui::AppointmentSearchField* m_search = nullptr;
    QPushButton* m_undoButton = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_showCancelled = nullptr;
    QString m_undoableMessage; // the status message the Undo button goes with
    QDockWidget* m_conflictDock;
    WaitlistPanel* m_waitlist = nullptr;
    QDockWidget* m_waitlistDock = nullptr;
    QAction* m_waitlistAction = nullptr;
    QLabel* m_waitlistNote = nullptr;
    bool m_waitlistKnown = false; // the server answered the probe
    QProgressBar* m_progress;
    QLabel* m_user;
    QPointer<QMessageBox> m_removalQuestion;
    int m_retryWaits = 0; // syncs to end before the one "Retry now" asked for
    int m_shown = 0;
    bool m_firstSyncDone = false;
    bool m_paintReported = false;
};

} // namespace mss::desktop
