pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// A numeric keypad of large keys (a PIN, an amount): 1-9, then leftKey, 0, rightKey on the last
// row. A side key is "back" (⌫), "ok" (✓), "000" or "" (none). keyPressed(key) gives "0"-"9",
// "000", "back" or "ok". Each key is named namePrefix + key (for tests): "pinKey_7", "pinKey_ok".
Item {
    id: root

    property string leftKey: "back"
    property string rightKey: "ok"
    property string namePrefix: "key_"
    // Whether the ok key can be pressed (e.g. enough digits).
    property bool okEnabled: true
    property real keyHeight: Theme.touchTarget * 1.3

    signal keyPressed(string key)

    readonly property list<string> keys: ["1", "2", "3", "4", "5", "6", "7", "8", "9", leftKey, "0", rightKey]

    implicitWidth: Theme.touchTarget * 6
    implicitHeight: 4 * keyHeight + 3 * grid.rowSpacing

    Grid {
        id: grid
        anchors.fill: parent
        columns: 3
        rowSpacing: Theme.spacingS
        columnSpacing: Theme.spacingS

        Repeater {
            model: root.keys

            AbstractButton {
                id: key
                required property string modelData
                readonly property bool isAction: modelData === "back" || modelData === "ok"

                objectName: root.namePrefix + modelData
                width: (grid.width - 2 * grid.columnSpacing) / 3
                height: root.keyHeight
                visible: modelData !== ""
                enabled: modelData !== "ok" || root.okEnabled
                focusPolicy: Qt.NoFocus
                text: modelData === "back" ? qsTr("Delete") : modelData === "ok" ? qsTr("OK") : modelData
                Accessible.name: text
                onClicked: root.keyPressed(modelData)
                autoRepeat: modelData === "back"

                background: Rectangle {
                    radius: Theme.radiusM
                    color: key.modelData === "ok" ? (!key.enabled ? Theme.outline : key.down ? Theme.primaryPressed : Theme.primary)
                         : key.down ? Theme.primaryContainer : key.hovered ? Theme.surfacePressed : Theme.surface
                    border.width: key.modelData === "ok" ? 0 : 1
                    border.color: Theme.outline
                }
                contentItem: Text {
                    text: key.modelData === "back" ? "⌫" : key.modelData === "ok" ? "✓" : key.modelData
                    font.pixelSize: key.isAction ? Theme.fontHeadline : Theme.fontHeadline + 2
                    font.weight: key.isAction ? Font.Bold : Font.DemiBold
                    color: key.modelData === "ok" ? (key.enabled ? Theme.textOnPrimary : Theme.textDisabled)
                                                  : Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
    }
}
