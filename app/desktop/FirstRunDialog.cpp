#include "FirstRunDialog.h"

#include "OfficeServer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
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

    m_intro = new QLabel(tr("<b>How does this computer reach the practice's schedule?</b>"), this);
    m_connect = new QRadioButton(tr("&Connect to the practice's server"), this);
    m_host = new QRadioButton(tr("&Host the office server on this computer"), this);
    m_connect->setChecked(true);

    m_pages = new QStackedWidget(this);
    auto* connectPage = new QWidget(m_pages);
    auto* connectForm = new QFormLayout(connectPage);
    m_url = new QLineEdit(connectPage);
    m_url->setObjectName(u"serverAddress"_s);
    m_url->setPlaceholderText(u"https://office-server:8443"_s);
    m_email = new QLineEdit(connectPage);
    m_email->setObjectName(u"email"_s);
    m_password = new QLineEdit(connectPage);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    connectForm->addRow(tr("Server &address:"), m_url);
    connectForm->addRow(tr("&Email:"), m_email);
    connectForm->addRow(tr("&Password:"), m_password);
    m_pages->addWidget(connectPage);

    auto* hostPage = new QWidget(m_pages);
    auto* hostForm = new QFormLayout(hostPage);
    m_dataDir = new QLineEdit(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/office"_s,
        hostPage);
    m_dataDir->setObjectName(u"dataFolder"_s);
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
    m_existing = new QLabel(
        tr("This folder holds a practice already: sign in to it as its administrator."), hostPage);
    m_existing->setObjectName(u"existingPractice"_s);
    m_existing->setWordWrap(true);
    m_zone = new QComboBox(hostPage);
    m_zone->setObjectName(u"timeZone"_s);
    m_zone->setEditable(true);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/'))
            m_zone->addItem(QString::fromUtf8(id));
    }
    m_zone->setCurrentText(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    m_adminEmail = new QLineEdit(hostPage);
    m_adminEmail->setObjectName(u"adminEmail"_s);
    m_adminPassword = new QLineEdit(hostPage);
    m_adminPassword->setObjectName(u"adminPassword"_s);
    m_adminPassword->setEchoMode(QLineEdit::Password);
    m_adminRepeat = new QLineEdit(hostPage);
    m_adminRepeat->setObjectName(u"repeatPassword"_s);
    m_adminRepeat->setEchoMode(QLineEdit::Password);
    auto* dirLabel = new QLabel(tr("Data &folder:"), hostPage);
    dirLabel->setBuddy(m_dataDir);
    hostForm->addRow(dirLabel, dirRow);
    hostForm->addRow(m_existing);
    hostForm->addRow(tr("Practice time &zone:"), m_zone);
    hostForm->addRow(tr("Administrator e&mail:"), m_adminEmail);
    hostForm->addRow(tr("Pass&word:"), m_adminPassword);
    hostForm->addRow(tr("&Repeat password:"), m_adminRepeat);
    m_pages->addWidget(hostPage);

    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->hide();

    m_busyText = new QLabel(this);
    m_busyText->setObjectName(u"busy"_s);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0); // how long it takes is not known
    m_busyBar->setTextVisible(false);
    m_busyText->hide();
    m_busyBar->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Sign in"));
    // The dialog stays up while the app signs in; the caller closes it.
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled() && !m_busy)
            emit submitted();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_connect);
    layout->addWidget(m_host);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addWidget(m_busyText);
    layout->addWidget(m_busyBar);
    layout->addWidget(buttons);

    for (QLineEdit* field :
         {m_url, m_email, m_password, m_dataDir, m_adminEmail, m_adminPassword, m_adminRepeat})
        connect(field, &QLineEdit::textChanged, this, &FirstRunDialog::update);
    connect(m_connect, &QRadioButton::toggled, this, [this] {
        update();
        // Straight to the first field of the choice made.
        (choice() == Choice::Host ? m_adminEmail : m_url)->setFocus();
    });
    update();
    m_url->setFocus();
}

