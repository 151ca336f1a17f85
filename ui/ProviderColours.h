#pragma once

#include <QColor>
#include <QList>

namespace mss::ui {

// One colour per clinician in the views that show several at once (the
// Providers view, and Day, Week and Month with "All providers"). The
// colours are the Okabe-Ito palette (Masataka Okabe and Kei Ito, "Color
// Universal Design (CUD): how to make figures and presentations that are
// friendly to colorblind people", 2002/2008, jfly.uni-koeln.de/color/),
// which stays distinguishable under protanopia, deuteranopia and
// tritanopia. Its black is left out: on a card it would read as "busy" or
// "cancelled" grey. An eighth clinician takes the first colour again; the
// legend and the name on the card tell them apart.
namespace ProviderColours {

// The seven colours, in the order providers receive them.
const QList<QColor>& palette();
// The colour of the provider at `index` in the practice's list.
QColor at(qsizetype index);

} // namespace ProviderColours

// WCAG 2.x contrast ratio of two colours, 1 to 21 (www.w3.org/TR/WCAG21,
// "contrast ratio" and "relative luminance"). Body text needs 4.5.
double contrastRatio(const QColor& a, const QColor& b);

} // namespace mss::ui
