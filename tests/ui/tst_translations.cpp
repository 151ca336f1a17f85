// The interface speaks the user's language: with a Spanish locale the real
// widgets show Spanish words, Qt's own buttons included, and switching back
// to English restores the source strings.
#include "base/Clock.h"
#include "ui/CancelDialog.h"
#include "ui/LocalText.h"
#include "ui/NavigationBar.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace mss;
using namespace mss::ui;

namespace {

QStringList texts(const QWidget& root) {
    QStringList out;
    for (const QToolButton* b : root.findChildren<QToolButton*>())
        out << b->text();
    for (const QAbstractButton* b : root.findChildren<QPushButton*>())
        out << b->text();
    for (const QLabel* l : root.findChildren<QLabel*>())
        out << l->text();
    return out;
}

const QLocale spanish(QLocale::Spanish, QLocale::Spain);
const QLocale english(QLocale::English, QLocale::UnitedStates);

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void spanishNavigationBarReadsHoy();
    void spanishCancelDialogAsksForTheMotivo();
    void qtsOwnButtonsAreSpanishToo();
    void switchingBackToEnglishRestoresTheSourceStrings();
    void anEndTimeTakesTheArticleOfItsHour();
    void zoneAbbreviationsAreTheSameInEveryLanguage();

private:
    ManualClock m_clock{QDateTime(QDate(2026, 3, 10), QTime(15, 0), QTimeZone::utc())};
};

void TestTranslations::cleanup() {
    installTranslations(*qApp, english);
}

void TestTranslations::spanishNavigationBarReadsHoy() {
    QVERIFY(installTranslations(*qApp, spanish));
    NavigationBar bar;
    const QStringList shown = texts(bar);
    QVERIFY2(shown.contains(QStringLiteral("Hoy")), qPrintable(shown.join(u'|')));
    QVERIFY2(!shown.contains(QStringLiteral("Today")), qPrintable(shown.join(u'|')));
    QVERIFY(shown.contains(QStringLiteral("Semana")));
}

void TestTranslations::spanishCancelDialogAsksForTheMotivo() {
    QVERIFY(installTranslations(*qApp, spanish));
    CancelDialog dialog(m_clock);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Cancelar cita"));
    const QStringList shown = texts(dialog);
    QVERIFY2(shown.contains(QStringLiteral("&Motivo:")), qPrintable(shown.join(u'|')));
    QVERIFY2(shown.contains(QStringLiteral("&Mantener la cita")), qPrintable(shown.join(u'|')));
}

void TestTranslations::qtsOwnButtonsAreSpanishToo() {
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_es.qm");
    // qt6-translations-l10n (scripts/bootstrap) installs it.
    QVERIFY2(QFileInfo::exists(qtbase), qPrintable(qtbase + QStringLiteral(" is missing")));
    QVERIFY(installTranslations(*qApp, spanish));
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancelar"));
}

void TestTranslations::switchingBackToEnglishRestoresTheSourceStrings() {
    QVERIFY(installTranslations(*qApp, spanish));
    QVERIFY(installTranslations(*qApp, english));
    NavigationBar bar;
    QVERIFY(texts(bar).contains(QStringLiteral("Today")));
    QCOMPARE(QCoreApplication::translate("mss::ui::SyncStatusIndicator",
                                         "Online · %n change(s) to send", nullptr, 1),
             QStringLiteral("Online · 1 change to send"));
}

void TestTranslations::anEndTimeTakesTheArticleOfItsHour() {
    const QTimeZone newYork("America/New_York");
    const auto at = [&](int hour, int minute) {
        return QDateTime(QDate(2026, 3, 10), QTime(hour, minute), newYork);
    };
    QVERIFY(installTranslations(*qApp, spanish));
    QCOMPARE(LocalText::until(at(9, 50), newYork), QStringLiteral("hasta las 9:50"));
    QCOMPARE(LocalText::until(at(1, 50), newYork), QStringLiteral("hasta la 1:50"));
    QCOMPARE(LocalText::until(at(13, 50), newYork), QStringLiteral("hasta las 13:50"));
    QCOMPARE(LocalText::until(at(0, 30), newYork), QStringLiteral("hasta las 0:30"));
    installTranslations(*qApp, english);
    QCOMPARE(LocalText::until(at(13, 50), newYork),
             QStringLiteral("until ") + LocalText::time(QTime(13, 50)));
}

void TestTranslations::zoneAbbreviationsAreTheSameInEveryLanguage() {
    const QTimeZone newYork("America/New_York");
    const QDateTime winter(QDate(2026, 1, 10), QTime(17, 0), QTimeZone::utc());
    const QDateTime summer(QDate(2026, 7, 10), QTime(16, 0), QTimeZone::utc());
    for (const QLocale& locale : {spanish, english}) {
        installTranslations(*qApp, locale);
        QCOMPARE(LocalText::zoneAbbreviation(winter, newYork), QStringLiteral("EST"));
        QCOMPARE(LocalText::zoneAbbreviation(summer, newYork), QStringLiteral("EDT"));
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
