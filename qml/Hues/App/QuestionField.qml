pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui

// One question of a report's category (an Open311 attribute) and the control to answer it:
// radio buttons or a list for one choice, check boxes for several (keys joined by ','), a
// number, a line or a paragraph of text. question: {code, description, datatype, required,
// options: [{key, name}], value}; answered(code, value) on every change.
ColumnLayout {
    id: root

    property var question: ({})

    signal answered(string code, string value)

    readonly property string code: question.code ?? ""
    readonly property string datatype: question.datatype ?? "string"
    readonly property var options: question.options ?? []
    readonly property string value: question.value ?? ""
    readonly property list<string> chosen: value === "" ? [] : value.split(",")
    readonly property bool informational: question.variable === false

    spacing: Theme.spacingS
    objectName: "question_" + code

    // The options after a "Choose…" entry (for the drop-down list).
    function withNone(options: var): var {
        const out = [{ key: "", name: qsTr("Choose…") }]
        for (let i = 0; i < options.length; ++i)
            out.push(options[i])
        return out
    }

    component Choice: AbstractButton {
        id: choice
        property bool multiple: false
        checkable: true
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
        padding: Theme.spacingXs
        leftPadding: Theme.spacingS
        Accessible.role: multiple ? Accessible.CheckBox : Accessible.RadioButton
        Accessible.name: text
        Accessible.checkable: true
        Accessible.checked: checked

        background: Rectangle {
            radius: Theme.radiusS
            color: choice.down ? Theme.surfacePressed : choice.checked ? Theme.primaryContainer : "transparent"
            border.width: choice.visualFocus ? 3 : 0
            border.color: Theme.focus
        }
        contentItem: RowLayout {
            spacing: Theme.spacingM
            Rectangle {
                implicitWidth: Math.round(Theme.touchTarget * 0.5)
                implicitHeight: implicitWidth
                radius: choice.multiple ? 4 : width / 2
                color: choice.multiple && choice.checked ? Theme.primary : Theme.surface
                border.width: 2
                border.color: choice.checked ? Theme.primary : Theme.outlineStrong
                Rectangle {
                    anchors.centerIn: parent
                    visible: !choice.multiple && choice.checked
                    width: parent.width * 0.5
                    height: width
                    radius: width / 2
                    color: Theme.primary
                }
                Text {
                    anchors.centerIn: parent
                    visible: choice.multiple && choice.checked
                    text: "✓"
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.Bold
                    color: Theme.textOnPrimary
                }
            }
            Text {
                Layout.fillWidth: true
                text: choice.text
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }

    Text {
        objectName: "questionLabel"
        Layout.fillWidth: true
        text: (root.question.description || root.code) + (root.question.required ? " *" : "")
        font.pixelSize: Theme.fontBody
        font.weight: Font.DemiBold
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    Text {
        Layout.fillWidth: true
        visible: text !== ""
        text: root.question.required ? qsTr("Required") + (root.question.hint ? " · " + root.question.hint : "")
                                     : (root.question.hint ?? "")
        font.pixelSize: Theme.fontCaption
        color: Theme.textSecondary
        wrapMode: Text.WordWrap
    }

    // One choice: radio buttons for a few options, a drop-down list for many.
    ButtonGroup { id: radioGroup }
    Repeater {
        model: !root.informational && root.datatype === "singlevaluelist" && root.options.length <= 6 ? root.options : []
        Choice {
            required property var modelData
            objectName: "question_" + root.code + "_" + modelData.key
            text: modelData.name
            checked: root.value === modelData.key
            ButtonGroup.group: radioGroup
            onClicked: root.answered(root.code, modelData.key)
        }
    }
    ComboBox {
        id: combo
        objectName: "question_" + root.code + "_list"
        Layout.fillWidth: true
        visible: !root.informational && root.datatype === "singlevaluelist" && root.options.length > 6
        implicitHeight: Theme.touchTarget
        model: visible ? root.withNone(root.options) : []
        textRole: "name"
        valueRole: "key"
        currentIndex: Math.max(0, indexOfValue(root.value))
        font.pixelSize: Theme.fontBody
        Accessible.name: root.question.description ?? ""
        onActivated: root.answered(root.code, String(currentValue))
    }

    // Several choices: check boxes; the answer is their keys joined by ','.
    Repeater {
        id: checks
        model: !root.informational && root.datatype === "multivaluelist" ? root.options : []
        Choice {
            required property var modelData
            objectName: "question_" + root.code + "_" + modelData.key
            multiple: true
            text: modelData.name
            checked: root.chosen.indexOf(modelData.key) >= 0
            onClicked: {
                const keys = root.options.map(o => o.key).filter(k => k === modelData.key ? checked : root.chosen.indexOf(k) >= 0)
                root.answered(root.code, keys.join(","))
            }
        }
    }

    InputField {
        objectName: "question_" + root.code + "_field"
        Layout.fillWidth: true
        visible: !root.informational && (root.datatype === "string" || root.datatype === "number"
                                          || root.datatype === "datetime")
        text: root.value
        placeholderText: root.datatype === "number" ? qsTr("A number")
                       : root.datatype === "datetime" ? qsTr("e.g. %1").arg(Qt.formatDateTime(new Date(), "yyyy-MM-ddTHH:mm"))
                       : ""
        Accessible.name: root.question.description ?? ""
        inputMethodHints: root.datatype === "number" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
        validator: RegularExpressionValidator {
            regularExpression: root.datatype === "number" ? /^-?[0-9]*([.,][0-9]*)?$/ : /.*/
        }
        // A decimal comma (as Vietnamese write it) is sent as a point.
        onTextEdited: root.answered(root.code, root.datatype === "number" ? text.replace(",", ".") : text)
    }
    InputArea {
        objectName: "question_" + root.code + "_area"
        Layout.fillWidth: true
        visible: !root.informational && root.datatype === "text"
        minimumLines: 2
        text: root.value
        Accessible.name: root.question.description ?? ""
        onTextChanged: if (activeFocus && text !== root.value) root.answered(root.code, text)
    }
}
