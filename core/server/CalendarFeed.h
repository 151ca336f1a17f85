#pragma once

#include "server/Practice.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <expected>
#include <optional>

namespace mss::server {

// Personal calendar subscriptions (docs/calendar-feeds.md): a staff member
// turns on a secret address that any calendar program can subscribe to,
// and it serves their own appointments as iCalendar (RFC 5545).

// What the practice lets feeds show (its `calendarFeeds` setting).
struct FeedSettings {
    enum class Detail {
        Off,      // no feeds: addresses answer 404 and none can be turned on
        Busy,     // "Appointment" and the time: the default
        Initials, // and the client's initials
        Details,  // and the client's name, notes and the meeting link
    };
    static constexpr int maxDays = 3660;
    Detail detail = Detail::Busy;
    int daysBack = 30;
    int daysAhead = 365;

    // {"detail": "busy", "daysBack": 30, "daysAhead": 365}; a member left
    // out keeps its value in `base`. The error names the member at fault.
    static std::expected<FeedSettings, Error> fromJson(const QJsonValue& value,
                                                       const FeedSettings& base);
    QJsonObject toJson() const;
    static FeedSettings of(Practice& practice);
    Result<void> save(Practice& practice) const;
};

// The feed addresses: one per staff member at most; the database keeps only
// the SHA-256 of its token, as it does for sessions.
namespace feeds {
// A new token for the staff member, replacing their old address (inside
// the caller's transaction).
Result<QString> open(storage::Database& db, const QString& staffId, qint64 nowMs);
Result<void> close(storage::Database& db, const QString& staffId);
// When the staff member's address was made; nothing when they have none.
Result<std::optional<qint64>> openedAt(storage::Database& db, const QString& staffId);
// The staff member a token belongs to, when it is an address of an active one.
Result<std::optional<QString>> ownerOf(storage::Database& db, const QByteArray& token);
} // namespace feeds

// The iCalendar text of a staff member's feed: their appointments as
// provider that start from settings.daysBack before `now` to
// settings.daysAhead after it. A series whose occurrences are its rule's
// is one VEVENT with RRULE, EXDATE for occurrences that are gone and an
// overriding VEVENT (RECURRENCE-ID) for each that moved or was cancelled;
// anything else is a VEVENT of its own. Cancelled appointments are there
// with STATUS:CANCELLED. The text depends on the records only (DTSTAMP is
// a record's last change), so equal schedules give equal feeds.
Result<QByteArray> calendarFeed(Practice& practice, const QString& staffId,
                                const FeedSettings& settings, bool seesMeetingLinks);

} // namespace mss::server
