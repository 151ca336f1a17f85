#include "ui/DayView.h"

#include "ui/CalendarModel.h"

#include <QLocale>

namespace mss::ui {

DayView::DayView(const Clock& clock, QWidget* parent)
    : TimeGridView(clock, parent) {
    rebuildColumns();
}

void DayView::setProvider(const std::optional<domain::ObjectId>& provider) {
    m_provider = provider;
    rebuildColumns();
}

QList<GridColumn> DayView::buildColumns() const {
    GridColumn column;
    column.date = date();
    column.provider = m_provider;
    column.title = QLocale().toString(date(), QLocale::LongFormat);
    if (!m_provider)
        column.subtitle = tr("All providers");
    else if (model())
        column.subtitle = model()->providerName(*m_provider);
    return {column};
}

} // namespace mss::ui
