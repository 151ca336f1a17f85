#include "storage/DatabaseUrl.h"

#include <QRegularExpression>
#include <QUrl>

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

std::unexpected<Error> invalid(const QString& why) {
    return std::unexpected(Error{ErrorCode::InvalidDatabaseUrl, {}, why});
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString& text) {
    if (text.startsWith("sqlite:"_L1)) {
        const QString path = text.mid(7);
        if (path.isEmpty())
            return invalid(u"the database URL \"%1\" names no file: write sqlite:PATH"_s.arg(text));
        return DatabaseUrl::sqlite(path);
    }
    const auto usage = u"write postgresql://USER@HOST:PORT/DATABASE"_s;
    if (!text.startsWith("postgresql://"_L1) && !text.startsWith("postgres://"_L1))
        return invalid(
            u"the database URL \"%1\" is neither sqlite:PATH nor postgresql://USER@HOST:PORT/DATABASE"_s
                .arg(text));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(u"the database URL \"%1\" is not a valid URL: %2"_s.arg(text, usage));
    if (!url.password().isEmpty())
        return invalid(
            u"the database URL must not hold the password (others can read a command line): "
            "use PGPASSWORD, ~/.pgpass or --database-password-file"_s);
    DatabaseUrl out;
    out.engine = Engine::Postgresql;
    out.user = url.userName();
    out.host = url.host();
    out.port = url.port(5432);
    out.database = url.path().mid(1);
    if (out.user.isEmpty())
        return invalid(u"the database URL \"%1\" names no user: %2"_s.arg(text, usage));
    if (out.host.isEmpty())
        return invalid(u"the database URL \"%1\" names no host: %2"_s.arg(text, usage));
    if (out.port < 1 || out.port > 65535)
        return invalid(u"the database URL \"%1\" has no valid port: %2"_s.arg(text, usage));
    static const QRegularExpression name(u"^[A-Za-z0-9_.-]{1,63}$"_s);
    if (!name.match(out.database).hasMatch())
        return invalid(
            u"the database URL \"%1\" names no database (letters, digits, _ . -): %2"_s.arg(text,
                                                                                            usage));
    if (url.hasQuery() || url.hasFragment())
        return invalid(
            u"the database URL \"%1\" has parts after the database name: %2"_s.arg(text, usage));
    return out;
}

QString DatabaseUrl::toString() const {
    if (engine == Engine::Sqlite)
        return u"sqlite:"_s + path;
    return u"postgresql://%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(database);
}

} // namespace mss::storage
