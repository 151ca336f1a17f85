#include "base/KeyFile.h"

#include <QFile>

namespace mss {

using namespace Qt::StringLiterals;

namespace {

std::unexpected<Error> unusable(const QString& message) {
    return std::unexpected(Error{ErrorCode::KeyFileUnusable, {}, message});
}

} // namespace

Result<QByteArray> openOrCreateKeyFile(const QString& path, qsizetype size,
                                       const std::function<QByteArray()>& newKey) {
    QFile file(path);
    if (file.exists()) {
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return unusable(u"the key file %1 is readable by others: chmod 600 it"_s.arg(path));
        if (!file.open(QIODevice::ReadOnly))
            return unusable(u"cannot read the key file %1"_s.arg(path));
        QByteArray key = file.readAll();
        if (key.size() != size)
            return unusable(u"the key file %1 is damaged"_s.arg(path));
        return key;
    }
    QByteArray key = newKey();
    if (key.size() != size)
        return unusable(u"cannot make a key for %1"_s.arg(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(key) != key.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.close();
        file.remove();
        return unusable(u"cannot write the key file %1: %2"_s.arg(path, reason));
    }
    return key;
}

} // namespace mss
