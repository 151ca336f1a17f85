// The waitlist at the front desk, against the real server on loopback: the
// panel adds, edits and removes entries and the server has them; a free
// time clicked on the calendar lists the entries that fit it, best first;
// "Book from waitlist" lands the appointment and the entry Booked with it;
// all of it offline too, sent when the server is back; and a server without
// the waitlist is not offered it.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "PaintedText.h"
#include "ServerProcess.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/SyncConflictPanel.h"
#include "ui/Translations.h"
#include "ui/WaitlistDialog.h"
#include "WaitlistPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

QString idOf(const QJsonValue& v) {
    return v.isObject() ? v.toObject().value("_id"_L1).toString() : v.toString();
}

} // namespace

class TestDeskWaitlist : public DemoDeskTest<ManualClock> {
    Q_OBJECT

public:
    TestDeskWaitlist()
        : DemoDeskTest(QDateTime::currentDateTimeUtc()) {}

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theWaitlistIsOfferedInTheScheduleMenu();
    void thePanelAddsEditsAndRemovesAndTheServerHasIt();
    void aClickedFreeTimeShowsTheEntriesThatFitBestFirst();
    void bookingFromTheWaitlistLandsBothWrites();
    void anEditOverAChangeOnTheServerIsAConflictToResolve();
    void offlineTheSameIsSentWhenTheServerIsBack();
    void aHoldIsDrawnRefusesOthersAndIsReleased();
    void aServerWithoutTheWaitlistIsNotOfferedIt();

private:
    WaitlistPanel& panel();
    // The server's copy of an entry.
    QJsonObject onServer(const QString& entry);
    // An entry added by another desk (the admin's), straight to the server.
    QString addOnServer(QJsonObject entry);
    bool sync() { return syncOnce(m_desk.session->engine()); }
    // After the server came back: syncs, a minute apart on the desk's
    // clock (the backoff of the attempts that failed), until the outbox is
    // empty. Whether it emptied.
    bool settle();
    // Shows the provider's day and clicks at `minute`; the panel lists
    // what fits.
    void clickFreeTime(const domain::ObjectId& provider, QDate day, int minute);
    QStringList matchedIds();
    // The row of the panel's list showing `entry`.
    QTreeWidgetItem* rowOf(const QString& entry);
    // A client of the demo practice by place in the list, and their id.
    domain::Client client(int n);

    domain::ObjectId m_provider;
    domain::ObjectId m_otherProvider;
    QDate m_day;
    int m_freeMinute = 0;
    QStringList m_fitting; // the entries that fit the free time, best first
    QDateTime m_holdStart; // a free hour a week after m_day
};

void TestDeskWaitlist::initTestCase() {
    QVERIFY(ui::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QVERIFY(openDemoDesk(frontDesk));
    QVERIFY(signInAdmin());
    const auto& providers = m_desk.window->book()->model().providers();
    QVERIFY(providers.size() >= 2);
    m_provider = providers.at(0).id();
    m_otherProvider = providers.at(1).id();
    // A free hour of the provider's on a weekday three weeks ahead.
    const QTimeZone& zone = m_desk.session->timeZone();
    const QDate today = localDate(m_clock.now(), zone);
    m_day = today.addDays(21 + (8 - today.dayOfWeek()) % 7); // a Monday
    const auto open =
        m_desk.window->book()->openSlotAfter(m_provider, 120, wallClockToUtc(m_day, 9 * 60, zone));
    QVERIFY(open.has_value());
    m_day = localDate(*open, zone);
    m_freeMinute = localMinuteOfDay(*open, zone);
    const auto holdOpen = m_desk.window->book()->openSlotAfter(
        m_provider, 60, wallClockToUtc(m_day.addDays(7), 9 * 60, zone));
    QVERIFY(holdOpen.has_value());
    m_holdStart = *holdOpen;
}

void TestDeskWaitlist::cleanupTestCase() {
    m_desk.close();
}

bool TestDeskWaitlist::settle() {
    for (int i = 0; i < 20; ++i) {
        m_clock.advanceSeconds(60);
        if (sync() && m_desk.session->cache().outbox().pendingCount().value_or(-1) == 0)
            return true;
        QTest::qWait(200);
    }
    qWarning("still %d changes to send: %s",
             m_desk.session->cache().outbox().pendingCount().value_or(-1),
             qPrintable(m_desk.session->engine().lastError()));
    return false;
}

WaitlistPanel& TestDeskWaitlist::panel() {
    return *m_desk.window->waitlistPanel();
}

domain::Client TestDeskWaitlist::client(int n) {
    return m_desk.window->book()->model().clients().at(n);
}

QJsonObject TestDeskWaitlist::onServer(const QString& entry) {
    const sync::ApiResponse r = await(m_admin->get(u"/waitlist/"_s + entry));
    return r.ok() ? r.data().toObject() : QJsonObject();
}

QString TestDeskWaitlist::addOnServer(QJsonObject entry) {
    const sync::ApiResponse r = await(m_admin->post(u"/waitlist"_s, entry));
    if (r.status != 201)
        qWarning("the server refused the entry: %d %s", r.status, qPrintable(r.message));
    return r.data().toObject().value("_id"_L1).toString();
}

QTreeWidgetItem* TestDeskWaitlist::rowOf(const QString& entry) {
    QTreeWidget* list = panel().list();
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->data(0, Qt::UserRole + 1).toString() == entry)
            return list->topLevelItem(i);
    }
    return nullptr;
}

