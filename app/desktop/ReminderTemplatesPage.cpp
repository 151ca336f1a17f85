#include "ReminderTemplatesPage.h"

#include "domain/Enums.h"
#include "reminders/MessageTemplates.h"
#include "reminders/SmsLength.h"
#include "ui/AppointmentTypes.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace mss::desktop {

using namespace Qt::StringLiterals;

namespace {

const QString errorStyle = u"color: #b3261e;"_s;
const QString warningStyle = u"color: #8a5300;"_s;
const QStringList fieldKeys{u"emailSubject"_s, u"emailText"_s, u"emailHtml"_s, u"sms"_s};
const QString defaultType = u"default"_s;

// What the template code knows of an appointment but never prints: the
// type and notes are clinical detail (HIPAA minimum necessary).
const QStringList clinicalNames{u"appointmentType"_s, u"type"_s, u"notes"_s, u"diagnosis"_s};

QString fieldOf(const reminders::RenderedMessage& m, const QString& key) {
    if (key == "emailSubject"_L1)
        return m.subject;
    if (key == "emailText"_L1)
        return m.text;
    if (key == "emailHtml"_L1)
        return m.html;
    return m.sms;
}

// The built-in templates, read from the server's template code rather than
// copied: rendered with each placeholder standing for itself. The date and
// time are formatted by that code, so they are found by rendering a
// template that holds only them, then put back as placeholders.
QHash<QString, QString> builtIn(const QString& language) {
    static QHash<QString, QHash<QString, QString>> cache;
    if (auto it = cache.constFind(language); it != cache.cend())
        return *it;
    reminders::MessageFields f;
    f.language = language;
    f.zone = QTimeZone::utc();
    f.start = QDateTime(QDate(2031, 7, 15), QTime(13, 47), QTimeZone::utc());
    f.clientFirstName = u"{clientFirstName}"_s;
    f.providerName = u"{providerName}"_s;
    f.location = u"{location}"_s;
    f.confirmLink = u"{confirmLink}"_s;
    f.declineLink = u"{declineLink}"_s;
    f.practiceName = u"{practiceName}"_s;
    const reminders::RenderedMessage when = reminders::renderMessage(
        f, {{language, QJsonObject{{"default"_L1, QJsonObject{{"emailSubject"_L1, u"{date}"_s},
                                                              {"emailText"_L1, u"{time}"_s}}}}}});
    const reminders::RenderedMessage m = reminders::renderMessage(f, {});
    QHash<QString, QString> out;
    for (const QString& key : fieldKeys)
        out.insert(key, QString(fieldOf(m, key))
                            .replace(when.subject, u"{date}"_s)
                            .replace(when.text, u"{time}"_s));
    cache.insert(language, out);
    return out;
}

// A confirmation token as long as the server's (an ObjectId, the action,
// the expiry and an HMAC-SHA256, base64url): the SMS length depends on it.
QString sampleToken(char action) {
    QByteArray bytes(12 + 1 + 8 + 32, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 73 + action) & 0xff);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

ReminderTemplatesPage::ReminderTemplatesPage(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"templatesPage"_s);

    m_language = new QComboBox(this);
    m_language->setObjectName(u"templateLanguage"_s);
    m_language->addItem(tr("English"), u"en"_s);
    m_language->addItem(tr("Spanish"), u"es"_s);
    m_type = new QComboBox(this);
    m_type->setObjectName(u"templateType"_s);
    m_type->addItem(tr("Default (every type)"), defaultType);
    for (int i = 0; i < ui::AppointmentTypes::typeCount; ++i) {
        const auto t = domain::AppointmentType(i);
        m_type->addItem(ui::AppointmentTypes::name(t), domain::toWire(t));
    }
    auto* pick = new QHBoxLayout;
    auto* languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    auto* typeLabel = new QLabel(tr("Appointment &type:"), this);
    typeLabel->setBuddy(m_type);
    pick->addWidget(languageLabel);
    pick->addWidget(m_language);
    pick->addSpacing(12);
    pick->addWidget(typeLabel);
    pick->addWidget(m_type);
    pick->addStretch(1);

    m_pageError = new QLabel(this);
    m_pageError->setObjectName(u"templatesError"_s);
    m_pageError->setStyleSheet(errorStyle);
    m_pageError->setWordWrap(true);
    m_pageError->hide();

