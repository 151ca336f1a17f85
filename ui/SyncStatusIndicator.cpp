#include "ui/SyncStatusIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>

namespace mss::ui {

SyncStatusIndicator::SyncStatusIndicator(QWidget* parent)
    : QWidget(parent) {
    setAccessibleName(tr("Connection status"));
    refresh();
}

void SyncStatusIndicator::setState(SyncState state) {
    m_state = state;
    refresh();
}

void SyncStatusIndicator::setPendingChanges(int count) {
    m_pending = std::max(0, count);
    refresh();
}

void SyncStatusIndicator::setConflictCount(int count) {
    m_conflicts = std::max(0, count);
    refresh();
}

QString SyncStatusIndicator::text() const {
    return m_text;
}

QColor SyncStatusIndicator::dotColour() const {
    if (m_conflicts > 0)
        return {0xd9, 0x30, 0x25};
    switch (m_state) {
    case SyncState::Online:
        return {0x1e, 0x8e, 0x3e};
    case SyncState::Offline:
        return {0x9c, 0xa3, 0xaf};
    case SyncState::Syncing:
        return {0x1a, 0x5f, 0xb4};
    case SyncState::Failing:
        return {0xc7, 0x7c, 0x02};
    }
    return Qt::gray;
}

void SyncStatusIndicator::refresh() {
    QString state;
    switch (m_state) {
    case SyncState::Online:
        state = m_pending == 0 ? tr("Online \u00b7 all changes saved")
                               : tr("Online \u00b7 %n change(s) to send", nullptr, m_pending);
        break;
    case SyncState::Offline:
        state = m_pending == 0 ? tr("Offline")
                               : tr("Offline \u00b7 %n change(s) waiting", nullptr, m_pending);
        break;
    case SyncState::Syncing:
        state = m_pending == 0 ? tr("Syncing\u2026")
                               : tr("Syncing %n change(s)\u2026", nullptr, m_pending);
        break;
    case SyncState::Failing:
        state = tr("Server not answering \u00b7 %n change(s) waiting", nullptr, m_pending);
        break;
    }
    if (m_conflicts > 0)
        state += QStringLiteral(" \u00b7 ") + tr("%n conflict(s) to resolve", nullptr, m_conflicts);
    m_text = state;
    setToolTip(m_conflicts > 0 ? tr("Click to resolve the conflicts") : QString());
    setCursor(m_conflicts > 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    updateGeometry();
    update();
}

QSize SyncStatusIndicator::sizeHint() const {
    return {fontMetrics().horizontalAdvance(m_text) + 26, fontMetrics().height() + 6};
}

void SyncStatusIndicator::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const double d = 10;
    const QRectF dot(4, (height() - d) / 2, d, d);
    p.setPen(Qt::NoPen);
    p.setBrush(dotColour());
    p.drawEllipse(dot);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(dot.right() + 6, 0, width() - dot.right() - 6, height()),
               Qt::AlignLeft | Qt::AlignVCenter, m_text);
}

void SyncStatusIndicator::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_conflicts > 0)
        emit conflictsClicked();
}

OfflineBanner::OfflineBanner(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry now"), this)) {
    setAttribute(Qt::WA_StyledBackground);
    setObjectName(QStringLiteral("offlineBanner"));
    setStyleSheet(QStringLiteral("#offlineBanner { background: #fff6e0;"
                                 " border-bottom: 1px solid #f3d58a; }"
                                 " QLabel { color: #7a4b00; }"));
    m_label->setWordWrap(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &OfflineBanner::retryRequested);
    setVisible(false);
    refresh();
}

void OfflineBanner::setOffline(bool offline) {
    setVisible(offline);
}

void OfflineBanner::setTrying(bool trying) {
    m_trying = trying;
    m_retry->setEnabled(!trying);
    m_retry->setText(trying ? tr("Trying\u2026") : tr("&Retry now"));
    refresh();
}

void OfflineBanner::setLastTry(const QString& when, bool reached) {
    m_lastTry = reached ? tr("Tried at %1: connected.").arg(when)
                        : tr("Tried at %1: the server did not answer.").arg(when);
    refresh();
}

void OfflineBanner::setPendingChanges(int count) {
    m_pending = std::max(0, count);
    refresh();
}

QString OfflineBanner::text() const {
    return m_label->text();
}

void OfflineBanner::refresh() {
    QString text = tr("You are offline. Bookings and changes are kept on this computer and "
                      "sent to the server when the connection returns; other desks do not "
                      "see them until then.");
    if (m_pending > 0)
        text += QLatin1Char(' ') + tr("%n change(s) waiting.", nullptr, m_pending);
    if (m_trying)
        text += QLatin1Char('\n') + tr("Trying to reach the server\u2026");
    else if (!m_lastTry.isEmpty())
        text += QLatin1Char('\n') + m_lastTry;
    m_label->setText(text);
}

} // namespace mss::ui
