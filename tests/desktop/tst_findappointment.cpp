// Finding an appointment by the client's name from the desk's toolbar,
// against the real demo server: Ctrl+F reaches the field, typing lists the
// client's appointments, the keyboard or a click opens one on the calendar
// with its card selected, a clinician finds only their own clients'
// appointments, and the search goes on working with the server down.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/AppointmentSearchField.h"
#include "ui/CalendarWidget.h"
#include "ui/TimeGridView.h"

#include <QTemporaryDir>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray demoPassword = "mentalspace-demo";

QStringList column(const QTreeWidget* list, int c) {
    QStringList out;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        out << list->topLevelItem(row)->text(c);
    return out;
}

QSet<QString> distinct(const QStringList& texts) {
    return QSet<QString>(texts.begin(), texts.end());
}

enum { DateColumn, TimeColumn, ClientColumn, ProviderColumn, StatusColumn };

} // namespace

class TestFindAppointment : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void ctrlFPutsTheCursorInTheSearchField();
    void typingANameListsThatClientsAppointments();
    void downAndEnterOpenTheAppointmentOnTheCalendarSelected();
    void aClickOnAResultOpensItToo();
    void escapeClosesTheListThenEmptiesTheField();
    void aClinicianDoesNotFindTheirColleaguesAppointments();
    void theSearchWorksWithTheServerDown();

private:
    // A client with appointments with the clinician and with others:
    // their last name.
    QString sharedClient();
    void type(MainWindow& window, const QString& text);

    ServerProcess m_server;
    SystemClock m_clock;
    OpenDesk m_front;
    OpenDesk m_clinician;
};

void TestFindAppointment::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.demo());
    QVERIFY(m_server.start());
    QVERIFY(m_front.open(m_server.url(), u"frontdesk@demo.practice"_s, demoPassword, m_clock));
    QVERIFY(
        m_clinician.open(m_server.url(), u"maya.okafor@demo.practice"_s, demoPassword, m_clock));
}

void TestFindAppointment::cleanupTestCase() {
    m_front.close();
    m_clinician.close();
}

void TestFindAppointment::init() {
    for (OpenDesk* desk : {&m_front, &m_clinician}) {
        desk->window->searchField()->clear();
        // Somewhere else than any appointment, in the view that cannot
        // select one.
        desk->window->calendar()->setMode(ui::CalendarMode::Month);
        desk->window->calendar()->setDate(
            localDate(m_clock.now(), desk->session->timeZone()).addMonths(6));
    }
}

void TestFindAppointment::type(MainWindow& window, const QString& text) {
    ui::AppointmentSearchField* field = window.searchField();
    field->setFocus();
    QTest::keyClicks(field, text);
}

QString TestFindAppointment::sharedClient() {
    const QString me = m_clinician.session->me().id().toString();
    const QDateTime now = m_clock.now();
    const auto all = m_front.session->cache().appointments(now.addDays(-60), now.addDays(60));
    QHash<QString, QSet<QString>> providersOf;
    for (const domain::Appointment& a : all.value())
        providersOf[a.client.id.toString()].insert(a.provider.id.toString());
    const QList<domain::Client> clients = m_front.session->cache().clients().value();
    for (const domain::Client& c : clients) {
        const QSet<QString> with = providersOf.value(c.id().toString());
        if (with.contains(me) && with.size() > 1)
            return c.lastName;
    }
    return {};
}

void TestFindAppointment::ctrlFPutsTheCursorInTheSearchField() {
    MainWindow& window = *m_front.window;
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.calendar()->currentView()->setFocus();
    QVERIFY(!window.searchField()->hasFocus());
    QTest::keySequence(&window, QKeySequence::Find);
    QTRY_VERIFY(window.searchField()->hasFocus());
}

void TestFindAppointment::typingANameListsThatClientsAppointments() {
    MainWindow& window = *m_front.window;
    // Lower case, a prefix of the last name: Ada Lovelace.
    type(window, u"lovel"_s);
    const QTreeWidget* list = window.searchField()->results();
    QTRY_VERIFY(list->isVisible());
    QVERIFY(list->topLevelItemCount() > 0);
    QCOMPARE(distinct(column(list, ClientColumn)), QSet<QString>{u"Ada Lovelace"_s});
    // Past and future, as many as the cache holds of hers (fewer than the
    // 25 a side the list keeps).
    int hers = 0;
    const QDateTime now = m_clock.now();
    const QList<domain::Appointment> around =
        m_front.session->cache().appointments(now.addDays(-90), now.addDays(90)).value();
    for (const domain::Appointment& a : around) {
        if (m_front.window->book()->model().clientName(a.client) == "Ada Lovelace"_L1)
            ++hers;
    }
    QVERIFY(hers > 1);
    QCOMPARE(list->topLevelItemCount(), std::min(hers, 50));
    // The list shows where each one is: a provider and a status on each row.
    QVERIFY(!column(list, ProviderColumn).contains(QString()));
    QVERIFY(!column(list, StatusColumn).contains(QString()));

    // One more letter that no name has: nothing, and it says so.
    QTest::keyClicks(window.searchField(), u"q"_s);
    QCOMPARE(window.searchField()->hits().size(), 0);
    QCOMPARE(list->topLevelItemCount(), 1);
    QVERIFY(list->topLevelItem(0)->text(DateColumn).contains(u"lovelq"_s));
}

