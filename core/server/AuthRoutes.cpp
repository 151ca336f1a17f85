// Sign-in. Login answers the same, in about the same time, for an unknown
// email and a wrong password, so it cannot be used to find staff emails;
// repeated failures are throttled (LoginThrottle).
#include "server/Passwords.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

// A hash to check against when the email is unknown, so both paths cost
// one Argon2id verification.
const QString& decoyHash() {
    static const QString hash = hashPassword(QByteArrayLiteral("decoy password, never valid"));
    return hash;
}

ApiResponse login(RequestContext& ctx) {
    const auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    const QJsonValue email = body->value("email"_L1);
    const QJsonValue password = body->value("password"_L1);
    if (!email.isString() || !password.isString() || email.toString().isEmpty() ||
        password.toString().isEmpty())
        return ApiResponse::error(400, u"Please provide an email and password"_s,
                                  u"VALIDATION_ERROR"_s);
    const QString address = ctx.request().remote.toString();
    LoginThrottle& throttle = ctx.practice().throttle();
    if (const qint64 wait = throttle.waitFor(email.toString(), address); wait > 0) {
        return ApiResponse::error(429,
                                  u"Too many failed sign-ins; try again in %1 seconds"_s.arg(wait),
                                  u"TOO_MANY_ATTEMPTS"_s)
            .withHeader("Retry-After", QByteArray::number(wait));
    }
    const auto credentials = ctx.practice().credentialsOf(email.toString());
    if (!credentials)
        return storageFailure(credentials.error());
    const QByteArray secret = password.toString().toUtf8();
    bool ok = false;
    if (*credentials) {
        ok = verifyPassword((*credentials)->passwordHash, secret) && (*credentials)->isActive;
    } else {
        verifyPassword(decoyHash(), secret);
    }
    if (!ok) {
        throttle.failed(email.toString(), address);
        ctx.audit(u"auth.loginFailed"_s, u"staff"_s,
                  *credentials ? (*credentials)->staffId : QString());
        return ApiResponse::error(401, u"Invalid credentials"_s, u"INVALID_CREDENTIALS"_s);
    }
    throttle.succeeded(email.toString());
    const auto token = ctx.practice().sessions().start((*credentials)->staffId);
    if (!token)
        return storageFailure(token.error());
    ctx.audit(u"auth.login"_s, u"staff"_s, (*credentials)->staffId);
    ApiResponse response;
    response.body = QJsonObject{{"success"_L1, true}, {"token"_L1, *token}};
    return response;
}

ApiResponse me(RequestContext& ctx) {
    const auto staff = ctx.records().get(RecordKind::Staff, ctx.staffId());
    if (!staff || !*staff)
        return ApiResponse::internal();
    return ApiResponse::ok(render(ctx, **staff));
}

ApiResponse logout(RequestContext& ctx) {
    const QByteArray auth = ctx.request().header("authorization");
    // A GET that writes, outside a write transaction: the session lookup's
    // open statement would make this DELETE an upgrade of an old snapshot,
    // refused at once (SQLITE_BUSY_SNAPSHOT) when the reminder thread or
    // another process has committed since.
    ctx.practice().db().finishQueries();
    if (auto r = ctx.practice().sessions().end(auth.mid(7).trimmed()); !r)
        return storageFailure(r.error());
    ctx.audit(u"auth.logout"_s, u"staff"_s, ctx.staffId());
    return ApiResponse::ok(QJsonObject{});
}

} // namespace

void addAuthRoutes(Router& router) {
    router.add(Method::Post, u"/api/v1/auth/login"_s, std::nullopt, login);
    router.add(Method::Get, u"/api/v1/auth/me"_s, Permission::SignedIn, me);
    router.add(Method::Get, u"/api/v1/auth/logout"_s, Permission::SignedIn, logout);
}

} // namespace mss::server
