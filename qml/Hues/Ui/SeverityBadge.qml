import QtQuick
import Hues.Ui

// How severe an alert is, at a glance: a filled label in the severity's colour (CAP: Extreme,
// Severe, Moderate, Minor) with a warning sign; the text says it in words.
Rectangle {
    id: root

    // The CAP severity: Extreme | Severe | Moderate | Minor | Unknown.
    property string severity
    property string text
    // Larger, for the top of an alert's detail.
    property bool large: false

    readonly property color foreground: Theme.severityOnColor(severity)
    readonly property int horizontalPadding: large ? Theme.spacingM : Theme.spacingS

    implicitWidth: sign.implicitWidth + Theme.spacingXs + label.implicitWidth + 2 * horizontalPadding
    implicitHeight: label.implicitHeight + (large ? Theme.spacingS : Theme.spacingXs) * 1.5
    radius: large ? Theme.radiusS : height / 2
    color: Theme.severityColor(severity)
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Text {
        id: sign
        objectName: "severityGlyph"
        x: root.horizontalPadding
        anchors.verticalCenter: parent.verticalCenter
        text: root.severity === "Minor" ? "\u2139" : "\u26A0"
        font.pixelSize: label.font.pixelSize
        font.weight: Font.Bold
        color: root.foreground
    }
    Text {
        id: label
        objectName: "severityText"
        x: sign.x + sign.width + Theme.spacingXs
        anchors.verticalCenter: parent.verticalCenter
        width: Math.max(0, Math.min(implicitWidth, root.width - x - root.horizontalPadding))
        text: root.text
        font.pixelSize: root.large ? Theme.fontBody : Theme.fontCaption
        font.weight: Font.Bold
        color: root.foreground
        elide: Text.ElideRight
    }
}
