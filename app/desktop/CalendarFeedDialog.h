#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mss::sync {
class ApiClient;
struct ApiResponse;
} // namespace mss::sync

namespace mss::desktop {

// The signed-in staff member's personal calendar feed (docs/calendar-feeds.md):
// turn it on, make a new address in place of one that leaked, or turn it
// off. The address is shown once, when it is made: the server keeps only a
// digest of it.
class CalendarFeedDialog : public QDialog {
    Q_OBJECT

public:
    explicit CalendarFeedDialog(sync::ApiClient& api, QWidget* parent = nullptr);

    // Reads whether the feed is on; emits loaded() when the answer is shown.
    void load();

signals:
    void loaded();
    void changed();

private:
    void showState(bool enabled, const QString& since);
    void makeAddress();
    void turnOff();
    void fail(const sync::ApiResponse& response);

    sync::ApiClient& m_api;
    QLabel* m_status;
    QLineEdit* m_address;
    QPushButton* m_copy;
    QPushButton* m_turnOn;
    QPushButton* m_renew;
    QPushButton* m_turnOff;
};

} // namespace mss::desktop
