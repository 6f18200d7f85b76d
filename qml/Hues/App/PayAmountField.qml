import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui
import Hues.App

// An amount in VND typed on the numeric keyboard, grouped as it is typed ("50.000"), with the
// currency after it. `value` is the whole number of đồng (0 when empty); edited(value) when the
// user changes it.
InputField {
    id: root

    property real value: 0

    signal edited(real value)

    // Shows `amount` (not an edit).
    function setValue(amount: real) {
        value = amount > 0 ? Math.round(amount) : 0
        text = value > 0 ? PayFormat.groupDigits(String(value)) : ""
    }

    implicitHeight: Math.max(Theme.touchTarget * 1.4, contentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontHeadline
    font.weight: Font.DemiBold
    rightPadding: currency.implicitWidth + 2 * Theme.spacingM
    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhNoPredictiveText
    validator: RegularExpressionValidator { regularExpression: /[0-9.\s]{0,13}/ }
    placeholderText: "0"
    Accessible.name: qsTr("Amount in đồng")

    onTextEdited: {
        const digits = PayFormat.digitsOf(text)
        const grouped = PayFormat.groupDigits(digits)
        if (grouped !== text) {
            text = grouped
            cursorPosition = text.length
        }
        value = digits === "" ? 0 : Number(digits)
        edited(value)
    }

    Text {
        id: currency
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingM
        anchors.verticalCenter: parent.verticalCenter
        text: "₫"
        font.pixelSize: Theme.fontHeadline
        color: Theme.textSecondary
    }
}
