#include "reminders/SmsLength.h"

#include <QList>

namespace mss::reminders {

using namespace Qt::StringLiterals;

namespace {

// GSM 03.38: the basic alphabet (escape left out) and the extension table.
const QString gsmBasic = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                         "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"_s;
const QString gsmExtension = u"\f^{}\\[~]|€"_s;

} // namespace

SmsLength SmsLength::of(const QString& text) {
    SmsLength out;
    int septets = 0;
    for (const QChar c : text) {
        if (gsmBasic.contains(c)) {
            septets += 1;
        } else if (gsmExtension.contains(c)) {
            septets += 2;
        } else {
            out.unicode = true;
            break;
        }
    }
    out.characters = int(text.toUcs4().size());
    out.units = out.unicode ? int(text.size()) : septets;
    const int single = out.unicode ? 70 : 160;
    const int part = out.unicode ? 67 : 153;
    if (out.units == 0)
        out.parts = 0;
    else if (out.units <= single)
        out.parts = 1;
    else
        out.parts = (out.units + part - 1) / part;
    return out;
}

} // namespace mss::reminders
