#include "ui/AppointmentCard.h"

#include "ui/AppointmentTypes.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <optional>

namespace mss::ui {

using domain::AppointmentStatus;
using domain::ConfirmationStatus;

namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// Fonts and metrics of the card text, made once per base font: a busy
// week paints over a thousand cards, and building QFontMetricsF for each
// was a third of the paint time.
struct CardFonts {
    QFont base;
    QFont title;
    QFont body;
    std::optional<QFontMetricsF> titleMetrics;
    std::optional<QFontMetricsF> bodyMetrics;
};

const CardFonts& cardFonts(const QFont& base, bool struck) {
    static CardFonts cache[2];
    CardFonts& c = cache[struck ? 1 : 0];
    if (!c.titleMetrics || c.base != base) {
        c.base = base;
        c.title = base;
        c.title.setBold(true);
        c.title.setStrikeOut(struck);
        c.body = base;
        c.body.setStrikeOut(struck);
        c.titleMetrics.emplace(c.title);
        c.bodyMetrics.emplace(c.body);
    }
    return c;
}

const QColor cancelledGrey(0xee, 0xef, 0xf1);
const QColor noShowRed(0xc6, 0x28, 0x28);
const QColor confirmedGreen(0x1e, 0x8e, 0x3e);
const QColor awaitingAmber(0xc7, 0x7c, 0x02);

} // namespace

QColor AppointmentCard::fillColour(domain::AppointmentType type, AppointmentStatus status) {
    if (status == AppointmentStatus::Cancelled || status == AppointmentStatus::Rescheduled)
        return cancelledGrey;
    const QColor base = AppointmentTypes::colour(type);
    if (status == AppointmentStatus::Completed)
        return mix(base, Qt::white, 0.88);
    return mix(base, Qt::white, 0.78);
}

bool AppointmentCard::isConfirmed(AppointmentStatus status, ConfirmationStatus confirmation) {
    return status == AppointmentStatus::Confirmed || confirmation == ConfirmationStatus::Confirmed;
}

QRectF AppointmentCard::unsentMarkRect(const QRectF& rect) {
    const QRectF box = rect.adjusted(1, 1, -1, -1);
    const double d = std::min({12.0, box.width() / 2, box.height() - 2});
    return {box.right() - d - 2, box.bottom() - d - 2, d, d};
}