void TestDeskWaitlist::clickFreeTime(const domain::ObjectId& provider, QDate day, int minute) {
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(provider);
    calendar->setDate(day);
    ui::DayView* view = calendar->dayView();
    view->scrollToTime(QTime(minute / 60, 0).addSecs(-3600));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, minute + 5));
}

QStringList TestDeskWaitlist::matchedIds() {
    QStringList ids;
    QTreeWidget* matches = panel().matches();
    for (int i = 0; i < matches->topLevelItemCount(); ++i)
        ids << matches->topLevelItem(i)->data(0, Qt::UserRole + 1).toString();
    return ids;
}

void TestDeskWaitlist::theWaitlistIsOfferedInTheScheduleMenu() {
    MainWindow& window = *m_desk.window;
    QAction* item = menuItem(window, u"Waitlist"_s);
    QVERIFY(item);
    QTRY_VERIFY(item->isVisible());
    QCOMPARE(item->shortcut(), QKeySequence(u"Ctrl+Shift+W"_s));
    QVERIFY(!window.waitlistNote()->isVisible());
    item->trigger();
    QTRY_VERIFY(window.waitlistDock()->isVisible());
    QCOMPARE(QApplication::focusWidget(), panel().list());
}

void TestDeskWaitlist::thePanelAddsEditsAndRemovesAndTheServerHasIt() {
    const domain::Client who = client(0);
    // Add: the client searched by name, a provider, a window, High.
    whenDialogOpens<ui::WaitlistDialog>([&](ui::WaitlistDialog* d) {
        QTest::keyClicks(d->clientField(), who.displayName());
        d->providerBox()->setCurrentIndex(d->providerBox()->findData(m_provider.toString()));
        d->priorityBox()->setCurrentIndex(d->priorityBox()->findData(u"High"_s));
        d->addWindow(Qt::Tuesday, QTime(9, 0), QTime(12, 0));
        d->notesEdit()->setPlainText(u"Prefers mornings"_s);
        d->accept();
    });
    panel().addButton()->click();
    QVERIFY(sync());
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
    const QList<QJsonObject> mine =
        listAll(*m_admin, u"/waitlist"_s, QUrlQuery{{u"client"_s, who.id().toString()}});
    QCOMPARE(mine.size(), 1);
    const QString id = mine.front().value("_id"_L1).toString();
    QCOMPARE(mine.front().value("priority"_L1).toString(), u"High"_s);
    QCOMPARE(idOf(mine.front().value("provider"_L1)), m_provider.toString());
    QCOMPARE(mine.front().value("notes"_L1).toString(), u"Prefers mornings"_s);
    const QJsonObject window = mine.front().value("preferredWindows"_L1).toArray().at(0).toObject();
    QCOMPARE(window.value("dayOfWeek"_L1).toString(), u"Tuesday"_s);
    QCOMPARE(window.value("startTime"_L1).toString(), u"09:00"_s);
    QCOMPARE(window.value("endTime"_L1).toString(), u"12:00"_s);
    QTreeWidgetItem* row = rowOf(id);
    QVERIFY(row);
    QCOMPARE(row->text(1), who.displayName());
    QCOMPARE(row->text(5), u"Waiting"_s);

    // A client that is not in the list is refused, naming the field.
    whenDialogOpens<ui::WaitlistDialog>([&](ui::WaitlistDialog* d) {
        d->clientField()->setText(u"Nobody Of That Name"_s);
        d->accept();
        QVERIFY(d->isVisible());
        QVERIFY(d->problemLabel()->text().startsWith(u"Client:"_s));
        d->reject();
    });
    panel().addButton()->click();

    // Edit: Enter on the row opens it; Low, 60 minutes.
    panel().list()->setCurrentItem(row);
    whenDialogOpens<ui::WaitlistDialog>([&](ui::WaitlistDialog* d) {
        QCOMPARE(d->clientField()->text(), who.displayName());
        QCOMPARE(d->windowsTable()->rowCount(), 1);
        d->priorityBox()->setCurrentIndex(d->priorityBox()->findData(u"Low"_s));
        d->durationBox()->setValue(60);
        d->accept();
    });
    panel().list()->setFocus();
    QTest::keyClick(panel().list(), Qt::Key_Return);
    QVERIFY(sync());
    QJsonObject server = onServer(id);
    QCOMPARE(server.value("priority"_L1).toString(), u"Low"_s);
    QCOMPARE(server.value("duration"_L1).toInt(), 60);
    QCOMPARE(rowOf(id)->text(0), u"Low"_s);

    // Remove: Delete on the row; the server keeps it, Removed.
    panel().list()->setCurrentItem(rowOf(id));
    QTest::keyClick(panel().list(), Qt::Key_Delete);
    QVERIFY(!rowOf(id)); // closed entries are not listed
    QVERIFY(sync());
    QCOMPARE(onServer(id).value("status"_L1).toString(), u"Removed"_s);
    panel().showClosedBox()->setChecked(true);
    QVERIFY(rowOf(id));
    QCOMPARE(rowOf(id)->text(5), u"Removed"_s);
    panel().showClosedBox()->setChecked(false);
}

