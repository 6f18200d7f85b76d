import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// One alert in the list, tinted by its severity: severity, headline, event and area, where it
// concerns the user ("Where you are", "Home"), when it was sent and until when it holds, and a
// dot while it is unread. Tapping it opens the detail.
AbstractButton {
    id: root

    property string severity
    property string severityText
    property string headline
    property string event
    property string area
    property string where
    property var sent
    property var expires
    property bool unread

    readonly property color severityColor: Theme.severityColor(severity)
    readonly property string sentText: ReportFormat.time(sent, Settings.language)
    readonly property string untilText: AlertFormat.until(expires, Settings.language)
    readonly property int stripeWidth: Math.round(6 * Theme.scale)

    hoverEnabled: true
    padding: Theme.spacingL
    leftPadding: Theme.spacingL + stripeWidth
    implicitWidth: 400
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    Accessible.role: Accessible.Button
    Accessible.name: ReportFormat.join([severityText, unread ? qsTr("unread") : "", headline, event, area,
                                        where, sentText, untilText], ". ")

    background: Rectangle {
        radius: Theme.radiusL
        color: root.down ? Qt.darker(Theme.severityContainer(root.severity), 1.04)
                         : Theme.severityContainer(root.severity)
        border.width: root.visualFocus ? 3 : 1
        border.color: root.visualFocus ? Theme.focus
                    : Qt.rgba(root.severityColor.r, root.severityColor.g, root.severityColor.b,
                              root.hovered ? 0.9 : 0.45)
        clip: true

        // The severity's colour down the leading edge.
        Rectangle {
            objectName: "alertRowStripe"
            width: root.stripeWidth
            height: parent.height
            radius: Theme.radiusL
            color: root.severityColor
            Rectangle {
                x: parent.width / 2
                width: parent.width / 2
                height: parent.height
                color: parent.color
            }
        }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingXs

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            SeverityBadge {
                objectName: "alertRowSeverity"
                Layout.maximumWidth: root.availableWidth * 0.6
                severity: root.severity
                text: root.severityText
            }
            Rectangle {
                objectName: "alertRowUnread"
                visible: root.unread
                implicitWidth: Theme.spacingM
                implicitHeight: implicitWidth
                radius: width / 2
                color: Theme.primary
                Accessible.ignored: true
            }
            Item { Layout.fillWidth: true }
            Text {
                objectName: "alertRowSent"
                text: root.sentText
                font.pixelSize: Theme.fontCaption
                color: Theme.textSecondary
            }
        }

        Text {
            objectName: "alertRowHeadline"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            text: root.headline
            font.pixelSize: Theme.fontBodyLarge
            font.weight: root.unread ? Font.Bold : Font.DemiBold
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Text {
            objectName: "alertRowEvent"
            Layout.fillWidth: true
            text: ReportFormat.join([root.event !== root.headline ? root.event : "", root.area], " · ")
            visible: text !== ""
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }

        Flow {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            spacing: Theme.spacingS
            visible: root.where !== "" || root.untilText !== ""

            StatusChip {
                objectName: "alertRowWhere"
                visible: root.where !== ""
                kind: StatusChip.Primary
                text: "⌖ " + root.where
            }
            Text {
                objectName: "alertRowUntil"
                height: Theme.fontCaption + Theme.spacingXs * 1.5 + 4
                visible: text !== ""
                text: root.untilText
                font.pixelSize: Theme.fontCaption + 1
                font.weight: Font.DemiBold
                color: Theme.severityText(root.severity)
                verticalAlignment: Text.AlignVCenter
            }
        }
    }
}
