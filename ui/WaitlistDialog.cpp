#include "ui/WaitlistDialog.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"
#include "ui/AppointmentTypes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace mss::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int maxNotes = 2000; // as an appointment's notes

const QStringList weekdayWire{u"Monday"_s, u"Tuesday"_s,  u"Wednesday"_s, u"Thursday"_s,
                              u"Friday"_s, u"Saturday"_s, u"Sunday"_s};

QString idOf(const QJsonValue& v) {
    return v.isObject() ? v.toObject().value("_id"_L1).toString() : v.toString();
}

} // namespace

QString WaitlistDialog::priorityName(const QString& wire) {
    if (wire == "High"_L1)
        return tr("High");
    if (wire == "Low"_L1)
        return tr("Low");
    return tr("Normal");
}

QString WaitlistDialog::statusName(const QString& wire) {
    if (wire == "Offered"_L1)
        return tr("Offered");
    if (wire == "Booked"_L1)
        return tr("Booked");
    if (wire == "Expired"_L1)
        return tr("Expired");
    if (wire == "Removed"_L1)
        return tr("Removed");
    return tr("Waiting");
}

QString WaitlistDialog::weekdayName(int weekday) {
    return QLocale().standaloneDayName(weekday, QLocale::LongFormat);
}

WaitlistDialog::WaitlistDialog(QWidget* parent)
    : QDialog(parent)
    , m_client(new QLineEdit(this))
    , m_provider(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_duration(new QSpinBox(this))
    , m_location(new QComboBox(this))
    , m_windows(new QTableWidget(0, 3, this))
    , m_addWindow(new QPushButton(tr("Add &window"), this))
    , m_removeWindow(new QPushButton(tr("Remove w&indow"), this))
    , m_hasEarliest(new QCheckBox(tr("Not &before"), this))
    , m_earliest(new QDateEdit(this))
    , m_hasLatest(new QCheckBox(tr("Not &after"), this))
    , m_latest(new QDateEdit(this))
    , m_priority(new QComboBox(this))
    , m_notes(new QPlainTextEdit(this))
    , m_hasExpiry(new QCheckBox(tr("&Expires"), this))
    , m_expires(new QDateTimeEdit(this))
    , m_problem(new QLabel(this)) {
    setWindowTitle(tr("Waitlist entry"));
    setObjectName(u"waitlistDialog"_s);

    auto* completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_client->setCompleter(completer);
    m_client->setPlaceholderText(tr("Type a client's name"));
    m_client->setClearButtonEnabled(true);

    m_provider->addItem(tr("Any provider"), QString());
    for (int i = 0; i < AppointmentTypes::typeCount; ++i) {
        const auto t = domain::AppointmentType(i);
        m_type->addItem(AppointmentTypes::name(t), domain::toWire(t));
    }
    m_type->setCurrentIndex(int(domain::AppointmentType::IndividualTherapy));
    m_duration->setRange(15, 480);
    m_duration->setSingleStep(5);
    m_duration->setSuffix(tr(" min"));
    m_duration->setValue(50);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_duration->setValue(AppointmentTypes::usualDurationMinutes(domain::AppointmentType(i)));
    });
    for (int i = 0; i < AppointmentTypes::locationCount; ++i) {
        const auto l = domain::Location(i);
        m_location->addItem(AppointmentTypes::name(l), domain::toWire(l));
    }
    m_priority->addItem(priorityName(u"High"_s), u"High"_s);
    m_priority->addItem(priorityName(u"Normal"_s), u"Normal"_s);
    m_priority->addItem(priorityName(u"Low"_s), u"Low"_s);
    m_priority->setCurrentIndex(1);

    m_windows->setHorizontalHeaderLabels({tr("Day"), tr("From"), tr("To")});
    m_windows->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_windows->verticalHeader()->hide();
    m_windows->setMinimumHeight(110);
    m_windows->setToolTip(tr("The times the client can come, on the practice's clock; none means "
                             "any time the provider is available"));
    connect(m_addWindow, &QPushButton::clicked, this,
            [this] { addWindow(Qt::Monday, QTime(9, 0), QTime(12, 0)); });
    connect(m_removeWindow, &QPushButton::clicked, this, [this] {
        if (m_windows->currentRow() >= 0)
            m_windows->removeRow(m_windows->currentRow());
    });

    const QDate today = QDate::currentDate();
    for (QDateEdit* e : {m_earliest, m_latest}) {
        e->setCalendarPopup(true);
        e->setDate(today);
        e->setEnabled(false);
    }
    connect(m_hasEarliest, &QCheckBox::toggled, m_earliest, &QWidget::setEnabled);
    connect(m_hasLatest, &QCheckBox::toggled, m_latest, &QWidget::setEnabled);
    m_expires->setCalendarPopup(true);
    m_expires->setDateTime(QDateTime(today.addDays(30), QTime(17, 0)));
    m_expires->setEnabled(false);
    connect(m_hasExpiry, &QCheckBox::toggled, m_expires, &QWidget::setEnabled);
    m_notes->setPlaceholderText(tr("Scheduling notes only (no clinical details)"));
    m_notes->setTabChangesFocus(true);
    m_problem->setObjectName(u"waitlistProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #b00020"_s);

    auto* form = new QFormLayout;
    auto label = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    form->addRow(label(tr("&Client:"), m_client), m_client);
    form->addRow(label(tr("&Provider:"), m_provider), m_provider);
    form->addRow(label(tr("&Type:"), m_type), m_type);
    form->addRow(label(tr("&Duration:"), m_duration), m_duration);
    form->addRow(label(tr("&Location:"), m_location), m_location);
    auto* windowButtons = new QHBoxLayout;
    windowButtons->addWidget(m_addWindow);
    windowButtons->addWidget(m_removeWindow);
    windowButtons->addStretch();
    auto* windows = new QVBoxLayout;
    windows->addWidget(m_windows);
    windows->addLayout(windowButtons);
    form->addRow(label(tr("Preferred &times:"), m_windows), windows);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_hasEarliest);
    dates->addWidget(m_earliest);
    dates->addWidget(m_hasLatest);
    dates->addWidget(m_latest);
    form->addRow(tr("Dates:"), dates);
    form->addRow(label(tr("P&riority:"), m_priority), m_priority);
    form->addRow(label(tr("&Notes:"), m_notes), m_notes);
    auto* expiry = new QHBoxLayout;
    expiry->addWidget(m_hasExpiry);
    expiry->addWidget(m_expires, 1);
    form->addRow(tr("Expiry:"), expiry);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &WaitlistDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &WaitlistDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_problem->hide();
}

