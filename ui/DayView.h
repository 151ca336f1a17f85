#pragma once

#include "ui/TimeGridView.h"

namespace mss::ui {

// One day in one column: a provider's own day, or every provider's
// appointments together (side by side where they overlap, each card naming
// its provider).
class DayView : public TimeGridView {
    Q_OBJECT

public:
    explicit DayView(const Clock& clock, QWidget* parent = nullptr);

    // nullopt shows every provider.
    void setProvider(const std::optional<domain::ObjectId>& provider);
    std::optional<domain::ObjectId> provider() const { return m_provider; }

protected:
    QList<GridColumn> buildColumns() const override;

private:
    std::optional<domain::ObjectId> m_provider;
};

} // namespace mss::ui
