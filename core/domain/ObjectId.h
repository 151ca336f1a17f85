#pragma once

#include "base/Clock.h"

#include <QHashFunctions>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>

namespace mss::domain {

// A MongoDB-style ObjectId: 4 bytes of big-endian seconds since the epoch,
// 5 random bytes fixed per process, and a 3-byte counter. Records made on
// the client get one at once, so a create replayed after a crash or a lost
// response is still one record on the server.
class ObjectId {
public:
    ObjectId() = default; // the null id

    // 24 lowercase or uppercase hex digits; anything else is nullopt.
    static std::optional<ObjectId> fromString(QStringView text);
    // A new id stamped with the clock's current second.
    static ObjectId generate(const Clock& clock);

    bool isNull() const { return m_bytes == std::array<std::uint8_t, 12>{}; }
    // 24 lowercase hex digits, or an empty string for the null id.
    QString toString() const;
    // Seconds since the epoch written into the id.
    std::uint32_t timestamp() const;

    friend bool operator==(const ObjectId&, const ObjectId&) = default;
    friend auto operator<=>(const ObjectId&, const ObjectId&) = default;
    friend size_t qHash(const ObjectId& id, size_t seed = 0) noexcept {
        return qHashBits(id.m_bytes.data(), id.m_bytes.size(), seed);
    }

private:
    std::array<std::uint8_t, 12> m_bytes{};
};

} // namespace mss::domain

template <>
struct std::hash<mss::domain::ObjectId> {
    size_t operator()(const mss::domain::ObjectId& id) const noexcept { return qHash(id); }
};
