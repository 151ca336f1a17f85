// The reminder settings dialog of the desk, for a practice administrator,
// against the real demo server and a real SMTP server (aiosmtpd): opened
// from the Settings menu, it shows what the server holds, saves what was
// changed (secrets only as set / not set), names the field a refusal is
// about, and sends a test message that arrives. Its Templates page edits
// the messages per language and type with a live preview, refuses unknown
// placeholders and saves with the rest.
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "ReminderSettingsDialog.h"
#include "ReminderTemplatesPage.h"
#include "ServerProcess.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrlQuery>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

quint16 freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

void type(QWidget* field, const QString& text) {
    auto* edit = qobject_cast<QLineEdit*>(field);
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestReminderSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void settingsAreSavedToTheServer();
    void aRefusalIsShownUnderItsField();
    void aTestMessageArrives();
    void aFailedTestSaysWhy();
    void aSpanishSmsTemplateIsPreviewedAndSaved();
    void aSpanishReminderArrivesWithTheCustomSubject();
    void aTestSendCarriesTheTemplateShown();
    void anUnknownPlaceholderIsRefused();
    void theServersRefusalIsShownUnderTheTemplate();

private:
    // Opens the dialog from the Settings menu and runs `act` on it once
    // the server's settings are in.
    void withDialog(const std::function<void(ReminderSettingsDialog*)>& act);
    QJsonObject serverSettings();

    ServerProcess m_server;
    QTemporaryDir m_cacheDir;
    QTemporaryDir m_mailDir;
    QProcess m_smtp;
    quint16 m_smtpPort = 0;
    SystemClock m_clock;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<sync::ApiClient> m_admin;
};

