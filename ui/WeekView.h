#pragma once

#include "ui/TimeGridView.h"

namespace mss::ui {

// A week: seven day columns from the locale's first day of the week, of
// one provider, or of every provider (each card then wears its provider's
// colour and name, and overlapping ones sit side by side).
class WeekView : public TimeGridView {
    Q_OBJECT

public:
    explicit WeekView(const Clock& clock, QWidget* parent = nullptr);

    // nullopt: every provider.
    void setProvider(const std::optional<domain::ObjectId>& provider);
    std::optional<domain::ObjectId> provider() const { return m_provider; }

    QDate firstDate() const override;
    QDate lastDate() const override { return firstDate().addDays(6); }
    int stepDays() const override { return 7; }

protected:
    QList<GridColumn> buildColumns() const override;
    // The provider's name (or "All providers"), above the seven days.
    QString buildCaption() const override;

private:
    std::optional<domain::ObjectId> m_provider;
};

} // namespace mss::ui
