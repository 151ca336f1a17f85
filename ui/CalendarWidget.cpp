#include "ui/CalendarWidget.h"

#include "base/WallClock.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/DayView.h"
#include "ui/MonthView.h"
#include "ui/ProviderLegend.h"
#include "ui/ProviderView.h"
#include "ui/WeekView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mss::ui {

CalendarWidget::CalendarWidget(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_bar(new NavigationBar(this))
    , m_stack(new QStackedWidget(this))
    , m_day(new DayView(clock, m_stack))
    , m_week(new WeekView(clock, m_stack))
    , m_providers(new ProviderView(clock, m_stack))
    , m_month(new MonthView(clock, m_stack))
    , m_side(new QWidget(this))
    , m_mini(new MiniMonth(m_side))
    , m_legend(new ProviderLegend(m_side))
    , m_location(new QComboBox(m_side)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_stack, 1);
    body->addWidget(m_side);
    layout->addLayout(body, 1);

    // Beside the views: the mini month, the legend and the location.
    m_side->setObjectName(QStringLiteral("calendarSidePanel"));
    m_side->setFixedWidth(236);
    auto* side = new QVBoxLayout(m_side);
    side->setContentsMargins(8, 8, 8, 8);
    side->setSpacing(10);
    m_mini->setMaximumHeight(200);
    side->addWidget(m_mini);
    auto* locationLabel = new QLabel(tr("&Location:"), m_side);
    locationLabel->setBuddy(m_location);
    m_location->setObjectName(QStringLiteral("locationPicker"));
    m_location->addItem(tr("All locations"), -1);
    for (const auto location :
         {domain::Location::Office, domain::Location::Virtual, domain::Location::Phone,
          domain::Location::HomeVisit, domain::Location::Other})
        m_location->addItem(AppointmentTypes::name(location), static_cast<int>(location));
    side->addWidget(locationLabel);
    side->addWidget(m_location);
    side->addWidget(m_legend);
    side->addStretch(1);
    connect(m_mini, &MiniMonth::dayChosen, this, &CalendarWidget::setDate);
    connect(m_location, &QComboBox::activated, this, [this](int index) {
        CalendarFilter f = m_filter;
        const int value = m_location->itemData(index).toInt();
        f.location = value < 0 ? std::nullopt : std::optional(static_cast<domain::Location>(value));
        setFilter(f);
    });
    // Stack order follows CalendarMode.
    m_stack->addWidget(m_day);
    m_stack->addWidget(m_week);
    m_stack->addWidget(m_providers);
    m_stack->addWidget(m_month);

    forward(m_day);
    forward(m_week);
    forward(m_providers);
    connect(m_month, &MonthView::newAppointmentRequested, this,
            &CalendarWidget::newAppointmentRequested);
    connect(m_month, &MonthView::todayRequested, this, &CalendarWidget::goToday);
    connect(m_month, &MonthView::stepRequested, this,
            [this](int direction) { direction < 0 ? goPrevious() : goNext(); });
    connect(m_month, &MonthView::dateChanged, this, &CalendarWidget::setDate);
    connect(m_month, &MonthView::dayActivated, this, [this](QDate day) {
        setDate(day);
        setMode(CalendarMode::Day);
    });

    connect(m_bar, &NavigationBar::todayClicked, this, &CalendarWidget::goToday);
    connect(m_bar, &NavigationBar::previousClicked, this, &CalendarWidget::goPrevious);
    connect(m_bar, &NavigationBar::nextClicked, this, &CalendarWidget::goNext);
    connect(m_bar, &NavigationBar::dateChosen, this, &CalendarWidget::setDate);
    connect(m_bar, &NavigationBar::modeChosen, this, &CalendarWidget::setMode);
    connect(m_bar, &NavigationBar::providerChosen, this, &CalendarWidget::setProvider);
    connect(m_bar, &NavigationBar::zoomInClicked, this, [this] {
        m_day->zoomIn();
        setPixelsPerHour(m_day->pixelsPerHour());
    });
    connect(m_bar, &NavigationBar::zoomOutClicked, this, [this] {
        m_day->zoomOut();
        setPixelsPerHour(m_day->pixelsPerHour());
    });

    setDayMarker({});
    m_date = today();
    for (TimeGridView* v : {static_cast<TimeGridView*>(m_day), static_cast<TimeGridView*>(m_week),
                            static_cast<TimeGridView*>(m_providers)})
        v->scrollToTime(QTime(7, 30));
    refresh();
}