void TestDeskWaitlist::aClickedFreeTimeShowsTheEntriesThatFitBestFirst() {
    const auto entry = [&](int client, const domain::ObjectId& provider, const QString& priority,
                           const QJsonArray& windows) {
        return QJsonObject{
            {u"client"_s, this->client(client).id().toString()},
            {u"provider"_s, provider.isNull() ? QJsonValue() : QJsonValue(provider.toString())},
            {u"appointmentType"_s, u"Individual Therapy"_s},
            {u"duration"_s, 50},
            {u"priority"_s, priority},
            {u"preferredWindows"_s, windows}};
    };
    const QString weekday = QLocale(QLocale::English).dayName(m_day.dayOfWeek());
    const QString otherDay = QLocale(QLocale::English).dayName(m_day.dayOfWeek() % 7 + 1);
    const QJsonArray allDay{QJsonObject{
        {u"dayOfWeek"_s, weekday}, {u"startTime"_s, u"07:00"_s}, {u"endTime"_s, u"20:00"_s}}};
    const QJsonArray wrongDay{QJsonObject{
        {u"dayOfWeek"_s, otherDay}, {u"startTime"_s, u"07:00"_s}, {u"endTime"_s, u"20:00"_s}}};
    // Normal for this provider; High for anyone; High for another
    // provider; Low on another weekday. Entered in that order.
    const QString normal = addOnServer(entry(1, m_provider, u"Normal"_s, allDay));
    const QString high = addOnServer(entry(2, {}, u"High"_s, {}));
    const QString elsewhere = addOnServer(entry(3, m_otherProvider, u"High"_s, {}));
    const QString otherWeekday = addOnServer(entry(4, m_provider, u"Normal"_s, wrongDay));
    for (const QString& id : {normal, high, elsewhere, otherWeekday})
        QVERIFY(!id.isEmpty());
    QVERIFY(sync());

    // The list: High before Normal, and of two Highs the longer waiting.
    QTreeWidget* list = panel().list();
    QStringList order;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        order << list->topLevelItem(i)->data(0, Qt::UserRole + 1).toString();
    QVERIFY(order.indexOf(high) < order.indexOf(elsewhere));
    QVERIFY(order.indexOf(elsewhere) < order.indexOf(normal));

    QVERIFY(matchedIds().isEmpty());
    clickFreeTime(m_provider, m_day, m_freeMinute);
    m_fitting = {high, normal};
    QCOMPARE(matchedIds(), m_fitting);
    QVERIFY2(panel().slotLabel()->text().startsWith(u"2 waiting clients fit"_s),
             qPrintable(panel().slotLabel()->text()));
    QVERIFY(panel().bookButton()->isEnabled());
}

