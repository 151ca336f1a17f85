#pragma once

#include <QDialog>

class QComboBox;
class QJsonObject;
class QLabel;
class QPushButton;
class QSpinBox;

namespace mss::sync {
class ApiClient;
struct ApiResponse;
} // namespace mss::sync

namespace mss::desktop {

// What the practice lets its staff's calendar feeds show, and whether there
// are any (the server's `calendarFeeds` setting, docs/calendar-feeds.md);
// for those who change the practice's settings.
class PracticeFeedsDialog : public QDialog {
    Q_OBJECT

public:
    explicit PracticeFeedsDialog(sync::ApiClient& api, QWidget* parent = nullptr);

    // Reads the setting; emits loaded() when it is shown (or why not).
    void load();

signals:
    void loaded();
    void saved();

private:
    void save();
    void fill(const QJsonObject& feeds);

    sync::ApiClient& m_api;
    QComboBox* m_detail;
    QSpinBox* m_daysBack;
    QSpinBox* m_daysAhead;
    QLabel* m_status;
    QPushButton* m_save;
};

} // namespace mss::desktop
