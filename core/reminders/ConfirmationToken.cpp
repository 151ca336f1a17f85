#include "reminders/ConfirmationToken.h"

#include "base/KeyFile.h"

#include <QtEndian>

#include <sodium.h>

namespace mss::reminders {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype idBytes = 12; // an ObjectId
constexpr qsizetype payloadBytes = idBytes + 1 + 8;
constexpr qsizetype macBytes = crypto_auth_hmacsha256_BYTES;

const auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

Result<ConfirmationKey> ConfirmationKey::openOrCreate(const QString& keyFile) {
    if (sodium_init() < 0)
        return std::unexpected(Error{ErrorCode::Unavailable, {}, u"libsodium cannot start"_s});
    auto bytes = openOrCreateKeyFile(keyFile, crypto_auth_hmacsha256_KEYBYTES, [] {
        QByteArray fresh(crypto_auth_hmacsha256_KEYBYTES, Qt::Uninitialized);
        crypto_auth_hmacsha256_keygen(reinterpret_cast<unsigned char*>(fresh.data()));
        return fresh;
    });
    if (!bytes)
        return std::unexpected(bytes.error());
    ConfirmationKey key;
    key.m_key = std::move(*bytes);
    return key;
}

QString ConfirmationKey::issue(const QString& appointmentId, ConfirmAction action,
                               const QDateTime& expires) const {
    QByteArray payload = QByteArray::fromHex(appointmentId.toLatin1());
    payload.append(action == ConfirmAction::Confirm   ? 'C'
                   : action == ConfirmAction::Decline ? 'D'
                                                      : 'O');
    char expiry[8];
    qToBigEndian<qint64>(expires.toSecsSinceEpoch(), expiry);
    payload.append(expiry, 8);
    QByteArray mac(macBytes, Qt::Uninitialized);
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                           reinterpret_cast<const unsigned char*>(payload.constData()),
                           quint64(payload.size()),
                           reinterpret_cast<const unsigned char*>(m_key.constData()));
    return QString::fromLatin1(QByteArray(payload + mac).toBase64(base64url));
}

std::expected<ConfirmationKey::Claim, ConfirmationKey::Refusal>
ConfirmationKey::verify(const QString& token, const QDateTime& now) const {
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != payloadBytes + macBytes)
        return std::unexpected(Refusal::Forged);
    const QByteArray& raw = decoded.decoded;
    if (crypto_auth_hmacsha256_verify(
            reinterpret_cast<const unsigned char*>(raw.constData() + payloadBytes),
            reinterpret_cast<const unsigned char*>(raw.constData()), quint64(payloadBytes),
            reinterpret_cast<const unsigned char*>(m_key.constData())) != 0)
        return std::unexpected(Refusal::Forged);
    const char action = raw.at(idBytes);
    if (action != 'C' && action != 'D' && action != 'O')
        return std::unexpected(Refusal::Forged);
    const qint64 expiry = qFromBigEndian<qint64>(raw.constData() + idBytes + 1);
    if (now.toSecsSinceEpoch() > expiry)
        return std::unexpected(Refusal::Expired);
    return Claim{QString::fromLatin1(raw.left(idBytes).toHex()),
                 action == 'C'   ? ConfirmAction::Confirm
                 : action == 'D' ? ConfirmAction::Decline
                                 : ConfirmAction::Offer};
}

} // namespace mss::reminders