void TestDeskWaitlist::bookingFromTheWaitlistLandsBothWrites() {
    QVERIFY(!m_fitting.isEmpty());
    const QString chosen = m_fitting.at(1); // the second, picked by hand
    panel().matches()->setCurrentItem(panel().matches()->topLevelItem(1));
    panel().bookButton()->click();
    // Both writes wait in the outbox until the sync.
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 2);
    QVERIFY(sync());
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
    const QJsonObject entry = onServer(chosen);
    QCOMPARE(entry.value("status"_L1).toString(), u"Booked"_s);
    const QString appointment = idOf(entry.value("bookedAppointment"_L1));
    const sync::ApiResponse booked = await(m_admin->get(u"/appointments/"_s + appointment));
    QVERIFY(booked.ok());
    const QJsonObject a = booked.data().toObject();
    QCOMPARE(idOf(a.value("client"_L1)), idOf(entry.value("client"_L1)));
    QCOMPARE(idOf(a.value("provider"_L1)), m_provider.toString());
    const QTimeZone& zone = m_desk.session->timeZone();
    const QDateTime start = fromWireTime(a.value("startTime"_L1).toString());
    QCOMPARE(localDate(start, zone), m_day);
    QCOMPARE(localMinuteOfDay(start, zone), m_freeMinute);
    // The calendar shows it; the entry has left the open list.
    QVERIFY(m_desk.window->book()->model().appointment(
        domain::ObjectId::fromString(appointment).value()));
    QVERIFY(!rowOf(chosen));
    QVERIFY(rowOf(m_fitting.at(0)));
}

void TestDeskWaitlist::anEditOverAChangeOnTheServerIsAConflictToResolve() {
    const QString id = addOnServer(QJsonObject{{u"client"_s, client(8).id().toString()},
                                               {u"provider"_s, QJsonValue()},
                                               {u"appointmentType"_s, u"Consultation"_s},
                                               {u"duration"_s, 30}});
    QVERIFY(!id.isEmpty());
    QVERIFY(sync());
    // Someone else raises it to High; this desk, not yet told, lowers it.
    QJsonObject theirs = onServer(id);
    theirs.insert("priority"_L1, u"High"_s);
    theirs.remove("version"_L1);
    QVERIFY(await(m_admin->put(u"/waitlist/"_s + id, theirs)).ok());
    panel().list()->setCurrentItem(rowOf(id));
    whenDialogOpens<ui::WaitlistDialog>([&](ui::WaitlistDialog* d) {
        d->priorityBox()->setCurrentIndex(d->priorityBox()->findData(u"Low"_s));
        d->accept();
    });
    panel().editButton()->click();
    QCOMPARE(rowOf(id)->text(0), u"Low"_s);
    QVERIFY(sync());
    // Refused on its version: a conflict like an appointment's, the
    // server's copy shown meanwhile.
    const QList<sync::SyncConflict> conflicts = m_desk.session->cache().conflicts().value();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.front().kind, storage::RecordKind::WaitlistEntry);
    QCOMPARE(conflicts.front().code, ConflictCode::VersionMismatch);
    QCOMPARE(rowOf(id)->text(0), u"High"_s);
    QCOMPARE(m_desk.window->conflictPanel()->count(), 1);
    // Keep mine: sent again on their version, and the server has it.
    QVERIFY(m_desk.session->engine().keepMine(conflicts.front().id));
    waitUntilIdle(m_desk.session->engine());
    QVERIFY(sync());
    QCOMPARE(onServer(id).value("priority"_L1).toString(), u"Low"_s);
    QVERIFY(m_desk.session->cache().conflicts().value().isEmpty());
    QCOMPARE(rowOf(id)->text(0), u"Low"_s);
}

