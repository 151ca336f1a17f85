#pragma once

#include <QString>

namespace mss::reminders {

// How a text message travels: in GSM-7 when every character is in the GSM
// 03.38 alphabet (160 characters, 153 a part once split, the extension
// characters ^ { } \ [ ] ~ | € taking two), otherwise in UCS-2 (70, 67 a
// part). A gateway bills each part, and phones may show parts out of order.
// The template editor counts with it what the server will send.
struct SmsLength {
    bool unicode = false; // UCS-2
    int characters = 0;   // as the person counts them
    int units = 0;        // septets (GSM-7) or UTF-16 units (UCS-2)
    int parts = 0;        // 0 for an empty text

    static SmsLength of(const QString& text);
};

} // namespace mss::reminders
