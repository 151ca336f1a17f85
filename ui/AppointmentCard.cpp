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
const QColor completedSlate(0x33, 0x41, 0x55);
const QColor awaitingAmber(0xc7, 0x7c, 0x02);
const QColor liveInk(0x1f, 0x29, 0x37);
const QColor releasedInk(0x4b, 0x55, 0x63);

bool isReleased(AppointmentStatus status) {
    return status == AppointmentStatus::Cancelled || status == AppointmentStatus::Rescheduled;
}

// A check drawn inside `r`.
void drawCheck(QPainter& painter, const QRectF& r, const QColor& colour, double width) {
    painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(
        QList<QPointF>{{r.left() + r.width() * 0.22, r.center().y()},
                       {r.left() + r.width() * 0.43, r.bottom() - r.height() * 0.25},
                       {r.right() - r.width() * 0.2, r.top() + r.height() * 0.26}});
}

} // namespace

QColor AppointmentCard::fillColour(domain::AppointmentType type, AppointmentStatus status,
                                   const QColor& accent) {
    if (isReleased(status))
        return cancelledGrey;
    const QColor base = accent.isValid() ? accent : AppointmentTypes::colour(type);
    if (status == AppointmentStatus::Completed)
        return mix(base, Qt::white, 0.88);
    // A provider's colour tints a little more than a type's: the palette
    // holds saturated colours, and the text must keep its contrast on them.
    return mix(base, Qt::white, accent.isValid() ? 0.62 : 0.78);
}

QColor AppointmentCard::inkColour(AppointmentStatus status) {
    return isReleased(status) ? releasedInk : liveInk;
}

bool AppointmentCard::isConfirmed(AppointmentStatus status, ConfirmationStatus confirmation) {
    return status == AppointmentStatus::Confirmed || confirmation == ConfirmationStatus::Confirmed;
}

StatusMark AppointmentCard::markOf(AppointmentStatus status, ConfirmationStatus confirmation) {
    switch (status) {
    case AppointmentStatus::Cancelled:
    case AppointmentStatus::Rescheduled:
        return StatusMark::None; // grey and struck through instead
    case AppointmentStatus::NoShow:
        return StatusMark::NoShow;
    case AppointmentStatus::Completed:
        return StatusMark::Completed;
    case AppointmentStatus::Scheduled:
    case AppointmentStatus::Confirmed:
        break;
    }
    if (isConfirmed(status, confirmation))
        return StatusMark::Confirmed;
    if (confirmation == ConfirmationStatus::Declined)
        return StatusMark::Declined;
    return confirmation == ConfirmationStatus::Sent ? StatusMark::Sent : StatusMark::NotSent;
}

void AppointmentCard::paintMark(QPainter& painter, const QRectF& mark, StatusMark kind) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // A white rim: the mark stands out on any card colour.
    const QPen rim(Qt::white, 1.5);
    switch (kind) {
    case StatusMark::Confirmed:
        painter.setPen(rim);
        painter.setBrush(confirmedGreen);
        painter.drawEllipse(mark);
        drawCheck(painter, mark, Qt::white, 1.6);
        break;
    case StatusMark::Completed:
        // Square, dark and filled: unlike the confirmed disc in shape,
        // colour and weight.
        painter.setPen(rim);
        painter.setBrush(completedSlate);
        painter.drawRoundedRect(mark.adjusted(-0.5, -0.5, 0.5, 0.5), 2, 2);
        drawCheck(painter, mark, Qt::white, 1.6);
        break;
    case StatusMark::NotSent:
    case StatusMark::Sent:
    case StatusMark::Declined: {
        const QColor ring = kind == StatusMark::Declined ? noShowRed
                            : kind == StatusMark::Sent   ? awaitingAmber
                                                         : QColor(0x6b, 0x72, 0x80);
        painter.setBrush(Qt::white);
        painter.setPen(QPen(ring, 1.5));
        painter.drawEllipse(mark.adjusted(0.5, 0.5, -0.5, -0.5));
        // Declined reads by shape too: a cross in the ring.
        if (kind == StatusMark::Declined) {
            const QRectF x = mark.adjusted(3, 3, -3, -3);
            painter.drawLine(x.topLeft(), x.bottomRight());
            painter.drawLine(x.topRight(), x.bottomLeft());
        }
        break;
    }
    case StatusMark::NoShow:
    case StatusMark::None:
        break;
    }
    painter.restore();
}