void TestFindAppointment::downAndEnterOpenTheAppointmentOnTheCalendarSelected() {
    MainWindow& window = *m_front.window;
    type(window, u"TURI"_s); // Alan Turing, in capitals
    ui::AppointmentSearchField* field = window.searchField();
    QTRY_VERIFY(field->results()->isVisible());
    QVERIFY(field->hits().size() >= 2);
    const ui::AppointmentSearchHit second = field->hits().at(1);
    QTest::keyClick(field, Qt::Key_Down);
    QTest::keyClick(field, Qt::Key_Down);
    QCOMPARE(field->results()->indexOfTopLevelItem(field->results()->currentItem()), 1);
    QTest::keyClick(field, Qt::Key_Return);

    QVERIFY(!field->results()->isVisible());
    ui::CalendarWidget* calendar = window.calendar();
    QCOMPARE(calendar->date(), second.date);
    QCOMPARE(calendar->mode(), ui::CalendarMode::Day); // Month cannot select a card
    auto* view = qobject_cast<ui::TimeGridView*>(calendar->currentView());
    QVERIFY(view);
    QCOMPARE(view->selectedAppointment(), second.id);
    // Its card is on screen and the keyboard is on the calendar, as after
    // a click on the card.
    QVERIFY(view->viewport()->rect().intersects(view->cardRect(second.id)));
    QTRY_VERIFY(view->hasFocus());
}

void TestFindAppointment::aClickOnAResultOpensItToo() {
    MainWindow& window = *m_front.window;
    window.calendar()->setMode(ui::CalendarMode::Week);
    type(window, u"hopp"_s); // Grace Hopper
    ui::AppointmentSearchField* field = window.searchField();
    QTRY_VERIFY(field->results()->isVisible());
    const int last = int(field->hits().size()) - 1;
    QVERIFY(last >= 0);
    const ui::AppointmentSearchHit hit = field->hits().at(last);
    QTreeWidget* list = field->results();
    list->scrollToItem(list->topLevelItem(last));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->topLevelItem(last)).center());

    QVERIFY(!list->isVisible());
    ui::CalendarWidget* calendar = window.calendar();
    QCOMPARE(calendar->mode(), ui::CalendarMode::Week);
    QCOMPARE(calendar->provider(), hit.provider); // the week of their provider
    QVERIFY(calendar->firstVisibleDate() <= hit.date && hit.date <= calendar->lastVisibleDate());
    auto* view = qobject_cast<ui::TimeGridView*>(calendar->currentView());
    QCOMPARE(view->selectedAppointment(), hit.id);
}

void TestFindAppointment::escapeClosesTheListThenEmptiesTheField() {
    MainWindow& window = *m_front.window;
    type(window, u"knu"_s);
    ui::AppointmentSearchField* field = window.searchField();
    QTRY_VERIFY(field->results()->isVisible());
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!field->results()->isVisible());
    QCOMPARE(field->text(), u"knu"_s);
    QTest::keyClick(field, Qt::Key_Escape);
    QCOMPARE(field->text(), QString());
    // Down brings the list back when there is something typed.
    type(window, u"knu"_s);
    QTest::keyClick(field, Qt::Key_Escape);
    QTest::keyClick(field, Qt::Key_Down);
    QVERIFY(field->results()->isVisible());
}

void TestFindAppointment::aClinicianDoesNotFindTheirColleaguesAppointments() {
    const QString name = sharedClient();
    QVERIFY2(!name.isEmpty(), "the demo has no client seen by Maya and another provider");
    const QString me = m_clinician.session->me().displayName();

    // The front desk finds the client with several providers...
    type(*m_front.window, name);
    const QList<ui::AppointmentSearchHit> all = m_front.window->searchField()->hits();
    QSet<QString> providers;
    int maya = 0;
    for (const ui::AppointmentSearchHit& h : all) {
        providers.insert(h.providerName);
        maya += h.providerName == me ? 1 : 0;
    }
    QVERIFY(providers.size() > 1);

    // ...the clinician only with themself, however much is typed.
    type(*m_clinician.window, name);
    const QTreeWidget* list = m_clinician.window->searchField()->results();
    QTRY_VERIFY(list->isVisible());
    QCOMPARE(distinct(column(list, ProviderColumn)), QSet<QString>{me});
    QCOMPARE(list->topLevelItemCount(), maya);

    // A colleague's appointment with the client never shows, even by
    // another of the client's names.
    const ui::AppointmentSearchHit theirs =
        *std::ranges::find_if(all, [&](const auto& h) { return h.providerName != me; });
    m_clinician.window->searchField()->clear();
    type(*m_clinician.window, theirs.client.section(u' ', 0, 0));
    for (const ui::AppointmentSearchHit& h : m_clinician.window->searchField()->hits())
        QVERIFY(h.id != theirs.id);
}

void TestFindAppointment::theSearchWorksWithTheServerDown() {
    m_server.stop();
    QVERIFY(!syncOnce(m_front.session->engine())); // offline now
    type(*m_front.window, u"dijk"_s);
    ui::AppointmentSearchField* field = m_front.window->searchField();
    QTRY_VERIFY(field->results()->isVisible());
    QVERIFY(!field->hits().isEmpty());
    QCOMPARE(field->hits().front().client, u"Edsger Dijkstra"_s);
    QTest::keyClick(field, Qt::Key_Return);
    auto* view = qobject_cast<ui::TimeGridView*>(m_front.window->calendar()->currentView());
    QCOMPARE(view->selectedAppointment(), field->hits().front().id);
}

QTEST_MAIN(TestFindAppointment)
#include "tst_findappointment.moc"