void CalendarWidget::forward(TimeGridView* view) {
    connect(view, &TimeGridView::newAppointmentRequested, this,
            &CalendarWidget::newAppointmentRequested);
    connect(view, &TimeGridView::moveRequested, this, &CalendarWidget::moveRequested);
    connect(view, &TimeGridView::resizeRequested, this, &CalendarWidget::resizeRequested);
    connect(view, &TimeGridView::editRequested, this, &CalendarWidget::editRequested);
    connect(view, &TimeGridView::cancelRequested, this, &CalendarWidget::cancelRequested);
    connect(view, &TimeGridView::completeRequested, this, &CalendarWidget::completeRequested);
    connect(view, &TimeGridView::noShowRequested, this, &CalendarWidget::noShowRequested);
    connect(view, &TimeGridView::confirmRequested, this, &CalendarWidget::confirmRequested);
    connect(view, &TimeGridView::reinstateRequested, this, &CalendarWidget::reinstateRequested);
    connect(view, &TimeGridView::appointmentSelected, this, &CalendarWidget::appointmentSelected);
    connect(view, &TimeGridView::slotSelected, this, &CalendarWidget::slotSelected);
    connect(view, &TimeGridView::todayRequested, this, &CalendarWidget::goToday);
    connect(view, &TimeGridView::stepRequested, this,
            [this](int direction) { direction < 0 ? goPrevious() : goNext(); });
    connect(view, &TimeGridView::zoomChanged, this, &CalendarWidget::setPixelsPerHour);
}

void CalendarWidget::setModel(CalendarModel* model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_day->setModel(model);
    m_week->setModel(model);
    m_providers->setModel(model);
    m_month->setModel(model);
    if (m_model) {
        const auto names = [this] {
            m_bar->setProviders(m_model->providers());
            refreshLegend();
        };
        connect(m_model, &CalendarModel::decorationChanged, this, names);
        names();
        connect(m_model, &QAbstractItemModel::modelReset, this, &CalendarWidget::refreshDayMarks);
    }
    refresh();
    refreshDayMarks();
}

void CalendarWidget::setFilter(const CalendarFilter& filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_day->setFilter(filter);
    m_week->setFilter(filter);
    m_providers->setFilter(filter);
    m_month->setFilter(filter);
    m_location->setCurrentIndex(std::max(
        0, m_location->findData(filter.location ? static_cast<int>(*filter.location) : -1)));
    refreshDayMarks();
    emit filterChanged(filter);
}

void CalendarWidget::setShowCancelled(bool show) {
    CalendarFilter f = m_filter;
    f.showCancelled = show;
    setFilter(f);
}

bool CalendarWidget::showsProviderColours() const {
    return m_mode == CalendarMode::Providers || m_provider.isNull();
}

void CalendarWidget::setDayMarker(MiniMonth::DayMarker marker) {
    if (!marker) {
        // The days of the model's appointments that the views show.
        marker = [this](QDate first, QDate last) {
            QSet<QDate> days;
            if (!m_model)
                return days;
            const QTimeZone& zone = m_model->timeZone();
            for (const domain::Appointment& a : m_model->appointments()) {
                const QDate d = localDate(a.startTime, zone);
                if (d >= first && d <= last && m_filter.shows(a) &&
                    (m_provider.isNull() || a.provider.id == m_provider))
                    days.insert(d);
            }
            return days;
        };
    }
    m_mini->setDayMarker(std::move(marker));
}

void CalendarWidget::refreshDayMarks() {
    m_mini->refreshMarks();
}

void CalendarWidget::refreshLegend() {
    QList<ProviderLegend::Entry> entries;
    if (m_model) {
        for (const auto& s : m_model->providers())
            entries.append({s.displayName(), m_model->providerColour(s.id())});
    }
    m_legend->setEntries(entries);
    m_legend->setVisible(showsProviderColours() && !entries.isEmpty());
}

QDate CalendarWidget::today() const {
    return localDate(m_clock.now(), m_model ? m_model->timeZone() : QTimeZone::utc());
}

void CalendarWidget::setMode(CalendarMode mode) {
    if (mode == m_mode)
        return;
    m_mode = mode;
    refresh();
    emit modeChanged(mode);
}

void CalendarWidget::setDate(QDate date) {
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    refresh();
    emit dateChanged(date);
}

void CalendarWidget::setProvider(const domain::ObjectId& provider) {
    m_provider = provider;
    refresh();
}

bool CalendarWidget::showAppointment(const domain::ObjectId& id, QDate date,
                                     const domain::ObjectId& provider) {
    if (m_mode == CalendarMode::Month)
        setMode(CalendarMode::Day);
    // Day with every provider and the Providers view show anyone's; Week
    // and a one-provider Day show one provider.
    const bool oneProvider =
        m_mode == CalendarMode::Week || (m_mode == CalendarMode::Day && !m_provider.isNull());
    if (oneProvider && !provider.isNull() && m_provider != provider)
        setProvider(provider);
    setDate(date);
    // What it looks for is shown, whatever the filter left out.
    if (m_model) {
        if (const auto a = m_model->appointment(id); a && !m_filter.shows(*a)) {
            CalendarFilter f = m_filter;
            f.showCancelled = f.showCancelled || CalendarFilter::isReleased(*a);
            if (f.location && *f.location != a->location)
                f.location.reset();
            setFilter(f);
        }
    }
    auto* grid = qobject_cast<TimeGridView*>(currentView());
    return grid && grid->selectAppointment(id);
}

void CalendarWidget::goToday() {
    setDate(today());
}

void CalendarWidget::goPrevious() {
    setDate(m_mode == CalendarMode::Month  ? m_date.addMonths(-1)
            : m_mode == CalendarMode::Week ? m_date.addDays(-7)
                                           : m_date.addDays(-1));
}

