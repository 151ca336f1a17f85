#pragma once

#include "ui/TimeGridView.h"

namespace mss::ui {

// One day with a column per provider, so the front desk sees who is free
// at a glance and can drag an appointment from one provider to another.
class ProviderView : public TimeGridView {
    Q_OBJECT

public:
    explicit ProviderView(const Clock& clock, QWidget* parent = nullptr);

    // Which providers get a column, in this order; empty (the default)
    // means every active provider of the model.
    void setVisibleProviders(QList<domain::ObjectId> providers);

protected:
    QList<GridColumn> buildColumns() const override;

private:
    QList<domain::ObjectId> m_visible;
};

} // namespace mss::ui