    // The editors: the subject and the SMS are short, the two bodies long.
    auto* subject = new QLineEdit(this);
    auto* text = new QPlainTextEdit(this);
    auto* html = new QPlainTextEdit(this);
    auto* sms = new QPlainTextEdit(this);
    sms->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    for (QPlainTextEdit* e : {sms, html}) {
        e->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        e->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    for (QWidget* e : std::initializer_list<QWidget*>{subject, text, html, sms})
        e->setMinimumWidth(fontMetrics().averageCharWidth() * 48);
    for (QPlainTextEdit* e : {text, html})
        e->setMinimumHeight(fontMetrics().lineSpacing() * 8);
    const QList<std::pair<QString, QWidget*>> editors{{u"emailSubject"_s, subject},
                                                      {u"emailText"_s, text},
                                                      {u"emailHtml"_s, html},
                                                      {u"sms"_s, sms}};
    for (const auto& [key, widget] : editors) {
        widget->setObjectName(key);
        widget->installEventFilter(this);
        m_editors.insert(key, widget);
        auto* error = new QLabel(this);
        error->setObjectName(key + u"Error"_s);
        error->setStyleSheet(errorStyle);
        error->setWordWrap(true);
        error->hide();
        m_errors.insert(key, error);
        auto* reset = new QPushButton(this);
        reset->setObjectName(key + u"Reset"_s);
        reset->setAutoDefault(false);
        m_resets.insert(key, reset);
        connect(reset, &QPushButton::clicked, this, [this, key] {
            setText(key, inherited(key));
            edited(key);
        });
    }
    connect(subject, &QLineEdit::textEdited, this, [this] { edited(u"emailSubject"_s); });
    for (const auto& [key, widget] : editors) {
        if (auto* plain = qobject_cast<QPlainTextEdit*>(widget))
            connect(plain, &QPlainTextEdit::textChanged, this, [this, key] {
                if (!m_filling)
                    edited(key);
            });
    }
    m_lastEditor = subject;

    // Each editor with its error and its reset button underneath, so the
    // text gets the width.
    const auto cell = [this](const QString& key) {
        auto* box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(m_editors.value(key), 1);
        auto* row = new QHBoxLayout;
        row->addWidget(m_errors.value(key), 1);
        row->addWidget(m_resets.value(key), 0, Qt::AlignRight | Qt::AlignTop);
        box->addLayout(row);
        return box;
    };
    auto* emailBox = new QGroupBox(tr("Email"), this);
    auto* email = new QFormLayout(emailBox);
    email->addRow(tr("Subject:"), cell(u"emailSubject"_s));
    auto* bodies = m_bodies = new QTabWidget(this);
    bodies->setObjectName(u"emailBodies"_s);
    auto* textPage = new QWidget(this);
    textPage->setLayout(cell(u"emailText"_s));
    auto* htmlPage = new QWidget(this);
    htmlPage->setLayout(cell(u"emailHtml"_s));
    bodies->addTab(textPage, tr("Plain text"));
    bodies->addTab(htmlPage, tr("HTML"));
    email->addRow(bodies);
    auto* smsBox = new QGroupBox(tr("Text message (SMS)"), this);
    auto* smsLayout = new QVBoxLayout(smsBox);
    smsLayout->addLayout(cell(u"sms"_s));

    // The placeholders, each inserted where the cursor was.
    auto* placeholderBox = new QGroupBox(tr("Placeholders (click to insert)"), this);
    auto* grid = new QGridLayout(placeholderBox);
    grid->setSpacing(2);
    const QStringList meanings{
        tr("The client's first name"),
        tr("The appointment's date, in the practice's time zone"),
        tr("The appointment's time, in the practice's time zone"),
        tr("The provider's name"),
        tr("Where the appointment is (Office, Virtual, …)"),
        tr("The link that confirms the appointment"),
        tr("The link that tells the practice the client cannot come"),
        tr("The practice's name, as set on the Sending page"),
    };
    for (int i = 0; i < reminders::templatePlaceholders().size(); ++i) {
        const QString name = reminders::templatePlaceholders().at(i);
        auto* button = new QToolButton(this);
        button->setObjectName(u"placeholder_"_s + name);
        button->setText(u'{' + name + u'}');
        button->setToolTip(meanings.at(i));
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus); // the editor keeps its cursor
        connect(button, &QToolButton::clicked, this, [this, name] { insertPlaceholder(name); });
        m_placeholderButtons.insert(name, button);
        grid->addWidget(button, i / 2, i % 2);
    }

