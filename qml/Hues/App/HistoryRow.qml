import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// One payment in the history: the category's symbol, whom (or from whom), the time and purpose,
// and the amount, green when money came in. The whole row opens the receipt.
AbstractButton {
    id: root

    property string title
    property string direction
    property string amountText
    property string category
    property string purpose
    property var createdAt

    readonly property bool incoming: direction === "in"

    implicitHeight: Math.max(Theme.touchTarget + Theme.spacingM, implicitContentHeight + topPadding + bottomPadding)
    hoverEnabled: true
    Accessible.name: qsTr("%1, %2, %3").arg(title).arg(amountText).arg(PayFormat.clock(createdAt))

    background: Rectangle {
        color: root.down ? Theme.surfacePressed : root.hovered ? Theme.background : Theme.surface
        border.width: root.visualFocus ? 3 : 0
        border.color: Theme.focus
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.leftMargin: Theme.spacingL
            height: 1
            color: Theme.outline
        }
    }

    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS

    // No ids inside: contentItem is deferred.
    contentItem: RowLayout {
        spacing: Theme.spacingM

        Rectangle {
            Layout.alignment: Qt.AlignVCenter
            implicitWidth: Theme.touchTarget
            implicitHeight: implicitWidth
            radius: width / 2
            color: root.incoming ? Theme.successContainer : Theme.primaryContainer
            Icon {
                anchors.centerIn: parent
                glyph: root.incoming ? "↓" : PayFormat.categoryGlyph(root.category)
                size: Theme.fontTitle
                color: root.incoming ? Theme.success : Theme.primary
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: 2
            Text {
                objectName: "historyTitle"
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                text: root.purpose !== "" ? PayFormat.clock(root.createdAt) + " · " + root.purpose
                                          : PayFormat.clock(root.createdAt)
                font.pixelSize: Theme.fontCaption + 1
                color: Theme.textSecondary
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
        Text {
            objectName: "historyAmount"
            Layout.alignment: Qt.AlignVCenter
            text: root.amountText
            font.pixelSize: Theme.fontBodyLarge
            font.weight: Font.Bold
            color: root.incoming ? Theme.success : Theme.text
        }
    }
}
