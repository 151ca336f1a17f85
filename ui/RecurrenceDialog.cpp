#include "ui/RecurrenceDialog.h"

#include "base/WallClock.h"
#include "domain/Limits.h"
#include "domain/ProviderAvailability.h"
#include "ui/AppointmentTypes.h"
#include "ui/LocalText.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace mss::ui {

using domain::DayOfWeek;
using domain::RecurrencePattern;

RecurrenceDialog::RecurrenceDialog(QWidget* parent)
    : QDialog(parent)
    , m_pattern(new QComboBox(this))
    , m_weekday(new QComboBox(this))
    , m_dayOfMonth(new QSpinBox(this))
    , m_weekOfMonth(new QComboBox(this))
    , m_rule(new QLineEdit(this))
    , m_startDate(new QDateEdit(this))
    , m_time(new QTimeEdit(this))
    , m_endAfter(new QRadioButton(tr("After"), this))
    , m_count(new QSpinBox(this))
    , m_endOn(new QRadioButton(tr("On"), this))
    , m_endDate(new QDateEdit(this))
    , m_skipConflicts(new QCheckBox(tr("Skip the dates that conflict"), this))
    , m_preview(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_seedText(new QLabel(this))
    , m_form(new QFormLayout) {
    setWindowTitle(tr("Repeat appointment"));
    setMinimumSize(520, 560);

    m_pattern->addItem(tr("Weekly"), int(Pattern::Weekly));
    m_pattern->addItem(tr("Every two weeks"), int(Pattern::Biweekly));
    m_pattern->addItem(tr("Monthly, on a day of the month"), int(Pattern::MonthlyByDay));
    m_pattern->addItem(tr("Monthly, on a weekday of the month"), int(Pattern::MonthlyByWeekday));
    m_pattern->addItem(tr("Custom rule (RFC 5545)"), int(Pattern::Custom));
    for (int d = 1; d <= 7; ++d)
        m_weekday->addItem(QLocale().dayName(d, QLocale::LongFormat), d);
    m_dayOfMonth->setRange(1, 31);
    m_dayOfMonth->setToolTip(tr("On 29, 30 or 31, shorter months use their last day"));
    m_weekOfMonth->addItem(tr("First"), 1);
    m_weekOfMonth->addItem(tr("Second"), 2);
    m_weekOfMonth->addItem(tr("Third"), 3);
    m_weekOfMonth->addItem(tr("Fourth"), 4);
    m_weekOfMonth->addItem(tr("Last"), 5);
    m_rule->setPlaceholderText(QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TH"));
    m_startDate->setCalendarPopup(true);
    m_startDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_endDate->setCalendarPopup(true);
    m_endDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    QString timeFormat = QLocale().timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QLatin1String(":ss"));
    m_time->setDisplayFormat(timeFormat);
    m_count->setRange(1, domain::maxSeriesOccurrences);
    m_count->setValue(10);
    m_count->setSuffix(tr(" occurrences"));
    m_endAfter->setChecked(true);
    auto* ends = new QButtonGroup(this);
    ends->addButton(m_endAfter);
    ends->addButton(m_endOn);
    m_skipConflicts->setChecked(true);
    m_seedText->setWordWrap(true);
    QFont bold = m_seedText->font();
    bold.setBold(true);
    m_seedText->setFont(bold);

    auto* start = new QHBoxLayout;
    start->addWidget(m_startDate, 2);
    start->addWidget(m_time, 1);
    auto* end = new QHBoxLayout;
    end->addWidget(m_endAfter);
    end->addWidget(m_count, 1);
    end->addSpacing(12);
    end->addWidget(m_endOn);
    end->addWidget(m_endDate, 1);

    auto* patternLabel = new QLabel(tr("&Repeat:"), this);
    patternLabel->setBuddy(m_pattern);
    auto* startLabel = new QLabel(tr("&Starting:"), this);
    startLabel->setBuddy(m_startDate);
    auto* endLabel = new QLabel(tr("Ends:"), this);
    m_form->addRow(patternLabel, m_pattern);
    m_form->addRow(tr("&Week of the month:"), m_weekOfMonth);
    m_form->addRow(tr("&Day:"), m_weekday);
    m_form->addRow(tr("Day of the &month:"), m_dayOfMonth);
    m_form->addRow(tr("R&ule:"), m_rule);
    m_form->addRow(startLabel, start);
    m_form->addRow(endLabel, end);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Create series"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_seedText);
    layout->addLayout(m_form);
    layout->addWidget(new QLabel(tr("Dates:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_skipConflicts);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pattern, &QComboBox::currentIndexChanged, this, &RecurrenceDialog::patternChosen);
    for (QComboBox* box : {m_weekday, m_weekOfMonth})
        connect(box, &QComboBox::currentIndexChanged, this, &RecurrenceDialog::refresh);
    for (QSpinBox* box : {m_dayOfMonth, m_count})
        connect(box, &QSpinBox::valueChanged, this, &RecurrenceDialog::refresh);
    for (QDateEdit* box : {m_startDate, m_endDate})
        connect(box, &QDateEdit::dateChanged, this, &RecurrenceDialog::refresh);
    connect(m_time, &QTimeEdit::timeChanged, this, &RecurrenceDialog::refresh);
    connect(m_rule, &QLineEdit::textChanged, this, &RecurrenceDialog::refresh);
    connect(m_endAfter, &QRadioButton::toggled, this, &RecurrenceDialog::refresh);
    connect(m_skipConflicts, &QCheckBox::toggled, this, &RecurrenceDialog::refresh);
    patternChosen();
}

RecurrenceDialog::~RecurrenceDialog() = default;

void RecurrenceDialog::setTimeZone(const QTimeZone& zone) {
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    setSeed(m_seed);
}

void RecurrenceDialog::setChecker(BookingChecker checker) {
    m_checker = std::move(checker);
    refresh();
}

void RecurrenceDialog::setConflictDescriber(ConflictDescriber describer) {
    m_describer = std::move(describer);
    refresh();
}

void RecurrenceDialog::setSeed(const domain::Appointment& first) {
    m_seed = first;
    m_loading = true;
    if (first.startTime.isValid()) {
        const QDateTime local = first.startTime.toTimeZone(m_zone);
        m_startDate->setDate(local.date());
        m_time->setTime(local.time());
        m_endDate->setDate(local.date().addMonths(3));
        // The natural reading of "repeat" from this appointment: its
        // weekday, its day of the month, its week of the month.
        m_weekday->setCurrentIndex(local.date().dayOfWeek() - 1);
        m_dayOfMonth->setValue(local.date().day());
        const int week = (local.date().day() - 1) / 7 + 1;
        const bool last = local.date().addDays(7).month() != local.date().month();
        m_weekOfMonth->setCurrentIndex(last ? 4 : std::min(week, 4) - 1);
        m_seedText->setText(tr("%1, %2 min, from %3")
                                .arg(AppointmentTypes::name(first.appointmentType))
                                .arg(first.duration)
                                .arg(QLocale().toString(local.date(), QLocale::LongFormat)));
    }
    m_loading = false;
    refresh();
}

void RecurrenceDialog::patternChosen() {
    const auto p = static_cast<Pattern>(m_pattern->currentData().toInt());
    m_form->setRowVisible(m_weekday, p == Pattern::Weekly || p == Pattern::Biweekly ||
                                         p == Pattern::MonthlyByWeekday);
    m_form->setRowVisible(m_weekOfMonth, p == Pattern::MonthlyByWeekday);
    m_form->setRowVisible(m_dayOfMonth, p == Pattern::MonthlyByDay);
    m_form->setRowVisible(m_rule, p == Pattern::Custom);
    refresh();
}

domain::RecurringAppointment RecurrenceDialog::series() const {
    domain::RecurringAppointment s;
    s.client = m_seed.client;
    s.provider = m_seed.provider;
    s.appointmentType = m_seed.appointmentType;
    s.duration = m_seed.duration > 0
                     ? m_seed.duration
                     : AppointmentTypes::usualDurationMinutes(m_seed.appointmentType);
    s.location = m_seed.location;
    s.virtualMeetingLink = m_seed.virtualMeetingLink;
    s.notes = m_seed.notes;
    const QTime t = m_time->time();
    s.startTime = *domain::TimeOfDay::fromMinutes(t.hour() * 60 + t.minute());
    s.startDate = calendarDateInstant(m_startDate->date());
    const auto day = static_cast<DayOfWeek>(m_weekday->currentData().toInt());
    switch (static_cast<Pattern>(m_pattern->currentData().toInt())) {
    case Pattern::Weekly:
        s.recurrencePattern = RecurrencePattern::Weekly;
        s.dayOfWeek = day;
        break;
    case Pattern::Biweekly:
        s.recurrencePattern = RecurrencePattern::Biweekly;
        s.dayOfWeek = day;
        break;
    case Pattern::MonthlyByDay:
        s.recurrencePattern = RecurrencePattern::Monthly;
        s.dayOfMonth = m_dayOfMonth->value();
        break;
    case Pattern::MonthlyByWeekday:
        s.recurrencePattern = RecurrencePattern::Monthly;
        s.useWeekOfMonth = true;
        s.dayOfWeek = day;
        s.weekOfMonth = m_weekOfMonth->currentData().toInt();
        break;
    case Pattern::Custom:
        s.recurrencePattern = RecurrencePattern::Custom;
        s.recurrenceRule = m_rule->text().trimmed();
        break;
    }
    if (m_endAfter->isChecked())
        s.numberOfOccurrences = m_count->value();
    else
        s.endDate = calendarDateInstant(m_endDate->date());
    if (m_skipConflicts->isChecked()) {
        for (const int row : m_conflicting) {
            domain::SeriesException e;
            e.date = calendarDateInstant(m_occurrences.at(row).originalDate);
            e.reason = tr("Conflicts with another appointment");
            s.exceptions << e;
        }
    }
    return s;
}

void RecurrenceDialog::refresh() {
    if (m_loading)
        return;
    m_count->setEnabled(m_endAfter->isChecked());
    m_endDate->setEnabled(!m_endAfter->isChecked());
    m_preview->clear();
    m_occurrences.clear();
    m_conflicting.clear();

    // The preview is of the pattern alone; the skipped dates are derived
    // from it, so they are not applied here.
    domain::RecurringAppointment pattern = series();
    pattern.exceptions.clear();
    const auto expanded = recurrence::allOccurrences(pattern, m_zone);
    if (!expanded) {
        QStringList problems;
        for (const auto& e : expanded.error())
            problems << e.message;
        m_summary->setText(
            tr("This repetition cannot be used: %1").arg(problems.join(QStringLiteral("; "))));
        m_summary->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
        m_skipConflicts->setVisible(false);
        m_ok->setEnabled(false);
        return;
    }
    m_occurrences = *expanded;
    const QLocale locale;
    for (int i = 0; i < m_occurrences.size(); ++i) {
        const auto& o = m_occurrences.at(i);
        QString text = locale.toString(o.start.toTimeZone(m_zone).date(), u"ddd d MMM yyyy") +
                       QStringLiteral("   ") + LocalText::span(o.start, o.end, m_zone);
        auto* item = new QListWidgetItem(text, m_preview);
        if (!m_checker)
            continue;
        domain::Appointment a = m_seed;
        a.meta = {};
        a.startTime = o.start;
        a.endTime = o.end;
        a.duration = pattern.duration;
        const BookingCheck check = m_checker(a);
        if (!check.conflicts.isEmpty()) {
            m_conflicting << i;
            const auto& c = check.conflicts.first();
            const QString with = m_describer ? m_describer(c) : tr("another appointment");
            item->setText(tr("%1   \u2014 conflicts: %2").arg(text, with));
            item->setForeground(QColor(0x8a, 0x1c, 0x1c));
            item->setBackground(QColor(0xfd, 0xec, 0xea));
        } else if (check.outsideAvailability) {
            item->setText(tr("%1   \u2014 outside availability").arg(text));
            item->setForeground(QColor(0x7a, 0x4b, 0x00));
        }
    }
    m_summary->setStyleSheet(QString());
    const int n = int(m_occurrences.size());
    if (m_conflicting.isEmpty())
        m_summary->setText(tr("%n appointment(s) will be booked.", nullptr, n));
    else
        m_summary->setText(tr("%n appointment(s), ", nullptr, n) +
                           tr("%n of which conflict(s).", nullptr, int(m_conflicting.size())));
    m_skipConflicts->setVisible(!m_conflicting.isEmpty());
    const int booked = m_skipConflicts->isChecked() ? n - int(m_conflicting.size()) : n;
    m_ok->setEnabled(booked > 0 && (m_conflicting.isEmpty() || m_skipConflicts->isChecked()));
}

} // namespace mss::ui