    // The preview.
    auto* previewBox = new QGroupBox(tr("Preview: a reminder to Alex"), this);
    auto* preview = new QVBoxLayout(previewBox);
    m_subjectPreview = new QLabel(this);
    m_subjectPreview->setObjectName(u"subjectPreview"_s);
    m_subjectPreview->setWordWrap(true);
    m_subjectPreview->setTextFormat(Qt::PlainText);
    m_emailPreview = new QTextBrowser(this);
    m_emailPreview->setObjectName(u"emailPreview"_s);
    m_emailPreview->setOpenLinks(false);
    m_emailPreview->setMinimumHeight(fontMetrics().lineSpacing() * 9);
    // Links do not break at spaces: the bubble wraps anywhere, as phones do.
    m_smsPreview = new QPlainTextEdit(this);
    m_smsPreview->setObjectName(u"smsPreview"_s);
    m_smsPreview->setReadOnly(true);
    m_smsPreview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_smsPreview->setFixedHeight(fontMetrics().lineSpacing() * 7);
    m_smsPreview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_smsPreview->setStyleSheet(u"QPlainTextEdit { background: #e9eef6; border: none; "
                                "border-radius: 10px; padding: 4px; color: #1b1b1f; }"_s);
    m_smsCount = new QLabel(this);
    m_smsCount->setWordWrap(true);
    m_smsCount->setObjectName(u"smsCount"_s);
    m_smsWarning = new QLabel(this);
    m_smsWarning->setObjectName(u"smsWarning"_s);
    m_smsWarning->setWordWrap(true);
    m_smsWarning->setStyleSheet(warningStyle);
    m_smsWarning->hide();
    auto* sampleNote = new QLabel(
        tr("A sample appointment next Tuesday at 10:00 in the practice's time zone; the links "
           "are as long as real ones."),
        this);
    sampleNote->setWordWrap(true);
    sampleNote->setEnabled(false);
    preview->addWidget(m_subjectPreview);
    preview->addWidget(m_emailPreview, 1);
    preview->addWidget(new QLabel(tr("Text message:"), this));
    preview->addWidget(m_smsPreview);
    preview->addWidget(m_smsCount);
    preview->addWidget(m_smsWarning);
    preview->addWidget(sampleNote);

    auto* left = new QVBoxLayout;
    left->addWidget(emailBox, 1);
    left->addWidget(smsBox);
    left->addWidget(placeholderBox);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(previewBox, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_pageError);
    layout->addLayout(columns, 1);

    connect(m_language, &QComboBox::currentIndexChanged, this, [this] { showSelection(); });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] { showSelection(); });
    showSelection();
}

QString ReminderTemplatesPage::language() const {
    return m_language->currentData().toString();
}

QString ReminderTemplatesPage::type() const {
    return m_type->currentData().toString();
}

QString ReminderTemplatesPage::text(const QString& key) const {
    QWidget* w = m_editors.value(key);
    if (auto* line = qobject_cast<QLineEdit*>(w))
        return line->text();
    return qobject_cast<QPlainTextEdit*>(w)->toPlainText();
}

void ReminderTemplatesPage::setText(const QString& key, const QString& text) {
    m_filling = true;
    QWidget* w = m_editors.value(key);
    if (auto* line = qobject_cast<QLineEdit*>(w))
        line->setText(text);
    else
        qobject_cast<QPlainTextEdit*>(w)->setPlainText(text);
    m_filling = false;
}

QString ReminderTemplatesPage::effective(const QString& language, const QString& type,
                                         const QString& key) const {
    const QJsonObject lang = m_templates.value(language).toObject();
    for (const QString& level : {type, defaultType}) {
        const QJsonValue v = lang.value(level).toObject().value(key);
        if (v.isString())
            return v.toString();
    }
    return builtIn(language).value(key);
}

QString ReminderTemplatesPage::inherited(const QString& key) const {
    return type() == defaultType ? builtIn(language()).value(key)
                                 : effective(language(), defaultType, key);
}

void ReminderTemplatesPage::setTemplates(const QJsonObject& templates) {
    m_templates = templates;
    clearErrors();
    showSelection();
}

void ReminderTemplatesPage::setPractice(const QTimeZone& zone, const QString& practiceName,
                                        const QString& publicBaseUrl) {
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    m_practiceName = practiceName;
    m_publicBaseUrl = publicBaseUrl;
    updatePreview();
}

