pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// Where the user is in a task of several steps: numbered circles joined by a line, the steps
// done ticked. A step before the current one (or up to `reachable`) can be tapped to go back to it.
// Labels are shown under every step when there is room, otherwise only the current one.
Item {
    id: root

    property list<string> steps
    property int currentIndex: 0
    // The last step the user may jump to (default: the current one).
    property int reachable: currentIndex

    signal stepClicked(int index)

    readonly property bool allLabels: steps.length > 0 && width / steps.length >= 96 * Theme.scale

    implicitWidth: steps.length * Theme.touchTarget * 1.5
    implicitHeight: circles.height + Theme.spacingXs + currentLabel.implicitHeight
    Accessible.role: Accessible.ProgressBar
    Accessible.name: qsTr("Step %1 of %2: %3").arg(currentIndex + 1).arg(steps.length)
                         .arg(steps[currentIndex] ?? "")

    // The line behind the circles.
    Rectangle {
        x: root.width / root.steps.length / 2
        width: root.width - 2 * x
        y: circles.height / 2 - height / 2
        height: 2
        color: Theme.outline
        visible: root.steps.length > 1
    }
    Rectangle {
        x: root.width / root.steps.length / 2
        width: root.steps.length > 1 ? (root.width - 2 * x) * Math.min(root.currentIndex, root.steps.length - 1)
                                         / (root.steps.length - 1) : 0
        y: circles.height / 2 - height / 2
        height: 2
        color: Theme.primary
    }

    Row {
        id: circles
        width: root.width
        height: Theme.touchTarget

        Repeater {
            model: root.steps.length

            AbstractButton {
                id: stepButton
                required property int index
                readonly property bool done: index < root.currentIndex
                readonly property bool current: index === root.currentIndex

                objectName: "step_" + index
                width: root.width / root.steps.length
                height: Theme.touchTarget
                enabled: index <= root.reachable && !current
                text: root.steps[index] ?? ""
                Accessible.name: qsTr("Step %1: %2").arg(index + 1).arg(text)
                Accessible.selected: current
                onClicked: root.stepClicked(index)

                background: Item { }
                contentItem: Item {
                    Rectangle {
                        anchors.centerIn: parent
                        width: Math.round(Theme.touchTarget * 0.66)
                        height: width
                        radius: width / 2
                        color: stepButton.current || stepButton.done ? Theme.primary : Theme.surface
                        border.width: stepButton.visualFocus ? 3 : 2
                        border.color: stepButton.visualFocus ? Theme.focus
                                    : stepButton.current || stepButton.done ? Theme.primary : Theme.outlineStrong

                        Text {
                            anchors.centerIn: parent
                            text: stepButton.done ? "✓" : String(stepButton.index + 1)
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: stepButton.current || stepButton.done ? Theme.textOnPrimary : Theme.textSecondary
                        }
                    }
                }
            }
        }
    }

    // Labels: one under each circle when there is room, else the current step's, centred.
    Row {
        anchors.top: circles.bottom
        anchors.topMargin: Theme.spacingXs
        visible: root.allLabels
        Repeater {
            model: root.steps.length
            Text {
                required property int index
                width: root.width / root.steps.length
                text: root.steps[index] ?? ""
                font.pixelSize: Theme.fontCaption
                font.weight: index === root.currentIndex ? Font.DemiBold : Font.Normal
                color: index === root.currentIndex ? Theme.primary : Theme.textSecondary
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
            }
        }
    }
    Text {
        id: currentLabel
        objectName: "stepLabel"
        anchors.top: circles.bottom
        anchors.topMargin: Theme.spacingXs
        width: root.width
        visible: !root.allLabels
        text: qsTr("Step %1 of %2: %3").arg(root.currentIndex + 1).arg(root.steps.length)
                  .arg(root.steps[root.currentIndex] ?? "")
        font.pixelSize: Theme.fontCaption
        font.weight: Font.DemiBold
        color: Theme.primary
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
    }
}
