// mentalspace-scheduler: the practice's calendar. Everything it does lives
// in the mss_desktop library, so the tests drive the same code.
#include "Startup.h"

#include <QApplication>
#include <QTimer>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    mss::desktop::setUpApplication(app);

    mss::desktop::Startup startup(
        mss::desktop::LaunchOptions::fromCommandLine(QApplication::arguments()));
    QObject::connect(&startup, &mss::desktop::Startup::finished, &app, &QApplication::exit);
    QTimer::singleShot(0, &startup, &mss::desktop::Startup::begin);
    return app.exec();
}
