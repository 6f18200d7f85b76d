pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.Services

// Settings: language, the city server's address and status, the local cache, and the version.
Item {
    id: root
    objectName: "page_settings"

    readonly property string pageName: "settings"
    property bool showBack: true
    property bool cacheJustCleared: false

    signal backRequested()

    function statusText(state: int): string {
        switch (state) {
        case ServerStatus.Online: return qsTr("Online")
        case ServerStatus.Offline: return qsTr("Offline")
        case ServerStatus.Checking: return qsTr("Checking…")
        default: return qsTr("Not checked yet")
        }
    }

    function statusColor(state: int): color {
        switch (state) {
        case ServerStatus.Online: return Theme.success
        case ServerStatus.Offline: return Theme.error
        case ServerStatus.Checking: return Theme.warning
        default: return Theme.textSecondary
        }
    }

    Connections {
        target: Settings
        function onCacheCleared() { root.cacheJustCleared = true }
    }

    component Section: Rectangle {
        id: section
        default property alias rows: sectionColumn.data
        property string heading
        Layout.fillWidth: true
        implicitHeight: sectionColumn.implicitHeight + headingText.implicitHeight + Theme.spacingS
        color: "transparent"

        Text {
            id: headingText
            anchors.left: parent.left
            anchors.leftMargin: Theme.spacingXs
            text: section.heading
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.8
            color: Theme.primary
            Accessible.role: Accessible.Heading
        }
        Rectangle {
            anchors.top: headingText.bottom
            anchors.topMargin: Theme.spacingS
            anchors.left: parent.left
            anchors.right: parent.right
            height: sectionColumn.implicitHeight
            radius: Theme.radiusL
            color: Theme.surface
            border.width: 1
            border.color: Theme.outline

            ColumnLayout {
                id: sectionColumn
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 0
            }
        }
    }

    component LanguageButton: AbstractButton {
        id: langButton
        property string nativeName
        property string translatedName
        property bool selected: false
        checkable: false
        implicitHeight: Math.max(Theme.touchTarget + Theme.spacingS, implicitContentHeight + topPadding + bottomPadding)
        implicitWidth: Math.max(150 * Theme.scale, implicitContentWidth + leftPadding + rightPadding)
        padding: Theme.spacingS
        leftPadding: Theme.spacingL
        rightPadding: Theme.spacingL
        text: nativeName
        Accessible.name: nativeName
        Accessible.checkable: true
        Accessible.checked: selected

        background: Rectangle {
            radius: Theme.radiusM
            color: langButton.selected ? Theme.primaryContainer : langButton.down ? Theme.surfacePressed : Theme.surface
            border.width: langButton.visualFocus ? 3 : langButton.selected ? 2 : 1
            border.color: langButton.visualFocus ? Theme.focus : langButton.selected ? Theme.primary : Theme.outline
        }
        contentItem: RowLayout {
            spacing: Theme.spacingS
            Text {
                text: langButton.selected ? "✓" : ""
                Layout.preferredWidth: Theme.fontBody
                font.pixelSize: Theme.fontBody
                font.weight: Font.Bold
                color: Theme.primary
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Text {
                    text: langButton.nativeName
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    color: langButton.selected ? Theme.primary : Theme.text
                }
                Text {
                    visible: text !== langButton.nativeName
                    text: langButton.translatedName
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textSecondary
                }
            }
        }
    }

    component Divider: Rectangle {
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacingL
        implicitHeight: 1
        color: Theme.outline
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Settings")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + 2 * Theme.spacingL
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth * 0.7) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingXl

                Section {
                    heading: qsTr("Language")

                    SettingRow {
                        Layout.fillWidth: true
                        title: qsTr("Display language")
                        description: qsTr("Used for every screen of the app.")
                        stacked: true

                        // Each language is named in itself, with its name in the current language below.
                        LanguageButton {
                            objectName: "languageVi"
                            nativeName: "Tiếng Việt"
                            translatedName: qsTr("Vietnamese")
                            selected: Settings.language === "vi"
                            onClicked: Settings.language = "vi"
                        }
                        LanguageButton {
                            objectName: "languageEn"
                            nativeName: "English"
                            translatedName: qsTr("English")
                            selected: Settings.language === "en"
                            onClicked: Settings.language = "en"
                        }
                    }
                }

                Section {
                    heading: qsTr("City server")

                    SettingRow {
                        Layout.fillWidth: true
                        title: qsTr("Status")
                        description: ServerStatus.state === ServerStatus.Online && ServerStatus.serverVersion !== ""
                                     ? qsTr("Server version %1").arg(ServerStatus.serverVersion)
                                     : ServerStatus.message

                        Rectangle {
                            implicitWidth: 10
                            implicitHeight: 10
                            radius: 5
                            color: root.statusColor(ServerStatus.state)
                        }
                        Text {
                            objectName: "serverStatusText"
                            text: root.statusText(ServerStatus.state)
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: root.statusColor(ServerStatus.state)
                        }
                        SecondaryButton {
                            objectName: "checkServerButton"
                            text: qsTr("Check now")
                            enabled: ServerStatus.state !== ServerStatus.Checking
                            onClicked: ServerStatus.check()
                        }
                    }
                    Divider { }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.margins: Theme.spacingL
                        spacing: Theme.spacingS

                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Server address")
                            font.pixelSize: Theme.fontBodyLarge
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS

                            TextField {
                                id: serverUrlField
                                objectName: "serverUrlField"
                                Layout.fillWidth: true
                                implicitHeight: Theme.touchTarget
                                text: Settings.serverUrl
                                placeholderText: "https://"
                                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                leftPadding: Theme.spacingM
                                selectByMouse: true
                                Accessible.name: qsTr("Server address")
                                onAccepted: saveServerButton.clicked()
                                background: Rectangle {
                                    radius: Theme.radiusS
                                    color: Theme.surface
                                    border.width: serverUrlField.activeFocus ? 2 : 1
                                    border.color: Settings.serverUrlError !== "" ? Theme.error
                                                : serverUrlField.activeFocus ? Theme.primary : Theme.outlineStrong
                                }
                            }
                            PrimaryButton {
                                id: saveServerButton
                                objectName: "saveServerButton"
                                text: qsTr("Save")
                                onClicked: {
                                    if (Settings.setServerUrl(serverUrlField.text.trim()))
                                        ServerStatus.check()
                                }
                            }
                        }
                        Text {
                            objectName: "serverUrlError"
                            Layout.fillWidth: true
                            visible: Settings.serverUrlError !== ""
                            text: Settings.serverUrlError
                            font.pixelSize: Theme.fontCaption + 1
                            color: Theme.error
                            wrapMode: Text.WordWrap
                        }
                    }
                }

                Section {
                    heading: qsTr("Data on this device")

                    SettingRow {
                        Layout.fillWidth: true
                        title: qsTr("Local cache")
                        description: root.cacheJustCleared
                                     ? qsTr("The local cache was cleared.")
                                     : qsTr("Copies of city data kept for offline use.")

                        SecondaryButton {
                            objectName: "clearCacheButton"
                            text: qsTr("Clear local cache")
                            onClicked: confirmClearCache.open()
                        }
                    }
                }

                Section {
                    heading: qsTr("About")

                    SettingRow {
                        Layout.fillWidth: true
                        title: qsTr("Hue-S")
                        description: qsTr("The citizen app of Huế smart city")

                        Text {
                            objectName: "appVersion"
                            text: qsTr("Version %1").arg(Settings.appVersion)
                            font.pixelSize: Theme.fontBody
                            color: Theme.textSecondary
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: confirmClearCache
        objectName: "confirmClearCache"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 2 * Theme.spacingL : 480, 480 * Theme.scale)
        modal: true
        padding: Theme.spacingXl
        onAccepted: Settings.clearCache()

        T.Overlay.modal: Rectangle { color: Qt.rgba(0.1, 0.06, 0.16, 0.45) }

        background: Rectangle {
            radius: Theme.radiusL
            color: Theme.surface
            border.width: 1
            border.color: Theme.outline
        }

        contentItem: ColumnLayout {
            spacing: Theme.spacingM
            Text {
                Layout.fillWidth: true
                text: qsTr("Clear the local cache?")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Saved copies of city data will be removed and downloaded again when needed. Reports and payments waiting to be sent are kept.")
                font.pixelSize: Theme.fontBody
                color: Theme.textSecondary
                wrapMode: Text.WordWrap
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingM
                spacing: Theme.spacingS
                Item { Layout.fillWidth: true }
                SecondaryButton {
                    objectName: "cancelClearButton"
                    text: qsTr("Cancel")
                    onClicked: confirmClearCache.reject()
                }
                PrimaryButton {
                    objectName: "confirmClearButton"
                    text: qsTr("Clear")
                    onClicked: confirmClearCache.accept()
                }
            }
        }
    }
}
