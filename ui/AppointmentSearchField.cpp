#include "ui/AppointmentSearchField.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QTreeWidget>

namespace mss::ui {

using namespace Qt::StringLiterals;

namespace {

enum Column { DateColumn, TimeColumn, ClientColumn, ProviderColumn, StatusColumn, ColumnCount };

constexpr int maxVisibleRows = 12;

} // namespace

AppointmentSearchField::AppointmentSearchField(QWidget* parent)
    : QLineEdit(parent) {
    setObjectName(u"appointmentSearch"_s);
    setPlaceholderText(tr("Find a client's appointment (Ctrl+F)"));
    setClearButtonEnabled(true);
    setMinimumWidth(260);
    m_results = new QTreeWidget;
    m_results->setObjectName(u"appointmentSearchResults"_s);
    m_results->setColumnCount(ColumnCount);
    m_results->setHeaderLabels(
        {tr("Date"), tr("Time"), tr("Client"), tr("Provider"), tr("Status")});
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setFocusPolicy(Qt::NoFocus); // the keyboard stays in the field
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->setFrameShape(QFrame::Box);
    m_results->hide();
    connect(m_results, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { choose(m_results->indexOfTopLevelItem(item)); });
    connect(this, &QLineEdit::textChanged, this, &AppointmentSearchField::search);
}

AppointmentSearchField::~AppointmentSearchField() {
    delete m_results; // a child of the window, which may outlive the field
}

void AppointmentSearchField::search(const QString& typed) {
    m_hits = typed.trimmed().isEmpty() || !m_searcher ? QList<AppointmentSearchHit>{}
                                                      : m_searcher(typed);
    m_results->clear();
    if (typed.trimmed().isEmpty()) {
        hideResults();
        return;
    }
    const QLocale locale;
    for (const AppointmentSearchHit& hit : std::as_const(m_hits)) {
        auto* item = new QTreeWidgetItem(m_results);
        item->setText(DateColumn, locale.toString(hit.date, u"ddd d MMM yyyy"_s));
        item->setText(TimeColumn, hit.time);
        item->setText(ClientColumn, hit.client);
        item->setText(ProviderColumn, hit.providerName);
        item->setText(StatusColumn, hit.status);
    }
    if (m_hits.isEmpty()) {
        auto* item = new QTreeWidgetItem(m_results);
        item->setText(DateColumn, tr("No appointment of a client named “%1”").arg(typed.trimmed()));
        item->setFlags(Qt::NoItemFlags);
        item->setFirstColumnSpanned(true);
    }
    showResults();
}

void AppointmentSearchField::showResults() {
    if (!window())
        return;
    if (m_results->parentWidget() != window()) {
        m_results->setParent(window());
        window()->installEventFilter(this);
    }
    placeResults();
    m_results->show();
    m_results->raise();
}

void AppointmentSearchField::placeResults() {
    QWidget* top = window();
    const QPoint below = mapTo(top, QPoint(0, height()));
    const int rows = std::clamp(int(m_results->topLevelItemCount()), 1, maxVisibleRows);
    const int rowHeight = std::max(m_results->sizeHintForRow(0), fontMetrics().height() + 6);
    const int height = m_results->header()->sizeHint().height() + rows * rowHeight + 6;
    int width = 6;
    for (int c = 0; c < ColumnCount; ++c)
        width += m_results->header()->sectionSize(c);
    width = std::clamp(width, this->width(), top->width() - 8);
    // Kept inside the window, right-aligned with the field when it would
    // run off the edge.
    const int x = std::clamp(below.x(), 4, std::max(4, top->width() - width - 4));
    m_results->setGeometry(x, below.y(), width, std::min(height, top->height() - below.y() - 4));
}

void AppointmentSearchField::hideResults() {
    m_results->hide();
}

void AppointmentSearchField::step(int rows) {
    if (m_hits.isEmpty())
        return;
    if (!m_results->isVisible())
        showResults();
    const int current = m_results->indexOfTopLevelItem(m_results->currentItem());
    const int next = current < 0 ? (rows > 0 ? 0 : int(m_hits.size()) - 1)
                                 : std::clamp(current + rows, 0, int(m_hits.size()) - 1);
    QTreeWidgetItem* item = m_results->topLevelItem(next);
    m_results->setCurrentItem(item);
    m_results->scrollToItem(item);
}

void AppointmentSearchField::choose(int row) {
    if (row < 0 || row >= m_hits.size())
        return;
    const AppointmentSearchHit hit = m_hits.at(row);
    hideResults();
    emit appointmentChosen(hit);
}

void AppointmentSearchField::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Down:
        step(1);
        return;
    case Qt::Key_Up:
        step(-1);
        return;
    case Qt::Key_PageDown:
        step(maxVisibleRows);
        return;
    case Qt::Key_PageUp:
        step(-maxVisibleRows);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const int current = m_results->indexOfTopLevelItem(m_results->currentItem());
        choose(current >= 0 ? current : 0);
        return;
    }
    case Qt::Key_Escape:
        if (m_results->isVisible())
            hideResults();
        else
            clear();
        return;
    default:
        QLineEdit::keyPressEvent(event);
    }
}

void AppointmentSearchField::focusOutEvent(QFocusEvent* event) {
    // A click in the list does not take the focus (NoFocus), so anything
    // that does is somewhere else.
    hideResults();
    QLineEdit::focusOutEvent(event);
}

bool AppointmentSearchField::eventFilter(QObject* watched, QEvent* event) {
    if (watched == window() && event->type() == QEvent::Resize && m_results->isVisible())
        placeResults();
    return QLineEdit::eventFilter(watched, event);
}

} // namespace mss::ui
