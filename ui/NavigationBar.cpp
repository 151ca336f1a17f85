#include "ui/NavigationBar.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace mss::ui {

namespace {

// The date box: its arrows (and the Up/Down keys) move a day, whichever
// part of the date the cursor is in, so that they never jump a year or a
// month without saying so; the year changes only as the days cross it.
class DayStepDateEdit : public QDateEdit {
public:
    using QDateEdit::QDateEdit;

    void stepBy(int steps) override { setDate(date().addDays(steps)); }

protected:
    StepEnabled stepEnabled() const override {
        StepEnabled out;
        if (date() > minimumDate())
            out |= StepDownEnabled;
        if (date() < maximumDate())
            out |= StepUpEnabled;
        return out;
    }
};

QToolButton* button(const QString& text, const QString& tip, QWidget* parent,
                    const QString& icon = {}) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setAutoRaise(false);
    if (icon.isEmpty()) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    } else {
        b->setIcon(QIcon(QStringLiteral(":/icons/") + icon + QStringLiteral(".svg")));
        b->setIconSize(QSize(16, 16));
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    return b;
}

} // namespace

NavigationBar::NavigationBar(QWidget* parent)
    : QWidget(parent)
    , m_today(button(tr("Today"), tr("Go to today (T)"), this))
    , m_previous(
          button(tr("Previous"), tr("Previous (Left arrow)"), this, QStringLiteral("go-previous")))
    , m_next(button(tr("Next"), tr("Next (Right arrow)"), this, QStringLiteral("go-next")))
    , m_period(new QLabel(this))
    , m_picker(new DayStepDateEdit(this))
    , m_provider(new QComboBox(this))
    , m_modes(new QButtonGroup(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);
    layout->addWidget(m_today);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);

    QFont periodFont = m_period->font();
    periodFont.setPointSizeF(periodFont.pointSizeF() * 1.3);
    periodFont.setBold(true);
    m_period->setFont(periodFont);
    m_period->setMinimumWidth(220);
    layout->addSpacing(6);
    layout->addWidget(m_period);

    m_picker->setCalendarPopup(true);
    m_picker->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_picker->setToolTip(tr("Go to a date (Up and Down move a day)"));
    m_picker->setAccessibleName(tr("Date"));
    layout->addWidget(m_picker);
    layout->addStretch(1);

    m_provider->setToolTip(tr("Provider shown"));
    m_provider->setAccessibleName(tr("Provider"));
    m_provider->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(m_provider);

    const std::tuple<CalendarMode, QString, QString> modes[] = {
        {CalendarMode::Day, tr("Day"), QStringLiteral("view-day")},
        {CalendarMode::Week, tr("Week"), QStringLiteral("view-week")},
        {CalendarMode::Providers, tr("Providers"), QStringLiteral("view-providers")},
        {CalendarMode::Month, tr("Month"), QStringLiteral("view-month")},
    };
    for (const auto& [mode, text, icon] : modes) {
        auto* b = button(text, tr("%1 view").arg(text), this, icon);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setCheckable(true);
        m_modes->addButton(b, static_cast<int>(mode));
        layout->addWidget(b);
    }
    m_modes->setExclusive(true);
    m_modes->button(0)->setChecked(true);

    auto* zoomOut =
        button(tr("Zoom out"), tr("Zoom out (Ctrl+Minus)"), this, QStringLiteral("zoom-out"));
    auto* zoomIn =
        button(tr("Zoom in"), tr("Zoom in (Ctrl+Plus)"), this, QStringLiteral("zoom-in"));
    layout->addSpacing(6);
    layout->addWidget(zoomOut);
    layout->addWidget(zoomIn);

    connect(m_today, &QToolButton::clicked, this, &NavigationBar::todayClicked);
    connect(m_previous, &QToolButton::clicked, this, &NavigationBar::previousClicked);
    connect(m_next, &QToolButton::clicked, this, &NavigationBar::nextClicked);
    connect(zoomIn, &QToolButton::clicked, this, &NavigationBar::zoomInClicked);
    connect(zoomOut, &QToolButton::clicked, this, &NavigationBar::zoomOutClicked);
    connect(m_picker, &QDateEdit::dateChanged, this, [this](QDate d) {
        if (!m_updating)
            emit dateChosen(d);
    });
    connect(m_modes, &QButtonGroup::idClicked, this,
            [this](int id) { emit modeChosen(static_cast<CalendarMode>(id)); });
    connect(m_provider, &QComboBox::activated, this, [this](int index) {
        const auto id = domain::ObjectId::fromString(m_provider->itemData(index).toString());
        emit providerChosen(id.value_or(domain::ObjectId()));
    });
}

void NavigationBar::setPeriodText(const QString& text) {
    m_period->setText(text);
}

QString NavigationBar::periodText() const {
    return m_period->text();
}

void NavigationBar::setDate(QDate date) {
    m_updating = true;
    m_picker->setDate(date);
    m_updating = false;
}

void NavigationBar::setMode(CalendarMode mode) {
    if (auto* b = m_modes->button(static_cast<int>(mode)))
        b->setChecked(true);
}

QToolButton* NavigationBar::modeButton(CalendarMode mode) const {
    return qobject_cast<QToolButton*>(m_modes->button(static_cast<int>(mode)));
}

void NavigationBar::setProviders(const QList<domain::Staff>& providers) {
    const QString current = m_provider->currentData().toString();
    m_providers = providers;
    m_provider->clear();
    if (m_allowAll)
        m_provider->addItem(tr("All providers"), QString());
    for (const auto& s : providers)
        m_provider->addItem(s.displayName(), s.id().toString());
    const int index = m_provider->findData(current);
    m_provider->setCurrentIndex(std::max(0, index));
}

void NavigationBar::setProvider(const domain::ObjectId& provider) {
    const int index = m_provider->findData(provider.toString());
    if (index >= 0)
        m_provider->setCurrentIndex(index);
}

void NavigationBar::setAllProvidersAllowed(bool allowed) {
    if (allowed == m_allowAll)
        return;
    m_allowAll = allowed;
    setProviders(m_providers);
}

} // namespace mss::ui
