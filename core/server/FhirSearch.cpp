// What needs care: FHIR's date search compares ranges, not instants
// ("ge2030-06-03" is "from the start of that day", "le2030-06-03" "to the
// end of it"); a date without a time is a day on the practice's clocks.
#include "server/FhirSearch.h"

#include "base/WallClock.h"
#include "server/FhirResources.h"

#include <QRegularExpression>

namespace mss::server::fhir {

using namespace Qt::StringLiterals;

namespace {

constexpr int maxCount = 500;
constexpr int maxPage = 1'000'000;

} // namespace

QString baseUrl(const RequestContext& ctx) {
    QString host = QString::fromLatin1(ctx.request().header("host"));
    static const QRegularExpression hostForm(
        u"^[A-Za-z0-9.\\-]+(:\\d{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?$"_s);
    if (!hostForm.match(host).hasMatch())
        host = u"localhost"_s;
    return (ctx.request().secure ? u"https://"_s : u"http://"_s) + host + u"/fhir/R4"_s;
}

ApiResponse invalidParam(const QString& name, const QString& message) {
    return fhir::outcome(400, u"invalid"_s, u"%1: %2"_s.arg(name, message), name);
}

std::expected<Search, ApiResponse> readSearch(const RequestContext& ctx, const QStringList& known) {
    Search s;
    QUrlQuery self;
    for (const auto& [key, value] : ctx.request().query.queryItems(QUrl::FullyDecoded)) {
        if (key == "_count"_L1) {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 1 || n > maxCount)
                return std::unexpected(invalidParam(
                    key, u"must be a whole number from 1 to %1 (it is \"%2\")"_s.arg(maxCount).arg(
                             value.left(40))));
            s.count = n;
            continue;
        }
        if (key == "_page"_L1) {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 1 || n > maxPage)
                return std::unexpected(
                    invalidParam(key, u"must be a whole number from 1 to %1"_s.arg(maxPage)));
            s.page = n;
            continue;
        }
        if (key == "_format"_L1) {
            if (value != "json"_L1 && value != "application/fhir+json"_L1 &&
                value != "application/json"_L1)
                return std::unexpected(
                    fhir::outcome(406, u"not-supported"_s, u"_format: only JSON is served"_s, key));
            continue;
        }
        if (!known.contains(key))
            return std::unexpected(invalidParam(
                key.left(60), u"is not a search parameter of this resource (it takes %1)"_s.arg(
                                  (known + QStringList{u"_count"_s}).join(u", "_s))));
        if (value.isEmpty())
            return std::unexpected(invalidParam(key, u"has no value"_s));
        s.params.append({key, value});
        self.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
                          QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    s.selfQuery = self.toString(QUrl::FullyEncoded);
    return s;
}

