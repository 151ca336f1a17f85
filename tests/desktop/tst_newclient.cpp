// "+ New client" in the booking dialog, against the real demo server: a
// front desk books for someone the practice has never seen, the client and
// the appointment reach the server (phone in E.164); a client who may
// already exist is named and can be used instead; a bad phone number is
// named in the form and nothing is saved.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/AppointmentDialog.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/NewClientDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

class TestNewClient : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void bookingForANewClientReachesTheServer();
    void aLookalikeIsNamedAndCanBeUsedInstead();
    void aBadPhoneNumberIsNamedAndNothingIsSaved();

private:
    // Double-clicks the slot at `hour` of a Saturday ahead with nothing
    // booked; `inDialog` runs in the booking dialog.
    void bookOnSaturdayAt(int hour, std::function<void(ui::AppointmentDialog*)> inDialog);
    int outboxSize() { return int(m_desk.session->cache().outbox().all().value().size()); }

    domain::ObjectId m_provider;
    QDate m_saturday;
};

void TestNewClient::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(openDemoDesk(u"frontdesk@demo.practice"_s));
    QVERIFY(signInAdmin());
    m_provider = firstProvider();
    m_saturday = saturdayInWeeks(2);
}

void TestNewClient::cleanupTestCase() {
    m_desk.close();
}

void TestNewClient::init() {
    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(outboxSize(), 0);
}

void TestNewClient::bookOnSaturdayAt(int hour,
                                     std::function<void(ui::AppointmentDialog*)> inDialog) {
    ui::DayView* view = showDay(m_provider, m_saturday, QTime(hour - 1, 0));
    whenDialogOpens<ui::AppointmentDialog>([inDialog](ui::AppointmentDialog* dialog) {
        inDialog(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, hour * 60 + 5));
}

void TestNewClient::bookingForANewClientReachesTheServer() {
    bool offered = false;
    bool chosen = false;
    bookOnSaturdayAt(10, [&](ui::AppointmentDialog* dialog) {
        dialog->clientField()->setFocus();
        QTest::keyClicks(dialog->clientField(), u"Zelda Quintana"_s);
        offered = dialog->newClientButton()->isVisible();
        whenDialogOpens<ui::NewClientDialog>([](ui::NewClientDialog* form) {
            // The names come from what was typed.
            if (form->firstNameField()->text() != "Zelda"_L1 ||
                form->lastNameField()->text() != "Quintana"_L1)
                return;
            QTest::keyClicks(form->phoneField(), u"(202) 456-1111"_s);
            QTest::keyClicks(form->emailField(), u"Zelda.Q@Example.org"_s);
            QTest::keyClicks(form->birthDateField(), u"1991-02-03"_s);
            form->saveButton()->click();
            if (form->isVisible())
                form->reject();
        });
        dialog->newClientButton()->click();
        chosen =
            dialog->clientField()->text() == "Zelda Quintana"_L1 && dialog->okButton()->isEnabled();
        dialog->okButton()->click();
    });
    QVERIFY(offered);
    QVERIFY(chosen);

    // On the calendar at once, named, and both changes waiting in order.
    const QList<sync::OutboxEntry> entries = m_desk.session->cache().outbox().all().value();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).path, u"/clients"_s);
    QCOMPARE(entries.at(1).path, u"/appointments"_s);
    const QString clientId = entries.at(0).recordId;
    QCOMPARE(entries.at(1).body.value(u"client"_s).toString(), clientId);
    const ui::CalendarModel& model = m_desk.window->book()->model();
    QVERIFY(std::ranges::any_of(model.appointments(), [&](const domain::Appointment& a) {
        return a.client.id.toString() == clientId &&
               model.clientName(a.client) == "Zelda Quintana"_L1;
    }));

    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(outboxSize(), 0);
    const sync::ApiResponse client = await(m_admin->get(u"/clients/"_s + clientId));
    QVERIFY2(client.ok(), qPrintable(client.message));
    QCOMPARE(client.data().toObject().value(u"phone"_s).toString(), u"+12024561111"_s);
    QCOMPARE(client.data().toObject().value(u"email"_s).toString(), u"zelda.q@example.org"_s);
    QUrlQuery q;
    q.addQueryItem(u"client"_s, clientId);
    const QList<QJsonObject> booked = listAll(*m_admin, u"/appointments"_s, q);
    QCOMPARE(booked.size(), 1);
}

void TestNewClient::aLookalikeIsNamedAndCanBeUsedInstead() {
    QString warning;
    bool used = false;
    bookOnSaturdayAt(12, [&](ui::AppointmentDialog* dialog) {
        dialog->clientField()->setFocus();
        QTest::keyClicks(dialog->clientField(), u"Ada Byron"_s);
        whenDialogOpens<ui::NewClientDialog>([&](ui::NewClientDialog* form) {
            // Ada Lovelace's email, as the demo practice has it.
            QTest::keyClicks(form->emailField(), u"ADA.LOVELACE@demo.practice"_s);
            form->saveButton()->click();
            warning =
                form->lookalikeLabel()->isVisible() ? form->lookalikeLabel()->text() : QString();
            if (form->useButtons().size() == 1 &&
                form->useButtons().front()->text() == "Use Ada Lovelace"_L1)
                form->useButtons().front()->click();
            if (form->isVisible())
                form->reject();
        });
        dialog->newClientButton()->click();
        used =
            dialog->clientField()->text() == "Ada Lovelace"_L1 && dialog->okButton()->isEnabled();
        dialog->reject();
    });
    QVERIFY2(warning.contains(u"Ada Lovelace has the same email."_s), qPrintable(warning));
    QVERIFY(used);
    QCOMPARE(outboxSize(), 0); // no second Ada
}

void TestNewClient::aBadPhoneNumberIsNamedAndNothingIsSaved() {
    QString problem;
    bool stillOpen = false;
    bookOnSaturdayAt(14, [&](ui::AppointmentDialog* dialog) {
        dialog->clientField()->setFocus();
        QTest::keyClicks(dialog->clientField(), u"Yusuf Okonkwo"_s);
        whenDialogOpens<ui::NewClientDialog>([&](ui::NewClientDialog* form) {
            QTest::keyClicks(form->phoneField(), u"555-12"_s);
            form->saveButton()->click();
            stillOpen = form->isVisible();
            problem = form->problemLabel()->isVisible() ? form->problemLabel()->text() : QString();
            form->reject();
        });
        dialog->newClientButton()->click();
        dialog->reject();
    });
    QVERIFY(stillOpen);
    QCOMPARE(problem, u"The phone number 555-12 is not a valid US number"_s);
    QCOMPARE(outboxSize(), 0);
    const QList<domain::Client> cached = m_desk.session->cache().clients().value();
    QVERIFY(std::ranges::none_of(
        cached, [](const domain::Client& c) { return c.lastName == "Okonkwo"_L1; }));
}

QTEST_MAIN(TestNewClient)
#include "tst_newclient.moc"
