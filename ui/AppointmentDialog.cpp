#include "ui/AppointmentDialog.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"
#include "ui/AppointmentTypes.h"
#include "ui/LocalText.h"
#include "ui/TimeField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

#include <cmath>

namespace mss::ui {

namespace {

// The usual leads; another one an appointment already has is added to
// them when it is shown.
constexpr double reminderLeads[] = {0.5, 1, 2, 3, 6, 12, 24, 48, 72, 168};

QComboBox* hoursBox(QWidget* parent) {
    auto* box = new QComboBox(parent);
    for (const double hours : reminderLeads)
        box->addItem(reminderLeadText(hours), hours);
    return box;
}

QLabel* noticeLabel(const QString& style, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(style);
    label->setVisible(false);
    return label;
}

} // namespace

QString reminderLeadText(double hours) {
    const int minutes = int(std::lround(hours * 60));
    if (minutes > 0 && minutes % (7 * 24 * 60) == 0)
        return AppointmentDialog::tr("%n week(s) before", nullptr, minutes / (7 * 24 * 60));
    if (minutes > 0 && minutes % (24 * 60) == 0)
        return AppointmentDialog::tr("%n day(s) before", nullptr, minutes / (24 * 60));
    if (minutes > 0 && minutes % 60 == 0)
        return AppointmentDialog::tr("%n hour(s) before", nullptr, minutes / 60);
    return AppointmentDialog::tr("%n minute(s) before", nullptr, minutes);
}

void AppointmentDialog::setReminderLead(QComboBox* box, double hours) {
    int at = box->findData(hours);
    if (at < 0) {
        // Set elsewhere (an older desk, the server's default): kept as it is.
        at = 0;
        while (at < box->count() && box->itemData(at).toDouble() < hours)
            ++at;
        box->insertItem(at, reminderLeadText(hours), hours);
    }
    box->setCurrentIndex(at);
}

AppointmentDialog::AppointmentDialog(QWidget* parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_client(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_clientNames(new QStringListModel(this))
    , m_clientHint(new QLabel(this))
    , m_provider(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_date(new QDateEdit(this))
    , m_time(new TimeField(this))
    , m_timeProblem(new QLabel(this))
    , m_duration(new QSpinBox(this))
    , m_endText(new QLabel(this))
    , m_location(new QComboBox(this))
    , m_link(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_emailOn(new QCheckBox(tr("Email"), this))
    , m_emailHours(hoursBox(this))
    , m_smsOn(new QCheckBox(tr("SMS"), this))
    , m_smsHours(hoursBox(this))
    , m_conflictText(noticeLabel(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c;"
                                                " border: 1px solid #f5c2c0; border-radius: 4px;"
                                                " padding: 6px; }"),
                                 this))
    , m_availabilityText(noticeLabel(QStringLiteral("QLabel { background: #fff6e0; color: #7a4b00;"
                                                    " border: 1px solid #f3d58a;"
                                                    " border-radius: 4px; padding: 6px; }"),
                                     this)) {
    setWindowTitle(tr("New appointment"));
    setMinimumWidth(460);

    m_completer->setModel(m_clientNames);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_client->setCompleter(m_completer);
    m_client->setPlaceholderText(tr("Type a client's name"));
    m_client->setClearButtonEnabled(true);
    QFont hintFont = m_clientHint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.9);
    m_clientHint->setFont(hintFont);
    m_clientHint->setStyleSheet(QStringLiteral("color: #6b7280;"));

    for (int t = 0; t < AppointmentTypes::typeCount; ++t) {
        const auto type = static_cast<domain::AppointmentType>(t);
        m_type->addItem(tr("%1 (%2 min)")
                            .arg(AppointmentTypes::name(type))
                            .arg(AppointmentTypes::usualDurationMinutes(type)),
                        t);
    }
    for (int l = 0; l < AppointmentTypes::locationCount; ++l)
        m_location->addItem(AppointmentTypes::name(static_cast<domain::Location>(l)), l);

    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_time->setObjectName(QStringLiteral("timeField"));
    m_time->setAccessibleName(tr("Start time"));
    m_timeProblem->setObjectName(QStringLiteral("timeProblem"));
    m_timeProblem->setTextFormat(Qt::PlainText);
    m_timeProblem->setWordWrap(true);
    m_timeProblem->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    m_timeProblem->setVisible(false);
    m_duration->setRange(5, 12 * 60);
    m_duration->setSingleStep(5);
    m_duration->setSuffix(tr(" min"));
    m_link->setPlaceholderText(tr("https://"));
    m_password->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_notes->setPlaceholderText(tr("Visible to staff only"));
    m_notes->setFixedHeight(64);

    auto* when = new QHBoxLayout;
    when->addWidget(m_date, 2);
    when->addWidget(m_time, 1);
    when->addWidget(m_duration, 1);
    when->addWidget(m_endText);
    m_nextSlot = new QPushButton(tr("Next &open slot"), this);
    m_nextSlot->setToolTip(tr("Move to the provider's next open slot of this length"));
    m_nextSlot->setAutoDefault(false);
    m_nextSlot->setVisible(false);
    when->addWidget(m_nextSlot);

    m_newClient = new QPushButton(tr("+ &New client…"), this);
    m_newClient->setObjectName(QStringLiteral("newClientButton"));
    m_newClient->setToolTip(tr("Add the client you typed to the practice"));
    m_newClient->setAutoDefault(false);
    m_newClient->setVisible(false);
    auto* hintRow = new QHBoxLayout;
    hintRow->addWidget(m_clientHint, 1);
    hintRow->addWidget(m_newClient);
    auto* clientBox = new QVBoxLayout;
    clientBox->setSpacing(2);
    clientBox->addWidget(m_client);
    clientBox->addLayout(hintRow);

    // Rows holding a layout get their label's buddy set by hand, so the
    // mnemonic works and the ampersand is not shown.
    auto* whenBox = new QVBoxLayout;
    whenBox->setSpacing(2);
    whenBox->addLayout(when);
    whenBox->addWidget(m_timeProblem);

    auto* clientLabel = new QLabel(tr("&Client:"), this);
    clientLabel->setBuddy(m_client);
    auto* whenLabel = new QLabel(tr("&When:"), this);
    whenLabel->setBuddy(m_date);
    m_form->addRow(clientLabel, clientBox);
    m_form->addRow(tr("&Provider:"), m_provider);
    m_form->addRow(tr("&Type:"), m_type);
    m_form->addRow(whenLabel, whenBox);
    m_form->addRow(tr("&Location:"), m_location);
    m_form->addRow(tr("Meeting &link:"), m_link);
    m_form->addRow(tr("Meeting pass&word:"), m_password);
    m_form->addRow(tr("&Notes:"), m_notes);

    auto* reminders = new QGroupBox(tr("Reminders"), this);
    auto* reminderLayout = new QHBoxLayout(reminders);
    reminderLayout->addWidget(m_emailOn);
    reminderLayout->addWidget(m_emailHours);
    reminderLayout->addSpacing(16);
    reminderLayout->addWidget(m_smsOn);
    reminderLayout->addWidget(m_smsHours);
    reminderLayout->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Book"));
    // A new booking can become the first of a series: the caller opens the
    // recurrence dialog seeded with it.
    m_repeat = buttons->addButton(tr("&Repeat…"), QDialogButtonBox::ActionRole);
    m_repeat->setToolTip(tr("Book this as the first of a weekly or monthly series"));
    m_repeat->setAutoDefault(false);
    m_repeat->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(reminders);
    layout->addWidget(m_conflictText);
    layout->addWidget(m_availabilityText);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &AppointmentDialog::chooseClient);
    connect(m_client, &QLineEdit::textChanged, this, &AppointmentDialog::chooseClient);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &AppointmentDialog::recheck);
    connect(m_type, &QComboBox::currentIndexChanged, this, &AppointmentDialog::typeChosen);
    connect(m_location, &QComboBox::currentIndexChanged, this, &AppointmentDialog::locationChosen);
    connect(m_date, &QDateEdit::dateChanged, this, &AppointmentDialog::recheck);
    connect(m_time, &TimeField::timeChanged, this, &AppointmentDialog::recheck);
    connect(m_time, &TimeField::problemChanged, this, &AppointmentDialog::recheck);
    connect(m_duration, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            m_durationEdited = true;
        recheck();
    });
    connect(m_nextSlot, &QPushButton::clicked, this, &AppointmentDialog::findNextSlot);
    connect(m_newClient, &QPushButton::clicked, this, &AppointmentDialog::addClient);
    connect(m_repeat, &QPushButton::clicked, this, [this] {
        if (!canAccept())
            return;
        m_repeatChosen = true;
        accept();
    });
    connect(m_emailOn, &QCheckBox::toggled, m_emailHours, &QWidget::setEnabled);
    connect(m_smsOn, &QCheckBox::toggled, m_smsHours, &QWidget::setEnabled);

