#include "domain/BoundedText.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include <utility>

namespace mss::domain {

using namespace Qt::StringLiterals;

namespace {

struct Limit {
    QStringView key;
    qsizetype max;
};

// Chosen so that no real practice ever meets them: a name of 100, an RFC
// 5321 address of 254, a phone number with extension of 40, a session note
// of 10,000 (about four pages), a meeting link of 2,048 (what browsers
// keep), a reminder template of 20,000 (HTML included).
constexpr Limit limits[] = {
    {u"firstName", 100},
    {u"lastName", 100},
    {u"middleName", 100},
    {u"preferredName", 100},
    {u"name", 200},
    {u"email", 254},
    {u"phone", 40},
    {u"notes", 10'000},
    {u"reason", 2'000},
    {u"cancellationReason", 2'000},
    {u"virtualMeetingLink", 2'048},
    {u"virtualMeetingPassword", 256},
    {u"password", 1'024},
    {u"currentPassword", 1'024},
    {u"newPassword", 1'024},
    {u"recurrenceRule", 1'000},
    {u"emailSubject", 20'000},
    {u"emailText", 20'000},
    {u"emailHtml", 20'000},
    {u"sms", 20'000},
};

QString tr(const char* text) {
    return QCoreApplication::translate("BoundedText", text);
}

QString joined(const QString& path, QStringView key) {
    return path.isEmpty() ? key.toString() : path + u'.' + key;
}

// The first lone surrogate's index, or -1.
qsizetype loneSurrogate(QStringView text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                ++i;
                continue;
            }
            return i;
        }
        if (c.isLowSurrogate())
            return i;
    }
    return -1;
}

void walk(const QJsonValue& value, QStringView key, const QString& path, Errors& errors) {
    if (value.isString()) {
        checkText(value.toString(), key, path, errors);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            walk(array.at(i), key, path + u'[' + QString::number(i) + u']', errors);
    } else if (value.isObject()) {
        checkTexts(value, path, errors);
    }
}

} // namespace

qsizetype maxTextLength(QStringView key) {
    for (const Limit& l : limits)
        if (l.key == key)
            return l.max;
    return defaultTextLimit;
}

bool checkText(QStringView text, QStringView key, const QString& path, Errors& errors) {
    const qsizetype max = maxTextLength(key);
    if (text.size() > max) {
        errors.append({ErrorCode::TooLong, path,
                       tr("must be at most %1 characters (it has %2)").arg(max).arg(text.size())});
        return false;
    }
    if (text.contains(QChar(u'\0'))) {
        errors.append({ErrorCode::InvalidCharacter, path, tr("must not contain a NUL character")});
        return false;
    }
    if (loneSurrogate(text) >= 0) {
        errors.append(
            {ErrorCode::InvalidCharacter, path, tr("must not contain a lone UTF-16 surrogate")});
        return false;
    }
    return true;
}

void checkTexts(const QJsonValue& value, const QString& path, Errors& errors) {
    if (!value.isObject()) {
        walk(value, QStringView(), path, errors);
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QString at = joined(path, key);
        // A key is text too: bounded like any other string, and clean.
        if (key.size() > defaultTextLimit || key.contains(QChar(u'\0')) ||
            loneSurrogate(key) >= 0) {
            errors.append({ErrorCode::InvalidCharacter, path.isEmpty() ? u"(key)"_s : path,
                           tr("has a key that is too long or holds a NUL or lone surrogate")});
            continue;
        }
        // Qt 6.4's QJsonObject sorts such keys one way when the text escapes
        // something and another when it does not, and its lookups can then
        // miss a member that iterating finds (docs/fuzzing.md). No field
        // name of the API has one, so a key with one is refused.
        if (std::any_of(key.cbegin(), key.cend(), [](QChar c) { return c.unicode() >= 0xD800; })) {
            errors.append({ErrorCode::InvalidCharacter, path.isEmpty() ? u"(key)"_s : path,
                           tr("has a key with a character from U+D800 up (an emoji, say); "
                              "field names are plain text")});
            continue;
        }
        walk(it.value(), key, at, errors);
    }
}

namespace {

// A reader of JSON text that QJsonDocument has already accepted, so it
// only needs to follow the structure, not to judge the syntax.
class JsonTextScanner {
public:
    explicit JsonTextScanner(QByteArrayView json)
        : m_json(json) {}

    std::optional<Error> run() {
        while (m_pos < m_json.size()) {
            const char c = m_json[m_pos];
            switch (c) {
            case '{':
                m_frames.append(Frame{true, childPath(), {}, {}, 0, true});
                ++m_pos;
                break;
            case '[':
                m_frames.append(Frame{false, childPath(), {}, {}, 0, false});
                ++m_pos;
                break;
            case '}':
            case ']':
                if (!m_frames.isEmpty())
                    m_frames.removeLast();
                ++m_pos;
                break;
            case ',':
                if (!m_frames.isEmpty()) {
                    Frame& top = m_frames.last();
                    if (top.isObject)
                        top.expectKey = true;
                    else
                        ++top.index;
                }
                ++m_pos;
                break;
            case '"': {
                const QString path =
                    m_frames.isEmpty() || !m_frames.last().expectKey ? childPath() : QString();
                auto text = string();
                if (!text) {
                    const QString at =
                        path.isEmpty() && !m_frames.isEmpty()
                            ? (m_frames.last().path.isEmpty() ? u"(key)"_s : m_frames.last().path)
                            : path;
                    return Error{ErrorCode::InvalidCharacter, at,
                                 tr("must not contain a lone UTF-16 surrogate")};
                }
                if (!m_frames.isEmpty() && m_frames.last().expectKey) {
                    Frame& top = m_frames.last();
                    top.expectKey = false;
                    top.key = *text;
                    if (top.keys.contains(*text))
                        return Error{ErrorCode::DuplicateKey, joined(top.path, *text),
                                     tr("appears twice in one object")};
                    top.keys.insert(*text);
                }
                break;
            }
            default:
                ++m_pos; // whitespace, ':', numbers, true, false, null
            }
        }
        return std::nullopt;
    }

private:
    struct Frame {
        bool isObject;
        QString path;
        QSet<QString> keys;
        QString key;
        qsizetype index;
        bool expectKey;
    };

    QString childPath() const {
        if (m_frames.isEmpty())
            return {};
        const Frame& top = m_frames.last();
        if (top.isObject)
            return joined(top.path, top.key);
        return top.path + u'[' + QString::number(top.index) + u']';
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return 0;
    }

    char16_t unit(qsizetype at) const {
        char16_t u = 0;
        for (qsizetype i = 0; i < 4 && at + i < m_json.size(); ++i)
            u = char16_t(u * 16 + hex(m_json[at + i]));
        return u;
    }

    // The string starting at m_pos (on its quote), decoded; nullopt when a
    // \u escape leaves a surrogate alone. Leaves m_pos after the closing quote.
    std::optional<QString> string() {
        ++m_pos;
        QString out;
        qsizetype runStart = m_pos;
        auto flush = [&] { out += QString::fromUtf8(m_json.sliced(runStart, m_pos - runStart)); };
        while (m_pos < m_json.size() && m_json[m_pos] != '"') {
            if (m_json[m_pos] != '\\') {
                ++m_pos;
                continue;
            }
            flush();
            const char e = m_pos + 1 < m_json.size() ? m_json[m_pos + 1] : '\0';
            if (e != 'u') {
                switch (e) {
                case 'n':
                    out += u'\n';
                    break;
                case 't':
                    out += u'\t';
                    break;
                case 'r':
                    out += u'\r';
                    break;
                case 'b':
                    out += u'\b';
                    break;
                case 'f':
                    out += u'\f';
                    break;
                default:
                    out += QLatin1Char(e);
                }
                m_pos += 2;
            } else {
                const char16_t u = unit(m_pos + 2);
                m_pos += 6;
                if (QChar::isLowSurrogate(u))
                    return std::nullopt;
                if (QChar::isHighSurrogate(u)) {
                    const bool paired = m_pos + 6 <= m_json.size() && m_json[m_pos] == '\\' &&
                                        m_json[m_pos + 1] == 'u' &&
                                        QChar::isLowSurrogate(unit(m_pos + 2));
                    if (!paired)
                        return std::nullopt;
                    out += QChar(u);
                    out += QChar(unit(m_pos + 2));
                    m_pos += 6;
                } else {
                    out += QChar(u);
                }
            }
            runStart = m_pos;
        }
        flush();
        ++m_pos;
        return out;
    }

    QByteArrayView m_json;
    qsizetype m_pos = 0;
    QList<Frame> m_frames;
};

} // namespace

std::optional<Error> checkJsonText(QByteArrayView json) {
    return JsonTextScanner(json).run();
}

} // namespace mss::domain
