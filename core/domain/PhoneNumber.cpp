#include "domain/PhoneNumber.h"

#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace mss::domain {

using i18n::phonenumbers::PhoneNumberUtil;
using namespace Qt::StringLiterals;

Result<QString> PhoneNumber::normalised(const QString& typed, const QString& region) {
    const QString shown = typed.trimmed();
    // The region named is the practice's, or the country of the code the
    // number was written with ("+44 ..."). Not the one libphonenumber read
    // from a dialling prefix: "(011) 456-1111" is a bad US number to the
    // person who typed it, not a Danish one.
    const auto invalid = [&](const QString& in) {
        return std::unexpected(
            Error{ErrorCode::UnknownValue, u"phone"_s,
                  tr("The phone number %1 is not a valid %2 number").arg(shown, in)});
    };
    if (shown.isEmpty())
        return std::unexpected(
            Error{ErrorCode::Required, u"phone"_s, tr("A phone number is needed.")});
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    const std::string text = shown.toStdString();
    if (util.Parse(text, region.toUpper().toStdString(), &number) !=
        PhoneNumberUtil::NO_PARSING_ERROR)
        return invalid(region.toUpper());
    if (number.has_extension() && !number.extension().empty())
        return std::unexpected(
            Error{ErrorCode::UnknownValue, u"phone"_s,
                  tr("The phone number %1 has an extension; text reminders need a number of "
                     "its own")
                      .arg(shown)});
    if (!util.IsValidNumber(number)) {
        std::string readIn;
        util.GetRegionCodeForCountryCode(number.country_code(), &readIn);
        const bool withCode = shown.startsWith(u'+');
        return invalid(!withCode || readIn.empty() || readIn == "ZZ"
                           ? region.toUpper()
                           : QString::fromStdString(readIn));
    }
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    return QString::fromStdString(e164);
}

} // namespace mss::domain
