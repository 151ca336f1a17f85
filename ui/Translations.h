#pragma once

#include <QLocale>

class QCoreApplication;

namespace mss::ui {

// Puts the interface into the user's language: this project's translation
// (compiled in, under :/i18n/) and Qt's own strings (qtbase: standard
// buttons, date pickers) where the system has them. Call once at start,
// after creating the application and before creating any widget; calling it
// again replaces what an earlier call installed. Makes `locale` the default
// QLocale too, so dates and numbers match the words. Returns whether a
// translation of this project was found for `locale` (English needs none:
// the source strings are English).
bool installTranslations(QCoreApplication& app, const QLocale& locale = QLocale::system());

} // namespace mss::ui
