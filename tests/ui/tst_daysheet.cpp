// A provider's day sheet: their appointments of the day only, in order,
// written to a PDF that opens as one.
#include "DemoPractice.h"
#include "ui/CalendarModel.h"
#include "ui/DaySheet.h"

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

QTEST_MAIN(TestDaySheet)
#include "tst_daysheet.moc"