void WaitlistDialog::setClients(const QList<domain::Client>& clients) {
    QHash<QString, int> count;
    for (const auto& c : clients)
        ++count[c.displayName()];
    QStringList labels;
    m_clientByLabel.clear();
    m_labelOfClient.clear();
    for (const auto& c : clients) {
        QString label = c.displayName();
        if (count.value(label) > 1)
            label = tr("%1 (%2)").arg(label, c.email ? *c.email : c.id().toString().right(6));
        m_clientByLabel.insert(label, c.id().toString());
        m_labelOfClient.insert(c.id().toString(), label);
        labels << label;
    }
    labels.sort(Qt::CaseInsensitive);
    static_cast<QStringListModel*>(m_client->completer()->model())->setStringList(labels);
}

void WaitlistDialog::setProviders(const QList<domain::Staff>& providers) {
    while (m_provider->count() > 1)
        m_provider->removeItem(1);
    for (const auto& s : providers)
        m_provider->addItem(s.displayName(), s.id().toString());
}

void WaitlistDialog::addWindow(int weekday, QTime from, QTime to) {
    const int row = m_windows->rowCount();
    m_windows->insertRow(row);
    auto* day = new QComboBox(m_windows);
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d)
        day->addItem(weekdayName(d), weekdayWire[d - 1]);
    day->setCurrentIndex(weekday - 1);
    auto* start = new QTimeEdit(from, m_windows);
    auto* end = new QTimeEdit(to, m_windows);
    start->setDisplayFormat(u"HH:mm"_s);
    end->setDisplayFormat(u"HH:mm"_s);
    m_windows->setCellWidget(row, 0, day);
    m_windows->setCellWidget(row, 1, start);
    m_windows->setCellWidget(row, 2, end);
    m_windows->setCurrentCell(row, 0);
}

void WaitlistDialog::setEntry(const QJsonObject& e) {
    m_base = e;
    const QString client = idOf(e.value("client"_L1));
    m_client->setText(m_labelOfClient.value(client, client));
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(idOf(e.value("provider"_L1)))));
    m_type->setCurrentIndex(
        std::max(0, m_type->findData(e.value("appointmentType"_L1).toString())));
    m_duration->setValue(e.value("duration"_L1).toInt(50));
    m_location->setCurrentIndex(
        std::max(0, m_location->findData(e.value("location"_L1).toString(u"Office"_s))));
    m_windows->setRowCount(0);
    for (const QJsonValue v : e.value("preferredWindows"_L1).toArray()) {
        const QJsonObject w = v.toObject();
        addWindow(int(weekdayWire.indexOf(w.value("dayOfWeek"_L1).toString())) + 1,
                  QTime::fromString(w.value("startTime"_L1).toString(), u"HH:mm"_s),
                  QTime::fromString(w.value("endTime"_L1).toString(), u"HH:mm"_s));
    }
    const auto setDate = [](QCheckBox* box, QDateEdit* edit, const QJsonValue& v) {
        const QDateTime d = fromWireDate(v.toString());
        box->setChecked(d.isValid());
        if (d.isValid())
            edit->setDate(calendarDate(d, QTimeZone::utc()));
    };
    setDate(m_hasEarliest, m_earliest, e.value("earliestDate"_L1));
    setDate(m_hasLatest, m_latest, e.value("latestDate"_L1));
    m_priority->setCurrentIndex(
        std::max(0, m_priority->findData(e.value("priority"_L1).toString(u"Normal"_s))));
    m_notes->setPlainText(e.value("notes"_L1).toString());
    const QDateTime expires = fromWireTime(e.value("expiresAt"_L1).toString());
    m_hasExpiry->setChecked(expires.isValid());
    if (expires.isValid())
        m_expires->setDateTime(expires.toTimeZone(m_zone));
}

