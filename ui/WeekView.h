#pragma once

#include "ui/TimeGridView.h"

namespace mss::ui {

// One provider's week: seven day columns from the locale's first day of
// the week.
class WeekView : public TimeGridView {
    Q_OBJECT

public:
    explicit WeekView(const Clock& clock, QWidget* parent = nullptr);

    void setProvider(const domain::ObjectId& provider);
    domain::ObjectId provider() const { return m_provider; }

    QDate firstDate() const override;
    QDate lastDate() const override { return firstDate().addDays(6); }
    int stepDays() const override { return 7; }

protected:
    QList<GridColumn> buildColumns() const override;
    // The provider's name, above the seven days.
    QString buildCaption() const override;

private:
    domain::ObjectId m_provider;
};

} // namespace mss::ui
