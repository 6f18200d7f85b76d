import QtQuick
import QtQuick.Layouts
import Hues.Ui

// A bank account in words: the bank's colour, its short name and the masked account
// ("● Vietcombank ••• 6789"). `inverted` for the purple wallet card.
RowLayout {
    id: root

    property string bankName
    property string bankColour
    property string account
    property bool inverted: false

    spacing: Theme.spacingS
    Accessible.role: Accessible.StaticText
    Accessible.name: (bankName + " " + account).trim()

    Rectangle {
        Layout.alignment: Qt.AlignVCenter
        implicitWidth: Theme.fontBody
        implicitHeight: implicitWidth
        radius: Theme.radiusS / 2
        visible: root.bankName !== ""
        color: root.bankColour !== "" ? root.bankColour : Theme.secondary
        border.width: 1
        border.color: root.inverted ? "#FFFFFF" : Theme.outline
    }
    Text {
        objectName: "bankName"
        Layout.fillWidth: true
        text: root.bankName !== "" && root.account !== "" ? root.bankName + "  " + root.account
                                                          : root.bankName + root.account
        font.pixelSize: Theme.fontBody
        font.weight: Font.DemiBold
        color: root.inverted ? "#F1EAFB" : Theme.text
        wrapMode: Text.Wrap
    }
}
