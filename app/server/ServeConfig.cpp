#include "ServeConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace mss::server::app {

using namespace Qt::StringLiterals;

namespace {

const QStringList pathKeys{u"data-dir"_s, u"tls-cert"_s, u"tls-key"_s, u"database-password-file"_s};
// allow-origin: as serve's --allow-origin (a comma list, or *); the file's
// origins and the command line's add up, as both are lists of what may call.
// The HTTP limits and workers: numbers, checked by serve as its own options;
// trusted-proxy as serve's --trusted-proxy, added to the command line's;
// database-size-limit as serve's --database-size-limit.
const QStringList textKeys{u"listen"_s,
                           u"database"_s,
                           u"allow-origin"_s,
                           u"max-connections"_s,
                           u"max-connections-per-address"_s,
                           u"connection-timeout"_s,
                           u"max-header-bytes"_s,
                           u"workers"_s,
                           u"trusted-proxy"_s,
                           u"database-size-limit"_s};
const QStringList flagKeys{u"insecure-lan"_s};

std::optional<bool> parseYesNo(const QString& text) {
    const QString t = text.toLower();
    if (t == "yes"_L1 || t == "true"_L1 || t == "on"_L1 || t == "1"_L1)
        return true;
    if (t == "no"_L1 || t == "false"_L1 || t == "off"_L1 || t == "0"_L1)
        return false;
    return std::nullopt;
}

} // namespace

Result<QStringList> readServeConfig(const QString& file) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::unexpected(
            Error{ErrorCode::FileUnusable, u"--config"_s,
                  u"cannot read the configuration file %1: %2"_s.arg(file, in.errorString())});
    const QDir folder = QFileInfo(file).absoluteDir();
    QStringList options;
    QHash<QString, int> seen; // key -> its line
    int number = 0;
    while (!in.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(in.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        // "FILE, line N: " before what is wrong, so that it can be found.
        const auto wrong = [&](const QString& key, const QString& why) {
            return std::unexpected(
                Error{ErrorCode::InvalidConfiguration, {}, u"%1, line %2"_s.arg(file).arg(number)}
                    .causedBy(Error{ErrorCode::InvalidConfiguration, key, why}));
        };
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return wrong({}, u"\"%1\" is not key = value"_s.arg(line));
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (!pathKeys.contains(key) && !textKeys.contains(key) && !flagKeys.contains(key))
            return wrong({}, u"unknown key \"%1\" (known: %2)"_s.arg(
                                 key, (pathKeys + textKeys + flagKeys).join(u", "_s)));
        if (const auto first = seen.constFind(key); first != seen.cend())
            return wrong(key, u"is set twice (first on line %1)"_s.arg(*first));
        seen.insert(key, number);
        if (value.isEmpty())
            continue;
        if (flagKeys.contains(key)) {
            const auto on = parseYesNo(value);
            if (!on)
                return wrong(key, u"must be yes or no, not \"%1\""_s.arg(value));
            if (*on)
                options << u"--"_s + key;
            continue;
        }
        options << u"--"_s + key
                << (pathKeys.contains(key) ? QDir::cleanPath(folder.absoluteFilePath(value))
                                           : value);
    }
    return options;
}

Result<QStringList> withServeConfig(const QStringList& arguments) {
    const auto wrong = [](const QString& why) {
        return std::unexpected(Error{ErrorCode::InvalidConfiguration, u"--config"_s, why});
    };
    QString file;
    int given = 0;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == "--config"_L1) {
            if (i + 1 == arguments.size())
                return wrong(u"must name a file"_s);
            file = arguments.at(++i);
            ++given;
        } else if (a.startsWith("--config="_L1)) {
            file = a.mid(9);
            ++given;
        }
    }
    if (given == 0)
        return arguments;
    if (given > 1)
        return wrong(u"is given more than once"_s);
    if (file.isEmpty())
        return wrong(u"must name a file"_s);
    auto fromFile = readServeConfig(file);
    if (!fromFile)
        return fromFile;
    return QStringList{arguments.first()} + *fromFile + arguments.mid(1);
}

} // namespace mss::server::app
