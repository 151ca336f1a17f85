#include "ui/CalendarModel.h"

#include "base/WallClock.h"
#include "domain/Limits.h"
#include "ui/AppointmentTypes.h"
#include "ui/LocalText.h"
#include "ui/ProviderColours.h"

#include <algorithm>

namespace mss::ui {

namespace {

bool startsBefore(const domain::Appointment& a, const domain::Appointment& b) {
    if (a.startTime != b.startTime)
        return a.startTime < b.startTime;
    return a.id() < b.id();
}

} // namespace

CalendarModel::CalendarModel(QObject* parent)
    : QAbstractListModel(parent) {}

void CalendarModel::setAppointments(QList<domain::Appointment> appointments) {
    std::sort(appointments.begin(), appointments.end(), startsBefore);
    beginResetModel();
    m_rows = std::move(appointments);
    endResetModel();
}

int CalendarModel::insertionRow(const domain::Appointment& appointment) const {
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), appointment, startsBefore) -
               m_rows.cbegin());
}

void CalendarModel::upsertAppointment(const domain::Appointment& appointment) {
    const int existing = rowOf(appointment.id());
    if (existing >= 0) {
        const bool staysInPlace = m_rows.at(existing).startTime == appointment.startTime;
        if (staysInPlace) {
            m_rows[existing] = appointment;
            emit dataChanged(index(existing), index(existing));
            return;
        }
        beginRemoveRows({}, existing, existing);
        m_rows.removeAt(existing);
        endRemoveRows();
    }
    const int row = insertionRow(appointment);
    beginInsertRows({}, row, row);
    m_rows.insert(row, appointment);
    endInsertRows();
}

void CalendarModel::removeAppointment(const domain::ObjectId& id) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void CalendarModel::setProviders(QList<domain::Staff> providers) {
    m_providers = std::move(providers);
    m_providerNames.clear();
    for (const auto& p : std::as_const(m_providers))
        m_providerNames.insert(p.id(), p.displayName());
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {ProviderNameRole, Qt::DisplayRole});
    emit decorationChanged();
}

void CalendarModel::setClients(QList<domain::Client> clients) {
    m_clients = std::move(clients);
    m_clientNames.clear();
    for (const auto& c : std::as_const(m_clients))
        m_clientNames.insert(c.id(), c.displayName());
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {ClientNameRole, Qt::DisplayRole});
    emit decorationChanged();
}

void CalendarModel::setAvailability(const domain::ObjectId& provider,
                                    QList<domain::ProviderAvailability> records) {
    m_availability.insert(provider, std::move(records));
    clearAvailabilityCache();
    emit decorationChanged();
}

void CalendarModel::setTimeZone(const QTimeZone& zone) {
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    clearAvailabilityCache();
    emit decorationChanged();
}

void CalendarModel::setUnsent(QSet<domain::ObjectId> ids) {
    if (ids == m_unsent)
        return;
    m_unsent = std::move(ids);
    emit decorationChanged();
}

void CalendarModel::setDetailsPolicy(std::function<bool(const domain::Appointment&)> policy) {
    m_detailsPolicy = std::move(policy);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1));
    emit decorationChanged();
}

bool CalendarModel::showsDetails(const domain::Appointment& appointment) const {
    return !m_detailsPolicy || m_detailsPolicy(appointment);
}

QString CalendarModel::titleOf(const domain::Appointment& appointment) const {
    return showsDetails(appointment) ? clientName(appointment.client) : tr("Busy");
}

void CalendarModel::clearAvailabilityCache() {
    m_resolved.clear();
}

std::optional<domain::Appointment> CalendarModel::appointment(const domain::ObjectId& id) const {
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return m_rows.at(row);
}

int CalendarModel::rowOf(const domain::ObjectId& id) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id() == id)
            return i;
    }
    return -1;
}

QList<int> CalendarModel::rowsBetween(const QDateTime& from, const QDateTime& to,
                                      const std::optional<domain::ObjectId>& provider) const {
    // Rows are sorted by start and no appointment is longer than the
    // maximum, so only rows starting in [from - max, to) can overlap.
    domain::Appointment probe;
    probe.startTime = from.addSecs(-qint64(domain::maxAppointmentMinutes) * 60);
    auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), probe, startsBefore);
    QList<int> out;
    for (; it != m_rows.cend() && it->startTime < to; ++it) {
        if (it->endTime <= from)
            continue;
        if (provider && it->provider.id != *provider)
            continue;
        out << int(it - m_rows.cbegin());
    }
    return out;
}

QColor CalendarModel::providerColour(const domain::ObjectId& id) const {
    for (qsizetype i = 0; i < m_providers.size(); ++i) {
        if (m_providers.at(i).id() == id)
            return ProviderColours::at(i);
    }
    return ProviderColours::at(-1);
}

QString CalendarModel::providerName(const domain::ObjectId& id) const {
    return m_providerNames.value(id, tr("Unknown provider"));
}

QString CalendarModel::clientName(const domain::Reference& client) const {
    if (const auto it = m_clientNames.constFind(client.id); it != m_clientNames.cend())
        return *it;
    const QString populated = client.displayName();
    return populated.isEmpty() ? tr("Client") : populated;
}

