// Sign-in. Login answers the same, in about the same time, for an unknown
// email and a wrong password, so it cannot be used to find staff emails;
// repeated failures are throttled (LoginThrottle). A successful sign-in
// also answers a device token; the desk sends it back in X-Device-Token at
// its next sign-in, so guesses made elsewhere never refuse it.
#include "server/ClientAddress.h"
#include "server/Passwords.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

constexpr char deviceTokenHeader[] = "x-device-token";

// A hash to check against when the email is unknown, so both paths cost
// one Argon2id verification.
const QString& decoyHash() {
    static const QString hash = hashPassword(QByteArrayLiteral("decoy password, never valid"));
    return hash;
}

// A sign-in as far as its password check: read, its account found, its
// device recognised, and let through by the throttle.
struct LoginAttempt {
    QByteArray password;
    std::optional<Practice::Credentials> credentials;
    QByteArray deviceToken;
    LoginThrottle::Attempt attempt;

    const QString& hash() const { return credentials ? credentials->passwordHash : decoyHash(); }
};

std::expected<LoginAttempt, ApiResponse> readLoginAttempt(RequestContext& ctx) {
    const auto body = ctx.bodyObject();
    if (!body)
        return std::unexpected(body.error());
    const QJsonValue email = body->value("email"_L1);
    const QJsonValue password = body->value("password"_L1);
    if (!email.isString() || !password.isString() || email.toString().isEmpty() ||
        password.toString().isEmpty())
        return std::unexpected(ApiResponse::error(400, u"Please provide an email and password"_s,
                                                  u"VALIDATION_ERROR"_s));
    auto credentials = ctx.practice().credentialsOf(email.toString());
    if (!credentials)
        return std::unexpected(storageFailure(credentials.error()));
    const QString staffId = *credentials ? (*credentials)->staffId : QString();
    // A device token counts only for the account it was issued to; any
    // other (unknown, expired, another person's) is as good as none.
    const QByteArray deviceToken = ctx.request().header(deviceTokenHeader);
    const auto known = ctx.practice().sessions().isDeviceOf(deviceToken, staffId);
    if (!known)
        return std::unexpected(storageFailure(known.error()));
    LoginAttempt attempt{
        password.toString().toUtf8(), std::move(*credentials), deviceToken,
        LoginThrottle::Attempt{email.toString(), clientKey(ctx.request().remote),
                               *known ? Sessions::digest(deviceToken) : QString()}};
    const auto wait = ctx.practice().throttle().waitFor(attempt.attempt);
    // A count that cannot be read refuses the sign-in, never lets it through.
    if (!wait)
        return std::unexpected(storageFailure(wait.error()));
    if (*wait > 0) {
        return std::unexpected(
            ApiResponse::error(429,
                               u"Too many failed sign-ins; try again in %1 seconds"_s.arg(*wait),
                               u"TOO_MANY_ATTEMPTS"_s)
                .withHeader("Retry-After", QByteArray::number(*wait)));
    }
    return attempt;
}

ApiResponse login(RequestContext& ctx) {
    const auto attempt = readLoginAttempt(ctx);
    if (!attempt)
        return attempt.error();
    // Checked already, off this thread, against the same hash (a password
    // changed meanwhile has another hash and is checked here).
    const auto& verified = ctx.request().verifiedPassword;
    const bool matches = verified && verified->hash == attempt->hash()
                             ? verified->matches
                             : verifyPassword(attempt->hash(), attempt->password);
    const bool ok = matches && attempt->credentials && attempt->credentials->isActive;
    LoginThrottle& throttle = ctx.practice().throttle();
    const QString staffId = attempt->credentials ? attempt->credentials->staffId : QString();
    if (!ok) {
        // The refusal rolls the request's transaction back; the count is
        // written after it, in a transaction of its own.
        ctx.writeWhenRefused(
            [&throttle, counted = attempt->attempt] { return throttle.failed(counted); });
        ctx.audit(u"auth.loginFailed"_s, u"staff"_s, staffId);
        return ApiResponse::error(401, u"Invalid credentials"_s, u"INVALID_CREDENTIALS"_s);
    }
    if (auto r = throttle.succeeded(attempt->attempt); !r)
        return storageFailure(r.error());
    const auto token = ctx.practice().sessions().start(staffId);
    if (!token)
        return storageFailure(token.error());
    const auto device = ctx.practice().sessions().rememberDevice(staffId, attempt->deviceToken);
    if (!device)
        return storageFailure(device.error());
    ctx.audit(u"auth.login"_s, u"staff"_s, staffId);
    ApiResponse response;
    response.body =
        QJsonObject{{"success"_L1, true}, {"token"_L1, *token}, {"deviceToken"_L1, *device}};
    return response;
}

ApiResponse me(RequestContext& ctx) {
    const auto staff = ctx.records().get(RecordKind::Staff, ctx.staffId());
    if (!staff || !*staff)
        return ApiResponse::internal();
    return ApiResponse::ok(render(ctx, storage::RecordKind::Staff, **staff));
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

std::optional<PasswordToVerify> passwordToVerify(RequestContext& ctx) {
    const auto attempt = readLoginAttempt(ctx);
    if (!attempt)
        return std::nullopt;
    return PasswordToVerify{attempt->hash(), attempt->password};
}

void addAuthRoutes(Router& router) {
    router.add(Method::Post, u"/api/v1/auth/login"_s, std::nullopt, login);
    router.add(Method::Get, u"/api/v1/auth/me"_s, Permission::SignedIn, me, Writes::Nothing);
    router.add(Method::Get, u"/api/v1/auth/logout"_s, Permission::SignedIn, logout);
}

} // namespace mss::server
