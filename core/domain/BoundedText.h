#pragma once

#include "base/Error.h"

#include <QByteArrayView>
#include <QJsonValue>
#include <QStringView>

#include <optional>

namespace mss::domain {

// Every text a record carries has a length limit, so that one careless or
// hostile client cannot make lists and the change feed slow for everyone
// (a 1 MB client name used to be accepted). The limits live here and only
// here: JsonReader applies them to every string it reads (the server's
// validation and the desk's codec alike), and the server applies them to
// every string of a request body, unknown fields included.
//
// Lengths count UTF-16 code units, as QString::size() does (a character
// outside the BMP counts two).

// The most a string under `key` may hold: a named field's own limit, or
// defaultTextLimit for any other key.
qsizetype maxTextLength(QStringView key);
inline constexpr qsizetype defaultTextLimit = 1'000;

// Refuses `text` under `key` (at `path`) when it is too long, holds a NUL,
// or holds a lone surrogate. Returns whether it was accepted.
bool checkText(QStringView text, QStringView key, const QString& path, Errors& errors);

// checkText for every string of `value` (object members by their key,
// array items by their array's key), and every object key itself.
void checkTexts(const QJsonValue& value, const QString& path, Errors& errors);

// What QJsonDocument accepts in silence: an object with a key twice (it
// keeps one) and a \u escape naming a lone surrogate. `json` must already
// parse. Returns the first such problem, its field the key's path.
std::optional<Error> checkJsonText(QByteArrayView json);

} // namespace mss::domain
