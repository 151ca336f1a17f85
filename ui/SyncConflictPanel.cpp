#include "ui/SyncConflictPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mss::ui {

SyncConflictPanel::SyncConflictPanel(QWidget* parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_details(new QLabel(this))
    , m_keepMine(new QPushButton(tr("&Keep mine"), this))
    , m_takeTheirs(new QPushButton(tr("&Take theirs"), this))
    , m_pickTime(new QPushButton(tr("&Pick another time..."), this)) {
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_keepMine->setToolTip(tr("Send this desk's change again, replacing the other one"));
    m_takeTheirs->setToolTip(tr("Drop this desk's change and keep what the server has"));
    m_pickTime->setToolTip(tr("Book this desk's change at another time"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_takeTheirs);
    buttons->addWidget(m_pickTime);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &SyncConflictPanel::selectionChanged);
    connect(m_keepMine, &QPushButton::clicked, this, [this] {
        if (const QString key = currentKey(); !key.isEmpty())
            emit keepMineRequested(key);
    });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this] {
        if (const QString key = currentKey(); !key.isEmpty())
            emit takeTheirsRequested(key);
    });
    connect(m_pickTime, &QPushButton::clicked, this, [this] {
        if (const QString key = currentKey(); !key.isEmpty())
            emit pickAnotherTimeRequested(key);
    });
    setConflicts({});
}

void SyncConflictPanel::setConflicts(const QList<SyncConflictItem>& conflicts) {
    const QString kept = currentKey();
    m_items = conflicts;
    const QSignalBlocker block(m_list);
    m_list->clear();
    int keepRow = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        m_list->addItem(m_items.at(i).title);
        if (m_items.at(i).key == kept)
            keepRow = i;
    }
    m_heading->setText(m_items.isEmpty()
                           ? tr("No conflicts: every change of this desk reached the server.")
                           : tr("%n change(s) of this desk could not be saved on the server:",
                                nullptr, int(m_items.size())));
    m_list->setCurrentRow(m_items.isEmpty() ? -1 : keepRow);
    selectionChanged();
}

void SyncConflictPanel::setCurrentRow(int row) {
    m_list->setCurrentRow(row);
}

QString SyncConflictPanel::currentKey() const {
    const int row = m_list->currentRow();
    return row >= 0 && row < m_items.size() ? m_items.at(row).key : QString();
}

void SyncConflictPanel::selectionChanged() {
    const int row = m_list->currentRow();
    const bool has = row >= 0 && row < m_items.size();
    m_keepMine->setEnabled(has && m_items.at(row).mayKeepMine);
    m_takeTheirs->setEnabled(has);
    m_pickTime->setEnabled(has);
    m_details->setText(
        has ? tr("This desk: %1\nServer: %2").arg(m_items.at(row).mine, m_items.at(row).theirs)
            : QString());
}

} // namespace mss::ui