void CalendarWidget::goNext() {
    setDate(m_mode == CalendarMode::Month  ? m_date.addMonths(1)
            : m_mode == CalendarMode::Week ? m_date.addDays(7)
                                           : m_date.addDays(1));
}

void CalendarWidget::setSnapMinutes(int minutes) {
    m_day->setSnapMinutes(minutes);
    m_week->setSnapMinutes(minutes);
    m_providers->setSnapMinutes(minutes);
}

void CalendarWidget::setPixelsPerHour(int pixels) {
    // One zoom for every time grid, so switching views keeps the scale.
    for (TimeGridView* v : {static_cast<TimeGridView*>(m_day), static_cast<TimeGridView*>(m_week),
                            static_cast<TimeGridView*>(m_providers)}) {
        const QSignalBlocker block(v);
        v->setPixelsPerHour(pixels);
    }
}

void CalendarWidget::setDefaultDurationMinutes(int minutes) {
    m_day->setDefaultDurationMinutes(minutes);
    m_week->setDefaultDurationMinutes(minutes);
    m_providers->setDefaultDurationMinutes(minutes);
}

void CalendarWidget::setChecker(BookingChecker checker) {
    m_day->setChecker(checker);
    m_week->setChecker(checker);
    m_providers->setChecker(std::move(checker));
}

void CalendarWidget::setAllowedActions(CalendarActions actions) {
    m_day->setAllowedActions(actions);
    m_week->setAllowedActions(actions);
    m_providers->setAllowedActions(actions);
    m_month->setAllowedActions(actions);
}

domain::ObjectId CalendarWidget::shownProvider() const {
    if (m_mode == CalendarMode::Providers)
        return {};
    if (m_mode == CalendarMode::Week && m_provider.isNull() && m_model &&
        !m_model->providers().isEmpty())
        return m_model->providers().first().id();
    return m_provider;
}

std::optional<GridSlot> CalendarWidget::selectedSlot() const {
    const auto* grid = qobject_cast<const TimeGridView*>(currentView());
    return grid ? grid->selectedSlot() : std::nullopt;
}

QWidget* CalendarWidget::currentView() const {
    return m_stack->currentWidget();
}

QDate CalendarWidget::firstVisibleDate() const {
    switch (m_mode) {
    case CalendarMode::Week:
        return m_week->firstDate();
    case CalendarMode::Month:
        return m_month->firstDate();
    case CalendarMode::Day:
    case CalendarMode::Providers:
        break;
    }
    return m_date;
}

QDate CalendarWidget::lastVisibleDate() const {
    switch (m_mode) {
    case CalendarMode::Week:
        return m_week->lastDate();
    case CalendarMode::Month:
        return m_month->lastDate();
    case CalendarMode::Day:
    case CalendarMode::Providers:
        break;
    }
    return m_date;
}

QString CalendarWidget::periodText() const {
    const QLocale locale;
    switch (m_mode) {
    case CalendarMode::Week: {
        const QDate first = m_week->firstDate();
        const QDate last = m_week->lastDate();
        if (first.month() == last.month())
            return tr("%1 \u2013 %2")
                .arg(locale.toString(first, u"d"), locale.toString(last, u"d MMMM yyyy"));
        return tr("%1 \u2013 %2")
            .arg(locale.toString(first, u"d MMM"), locale.toString(last, u"d MMM yyyy"));
    }
    case CalendarMode::Month:
        return locale.toString(m_date, u"MMMM yyyy");
    case CalendarMode::Day:
    case CalendarMode::Providers:
        break;
    }
    return locale.toString(m_date, QLocale::LongFormat);
}

void CalendarWidget::refresh() {
    const std::optional<domain::ObjectId> shown =
        m_provider.isNull() ? std::nullopt : std::optional<domain::ObjectId>(m_provider);
    m_day->setProvider(shown);
    m_week->setProvider(shown);
    m_month->setProvider(shown);
    {
        const QSignalBlocker b1(m_day), b2(m_week), b3(m_providers), b4(m_month);
        m_day->setDate(m_date);
        m_week->setDate(m_date);
        m_providers->setDate(m_date);
        m_month->setDate(m_date);
    }
    m_stack->setCurrentIndex(static_cast<int>(m_mode));
    m_bar->setMode(m_mode);
    m_bar->setDate(m_date);
    m_bar->setProvider(m_provider);
    m_bar->providerPicker()->setEnabled(m_mode != CalendarMode::Providers);
    m_bar->setPeriodText(periodText());
    // Only a new date turns the mini month's page: a refresh (a sync, the
    // directory read again) leaves the month the user is browsing there.
    if (m_mini->selectedDate() != m_date) {
        const QSignalBlocker block(m_mini);
        m_mini->setSelectedDate(m_date);
    }
    refreshDayMarks();
    refreshLegend();

    const QDate first = firstVisibleDate();
    const QDate last = lastVisibleDate();
    if (first != m_shownFirst || last != m_shownLast) {
        m_shownFirst = first;
        m_shownLast = last;
        emit visibleRangeChanged(first, last);
    }
}

} // namespace mss::ui