bool CalendarModel::hasAvailability(const domain::ObjectId& provider) const {
    return m_availability.contains(provider);
}

scheduling::ResolvedAvailability CalendarModel::availabilityOn(const domain::ObjectId& provider,
                                                               QDate day) const {
    const auto key = qMakePair(provider, day.toJulianDay());
    if (const auto it = m_resolved.constFind(key); it != m_resolved.cend())
        return *it;
    const auto records = m_availability.value(provider);
    auto resolved = scheduling::resolveAvailability(records, day, day, m_zone);
    m_resolved.insert(key, resolved);
    return resolved;
}

QString CalendarModel::timeOffNote(const domain::ObjectId& provider,
                                   const QDateTime& instant) const {
    const auto it = m_availability.constFind(provider);
    return it == m_availability.cend() ? QString() : scheduling::blockingNote(*it, instant, m_zone);
}

QString CalendarModel::describeConflict(const scheduling::Conflict& conflict) const {
    const QString when =
        QLocale().toString(localDate(conflict.time.startTime(), m_zone), u"ddd d MMM") +
        QLatin1Char(' ') +
        LocalText::span(conflict.time.startTime(), conflict.time.endTime(), m_zone);
    const QString why = conflict.reason == scheduling::ConflictReason::SameProvider
                            ? tr("same provider")
                            : tr("same client");
    const auto other = appointment(conflict.with);
    if (!other)
        return tr("Another appointment, %1 (%2)").arg(when, why);
    return describeConflict(conflict, *other);
}

QString CalendarModel::describeConflict(const scheduling::Conflict& conflict,
                                        const domain::Appointment& other) const {
    const QString when =
        QLocale().toString(localDate(conflict.time.startTime(), m_zone), u"ddd d MMM") +
        QLatin1Char(' ') +
        LocalText::span(conflict.time.startTime(), conflict.time.endTime(), m_zone);
    const QString why = conflict.reason == scheduling::ConflictReason::SameProvider
                            ? tr("same provider")
                            : tr("same client");
    if (!showsDetails(other))
        return tr("%1 with %2, %3 (%4)")
            .arg(tr("Busy"), providerName(other.provider.id), when, why);
    return tr("%1, %2 with %3, %4 (%5)")
        .arg(clientName(other.client), AppointmentTypes::name(other.appointmentType),
             providerName(other.provider.id), when, why);
}

int CalendarModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CalendarModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const domain::Appointment& a = m_rows.at(index.row());
    if (!showsDetails(a)) {
        // Time and provider only: enough to keep the slot, nothing more.
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case ClientNameRole:
            return tr("Busy");
        case ClientIdRole:
        case SeriesIdRole:
            return QString();
        case TypeRole:
            return static_cast<int>(domain::AppointmentType::Other);
        case Qt::DecorationRole:
        case TypeColourRole:
            return AppointmentTypes::colour(domain::AppointmentType::Other);
        default:
            break;
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 - %2").arg(clientName(a.client), AppointmentTypes::name(a.appointmentType));
    case Qt::ToolTipRole: {
        QString tip = tr("%1\n%2 with %3\n%4")
                          .arg(clientName(a.client), AppointmentTypes::name(a.appointmentType),
                               providerName(a.provider.id), AppointmentTypes::name(a.status));
        if (a.confirmationStatus != domain::ConfirmationStatus::NotSent)
            tip += u'\n' + AppointmentTypes::name(a.confirmationStatus);
        if (m_unsent.contains(a.id()))
            tip += u'\n' + tr("Not yet sent to the server");
        return tip;
    }
    case Qt::DecorationRole:
    case TypeColourRole:
        return AppointmentTypes::colour(a.appointmentType);
    case IdRole:
        return a.id().toString();
    case StartRole:
        return a.startTime;
    case EndRole:
        return a.endTime;
    case ProviderIdRole:
        return a.provider.id.toString();
    case ProviderNameRole:
        return providerName(a.provider.id);
    case ClientIdRole:
        return a.client.id.toString();
    case ClientNameRole:
        return clientName(a.client);
    case TypeRole:
        return static_cast<int>(a.appointmentType);
    case StatusRole:
        return static_cast<int>(a.status);
    case ConfirmationRole:
        return static_cast<int>(a.confirmationStatus);
    case LocationRole:
        return static_cast<int>(a.location);
    case SeriesIdRole:
        return a.recurringAppointment ? a.recurringAppointment->toString() : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> CalendarModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(StartRole, "start");
    names.insert(EndRole, "end");
    names.insert(ProviderIdRole, "providerId");
    names.insert(ProviderNameRole, "providerName");
    names.insert(ClientIdRole, "clientId");
    names.insert(ClientNameRole, "clientName");
    names.insert(TypeRole, "appointmentType");
    names.insert(StatusRole, "status");
    names.insert(ConfirmationRole, "confirmationStatus");
    names.insert(LocationRole, "location");
    names.insert(TypeColourRole, "typeColour");
    names.insert(SeriesIdRole, "seriesId");
    return names;
}

void CalendarModel::setHolds(QList<HeldSlot> holds) {
    if (holds == m_holds)
        return;
    m_holds = std::move(holds);
    emit decorationChanged();
}

} // namespace mss::ui
