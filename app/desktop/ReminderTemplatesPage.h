#pragma once

#include <QHash>
#include <QJsonObject>
#include <QTimeZone>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QToolButton;

namespace mss::desktop {

// The reminder templates of the practice, per language and appointment
// type, as the server keeps them in its reminder settings ("templates":
// {"es": {"default"|"<type>": {emailSubject, emailText, emailHtml, sms}}},
// docs/reminders.md). Each field shows what a client would get (the
// built-in text until the practice changes it) and only what differs from
// that is stored. The preview is rendered by the server's own template code
// (core/reminders) for a sample appointment in the practice's time zone.
class ReminderTemplatesPage : public QWidget {
    Q_OBJECT

public:
    explicit ReminderTemplatesPage(QWidget* parent = nullptr);

    void setTemplates(const QJsonObject& templates);
    QJsonObject templates() const { return m_templates; }
    // What the sample appointment of the preview shows besides the template.
    void setPractice(const QTimeZone& zone, const QString& practiceName,
                     const QString& publicBaseUrl);

    // Names every unknown placeholder of every language and type under its
    // field, shows the first one, and says whether there were none.
    bool checkPlaceholders();
    // A refusal of the server about "templates" or "templates.es.default.sms".
    void showServerError(const QString& field, const QString& message);
    void clearErrors();

    void select(const QString& language, const QString& type);

    // For tests and focus.
    QComboBox* languageField() const { return m_language; }
    QComboBox* typeField() const { return m_type; }
    QWidget* editor(const QString& key) const { return m_editors.value(key); }
    QLabel* errorLabel(const QString& key) const { return m_errors.value(key); }
    QPushButton* resetButton(const QString& key) const { return m_resets.value(key); }
    QToolButton* placeholderButton(const QString& name) const {
        return m_placeholderButtons.value(name);
    }
    QTextBrowser* emailPreview() const { return m_emailPreview; }
    QLabel* subjectPreview() const { return m_subjectPreview; }
    QPlainTextEdit* smsPreview() const { return m_smsPreview; }
    QLabel* smsCount() const { return m_smsCount; }
    QLabel* smsWarning() const { return m_smsWarning; }

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString language() const;
    QString type() const;
    QString text(const QString& key) const;
    void setText(const QString& key, const QString& text);
    // What a field of the current language and type says when the practice
    // changed nothing on this page: the built-in text for "default", this
    // language's default for a type.
    QString inherited(const QString& key) const;
    QString effective(const QString& language, const QString& type, const QString& key) const;
    void showSelection();
    void edited(const QString& key);
    void insertPlaceholder(const QString& name);
    void markCustomised();
    void checkField(const QString& key);
    void reveal(const QString& key);
    void updatePreview();

    QJsonObject m_templates;
    QTimeZone m_zone = QTimeZone::utc();
    QString m_practiceName;
    QString m_publicBaseUrl;
    bool m_filling = false;
    QComboBox* m_language;
    QComboBox* m_type;
    QHash<QString, QWidget*> m_editors;
    QHash<QString, QLabel*> m_errors;
    QHash<QString, QPushButton*> m_resets;
    QHash<QString, QToolButton*> m_placeholderButtons;
    QWidget* m_lastEditor = nullptr;
    QTabWidget* m_bodies;
    QLabel* m_pageError;
    QLabel* m_subjectPreview;
    QTextBrowser* m_emailPreview;
    QPlainTextEdit* m_smsPreview;
    QLabel* m_smsCount;
    QLabel* m_smsWarning;
};

} // namespace mss::desktop
