// The calendar model: rows sorted by start, roles the views and the
// application read, live updates from sync, names, availability per day,
// conflicts named for people. QAbstractItemModelTester watches every change.
#include "DemoPractice.h"
#include "ui/CalendarModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::test;
using mss::ui::CalendarModel;
using namespace Qt::StringLiterals;

class TestCalendarModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsAreSortedByStart();
    void rolesCarryWhatTheViewsNeed();
    void syncedChangesUpdateRowsInPlace();
    void removingAnAppointmentDropsItsRow();
    void rowsBetweenFindsOverlapsOfOneProvider();
    void availabilityIsResolvedPerDayInThePracticeZone();
    void conflictsAreNamedWithClientTypeAndProvider();
    void unknownNamesFallBackToPopulatedReferences();

private:
    CalendarModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

void TestCalendarModel::init() {
    m_model = new CalendarModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    demo::fill(*m_model);
}

void TestCalendarModel::cleanup() {
    delete m_tester;
    delete m_model;
}

void TestCalendarModel::rowsAreSortedByStart() {
    QCOMPARE(m_model->rowCount(), demo::appointments().size());
    for (int row = 1; row < m_model->rowCount(); ++row) {
        QVERIFY(m_model->index(row - 1).data(CalendarModel::StartRole).toDateTime() <=
                m_model->index(row).data(CalendarModel::StartRole).toDateTime());
    }
}

void TestCalendarModel::rolesCarryWhatTheViewsNeed() {
    const int row = m_model->rowOf(id(5));
    QVERIFY(row >= 0);
    const QModelIndex index = m_model->index(row);
    QCOMPARE(index.data(CalendarModel::IdRole).toString(), id(5).toString());
    QCOMPARE(index.data(CalendarModel::ClientNameRole).toString(), u"Barbara Liskov"_s);
    QCOMPARE(index.data(CalendarModel::ProviderNameRole).toString(), u"Maya Chen"_s);
    QCOMPARE(index.data(CalendarModel::StatusRole).toInt(), int(AppointmentStatus::NoShow));
    QCOMPARE(index.data(CalendarModel::TypeRole).toInt(),
             int(AppointmentType::MedicationManagement));
    QCOMPARE(index.data(CalendarModel::StartRole).toDateTime(), demo::at(demo::today(), 13, 30));
    QCOMPARE(index.data(CalendarModel::EndRole).toDateTime(), demo::at(demo::today(), 14, 0));
    QVERIFY(index.data(Qt::DisplayRole).toString().contains(u"Barbara Liskov"_s));
    QVERIFY(index.data(CalendarModel::TypeColourRole).value<QColor>().isValid());
    QCOMPARE(m_model->roleNames().value(CalendarModel::ClientNameRole), QByteArray("clientName"));
}

void TestCalendarModel::syncedChangesUpdateRowsInPlace() {
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    // A status change keeps the row where it is.
    Appointment a = *m_model->appointment(id(6));
    a.status = AppointmentStatus::Confirmed;
    m_model->upsertAppointment(a);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->appointment(id(6))->status, AppointmentStatus::Confirmed);

    // A move to the morning takes the row to its new place in the order.
    a.startTime = demo::at(demo::today(), 7, 0);
    a.endTime = a.startTime.addSecs(50 * 60);
    m_model->upsertAppointment(a);
    const int firstToday =
        m_model
            ->rowsBetween(demo::at(demo::today(), 0, 0), demo::at(demo::today().addDays(1), 0, 0))
            .first();
    QCOMPARE(m_model->appointmentAt(firstToday).id(), id(6));

    // A new appointment arrives from another desk.
    Appointment fresh = demo::visit(99, 2, 103, demo::today(), 17, 0, AppointmentType::Other);
    const int before = m_model->rowCount();
    m_model->upsertAppointment(fresh);
    QCOMPARE(m_model->rowCount(), before + 1);
    QCOMPARE(reset.count(), 0); // open views keep their scroll and selection
}

void TestCalendarModel::removingAnAppointmentDropsItsRow() {
    const int before = m_model->rowCount();
    m_model->removeAppointment(id(3));
    QCOMPARE(m_model->rowCount(), before - 1);
    QCOMPARE(m_model->rowOf(id(3)), -1);
    m_model->removeAppointment(id(3)); // already gone: nothing happens
    QCOMPARE(m_model->rowCount(), before - 1);
}

void TestCalendarModel::rowsBetweenFindsOverlapsOfOneProvider() {
    // 11:30-11:40 on Tuesday: Maya Chen's cancelled 11:00 and couples 11:00.
    const auto rows = m_model->rowsBetween(demo::at(demo::today(), 11, 30),
                                           demo::at(demo::today(), 11, 40), id(1));
    QList<ObjectId> ids;
    for (const int r : rows)
        ids << m_model->appointmentAt(r).id();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QList<ObjectId>{id(3), id(4)}));
    // Touching is not overlapping: 10:50 is when the 10:00 session ends.
    QVERIFY(
        m_model->rowsBetween(demo::at(demo::today(), 10, 50), demo::at(demo::today(), 11, 0), id(1))
            .isEmpty());
}

void TestCalendarModel::availabilityIsResolvedPerDayInThePracticeZone() {
    QSignalSpy decoration(m_model, &CalendarModel::decorationChanged);
    const auto day = m_model->availabilityOn(id(1), demo::today());
    // 08:30-12:00 and 13:00-17:00 local: the lunch meeting is cut out.
    QCOMPARE(day.available.size(), 2);
    QCOMPARE(day.available.first().startTime(), demo::at(demo::today(), 8, 30));
    QCOMPARE(day.blocked.size(), 1);
    QCOMPARE(day.blocked.first().startTime(), demo::at(demo::today(), 12, 0));

    // New records replace the old at once, and views are told.
    m_model->setAvailability(id(1), {weekly(1, DayOfWeek::Tuesday, "10:00", "11:00")});
    QCOMPARE(decoration.count(), 1);
    const auto changed = m_model->availabilityOn(id(1), demo::today());
    QCOMPARE(changed.available.size(), 1);
    QCOMPARE(changed.available.first().startTime(), demo::at(demo::today(), 10, 0));
    QVERIFY(!m_model->hasAvailability(id(9)));
}

void TestCalendarModel::conflictsAreNamedWithClientTypeAndProvider() {
    scheduling::Conflict c;
    c.with = id(4);
    c.reason = scheduling::ConflictReason::SameProvider;
    c.time =
        scheduling::TimeRange::of(demo::at(demo::today(), 11, 0), demo::at(demo::today(), 12, 0));
    const QString text = m_model->describeConflict(c);
    QVERIFY2(text.contains(u"Edsger Dijkstra"_s), qPrintable(text));
    QVERIFY2(text.contains(u"11:00"_s) && !text.contains(u"11:00:00"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Couples Therapy"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Maya Chen"_s), qPrintable(text));
    QVERIFY2(text.contains(u"same provider"_s), qPrintable(text));
}

void TestCalendarModel::unknownNamesFallBackToPopulatedReferences() {
    Appointment a = demo::visit(77, 1, 555, demo::today(), 18, 0, AppointmentType::Other);
    a.client.populated = QJsonObject{{u"firstName"_s, u"Linus"_s}, {u"lastName"_s, u"Pauling"_s}};
    m_model->upsertAppointment(a);
    QCOMPARE(m_model->index(m_model->rowOf(id(77))).data(CalendarModel::ClientNameRole).toString(),
             u"Linus Pauling"_s);
}

QTEST_MAIN(TestCalendarModel)
#include "tst_calendarmodel.moc"
