#pragma once

// What a painter writes, as text: a paint device whose engine keeps every
// string drawn (with where it was drawn) and draws nothing else. A widget's
// render(&device) or a report's render(painter) shows what a person would
// read, including whether it was cut short with "…".
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QRectF>
#include <QStringList>
#include <QTextItem>

#include <memory>

namespace mss::test {

class PaintedText : public QPaintDevice {
public:
    explicit PaintedText(QSize size)
        : m_size(size)
        , m_engine(std::make_unique<Engine>(this)) {}

    QPaintEngine* paintEngine() const override { return m_engine.get(); }
    // A string drawn and the start of its baseline, in the device's pixels.
    struct Item {
        QString text;
        QPointF at;
    };

    // Every string drawn, in the order drawn.
    QStringList texts() const { return m_texts; }
    QList<Item> items() const { return m_items; }
    // Everything drawn, one string.
    QString all() const { return m_texts.join(QLatin1Char('\n')); }
    bool contains(const QString& text) const { return all().contains(text); }

protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return 0x7fffffff;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    class Engine : public QPaintEngine {
    public:
        explicit Engine(PaintedText* device)
            : QPaintEngine(QPaintEngine::AllFeatures)
            , m_device(device) {}
        bool begin(QPaintDevice*) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState&) override {}
        void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
        void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
        void drawPath(const QPainterPath&) override {}
        void drawTextItem(const QPointF& p, const QTextItem& item) override {
            m_device->m_texts << item.text();
            m_device->m_items << Item{item.text(), painter()->combinedTransform().map(p)};
        }
        Type type() const override { return QPaintEngine::User; }

    private:
        PaintedText* m_device;
    };

    QSize m_size;
    QStringList m_texts;
    QList<Item> m_items;
    std::unique_ptr<Engine> m_engine;
};

} // namespace mss::test