void TestDeskWaitlist::offlineTheSameIsSentWhenTheServerIsBack() {
    m_server.stop();
    sync::SyncEngine& engine = m_desk.session->engine();
    QTRY_COMPARE_WITH_TIMEOUT(engine.state(), sync::SyncEngine::State::Offline, 10'000);
    const domain::Client who = client(5);
    whenDialogOpens<ui::WaitlistDialog>([&](ui::WaitlistDialog* d) {
        QTest::keyClicks(d->clientField(), who.displayName());
        d->accept();
    });
    panel().addButton()->click();
    // The free hour after the one booked: the new entry fits it, offline.
    const int minute = m_freeMinute + 60;
    clickFreeTime(m_provider, m_day, minute);
    const QStringList fits = matchedIds();
    QString added;
    for (const QString& e : fits) {
        const auto doc = m_desk.session->cache().get(storage::RecordKind::WaitlistEntry, e);
        if (doc && *doc && idOf((*doc)->doc.value("client"_L1)) == who.id().toString())
            added = e;
    }
    QVERIFY2(!added.isEmpty(), qPrintable(fits.join(u',')));
    panel().matches()->setCurrentItem(panel().matches()->topLevelItem(int(fits.indexOf(added))));
    panel().bookButton()->click();
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 3);

    QVERIFY(m_server.start());
    QVERIFY(settle());
    const QJsonObject entry = onServer(added);
    QCOMPARE(idOf(entry.value("client"_L1)), who.id().toString());
    QCOMPARE(entry.value("status"_L1).toString(), u"Booked"_s);
    const sync::ApiResponse booked =
        await(m_admin->get(u"/appointments/"_s + idOf(entry.value("bookedAppointment"_L1))));
    QVERIFY(booked.ok());
    QCOMPARE(
        localMinuteOfDay(fromWireTime(booked.data().toObject().value("startTime"_L1).toString()),
                         m_desk.session->timeZone()),
        minute);
}

