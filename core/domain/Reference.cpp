#include "domain/Reference.h"

namespace mss::domain {

QString Reference::displayName() const {
    const QString first = populated.value(QLatin1StringView("firstName")).toString();
    const QString last = populated.value(QLatin1StringView("lastName")).toString();
    if (first.isEmpty())
        return last;
    if (last.isEmpty())
        return first;
    return first + QLatin1Char(' ') + last;
}

QJsonValue encodeReference(const Reference& ref, const EncodeOptions& options) {
    if (options.references == ReferenceForm::AsReceived && !ref.populated.isEmpty()) {
        QJsonObject obj = ref.populated;
        obj.insert(QLatin1StringView("_id"), ref.id.toString());
        return obj;
    }
    return ref.id.toString();
}

} // namespace mss::domain
