#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace mss::ui {

// One change of this desk that the server refused: someone else changed or
// booked the same thing first, or the server does not let this user do it.
// Plain text: the sync layer says what each side holds, and why.
struct SyncConflictItem {
    QString key;    // the outbox entry, handed back with the decision
    QString title;  // "Ada Lovelace, Tue 10 Mar 09:00 with Maya Chen"
    QString mine;   // "Moved to 10:00"
    QString theirs; // "Cancelled by the front desk at 09:12"
    // False when sending it again can only be refused again (the server
    // does not allow this user the change): "Keep mine" is not offered.
    bool mayKeepMine = true;
};

// The list of sync conflicts and the three ways out of each: keep mine
// (send it again over theirs), take theirs (drop mine), or pick another
// time (open the booking dialog on it). Nothing is decided for the user.
class SyncConflictPanel : public QWidget {
    Q_OBJECT

public:
    explicit SyncConflictPanel(QWidget* parent = nullptr);

    void setConflicts(const QList<SyncConflictItem>& conflicts);
    int count() const { return int(m_items.size()); }
    void setCurrentRow(int row);

    QListWidget* list() const { return m_list; }
    QPushButton* keepMineButton() const { return m_keepMine; }
    QPushButton* takeTheirsButton() const { return m_takeTheirs; }
    QPushButton* pickTimeButton() const { return m_pickTime; }
    QLabel* details() const { return m_details; }

signals:
    void keepMineRequested(const QString& key);
    void takeTheirsRequested(const QString& key);
    void pickAnotherTimeRequested(const QString& key);

private:
    void selectionChanged();
    QString currentKey() const;

    QList<SyncConflictItem> m_items;
    QLabel* m_heading;
    QListWidget* m_list;
    QLabel* m_details;
    QPushButton* m_keepMine;
    QPushButton* m_takeTheirs;
    QPushButton* m_pickTime;
};

} // namespace mss::ui