    prepareNew({}, {}, {});
}

AppointmentDialog::~AppointmentDialog() = default;

QString AppointmentDialog::clientLabel(const domain::Client& c, bool disambiguate) const {
    if (!disambiguate)
        return c.displayName();
    // Two clients of one name: the date of birth (or email) tells them apart.
    if (c.dateOfBirth)
        return tr("%1 (born %2)")
            .arg(c.displayName(),
                 QLocale().toString(calendarDate(fromWireDate(*c.dateOfBirth), m_zone),
                                    QLocale::ShortFormat));
    if (c.email)
        return tr("%1 (%2)").arg(c.displayName(), *c.email);
    return tr("%1 (%2)").arg(c.displayName(), c.id().toString().right(6));
}

void AppointmentDialog::setClients(const QList<domain::Client>& clients) {
    m_clients = clients;
    QHash<QString, int> count;
    for (const auto& c : clients)
        ++count[c.displayName()];
    m_clientByLabel.clear();
    QStringList labels;
    for (const auto& c : clients) {
        const QString label = clientLabel(c, count.value(c.displayName()) > 1);
        m_clientByLabel.insert(label, c.id());
        labels << label;
    }
    labels.sort(Qt::CaseInsensitive);
    m_clientNames->setStringList(labels);
    chooseClient(m_client->text());
}

