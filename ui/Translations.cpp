#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace mss::ui {

namespace {

const QString installedName = QStringLiteral("mss.ui.translation");

bool install(QCoreApplication& app, const QLocale& locale, const QString& name,
             const QString& directory) {
    auto* translator = new QTranslator(&app);
    translator->setObjectName(installedName);
    if (!translator->load(locale, name, QStringLiteral("_"), directory) ||
        !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace

bool installTranslations(QCoreApplication& app, const QLocale& locale) {
    const auto previous = app.findChildren<QTranslator*>(installedName, Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : previous) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(locale);
    install(app, locale, QStringLiteral("qtbase"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(app, locale, QStringLiteral("mentalspace"), QStringLiteral(":/i18n"));
}

} // namespace mss::ui
