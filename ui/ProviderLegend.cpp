#include "ui/ProviderLegend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace mss::ui {

ProviderLegend::ProviderLegend(QWidget* parent)
    : QWidget(parent)
    , m_rows(new QVBoxLayout) {
    setObjectName(QStringLiteral("providerLegend"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* title = new QLabel(tr("Clinicians"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    m_rows->setSpacing(3);
    layout->addLayout(m_rows);
}

void ProviderLegend::setEntries(const QList<Entry>& entries) {
    if (entries == m_entries)
        return;
    m_entries = entries;
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        if (QWidget* w = item->widget())
            w->deleteLater();
        delete item;
    }
    for (const Entry& e : entries) {
        auto* row = new QWidget(this);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(6);
        QPixmap swatch(14, 14);
        swatch.fill(Qt::transparent);
        {
            QPainter p(&swatch);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(e.colour.darker(130), 1));
            p.setBrush(e.colour);
            p.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
        }
        auto* box = new QLabel(row);
        box->setPixmap(swatch);
        auto* name = new QLabel(e.name, row);
        name->setObjectName(QStringLiteral("legendName"));
        h->addWidget(box);
        h->addWidget(name, 1);
        m_rows->addWidget(row);
    }
}

} // namespace mss::ui
