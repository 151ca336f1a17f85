#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace mss::ui {

// Times and dates as the calendars write them: the user's locale, in the
// practice's zone, never with seconds (some locales' short format has
// them, and a schedule has no use for them).
class LocalText {
    Q_DECLARE_TR_FUNCTIONS(mss::ui::LocalText)

public:
    static QString time(QTime time);
    static QString time(const QDateTime& instant, const QTimeZone& zone);
    // "09:00 – 09:50"
    static QString span(const QDateTime& start, const QDateTime& end, const QTimeZone& zone);
    // "until 9:50" for an end time; in Spanish "hasta las 9:50", "hasta la
    // 1:50" (the article follows the hour on the clock).
    static QString until(const QDateTime& end, const QTimeZone& zone);
    // The zone's abbreviation at `instant` as the tz database has it (EST,
    // EDT, CET), the same in every language: a locale's rendering of a
    // zone name ("GMT-5", "hora de Nueva York") is not what the practice
    // calls its time.
    static QString zoneAbbreviation(const QDateTime& instant, const QTimeZone& zone);
};

} // namespace mss::ui
