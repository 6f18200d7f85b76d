import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// One due bill (a row of Payments.bills): a large tick box, what and until when (overdue ones
// marked), the amount. Tapping anywhere ticks or unticks it.
AbstractButton {
    id: bill
    required property int index
    required property string billId
    required property string period
    required property string description
    required property string amountText
    required property string dueDate
    required property bool overdue
    required property bool selected

    objectName: "billRow_" + index
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacingM, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingL
    topPadding: Theme.spacingM
    bottomPadding: Theme.spacingM
    hoverEnabled: true
    checkable: false
    Accessible.role: Accessible.CheckBox
    Accessible.checkable: true
    Accessible.checked: selected
    Accessible.name: qsTr("%1, %2, due %3").arg(description !== "" ? description : period).arg(amountText)
                                            .arg(PayFormat.isoDate(dueDate))
    onClicked: Payments.bills.setSelected(index, !selected)

    background: Rectangle {
        radius: Theme.radiusL
        color: bill.selected ? Theme.primaryContainer : bill.down ? Theme.surfacePressed : Theme.surface
        border.width: bill.visualFocus ? 3 : bill.selected ? 2 : 1
        border.color: bill.visualFocus ? Theme.focus : bill.selected ? Theme.primary : Theme.outline
    }
    // No ids inside: contentItem is deferred.
    contentItem: RowLayout {
        spacing: Theme.spacingM

        Rectangle {
            objectName: "billTick"
            Layout.alignment: Qt.AlignVCenter
            implicitWidth: Theme.fontTitle + 8
            implicitHeight: implicitWidth
            radius: Theme.radiusS / 2
            color: bill.selected ? Theme.primary : Theme.surface
            border.width: 2
            border.color: bill.selected ? Theme.primary : Theme.outlineStrong
            Text {
                anchors.centerIn: parent
                visible: bill.selected
                text: "✓"
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.Bold
                color: Theme.textOnPrimary
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Text {
                Layout.fillWidth: true
                text: bill.description !== "" ? bill.description : bill.period
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                visible: bill.description !== "" && bill.period !== ""
                text: qsTr("Period %1").arg(bill.period)
                font.pixelSize: Theme.fontCaption + 1
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Text {
                    text: qsTr("Due %1").arg(PayFormat.isoDate(bill.dueDate))
                    font.pixelSize: Theme.fontCaption + 1
                    color: bill.overdue ? Theme.error : Theme.textSecondary
                }
                StatusChip {
                    objectName: "billOverdue"
                    visible: bill.overdue
                    kind: StatusChip.Error
                    text: qsTr("Overdue")
                }
            }
        }
        Text {
            objectName: "billAmount"
            Layout.alignment: Qt.AlignVCenter
            text: bill.amountText
            font.pixelSize: Theme.fontBodyLarge
            font.weight: Font.Bold
            color: Theme.text
        }
    }
}
