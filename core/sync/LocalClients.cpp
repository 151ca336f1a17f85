#include "sync/LocalClients.h"

#include "base/CalendarDate.h"
#include "domain/PhoneNumber.h"
#include "sync/CacheFailure.h"
#include "sync/ClientNameIndex.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

namespace mss::sync {

using namespace Qt::StringLiterals;
using domain::Client;

namespace {

// A date of birth as a date, whichever form it was written in.
std::optional<QDate> birthDate(const std::optional<QString>& written) {
    if (!written || written->isEmpty())
        return std::nullopt;
    const QDateTime instant = fromWireDate(*written);
    if (!instant.isValid())
        return std::nullopt;
    return calendarDate(instant, QTimeZone::utc());
}

// A cached number as it may have been stored before numbers were
// normalised: compared in E.164 when it reads as one, else by its digits.
QString comparablePhone(const QString& phone, const QString& region) {
    if (auto e164 = domain::PhoneNumber::normalised(phone, region))
        return *e164;
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits += c;
    }
    return digits;
}

} // namespace

LocalClients::LocalClients(LocalCache& cache, const Clock& clock)
    : m_cache(cache)
    , m_clock(clock)
    , m_region(QString::fromLatin1(domain::PhoneNumber::defaultRegion)) {}

Checked<Client> LocalClients::prepared(Client c) const {
    Errors errors;
    c.firstName = c.firstName.simplified();
    c.lastName = c.lastName.simplified();
    if (c.firstName.isEmpty())
        errors.append({ErrorCode::Required, u"firstName"_s,
                       QCoreApplication::translate("LocalClients", "A first name is needed.")});
    if (c.lastName.isEmpty())
        errors.append({ErrorCode::Required, u"lastName"_s,
                       QCoreApplication::translate("LocalClients", "A last name is needed.")});
    if (c.phone && !c.phone->trimmed().isEmpty()) {
        auto e164 = domain::PhoneNumber::normalised(*c.phone, m_region);
        if (e164)
            c.phone = *e164;
        else
            errors.append(e164.error());
    } else {
        c.phone.reset();
    }
    if (c.email && !c.email->trimmed().isEmpty()) {
        // Only the shape: whether it is read is the reminders' concern.
        static const QRegularExpression shape(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
        c.email = c.email->trimmed().toLower();
        if (!shape.match(*c.email).hasMatch())
            errors.append(
                {ErrorCode::UnknownValue, u"email"_s,
                 QCoreApplication::translate("LocalClients", "%1 is not an email address.")
                     .arg(*c.email)});
    } else {
        c.email.reset();
    }
    if (c.dateOfBirth && !c.dateOfBirth->isEmpty()) {
        const auto born = birthDate(c.dateOfBirth);
        const QDate today = m_clock.now().date();
        if (!born || *born > today || born->year() < 1900)
            errors.append({ErrorCode::OutOfRange, u"dateOfBirth"_s,
                           QCoreApplication::translate("LocalClients",
                                                       "The date of birth is not a past date.")});
        else
            c.dateOfBirth = born->toString(Qt::ISODate);
    } else {
        c.dateOfBirth.reset();
    }
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return c;
}

Checked<QList<ClientMatch>> LocalClients::matchesOf(const Client& client) {
    const auto cached = m_cache.clients();
    if (!cached)
        return std::unexpected(cacheFailure(cached.error()));
    const QStringList name = nameWords(client.firstName + u' ' + client.lastName);
    const auto born = birthDate(client.dateOfBirth);
    QList<ClientMatch> out;
    for (const Client& other : *cached) {
        if (other.id() == client.id())
            continue;
        ClientMatch match{other, {}};
        if (born && birthDate(other.dateOfBirth) == born &&
            nameWords(other.firstName + u' ' + other.lastName) == name)
            match.reasons << QCoreApplication::translate("LocalClients",
                                                         "the same name and date of birth");
        if (client.phone && other.phone &&
            comparablePhone(*other.phone, m_region) == comparablePhone(*client.phone, m_region))
            match.reasons << QCoreApplication::translate("LocalClients", "the same phone number");
        if (client.email && other.email &&
            other.email->trimmed().compare(*client.email, Qt::CaseInsensitive) == 0)
            match.reasons << QCoreApplication::translate("LocalClients", "the same email");
        if (!match.reasons.isEmpty())
            out.append(match);
    }
    return out;
}

Checked<Client> LocalClients::create(Client draft) {
    if (m_role && !domain::allows(*m_role, domain::Permission::WriteClients, m_grants)) {
        const QString role = domain::toWire(*m_role).toLower().replace(u'_', u' ');
        return std::unexpected(Errors{
            {ErrorCode::OutOfRange, u"role"_s,
             QCoreApplication::translate("LocalClients", "Your role (%1) may not add clients.")
                 .arg(role)}});
    }
    auto c = prepared(std::move(draft));
    if (!c)
        return c;
    c->meta.id = domain::ObjectId::generate(m_clock);
    c->meta.createdAt = m_clock.now();
    c->meta.updatedAt = m_clock.now();
    c->meta.version = 0; // the server's version once it confirms
    OutboxEntry entry;
    entry.kind = storage::RecordKind::Client;
    entry.recordId = c->id().toString();
    entry.method = u"POST"_s;
    entry.path = u"/clients"_s;
    entry.body = c->toJson({.references = domain::ReferenceForm::IdsOnly});
    entry.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    entry.summary = QCoreApplication::translate("LocalClients", "New client");
    storage::WriteTransaction tx(m_cache.db());
    if (!tx.isActive())
        return std::unexpected(cacheFailure(tx.beginError()));
    if (auto r = m_cache.put(storage::RecordKind::Client, c->toJson()); !r)
        return std::unexpected(cacheFailure(r.error()));
    if (auto r = m_cache.outbox().append(entry); !r)
        return std::unexpected(cacheFailure(r.error()));
    if (auto r = tx.commit(); !r)
        return std::unexpected(cacheFailure(r.error()));
    return c;
}

} // namespace mss::sync
