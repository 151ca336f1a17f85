// Personal calendar feeds through the real server: a clinician turns on an
// address, and what it serves is read by two independent iCalendar parsers
// (libical, and Python's icalendar with dateutil's RRULE engine in
// expand_ics.py). Both expansions must give exactly the server's own
// appointments, across a DST change, with a series as one RRULE and its
// skipped and moved occurrences. Privacy by default, ETags, renewing and
// turning off an address, the practice's switch and the audit log.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QProcess>
#include <QtTest>

#include <libical/ical.h>

#include <memory>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

QString utcText(time_t t) {
    return QDateTime::fromSecsSinceEpoch(qint64(t), Qt::UTC)
        .toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
}

qint64 utcOf(const icaltimetype& t) {
    return qint64(
        icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone()));
}

struct Expansion {
    QMap<QPair<QString, qint64>, QString> instances; // (UID, original start) -> the line
    int errors = 0;
};

void addInstance(icalcomponent* event, struct icaltime_span* span, void* data) {
    auto* out = static_cast<Expansion*>(data);
    const icalproperty_status status = icalcomponent_get_status(event);
    out->instances.insert({QString::fromUtf8(icalcomponent_get_uid(event)), qint64(span->start)},
                          utcText(span->start) + u' ' + utcText(span->end) + u' ' +
                              (status == ICAL_STATUS_CANCELLED ? u"CANCELLED"_s : u"CONFIRMED"_s));
}

// The feed's instances as libical expands them: "<start> <end> <STATUS>" in UTC, sorted.
QStringList expandWithLibical(const QByteArray& feed, int* errors) {
    std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> calendar(
        icalparser_parse_string(feed.constData()), icalcomponent_free);
    if (!calendar) {
        *errors = 1;
        return {};
    }
    Expansion expansion;
    expansion.errors = icalcomponent_count_errors(calendar.get());
    QList<icalcomponent*> overrides;
    const icaltimetype from = icaltime_from_timet_with_zone(0, 0, icaltimezone_get_utc_timezone());
    const icaltimetype to =
        icaltime_from_timet_with_zone(4'102'444'800, 0, icaltimezone_get_utc_timezone()); // 2100
    for (icalcomponent* event =
             icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
         event; event = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
        if (icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY))
            overrides.append(event);
        else
            icalcomponent_foreach_recurrence(event, from, to, addInstance, &expansion);
    }
    for (icalcomponent* event : overrides) {
        const icaltimetype original = icalproperty_get_datetime_with_component(
            icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY), event);
        const QPair key(QString::fromUtf8(icalcomponent_get_uid(event)), utcOf(original));
        if (!expansion.instances.contains(key))
            ++expansion.errors; // an override of nothing
        const icaltimetype start = icalproperty_get_datetime_with_component(
            icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY), event);
        const icaltimetype end = icalproperty_get_datetime_with_component(
            icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY), event);
        expansion.instances.insert(
            key, utcText(time_t(utcOf(start))) + u' ' + utcText(time_t(utcOf(end))) + u' ' +
                     (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED ? u"CANCELLED"_s
                                                                               : u"CONFIRMED"_s));
    }
    *errors = expansion.errors;
    QStringList lines = expansion.instances.values();
    lines.sort();
    return lines;
}

