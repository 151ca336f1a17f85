#include "ui/AvailabilityEditor.h"

#include "ui/LocalText.h"
#include "ui/WeeklyHoursGrid.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace mss::ui {

using domain::AvailabilityLocation;
using domain::ProviderAvailability;
using domain::TimeOfDay;

AvailabilityEditor::AvailabilityEditor(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_kind(new QComboBox(this))
    , m_location(new QComboBox(this))
    , m_effectiveFrom(new QDateEdit(this))
    , m_untilEnabled(new QCheckBox(tr("until"), this))
    , m_effectiveUntil(new QDateEdit(this))
    , m_grid(new WeeklyHoursGrid(this))
    , m_exceptions(new QListWidget(this))
    , m_exceptionFrom(new QDateEdit(this))
    , m_exceptionTo(new QDateEdit(this))
    , m_allDay(new QCheckBox(tr("All day"), this))
    , m_exceptionStart(new QTimeEdit(QTime(9, 0), this))
    , m_exceptionEnd(new QTimeEdit(QTime(17, 0), this))
    , m_exceptionKind(new QComboBox(this))
    , m_exceptionNote(new QLineEdit(this))
    , m_addException(new QPushButton(tr("&Add"), this))
    , m_removeException(new QPushButton(tr("&Remove"), this))
    , m_bookedWarning(new QLabel(this))
    , m_openBooked(new QToolButton(this)) {
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);

    m_kind->addItem(tr("Open hours"), true);
    m_kind->addItem(tr("Unavailable"), false);
    m_location->addItem(tr("Office or virtual"), int(AvailabilityLocation::Both));
    m_location->addItem(tr("Office"), int(AvailabilityLocation::Office));
    m_location->addItem(tr("Virtual"), int(AvailabilityLocation::Virtual));
    m_location->addItem(tr("Other location"), int(AvailabilityLocation::Other));
    for (QDateEdit* d : {m_effectiveFrom, m_effectiveUntil, m_exceptionFrom, m_exceptionTo}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setDate(clock.now().date()); // UTC: within a day, and only a default
    }
    m_effectiveUntil->setEnabled(false);
    m_allDay->setChecked(true);
    m_exceptionStart->setEnabled(false);
    m_exceptionEnd->setEnabled(false);
    m_exceptionKind->addItem(tr("Time off"), false);
    m_exceptionKind->addItem(tr("Extra hours"), true);
    m_exceptionNote->setPlaceholderText(tr("Note (optional)"));

    auto* newBlocks = new QHBoxLayout;
    newBlocks->addWidget(new QLabel(tr("Drag on the week to add:"), this));
    newBlocks->addWidget(m_kind);
    newBlocks->addWidget(m_location);
    newBlocks->addWidget(new QLabel(tr("effective from"), this));
    newBlocks->addWidget(m_effectiveFrom);
    newBlocks->addWidget(m_untilEnabled);
    newBlocks->addWidget(m_effectiveUntil);
    newBlocks->addStretch(1);

    auto* exceptionsBox = new QGroupBox(tr("Time off and one-off changes"), this);
    auto* exceptionInputs = new QHBoxLayout;
    exceptionInputs->addWidget(m_exceptionKind);
    exceptionInputs->addWidget(m_exceptionFrom);
    exceptionInputs->addWidget(new QLabel(QStringLiteral("\u2013"), this));
    exceptionInputs->addWidget(m_exceptionTo);
    exceptionInputs->addWidget(m_allDay);
    exceptionInputs->addWidget(m_exceptionStart);
    exceptionInputs->addWidget(m_exceptionEnd);
    exceptionInputs->addWidget(m_exceptionNote, 1);
    exceptionInputs->addWidget(m_addException);
    auto* exceptionsLayout = new QVBoxLayout(exceptionsBox);
    exceptionsLayout->addLayout(exceptionInputs);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_exceptions, 1);
    listRow->addWidget(m_removeException, 0, Qt::AlignTop);
    exceptionsLayout->addLayout(listRow);
    m_bookedWarning->setObjectName(QStringLiteral("bookedInTimeOff"));
    m_bookedWarning->setWordWrap(true);
    m_bookedWarning->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_bookedWarning->hide();
    m_openBooked->setObjectName(QStringLiteral("openBookedInTimeOff"));
    m_openBooked->setPopupMode(QToolButton::MenuButtonPopup);
    m_openBooked->setMenu(new QMenu(m_openBooked));
    m_openBooked->hide();
    auto* warningRow = new QHBoxLayout;
    warningRow->addWidget(m_bookedWarning, 1);
    warningRow->addWidget(m_openBooked, 0, Qt::AlignTop);
    exceptionsLayout->addLayout(warningRow);
    m_exceptions->setMaximumHeight(110);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(newBlocks);
    layout->addWidget(m_grid, 1);
    layout->addWidget(exceptionsBox);

    connect(m_grid, &WeeklyHoursGrid::blockDrawn, this, &AvailabilityEditor::addWeeklyBlock);
    connect(m_grid, &WeeklyHoursGrid::removeRequested, this,
            &AvailabilityEditor::removeWeeklyBlock);
    connect(m_untilEnabled, &QCheckBox::toggled, m_effectiveUntil, &QWidget::setEnabled);
    connect(m_allDay, &QCheckBox::toggled, this, [this](bool allDay) {
        m_exceptionStart->setEnabled(!allDay);
        m_exceptionEnd->setEnabled(!allDay);
    });
    connect(m_exceptionFrom, &QDateEdit::dateChanged, this, [this](QDate d) {
        if (m_exceptionTo->date() < d)
            m_exceptionTo->setDate(d);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const bool open = m_kind->currentData().toBool();
        m_location->setEnabled(open);
        m_grid->setDrawingUnavailable(!open);
    });
    connect(m_addException, &QPushButton::clicked, this, &AvailabilityEditor::addException);
    connect(m_removeException, &QPushButton::clicked, this, &AvailabilityEditor::removeException);
    refreshViews();
}

