#include "ui/DaySheet.h"

#include "base/WallClock.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/LocalText.h"

#include <QFile>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <array>
#include <cmath>

namespace mss::ui {

namespace {

constexpr int columnCount = 5;
constexpr int clientColumn = 1;
constexpr int typeColumn = 2;

// Each column as wide as its widest text (header or cell) plus `padding`,
// so time, location and status are never cut, in any language. The client
// and the type share what is left in proportion to what they need; only
// they are shortened ("…") when a name is too long for the page.
std::array<double, columnCount> columnWidths(const std::array<QString, columnCount>& headers,
                                             const QList<std::array<QString, columnCount>>& lines,
                                             const QFontMetricsF& head, const QFontMetricsF& body,
                                             double available, double padding) {
    std::array<double, columnCount> need{};
    for (int c = 0; c < columnCount; ++c) {
        need[c] = head.horizontalAdvance(headers[c]);
        for (const auto& line : lines)
            need[c] = std::max(need[c], body.horizontalAdvance(line[c]));
        need[c] = std::ceil(need[c] + padding);
    }
    double fixed = 0;
    for (int c = 0; c < columnCount; ++c) {
        if (c != clientColumn && c != typeColumn)
            fixed += need[c];
    }
    const double flexible = need[clientColumn] + need[typeColumn];
    const double left = std::max(available - fixed, 0.0);
    std::array<double, columnCount> out = need;
    if (flexible > 0) {
        // Room to spare, or too little, is shared out between the client
        // and the type in proportion to what they need.
        const double scale = left / flexible;
        out[clientColumn] = need[clientColumn] * scale;
        out[typeColumn] = need[typeColumn] * scale;
    }
    return out;
}

} // namespace

DaySheet::DaySheet(const CalendarModel& model, const domain::ObjectId& provider, QDate day)
    : m_model(model)
    , m_provider(provider)
    , m_day(day) {}

QList<int> DaySheet::rows() const {
    const QTimeZone& zone = m_model.timeZone();
    return m_model.rowsBetween(wallClockToUtc(m_day, 0, zone),
                               wallClockToUtc(m_day.addDays(1), 0, zone), m_provider);
}

void DaySheet::render(QPainter& painter, const QRectF& page) const {
    painter.save();
    const QTimeZone& zone = m_model.timeZone();
    // Layout in points-like units scaled to the page, so the sheet looks
    // the same on a printer, a PDF and a preview image.
    const double unit = page.width() / 600.0;
    QFont title(QStringLiteral("DejaVu Sans"));
    title.setPixelSize(int(18 * unit));
    title.setBold(true);
    QFont body = title;
    body.setBold(false);
    body.setPixelSize(int(10 * unit));
    QFont head = body;
    head.setBold(true);

    double y = page.top() + 20 * unit;
    const double left = page.left() + 30 * unit;
    const double right = page.right() - 30 * unit;
    painter.setPen(Qt::black);
    painter.setFont(title);
    painter.drawText(QRectF(left, y, right - left, 26 * unit), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Day sheet: %1").arg(m_model.providerName(m_provider)));
    y += 28 * unit;
    painter.setFont(body);
    painter.drawText(
        QRectF(left, y, right - left, 16 * unit), Qt::AlignLeft | Qt::AlignVCenter,
        tr("%1 (times in %2)")
            .arg(QLocale().toString(m_day, QLocale::LongFormat),
                 LocalText::zoneAbbreviation(wallClockToUtc(m_day, 12 * 60, zone), zone)));
    y += 26 * unit;

    // Columns: time, client, type, location, status.
    const QList<int> list = rows();
    QList<std::array<QString, columnCount>> lines;
    for (const int row : list) {
        const domain::Appointment& a = m_model.appointmentAt(row);
        const bool details = m_model.showsDetails(a);
        lines.append({
            LocalText::span(a.startTime, a.endTime, zone),
            m_model.titleOf(a),
            details ? AppointmentTypes::name(a.appointmentType) : QString(),
            details ? AppointmentTypes::name(a.location) : QString(),
            AppointmentTypes::name(a.status),
        });
    }
    const std::array<QString, columnCount> headers{tr("Time"), tr("Client"), tr("Type"),
                                                   tr("Location"), tr("Status")};
    const std::array<double, columnCount> widths =
        columnWidths(headers, lines, QFontMetricsF(head, painter.device()),
                     QFontMetricsF(body, painter.device()), right - left, 10 * unit);
    const double rowHeight = 20 * unit;
    painter.fillRect(QRectF(left, y, right - left, rowHeight), QColor(0xee, 0xf0, 0xf3));
    painter.setFont(head);
    double x = left;
    for (int c = 0; c < columnCount; ++c) {
        painter.drawText(QRectF(x + 4 * unit, y, widths[c], rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, headers[c]);
        x += widths[c];
    }
    y += rowHeight;

    for (qsizetype i = 0; i < list.size(); ++i) {
        const domain::Appointment& a = m_model.appointmentAt(list.at(i));
        const bool details = m_model.showsDetails(a);
        const bool released = !a.holdsTime();
        QFont f = body;
        f.setStrikeOut(a.status == domain::AppointmentStatus::Cancelled ||
                       a.status == domain::AppointmentStatus::Rescheduled);
        painter.setFont(f);
        painter.setPen(released ? QColor(0x6b, 0x72, 0x80) : QColor(Qt::black));
        painter.fillRect(
            QRectF(left, y + 3 * unit, 3 * unit, rowHeight - 6 * unit),
            AppointmentTypes::colour(details ? a.appointmentType : domain::AppointmentType::Other));
        x = left;
        for (int c = 0; c < columnCount; ++c) {
            const QRectF cell(x + 6 * unit, y, widths[c] - 8 * unit, rowHeight);
            painter.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(lines.at(i)[c], Qt::ElideRight,
                                                              int(std::ceil(cell.width()))));
            x += widths[c];
        }
        y += rowHeight;
        painter.setPen(QColor(0xdc, 0xe0, 0xe6));
        painter.drawLine(QPointF(left, y), QPointF(right, y));
        if (y > page.bottom() - 40 * unit)
            break; // one page: a provider's day fits on it in practice
    }
    if (list.isEmpty()) {
        painter.setPen(QColor(0x6b, 0x72, 0x80));
        painter.drawText(QRectF(left, y + 6 * unit, right - left, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, tr("No appointments."));
    }
    painter.restore();
}

bool DaySheet::writePdf(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::Letter));
    writer.setResolution(300);
    writer.setTitle(tr("Day sheet"));
    writer.setCreator(QStringLiteral("MentalSpace Scheduler"));
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    render(painter, QRectF(0, 0, writer.width(), writer.height()));
    return painter.end();
}

} // namespace mss::ui