void AppointmentCard::paintUnsentMark(QPainter& painter, const QRectF& rect) {
    const QRectF mark = unsentMarkRect(rect);
    if (mark.width() < 6 || mark.height() < 6)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(unsentColour());
    painter.drawRoundedRect(mark, 2.5, 2.5);
    // An arrow up: on its way to the server.
    painter.setPen(QPen(Qt::white, 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const double cx = mark.center().x();
    const double top = mark.top() + mark.height() * 0.25;
    const double bottom = mark.bottom() - mark.height() * 0.22;
    const double wing = mark.width() * 0.25;
    painter.drawLine(QPointF(cx, top), QPointF(cx, bottom));
    painter.drawPolyline(
        QList<QPointF>{{cx - wing, top + wing}, {cx, top}, {cx + wing, top + wing}});
    painter.restore();
}

void AppointmentCard::paint(QPainter& painter, const QRectF& rect, const CardContent& card) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor base = AppointmentTypes::colour(card.type);
    const bool released = card.status == AppointmentStatus::Cancelled ||
                          card.status == AppointmentStatus::Rescheduled;
    const bool noShow = card.status == AppointmentStatus::NoShow;
    const QRectF box = rect.adjusted(1, 1, -1, -1);
    constexpr double radius = 4;

    QPainterPath shape;
    shape.addRoundedRect(box, radius, radius);
    QColor fill = fillColour(card.type, card.status);
    if (card.ghost)
        fill.setAlphaF(0.92f);
    painter.fillPath(shape, fill);
    if (noShow)
        painter.fillPath(shape,
                         QBrush(QColor(noShowRed.red(), noShowRed.green(), noShowRed.blue(), 70),
                                Qt::BDiagPattern));

    // The type's stripe down the left edge.
    painter.save();
    painter.setClipPath(shape);
    painter.fillRect(QRectF(box.left(), box.top(), 4, box.height()),
                     released ? mix(base, Qt::white, 0.55) : base);
    painter.restore();

    QPen border(card.selected ? QColor(0x11, 0x18, 0x27)
                              : mix(base, Qt::white, released ? 0.6 : 0.3));
    border.setWidthF(card.selected ? 2 : 1);
    if (card.ghost)
        border.setStyle(Qt::DashLine);
    painter.setPen(border);
    painter.drawPath(shape);

    // Text, as much as fits.
    const QRectF text = box.adjusted(8, 2, -4, -2);
    const CardFonts& fonts = cardFonts(painter.font(), released);
    const QFont& titleFont = fonts.title;
    const QFont& bodyFont = fonts.body;
    const QColor ink = released ? QColor(0x6b, 0x72, 0x80) : QColor(0x1f, 0x29, 0x37);
    painter.setPen(ink);

    // Badge area on the right: the confirmation mark, or the no-show tag.
    double badgeWidth = 0;
    if (box.height() >= 14 && box.width() >= 40) {
        const double d = 10;
        const QRectF mark(box.right() - d - 4, box.top() + 4, d, d);
        if (noShow) {
            QFont badgeFont = bodyFont;
            badgeFont.setBold(true);
            badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
            const QString tag = tr("No-show");
            const double w = QFontMetricsF(badgeFont).horizontalAdvance(tag) + 8;
            const QRectF badge(box.right() - w - 3, box.top() + 3, w,
                               QFontMetricsF(badgeFont).height() + 2);
            if (badge.left() > box.left() + 30) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(noShowRed);
                painter.drawRoundedRect(badge, 3, 3);
                painter.setPen(Qt::white);
                painter.setFont(badgeFont);
                painter.drawText(badge, Qt::AlignCenter, tag);
                badgeWidth = w + 4;
            }
        } else if (!released && card.status != AppointmentStatus::Completed) {
            if (isConfirmed(card.status, card.confirmation)) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(confirmedGreen);
                painter.drawEllipse(mark);
                QPen tick(Qt::white, 1.6);
                painter.setPen(tick);
                painter.drawPolyline(QList<QPointF>{{mark.left() + 2.5, mark.center().y()},
                                                    {mark.left() + 4.3, mark.bottom() - 2.8},
                                                    {mark.right() - 2.2, mark.top() + 2.8}});
            } else {
                const QColor ring = card.confirmation == ConfirmationStatus::Declined ? noShowRed
                                    : card.confirmation == ConfirmationStatus::Sent
                                        ? awaitingAmber
                                        : QColor(0x9c, 0xa3, 0xaf);
                painter.setPen(QPen(ring, 1.5));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(mark.adjusted(0.5, 0.5, -0.5, -0.5));
                // Declined reads by shape too: a cross in the ring.
                if (card.confirmation == ConfirmationStatus::Declined) {
                    const QRectF x = mark.adjusted(3, 3, -3, -3);
                    painter.drawLine(x.topLeft(), x.bottomRight());
                    painter.drawLine(x.topRight(), x.bottomLeft());
                }
            }
            badgeWidth = d + 6;
        } else if (card.status == AppointmentStatus::Completed) {
            painter.setPen(QPen(confirmedGreen, 1.8));
            painter.drawPolyline(QList<QPointF>{{mark.left(), mark.center().y()},
                                                {mark.left() + 3.5, mark.bottom() - 1},
                                                {mark.right(), mark.top() + 1}});
            badgeWidth = d + 6;
        }
    }
    painter.setPen(ink);

    const QFontMetricsF& titleMetrics = *fonts.titleMetrics;
    const QFontMetricsF& bodyMetrics = *fonts.bodyMetrics;
    if (text.width() < 12) {
        painter.restore();
        return; // a sliver among many overlapping cards: colour only
    }
    double y = text.top();
    auto line = [&](const QString& s, const QFont& font, const QFontMetricsF& metrics,
                    double reserve) {
        if (s.isEmpty() || y + metrics.height() > text.bottom() + 2)
            return;
        painter.setFont(font);
        const QRectF r(text.left(), y, text.width() - reserve, metrics.height());
        painter.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(s, Qt::ElideRight, r.width()));
        y += metrics.height();
    };

    if (text.height() < titleMetrics.height() * 2) {
        // A short card: one line, the time then the client.
        QString oneLine =
            card.timeText.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') + card.client;
        if (!card.provider.isEmpty())
            oneLine += QStringLiteral(" \u00b7 ") + card.provider;
        line(oneLine, titleFont, titleMetrics, badgeWidth);
    } else {
        line(card.client, titleFont, titleMetrics, badgeWidth);
        // In a column of every provider the provider's name matters more
        // than the type (the colour tells the type), so it shares the
        // time's line.
        QString detail = card.timeText;
        if (!card.provider.isEmpty())
            detail += QStringLiteral(" \u00b7 ") + card.provider;
        if (card.location == domain::Location::Virtual)
            detail += QStringLiteral(" \u00b7 ") + AppointmentTypes::name(card.location);
        line(detail, bodyFont, bodyMetrics, 0);
        line(card.typeName, bodyFont, bodyMetrics, 0);
        if (released || noShow || card.status == AppointmentStatus::Completed)
            line(AppointmentTypes::name(card.status), bodyFont, bodyMetrics, 0);
        else if (card.confirmation != ConfirmationStatus::NotSent)
            // What the reminder brought back, in words: sent, confirmed or
            // declined by the client.
            line(AppointmentTypes::name(card.confirmation), bodyFont, bodyMetrics, 0);
    }
    painter.restore();
}

} // namespace mss::ui
