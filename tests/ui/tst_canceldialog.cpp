// Cancelling: a reason is required, a fee may be charged, and a late
// cancellation (under 24 hours, by the injected clock) is pointed out.
// Also the edit-scope question asked for an occurrence of a series.
#include "DemoPractice.h"
#include "ui/CancelDialog.h"
#include "ui/EditScopeDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimer>

using namespace mss;
using namespace mss::test;
using namespace mss::ui;
using namespace Qt::StringLiterals;

class TestCancelDialog : public QObject {
    Q_OBJECT

private slots:
    void aReasonIsRequired();
    void lateCancellationIsPointedOut();
    void earlyCancellationHasNoHint();
    void lateFeeIsProposedButNotForced();
    void editScopeDefaultsToThisOccurrence();
    void askingTheScopeReturnsTheChoiceOrNothing();
};

void TestCancelDialog::aReasonIsRequired() {
    ManualClock clock(demo::now());
    CancelDialog dialog(clock);
    dialog.setAppointment(u"Donald Knuth, Tue 15:00"_s, demo::at(demo::today(), 15, 0));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.reasonField()->lineEdit(), u"   "_s);
    QVERIFY(!dialog.okButton()->isEnabled()); // blanks are no reason
    dialog.reasonField()->lineEdit()->clear();
    QTest::keyClicks(dialog.reasonField()->lineEdit(), u"Car broke down"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.feeField()->setValue(25);
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.reason(), u"Car broke down"_s);
    QCOMPARE(dialog.fee(), 25.0);
}

void TestCancelDialog::lateCancellationIsPointedOut() {
    ManualClock clock(demo::now()); // 14:20
    CancelDialog dialog(clock);
    dialog.setAppointment(u"Donald Knuth"_s, demo::at(demo::today(), 15, 0));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.isLateCancel());
    QVERIFY(dialog.lateHint()->isVisible());
    QVERIFY2(dialog.lateHint()->text().contains(u"starts in 40 min."_s),
             qPrintable(dialog.lateHint()->text()));
    // A preset reason is enough.
    dialog.reasonField()->setCurrentIndex(0);
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestCancelDialog::earlyCancellationHasNoHint() {
    ManualClock clock(demo::now());
    CancelDialog dialog(clock);
    // 24 h and 10 min ahead: not late. 23 h 50 min: late.
    dialog.setAppointment(u"Ada"_s, demo::now().addSecs(24 * 3600 + 600));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.isLateCancel());
    QVERIFY(!dialog.lateHint()->isVisible());
    clock.advanceSeconds(1200);
    dialog.setAppointment(u"Ada"_s, demo::now().addSecs(24 * 3600 + 600));
    QVERIFY(dialog.isLateCancel());
    QVERIFY(dialog.lateHint()->isVisible());
}

void TestCancelDialog::lateFeeIsProposedButNotForced() {
    ManualClock clock(demo::now());
    CancelDialog dialog(clock);
    dialog.setLateCancelFee(75);
    dialog.setAppointment(u"Ada"_s, demo::now().addSecs(3600));
    QCOMPARE(dialog.fee(), 75.0);
    dialog.feeField()->setValue(0); // waived
    dialog.setAppointment(u"Ada"_s, demo::now().addSecs(1800));
    QCOMPARE(dialog.fee(), 0.0);

    CancelDialog early(clock);
    early.setLateCancelFee(75);
    early.setAppointment(u"Ada"_s, demo::now().addSecs(3 * 86400));
    QCOMPARE(early.fee(), 0.0);
}

void TestCancelDialog::editScopeDefaultsToThisOccurrence() {
    EditScopeDialog dialog(u"move"_s);
    QCOMPARE(dialog.scope(), EditScope::ThisOccurrence);
    dialog.button(EditScope::ThisAndFollowing)->click();
    QCOMPARE(dialog.scope(), EditScope::ThisAndFollowing);
    dialog.setScope(EditScope::AllOccurrences);
    QVERIFY(dialog.button(EditScope::AllOccurrences)->isChecked());
    QCOMPARE(dialog.scope(), EditScope::AllOccurrences);
}

void TestCancelDialog::askingTheScopeReturnsTheChoiceOrNothing() {
    // The user picks "this and following" in the modal question.
    QTimer::singleShot(0, this, [] {
        auto* dialog = qobject_cast<EditScopeDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::mouseClick(dialog->button(EditScope::ThisAndFollowing), Qt::LeftButton);
        dialog->accept();
    });
    QCOMPARE(EditScopeDialog::ask(u"move"_s, nullptr), std::optional(EditScope::ThisAndFollowing));

    // Escape backs out: nothing is changed.
    QTimer::singleShot(0, this, [] {
        QWidget* dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QCOMPARE(EditScopeDialog::ask(u"cancel"_s, nullptr), std::nullopt);
}

QTEST_MAIN(TestCancelDialog)
#include "tst_canceldialog.moc"