QStringList expandWithPython(const QByteArray& feed, QString* problem) {
    QProcess python;
    python.start(QStringLiteral(MSS_PYTHON),
                 {QStringLiteral(MSS_SOURCE_DIR "/tests/integration/expand_ics.py")});
    python.write(feed);
    python.closeWriteChannel();
    if (!python.waitForFinished(60'000) || python.exitCode() != 0) {
        *problem = QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(python.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class ServerCalendarTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bothParsersGiveTheServersAppointments();
    void aSeriesIsOneRuleInItsZone();
    void clientsStayPrivateUnlessThePracticeSaysOtherwise();
    void anUnchangedFeedAnswers304AndAChangeShowsAtOnce();
    void aRenewedAddressRetiresTheOldOne();
    void thePracticeCanTurnFeedsOff();
    void fetchesAreAuditedWithoutClientData();

private:
    Reply fetch(const QHash<QByteArray, QByteArray>& headers = {}) const {
        return m_server.requestRaw("GET", m_path, {}, {}, headers);
    }
    QByteArray feed() const {
        const Reply r = fetch();
        return r.status == 200 ? r.body : QByteArray();
    }
    void setDetail(const QString& detail);
    QStringList serverInstances();

    mss::test::ServerHarness m_server;
    QByteArray m_admin, m_reception, m_clinician;
    QString m_provider, m_client, m_path;
};

void ServerCalendarTest::setDetail(const QString& detail) {
    const Reply r =
        m_server.request("PUT", u"/api/v1/settings"_s,
                         {{"calendarFeeds"_L1, QJsonObject{{"detail"_L1, detail}}}}, m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object()["calendarFeeds"_L1]["detail"_L1].toString(), detail);
}

// The provider's appointments as the API lists them, in the lines the
// expansions print: live ones CONFIRMED, cancelled ones CANCELLED.
QStringList ServerCalendarTest::serverInstances() {
    QStringList out;
    const Reply r = m_server.request(
        "GET", u"/api/v1/appointments?provider=%1&limit=500"_s.arg(m_provider), {}, m_admin);
    for (const QJsonValue& a : r.data().toArray()) {
        const auto text = [&](const char* field) {
            return QDateTime::fromString(a[QLatin1StringView(field)].toString(), Qt::ISODateWithMs)
                .toUTC()
                .toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
        };
        const QString status = a["status"_L1].toString();
        const bool cancelled = status == "Cancelled"_L1 || status == "Rescheduled"_L1;
        out << text("startTime") + u' ' + text("endTime") + u' ' +
                   (cancelled ? u"CANCELLED"_s : u"CONFIRMED"_s);
    }
    out.sort();
    return out;
}

void ServerCalendarTest::initTestCase() {
    QVERIFY(m_server.init(u"America/New_York"_s));
    QVERIFY(m_server.setNow(QDateTime(QDate(2030, 3, 1), QTime(12, 0), Qt::UTC)));
    QVERIFY(m_server.addUser(u"CLINICIAN"_s));
    QVERIFY(m_server.addUser(u"RECEPTIONIST"_s));
    // Its request log on, to see what it shows of a feed's address.
    qputenv("QT_LOGGING_RULES", "mss.http.debug=true");
    const bool started = m_server.start();
    qunsetenv("QT_LOGGING_RULES");
    QVERIFY(started);
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_reception = m_server.login(u"RECEPTIONIST"_s);
    m_clinician = m_server.login(u"CLINICIAN"_s);
    QVERIFY(!m_admin.isEmpty() && !m_reception.isEmpty() && !m_clinician.isEmpty());
    m_provider = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_clinician)
                     .object()["_id"_L1]
                     .toString();
    m_client =
        m_server
            .request("POST", u"/api/v1/clients"_s,
                     {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"Lovelace"_s}}, m_reception)
            .object()["_id"_L1]
            .toString();
    QCOMPARE(m_client.size(), 24);

    // Mondays at 14:00 New York from 2030-03-04, six times: daylight time
    // starts on 2030-03-10. The second is skipped, the third moved a day.
    const Reply series = m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                                          {{"client"_L1, m_client},
                                           {"provider"_L1, m_provider},
                                           {"appointmentType"_L1, u"Individual Therapy"_s},
                                           {"duration"_L1, 50},
                                           {"recurrencePattern"_L1, u"Weekly"_s},
                                           {"dayOfWeek"_L1, u"Monday"_s},
                                           {"startTime"_L1, u"14:00"_s},
                                           {"startDate"_L1, u"2030-03-04T00:00:00.000Z"_s},
                                           {"numberOfOccurrences"_L1, 6},
                                           {"notes"_L1, u"Weekly check-in about sleep"_s}},
                                          m_reception);
    QCOMPARE(series.status, 201);
    const QString exceptions =
        u"/api/v1/recurring-appointments/%1/exceptions"_s.arg(series.object()["_id"_L1].toString());
    QCOMPARE(
        m_server.request("POST", exceptions, {{"date"_L1, u"2030-03-11"_s}}, m_reception).status,
        200);
    QCOMPARE(m_server
                 .request("POST", exceptions,
                          {{"date"_L1, u"2030-03-18"_s},
                           {"isRescheduled"_L1, true},
                           {"rescheduledTo"_L1, u"2030-03-19T18:00:00.000Z"_s}},
                          m_reception)
                 .status,
             200);
    // One appointment on its own, with a meeting link, and one cancelled.
    for (const auto& [start, end] :
         {std::pair(u"2030-03-05T15:00:00.000Z"_s, u"2030-03-05T15:50:00.000Z"_s),
          std::pair(u"2030-03-06T15:00:00.000Z"_s, u"2030-03-06T15:50:00.000Z"_s)}) {
        const Reply booked =
            m_server.request("POST", u"/api/v1/appointments"_s,
                             {{"client"_L1, m_client},
                              {"provider"_L1, m_provider},
                              {"startTime"_L1, start},
                              {"endTime"_L1, end},
                              {"appointmentType"_L1, u"Individual Therapy"_s},
                              {"location"_L1, u"Virtual"_s},
                              {"virtualMeetingLink"_L1, u"https://meet.example/ada-secret-room"_s}},
                             m_reception);
        QCOMPARE(booked.status, 201);
        if (start.startsWith("2030-03-06"_L1)) {
            QCOMPARE(m_server
                         .request("PUT",
                                  u"/api/v1/appointments/%1/cancel"_s.arg(
                                      booked.object()["_id"_L1].toString()),
                                  {{"cancellationReason"_L1, u"Client request"_s}}, m_reception)
                         .status,
                     200);
        }
    }

    QCOMPARE(m_server.request("GET", u"/api/v1/calendar/feed"_s, {}, m_clinician)
                 .object()["enabled"_L1]
                 .toBool(true),
             false);
    QCOMPARE(m_server.request("POST", u"/api/v1/calendar/feed"_s, {}, {}).status, 401);
    const Reply opened = m_server.request("POST", u"/api/v1/calendar/feed"_s, {}, m_clinician);
    QCOMPARE(opened.status, 201);
    m_path = opened.object()["path"_L1].toString();
    QVERIFY(m_path.startsWith("/api/v1/calendar/"_L1) && m_path.endsWith(".ics"_L1));
    QVERIFY2(m_path.size() > 60, "the address carries a long random token");
    QVERIFY(m_server.request("GET", u"/api/v1/calendar/feed"_s, {}, m_clinician)
                .object()["enabled"_L1]
                .toBool());
}

