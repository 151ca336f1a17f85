#include "ui/WeekView.h"

#include "ui/CalendarModel.h"

#include <QLocale>

namespace mss::ui {

WeekView::WeekView(const Clock& clock, QWidget* parent)
    : TimeGridView(clock, parent) {
    rebuildColumns();
}

void WeekView::setProvider(const std::optional<domain::ObjectId>& provider) {
    m_provider = provider;
    rebuildColumns();
}

QDate WeekView::firstDate() const {
    const int first = static_cast<int>(QLocale().firstDayOfWeek());
    const int back = (date().dayOfWeek() - first + 7) % 7;
    return date().addDays(-back);
}

QList<GridColumn> WeekView::buildColumns() const {
    QList<GridColumn> out;
    for (int i = 0; i < 7; ++i) {
        GridColumn column;
        column.date = firstDate().addDays(i);
        column.provider = m_provider;
        column.title = QLocale().toString(column.date, u"ddd d");
        column.subtitle = QLocale().toString(column.date, u"MMMM");
        out << column;
    }
    return out;
}

QString WeekView::buildCaption() const {
    if (!model())
        return {};
    // A new practice has no one to book with yet.
    if (model()->providers().isEmpty())
        return tr("No providers yet: add clinicians with mentalspace-server user add");
    return m_provider ? model()->providerName(*m_provider) : tr("All providers");
}

} // namespace mss::ui
