// Personal calendar feeds (docs/calendar-feeds.md): a staff member turns on,
// renews or turns off their own subscription address; calendar programs
// fetch it without a session, the address's token being the credential.
#include "server/CalendarFeed.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

#include "base/WallClock.h"
#include "domain/Staff.h"

#include <QCryptographicHash>

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

const QString feedsPath = u"/api/v1/calendar/"_s;

ApiResponse feedsOff() {
    return ApiResponse::error(
        403, u"The practice has turned calendar feeds off (setting calendarFeeds.detail)"_s,
        u"CALENDAR_FEEDS_OFF"_s);
}

ApiResponse feedStatus(RequestContext& ctx) {
    const auto opened = feeds::openedAt(ctx.practice().db(), ctx.staffId());
    if (!opened)
        return storageFailure(opened.error());
    const FeedSettings settings = FeedSettings::of(ctx.practice());
    QJsonObject status{{"enabled"_L1, opened->has_value()},
                       {"detail"_L1, settings.toJson().value("detail"_L1)}};
    if (*opened)
        status.insert("createdAt"_L1,
                      toWireTime(QDateTime::fromMSecsSinceEpoch(**opened, Qt::UTC)));
    return ApiResponse::ok(status);
}

// Turns the address on, or gives a new one in place of the old.
ApiResponse openFeed(RequestContext& ctx) {
    if (FeedSettings::of(ctx.practice()).detail == FeedSettings::Detail::Off)
        return feedsOff();
    const auto token = feeds::open(ctx.practice().db(), ctx.staffId(),
                                   ctx.practice().clock().now().toMSecsSinceEpoch());
    if (!token)
        return storageFailure(token.error());
    ctx.audit(u"calendar.feed.open"_s, u"calendarFeed"_s, ctx.staffId());
    // The token is shown this once; the server keeps only its digest.
    return ApiResponse::ok(
        QJsonObject{{"token"_L1, *token}, {"path"_L1, QString(feedsPath + *token + u".ics"_s)}},
        201);
}

ApiResponse closeFeed(RequestContext& ctx) {
    if (auto r = feeds::close(ctx.practice().db(), ctx.staffId()); !r)
        return storageFailure(r.error());
    ctx.audit(u"calendar.feed.close"_s, u"calendarFeed"_s, ctx.staffId());
    return ApiResponse::ok(QJsonObject{{"enabled"_L1, false}});
}

ApiResponse notFound() {
    return ApiResponse::error(404, u"No such calendar"_s, u"NOT_FOUND"_s);
}

ApiResponse readFeed(RequestContext& ctx) {
    const QString file = ctx.param(u"file"_s);
    if (!file.endsWith(".ics"_L1))
        return notFound();
    const FeedSettings settings = FeedSettings::of(ctx.practice());
    if (settings.detail == FeedSettings::Detail::Off)
        return notFound();
    const auto owner = feeds::ownerOf(ctx.practice().db(), file.chopped(4).toLatin1());
    if (!owner)
        return storageFailure(owner.error());
    if (!*owner)
        return notFound();
    const auto staffRecord = ctx.records().get(RecordKind::Staff, **owner);
    if (!staffRecord)
        return storageFailure(staffRecord.error());
    const auto staff =
        *staffRecord ? domain::Staff::fromJson((**staffRecord).doc, domain::DecodeMode::TypesOnly)
                     : Checked<domain::Staff>(std::unexpected(Errors{}));
    if (!staff)
        return notFound();
    ctx.signIn(**owner, staff->role);
    const auto feed =
        calendarFeed(ctx.practice(), **owner, settings, ctx.can(Permission::SeeMeetingSecrets));
    if (!feed)
        return storageFailure(feed.error());
    // Who fetched it and when; what it holds stays out of the log.
    ctx.audit(u"calendar.feed.read"_s, u"calendarFeed"_s, **owner);
    const QByteArray etag =
        '"' + QCryptographicHash::hash(*feed, QCryptographicHash::Sha256).toHex().left(32) + '"';
    ApiResponse response;
    response.withHeader("ETag", etag).withHeader("Cache-Control", "private, no-cache");
    response.contentType = "text/calendar; charset=utf-8";
    const QByteArray wanted = ctx.request().header("if-none-match");
    if (!wanted.isEmpty() && (wanted == etag || wanted == "W/" + etag || wanted == "*")) {
        response.status = 304;
        return response;
    }
    response.page = *feed;
    return response;
}

} // namespace

void addCalendarFeedRoutes(Router& router) {
    using P = Permission;
    // The two GETs read only (a fetch's audit entry joins the readers'
    // batch; the token signs in for this request alone, in memory): answered
    // on a reader thread, beside other requests.
    router.add(Method::Get, u"/api/v1/calendar/feed"_s, P::ReadSchedule, feedStatus,
               Writes::Nothing);
    router.add(Method::Post, u"/api/v1/calendar/feed"_s, P::ReadSchedule, openFeed);
    router.add(Method::Delete, u"/api/v1/calendar/feed"_s, P::ReadSchedule, closeFeed);
    // The token in the address is the credential: no session.
    router.add(Method::Get, u"/api/v1/calendar/:file"_s, std::nullopt, readFeed, Writes::Nothing);
}

} // namespace mss::server
