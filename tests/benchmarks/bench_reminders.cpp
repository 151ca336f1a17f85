// Draining reminders: 10,000 email reminders fall due at once and the
// sender works through them against a local SMTP server (Debian's aiosmtpd,
// the Sink handler, which accepts and discards). Each message goes through
// the real path: claim committed, message rendered and sent over SMTP,
// "sent" committed with the appointment's version, change feed and audit
// entry. Reports messages per second (docs/performance.md, "Reminders").
//
// Seeding a fresh data directory per repetition is not timed.
#include "base/Clock.h"
#include "domain/Appointment.h"
#include "reminders/ReminderScheduler.h"
#include "server/Practice.h"
#include "server/ServerAppointmentWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace mss;

namespace {

constexpr int reminderCount = 10'000;
const QDateTime seededAt(QDate(2030, 3, 4), QTime(8, 0), QTimeZone::utc());

quint16 g_smtpPort = 0;

struct Seeded {
    QTemporaryDir dir;
    std::unique_ptr<server::Practice> practice;
    std::unique_ptr<server::ServerAppointmentWriter> writer;
    std::unique_ptr<reminders::ReminderSender> sender;
};

void seed(Seeded& s, ManualClock& clock, benchmark::State& state) {
    clock.set(seededAt);
    auto opened = server::Practice::open(s.dir.path(), clock);
    if (!opened) {
        state.SkipWithError("cannot open the practice");
        return;
    }
    s.practice = std::move(*opened);
    server::Practice& practice = *s.practice;
    const server::SecretBox& secrets = practice.secrets();
    reminders::Sealer sealer{[&secrets](const QByteArray& v) { return secrets.seal(v); },
                             [&secrets](const QByteArray& v) { return secrets.open(v); }};
    {
        storage::WriteTransaction tx(practice.db());
        if (!practice.setTimeZone(QTimeZone("America/New_York")))
            state.SkipWithError("cannot set the zone");
        domain::Staff provider;
        provider.firstName = u"Maya"_s;
        provider.lastName = u"Provider"_s;
        provider.email = u"maya@bench.practice"_s;
        provider.role = domain::StaffRole::Clinician;
        if (!practice.addStaff(provider, {}))
            state.SkipWithError("cannot add the provider");
        QStringList clients;
        for (int i = 0; i < 500; ++i) {
            QJsonObject doc{{"firstName"_L1, u"Client"_s},
                            {"lastName"_L1, QString::number(i)},
                            {"email"_L1, u"client%1@bench.example"_s.arg(i)}};
            practice.stamp(doc, provider.id().toString(), 0);
            if (!practice.records().put(storage::RecordKind::Client, doc))
                state.SkipWithError("cannot add a client");
            clients << doc.value("_id"_L1).toString();
        }
        // Starts from 25 h to 35 h ahead: email due 1 h to 11 h from now.
        for (int i = 0; i < reminderCount; ++i) {
            domain::Appointment a;
            a.client.id = *domain::ObjectId::fromString(clients.at(i % clients.size()));
            a.provider.id = provider.id();
            a.startTime = seededAt.addSecs(25 * 3600 + qint64(i % 600) * 60);
            a.endTime = a.startTime.addSecs(50 * 60);
            a.duration = 50;
            a.reminderSettings.sms.enabled = false;
            QJsonObject doc = a.toJson({domain::ReferenceForm::IdsOnly});
            practice.stamp(doc, provider.id().toString(), 0);
            if (!practice.records().put(storage::RecordKind::Appointment, doc))
                state.SkipWithError("cannot add an appointment");
        }
        reminders::ReminderSettings settings;
        settings.smtpHost = u"127.0.0.1"_s;
        settings.smtpPort = g_smtpPort;
        settings.smtpFrom = u"reminders@bench.practice"_s;
        settings.practiceName = u"Bench Practice"_s;
        settings.publicBaseUrl = u"https://scheduler.bench.practice"_s;
        if (!practice.records().setSetting(u"reminders"_s, settings.toStored(sealer)))
            state.SkipWithError("cannot store the settings");
        if (!tx.commit())
            state.SkipWithError("cannot commit the seed");
    }
    auto key = reminders::ConfirmationKey::openOrCreate(s.dir.filePath(u"confirm.key"_s));
    if (!key) {
        state.SkipWithError("cannot create the confirmation key");
        return;
    }
    s.writer = std::make_unique<server::ServerAppointmentWriter>(practice);
    s.sender = std::make_unique<reminders::ReminderSender>(practice.db(), practice.records(), clock,
                                                           sealer, std::move(*key), *s.writer);
    // Reads the change feed: 10,000 pending reminders, none due yet.
    const auto first = s.sender->runOnce();
    if (!first || first->sent != 0)
        state.SkipWithError("reminders went out before they were due");
}

void BM_DrainReminders(benchmark::State& state) {
    ManualClock clock(seededAt);
    int sent = 0;
    for (auto _ : state) {
        state.PauseTiming();
        Seeded s;
        seed(s, clock, state);
        clock.set(seededAt.addSecs(12 * 3600)); // every reminder due
        state.ResumeTiming();
        const auto drained = s.sender->runOnce();
        state.PauseTiming();
        if (!drained || drained->sent != reminderCount || drained->failed != 0)
            state.SkipWithError("not every reminder was sent");
        else
            sent += drained->sent;
        s.sender.reset();
        s.writer.reset();
        s.practice.reset();
        state.ResumeTiming();
    }
    state.counters["messages/s"] = benchmark::Counter(sent, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DrainReminders)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        g_smtpPort = probe.serverPort();
    }
    QProcess smtp;
    smtp.setProgram(QStringLiteral(MSS_PYTHON));
    smtp.setArguments({u"-m"_s, u"aiosmtpd"_s, u"-n"_s, u"-l"_s, u"127.0.0.1:%1"_s.arg(g_smtpPort),
                       u"-c"_s, u"aiosmtpd.handlers.Sink"_s});
    smtp.setProcessChannelMode(QProcess::ForwardedChannels);
    smtp.start();
    bool up = false;
    for (int i = 0; i < 100 && !up; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, g_smtpPort);
        up = probe.waitForConnected(200);
        if (!up)
            QThread::msleep(100);
    }
    if (!up) {
        fprintf(stderr, "aiosmtpd did not start (python3-aiosmtpd)\n");
        return 2;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    smtp.terminate();
    smtp.waitForFinished(5000);
    return 0;
}