void ReminderTemplatesPage::select(const QString& language, const QString& type) {
    const QSignalBlocker block(m_language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
    m_type->setCurrentIndex(std::max(0, m_type->findData(type)));
    showSelection();
}

void ReminderTemplatesPage::showSelection() {
    const bool isDefault = type() == defaultType;
    for (const QString& key : fieldKeys) {
        setText(key, effective(language(), type(), key));
        QPushButton* reset = m_resets.value(key);
        reset->setText(isDefault ? tr("Reset to built-in") : tr("Same as default"));
        reset->setToolTip(
            isDefault ? tr("Use the text that comes with the scheduler")
                      : tr("Use this language's default template for this appointment type"));
        checkField(key);
    }
    markCustomised();
    updatePreview();
}

void ReminderTemplatesPage::edited(const QString& key) {
    // Only what differs from what the page would inherit is kept, so a
    // later change to the default (or to the built-in text) still reaches it.
    QJsonObject lang = m_templates.value(language()).toObject();
    QJsonObject page = lang.value(type()).toObject();
    const QString now = text(key);
    if (now == inherited(key))
        page.remove(key);
    else
        page.insert(key, now);
    if (page.isEmpty())
        lang.remove(type());
    else
        lang.insert(type(), page);
    if (lang.isEmpty())
        m_templates.remove(language());
    else
        m_templates.insert(language(), lang);
    checkField(key);
    markCustomised();
    updatePreview();
    emit changed();
}

void ReminderTemplatesPage::insertPlaceholder(const QString& name) {
    const QString token = u'{' + name + u'}';
    if (auto* line = qobject_cast<QLineEdit*>(m_lastEditor)) {
        line->insert(token);
        edited(line->objectName());
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(m_lastEditor)) {
        plain->insertPlainText(token); // textChanged records it
    }
    m_lastEditor->setFocus();
}

bool ReminderTemplatesPage::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FocusIn)
        if (auto* w = qobject_cast<QWidget*>(watched); w && m_editors.values().contains(w))
            m_lastEditor = w;
    return QWidget::eventFilter(watched, event);
}

void ReminderTemplatesPage::markCustomised() {
    // Which pages hold the practice's own text, at a glance.
    const auto customised = [this](const QString& lang, const QString& type) {
        const QJsonObject l = m_templates.value(lang).toObject();
        return type.isEmpty() ? !l.isEmpty() : l.contains(type);
    };
    for (int i = 0; i < m_language->count(); ++i) {
        const QString name = i == 0 ? tr("English") : tr("Spanish");
        m_language->setItemText(i, customised(m_language->itemData(i).toString(), {})
                                       ? tr("%1 (customised)").arg(name)
                                       : name);
    }
    for (int i = 0; i < m_type->count(); ++i) {
        const QString wire = m_type->itemData(i).toString();
        const QString name = i == 0 ? tr("Default (every type)")
                                    : ui::AppointmentTypes::name(domain::AppointmentType(i - 1));
        m_type->setItemText(i,
                            customised(language(), wire) ? tr("%1 (customised)").arg(name) : name);
    }
}

void ReminderTemplatesPage::checkField(const QString& key) {
    QLabel* error = m_errors.value(key);
    const QStringList unknown = reminders::unknownPlaceholders(text(key));
    if (unknown.isEmpty()) {
        error->clear();
        error->hide();
        return;
    }
    QStringList named;
    for (const QString& name : unknown)
        named << u'{' + name + u'}';
    QString message =
        tr("Not a placeholder: %1. Use only those listed below.").arg(named.join(u", "_s));
    for (const QString& name : unknown)
        if (clinicalNames.contains(name)) {
            message += u' ' + tr("Reminders never carry clinical detail such as the "
                                 "appointment type or notes.");
            break;
        }
    error->setText(message);
    error->show();
}

bool ReminderTemplatesPage::checkPlaceholders() {
    // Every language and type, not only the one shown.
    for (int l = 0; l < m_language->count(); ++l) {
        const QString lang = m_language->itemData(l).toString();
        const QJsonObject types = m_templates.value(lang).toObject();
        for (int t = 0; t < m_type->count(); ++t) {
            const QString type = m_type->itemData(t).toString();
            const QJsonObject page = types.value(type).toObject();
            for (const QString& key : fieldKeys) {
                if (!reminders::unknownPlaceholders(page.value(key).toString()).isEmpty()) {
                    select(lang, type);
                    reveal(key);
                    m_editors.value(key)->setFocus();
                    return false;
                }
            }
        }
    }
    return true;
}

