#include "FirstRunDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace mss::desktop {

using namespace Qt::StringLiterals;

namespace {

constexpr int minimumPasswordLength = 12;

} // namespace

FirstRunDialog::FirstRunDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(u"firstRunDialog"_s);
    setWindowTitle(tr("Welcome to MentalSpace Scheduler"));

    auto* intro =
        new QLabel(tr("<b>How does this computer reach the practice's schedule?</b>"), this);
    m_connect = new QRadioButton(tr("&Connect to the practice's server"), this);
    m_host = new QRadioButton(tr("&Host the office server on this computer"), this);
    m_connect->setChecked(true);

    m_pages = new QStackedWidget(this);
    auto* connectPage = new QWidget(m_pages);
    auto* connectForm = new QFormLayout(connectPage);
    m_url = new QLineEdit(connectPage);
    m_url->setPlaceholderText(u"https://office-server:8443"_s);
    m_email = new QLineEdit(connectPage);
    m_password = new QLineEdit(connectPage);
    m_password->setEchoMode(QLineEdit::Password);
    connectForm->addRow(tr("Server address:"), m_url);
    connectForm->addRow(tr("Email:"), m_email);
    connectForm->addRow(tr("Password:"), m_password);
    m_pages->addWidget(connectPage);

    auto* hostPage = new QWidget(m_pages);
    auto* hostForm = new QFormLayout(hostPage);
    m_dataDir = new QLineEdit(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/office"_s,
        hostPage);
    auto* browse = new QToolButton(hostPage);
    browse->setText(tr("Choose…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(m_dataDir, 1);
    dirRow->addWidget(browse);
    m_zone = new QComboBox(hostPage);
    m_zone->setEditable(true);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/'))
            m_zone->addItem(QString::fromUtf8(id));
    }
    m_zone->setCurrentText(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    m_adminEmail = new QLineEdit(hostPage);
    m_adminPassword = new QLineEdit(hostPage);
    m_adminPassword->setEchoMode(QLineEdit::Password);
    m_adminRepeat = new QLineEdit(hostPage);
    m_adminRepeat->setEchoMode(QLineEdit::Password);
    hostForm->addRow(tr("Data folder:"), dirRow);
    hostForm->addRow(tr("Practice time zone:"), m_zone);
    hostForm->addRow(tr("Administrator email:"), m_adminEmail);
    hostForm->addRow(tr("Password:"), m_adminPassword);
    hostForm->addRow(tr("Repeat password:"), m_adminRepeat);
    m_pages->addWidget(hostPage);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_connect);
    layout->addWidget(m_host);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (QLineEdit* field :
         {m_url, m_email, m_password, m_dataDir, m_adminEmail, m_adminPassword, m_adminRepeat})
        connect(field, &QLineEdit::textChanged, this, &FirstRunDialog::update);
    connect(m_connect, &QRadioButton::toggled, this, &FirstRunDialog::update);
    update();
}

FirstRunDialog::Choice FirstRunDialog::choice() const {
    return m_host->isChecked() ? Choice::Host : Choice::Connect;
}

void FirstRunDialog::setChoice(Choice choice) {
    (choice == Choice::Host ? m_host : m_connect)->setChecked(true);
    update();
}

void FirstRunDialog::askPasswordFor(const QString& server, const QString& email) {
    setWindowTitle(tr("Sign in again"));
    setChoice(Choice::Connect);
    m_host->hide();
    m_connect->hide();
    m_url->setText(server);
    m_url->setReadOnly(true);
    m_email->setText(email);
    m_password->setFocus();
}

void FirstRunDialog::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void FirstRunDialog::update() {
    const bool host = choice() == Choice::Host;
    m_pages->setCurrentIndex(host ? 1 : 0);
    bool ready = false;
    if (host) {
        ready = !m_dataDir->text().trimmed().isEmpty() && m_adminEmail->text().contains(u'@') &&
                m_adminPassword->text().size() >= minimumPasswordLength &&
                m_adminPassword->text() == m_adminRepeat->text();
        m_ok->setText(tr("Create the practice"));
        m_ok->setToolTip(
            tr("The password needs at least %1 characters.").arg(minimumPasswordLength));
    } else {
        ready = serverUrl().isValid() && !serverUrl().host().isEmpty() &&
                m_email->text().contains(u'@') && !m_password->text().isEmpty();
        m_ok->setText(tr("Sign in"));
        m_ok->setToolTip({});
    }
    m_ok->setEnabled(ready);
}

QUrl FirstRunDialog::serverUrl() const {
    return QUrl::fromUserInput(m_url->text().trimmed());
}

QString FirstRunDialog::email() const {
    return m_email->text().trimmed();
}

QString FirstRunDialog::password() const {
    return m_password->text();
}

QString FirstRunDialog::dataDir() const {
    return m_dataDir->text().trimmed();
}

QString FirstRunDialog::timeZone() const {
    return m_zone->currentText().trimmed();
}

QString FirstRunDialog::adminEmail() const {
    return m_adminEmail->text().trimmed();
}

QString FirstRunDialog::adminPassword() const {
    return m_adminPassword->text();
}

} // namespace mss::desktop
