#include "ui/MiniMonth.h"

#include <QLocale>
#include <QPainter>
#include <QTextCharFormat>

namespace mss::ui {

MiniMonth::MiniMonth(QWidget* parent)
    : QCalendarWidget(parent) {
    setObjectName(QStringLiteral("miniMonth"));
    setAccessibleName(tr("Month"));
    setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    setHorizontalHeaderFormat(QCalendarWidget::SingleLetterDayNames);
    setGridVisible(false);
    setFirstDayOfWeek(QLocale().firstDayOfWeek());
    connect(this, &QCalendarWidget::clicked, this, &MiniMonth::dayChosen);
    connect(this, &QCalendarWidget::activated, this, &MiniMonth::dayChosen);
    connect(this, &QCalendarWidget::currentPageChanged, this, [this] { refreshMarks(); });
}

void MiniMonth::setDayMarker(DayMarker marker) {
    m_marker = std::move(marker);
    refreshMarks();
}

QDate MiniMonth::firstShownDate() const {
    const QDate first(yearShown(), monthShown(), 1);
    const int back = (first.dayOfWeek() - static_cast<int>(firstDayOfWeek()) + 7) % 7;
    return first.addDays(-back);
}

void MiniMonth::refreshMarks() {
    QSet<QDate> marked = m_marker ? m_marker(firstShownDate(), lastShownDate()) : QSet<QDate>{};
    if (marked == m_marked)
        return;
    QTextCharFormat plain;
    for (const QDate& d : std::as_const(m_marked))
        setDateTextFormat(d, plain);
    m_marked = std::move(marked);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    for (const QDate& d : std::as_const(m_marked))
        setDateTextFormat(d, bold);
    updateCells();
}

void MiniMonth::paintCell(QPainter* painter, const QRect& rect, QDate date) const {
    QCalendarWidget::paintCell(painter, rect, date);
    if (!m_marked.contains(date))
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(date == selectedDate() ? QColor(Qt::white) : QColor(0x1a, 0x5f, 0xb4));
    painter->drawEllipse(QPointF(rect.center().x() + 0.5, rect.bottom() - 3.0), 2.2, 2.2);
    painter->restore();
}

} // namespace mss::ui