void ReminderTemplatesPage::showServerError(const QString& field, const QString& message) {
    // "templates.es.default.sms" names a field; "templates" the whole page.
    const QStringList path = field.split(u'.');
    if (path.size() == 4 && fieldKeys.contains(path.at(3))) {
        select(path.at(1), path.at(2));
        reveal(path.at(3));
        QLabel* error = m_errors.value(path.at(3));
        error->setText(message);
        error->show();
        return;
    }
    m_pageError->setText(tr("Templates: %1").arg(message));
    m_pageError->show();
}

void ReminderTemplatesPage::reveal(const QString& key) {
    // The two bodies share a place: show the one a message is about.
    if (key == "emailText"_L1)
        m_bodies->setCurrentIndex(0);
    else if (key == "emailHtml"_L1)
        m_bodies->setCurrentIndex(1);
}

void ReminderTemplatesPage::clearErrors() {
    m_pageError->clear();
    m_pageError->hide();
    for (const QString& key : fieldKeys)
        checkField(key);
}

void ReminderTemplatesPage::updatePreview() {
    reminders::MessageFields f;
    f.language = language();
    f.appointmentType = type() == defaultType ? QString() : type();
    f.zone = m_zone;
    // Next Tuesday at 10:00, the practice's wall clock.
    QDate day = QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date().addDays(1);
    while (day.dayOfWeek() != Qt::Tuesday)
        day = day.addDays(1);
    f.start = QDateTime(day, QTime(10, 0), m_zone);
    f.clientFirstName = u"Alex"_s;
    f.providerName = u"Jordan Rivera"_s;
    f.location = domain::toWire(domain::Location::Office);
    const QString base =
        (m_publicBaseUrl.isEmpty() ? u"https://practice.example.org"_s : m_publicBaseUrl.trimmed());
    const QString root = base.endsWith(u'/') ? base.chopped(1) : base;
    f.confirmLink = root + u"/api/v1/public/confirm/"_s + sampleToken('C');
    f.declineLink = root + u"/api/v1/public/decline/"_s + sampleToken('D');
    f.practiceName = m_practiceName.isEmpty() ? tr("Your practice") : m_practiceName;
    const reminders::RenderedMessage m = reminders::renderMessage(f, m_templates);

    m_subjectPreview->setText(tr("Subject: %1").arg(m.subject));
    m_emailPreview->setHtml(m.html);
    m_smsPreview->setPlainText(m.sms);

    const reminders::SmsLength length = reminders::SmsLength::of(m.sms);
    m_smsCount->setText(tr("Characters: %1").arg(length.characters) + u" · "_s +
                        tr("SMS parts: %1").arg(length.parts) + u" · "_s +
                        (length.unicode ? tr("UCS-2 (70 characters, 67 a part)")
                                        : tr("GSM-7 (160 characters, 153 a part)")));

    QStringList warnings;
    if (length.parts > 2)
        warnings << tr("This text goes as %1 messages: each is billed and phones may show them "
                       "out of order. Keep it to 2.")
                        .arg(length.parts);
    if (length.unicode)
        warnings << tr("Characters outside the GSM alphabet (such as á, í, ó, ú) make every "
                       "part shorter.");
    // A text message should not say what kind of care the client gets.
    const QString sms = text(u"sms"_s);
    for (const QString& name : clinicalNames)
        if (sms.contains(u'{' + name + u'}')) {
            warnings
                << tr("Text messages must carry no clinical detail: {%1} is not sent.").arg(name);
            break;
        }
    for (int i = 0; i < ui::AppointmentTypes::typeCount; ++i) {
        const auto t = domain::AppointmentType(i);
        const QString wire = domain::toWire(t);
        const QString shown = ui::AppointmentTypes::name(t);
        // "Consultation" and "Other" say nothing clinical (and "Consulta" is
        // a practice in Spanish).
        if (t != domain::AppointmentType::Other && t != domain::AppointmentType::Consultation &&
            (m.sms.contains(wire, Qt::CaseInsensitive) ||
             m.sms.contains(shown, Qt::CaseInsensitive))) {
            warnings << tr("This text names the appointment type (%1): text messages should "
                           "carry no clinical detail.")
                            .arg(shown);
            break;
        }
    }
    m_smsWarning->setText(warnings.join(u'\n'));
    m_smsWarning->setVisible(!warnings.isEmpty());
}

} // namespace mss::desktop