FirstRunDialog::Choice FirstRunDialog::choice() const {
    return m_host->isChecked() ? Choice::Host : Choice::Connect;
}

void FirstRunDialog::setChoice(Choice choice) {
    (choice == Choice::Host ? m_host : m_connect)->setChecked(true);
    update();
}

void FirstRunDialog::askPasswordFor(const QString& server, const QString& email) {
    m_passwordOnly = true;
    setWindowTitle(tr("Sign in again"));
    m_intro->setText(tr("<b>Your sign-in has ended: please type your password.</b>"));
    setChoice(Choice::Connect);
    m_host->hide();
    m_connect->hide();
    m_url->setText(server);
    m_url->setReadOnly(true);
    m_email->setText(email);
    m_password->setFocus();
}

void FirstRunDialog::presetServer(const QUrl& server) {
    setChoice(Choice::Connect);
    m_url->setText(server.toString());
    m_email->setFocus();
}

void FirstRunDialog::presetHost(const QString& dataDir) {
    setChoice(Choice::Host);
    m_dataDir->setText(dataDir);
    m_adminEmail->setFocus();
}

void FirstRunDialog::setError(const QString& message, const QString& field) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_errorField = field;
}

QString FirstRunDialog::error() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void FirstRunDialog::setBusy(bool busy, const QString& what) {
    m_busy = busy;
    m_busyText->setText(what);
    m_busyText->setVisible(busy);
    m_busyBar->setVisible(busy);
    m_pages->setEnabled(!busy);
    m_connect->setEnabled(!busy);
    m_host->setEnabled(!busy);
    if (busy)
        setError({});
    update();
}

void FirstRunDialog::failed(const QString& message, const QString& field) {
    setBusy(false);
    setError(message, field);
    // Back to the field the error names, its text selected for retyping.
    QLineEdit* again = choice() == Choice::Host ? m_adminPassword : m_password;
    if (field == u"server"_s && !m_url->isReadOnly() && choice() == Choice::Connect)
        again = m_url;
    else if (field == u"dataDir"_s && choice() == Choice::Host)
        again = m_dataDir;
    again->setFocus();
    again->selectAll();
}

void FirstRunDialog::update() {
    const bool host = choice() == Choice::Host;
    m_pages->setCurrentIndex(host ? 1 : 0);
    bool ready = false;
    if (host) {
        const bool existing = dataDirHoldsPractice();
        auto* form = qobject_cast<QFormLayout*>(m_pages->widget(1)->layout());
        form->setRowVisible(m_existing, existing);
        form->setRowVisible(m_zone, !existing);
        form->setRowVisible(m_adminRepeat, !existing);
        if (existing) {
            ready = m_adminEmail->text().contains(u'@') && !m_adminPassword->text().isEmpty();
            m_ok->setText(tr("Open the practice"));
            m_ok->setToolTip({});
        } else {
            ready = !m_dataDir->text().trimmed().isEmpty() && m_adminEmail->text().contains(u'@') &&
                    m_adminPassword->text().size() >= minimumPasswordLength &&
                    m_adminPassword->text() == m_adminRepeat->text();
            m_ok->setText(tr("Create the practice"));
            m_ok->setToolTip(
                tr("The password needs at least %1 characters.").arg(minimumPasswordLength));
        }
    } else {
        // Signing in again names the server in words ("this computer's
        // office server"), not as an address.
        ready = (m_passwordOnly || (serverUrl().isValid() && !serverUrl().host().isEmpty())) &&
                m_email->text().contains(u'@') && !m_password->text().isEmpty();
        m_ok->setText(tr("Sign in"));
        m_ok->setToolTip({});
    }
    m_ok->setEnabled(ready && !m_busy);
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

bool FirstRunDialog::dataDirHoldsPractice() const {
    return !dataDir().isEmpty() && OfficeServer::holdsPractice(dataDir());
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
