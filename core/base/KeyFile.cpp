#include "base/KeyFile.h"

#include <QFile>

namespace mss {

using namespace Qt::StringLiterals;

std::expected<QByteArray, QString> openOrCreateKeyFile(const QString& path, qsizetype size,
                                                       const std::function<QByteArray()>& newKey) {
    QFile file(path);
    if (file.exists()) {
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return std::unexpected(
                u"the key file %1 is readable by others: chmod 600 it"_s.arg(path));
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(u"cannot read the key file %1"_s.arg(path));
        QByteArray key = file.readAll();
        if (key.size() != size)
            return std::unexpected(u"the key file %1 is damaged"_s.arg(path));
        return key;
    }
    QByteArray key = newKey();
    if (key.size() != size)
        return std::unexpected(u"cannot make a key for %1"_s.arg(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(key) != key.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.close();
        file.remove();
        return std::unexpected(u"cannot write the key file %1: %2"_s.arg(path, reason));
    }
    return key;
}

} // namespace mss