void AvailabilityEditor::setProvider(const domain::ObjectId& provider, const QString& name) {
    m_provider = provider;
    m_title->setText(tr("Availability of %1").arg(name));
}

void AvailabilityEditor::setRecords(const QList<ProviderAvailability>& records) {
    m_records = records;
    refreshViews();
}

void AvailabilityEditor::setTimeZone(const QTimeZone& zone) {
    m_zone = zone;
    refreshViews();
}

void AvailabilityEditor::refreshViews() {
    m_weeklyRows.clear();
    m_exceptionRows.clear();
    QList<ProviderAvailability> weekly;
    m_exceptions->clear();
    const QLocale locale;
    for (int i = 0; i < m_records.size(); ++i) {
        const auto& r = m_records.at(i);
        if (r.isRecurring) {
            m_weeklyRows << i;
            weekly << r;
            continue;
        }
        m_exceptionRows << i;
        const QDate first = r.effectiveDate ? calendarDate(*r.effectiveDate, m_zone) : QDate();
        const QDate last = r.endDate ? calendarDate(*r.endDate, m_zone) : first;
        QString days = locale.toString(first, u"ddd d MMM yyyy");
        if (last.isValid() && last != first)
            days += QStringLiteral(" \u2013 ") + locale.toString(last, u"ddd d MMM yyyy");
        const bool allDay = r.startTime.minutes() == 0 && r.endTime.minutes() == 24 * 60;
        const QString hours =
            allDay ? tr("all day")
                   : r.startTime.toString() + QStringLiteral("\u2013") + r.endTime.toString();
        QString text =
            tr("%1, %2: %3").arg(days, hours, r.isAvailable ? tr("extra hours") : tr("time off"));
        if (r.notes && !r.notes->isEmpty())
            text += QStringLiteral(" (") + *r.notes + QLatin1Char(')');
        m_exceptions->addItem(text);
    }
    m_grid->setBlocks(weekly);
    m_removeException->setEnabled(!m_exceptionRows.isEmpty());
}

void AvailabilityEditor::changed() {
    refreshViews();
    emit recordsChanged(m_provider, m_records);
}