void ServerCalendarTest::bothParsersGiveTheServersAppointments() {
    const Reply r = fetch();
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("text/calendar"));
    const QStringList expected = serverInstances();
    // Six occurrences (one skipped and one moved: both still listed, the
    // skipped one cancelled, the moved one's old copy too), the single and
    // the cancelled single.
    QVERIFY2(expected.size() >= 8, qPrintable(expected.join(u'\n')));

    int errors = -1;
    QStringList libical = expandWithLibical(r.body, &errors);
    QCOMPARE(errors, 0);
    QString problem;
    const QStringList python = expandWithPython(r.body, &problem);
    QVERIFY2(!python.isEmpty(), qPrintable(problem));
    QCOMPARE(libical, python);

    // Every live appointment is an instance at its instant, nothing else is
    // live; what is cancelled on the server is cancelled in the feed.
    const auto live = [](const QStringList& lines) {
        QStringList out;
        for (const QString& l : lines)
            if (l.endsWith("CONFIRMED"_L1))
                out << l;
        return out;
    };
    QCOMPARE(live(libical), live(expected));
    for (const QString& line : libical)
        QVERIFY2(expected.contains(line), qPrintable(line));
    // Across the change to daylight time the wall clock stays at 14:00.
    QVERIFY(libical.contains(u"2030-03-04T19:00:00Z 2030-03-04T19:50:00Z CONFIRMED"_s));
    QVERIFY(libical.contains(u"2030-03-25T18:00:00Z 2030-03-25T18:50:00Z CONFIRMED"_s));
    QVERIFY(libical.contains(u"2030-03-11T18:00:00Z 2030-03-11T18:50:00Z CANCELLED"_s));
    QVERIFY(libical.contains(u"2030-03-19T18:00:00Z 2030-03-19T18:50:00Z CONFIRMED"_s));
    QVERIFY(libical.contains(u"2030-03-06T15:00:00Z 2030-03-06T15:50:00Z CANCELLED"_s));
}

