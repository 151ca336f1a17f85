// `mentalspace-scheduler --demo`, the README's run command, end to end: a
// throw-away data folder and home, the demo practice created, its server
// started, the front desk signed in, the first sync, the week painted with
// the appointments. The window is saved as a PNG for review.
#include "DeskWindowDriver.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

class TestDemoLaunch : public QObject {
    Q_OBJECT

private slots:
    void demoOpensOnTheSyncedWeek();
};

void TestDemoLaunch::demoOpensOnTheSyncedWeek() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString shot = QStringLiteral(MSS_SCREENSHOT_DIR) + u"/main-window-demo.png"_s;
    QDir().mkpath(QStringLiteral(MSS_SCREENSHOT_DIR));
    QFile::remove(shot);

    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    app.setProcessEnvironment(env);
    app.setProgram(QStringLiteral(MSS_SCHEDULER_BINARY));
    app.setArguments({u"--demo"_s, u"--data-dir"_s, home.filePath(u"practice"_s),
                      u"--quit-after-first-paint"_s, u"--screenshot"_s, shot});
    app.setProcessChannelMode(QProcess::SeparateChannels);
    app.start();
    QVERIFY(app.waitForFinished(240'000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput());
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
             qPrintable(out + err));

    const QRegularExpressionMatch m =
        QRegularExpression(u"First paint: (\\d+) appointment"_s).match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out));
    const int shown = m.captured(1).toInt();
    qInfo("first paint with %d appointments", shown);
    QVERIFY(shown > 0);
    QVERIFY(out.contains(u"frontdesk@demo.practice"_s));
    // The practice was made in the folder given, and the server stopped.
    QVERIFY(QFile::exists(home.filePath(u"practice/mentalspace.db"_s)));
    QVERIFY(!QFile::exists(home.filePath(u"practice/mentalspace.db-wal"_s)) ||
            QFileInfo(home.filePath(u"practice/mentalspace.db-wal"_s)).size() == 0);

    const QImage image(shot);
    QVERIFY2(!image.isNull(), qPrintable(shot));
    QVERIFY(image.width() >= 800 && image.height() >= 600);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 20); // cards, text and grid, not a blank window
}

QTEST_GUILESS_MAIN(TestDemoLaunch)
#include "tst_demolaunch.moc"
