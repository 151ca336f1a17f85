#include "ui/ProviderColours.h"

#include <cmath>

namespace mss::ui {

const QList<QColor>& ProviderColours::palette() {
    static const QList<QColor> colours{
        QColor(0xe6, 0x9f, 0x00), // orange
        QColor(0x56, 0xb4, 0xe9), // sky blue
        QColor(0x00, 0x9e, 0x73), // bluish green
        QColor(0xf0, 0xe4, 0x42), // yellow
        QColor(0x00, 0x72, 0xb2), // blue
        QColor(0xd5, 0x5e, 0x00), // vermillion
        QColor(0xcc, 0x79, 0xa7), // reddish purple
    };
    return colours;
}

QColor ProviderColours::at(qsizetype index) {
    const QList<QColor>& colours = palette();
    if (index < 0)
        return QColor(0x9c, 0xa3, 0xaf);
    return colours.at(index % colours.size());
}

namespace {

double channel(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace mss::ui