void TestDeskWaitlist::aHoldIsDrawnRefusesOthersAndIsReleased() {
    const domain::Client who = client(6);
    const QString id = addOnServer(QJsonObject{{u"client"_s, who.id().toString()},
                                               {u"provider"_s, m_provider.toString()},
                                               {u"appointmentType"_s, u"Individual Therapy"_s},
                                               {u"duration"_s, 50}});
    QVERIFY(!id.isEmpty());
    // The server offers a freed slot by itself (its offer machinery); here
    // the offer is written into its file as that machinery stores it, so
    // that the desk's half is tested on its own.
    const QDateTime heldUntil = QDateTime::currentDateTimeUtc().addSecs(2 * 3600);
    m_server.stop();
    {
        auto db = storage::Database::open(m_server.dataDir() + u"/mentalspace.db"_s);
        QVERIFY(db);
        storage::RecordStore records(**db);
        auto stored = records.get(storage::RecordKind::WaitlistEntry, id);
        QVERIFY(stored && *stored);
        QJsonObject doc = (*stored)->doc;
        const qint64 version = qint64(doc.value("version"_L1).toDouble()) + 1;
        doc.insert("version"_L1, version);
        doc.insert("status"_L1, u"Offered"_s);
        doc.insert("offer"_L1, QJsonObject{{u"startTime"_s, toWireTime(m_holdStart)},
                                           {u"endTime"_s, toWireTime(m_holdStart.addSecs(3000))},
                                           {u"provider"_s, m_provider.toString()},
                                           {u"heldUntil"_s, toWireTime(heldUntil)},
                                           {u"sentAt"_s, toWireTime(heldUntil.addSecs(-7200))},
                                           {u"channels"_s, QJsonArray{u"email"_s}}});
        QVERIFY(records.put(storage::RecordKind::WaitlistEntry, doc));
        // In the change feed, as every write of the server is.
        QSqlQuery& q = (*db)->prepare(u"INSERT OR REPLACE INTO changes(kind, record_id, op, "
                                      "version) VALUES(?, ?, 'upsert', ?)"_s);
        q.addBindValue(int(storage::RecordKind::WaitlistEntry));
        q.addBindValue(id);
        q.addBindValue(version);
        QVERIFY(storage::Database::run(q));
    }
    QVERIFY(m_server.start());
    QVERIFY(settle());

    // Drawn hatched in the provider's column, until when, and for whom.
    const QTimeZone& zone = m_desk.session->timeZone();
    const QString until = heldUntil.toTimeZone(zone).toString(u"HH:mm"_s);
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(m_provider);
    calendar->setDate(localDate(m_holdStart, zone));
    ui::DayView* view = calendar->dayView();
    view->scrollToTime(m_holdStart.toTimeZone(zone).time().addSecs(-3600));
    PaintedText painted(view->viewport()->size());
    view->viewport()->render(&painted);
    QVERIFY2(painted.contains(u"Held for waitlist until "_s + until), qPrintable(painted.all()));
    QVERIFY(painted.contains(who.displayName()));
    QVERIFY(rowOf(id));
    QVERIFY2(rowOf(id)->text(5).endsWith(u"held until "_s + until), qPrintable(rowOf(id)->text(5)));

    // The desk's own check refuses another client there, naming the hold.
    domain::Appointment other;
    other.client.id = client(7).id();
    other.provider.id = m_provider;
    other.startTime = m_holdStart.addSecs(600);
    other.endTime = m_holdStart.addSecs(600 + 3000);
    const auto refused = m_desk.session->schedule().book(other);
    QVERIFY(!refused);
    QVERIFY2(
        refused.error().front().message.contains(u"held for a waitlist client until "_s + until),
        qPrintable(describe(refused.error())));

    // Clicking the held time says so; Release hold frees it at once,
    // offline, and the server has it back Waiting when it returns.
    m_server.stop();
    panel().list()->setCurrentItem(nullptr);
    clickFreeTime(m_provider, localDate(m_holdStart, zone),
                  localMinuteOfDay(m_holdStart, zone) + 15);
    QVERIFY2(panel().slotLabel()->text().contains(until), qPrintable(panel().slotLabel()->text()));
    QVERIFY(panel().releaseButton()->isEnabled());
    panel().releaseButton()->click();
    QVERIFY(m_desk.window->book()->model().holds().isEmpty());
    PaintedText after(view->viewport()->size());
    view->viewport()->render(&after);
    QVERIFY(!after.contains(u"Held for waitlist"_s));
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 1);
    QVERIFY(m_server.start());
    QVERIFY(settle());
    const QJsonObject server = onServer(id);
    QCOMPARE(server.value("status"_L1).toString(), u"Waiting"_s);
    QVERIFY(server.value("offer"_L1).isNull());
    QVERIFY(m_desk.session->cache().conflicts().value().isEmpty());
}

void TestDeskWaitlist::aServerWithoutTheWaitlistIsNotOfferedIt() {
    ServerProcess plain;
    QVERIFY(plain.demo());
    QVERIFY(plain.start({u"--plain-api"_s}));
    OpenDesk desk;
    QVERIFY(desk.open(plain.url(), frontDesk, demoPassword, m_clock));
    QTRY_VERIFY(desk.window->waitlistNote()->isVisible());
    QCOMPARE(desk.window->waitlistNote()->text(), u"No waitlist on this server"_s);
    QAction* item = menuItem(*desk.window, u"Waitlist"_s);
    QVERIFY(item);
    QVERIFY(!item->isVisible());
    QVERIFY(!desk.window->waitlistDock()->isVisible());
    // Syncing on is no error.
    QVERIFY(syncOnce(desk.session->engine()));
    QCOMPARE(desk.session->engine().state(), sync::SyncEngine::State::Online);
    desk.close();
}

QTEST_MAIN(TestDeskWaitlist)
#include "tst_deskwaitlist.moc"
