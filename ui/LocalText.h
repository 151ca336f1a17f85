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
};

} // namespace mss::ui
