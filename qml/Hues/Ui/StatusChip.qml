import QtQuick
import Hues.Ui

// A small rounded label for the state of something (a report, a payment): the colour says the
// kind at a glance, the text says it in words.
Rectangle {
    id: root

    enum Kind { Neutral, Primary, Info, Success, Warning, Error }

    property int kind: StatusChip.Neutral
    property string text

    readonly property color foreground: kind === StatusChip.Primary ? Theme.primary
                                      : kind === StatusChip.Info ? Theme.info
                                      : kind === StatusChip.Success ? Theme.success
                                      : kind === StatusChip.Warning ? Theme.warning
                                      : kind === StatusChip.Error ? Theme.error
                                      : Theme.textSecondary

    implicitWidth: label.implicitWidth + 2 * Theme.spacingM
    implicitHeight: label.implicitHeight + Theme.spacingXs * 1.5
    radius: height / 2
    color: kind === StatusChip.Primary ? Theme.primaryContainer
         : kind === StatusChip.Info ? Theme.infoContainer
         : kind === StatusChip.Success ? Theme.successContainer
         : kind === StatusChip.Warning ? Theme.warningContainer
         : kind === StatusChip.Error ? Theme.errorContainer
         : Theme.surfacePressed
    border.width: 1
    border.color: Qt.rgba(foreground.r, foreground.g, foreground.b, 0.4)
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Text {
        id: label
        objectName: "chipText"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.width - 2 * Theme.spacingM)
        text: root.text
        font.pixelSize: Theme.fontCaption
        font.weight: Font.DemiBold
        color: root.foreground
        elide: Text.ElideRight
    }
}
