// A provider's day sheet: their appointments of the day only, in order,
// written to a PDF that opens as one.
#include "DemoPractice.h"
#include "PaintedText.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/DaySheet.h"
#include "ui/Translations.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::test;
using namespace mss::ui;
using namespace Qt::StringLiterals;

class TestDaySheet : public QObject {
    Q_OBJECT

private slots:
    void listsTheProvidersDayInOrder();
    void writesAPdf();
    void rendersSomethingReadable();
    void noColumnIsCutOff_data();
    void noColumnIsCutOff();
    void theZoneIsNamedAsThePracticeNamesIt();
};

void TestDaySheet::listsTheProvidersDayInOrder() {
    CalendarModel model;
    demo::fill(model);
    const DaySheet sheet(model, id(1), demo::today());
    QList<domain::ObjectId> ids;
    for (const int row : sheet.rows())
        ids << model.appointmentAt(row).id();
    QCOMPARE(ids.size(), 6);
    QCOMPARE(ids.first(), id(1)); // 09:00
    QCOMPARE(ids.last(), id(6));  // 15:00
    for (const auto& i : ids)
        QCOMPARE(model.appointment(i)->provider.id, id(1));
    QVERIFY(DaySheet(model, id(4), demo::today().addDays(4)).rows().isEmpty());
}

void TestDaySheet::writesAPdf() {
    CalendarModel model;
    demo::fill(model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"day.pdf"_s);
    QVERIFY(DaySheet(model, id(1), demo::today()).writePdf(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.size() > 2000);
    QVERIFY(!DaySheet(model, id(1), demo::today()).writePdf(dir.filePath(u"no/such/dir.pdf"_s)));
}

void TestDaySheet::rendersSomethingReadable() {
    CalendarModel model;
    demo::fill(model);
    QImage page(850, 1100, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    DaySheet(model, id(1), demo::today()).render(painter, page.rect());
    painter.end();
    // Six rows of dark text under the header band.
    int inkRows = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            if (qGray(page.pixel(x, y)) < 100) {
                ++inkRows;
                break;
            }
        }
    }
    QVERIFY2(inkRows > 60, qPrintable(QString::number(inkRows)));
}

void TestDaySheet::noColumnIsCutOff_data() {
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QSize>("page");
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale spanish(QLocale::Spanish, QLocale::Spain);
    // Letter at 72 and 300 dpi, A4 at 72 dpi, a preview thumbnail.
    for (const auto& [name, size] :
         {std::pair{"letter 72 dpi", QSize(612, 792)},
          std::pair{"letter 300 dpi", QSize(2550, 3300)}, std::pair{"A4 72 dpi", QSize(595, 842)},
          std::pair{"preview", QSize(850, 1100)}}) {
        QTest::addRow("English, %s", name) << english << size;
        QTest::addRow("Spanish, %s", name) << spanish << size;
    }
}

void TestDaySheet::noColumnIsCutOff() {
    QFETCH(QLocale, locale);
    QFETCH(QSize, page);
    installTranslations(*qApp, locale);
    CalendarModel model;
    demo::fill(model);
    const DaySheet sheet(model, id(1), demo::today());
    PaintedText painted(page);
    QPainter painter(&painted);
    sheet.render(painter, QRectF(QPointF(0, 0), QSizeF(page)));
    painter.end();
    installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(!painted.contains(u"\u2026"_s), qPrintable(painted.all()));
    // Every status, type and location of the day whole, in that language.
    installTranslations(*qApp, locale);
    QStringList expected;
    for (const int row : sheet.rows()) {
        const domain::Appointment& a = model.appointmentAt(row);
        expected << AppointmentTypes::name(a.status) << AppointmentTypes::name(a.appointmentType)
                 << AppointmentTypes::name(a.location) << model.titleOf(a);
    }
    installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    for (const QString& text : std::as_const(expected))
        QVERIFY2(painted.texts().contains(text), qPrintable(text + u" in "_s + painted.all()));
}

void TestDaySheet::theZoneIsNamedAsThePracticeNamesIt() {
    // 10 March 2026 in New York is daylight time: EDT, in Spanish too.
    installTranslations(*qApp, QLocale(QLocale::Spanish, QLocale::Spain));
    CalendarModel model;
    demo::fill(model);
    PaintedText painted(QSize(850, 1100));
    QPainter painter(&painted);
    DaySheet(model, id(1), demo::today()).render(painter, QRectF(0, 0, 850, 1100));
    painter.end();
    installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(painted.contains(u"EDT)"_s), qPrintable(painted.all()));
}

QTEST_MAIN(TestDaySheet)
#include "tst_daysheet.moc"
