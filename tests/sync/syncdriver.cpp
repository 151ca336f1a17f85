// A desk reduced to its sync: opens a cache, signs in, and pushes and pulls
// until the outbox is empty. The kill test runs it as a separate process so
// that it can be SIGKILLed in the middle of a push.
//   syncdriver CACHE SERVER_URL EMAIL PASSWORD
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace mss;
using namespace mss::sync;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: syncdriver CACHE SERVER_URL EMAIL PASSWORD\n";
        return 2;
    }
    auto cache = LocalCache::open(args[1]);
    if (!cache) {
        QTextStream(stderr) << "syncdriver: " << cache.error().message << '\n';
        return 1;
    }
    SystemClock clock;
    ApiClient api{QUrl(args[2])};
    SyncEngine engine(**cache, api, clock);
    ApiCall* login = api.login(args[3], args[4]);
    QObject::connect(login, &ApiCall::finished, &app, [&](const ApiResponse& r) {
        if (!r.ok()) {
            QTextStream(stderr) << "syncdriver: cannot sign in: " << r.message << '\n';
            app.exit(1);
            return;
        }
        engine.syncNow();
    });
    QObject::connect(&engine, &SyncEngine::syncFinished, &app, [&](bool online) {
        if (online && (*cache)->outbox().pendingCount().value_or(-1) == 0)
            app.exit(0);
        else
            QTimer::singleShot(online ? 100 : 1000, &engine, &SyncEngine::syncNow);
    });
    return app.exec();
}
