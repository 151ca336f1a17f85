#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QStackedWidget;

namespace mss::desktop {

// The first thing a new desk asks: connect to the practice's server, or
// host the office server on this computer. Also how a desk whose sign-in
// ended asks for the password again (connect, with the rest filled in).
class FirstRunDialog : public QDialog {
    Q_OBJECT

public:
    enum class Choice { Connect, Host };

    explicit FirstRunDialog(QWidget* parent = nullptr);

    Choice choice() const;
    void setChoice(Choice choice);
    // Sign in again to a known server: only the password is asked.
    void askPasswordFor(const QString& server, const QString& email);
    void setError(const QString& message);

    QUrl serverUrl() const;
    QString email() const;
    QString password() const;
    QString dataDir() const;
    QString timeZone() const;
    QString adminEmail() const;
    QString adminPassword() const;

    QRadioButton* connectChoice() const { return m_connect; }
    QRadioButton* hostChoice() const { return m_host; }

private:
    void update();

    QRadioButton* m_connect;
    QRadioButton* m_host;
    QStackedWidget* m_pages;
    QLineEdit* m_url;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QLineEdit* m_dataDir;
    QComboBox* m_zone;
    QLineEdit* m_adminEmail;
    QLineEdit* m_adminPassword;
    QLineEdit* m_adminRepeat;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace mss::desktop
