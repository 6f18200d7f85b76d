import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// A text entry of several lines that grows with its text; with maxLength > 0 it counts the
// characters ("120 / 4000") and turns red past the limit (the text is not cut: the user sees
// what is too much and decides).
TextArea {
    id: root

    property int maxLength: 0
    property int minimumLines: 3
    readonly property bool tooLong: maxLength > 0 && length > maxLength

    implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding,
                             minimumLines * font.pixelSize * 1.4 + topPadding + bottomPadding)
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textDisabled
    wrapMode: TextEdit.Wrap
    padding: Theme.spacingM
    bottomPadding: maxLength > 0 ? Theme.spacingM + counter.implicitHeight : Theme.spacingM
    selectByMouse: true
    Accessible.name: root.placeholderText

    background: Rectangle {
        radius: Theme.radiusS
        color: root.enabled ? Theme.surface : Theme.background
        border.width: root.activeFocus || root.tooLong ? 2 : 1
        border.color: root.tooLong ? Theme.error : root.activeFocus ? Theme.primary : Theme.outlineStrong
    }

    Text {
        id: counter
        objectName: "inputCounter"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingS
        visible: root.maxLength > 0
        text: qsTr("%1 / %2").arg(root.length).arg(root.maxLength)
        font.pixelSize: Theme.fontCaption
        font.weight: root.tooLong ? Font.DemiBold : Font.Normal
        color: root.tooLong ? Theme.error : Theme.textSecondary
        Accessible.name: qsTr("%1 of at most %2 characters").arg(root.length).arg(root.maxLength)
    }
}
