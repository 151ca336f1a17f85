#include "ServerCommands.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mentalspace-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MSS_VERSION));
    return mss::server::app::run(QCoreApplication::arguments());
}
