#include "ReminderSettingsDialog.h"

#include "ReminderTemplatesPage.h"
#include "sync/ApiClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mss::desktop {

using namespace Qt::StringLiterals;

namespace {

const QStringList secretKeys{u"smtpPassword"_s, u"smsToken"_s, u"smsInboundSecret"_s};
const QString errorStyle = u"color: #b3261e;"_s;
// The server's defaults (reminders/ReminderSettings), for a server that
// does not say.
constexpr int defaultOfferHoldMinutes = 120;
constexpr int defaultOfferCutoffMinutes = 60;

} // namespace

ReminderSettingsDialog::ReminderSettingsDialog(sync::ApiClient& api, QWidget* parent)
    : QDialog(parent)
    , m_api(api) {
    setObjectName(u"reminderSettingsDialog"_s);
    setWindowTitle(tr("Reminders and confirmations"));

    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto* practiceBox = new QGroupBox(tr("Practice"), this);
    auto* practice = new QFormLayout(practiceBox);
    addText(practice, u"practiceName"_s, tr("Practice name:"));
    addText(practice, u"publicBaseUrl"_s, tr("Address clients reach:"))
        ->setPlaceholderText(u"https://practice.example.org"_s);

    auto* mailBox = new QGroupBox(tr("Email"), this);
    auto* mail = new QFormLayout(mailBox);
    addText(mail, u"smtpHost"_s, tr("Mail server:"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    addRow(mail, u"smtpPort"_s, tr("Port:"), m_port);
    m_tls = new QComboBox(this);
    m_tls->addItem(tr("STARTTLS when the server offers it"), u"starttls"_s);
    m_tls->addItem(tr("Encryption required"), u"required"_s);
    addRow(mail, u"smtpTls"_s, tr("Encryption:"), m_tls);
    addText(mail, u"smtpUser"_s, tr("User name:"));
    addText(mail, u"smtpPassword"_s, tr("Password:"), true);
    addText(mail, u"smtpFrom"_s, tr("Sender address:"));

    auto* smsBox = new QGroupBox(tr("Text messages (SMS)"), this);
    auto* sms = new QFormLayout(smsBox);
    addText(sms, u"smsUrl"_s, tr("Gateway address:"));
    addText(sms, u"smsAccount"_s, tr("Account:"));
    addText(sms, u"smsToken"_s, tr("Token:"), true);
    addText(sms, u"smsFrom"_s, tr("Sender number:"));
    addText(sms, u"smsInboundSecret"_s, tr("Reply webhook secret:"), true);

    // The waitlist's automatic offer (docs/waitlist.md, "The offer").
    auto* offerBox = new QGroupBox(tr("Waitlist offers"), this);
    auto* offer = new QFormLayout(offerBox);
    m_offerHold = new QSpinBox(this);
    m_offerHold->setRange(10, 2880);
    m_offerHold->setValue(defaultOfferHoldMinutes);
    m_offerHold->setSuffix(tr(" minutes"));
    m_offerHold->setToolTip(tr("How long a freed time is kept for the client it is offered to "
                               "(never past its start)"));
    addRow(offer, u"waitlistOfferHoldMinutes"_s, tr("Hold a freed time for:"), m_offerHold);
    m_offerCutoff = new QSpinBox(this);
    m_offerCutoff->setRange(0, 2880);
    m_offerCutoff->setValue(defaultOfferCutoffMinutes);
    m_offerCutoff->setSuffix(tr(" minutes"));
    m_offerCutoff->setToolTip(tr("No time is offered once it is this close"));
    addRow(offer, u"waitlistOfferCutoffMinutes"_s, tr("Stop offering before the time:"),
           m_offerCutoff);

    auto* testBox = new QGroupBox(tr("Test message"), this);
    auto* test = new QFormLayout(testBox);
    m_testChannel = new QComboBox(this);
    m_testChannel->addItem(tr("Email"), u"email"_s);
    m_testChannel->addItem(tr("Text message"), u"sms"_s);
    addRow(test, u"channel"_s, tr("Send by:"), m_testChannel);
    m_testTo = new QLineEdit(this);
    m_testTo->setPlaceholderText(tr("an email address or a phone number"));
    addRow(test, u"to"_s, tr("To:"), m_testTo);
    m_test = new QPushButton(tr("Send &test message"), this);
    m_test->setAutoDefault(false);
    m_test->setToolTip(tr("Sends with the settings as saved on the server: save changes first"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    test->addRow(testRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setEnabled(false); // until the settings are read

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(practiceBox);
    left->addWidget(mailBox);
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(smsBox);
    right->addWidget(offerBox);
    right->addWidget(testBox);
    right->addStretch(1);
    columns->addLayout(left);
    columns->addLayout(right);
    auto* sending = new QWidget(this);
    sending->setObjectName(u"sendingPage"_s);
    sending->setLayout(columns);
    m_templates = new ReminderTemplatesPage(this);
    m_pages = new QTabWidget(this);
    m_pages->addTab(sending, tr("Se&nding"));
    m_pages->addTab(m_templates, tr("Te&mplates"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);

    connect(m_save, &QPushButton::clicked, this, &ReminderSettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ReminderSettingsDialog::sendTest);
    // The preview signs with the practice's name and links to its address
    // as typed, before they are saved.
    for (const QString& key : {u"practiceName"_s, u"publicBaseUrl"_s})
        connect(qobject_cast<QLineEdit*>(m_fields.value(key)), &QLineEdit::textChanged, this,
                &ReminderSettingsDialog::updateSample);
}

void ReminderSettingsDialog::updateSample() {
    m_templates->setPractice(m_zone,
                             qobject_cast<QLineEdit*>(m_fields.value(u"practiceName"_s))->text(),
                             qobject_cast<QLineEdit*>(m_fields.value(u"publicBaseUrl"_s))->text());
}

void ReminderSettingsDialog::addRow(QFormLayout* form, const QString& key, const QString& label,
                                    QWidget* field) {
    field->setObjectName(key);
    // Addresses and tokens are long: room for most of them.
    field->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    auto* error = new QLabel(this);
    error->setObjectName(key + u"Error"_s);
    error->setStyleSheet(errorStyle);
    error->setWordWrap(true);
    error->hide();
    auto* cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->addWidget(field);
    cell->addWidget(error);
    form->addRow(label, cell);
    m_fields.insert(key, field);
    m_errors.insert(key, error);
    m_labels.insert(key, QString(label).remove(u':'));
}

QLineEdit* ReminderSettingsDialog::addText(QFormLayout* form, const QString& key,
                                           const QString& label, bool secret) {
    auto* edit = new QLineEdit(this);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    addRow(form, key, label, edit);
    return edit;
}

void ReminderSettingsDialog::load() {
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading the server's settings…"));
    // The preview's dates are in the practice's zone, as the server writes them.
    sync::ApiCall* practice = m_api.get(u"/settings"_s);
    connect(practice, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        const QTimeZone zone(r.data().toObject().value("timeZone"_L1).toString().toUtf8());
        if (r.ok() && zone.isValid()) {
            m_zone = zone;
            updateSample();
        }
    });
    sync::ApiCall* call = m_api.get(u"/settings/reminders"_s);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        if (!r.ok()) {
            m_status->setStyleSheet(errorStyle);
            m_status->setText(tr("The settings cannot be read: %1").arg(r.message));
            emit loaded(false);
            return;
        }
        fill(r.data().toObject());
        m_status->clear();
        m_save->setEnabled(true);
        emit loaded(true);
    });
}

void ReminderSettingsDialog::fill(const QJsonObject& settings) {
    m_loaded = settings;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        auto* edit = qobject_cast<QLineEdit*>(it.value());
        if (!edit || it.key() == "to"_L1)
            continue;
        if (secretKeys.contains(it.key())) {
            // Only whether it is set: typing replaces it, empty keeps it.
            const bool set = settings.value(it.key()).toObject().value("set"_L1).toBool();
            edit->clear();
            edit->setPlaceholderText(set ? tr("set; type to replace it") : tr("not set"));
        } else {
            edit->setText(settings.value(it.key()).toString());
        }
    }
    m_port->setValue(settings.value("smtpPort"_L1).toInt(587));
    m_tls->setCurrentIndex(std::max(0, m_tls->findData(settings.value("smtpTls"_L1).toString())));
    m_offerHold->setValue(
        settings.value("waitlistOfferHoldMinutes"_L1).toInt(defaultOfferHoldMinutes));
    m_offerCutoff->setValue(
        settings.value("waitlistOfferCutoffMinutes"_L1).toInt(defaultOfferCutoffMinutes));
    m_templates->setTemplates(settings.value("templates"_L1).toObject());
    updateSample();
}

QJsonObject ReminderSettingsDialog::changes() const {
    // Only what was changed: a PUT changes the fields it sends.
    QJsonObject out;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        auto* edit = qobject_cast<QLineEdit*>(it.value());
        if (!edit || it.key() == "to"_L1)
            continue;
        const QString text = edit->text().trimmed();
        if (secretKeys.contains(it.key())) {
            if (!text.isEmpty())
                out.insert(it.key(), text);
        } else if (text != m_loaded.value(it.key()).toString()) {
            out.insert(it.key(), text);
        }
    }
    if (m_port->value() != m_loaded.value("smtpPort"_L1).toInt(587))
        out.insert("smtpPort"_L1, m_port->value());
    if (m_tls->currentData().toString() != m_loaded.value("smtpTls"_L1).toString())
        out.insert("smtpTls"_L1, m_tls->currentData().toString());
    if (m_offerHold->value() !=
        m_loaded.value("waitlistOfferHoldMinutes"_L1).toInt(defaultOfferHoldMinutes))
        out.insert("waitlistOfferHoldMinutes"_L1, m_offerHold->value());
    if (m_offerCutoff->value() !=
        m_loaded.value("waitlistOfferCutoffMinutes"_L1).toInt(defaultOfferCutoffMinutes))
        out.insert("waitlistOfferCutoffMinutes"_L1, m_offerCutoff->value());
    if (m_templates->templates() != m_loaded.value("templates"_L1).toObject())
        out.insert("templates"_L1, m_templates->templates());
    return out;
}

void ReminderSettingsDialog::clearErrors() {
    for (QLabel* label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    m_status->clear();
    m_status->setStyleSheet(QString());
    m_templates->clearErrors();
}

void ReminderSettingsDialog::showErrors(const sync::ApiResponse& response) {
    // Each refusal under the field it names; the rest at the top.
    QStringList general;
    const QJsonArray errors = response.body.value("errors"_L1).toArray();
    for (const QJsonValue& v : errors) {
        const QJsonObject e = v.toObject();
        const QString key = e.value("field"_L1).toString();
        const QString message = e.value("message"_L1).toString();
        if (key == "templates"_L1 || key.startsWith("templates."_L1)) {
            m_templates->showServerError(key, message);
            m_pages->setCurrentWidget(m_templates);
        } else if (QLabel* label = m_errors.value(key)) {
            label->setText(tr("%1 %2").arg(m_labels.value(key), message));
            label->show();
        } else {
            general << (key.isEmpty() ? message : tr("%1 %2").arg(key, message));
        }
    }
    if (errors.isEmpty())
        general << response.message;
    if (!general.isEmpty()) {
        m_status->setStyleSheet(errorStyle);
        m_status->setText(general.join(u'\n'));
    }
}

void ReminderSettingsDialog::save() {
    clearErrors();
    // The server would send an unknown placeholder as typed: refused here.
    if (!m_templates->checkPlaceholders()) {
        m_pages->setCurrentWidget(m_templates);
        m_status->setStyleSheet(errorStyle);
        m_status->setText(tr("A template uses a placeholder the scheduler does not know: "
                             "see the field marked below."));
        emit saveFinished(false);
        return;
    }
    const QJsonObject body = changes();
    if (body.isEmpty()) {
        accept();
        emit saveFinished(true);
        return;
    }
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    sync::ApiCall* call = m_api.put(u"/settings/reminders"_s, body);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        m_save->setEnabled(true);
        m_status->clear();
        if (!r.ok()) {
            showErrors(r);
            emit saveFinished(false);
            return;
        }
        fill(r.data().toObject());
        accept();
        emit saveFinished(true);
    });
}

void ReminderSettingsDialog::sendTest() {
    m_errors.value(u"to"_s)->hide();
    m_errors.value(u"channel"_s)->hide();
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Sending…"));
    // The settings as saved on the server are used: save first.
    // In the language and for the appointment type of the Templates page,
    // so the admin receives the messages that page edits.
    QJsonObject body{{"channel"_L1, m_testChannel->currentData().toString()},
                     {"to"_L1, m_testTo->text().trimmed()},
                     {"language"_L1, m_templates->languageField()->currentData().toString()}};
    const QString type = m_templates->typeField()->currentData().toString();
    if (!type.isEmpty() && type != "default"_L1)
        body.insert("appointmentType"_L1, type);
    sync::ApiCall* call = m_api.post(u"/settings/reminders/test"_s, body);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        m_test->setEnabled(true);
        if (r.ok()) {
            m_testResult->setText(tr("Sent. Check that it arrived."));
            emit testFinished(true);
            return;
        }
        m_testResult->setStyleSheet(errorStyle);
        if (r.status == 400) {
            m_testResult->clear();
            showErrors(r);
        } else {
            m_testResult->setText(tr("Not sent: %1").arg(r.message));
        }
        emit testFinished(false);
    });
}

} // namespace mss::desktop