QString WaitlistDialog::clientId() const {
    const QString typed = m_client->text().trimmed();
    if (m_clientByLabel.contains(typed))
        return m_clientByLabel.value(typed);
    // Editing an entry whose client this desk does not list: kept as it was.
    const QString base = idOf(m_base.value("client"_L1));
    return !base.isEmpty() && typed == base ? base : QString();
}

QJsonObject WaitlistDialog::entry() const {
    QJsonObject e = m_base;
    e.insert("client"_L1, clientId());
    const QString provider = m_provider->currentData().toString();
    e.insert("provider"_L1, provider.isEmpty() ? QJsonValue() : QJsonValue(provider));
    e.insert("appointmentType"_L1, m_type->currentData().toString());
    e.insert("duration"_L1, m_duration->value());
    e.insert("location"_L1, m_location->currentData().toString());
    QJsonArray windows;
    for (int row = 0; row < m_windows->rowCount(); ++row) {
        const auto* day = static_cast<QComboBox*>(m_windows->cellWidget(row, 0));
        const auto* from = static_cast<QTimeEdit*>(m_windows->cellWidget(row, 1));
        const auto* to = static_cast<QTimeEdit*>(m_windows->cellWidget(row, 2));
        windows.append(QJsonObject{{u"dayOfWeek"_s, day->currentData().toString()},
                                   {u"startTime"_s, from->time().toString(u"HH:mm"_s)},
                                   {u"endTime"_s, to->time().toString(u"HH:mm"_s)}});
    }
    e.insert("preferredWindows"_L1, windows);
    e.insert("earliestDate"_L1, m_hasEarliest->isChecked()
                                    ? QJsonValue(m_earliest->date().toString(Qt::ISODate))
                                    : QJsonValue());
    e.insert("latestDate"_L1, m_hasLatest->isChecked()
                                  ? QJsonValue(m_latest->date().toString(Qt::ISODate))
                                  : QJsonValue());
    e.insert("priority"_L1, m_priority->currentData().toString());
    e.insert("notes"_L1, m_notes->toPlainText().trimmed());
    if (m_hasExpiry->isChecked()) {
        QDateTime local = m_expires->dateTime();
        local.setTimeZone(m_zone);
        e.insert("expiresAt"_L1, toWireTime(local));
    } else {
        e.insert("expiresAt"_L1, QJsonValue());
    }
    return e;
}

QString WaitlistDialog::problem() const {
    if (clientId().isEmpty())
        return m_client->text().trimmed().isEmpty()
                   ? tr("Client: choose the client who is waiting.")
                   : tr("Client: no client is called \"%1\"; pick one from the list.")
                         .arg(m_client->text().trimmed());
    for (int row = 0; row < m_windows->rowCount(); ++row) {
        const auto* from = static_cast<QTimeEdit*>(m_windows->cellWidget(row, 1));
        const auto* to = static_cast<QTimeEdit*>(m_windows->cellWidget(row, 2));
        if (to->time() <= from->time())
            return tr("Preferred times: window %1 ends at or before it starts.").arg(row + 1);
        if (from->time().secsTo(to->time()) < m_duration->value() * 60)
            return tr("Preferred times: window %1 is shorter than the %2 minutes asked for.")
                .arg(row + 1)
                .arg(m_duration->value());
    }
    if (m_hasEarliest->isChecked() && m_hasLatest->isChecked() &&
        m_latest->date() < m_earliest->date())
        return tr("Dates: \"not after\" is before \"not before\".");
    if (m_notes->toPlainText().size() > maxNotes)
        return tr("Notes: at most %1 characters.").arg(maxNotes);
    return {};
}

void WaitlistDialog::accept() {
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (why.isEmpty())
        QDialog::accept();
}

} // namespace mss::ui
