// libFuzzer target: the strict reading of a request body, before any route
// sees it. The server (server/RequestContext::bodyObject, in a library too
// heavy for the fuzz build) parses with QJsonDocument, wants an object, then
// refuses what QJsonDocument accepts in silence (domain::checkJsonText: a
// key twice, a \u escape naming a lone surrogate) and every string against
// the domain's rules (domain::checkTexts: length, NUL, lone surrogates);
// accepted() below is those steps in that order.
//
// Not crashing is not enough. For every body accepted:
//  - every member is found by its key (routes read members by key; keys
//    from U+D800 up, where Qt 6.4 can miss one, are refused: docs/fuzzing.md);
//  - its object re-serialises to text that is accepted too and re-parses to
//    an object with the same members (what the server stores reads back
//    the same), and serialising is stable from then on. "The same members",
//    not QJsonObject's ==: Qt 6.4 orders keys by UTF-16 units when they
//    were written with an escape and by code points when written without,
//    and its == compares in that order (the fuzzer's first find; see
//    docs/fuzzing.md);
//  - the same text with its first key written once more is refused as a
//    DuplicateKey (the server must never pick one of two `_id`s);
//  - the same text with one more member holding "\ud800" is refused as an
//    InvalidCharacter.
#include "domain/BoundedText.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

namespace {

using mss::ErrorCode;

struct Refusal {
    std::optional<ErrorCode> code; // none: not JSON, or not an object
};

// The server's reading of a non-empty body: the object, or why not.
std::optional<QJsonObject> accepted(const QByteArray& body, Refusal* refusal = nullptr) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    if (auto problem = mss::domain::checkJsonText(body)) {
        if (refusal)
            refusal->code = problem->code;
        return std::nullopt;
    }
    mss::Errors errors;
    mss::domain::checkTexts(doc.object(), {}, errors);
    if (!errors.isEmpty()) {
        if (refusal)
            refusal->code = errors.front().code;
        return std::nullopt;
    }
    return doc.object();
}

[[noreturn]] void broken(const char* invariant, const QByteArray& text) {
    std::fprintf(stderr, "invariant broken: %s\n  text: %s\n", invariant, text.constData());
    std::abort();
}

// An object's members as iterating it finds them, by key; not through
// QJsonObject's lookups, which Qt 6.4 gets wrong for some keys.
std::map<QString, QJsonValue> membersOf(const QJsonObject& object) {
    std::map<QString, QJsonValue> out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.emplace(it.key(), it.value());
    return out;
}

// The same members, recursively, whatever order QJsonObject keeps them in.
bool sameMembers(const QJsonValue& a, const QJsonValue& b) {
    if (a.isObject() && b.isObject()) {
        const std::map<QString, QJsonValue> x = membersOf(a.toObject());
        const std::map<QString, QJsonValue> y = membersOf(b.toObject());
        return x.size() == y.size() &&
               std::equal(x.begin(), x.end(), y.begin(), [](const auto& m, const auto& n) {
                   return m.first == n.first && sameMembers(m.second, n.second);
               });
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameMembers(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    return a == b;
}

// Whether every member of `value`, at any depth, is found by its key.
bool membersFoundByKey(const QJsonValue& value) {
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            if (!membersFoundByKey(item))
                return false;
        }
    }
    if (!value.isObject())
        return true;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!object.contains(it.key()) || !sameMembers(object.value(it.key()), it.value()))
            return false;
        if (!membersFoundByKey(it.value()))
            return false;
    }
    return true;
}

// `key` as JSON text, quotes included.
QByteArray quoted(const QString& key) {
    const QByteArray array = QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    if (body.trimmed().isEmpty())
        return 0; // the server reads an empty body as {} without parsing
    const std::optional<QJsonObject> object = accepted(body);
    if (!object)
        return 0;

    if (!membersFoundByKey(*object))
        broken("a member of an accepted body is not found by its key", body);

    const QByteArray again = QJsonDocument(*object).toJson(QJsonDocument::Compact);
    const std::optional<QJsonObject> reread = accepted(again);
    if (!reread)
        broken("an accepted body re-serialises to text the reader refuses", again);
    if (!sameMembers(*object, *reread))
        broken("an accepted body re-parses to different members", again);
    const QByteArray third = QJsonDocument(*reread).toJson(QJsonDocument::Compact);
    const std::optional<QJsonObject> rereadAgain = accepted(third);
    if (!rereadAgain || QJsonDocument(*rereadAgain).toJson(QJsonDocument::Compact) != third)
        broken("re-serialising is not stable", third);

    // `again` is "{...}": members go right after its brace.
    if (!object->isEmpty()) {
        const QByteArray twice = "{" + quoted(object->begin().key()) + ":null," + again.mid(1);
        Refusal refusal;
        if (accepted(twice, &refusal) || refusal.code != ErrorCode::DuplicateKey)
            broken("a key written twice is not refused as a duplicate", twice);
    }
    const QString probe = QStringLiteral("fuzzProbe");
    if (!object->contains(probe)) {
        const QByteArray lone = "{" + quoted(probe) + ":\"a\\ud800b\"" +
                                (object->isEmpty() ? QByteArray() : QByteArray(",")) + again.mid(1);
        Refusal refusal;
        if (accepted(lone, &refusal) || refusal.code != ErrorCode::InvalidCharacter)
            broken("a lone surrogate is not refused", lone);
    }
    return 0;
}
