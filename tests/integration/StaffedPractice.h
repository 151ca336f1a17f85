#pragma once

// The practice the API suites (tst_server_api_*) work in: the real server
// (ServerHarness) with one staff member of each role signed in, the
// clinician's hours on weekdays, 09:00-17:00 practice time
// (America/New_York), and two clients, A and B. Each suite's test class
// derives from it: it starts the practice in initTestCase, and the suite's
// tests use the same names for the same things.
#include "ServerHarness.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace mss::test {

class StaffedPractice : public QObject {
    Q_OBJECT

private slots:
    // Starts the server, signs the staff in and adds the clients and the
    // hours; a failed check here fails the suite.
    void initTestCase();

protected:
    // The change feed's entries but the clients that come along with a
    // clinician's own appointments.
    static QJsonArray withoutClients(const QJsonArray& changes);
    // An appointment of `minutes` from `start` for `client` with `provider`
    // (the clinician when empty), as a request's body.
    QJsonObject appointment(const QString& start, int minutes, const QString& client,
                            const QString& provider = {}) const;
    // Books `body` as `token` (the front desk when empty): the new
    // appointment's id, or empty.
    QString create(const QJsonObject& body, const QByteArray& token = {});
    qint64 appointmentCount();

    ServerHarness m_server;
    QByteArray m_admin, m_clinician, m_reception, m_supervisor, m_billing;
    QString m_provider; // the clinician's staff id
    QString m_clientA, m_clientB;
};

} // namespace mss::test
