#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace mss::desktop {

// The first thing a new desk asks: connect to the practice's server, or
// host the office server on this computer (a new practice, or one already
// in the folder chosen). Also how a desk whose sign-in ended asks for the
// password again (connect, with the rest filled in).
//
// The dialog stays open while the app works on what was asked: pressing
// the button emits submitted(), the caller shows it busy, and on failure
// shows why with everything typed still there. Only Cancel (or closing it)
// rejects it.
class FirstRunDialog : public QDialog {
    Q_OBJECT

public:
    enum class Choice { Connect, Host };

    explicit FirstRunDialog(QWidget* parent = nullptr);

    Choice choice() const;
    void setChoice(Choice choice);
    // Sign in again to a known server: only the password is asked.
    void askPasswordFor(const QString& server, const QString& email);
    bool asksPasswordOnly() const { return m_passwordOnly; }
    // Filled in for the next person at this desk after a sign-out.
    void presetServer(const QUrl& server);
    void presetHost(const QString& dataDir);
    // `field` names what the message is about ("server", "password",
    // "dataDir"), when known.
    void setError(const QString& message, const QString& field = {});
    // The work asked for failed: no longer busy, the message shown, and the
    // field it names focused with its text selected; the rest as typed.
    void failed(const QString& message, const QString& field = {});
    QString error() const;
    // While busy the fields and the button are disabled and `what` shows
    // above an indeterminate progress bar; Cancel stays available.
    void setBusy(bool busy, const QString& what = {});
    bool isBusy() const { return m_busy; }

    QUrl serverUrl() const;
    QString email() const;
    QString password() const;
    QString dataDir() const;
    // Whether the data folder chosen already holds a practice (then the
    // administrator's email and password sign in to it).
    bool dataDirHoldsPractice() const;
    QString timeZone() const;
    QString adminEmail() const;
    QString adminPassword() const;

    QRadioButton* connectChoice() const { return m_connect; }
    QRadioButton* hostChoice() const { return m_host; }
    QPushButton* okButton() const { return m_ok; }

signals:
    // The button was pressed with everything it needs filled in.
    void submitted();

private:
    void update();

    QLabel* m_intro;
    QRadioButton* m_connect;
    QRadioButton* m_host;
    QStackedWidget* m_pages;
    QLineEdit* m_url;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QLineEdit* m_dataDir;
    QLabel* m_existing;
    QComboBox* m_zone;
    QLineEdit* m_adminEmail;
    QLineEdit* m_adminPassword;
    QLineEdit* m_adminRepeat;
    QLabel* m_error;
    QLabel* m_busyText;
    QProgressBar* m_busyBar;
    QPushButton* m_ok;
    QString m_errorField;
    bool m_busy = false;
    bool m_passwordOnly = false;
};

} // namespace mss::desktop