void AvailabilityEditor::addWeeklyBlock(domain::DayOfWeek day, int startMinute, int endMinute) {
    ProviderAvailability r;
    r.provider.id = m_provider;
    r.dayOfWeek = day;
    r.startTime = *TimeOfDay::fromMinutes(startMinute);
    r.endTime = *TimeOfDay::fromMinutes(endMinute);
    r.isAvailable = m_kind->currentData().toBool();
    r.location = static_cast<AvailabilityLocation>(m_location->currentData().toInt());
    r.effectiveDate = calendarDateInstant(m_effectiveFrom->date());
    if (m_untilEnabled->isChecked())
        r.endDate = calendarDateInstant(m_effectiveUntil->date());
    r.isRecurring = true;
    m_records << r;
    changed();
}

void AvailabilityEditor::removeWeeklyBlock(int gridIndex) {
    if (gridIndex < 0 || gridIndex >= m_weeklyRows.size())
        return;
    m_records.removeAt(m_weeklyRows.at(gridIndex));
    changed();
}

void AvailabilityEditor::addException() {
    ProviderAvailability r;
    r.provider.id = m_provider;
    r.isRecurring = false;
    r.isAvailable = m_exceptionKind->currentData().toBool();
    r.dayOfWeek = static_cast<domain::DayOfWeek>(m_exceptionFrom->date().dayOfWeek());
    r.effectiveDate = calendarDateInstant(m_exceptionFrom->date());
    r.endDate = calendarDateInstant(std::max(m_exceptionFrom->date(), m_exceptionTo->date()));
    const auto minutes = [](QTime t) { return t.hour() * 60 + t.minute(); };
    const int from = m_allDay->isChecked() ? 0 : minutes(m_exceptionStart->time());
    const int to = m_allDay->isChecked() ? 24 * 60 : minutes(m_exceptionEnd->time());
    if (to <= from)
        return; // the end is before the start: nothing sensible to add
    r.startTime = *TimeOfDay::fromMinutes(from);
    r.endTime = *TimeOfDay::fromMinutes(to);
    r.location = AvailabilityLocation::Both;
    const QString note = m_exceptionNote->text().trimmed();
    if (!note.isEmpty())
        r.notes = note;
    m_records << r;
    m_exceptionNote->clear();
    changed();
    showBookedInTimeOff({});
    if (!r.isAvailable)
        emit timeOffAdded(r);
}

void AvailabilityEditor::showBookedInTimeOff(const QList<BookedInTimeOff>& booked) {
    m_bookedWarning->setVisible(!booked.isEmpty());
    m_openBooked->setVisible(!booked.isEmpty());
    QMenu* menu = m_openBooked->menu();
    menu->clear();
    m_openBooked->disconnect(this);
    if (booked.isEmpty())
        return;
    const QLocale locale;
    QStringList named;
    for (const BookedInTimeOff& b : booked) {
        const QString text = locale.toString(b.start.toTimeZone(m_zone).date(), u"ddd") +
                             QLatin1Char(' ') + LocalText::time(b.start, m_zone) +
                             QLatin1Char(' ') + b.title;
        named << text;
        menu->addAction(text, this, [this, id = b.id] { emit openAppointmentRequested(id); });
    }
    constexpr int shown = 5;
    QString list = named.mid(0, shown).join(tr(", "));
    if (named.size() > shown)
        list = tr("%1 and %n more", nullptr, int(named.size() - shown)).arg(list);
    m_bookedWarning->setText(
        tr("%n appointment(s) booked in this time off: %1", nullptr, int(booked.size())).arg(list));
    m_openBooked->setText(booked.size() == 1 ? tr("&Open it") : tr("&Open the first"));
    m_openBooked->setToolTip(tr("Open an appointment booked in this time off, to move or cancel "
                                "it"));
    connect(m_openBooked, &QToolButton::clicked, this,
            [this, id = booked.front().id] { emit openAppointmentRequested(id); });
}

void AvailabilityEditor::removeException() {
    const int row = m_exceptions->currentRow();
    if (row < 0 || row >= m_exceptionRows.size())
        return;
    m_records.removeAt(m_exceptionRows.at(row));
    changed();
}

} // namespace mss::ui