void AppointmentDialog::setProviders(const QList<domain::Staff>& providers) {
    const QString current = m_provider->currentData().toString();
    const QSignalBlocker block(m_provider);
    m_provider->clear();
    for (const auto& s : providers)
        m_provider->addItem(s.displayName(), s.id().toString());
    m_provider->setCurrentIndex(m_provider->findData(current));
    m_provider->setPlaceholderText(tr("Choose a provider"));
    recheck();
}

void AppointmentDialog::setTimeZone(const QTimeZone& zone) {
    const domain::Appointment current = appointment();
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    if (current.startTime.isValid()) {
        const QSignalBlocker b1(m_date), b2(m_time);
        const QDateTime local = current.startTime.toTimeZone(m_zone);
        m_date->setDate(local.date());
        m_time->setTime(local.time());
    }
    recheck();
}

void AppointmentDialog::setChecker(BookingChecker checker) {
    m_checker = std::move(checker);
    recheck();
}

void AppointmentDialog::setConflictDescriber(ConflictDescriber describer) {
    m_describer = std::move(describer);
    recheck();
}

void AppointmentDialog::setSlotFinder(SlotFinder finder) {
    m_slotFinder = std::move(finder);
    m_nextSlot->setVisible(bool(m_slotFinder));
    recheck();
}

