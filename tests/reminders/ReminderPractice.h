#pragma once

// The practice the reminder suites (tst_reminders_*) send from: the real
// server reading its "now" from a file the test rewrites, a real SMTP server
// (MailCatcher) reached through a gate that can stall it, an SMS gateway
// stand-in, the admin signed in with the senders' settings saved, the
// clinician as the provider, and two clients: Ada (English) and Lucia
// (Spanish). Each suite's test class derives from it: it starts the
// practice in initTestCase, and the suite's tests use the same names for
// the same things.
#include "ClockedApi.h"
#include "MailCatcher.h"
#include "MessageStandIns.h"
#include "ServerProcess.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

namespace mss::test {

class ReminderPractice : public QObject {
    Q_OBJECT

protected slots:
    // Starts the servers and stand-ins, saves the settings and adds the
    // clients; a failed check here fails the suite. A suite with more to
    // set up calls it first from its own initTestCase.
    void initTestCase();
    void cleanupTestCase();

protected:
    Reply call(const QByteArray& method, const QString& path, const QJsonObject& body = {},
               bool auth = true) {
        return m_api.call(method, path, body, auth);
    }
    void setNow(const QDateTime& now);
    QDateTime now() const { return m_now; }
    // Books the provider 50 minutes from `start` for `client`: the new
    // appointment's id, or empty.
    QString book(const QDateTime& start, const QString& client);
    QStringList mails() const { return m_mail.mails(); }
    // The one message received besides those in `seen` (MailCatcher::names()),
    // or empty: Maildir names do not order messages within one second.
    QString newMail(const QStringList& seen) const {
        const QStringList fresh = m_mail.mailsBut(seen);
        return fresh.size() == 1 ? fresh.constFirst() : QString();
    }
    // Waits until the server's scheduler has run at least once more.
    void settle();

    ServerProcess m_server;
    MailCatcher m_mail;
    SmsGateway m_gateway;
    SmtpGate m_smtpGate;
    // What `serve` is started with, for a test that restarts the server.
    QStringList m_serveArgs;
    ClockedApi m_api{m_server};
    QString m_clockFile;
    QDateTime m_now;
    // The answer to initTestCase's PUT of the settings.
    Reply m_savedSettings;
    QString m_provider;
    QString m_client;
    QString m_spanishClient;
};

} // namespace mss::test