void AppointmentCard::paintTab(QPainter& painter, const QRectF& rect, bool selected) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = rect.adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath shape;
    shape.addRoundedRect(box, 2, 2);
    painter.fillPath(shape, cancelledGrey);
    painter.fillPath(shape, QBrush(QColor(0x9c, 0xa3, 0xaf), Qt::FDiagPattern));
    QPen border(selected ? QColor(0x11, 0x18, 0x27) : QColor(0x9c, 0xa3, 0xaf));
    border.setWidthF(selected ? 2 : 1);
    painter.setPen(border);
    painter.drawPath(shape);
    painter.restore();
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
    const QColor base = card.accent.isValid() ? card.accent : AppointmentTypes::colour(card.type);
    const bool released = isReleased(card.status);
    const bool noShow = card.status == AppointmentStatus::NoShow;
    const QRectF box = rect.adjusted(1, 1, -1, -1);
    constexpr double radius = 4;

    QPainterPath shape;
    shape.addRoundedRect(box, radius, radius);
    QColor fill = fillColour(card.type, card.status, card.accent);
    if (card.ghost)
        fill.setAlphaF(0.92f);
    painter.fillPath(shape, fill);
    if (noShow)
        painter.fillPath(shape,
                         QBrush(QColor(noShowRed.red(), noShowRed.green(), noShowRed.blue(), 70),
                                Qt::BDiagPattern));

    // The stripe down the left edge: the type's colour, or the provider's,
    // wider for a provider so it reads at a glance across the room.
    painter.save();
    painter.setClipPath(shape);
    painter.fillRect(QRectF(box.left(), box.top(), card.accent.isValid() ? 6 : 4, box.height()),
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
    const QRectF text = box.adjusted(card.accent.isValid() ? 10 : 8, 2, -4, -2);
    const CardFonts& fonts = cardFonts(painter.font(), released);
    const QFont& titleFont = fonts.title;
    const QFont& bodyFont = fonts.body;
    const QColor ink = inkColour(card.status);
    painter.setPen(ink);

    // Badge area on the right: the status mark. Each mark has a white rim
    // so that it stands out on any card colour.
    double badgeWidth = 0;
    if (box.height() >= 14 && box.width() >= 40) {
        const double d = 11;
        const QRectF mark(box.right() - d - 4, box.top() + 4, d, d);
        const QPen rim(Qt::white, 1.5);
        switch (markOf(card.status, card.confirmation)) {
        case StatusMark::NoShow: {
            QFont badgeFont = bodyFont;
            badgeFont.setBold(true);
            badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
            const QString tag = tr("No-show");
            const double w = QFontMetricsF(badgeFont).horizontalAdvance(tag) + 8;
            const QRectF badge(box.right() - w - 3, box.top() + 3, w,
                               QFontMetricsF(badgeFont).height() + 2);
            if (badge.left() > box.left() + 30) {
                painter.setPen(rim);
                painter.setBrush(noShowRed);
                painter.drawRoundedRect(badge, 3, 3);
                painter.setPen(Qt::white);
                painter.setFont(badgeFont);
                painter.drawText(badge, Qt::AlignCenter, tag);
                badgeWidth = w + 4;
            }
            break;
        }
        case StatusMark::Confirmed:
        case StatusMark::Completed:
        case StatusMark::NotSent:
        case StatusMark::Sent:
        case StatusMark::Declined:
            paintMark(painter, mark, markOf(card.status, card.confirmation));
            badgeWidth = d + 6;
            break;
        case StatusMark::None:
            break;
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
