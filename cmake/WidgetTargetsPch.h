// The Qt and standard headers that the widget targets (mss_ui,
// mss_desktop and the widget tests) include most, compiled once as a
// precompiled header instead of once per source file: these targets
// spent most of a clean build parsing Qt Widgets. Only stable, external
// headers belong here: a project header would rebuild every widget source
// on each edit. Sources still include what they use; the build does not
// depend on this list.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDateEdit>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QList>
#include <QLocale>
#include <QMenu>
#include <QObject>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QString>
#include <QTimeEdit>
#include <QTimer>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidget>
