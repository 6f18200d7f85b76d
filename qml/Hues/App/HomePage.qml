pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// The home screen: the city's greeting, notices about the server and local data, and the services.
Item {
    id: root
    objectName: "page_home"

    readonly property string pageName: "home"
    property bool wide: false
    // True once the server was seen offline, so the banner stays while a retry is checking.
    property bool serverWasOffline: ServerStatus.state === ServerStatus.Offline

    signal openRequested(string name)

    Connections {
        target: ServerStatus
        function onStateChanged() {
            if (ServerStatus.state === ServerStatus.Offline)
                root.serverWasOffline = true
            else if (ServerStatus.state === ServerStatus.Online)
                root.serverWasOffline = false
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: content
            width: flick.width
            spacing: 0

            // Hero: the app's name over imperial purple, with a quiet gold sun of concentric rings.
            Rectangle {
                id: hero
                Layout.fillWidth: true
                implicitHeight: heroText.implicitHeight + (root.wide ? 2 * Theme.spacingXxl : Theme.spacingXxl + Theme.spacingXl)
                clip: true
                gradient: Gradient {
                    orientation: Gradient.Horizontal
                    GradientStop { position: 0.0; color: Theme.primary }
                    GradientStop { position: 1.0; color: "#2B2F7A" }
                }

                Repeater {
                    model: 4
                    Rectangle {
                        required property int index
                        readonly property real d: hero.height * (0.9 + index * 0.45)
                        width: d
                        height: d
                        radius: d / 2
                        x: hero.width - hero.height * 0.75 - d / 2
                        y: hero.height * 0.5 - d / 2
                        color: "transparent"
                        border.width: 2
                        border.color: Theme.accent
                        opacity: 0.28 - index * 0.05
                    }
                }

                ColumnLayout {
                    id: heroText
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: Math.max(Theme.spacingXl, (parent.width - Theme.contentMaxWidth) / 2 + Theme.spacingL)
                    anchors.rightMargin: Theme.spacingXl
                    spacing: Theme.spacingXs

                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Huế City")
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        font.letterSpacing: 1.2
                        font.capitalization: Font.AllUppercase
                        color: "#F2D77E"
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "homeTitle"
                        Layout.fillWidth: true
                        text: qsTr("Hue-S")
                        font.pixelSize: Theme.fontDisplay + (root.wide ? 10 : 0)
                        font.weight: Font.Bold
                        color: Theme.textOnPrimary
                        Accessible.role: Accessible.Heading
                    }
                    Rectangle {
                        Layout.topMargin: Theme.spacingXs
                        implicitWidth: 48
                        implicitHeight: 3
                        radius: 1.5
                        color: Theme.accent
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingS
                        text: qsTr("One account, every public service of the city.")
                        font.pixelSize: Theme.fontBodyLarge
                        color: "#EFE9F7"
                        wrapMode: Text.WordWrap
                    }
                }
            }

            ColumnLayout {
                id: body
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.contentMaxWidth
                Layout.alignment: Qt.AlignHCenter
                Layout.margins: root.wide ? Theme.spacingXl : Theme.spacingL
                spacing: Theme.spacingL

                StatusBanner {
                    objectName: "storeNoticeBanner"
                    Layout.fillWidth: true
                    visible: Settings.storeNotice !== ""
                    kind: StatusBanner.Warning
                    text: Settings.storeNotice
                    dismissible: true
                    onDismissed: Settings.dismissStoreNotice()
                }

                StatusBanner {
                    objectName: "serverBanner"
                    Layout.fillWidth: true
                    visible: ServerStatus.state === ServerStatus.Offline
                             || (root.serverWasOffline && ServerStatus.state === ServerStatus.Checking)
                    kind: StatusBanner.Error
                    text: ServerStatus.message !== "" ? ServerStatus.message
                                                      : qsTr("The city server cannot be reached. What you do now is kept on this device.")
                    actionObjectName: "retryButton"
                    actionText: ServerStatus.state === ServerStatus.Checking ? qsTr("Checking…") : qsTr("Retry")
                    actionEnabled: ServerStatus.state !== ServerStatus.Checking
                    onActionClicked: ServerStatus.check()
                }

                Text {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    text: qsTr("Services")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }

                // A Flow with explicit widths (not a GridLayout): a tile's height depends on its
                // width, since its texts wrap, and every tile of the grid gets the tallest one's height.
                Flow {
                    id: tiles
                    readonly property int columns: width >= 1000 ? 4 : 2
                    readonly property real cellWidth: (width - (columns - 1) * spacing) / columns
                    readonly property real tileHeight: {
                        let h = root.wide && Theme.kiosk ? Theme.touchTarget * 3 : 0
                        for (let i = 0; i < tileRepeater.count; ++i) {
                            const tile = tileRepeater.itemAt(i) as ServiceTile
                            if (tile && !tile.horizontal)
                                h = Math.max(h, tile.implicitHeight)
                        }
                        return h
                    }
                    Layout.fillWidth: true
                    spacing: Theme.spacingM

                    Repeater {
                        id: tileRepeater
                        model: Catalog.homeTiles

                        ServiceTile {
                            required property string modelData
                            required property int index
                            readonly property var service: Catalog.services[modelData]

                            objectName: "tile_" + modelData
                            width: index === 0 ? 2 * tiles.cellWidth + tiles.spacing : tiles.cellWidth
                            height: index === 0 && tiles.columns === 2 ? implicitHeight : tiles.tileHeight
                            horizontal: index === 0
                            glyph: service.glyph
                            title: service.title
                            subtitle: service.subtitle
                            tint: index === 0 ? Theme.textOnPrimary : Theme.primary
                            tintContainer: index === 0 ? Theme.primary : Theme.primaryContainer
                            onClicked: root.openRequested(modelData)
                        }
                    }
                }

                Item { implicitHeight: Theme.spacingL }
            }
        }
    }
}
