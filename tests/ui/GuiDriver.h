#pragma once

// Mouse gestures as a person makes them: press, a few moves with the
// button held, release. QTest has no drag, and its mouseMove moves the
// cursor rather than sending the event a widget under test needs.
#include <QApplication>
#include <QMouseEvent>
#include <QTest>

namespace mss::test {

inline void sendMove(QWidget* widget, QPoint pos, Qt::MouseButtons buttons) {
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(widget->mapToGlobal(pos)),
                     Qt::NoButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

inline void drag(QWidget* widget, QPoint from, QPoint to, int steps = 6) {
    QTest::mousePress(widget, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= steps; ++i)
        sendMove(widget, from + (to - from) * i / steps, Qt::LeftButton);
    QTest::mouseRelease(widget, Qt::LeftButton, Qt::NoModifier, to);
}

} // namespace mss::test