void TestReminderSettings::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    for (const char* sub : {"tmp", "new", "cur"}) // a Maildir, as Mailbox wants it
        QVERIFY(QDir(m_mailDir.path()).mkpath(QString::fromLatin1(sub)));
    m_smtpPort = freePort();
    m_smtp.setProgram(QStringLiteral(MSS_PYTHON));
    m_smtp.setArguments({u"-m"_s, u"aiosmtpd"_s, u"-n"_s, u"-l"_s,
                         u"127.0.0.1:%1"_s.arg(m_smtpPort), u"-c"_s, u"aiosmtpd.handlers.Mailbox"_s,
                         m_mailDir.path()});
    m_smtp.setProcessChannelMode(QProcess::ForwardedChannels);
    m_smtp.start();
    QVERIFY(m_smtp.waitForStarted());
    QVERIFY(QTest::qWaitFor(
        [&] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_smtpPort);
            return probe.waitForConnected(200);
        },
        10'000));

    QVERIFY(m_server.demo());
    QVERIFY(m_server.start());
    m_session = std::make_unique<DeskSession>(m_server.url(), u"admin@demo.practice"_s, m_clock,
                                              m_cacheDir.path());
    std::optional<Checked<void>> signedIn;
    m_session->signIn(u"mentalspace-demo"_s, [&](Checked<void> r) { signedIn = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 30'000);
    QVERIFY(*signedIn);
    QCOMPARE(m_session->me().role, domain::StaffRole::PracticeAdmin);
    m_window = std::make_unique<MainWindow>(*m_session);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_admin = std::make_unique<sync::ApiClient>(m_server.url());
    QVERIFY(await(m_admin->login(u"admin@demo.practice"_s, u"mentalspace-demo"_s)).ok());
}

void TestReminderSettings::cleanupTestCase() {
    m_window.reset();
    m_session.reset();
    m_smtp.terminate();
    m_smtp.waitForFinished(5'000);
}

QJsonObject TestReminderSettings::serverSettings() {
    const sync::ApiResponse r = await(m_admin->get(u"/settings/reminders"_s));
    if (!r.ok())
        qFatal("cannot read the reminder settings: %s", qPrintable(r.message));
    return r.data().toObject();
}

void TestReminderSettings::withDialog(const std::function<void(ReminderSettingsDialog*)>& act) {
    auto* menu = m_window->findChild<QMenu*>(u"settingsMenu"_s);
    QVERIFY(menu);
    QVERIFY(m_window->menuBar()->actions().contains(menu->menuAction()));
    bool ran = false;
    whenDialogOpens<ReminderSettingsDialog>([&](ReminderSettingsDialog* dialog) {
        if (!dialog->saveButton()->isEnabled()) {
            QSignalSpy loaded(dialog, &ReminderSettingsDialog::loaded);
            if (!loaded.wait(30'000) || !loaded.front().front().toBool()) {
                dialog->reject();
                return;
            }
        }
        act(dialog);
        ran = true;
        if (dialog->isVisible())
            dialog->reject();
    });
    menu->actions().front()->trigger();
    QVERIFY(ran);
}

void TestReminderSettings::settingsAreSavedToTheServer() {
    withDialog([&](ReminderSettingsDialog* dialog) {
        type(dialog->field(u"practiceName"_s), u"Calm Minds"_s);
        type(dialog->field(u"smtpHost"_s), u"127.0.0.1"_s);
        qobject_cast<QSpinBox*>(dialog->field(u"smtpPort"_s))->setValue(m_smtpPort);
        type(dialog->field(u"smtpFrom"_s), u"reminders@calm.example"_s);
        type(dialog->field(u"smtpPassword"_s), u"mail secret"_s);
        // The waitlist's offers: the server's defaults shown, one changed.
        auto* hold = qobject_cast<QSpinBox*>(dialog->field(u"waitlistOfferHoldMinutes"_s));
        auto* cutoff = qobject_cast<QSpinBox*>(dialog->field(u"waitlistOfferCutoffMinutes"_s));
        QVERIFY(hold && cutoff);
        QCOMPARE(hold->value(), 120);
        QCOMPARE(cutoff->value(), 60);
        hold->setValue(90);
        QSignalSpy saved(dialog, &ReminderSettingsDialog::saveFinished);
        dialog->saveButton()->click();
        QVERIFY(saved.wait(30'000));
        QVERIFY(saved.front().front().toBool());
        QVERIFY(!dialog->isVisible()); // closed once saved
    });
    const QJsonObject s = serverSettings();
    QCOMPARE(s.value("practiceName"_L1).toString(), u"Calm Minds"_s);
    QCOMPARE(s.value("smtpHost"_L1).toString(), u"127.0.0.1"_s);
    QCOMPARE(s.value("smtpPort"_L1).toInt(), int(m_smtpPort));
    QCOMPARE(s.value("smtpFrom"_L1).toString(), u"reminders@calm.example"_s);
    QVERIFY(s.value("smtpPassword"_L1).toObject().value("set"_L1).toBool());
    QCOMPARE(s.value("waitlistOfferHoldMinutes"_L1).toInt(), 90);
    QCOMPARE(s.value("waitlistOfferCutoffMinutes"_L1).toInt(), 60);

    // Opened again: what the server holds, the secret only as "set".
    withDialog([&](ReminderSettingsDialog* dialog) {
        QCOMPARE(qobject_cast<QLineEdit*>(dialog->field(u"practiceName"_s))->text(),
                 u"Calm Minds"_s);
        auto* secret = qobject_cast<QLineEdit*>(dialog->field(u"smtpPassword"_s));
        QVERIFY(secret->text().isEmpty());
        QVERIFY(secret->placeholderText().startsWith(u"set"_s));
        QCOMPARE(qobject_cast<QLineEdit*>(dialog->field(u"smsToken"_s))->placeholderText(),
                 u"not set"_s);
        QCOMPARE(qobject_cast<QSpinBox*>(dialog->field(u"waitlistOfferHoldMinutes"_s))->value(),
                 90);
        // For review beside the other screenshots.
        QDir().mkpath(QStringLiteral(MSS_SCREENSHOT_DIR));
        const QImage shot = dialog->grab().toImage();
        QVERIFY(shot.save(QStringLiteral(MSS_SCREENSHOT_DIR) + u"/reminder-settings.png"_s));
        // The practice's name is drawn in its field: dark text where the
        // field is, gone once the field is emptied.
        auto* practice = qobject_cast<QLineEdit*>(dialog->field(u"practiceName"_s));
        const QRect field(practice->mapTo(dialog, QPoint(0, 0)), practice->size());
        const auto darkIn = [&](const QImage& image) {
            int n = 0;
            for (int y = field.top(); y <= field.bottom(); ++y)
                for (int x = field.left(); x <= field.right(); ++x)
                    n += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
            return n;
        };
        const int named = darkIn(shot);
        practice->clear();
        const int empty = darkIn(dialog->grab().toImage());
        QVERIFY2(named > empty + 40,
                 qPrintable(u"%1 dark pixels, %2 emptied"_s.arg(named).arg(empty)));
    });
}

void TestReminderSettings::aRefusalIsShownUnderItsField() {
    withDialog([&](ReminderSettingsDialog* dialog) {
        type(dialog->field(u"smtpFrom"_s), u"not an address"_s);
        QSignalSpy saved(dialog, &ReminderSettingsDialog::saveFinished);
        dialog->saveButton()->click();
        QVERIFY(saved.wait(30'000));
        QVERIFY(!saved.front().front().toBool());
        QVERIFY(dialog->isVisible()); // still open, to correct it
        QLabel* error = dialog->errorLabel(u"smtpFrom"_s);
        QVERIFY(error->isVisibleTo(dialog));
        QVERIFY2(error->text().startsWith(u"Sender address"_s) &&
                     error->text().contains(u"email address"_s),
                 qPrintable(error->text()));
        QVERIFY(!dialog->errorLabel(u"smtpHost"_s)->isVisibleTo(dialog));
    });
    // Nothing was changed on the server.
    QCOMPARE(serverSettings().value("smtpFrom"_L1).toString(), u"reminders@calm.example"_s);
}

void TestReminderSettings::aTestMessageArrives() {
    withDialog([&](ReminderSettingsDialog* dialog) {
        dialog->testChannelField()->setCurrentIndex(
            dialog->testChannelField()->findData(u"email"_s));
        QTest::keyClicks(dialog->testRecipientField(), u"office@calm.example"_s);
        QSignalSpy tested(dialog, &ReminderSettingsDialog::testFinished);
        dialog->testButton()->click();
        QVERIFY(tested.wait(40'000));
        QVERIFY2(tested.front().front().toBool(), qPrintable(dialog->testResult()->text()));
        QVERIFY(dialog->testResult()->text().startsWith(u"Sent"_s));
    });
    QTRY_COMPARE_WITH_TIMEOUT(QDir(m_mailDir.filePath(u"new"_s)).entryList(QDir::Files).size(), 1,
                              10'000);
    QFile mail(QDir(m_mailDir.filePath(u"new"_s)).entryInfoList(QDir::Files).front().filePath());
    QVERIFY(mail.open(QIODevice::ReadOnly));
    const QByteArray text = mail.readAll();
    QVERIFY(text.contains("office@calm.example"));
    // The plain-text part (base64) names the practice as saved above.
    const QByteArray marker = "Content-Transfer-Encoding: base64";
    const qsizetype part = text.indexOf(marker);
    QVERIFY(part > 0);
    const qsizetype from = text.indexOf("\n\n", part) >= 0 ? text.indexOf("\n\n", part) : -1;
    QVERIFY(from > 0);
    const qsizetype to = text.indexOf("--", from);
    const QByteArray body = QByteArray::fromBase64(text.mid(from, to - from).simplified());
    QVERIFY2(body.contains("Calm Minds"), body.constData());
}

void TestReminderSettings::aFailedTestSaysWhy() {
    withDialog([&](ReminderSettingsDialog* dialog) {
        // No recipient: named under the field.
        QSignalSpy tested(dialog, &ReminderSettingsDialog::testFinished);
        dialog->testButton()->click();
        QVERIFY(tested.wait(30'000));
        QVERIFY(!tested.front().front().toBool());
        QVERIFY(dialog->errorLabel(u"to"_s)->isVisibleTo(dialog));
        QVERIFY(dialog->errorLabel(u"to"_s)->text().startsWith(u"To"_s));

        // No SMS gateway configured: the transport's reason.
        dialog->testChannelField()->setCurrentIndex(dialog->testChannelField()->findData(u"sms"_s));
        QTest::keyClicks(dialog->testRecipientField(), u"+15551230000"_s);
        tested.clear();
        dialog->testButton()->click();
        QVERIFY(tested.wait(30'000));
        QVERIFY(!tested.front().front().toBool());
        QVERIFY2(dialog->testResult()->text().startsWith(u"Not sent: "_s) &&
                     dialog->testResult()->text().size() > 10,
                 qPrintable(dialog->testResult()->text()));
    });
}

namespace {

ReminderTemplatesPage* openTemplates(ReminderSettingsDialog* dialog, const QString& language,
                                     const QString& type) {
    dialog->pages()->setCurrentWidget(dialog->templatesPage());
    ReminderTemplatesPage* page = dialog->templatesPage();
    page->languageField()->setCurrentIndex(page->languageField()->findData(language));
    page->typeField()->setCurrentIndex(page->typeField()->findData(type));
    return page;
}

// As a keyboard types it, accented letters included (keyClicks takes
// ASCII only).
void typeText(QWidget* w, const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(w, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

int smsParts(const ReminderTemplatesPage* page) {
    static const QRegularExpression parts(u"SMS parts: (\\d+)"_s);
    return parts.match(page->smsCount()->text()).captured(1).toInt();
}

QString plain(QWidget* w) {
    if (auto* line = qobject_cast<QLineEdit*>(w))
        return line->text();
    return qobject_cast<QPlainTextEdit*>(w)->toPlainText();
}

} // namespace

void TestReminderSettings::aSpanishSmsTemplateIsPreviewedAndSaved() {
    const QString custom =
        u"Hola {clientFirstName}: recordatorio rápido de su cita del {date} a las {time} en "
        "{practiceName}. Responda C para confirmar o N si no puede venir. Confirmar: "
        "{confirmLink} Cancelar: {declineLink}"_s;
    withDialog([&](ReminderSettingsDialog* dialog) {
        ReminderTemplatesPage* page = openTemplates(dialog, u"es"_s, u"default"_s);
        // The built-in Spanish text, previewed for the sample client.
        auto* sms = qobject_cast<QPlainTextEdit*>(page->editor(u"sms"_s));
        QVERIFY(sms->toPlainText().startsWith(u"{practiceName}: cita {date} {time}"_s));
        QVERIFY2(page->smsPreview()->toPlainText().startsWith(u"Calm Minds: cita martes"_s),
                 qPrintable(page->smsPreview()->toPlainText()));
        // With a link as long as a real one it already takes two parts.
        QCOMPARE(smsParts(page), 2);
        QVERIFY(page->smsCount()->text().contains(u"GSM-7"_s));
        QVERIFY(!page->smsWarning()->isVisibleTo(dialog));
        QVERIFY(page->emailPreview()->toPlainText().contains(u"Hola Alex:"_s));
        QVERIFY(page->subjectPreview()->text().contains(u"Recordatorio: su cita el martes"_s));

        // Typed, the placeholders clicked in where the cursor is.
        const qsizetype cut = custom.indexOf(u"{confirmLink}"_s);
        sms->setFocus();
        QTRY_VERIFY(sms->hasFocus());
        sms->selectAll();
        typeText(sms, custom.left(cut));
        page->placeholderButton(u"confirmLink"_s)->click();
        QTest::keyClicks(sms, u" Cancelar: "_s);
        page->placeholderButton(u"declineLink"_s)->click();
        QCOMPARE(sms->toPlainText(), custom);

        // "á" is not in GSM-7: UCS-2, 67 characters a part, more than two.
        QVERIFY2(page->smsPreview()->toPlainText().startsWith(u"Hola Alex: recordatorio rápido"_s),
                 qPrintable(page->smsPreview()->toPlainText()));
        QVERIFY2(smsParts(page) > 2, qPrintable(page->smsCount()->text()));
        QVERIFY(page->smsCount()->text().contains(u"UCS-2"_s));
        QVERIFY(page->smsWarning()->isVisibleTo(dialog));
        QVERIFY(page->smsWarning()->text().contains(u"Keep it to 2"_s));
        QVERIFY(page->languageField()->currentText().contains(u"customised"_s));
        QVERIFY(!page->errorLabel(u"sms"_s)->isVisibleTo(dialog));

        // The email subject too, for the Spanish reminders.
        auto* subject = qobject_cast<QLineEdit*>(page->editor(u"emailSubject"_s));
        subject->selectAll();
        QTest::keyClicks(subject, u"Su cita en Calm Minds: {date}"_s);
        QVERIFY(page->subjectPreview()->text().contains(u"Su cita en Calm Minds: martes"_s));

        QSignalSpy saved(dialog, &ReminderSettingsDialog::saveFinished);
        dialog->saveButton()->click();
        QVERIFY(saved.wait(30'000));
        QVERIFY(saved.front().front().toBool());
    });
    // Only the changed Spanish fields are stored; English stays built-in.
    const QJsonObject templates = serverSettings().value("templates"_L1).toObject();
    QCOMPARE(templates.keys(), QStringList{u"es"_s});
    const QJsonObject es = templates.value("es"_L1).toObject().value("default"_L1).toObject();
    QCOMPARE(es.value("sms"_L1).toString(), custom);
    QCOMPARE(es.value("emailSubject"_L1).toString(), u"Su cita en Calm Minds: {date}"_s);
    QVERIFY(!es.contains("emailText"_L1));

    // Opened again: the saved text, and a type page inherits it.
    withDialog([&](ReminderSettingsDialog* dialog) {
        ReminderTemplatesPage* page = openTemplates(dialog, u"es"_s, u"default"_s);
        QCOMPARE(plain(page->editor(u"sms"_s)), custom);
        QVERIFY(page->smsCount()->text().contains(u"UCS-2"_s));
        QDir().mkpath(QStringLiteral(MSS_SCREENSHOT_DIR));
        const QImage shot = dialog->grab().toImage();
        QVERIFY(shot.save(QStringLiteral(MSS_SCREENSHOT_DIR) + u"/reminder-templates.png"_s));
        QVERIFY(shot.width() > 600 && shot.height() > 400);

        page->typeField()->setCurrentIndex(page->typeField()->findData(u"Group Therapy"_s));
        QCOMPARE(plain(page->editor(u"sms"_s)), custom);
        QCOMPARE(page->resetButton(u"sms"_s)->text(), u"Same as default"_s);
        page->typeField()->setCurrentIndex(page->typeField()->findData(u"default"_s));
        // Back to the built-in text with one click (not saved: Cancel).
        page->resetButton(u"sms"_s)->click();
        QVERIFY(plain(page->editor(u"sms"_s)).startsWith(u"{practiceName}: cita"_s));
        QCOMPARE(smsParts(page), 2);
    });
    QCOMPARE(serverSettings()
                 .value("templates"_L1)
                 .toObject()
                 .value("es"_L1)
                 .toObject()
                 .value("default"_L1)
                 .toObject()
                 .value("sms"_L1)
                 .toString(),
             custom);
}

void TestReminderSettings::aSpanishReminderArrivesWithTheCustomSubject() {
    // The subject saved above is what the server mails a Spanish-speaking
    // client: booked 3 hours ahead, the 24-hour email goes at once.
    const sync::ApiResponse staff =
        await(m_admin->get(u"/staff"_s, QUrlQuery(u"role=CLINICIAN"_s)));
    QVERIFY(staff.ok());
    const QString provider = staff.data().toArray().at(0)["_id"_L1].toString();
    const sync::ApiResponse client =
        await(m_admin->post(u"/clients"_s, {{"firstName"_L1, u"Lucia"_s},
                                            {"lastName"_L1, u"Ejemplo"_s},
                                            {"email"_L1, u"lucia@client.example"_s},
                                            {"phone"_L1, u"+15557654321"_s},
                                            {"preferredLanguage"_L1, u"es"_s}}));
    QVERIFY2(client.ok(), qPrintable(client.message));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3 * 3600);
    const sync::ApiResponse booked = await(m_admin->post(
        u"/appointments"_s, {{"client"_L1, client.data()["_id"_L1].toString()},
                             {"provider"_L1, provider},
                             {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
                             {"endTime"_L1, start.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
                             {"appointmentType"_L1, u"Individual Therapy"_s},
                             {"allowOverlap"_L1, true}}));
    QVERIFY2(booked.ok(), qPrintable(booked.message));

    const auto mailTo = [&]() -> QByteArray {
        const QDir dir(m_mailDir.filePath(u"new"_s));
        for (const QFileInfo& f : dir.entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            if (file.open(QIODevice::ReadOnly)) {
                const QByteArray text = file.readAll();
                if (text.contains("lucia@client.example"))
                    return text;
            }
        }
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(!mailTo().isEmpty(), 20'000);
    static const QRegularExpression subject(u"Subject: =\\?UTF-8\\?B\\?([^?]*)\\?="_s);
    const auto match = subject.match(QString::fromLatin1(mailTo()));
    QVERIFY(match.hasMatch());
    const QString decoded = QString::fromUtf8(QByteArray::fromBase64(match.captured(1).toLatin1()));
    QVERIFY2(decoded.startsWith(u"Su cita en Calm Minds: "_s), qPrintable(decoded));
}

void TestReminderSettings::aTestSendCarriesTheTemplateShown() {
    // Spanish chosen on the Templates page: the test message is the
    // Spanish one, with the subject saved above, for the sample client.
    withDialog([&](ReminderSettingsDialog* dialog) {
        openTemplates(dialog, u"es"_s, u"Group Therapy"_s);
        dialog->pages()->setCurrentIndex(0);
        dialog->testChannelField()->setCurrentIndex(
            dialog->testChannelField()->findData(u"email"_s));
        QTest::keyClicks(dialog->testRecipientField(), u"prueba@calm.example"_s);
        QSignalSpy tested(dialog, &ReminderSettingsDialog::testFinished);
        dialog->testButton()->click();
        QVERIFY(tested.wait(40'000));
        QVERIFY2(tested.front().front().toBool(), qPrintable(dialog->testResult()->text()));
    });
    const auto mailTo = [&]() -> QByteArray {
        const QDir dir(m_mailDir.filePath(u"new"_s));
        for (const QFileInfo& f : dir.entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            if (file.open(QIODevice::ReadOnly)) {
                const QByteArray text = file.readAll();
                if (text.contains("prueba@calm.example"))
                    return text;
            }
        }
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(!mailTo().isEmpty(), 10'000);
    static const QRegularExpression subject(u"Subject: =\\?UTF-8\\?B\\?([^?]*)\\?="_s);
    const auto match = subject.match(QString::fromLatin1(mailTo()));
    QVERIFY(match.hasMatch());
    const QString decoded = QString::fromUtf8(QByteArray::fromBase64(match.captured(1).toLatin1()));
    QVERIFY2(decoded.startsWith(u"Su cita en Calm Minds: "_s), qPrintable(decoded));
}

void TestReminderSettings::anUnknownPlaceholderIsRefused() {
    const QJsonObject before = serverSettings().value("templates"_L1).toObject();
    withDialog([&](ReminderSettingsDialog* dialog) {
        ReminderTemplatesPage* page = openTemplates(dialog, u"en"_s, u"Group Therapy"_s);
        auto* text = qobject_cast<QPlainTextEdit*>(page->editor(u"emailText"_s));
        text->selectAll();
        QTest::keyClicks(text, u"Hello {clientName}, see you {date}."_s);
        // Named as it is typed ...
        QLabel* error = page->errorLabel(u"emailText"_s);
        QVERIFY(error->isVisibleTo(dialog));
        QVERIFY2(error->text().contains(u"{clientName}"_s), qPrintable(error->text()));
        // ... and again when saving from another page: nothing is sent.
        page->languageField()->setCurrentIndex(page->languageField()->findData(u"es"_s));
        dialog->pages()->setCurrentIndex(0);
        QSignalSpy saved(dialog, &ReminderSettingsDialog::saveFinished);
        dialog->saveButton()->click();
        QCOMPARE(saved.size(), 1);
        QVERIFY(!saved.front().front().toBool());
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->pages()->currentWidget(), page);
        QCOMPARE(page->languageField()->currentData().toString(), u"en"_s);
        QCOMPARE(page->typeField()->currentData().toString(), u"Group Therapy"_s);
        QVERIFY(error->isVisibleTo(dialog));
        QVERIFY2(error->text().contains(u"{clientName}"_s), qPrintable(error->text()));
        QVERIFY(!dialog->statusLabel()->text().isEmpty());
    });
    QCOMPARE(serverSettings().value("templates"_L1).toObject(), before);
}

void TestReminderSettings::theServersRefusalIsShownUnderTheTemplate() {
    const QJsonObject before = serverSettings().value("templates"_L1).toObject();
    withDialog([&](ReminderSettingsDialog* dialog) {
        // Over the server's 20,000 characters, which only the server checks.
        ReminderTemplatesPage* page = openTemplates(dialog, u"en"_s, u"Family Therapy"_s);
        qobject_cast<QPlainTextEdit*>(page->editor(u"emailHtml"_s))
            ->setPlainText(u"<p>{clientFirstName}</p>"_s + QString(20'000, u'x'));
        page->typeField()->setCurrentIndex(page->typeField()->findData(u"default"_s));
        dialog->pages()->setCurrentIndex(0);
        QSignalSpy saved(dialog, &ReminderSettingsDialog::saveFinished);
        dialog->saveButton()->click();
        QVERIFY(saved.wait(30'000));
        QVERIFY(!saved.front().front().toBool());
        // The page and the field the server named, with its words.
        QCOMPARE(dialog->pages()->currentWidget(), page);
        QCOMPARE(page->typeField()->currentData().toString(), u"Family Therapy"_s);
        QLabel* error = page->errorLabel(u"emailHtml"_s);
        QVERIFY2(error->isVisibleTo(dialog), qPrintable(dialog->statusLabel()->text()));
        QVERIFY2(error->text().contains(u"20000 characters"_s), qPrintable(error->text()));
        QVERIFY(!page->errorLabel(u"sms"_s)->isVisibleTo(dialog));
    });
    QCOMPARE(serverSettings().value("templates"_L1).toObject(), before);
}

QTEST_MAIN(TestReminderSettings)
#include "tst_remindersettings.moc"
