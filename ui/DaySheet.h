#pragma once

#include "domain/ObjectId.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QRectF>

class QPainter;

namespace mss::ui {

class CalendarModel;

// A provider's day on paper: the list of their appointments with time,
// client, type, location and status, for the clinician's desk or the
// front desk's clipboard. Renders on any QPainter (a QPrinter from a print
// dialog, a PDF, a preview image); writePdf needs no print system.
class DaySheet {
    Q_DECLARE_TR_FUNCTIONS(mss::ui::DaySheet)

public:
    DaySheet(const CalendarModel& model, const domain::ObjectId& provider, QDate day);

    // The model rows on the sheet, in time order.
    QList<int> rows() const;
    // Paints the sheet into `page` (device coordinates).
    void render(QPainter& painter, const QRectF& page) const;
    // US Letter, portrait; false when the file cannot be written.
    bool writePdf(const QString& path) const;

private:
    const CalendarModel& m_model;
    domain::ObjectId m_provider;
    QDate m_day;
};

} // namespace mss::ui
