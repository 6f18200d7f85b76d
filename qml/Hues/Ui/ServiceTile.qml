import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// One public service on the home grid: glyph, title and subtitle; the whole tile is clickable.
AbstractButton {
    id: root

    property string glyph
    property string title
    property string subtitle
    // Lays the glyph beside the texts instead of above them (for a wide, featured tile).
    property bool horizontal: false
    property color tint: Theme.primary
    property color tintContainer: Theme.primaryContainer

    text: root.title
    Accessible.name: root.title
    Accessible.description: root.subtitle
    padding: Theme.spacingL
    bottomPadding: Theme.spacingL + 4
    implicitWidth: Math.max(Theme.touchTarget * 3, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    hoverEnabled: true

    background: Rectangle {
        radius: Theme.radiusL
        color: root.down ? Theme.surfacePressed : Theme.surface
        border.width: root.visualFocus ? 3 : 1
        border.color: root.visualFocus ? Theme.focus : root.hovered ? Theme.outlineStrong : Theme.outline

        // A thin gold line, after the gilded edges of the Citadel's gates.
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.leftMargin: Theme.radiusL
            anchors.rightMargin: Theme.radiusL
            height: 3
            radius: 1.5
            color: Theme.accent
            opacity: root.hovered || root.down ? 1 : 0.55
        }
    }

    // Plain positioners (not layouts), so wrapped texts report their real height.
    // An inline component, so that ids inside it do not defeat the deferred contentItem.
    component TileContent: Item {
        id: content
        property string glyph
        property string title
        property string subtitle
        property bool horizontal
        property color tint
        property color tintContainer
        implicitWidth: badge.width + Theme.spacingL + Math.max(titleText.implicitWidth, subtitleText.implicitWidth)
        implicitHeight: content.horizontal ? Math.max(badge.height, texts.height)
                                        : badge.height + Theme.spacingM + texts.height

        Rectangle {
            id: badge
            y: content.horizontal ? (parent.height - height) / 2 : 0
            width: Math.round(Theme.touchTarget * 1.1)
            height: width
            radius: Theme.radiusM
            color: content.tintContainer

            Icon {
                anchors.centerIn: parent
                glyph: content.glyph
                color: content.tint
            }
        }

        Column {
            id: texts
            x: content.horizontal ? badge.width + Theme.spacingL : 0
            y: content.horizontal ? Math.max(0, (parent.height - height) / 2) : badge.height + Theme.spacingM
            width: parent.width - x
            spacing: Theme.spacingXs

            Text {
                id: titleText
                objectName: "tileTitle"
                width: parent.width
                text: content.title
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                id: subtitleText
                objectName: "tileSubtitle"
                width: parent.width
                visible: text !== ""
                text: content.subtitle
                font.pixelSize: Theme.fontCaption + 1
                color: Theme.textSecondary
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
        }
    }

    contentItem: TileContent {
        glyph: root.glyph
        title: root.title
        subtitle: root.subtitle
        horizontal: root.horizontal
        tint: root.tint
        tintContainer: root.tintContainer
    }
}
