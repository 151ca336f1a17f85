#include "ServeConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace mss::server::app {

using namespace Qt::StringLiterals;

namespace {

const QStringList pathKeys{u"data-dir"_s, u"tls-cert"_s, u"tls-key"_s, u"database-password-file"_s};
// allow-origin: as serve's --allow-origin (a comma list, or *); the file's
// origins and the command line's add up, as both are lists of what may call.
// The HTTP limits and workers: numbers, checked by serve as its own options;
// trusted-proxy as serve's --trusted-proxy, added to the command line's.
const QStringList textKeys{u"listen"_s,
                           u"database"_s,
                           u"allow-origin"_s,
                           u"max-connections"_s,
                           u"max-connections-per-address"_s,
                           u"connection-timeout"_s,
                           u"max-header-bytes"_s,
                           u"workers"_s,
                           u"trusted-proxy"_s};
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

std::expected<QStringList, QString> readServeConfig(const QString& file) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::unexpected(
            u"cannot read the configuration file %1: %2"_s.arg(file, in.errorString()));
    const QDir folder = QFileInfo(file).absoluteDir();
    QStringList options;
    QSet<QString> seen;
    int number = 0;
    while (!in.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(in.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const auto where = u"%1, line %2"_s.arg(file).arg(number);
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return std::unexpected(u"%1: \"%2\" is not key = value"_s.arg(where, line));
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (!pathKeys.contains(key) && !textKeys.contains(key) && !flagKeys.contains(key))
            return std::unexpected(u"%1: unknown key \"%2\" (known: %3)"_s.arg(
                where, key, (pathKeys + textKeys + flagKeys).join(u", "_s)));
        if (seen.contains(key))
            return std::unexpected(u"%1: %2 is set twice"_s.arg(where, key));
        seen.insert(key);
        if (value.isEmpty())
            continue;
        if (flagKeys.contains(key)) {
            const auto on = parseYesNo(value);
            if (!on)
                return std::unexpected(
                    u"%1: %2 wants yes or no, not \"%3\""_s.arg(where, key, value));
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

std::expected<QStringList, QString> withServeConfig(const QStringList& arguments) {
    QString file;
    int given = 0;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == "--config"_L1) {
            if (i + 1 == arguments.size())
                return std::unexpected(u"--config wants a file"_s);
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
        return std::unexpected(u"--config is given more than once"_s);
    if (file.isEmpty())
        return std::unexpected(u"--config wants a file"_s);
    auto fromFile = readServeConfig(file);
    if (!fromFile)
        return fromFile;
    return QStringList{arguments.first()} + *fromFile + arguments.mid(1);
}

} // namespace mss::server::app
