// The placeholders of reminder templates: one list for the server's check
// of the settings and the desk's template editor, and anything else in
// braces named as unknown.
#include "reminders/MessageTemplates.h"
#include "reminders/ReminderSettings.h"

#include <QJsonObject>
#include <QTest>

using namespace mss;
using namespace mss::reminders;
using namespace Qt::StringLiterals;

class TestTemplatePlaceholders : public QObject {
    Q_OBJECT

private slots:
    void theDocumentedPlaceholdersAreKnown();
    void everyPlaceholderIsFilledWhenRendered();
    void unknownNamesAreListedOnceInOrder();
    void theSettingsRefuseWhatTheEditorCallsUnknown();
};

void TestTemplatePlaceholders::theDocumentedPlaceholdersAreKnown() {
    QCOMPARE(templatePlaceholders(),
             (QStringList{u"clientFirstName"_s, u"date"_s, u"time"_s, u"providerName"_s,
                          u"location"_s, u"confirmLink"_s, u"declineLink"_s, u"practiceName"_s}));
    QVERIFY(!templatePlaceholders().contains(u"appointmentType"_s));
}

void TestTemplatePlaceholders::everyPlaceholderIsFilledWhenRendered() {
    QString sms;
    for (const QString& name : templatePlaceholders())
        sms += u'{' + name + u"} "_s;
    MessageFields f;
    f.clientFirstName = u"Alex"_s;
    f.start = QDateTime(QDate(2026, 3, 10), QTime(15, 0), QTimeZone::utc());
    f.zone = QTimeZone("America/New_York");
    f.providerName = u"Dr. Rivera"_s;
    f.location = u"Office"_s;
    f.confirmLink = u"https://x.example/c"_s;
    f.declineLink = u"https://x.example/d"_s;
    f.practiceName = u"Calm Practice"_s;
    f.language = u"en"_s;
    const RenderedMessage m =
        renderMessage(f, {{"en"_L1, QJsonObject{{"default"_L1, QJsonObject{{"sms"_L1, sms}}}}}});
    QVERIFY2(!m.sms.contains(u'{'), qPrintable(m.sms));
    QVERIFY2(m.sms.contains(u"Alex"_s) && m.sms.contains(u"11:00 AM"_s), qPrintable(m.sms));
}

void TestTemplatePlaceholders::unknownNamesAreListedOnceInOrder() {
    QCOMPARE(unknownPlaceholders(u"Hi {clientFirstName}, your {appointmentType} on {date}"_s),
             QStringList{u"appointmentType"_s});
    QCOMPARE(unknownPlaceholders(u"{notes} {x} {notes} {}"_s),
             (QStringList{u"notes"_s, u"x"_s, QString()}));
    QVERIFY(unknownPlaceholders(u"{date} {time} no braces"_s).isEmpty());
}

void TestTemplatePlaceholders::theSettingsRefuseWhatTheEditorCallsUnknown() {
    ReminderSettings settings;
    const auto refused = settings.apply(QJsonObject{
        {"templates"_L1,
         QJsonObject{
             {"es"_L1, QJsonObject{{"default"_L1,
                                    QJsonObject{{"sms"_L1, u"Cita {appointmentType}"_s}}}}}}}});
    QVERIFY(!refused);
    QCOMPARE(refused.error().front().field, u"templates.es.default.sms"_s);
    QVERIFY2(refused.error().front().message.contains(u"{appointmentType}"_s),
             qPrintable(refused.error().front().message));
    QVERIFY(settings.apply(QJsonObject{
        {"templates"_L1,
         QJsonObject{
             {"es"_L1,
              QJsonObject{{"default"_L1, QJsonObject{{"sms"_L1, u"Cita {date} {time}"_s}}}}}}}}));
}

QTEST_MAIN(TestTemplatePlaceholders)
#include "tst_templateplaceholders.moc"
