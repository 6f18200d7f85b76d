import QtQuick
import QtQuick.Layouts
import Hues.Ui

// A white card of the payment screens: its children are laid out in a column.
Rectangle {
    id: card

    default property alias content: cardColumn.data
    property alias spacing: cardColumn.spacing
    property int padding: Theme.spacingL

    Layout.fillWidth: true
    implicitHeight: cardColumn.implicitHeight + 2 * padding
    radius: Theme.radiusL
    color: Theme.surface
    border.width: 1
    border.color: Theme.outline

    ColumnLayout {
        id: cardColumn
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: card.padding
        spacing: Theme.spacingM
    }
}