void AppointmentDialog::findNextSlot() {
    const domain::Appointment a = appointment();
    if (!m_slotFinder || a.provider.id.isNull())
        return;
    // Strictly after the current start, so pressing again walks on.
    const auto found = m_slotFinder(a.provider.id, a.duration, a.startTime.addSecs(60));
    if (!found) {
        m_availabilityText->setText(tr("No open time of %1 min found for %2.")
                                        .arg(a.duration)
                                        .arg(m_provider->currentText()));
        m_availabilityText->setVisible(true);
        return;
    }
    const QDateTime local = found->toTimeZone(m_zone);
    {
        const QSignalBlocker b1(m_date), b2(m_time);
        m_date->setDate(local.date());
        m_time->setTime(local.time());
    }
    recheck();
}

void AppointmentDialog::setStrictAvailability(bool strict) {
    m_strict = strict;
    recheck();
}

void AppointmentDialog::prepareNew(const domain::ObjectId& provider, const QDateTime& start,
                                   const QDateTime& end) {
    domain::Appointment a;
    a.provider.id = provider;
    a.startTime = start;
    a.endTime = end;
    const int minutes = start.isValid() && end > start ? int(start.secsTo(end) / 60) : 0;
    a.duration = minutes;
    m_base = {};
    m_repeatChosen = false;
    m_repeat->setVisible(m_repeatable);
    setWindowTitle(tr("New appointment"));
    m_ok->setText(tr("&Book"));
    loadFields(a);
    // A slot dragged to a length keeps it; a double-click's default length
    // gives way to the type's usual one when the type changes.
    m_durationEdited = false;
    if (minutes == 0) {
        const QSignalBlocker block(m_duration);
        m_duration->setValue(AppointmentTypes::usualDurationMinutes(a.appointmentType));
    }
    recheck();
}

void AppointmentDialog::setAppointment(const domain::Appointment& appointment) {
    m_base = appointment;
    m_repeatChosen = false;
    m_repeat->setVisible(false);
    setWindowTitle(tr("Edit appointment"));
    m_ok->setText(tr("&Save"));
    loadFields(appointment);
    m_durationEdited = true;
    recheck();
}

void AppointmentDialog::loadFields(const domain::Appointment& a) {
    m_loading = true;
    m_clientId = a.client.id;
    m_clientFallbackLabel = a.client.displayName();
    QString label = m_clientFallbackLabel;
    for (auto it = m_clientByLabel.cbegin(); it != m_clientByLabel.cend(); ++it) {
        if (it.value() == a.client.id && !a.client.id.isNull())
            label = it.key();
    }
    m_client->setText(a.client.id.isNull() ? QString() : label);
    m_provider->setCurrentIndex(m_provider->findData(a.provider.id.toString()));
    m_type->setCurrentIndex(static_cast<int>(a.appointmentType));
    if (a.startTime.isValid()) {
        const QDateTime local = a.startTime.toTimeZone(m_zone);
        m_date->setDate(local.date());
        m_time->setTime(local.time());
    }
    if (a.duration > 0)
        m_duration->setValue(a.duration);
    m_location->setCurrentIndex(static_cast<int>(a.location));
    m_link->setText(a.virtualMeetingLink.value_or(QString()));
    m_password->setText(a.virtualMeetingPassword.value_or(QString()));
    m_notes->setPlainText(a.notes.value_or(QString()));
    m_emailOn->setChecked(a.reminderSettings.email.enabled);
    setReminderLead(m_emailHours, a.reminderSettings.email.timingHours);
    m_emailHours->setEnabled(a.reminderSettings.email.enabled);
    m_smsOn->setChecked(a.reminderSettings.sms.enabled);
    setReminderLead(m_smsHours, a.reminderSettings.sms.timingHours);
    m_smsHours->setEnabled(a.reminderSettings.sms.enabled);
    m_loading = false;
    locationChosen();
    chooseClient(m_client->text());
}

