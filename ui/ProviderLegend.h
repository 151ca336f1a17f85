#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

class QVBoxLayout;

namespace mss::ui {

// Which colour is whom, beside the views that colour cards by provider.
class ProviderLegend : public QWidget {
    Q_OBJECT

public:
    struct Entry {
        QString name;
        QColor colour;
        friend bool operator==(const Entry&, const Entry&) = default;
    };

    explicit ProviderLegend(QWidget* parent = nullptr);

    void setEntries(const QList<Entry>& entries);
    const QList<Entry>& entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
    QVBoxLayout* m_rows;
};

} // namespace mss::ui