void ServerCalendarTest::aSeriesIsOneRuleInItsZone() {
    const QString text = QString::fromUtf8(feed());
    QCOMPARE(text.count(u"RRULE:"_s), 1);
    QVERIFY(text.contains(u"RRULE:FREQ=WEEKLY;"_s));
    QVERIFY(text.contains(u"DTSTART;TZID=America/New_York:20300304T140000\r\n"_s));
    QVERIFY(text.contains(u"RECURRENCE-ID;TZID=America/New_York:20300318T140000\r\n"_s));
    QVERIFY(text.contains(u"BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"_s));
    QVERIFY(text.contains(u"TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n"_s));
    // No line longer than 75 octets (RFC 5545 3.1), every line ends in CRLF.
    for (const QByteArray& line : feed().split('\n')) {
        QVERIFY2(line.size() <= 76, line.constData());
        QVERIFY(line.isEmpty() || line.endsWith('\r'));
    }
}

void ServerCalendarTest::clientsStayPrivateUnlessThePracticeSaysOtherwise() {
    QByteArray text = feed();
    QVERIFY(text.contains("SUMMARY:Appointment\r\n"));
    for (const char* secret : {"Ada", "Lovelace", "sleep", "secret-room"})
        QVERIFY2(!text.contains(secret), secret);

    setDetail(u"initials"_s);
    text = feed();
    QVERIFY(text.contains("SUMMARY:Appointment: A.L.\r\n"));
    for (const char* secret : {"Lovelace", "sleep", "secret-room"})
        QVERIFY2(!text.contains(secret), secret);

    setDetail(u"details"_s);
    text = feed();
    QVERIFY(text.contains("SUMMARY:Appointment: Ada Lovelace\r\n"));
    QVERIFY(text.contains("Weekly check-in about sleep"));
    QVERIFY(text.contains("https://meet.example/ada-secret-room"));
    setDetail(u"busy"_s);

    const Reply bad =
        m_server.request("PUT", u"/api/v1/settings"_s,
                         {{"calendarFeeds"_L1, QJsonObject{{"detail"_L1, u"all"_s}}}}, m_admin);
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.json["error"_L1].toString().contains("calendarFeeds.detail"_L1),
             qPrintable(bad.json["error"_L1].toString()));
}