domain::Appointment AppointmentDialog::appointment() const {
    domain::Appointment a = m_base;
    a.client.id = m_clientId;
    if (m_base.client.id != m_clientId)
        a.client.populated = {};
    const auto provider = domain::ObjectId::fromString(m_provider->currentData().toString());
    a.provider.id = provider.value_or(domain::ObjectId());
    if (m_base.provider.id != a.provider.id)
        a.provider.populated = {};
    a.appointmentType = static_cast<domain::AppointmentType>(m_type->currentData().toInt());
    a.startTime = wallClockToUtc(m_date->date(), m_time->time(), m_zone);
    a.duration = m_duration->value();
    a.endTime = a.startTime.addSecs(qint64(a.duration) * 60);
    a.location = static_cast<domain::Location>(m_location->currentData().toInt());
    const bool isVirtual = a.location == domain::Location::Virtual;
    const QString link = m_link->text().trimmed();
    const QString password = m_password->text();
    // A link typed and then left behind by switching to Office is not sent.
    a.virtualMeetingLink = isVirtual && !link.isEmpty() ? std::optional(link) : std::nullopt;
    a.virtualMeetingPassword =
        isVirtual && !password.isEmpty() ? std::optional(password) : std::nullopt;
    const QString notes = m_notes->toPlainText().trimmed();
    a.notes = notes.isEmpty() ? std::nullopt : std::optional(notes);
    a.reminderSettings.email.enabled = m_emailOn->isChecked();
    a.reminderSettings.email.timingHours = m_emailHours->currentData().toDouble();
    a.reminderSettings.sms.enabled = m_smsOn->isChecked();
    a.reminderSettings.sms.timingHours = m_smsHours->currentData().toDouble();
    return a;
}

void AppointmentDialog::chooseClient(const QString& label) {
    if (m_loading)
        return;
    if (const auto it = m_clientByLabel.constFind(label); it != m_clientByLabel.cend()) {
        m_clientId = *it;
    } else if (label.isEmpty() || label != m_clientFallbackLabel) {
        m_clientId = {};
    }
    if (!m_clientId.isNull()) {
        m_clientHint->clear();
    } else if (label.trimmed().isEmpty()) {
        m_clientHint->setText(tr("Start typing to search clients"));
    } else {
        const QStringList matches =
            m_clientNames->stringList().filter(label.trimmed(), Qt::CaseInsensitive);
        m_clientHint->setText(
            matches.isEmpty()
                ? tr("No client matches \"%1\"").arg(label.trimmed())
                : tr("%n client(s) match: pick one from the list", nullptr, int(matches.size())));
    }
    m_clientHint->setVisible(!m_clientHint->text().isEmpty());
    m_newClient->setVisible(
        m_clientCreator && m_clientId.isNull() && !label.trimmed().isEmpty() &&
        m_clientHint->text().startsWith(tr("No client matches \"%1\"").arg(label.trimmed())));
    recheck();
}

void AppointmentDialog::setClientCreator(ClientCreator creator) {
    m_clientCreator = std::move(creator);
    chooseClient(m_client->text());
}

void AppointmentDialog::addClient() {
    if (!m_clientCreator)
        return;
    const auto client = m_clientCreator(m_client->text());
    if (!client)
        return;
    if (std::ranges::none_of(m_clients, [&](const auto& c) { return c.id() == client->id(); }))
        setClients(m_clients + QList<domain::Client>{*client});
    for (auto it = m_clientByLabel.cbegin(); it != m_clientByLabel.cend(); ++it) {
        if (it.value() == client->id()) {
            m_client->setText(it.key());
            break;
        }
    }
    m_provider->setFocus();
}

void AppointmentDialog::typeChosen() {
    if (!m_loading && !m_durationEdited) {
        const QSignalBlocker block(m_duration);
        m_duration->setValue(AppointmentTypes::usualDurationMinutes(
            static_cast<domain::AppointmentType>(m_type->currentData().toInt())));
    }
    recheck();
}

