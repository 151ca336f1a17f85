#pragma once

#include "domain/WaitlistEntry.h"
#include "scheduling/WaitlistMatch.h"
#include "sync/LocalWaitlist.h"

#include <QCoreApplication>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace mss::ui {
class CalendarWidget;
}

namespace mss::desktop {

class AppointmentBook;
class DeskSession;

// The waitlist beside the calendar (docs/waitlist.md), read from the cache
// so it works offline:
//  - the entries, by priority then the longest waiting, with their status
//    (an offer's hold and until when); Add, Edit, Remove and, on an offered
//    entry, Release hold;
//  - below, the entries that fit the free time selected on the calendar
//    (scheduling::matchWaitlist on the cache), best first, and "Book from
//    waitlist", which books the chosen one there: the appointment, then the
//    entry Booked with it (two outbox writes);
//  - the holds of the days on screen handed to the calendar, which draws
//    them.
// Keyboard: Insert adds, Enter edits, Delete removes, in the list.
class WaitlistPanel : public QWidget {
    Q_OBJECT

public:
    WaitlistPanel(DeskSession& session, AppointmentBook& book, ui::CalendarWidget& calendar,
                  QWidget* parent = nullptr);

    // The entries and holds again from the cache.
    void reload();
    // The entries that fit the calendar's selected slot again.
    void refreshMatches();

    void addEntry();
    void editEntry();
    void removeEntry();
    void releaseHold();
    void bookFromWaitlist();

    QTreeWidget* list() const { return m_list; }
    QTreeWidget* matches() const { return m_matches; }
    QLabel* slotLabel() const { return m_slotLabel; }
    QCheckBox* showClosedBox() const { return m_showClosed; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* editButton() const { return m_edit; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* releaseButton() const { return m_release; }
    QPushButton* bookButton() const { return m_book; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    // One short sentence for the status bar.
    void told(const QString& message);

private:
    bool mayEdit() const;
    bool showsClientOf(const domain::WaitlistEntry& e) const;
    QString clientText(const domain::WaitlistEntry& e) const;
    QString statusText(const domain::WaitlistEntry& e) const;
    QString selectedId() const;
    std::optional<domain::WaitlistEntry> entryById(const QString& id) const;
    // The entry whose hold "Release hold" would end: the one selected in
    // the list when it is offered, else the hold under the selected slot.
    QString holdToRelease() const;
    void refreshHolds();
    void updateButtons();
    void edit(const QJsonObject& base);
    void reportFailure(const QString& what, const Errors& errors);

    DeskSession& m_session;
    AppointmentBook& m_bookOf;
    ui::CalendarWidget& m_calendar;
    sync::LocalWaitlist m_waitlist;
    QList<domain::WaitlistEntry> m_entries;
    // The slot last matched, and the entries that fit it (in m_matches' order).
    std::optional<scheduling::FreeSlot> m_slot;
    QList<std::pair<domain::WaitlistEntry, scheduling::TimeRange>> m_fits;
    QString m_heldSlotEntry; // the hold under the selected slot, if any

    QTreeWidget* m_list;
    QCheckBox* m_showClosed;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_release;
    QLabel* m_slotLabel;
    QTreeWidget* m_matches;
    QPushButton* m_book;
};

} // namespace mss::desktop
