import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// One report in "My reports": category, state, description, time and place, the first photo;
// a report that failed says why and offers Retry and Discard. Tapping it opens the detail.
AbstractButton {
    id: root

    property string serviceName
    property string description
    property string address
    property string reportState
    property string stateText
    property string reason
    property var time
    property string photo
    property int photoCount
    property string outboxId

    signal retryClicked()
    signal discardClicked()

    readonly property bool failed: reportState === "failed"

    hoverEnabled: true
    padding: Theme.spacingL
    implicitWidth: 400
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    Accessible.role: Accessible.Button
    Accessible.name: serviceName + ", " + stateText + ". " + description

    background: Rectangle {
        radius: Theme.radiusL
        color: root.down ? Theme.surfacePressed : Theme.surface
        border.width: root.visualFocus ? 3 : 1
        border.color: root.visualFocus ? Theme.focus
                    : root.failed ? Qt.rgba(Theme.error.r, Theme.error.g, Theme.error.b, 0.5)
                    : root.hovered ? Theme.outlineStrong : Theme.outline
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM

            Rectangle {
                Layout.alignment: Qt.AlignTop
                visible: root.photo !== ""
                implicitWidth: Math.round(Theme.touchTarget * 1.5)
                implicitHeight: implicitWidth
                radius: Theme.radiusS
                color: Theme.surfacePressed
                clip: true

                Image {
                    objectName: "reportRowPhoto"
                    anchors.fill: parent
                    source: root.photo
                    fillMode: Image.PreserveAspectCrop
                    sourceSize.width: 160
                    sourceSize.height: 160
                    asynchronous: true
                }
                Rectangle {
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: 3
                    visible: root.photoCount > 1
                    implicitWidth: Theme.fontCaption * 2 + 4
                    implicitHeight: Theme.fontCaption + 6
                    radius: height / 2
                    color: Qt.rgba(0, 0, 0, 0.6)
                    Text {
                        anchors.centerIn: parent
                        text: "+" + (root.photoCount - 1)
                        font.pixelSize: Theme.fontCaption - 1
                        color: "#FFFFFF"
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacingXs

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Text {
                        objectName: "reportRowCategory"
                        Layout.fillWidth: true
                        text: root.serviceName
                        font.pixelSize: Theme.fontBodyLarge
                        font.weight: Font.DemiBold
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    StatusChip {
                        objectName: "reportRowState"
                        Layout.alignment: Qt.AlignTop
                        Layout.maximumWidth: root.availableWidth * 0.5
                        text: root.stateText
                        kind: ReportFormat.stateKind(root.reportState)
                    }
                }
                Text {
                    objectName: "reportRowDescription"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: root.description
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Text {
                    Layout.fillWidth: true
                    text: ReportFormat.join([ReportFormat.time(root.time, Settings.language), root.address], " · ")
                    visible: text !== ""
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textSecondary
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
            }
        }

        // Why it is waiting or why it failed.
        Text {
            objectName: "reportRowReason"
            Layout.fillWidth: true
            visible: text !== "" && (root.failed || root.reportState === "waiting")
            text: root.reason
            font.pixelSize: Theme.fontCaption + 1
            font.weight: root.failed ? Font.DemiBold : Font.Normal
            color: root.failed ? Theme.error : Theme.info
            wrapMode: Text.Wrap
        }

        RowLayout {
            Layout.fillWidth: true
            visible: root.failed && root.outboxId !== ""
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            SecondaryButton {
                objectName: "reportDiscardButton"
                text: qsTr("Discard")
                onClicked: root.discardClicked()
            }
            PrimaryButton {
                objectName: "reportRetryButton"
                text: qsTr("Retry")
                onClicked: root.retryClicked()
            }
        }
    }
}
