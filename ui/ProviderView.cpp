#include "ui/ProviderView.h"

#include "ui/CalendarModel.h"

#include <QLocale>

namespace mss::ui {

ProviderView::ProviderView(const Clock& clock, QWidget* parent)
    : TimeGridView(clock, parent) {
    rebuildColumns();
}

void ProviderView::setVisibleProviders(QList<domain::ObjectId> providers) {
    m_visible = std::move(providers);
    rebuildColumns();
}

QList<GridColumn> ProviderView::buildColumns() const {
    QList<GridColumn> out;
    if (!model())
        return out;
    QList<domain::ObjectId> ids = m_visible;
    if (ids.isEmpty()) {
        for (const auto& s : model()->providers()) {
            if (s.isActive)
                ids << s.id();
        }
    }
    const QString day = QLocale().toString(date(), u"ddd d MMM");
    for (const auto& id : std::as_const(ids)) {
        GridColumn column;
        column.date = date();
        column.provider = id;
        column.title = model()->providerName(id);
        column.subtitle = day;
        out << column;
    }
    return out;
}

} // namespace mss::ui
