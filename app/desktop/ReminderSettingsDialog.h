#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QTimeZone>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace mss::sync {
class ApiClient;
struct ApiResponse;
} // namespace mss::sync

namespace mss::desktop {

class ReminderTemplatesPage;

// The practice's reminder settings, read and written through the server's
// admin routes (GET/PUT /settings/reminders, POST /settings/reminders/test;
// docs/reminders.md): the mail server, the SMS gateway, the practice's name
// and the address its confirmation links start with. Secrets (the SMTP
// password, the gateway token, the reply webhook's secret) are never shown:
// the server says only whether each is set, and one is sent only when
// typed. A refusal is shown under the field it names. A second page edits
// the messages' templates per language and appointment type, with a preview
// (ReminderTemplatesPage); they are saved with the other settings.
class ReminderSettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ReminderSettingsDialog(sync::ApiClient& api, QWidget* parent = nullptr);

    // Asks the server for the settings; the fields fill when it answers.
    void load();

    // The field of a wire key ("smtpHost"), and the line under it that
    // names what is wrong with it (for tests and focus).
    QWidget* field(const QString& key) const { return m_fields.value(key); }
    QLabel* errorLabel(const QString& key) const { return m_errors.value(key); }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* saveButton() const { return m_save; }
    QComboBox* testChannelField() const { return m_testChannel; }
    QLineEdit* testRecipientField() const { return m_testTo; }
    QPushButton* testButton() const { return m_test; }
    QLabel* testResult() const { return m_testResult; }
    QTabWidget* pages() const { return m_pages; }
    ReminderTemplatesPage* templatesPage() const { return m_templates; }

signals:
    void loaded(bool ok);
    void saveFinished(bool ok);
    void testFinished(bool sent);

private:
    QLineEdit* addText(QFormLayout* form, const QString& key, const QString& label,
                       bool secret = false);
    void addRow(QFormLayout* form, const QString& key, const QString& label, QWidget* field);
    void fill(const QJsonObject& settings);
    QJsonObject changes() const;
    void save();
    void sendTest();
    void showErrors(const sync::ApiResponse& response);
    void clearErrors();
    void updateSample();

    sync::ApiClient& m_api;
    QJsonObject m_loaded;
    QHash<QString, QWidget*> m_fields;
    QHash<QString, QLabel*> m_errors;
    QHash<QString, QString> m_labels;
    QSpinBox* m_port;
    QComboBox* m_tls;
    QSpinBox* m_offerHold;
    QSpinBox* m_offerCutoff;
    QLabel* m_status;
    QComboBox* m_testChannel;
    QLineEdit* m_testTo;
    QPushButton* m_test;
    QLabel* m_testResult;
    QPushButton* m_save;
    QDialogButtonBox* m_buttons;
    QTabWidget* m_pages;
    ReminderTemplatesPage* m_templates;
    QTimeZone m_zone;
};

} // namespace mss::desktop
