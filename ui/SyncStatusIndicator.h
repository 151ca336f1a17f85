#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;

namespace mss::ui {

enum class SyncState : int { Online = 0, Offline = 1, Syncing = 2, Failing = 3 };

// The status-bar part that says whether this desk is in step with the
// server: a coloured dot and a sentence ("Offline · 3 changes waiting"),
// so an offline state or unsent work is impossible to miss.
class SyncStatusIndicator : public QWidget {
    Q_OBJECT

public:
    explicit SyncStatusIndicator(QWidget* parent = nullptr);

    void setState(SyncState state);
    SyncState state() const { return m_state; }
    void setPendingChanges(int count);
    void setConflictCount(int count);
    QString text() const;
    QColor dotColour() const;

    QSize sizeHint() const override;

signals:
    void conflictsClicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void refresh();

    SyncState m_state = SyncState::Online;
    int m_pending = 0;
    int m_conflicts = 0;
    QString m_text;
};

// A banner across the top of the window while the desk is offline: what
// it means (changes are kept here and sent later) and a way to retry now.
class OfflineBanner : public QWidget {
    Q_OBJECT

public:
    explicit OfflineBanner(QWidget* parent = nullptr);

    // Shown only while offline.
    void setOffline(bool offline);
    void setPendingChanges(int count);
    // "Retry now" pressed: busy ("Trying…", the button disabled) until
    // the attempt ends; then when it was made ("14:32") and whether it
    // reached the server.
    void setTrying(bool trying);
    void setLastTry(const QString& when, bool reached);
    bool isTrying() const { return m_trying; }
    QString text() const;
    QPushButton* retryButton() const { return m_retry; }

signals:
    void retryRequested();

private:
    void refresh();

    QLabel* m_label;
    QPushButton* m_retry;
    int m_pending = 0;
    bool m_trying = false;
    QString m_lastTry;
};

} // namespace mss::ui
