#include "domain/ObjectId.h"

#include <QRandomGenerator>

#include <atomic>

namespace mss::domain {

namespace {

int hexValue(QChar c) {
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

struct ProcessPart {
    std::array<std::uint8_t, 5> random{};
    std::atomic<std::uint32_t> counter{0};
    ProcessPart() {
        auto* gen = QRandomGenerator::system();
        for (auto& b : random)
            b = static_cast<std::uint8_t>(gen->bounded(256));
        counter = gen->generate() & 0xFFFFFFu;
    }
};

ProcessPart& processPart() {
    static ProcessPart part;
    return part;
}

} // namespace

std::optional<ObjectId> ObjectId::fromString(QStringView text) {
    if (text.size() != 24)
        return std::nullopt;
    ObjectId id;
    for (qsizetype i = 0; i < 12; ++i) {
        const int hi = hexValue(text[2 * i]);
        const int lo = hexValue(text[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        id.m_bytes[size_t(i)] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return id;
}

ObjectId ObjectId::generate(const Clock& clock) {
    ProcessPart& part = processPart();
    const auto seconds = static_cast<std::uint32_t>(clock.now().toSecsSinceEpoch());
    const std::uint32_t count = part.counter.fetch_add(1, std::memory_order_relaxed);
    ObjectId id;
    id.m_bytes[0] = static_cast<std::uint8_t>(seconds >> 24);
    id.m_bytes[1] = static_cast<std::uint8_t>(seconds >> 16);
    id.m_bytes[2] = static_cast<std::uint8_t>(seconds >> 8);
    id.m_bytes[3] = static_cast<std::uint8_t>(seconds);
    for (size_t i = 0; i < part.random.size(); ++i)
        id.m_bytes[4 + i] = part.random[i];
    id.m_bytes[9] = static_cast<std::uint8_t>(count >> 16);
    id.m_bytes[10] = static_cast<std::uint8_t>(count >> 8);
    id.m_bytes[11] = static_cast<std::uint8_t>(count);
    return id;
}

QString ObjectId::toString() const {
    if (isNull())
        return {};
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString out(24, Qt::Uninitialized);
    QChar* p = out.data();
    for (const std::uint8_t b : m_bytes) {
        *p++ = QChar(digits[b >> 4]);
        *p++ = QChar(digits[b & 0xF]);
    }
    return out;
}

std::uint32_t ObjectId::timestamp() const {
    return std::uint32_t(m_bytes[0]) << 24 | std::uint32_t(m_bytes[1]) << 16 |
           std::uint32_t(m_bytes[2]) << 8 | std::uint32_t(m_bytes[3]);
}

} // namespace mss::domain
