#pragma once

#include "domain/Enums.h"
#include "server/ApiResponse.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mss::server::fhir {

// FHIR R4 views of the practice's records (docs/fhir.md): how a wire
// document of /api/v1 becomes an Appointment, Practitioner, Patient,
// Schedule or Slot, and the Bundle and OperationOutcome around them. Pure
// functions of their input; who may see what is decided by the routes
// (FhirRoutes.cpp) before a document gets here.

inline constexpr const char* contentType = "application/fhir+json; charset=utf-8";
// R4 as first published, the version of the official JSON schema the tests
// check every answer against (4.0.1 changed no element served here).
inline constexpr const char* fhirVersion = "4.0.0";

// The FHIR Appointment.status of one of ours (Scheduled -> booked, ...).
QString appointmentStatus(domain::AppointmentStatus status);
// Our statuses that a FHIR status code stands for in a search (booked ->
// Scheduled, Confirmed); nullopt for a code that is not an
// Appointment.status of FHIR R4 at all. A FHIR status none of ours maps to
// (proposed, arrived, ...) gives an empty list.
std::optional<QList<domain::AppointmentStatus>> statusesOf(const QString& fhirStatus);
// The patient participant's status (accepted once confirmed or seen).
QString patientParticipation(const QJsonObject& appointment);

// The Appointment of a stored appointment document. `details`: the member
// may see what it is about (its client and type); without it the busy
// block's fields only, labelled REDACTED in meta.security.
QJsonObject appointment(const QJsonObject& doc, bool details);
QJsonObject practitioner(const QJsonObject& staff);
QJsonObject patient(const QJsonObject& client);
// The Schedule of a provider (a staff member): its id is the staff id.
QJsonObject schedule(const QJsonObject& staff);
// A free Slot of a provider's schedule; its id names the provider, the
// start and the length, so that it can be read back.
QJsonObject slot(const QString& provider, const QDateTime& start, int minutes);
QString slotId(const QString& provider, const QDateTime& start, int minutes);
struct SlotKey {
    QString provider;
    QDateTime start;
    int minutes = 0;
};
std::optional<SlotKey> parseSlotId(const QString& id);

// Whether a staff role keeps a schedule of clients (a provider).
bool isProviderRole(domain::StaffRole role);

QJsonObject capabilityStatement(const QString& base, const QString& version, const QDateTime& now);

// A searchset Bundle of `resources` under `base` ("http://host/fhir/R4"),
// with self/next/previous links built from `selfQuery`.
struct Page {
    QString type;      // "Appointment"
    QString selfQuery; // the search's own parameters, without _page and _count
    int page = 1;
    int count = 25;
    qint64 total = 0;
};
QJsonObject searchBundle(const QString& base, const Page& page, const QJsonArray& resources);

// The answer carrying a FHIR resource.
ApiResponse answer(const QJsonObject& resource, int status = 200);
// An OperationOutcome with one error issue: `code` is FHIR's issue type
// (invalid, not-found, forbidden, login, ...); `expression` names the
// search parameter or element at fault.
ApiResponse outcome(int status, const QString& code, const QString& message,
                    const QString& expression = {});
// The answer of the dispatcher (401, 403, 404, 405, 413, 500, ...) for a
// FHIR path: an envelope error becomes an OperationOutcome of the same
// status; a FHIR answer is left as it is.
ApiResponse asFhir(ApiResponse response);
bool isFhirPath(const QString& path);

} // namespace mss::server::fhir