namespace {

// A FHIR date search value: a prefix and the range its precision covers.
struct DateValue {
    QString prefix; // eq, gt, ge, lt, le
    QDateTime from; // inclusive
    QDateTime to;   // exclusive
};

std::expected<DateValue, ApiResponse> readDate(const QString& name, const QString& text,
                                               const QTimeZone& zone) {
    static const QRegularExpression form(
        u"^(eq|ne|gt|ge|lt|le|sa|eb|ap)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2})"
        "(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$"_s);
    const auto m = form.match(text);
    const auto bad = [&] {
        return std::unexpected(
            invalidParam(name, u"\"%1\" is not a FHIR date (such as ge2030-06-03 or "
                               "lt2030-06-03T17:00:00Z)"_s.arg(text.left(60))));
    };
    if (!m.hasMatch())
        return bad();
    DateValue v;
    v.prefix = m.captured(1).isEmpty() ? u"eq"_s : m.captured(1);
    if (v.prefix != "eq"_L1 && v.prefix != "gt"_L1 && v.prefix != "ge"_L1 && v.prefix != "lt"_L1 &&
        v.prefix != "le"_L1)
        return std::unexpected(invalidParam(
            name, u"the prefix %1 is not supported (use eq, gt, ge, lt or le)"_s.arg(v.prefix)));
    const int year = m.captured(2).toInt();
    const int month = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    const int day = m.captured(4).isEmpty() ? 1 : m.captured(4).toInt();
    const QDate date(year, month, day);
    if (!date.isValid())
        return bad();
    if (m.captured(5).isEmpty()) {
        // A year, a month or a day on the practice's clocks.
        QDate end = m.captured(3).isEmpty()   ? date.addYears(1)
                    : m.captured(4).isEmpty() ? date.addMonths(1)
                                              : date.addDays(1);
        v.from = wallClockToUtc(date, 0, zone);
        v.to = wallClockToUtc(end, 0, zone);
        return v;
    }
    const QTime time(m.captured(5).toInt(), m.captured(6).toInt(),
                     m.captured(7).isEmpty() ? 0 : m.captured(7).toInt());
    if (!time.isValid())
        return bad();
    QDateTime at;
    const QString offset = m.captured(9);
    if (offset.isEmpty()) {
        at = wallClockToUtc(date, time, zone); // no zone: the practice's clocks
    } else {
        QString iso =
            u"%1T%2%3"_s.arg(date.toString(Qt::ISODate), time.toString(u"HH:mm:ss"_s), offset);
        at = fromWireTime(iso);
        if (!at.isValid())
            return bad();
    }
    // The precision given: a minute, a second, or the instant itself.
    const qint64 span = m.captured(7).isEmpty() ? 60'000 : m.captured(8).isEmpty() ? 1000 : 1;
    if (!m.captured(8).isEmpty()) {
        const double fraction = QString(u"0"_s + m.captured(8)).toDouble();
        at = at.addMSecs(qint64(fraction * 1000));
    }
    v.from = at;
    v.to = at.addMSecs(span);
    return v;
}

} // namespace

std::expected<Window, ApiResponse> readWindow(const QString& name, const QStringList& values,
                                              const QTimeZone& zone) {
    Window w;
    for (const QString& text : values) {
        const auto v = readDate(name, text, zone);
        if (!v)
            return std::unexpected(v.error());
        if (v->prefix == "eq"_L1) {
            w.atLeast(v->from);
            w.before(v->to);
        } else if (v->prefix == "ge"_L1) {
            w.atLeast(v->from);
        } else if (v->prefix == "gt"_L1) {
            w.atLeast(v->to);
        } else if (v->prefix == "lt"_L1) {
            w.before(v->from);
        } else { // le
            w.before(v->to);
        }
    }
    return w;
}

// "Patient/<id>", a full URL ending so, or (when `type` allows) a bare id.
std::expected<QString, ApiResponse> readReference(const QString& name, const QString& text,
                                                  const QStringList& types, bool bareId,
                                                  QString* typeFound) {
    static const QRegularExpression form(u"(?:^|/)([A-Za-z]+)/([0-9a-fA-F]{24})$"_s);
    static const QRegularExpression bare(u"^[0-9a-fA-F]{24}$"_s);
    const auto m = form.match(text);
    if (m.hasMatch() && types.contains(m.captured(1))) {
        if (typeFound)
            *typeFound = m.captured(1);
        return m.captured(2).toLower();
    }
    if (bareId && bare.match(text).hasMatch()) {
        if (typeFound)
            *typeFound = types.first();
        return text.toLower();
    }
    QStringList forms;
    for (const QString& t : types)
        forms << t + u"/<id>"_s;
    return std::unexpected(
        invalidParam(name, u"\"%1\" is not a reference to %2 (<id>: 24 hex digits)"_s.arg(
                               text.left(60), forms.join(u" or "_s))));
}

std::expected<QStringList, ApiResponse> readReferences(const QString& name, const QString& text,
                                                       const QString& type) {
    QStringList ids;
    for (const QString& one : text.split(u',')) {
        auto id = readReference(name, one, {type}, true);
        if (!id)
            return std::unexpected(id.error());
        ids << *id;
    }
    return ids;
}

std::optional<bool> readBool(const QString& text) {
    if (text == "true"_L1)
        return true;
    if (text == "false"_L1)
        return false;
    return std::nullopt;
}

} // namespace mss::server::fhir