void AppointmentDialog::locationChosen() {
    const bool isVirtual =
        m_location->currentData().toInt() == static_cast<int>(domain::Location::Virtual);
    m_form->setRowVisible(m_link, isVirtual);
    m_form->setRowVisible(m_password, isVirtual);
    recheck();
}

void AppointmentDialog::setRepeatable(bool repeatable) {
    m_repeatable = repeatable;
    m_repeat->setVisible(repeatable && isNew());
}

bool AppointmentDialog::meetingFieldsVisible() const {
    return m_link->isVisibleTo(this);
}

bool AppointmentDialog::canAccept() const {
    if (m_clientId.isNull() || m_provider->currentIndex() < 0 || !m_time->problem().isEmpty())
        return false;
    if (!m_lastCheck.conflicts.isEmpty())
        return false;
    return !(m_strict && m_lastCheck.outsideAvailability);
}

void AppointmentDialog::recheck() {
    if (m_loading)
        return;
    const domain::Appointment a = appointment();
    m_endText->setText(LocalText::until(a.endTime, m_zone));
    m_timeProblem->setText(m_time->problem());
    m_timeProblem->setVisible(!m_time->problem().isEmpty());

    m_lastCheck = {};
    if (m_checker && !a.provider.id.isNull())
        m_lastCheck = m_checker(a);

    if (m_lastCheck.conflicts.isEmpty()) {
        m_conflictText->clear();
        m_conflictText->setVisible(false);
    } else {
        QStringList lines;
        lines << tr("This time is already taken:");
        for (const auto& c : std::as_const(m_lastCheck.conflicts)) {
            if (m_describer) {
                lines << QStringLiteral("\u2022 ") + m_describer(c);
                continue;
            }
            const QString from = LocalText::time(c.time.startTime(), m_zone);
            const QString to = LocalText::time(c.time.endTime(), m_zone);
            lines << QStringLiteral("\u2022 ") +
                         (c.reason == scheduling::ConflictReason::SameProvider
                              ? tr("the provider's appointment %1-%2").arg(from, to)
                              : tr("the client's appointment %1-%2").arg(from, to));
        }
        m_conflictText->setText(lines.join(QLatin1Char('\n')));
        m_conflictText->setVisible(true);
    }
    if (m_lastCheck.outsideAvailability) {
        m_availabilityText->setText(
            m_strict ? tr("%1 is not available at this time, and this practice does not book "
                          "outside availability.")
                           .arg(m_provider->currentText())
                     : tr("%1 is not available at this time. You can still book it.")
                           .arg(m_provider->currentText()));
        m_availabilityText->setVisible(true);
    } else {
        m_availabilityText->clear();
        m_availabilityText->setVisible(false);
    }
    m_ok->setEnabled(canAccept());
    m_repeat->setEnabled(canAccept());
    m_nextSlot->setEnabled(!a.provider.id.isNull());
    fitHeight();
}

int AppointmentDialog::noticesShown() const {
    int shown = 0;
    for (const QWidget* notice :
         {static_cast<const QWidget*>(m_clientHint), static_cast<const QWidget*>(m_timeProblem),
          static_cast<const QWidget*>(m_conflictText),
          static_cast<const QWidget*>(m_availabilityText)})
        shown += notice->isVisibleTo(this) ? 1 : 0;
    return shown;
}

void AppointmentDialog::fitHeight() {
    // Only when a notice went: a dialog the user made taller keeps its
    // height while they type.
    const int shown = noticesShown();
    const bool went = shown < m_noticesShown;
    m_noticesShown = shown;
    if (!went || !isVisible())
        return;
    layout()->activate();
    const int wanted = std::max(sizeHint().height(), minimumSizeHint().height());
    if (height() > wanted)
        resize(width(), wanted);
}

} // namespace mss::ui