void ServerCalendarTest::anUnchangedFeedAnswers304AndAChangeShowsAtOnce() {
    const Reply first = fetch();
    const QByteArray etag = first.headers.value("etag");
    QVERIFY(!etag.isEmpty());
    QCOMPARE(fetch().headers.value("etag"), etag);
    const Reply same = fetch({{"If-None-Match", etag}});
    QCOMPARE(same.status, 304);
    QVERIFY(same.body.isEmpty());

    const Reply booked = m_server.request("POST", u"/api/v1/appointments"_s,
                                          {{"client"_L1, m_client},
                                           {"provider"_L1, m_provider},
                                           {"startTime"_L1, u"2030-04-02T15:00:00.000Z"_s},
                                           {"endTime"_L1, u"2030-04-02T15:50:00.000Z"_s},
                                           {"appointmentType"_L1, u"Individual Therapy"_s}},
                                          m_reception);
    QCOMPARE(booked.status, 201);
    const Reply changed = fetch({{"If-None-Match", etag}});
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.headers.value("etag") != etag);
    int errors = -1;
    QVERIFY(expandWithLibical(changed.body, &errors)
                .contains(u"2030-04-02T15:00:00Z 2030-04-02T15:50:00Z CONFIRMED"_s));
}

void ServerCalendarTest::aRenewedAddressRetiresTheOldOne() {
    const QString old = m_path;
    const Reply renewed = m_server.request("POST", u"/api/v1/calendar/feed"_s, {}, m_clinician);
    QCOMPARE(renewed.status, 201);
    m_path = renewed.object()["path"_L1].toString();
    QVERIFY(m_path != old);
    QCOMPARE(m_server.requestRaw("GET", old, {}).status, 404);
    QCOMPARE(fetch().status, 200);
    QCOMPARE(m_server.requestRaw("GET", u"/api/v1/calendar/not-a-token.ics"_s, {}).status, 404);

    QCOMPARE(m_server.request("DELETE", u"/api/v1/calendar/feed"_s, {}, m_clinician).status, 200);
    QCOMPARE(fetch().status, 404);
    m_path = m_server.request("POST", u"/api/v1/calendar/feed"_s, {}, m_clinician)
                 .object()["path"_L1]
                 .toString();
    QCOMPARE(fetch().status, 200);
}

void ServerCalendarTest::thePracticeCanTurnFeedsOff() {
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/settings"_s,
                          {{"calendarFeeds"_L1, QJsonObject{{"detail"_L1, u"off"_s}}}}, m_reception)
                 .status,
             403);
    setDetail(u"off"_s);
    QCOMPARE(fetch().status, 404);
    const Reply refused = m_server.request("POST", u"/api/v1/calendar/feed"_s, {}, m_clinician);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json["code"_L1].toString(), u"CALENDAR_FEEDS_OFF"_s);
    setDetail(u"busy"_s);
    QCOMPARE(fetch().status, 200);
}

void ServerCalendarTest::fetchesAreAuditedWithoutClientData() {
    m_server.takeServerLog();
    QCOMPARE(fetch().status, 200);
    // The request log shows the fetch, and not the token that is its
    // credential.
    const QString token = m_path.section(u'/', -1).section(u'.', 0, 0);
    QVERIFY(token.size() > 20);
    QByteArray requestLog;
    QVERIFY(QTest::qWaitFor([&] {
        requestLog += m_server.takeServerLog();
        return requestLog.contains("/api/v1/calendar/");
    }));
    QVERIFY2(requestLog.contains("GET /api/v1/calendar/<token>.ics 200"), requestLog.constData());
    QVERIFY2(!requestLog.contains(token.toLatin1()), requestLog.constData());
    const Reply log = m_server.request("GET", u"/api/v1/audit-logs?limit=200"_s, {}, m_admin);
    QCOMPARE(log.status, 200);
    int reads = 0;
    for (const QJsonValue& e : log.data().toArray()) {
        if (e["action"_L1].toString() != "calendar.feed.read"_L1)
            continue;
        ++reads;
        QCOMPARE(e["actor"_L1].toString(), m_provider);
        const QString all = QString::fromUtf8(QJsonDocument(e.toObject()).toJson());
        QVERIFY2(!all.contains("Lovelace"_L1) && !all.contains(m_client), qPrintable(all));
    }
    QVERIFY(reads >= 5);
}

QTEST_MAIN(ServerCalendarTest)
#include "tst_server_calendar.moc"
