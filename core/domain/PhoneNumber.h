#pragma once

#include "base/Error.h"

#include <QCoreApplication>
#include <QString>

namespace mss::domain {

// Phone numbers as the practice keeps them: E.164 ("+12025550143"), the one
// form an SMS gateway takes whatever the country, checked against the
// numbering plan by Google's libphonenumber (so "555-12" or a digit too
// many is named at the desk, not discovered when a reminder bounces).
//
// What is typed is read in the practice's region (a number without its
// country code: "(202) 555-0143" in "US"); one written with its country
// code ("+44 20 7946 0018") is read as that country's. Vanity letters are
// dialled as the keypad does ("1-800-FLOWERS"). A number with an extension
// is refused: a text reminder cannot reach an extension, and dropping it
// silently would lose what the client gave.
struct PhoneNumber {
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)

public:
    // The practice's region when no setting names one (ISO 3166 alpha-2).
    static constexpr const char* defaultRegion = "US";

    // E.164, or an error on "phone" that names the number as typed.
    static Result<QString> normalised(const QString& typed,
                                      const QString& region = QString::fromLatin1(defaultRegion));
};

} // namespace mss::domain
