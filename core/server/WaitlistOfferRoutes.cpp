// The public page of a waitlist offer (docs/waitlist.md, "The offer"):
// GET shows the offered time with Accept and Decline buttons and changes
// nothing (mail programs fetch links to scan them); POST answers. The
// signed token is the authority and the only thing in the URL. The pages
// are small server-rendered HTML in the client's language.
#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "domain/WaitlistEntry.h"
#include "reminders/ReminderScheduler.h"
#include "server/Booking.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"
#include "server/WaitlistOffers.h"

#include <QLocale>
#include <QSqlQuery>
#include <QUrlQuery>

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::WaitlistStatus;
using storage::RecordKind;

namespace {

// The page's words, English and Spanish.
struct Words {
    const char16_t* en;
    const char16_t* es;
};
constexpr Words offerTitle{u"A time has opened up", u"Se ha liberado una hora"};
constexpr Words offerText{u"%1 at %2 with %3 (%4). We are holding it for you until %5.",
                          u"El %1 a las %2 con %3 (%4). Se la reservamos hasta las %5."};
constexpr Words acceptButton{u"Book this time", u"Reservar esta hora"};
constexpr Words declineButton{u"I do not want it", u"No la quiero"};
constexpr Words bookedTitle{u"Booked", u"Reservada"};
constexpr Words bookedText{u"Your appointment is booked for %1 at %2 with %3.",
                           u"Su cita queda reservada el %1 a las %2 con %3."};
constexpr Words bookedPlain{u"Your appointment is booked.", u"Su cita está reservada."};
constexpr Words declinedTitle{u"Thank you for telling us", u"Gracias por avisarnos"};
constexpr Words declinedText{
    u"We will offer the time to someone else. You stay on the waitlist.",
    u"Ofreceremos la hora a otra persona. Usted sigue en la lista de espera."};
constexpr Words takenTitle{u"Already taken", u"Ya no está disponible"};
constexpr Words takenText{
    u"Sorry, this time has already been taken or is no longer held for you. You stay on the "
    "waitlist.",
    u"Lo sentimos, esta hora ya está ocupada o ya no se le reserva. Usted sigue en la lista de "
    "espera."};
constexpr Words invalidTitle{u"Link not valid", u"Enlace no válido"};
constexpr Words invalidText{u"This link is not valid. Please call the practice.",
                            u"Este enlace no es válido. Por favor, llame a la consulta."};
constexpr Words busyTitle{u"Please try again", u"Inténtelo de nuevo"};
constexpr Words busyText{u"Please try again in a moment.",
                         u"Por favor, inténtelo de nuevo en un momento."};

struct Page {
    bool es = false;
    QString say(const Words& w) const { return QString::fromUtf16(es ? w.es : w.en); }
};

ApiResponse html(int status, const Page& page, const QString& title, const QString& text,
                 const QString& form = {}) {
    ApiResponse r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.page =
        (u"<!doctype html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"referrer\" content=\"no-referrer\"><title>%2</title>"
         "<style>body{font-family:sans-serif;max-width:32em;margin:1em auto;padding:0 1em;"
         "line-height:1.5}button{font-size:1.1em;padding:.7em 1.2em;margin:.4em .4em .4em 0;"
         "min-width:44px;min-height:44px}</style></head>"
         "<body><main><h1>%2</h1><p>%3</p>%4</main></body></html>\n"_s)
            .arg(page.es ? u"es"_s : u"en"_s, title.toHtmlEscaped(), text.toHtmlEscaped(), form)
            .toUtf8();
    r.withHeader("Cache-Control", "no-store");
    return r;
}

ApiResponse say(int status, const Page& page, const Words& title, const Words& text) {
    return html(status, page, page.say(title), page.say(text));
}

// One offer as stored.
struct Offer {
    QString id, entry, client, provider;
    qint64 start = 0, end = 0, heldUntil = 0;
    OfferState state = OfferState::ToSend;
    QString slot;
};

QDateTime utcMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

struct Found {
    Offer offer;
    Page page;
};

// The offer the token names, and the page in its client's language. Before
// the token is read, the browser's language decides.
std::expected<Found, ApiResponse> findOffer(RequestContext& ctx) {
    Page page;
    page.es = ctx.request().header("accept-language").trimmed().toLower().startsWith("es");
    auto* scheduler = ctx.practice().reminders();
    if (!scheduler)
        return std::unexpected(say(503, page, busyTitle, busyText));
    const auto claim = scheduler->key().verify(ctx.param(u"token"_s), ctx.practice().clock().now());
    if (!claim) {
        // A link whose slot has started reads as taken: nothing to book.
        return std::unexpected(claim.error() == reminders::ConfirmationKey::Refusal::Expired
                                   ? say(410, page, takenTitle, takenText)
                                   : say(400, page, invalidTitle, invalidText));
    }
    if (claim->action != reminders::ConfirmAction::Offer)
        return std::unexpected(say(400, page, invalidTitle, invalidText));
    QSqlQuery& q = ctx.practice().db().prepare(
        u"SELECT id, entry, client, provider, start_ms, end_ms, held_until_ms, state, slot "
        "FROM waitlist_offers WHERE id = ?"_s);
    q.addBindValue(claim->appointmentId);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(say(500, page, busyTitle, busyText));
    if (!q.next()) {
        q.finish();
        return std::unexpected(say(404, page, invalidTitle, invalidText));
    }
    Found f{{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
             q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toLongLong(),
             q.value(6).toLongLong(), OfferState(q.value(7).toInt()), q.value(8).toString()},
            page};
    q.finish();
    const auto client = ctx.records().get(RecordKind::Client, f.offer.client);
    if (client && *client)
        f.page.es = (**client).doc.value("preferredLanguage"_L1).toString() == "es"_L1;
    return f;
}

// "Tuesday, March 5", "10:00 AM", the provider's name, in the page's language.
struct When {
    QString date, time, provider, location, heldUntil;
};

When describe(RequestContext& ctx, const Offer& o, const Page& page, const QString& location) {
    const QTimeZone zone = ctx.practice().timeZone();
    const QLocale locale(page.es ? QLocale::Spanish : QLocale::English,
                         page.es ? QLocale::Spain : QLocale::UnitedStates);
    const QString timeFormat = page.es ? u"HH:mm"_s : u"h:mm AP"_s;
    const QDateTime start = utcMs(o.start).toTimeZone(zone);
    const QDateTime held = utcMs(o.heldUntil).toTimeZone(zone);
    When w;
    w.date = locale.toString(start.date(), page.es ? u"dddd d 'de' MMMM"_s : u"dddd, MMMM d"_s);
    w.time = locale.toString(start.time(), timeFormat);
    w.heldUntil = locale.toString(held.time(), timeFormat);
    if (held.date() != start.date())
        w.heldUntil +=
            u' ' + locale.toString(held.date(), page.es ? u"d 'de' MMMM"_s : u"MMMM d"_s);
    const auto staff = ctx.records().get(RecordKind::Staff, o.provider);
    if (staff && *staff)
        w.provider = QString((**staff).doc.value("firstName"_L1).toString() + u' ' +
                             (**staff).doc.value("lastName"_L1).toString())
                         .trimmed();
    w.location = location;
    return w;
}

std::optional<domain::WaitlistEntry> entryOf(RequestContext& ctx, const Offer& o,
                                             storage::StoredRecord* stored = nullptr) {
    const auto record = ctx.records().get(RecordKind::WaitlistEntry, o.entry);
    if (!record || !*record)
        return std::nullopt;
    if (stored)
        *stored = **record;
    auto e = domain::WaitlistEntry::fromJson((**record).doc, domain::DecodeMode::TypesOnly);
    return e ? std::optional(*e) : std::nullopt;
}

bool stillHeld(RequestContext& ctx, const Offer& o, const domain::WaitlistEntry& e) {
    // Out to the client: a message may arrive before its send is recorded.
    const bool out = o.state == OfferState::ToSend || o.state == OfferState::Claimed ||
                     o.state == OfferState::Sent;
    return out && o.heldUntil > ctx.practice().clock().now().toMSecsSinceEpoch() &&
           e.holdsSlotAt(ctx.practice().clock().now()) && e.offer &&
           e.offer->startTime.toMSecsSinceEpoch() == o.start &&
           e.offer->provider.toString() == o.provider;
}

// The page of an offer already answered, or no longer held.
ApiResponse settledPage(const Offer& o, const Page& page) {
    if (o.state == OfferState::Accepted)
        return say(200, page, bookedTitle, bookedPlain);
    if (o.state == OfferState::Declined)
        return say(200, page, declinedTitle, declinedText);
    return say(409, page, takenTitle, takenText);
}

ApiResponse showOffer(RequestContext& ctx) {
    auto found = findOffer(ctx);
    if (!found)
        return found.error();
    const auto& [o, page] = *found;
    const auto entry = entryOf(ctx, o);
    if (!entry || !stillHeld(ctx, o, *entry)) {
        if (o.state == OfferState::Accepted && entry) {
            const When w = describe(ctx, o, page, domain::toWire(entry->location));
            return html(200, page, page.say(bookedTitle),
                        QString::fromUtf16(page.es ? bookedText.es : bookedText.en)
                            .arg(w.date, w.time, w.provider));
        }
        return settledPage(o, page);
    }
    const When w = describe(ctx, o, page, domain::toWire(entry->location));
    const QString text = QString::fromUtf16(page.es ? offerText.es : offerText.en)
                             .arg(w.date, w.time, w.provider, w.location, w.heldUntil);
    // The form posts to this same address; the answer is the button's.
    const QString form =
        u"<form method=\"post\"><button type=\"submit\" name=\"answer\" value=\"accept\">%1"
        "</button><button type=\"submit\" name=\"answer\" value=\"decline\">%2</button></form>"_s
            .arg(page.say(acceptButton).toHtmlEscaped(), page.say(declineButton).toHtmlEscaped());
    return html(200, page, page.say(offerTitle), text, form);
}

ApiResponse answerOffer(RequestContext& ctx) {
    auto found = findOffer(ctx);
    if (!found)
        return found.error();
    const auto& [o, page] = *found;
    const QUrlQuery form(QString::fromUtf8(ctx.request().body).replace(u'+', u' '));
    const QString answer = form.queryItemValue(u"answer"_s, QUrl::FullyDecoded);
    if (answer != "accept"_L1 && answer != "decline"_L1)
        return say(400, page, invalidTitle, invalidText);
    storage::StoredRecord stored;
    const auto entry = entryOf(ctx, o, &stored);
    if (!entry || !stillHeld(ctx, o, *entry)) {
        if (o.state == OfferState::Accepted && entry && answer == "accept"_L1) {
            const When w = describe(ctx, o, page, domain::toWire(entry->location));
            return html(200, page, page.say(bookedTitle),
                        QString::fromUtf16(page.es ? bookedText.es : bookedText.en)
                            .arg(w.date, w.time, w.provider));
        }
        return settledPage(o, page);
    }
    auto& db = ctx.practice().db();
    const auto setStates = [&](OfferState offer, SlotState slot,
                               const QString& appointment) -> bool {
        QSqlQuery& q =
            db.prepare(u"UPDATE waitlist_offers SET state = ?, appointment = ? WHERE id = ?"_s);
        q.addBindValue(int(offer));
        q.addBindValue(appointment.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                             : QVariant(appointment));
        q.addBindValue(o.id);
        if (!storage::Database::run(q))
            return false;
        QSqlQuery& s = db.prepare(u"UPDATE freed_slots SET state = ? WHERE id = ?"_s);
        s.addBindValue(int(slot));
        s.addBindValue(o.slot);
        return storage::Database::run(s).has_value();
    };
    QJsonObject doc = stored.doc;
    if (answer == "decline"_L1) {
        // The time passes to the next entry; this one waits for another.
        doc.insert("status"_L1, toWire(WaitlistStatus::Waiting));
        doc.insert("offer"_L1, QJsonValue::Null);
        if (!saveRecord(ctx, RecordKind::WaitlistEntry, doc, &stored, u"waitlist.offerDecline"_s) ||
            !setStates(OfferState::Declined, SlotState::Open, {}))
            return say(500, page, busyTitle, busyText);
        if (auto* scheduler = ctx.practice().reminders())
            scheduler->poke();
        return say(200, page, declinedTitle, declinedText);
    }

    // Accept: the ordinary booking, with its checks, in this request's
    // transaction; a booking or another hold over the time since makes it
    // "already taken".
    const QJsonObject body{
        {"_id"_L1, domain::ObjectId::generate(ctx.practice().clock()).toString()},
        {"client"_L1, entry->client.id.toString()},
        {"provider"_L1, o.provider},
        {"startTime"_L1, toWireTime(utcMs(o.start))},
        {"endTime"_L1, toWireTime(utcMs(o.end))},
        {"appointmentType"_L1, domain::toWire(entry->appointmentType)},
        {"location"_L1, domain::toWire(entry->location)}};
    const auto appointment = domain::Appointment::fromJson(body, domain::DecodeMode::Validate);
    if (!appointment)
        return say(409, page, takenTitle, takenText);
    if (!checkBooking(ctx, *appointment, false))
        return say(409, page, takenTitle, takenText);
    const QString id = appointment->id().toString();
    if (!saveRecord(ctx, RecordKind::Appointment,
                    appointment->toJson({domain::ReferenceForm::IdsOnly}), nullptr,
                    u"appointment.create"_s))
        return ctx.refusedOverlap() ? say(409, page, takenTitle, takenText)
                                    : say(500, page, busyTitle, busyText);
    doc.insert("status"_L1, toWire(WaitlistStatus::Booked));
    doc.insert("offer"_L1, QJsonValue::Null);
    doc.insert("bookedAppointment"_L1, id);
    if (!saveRecord(ctx, RecordKind::WaitlistEntry, doc, &stored, u"waitlist.offerAccept"_s) ||
        !setStates(OfferState::Accepted, SlotState::Done, id))
        return say(500, page, busyTitle, busyText);
    const When w = describe(ctx, o, page, domain::toWire(entry->location));
    return html(200, page, page.say(bookedTitle),
                QString::fromUtf16(page.es ? bookedText.es : bookedText.en)
                    .arg(w.date, w.time, w.provider));
}

} // namespace

void addWaitlistOfferRoutes(Router& router) {
    router.add(Method::Get, u"/api/v1/public/offer/:token"_s, std::nullopt, showOffer);
    router.add(Method::Post, u"/api/v1/public/offer/:token"_s, std::nullopt, answerOffer);
}

} // namespace mss::server
