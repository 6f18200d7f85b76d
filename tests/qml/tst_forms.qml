import QtQuick
import QtTest
import Hues.Ui

// StatusChip, StepIndicator, InputField, InputArea, Toast and ConfirmDialog: what they show,
// what they emit, and that what is touchable is at least Theme.touchTarget.
Item {
    id: root
    width: 800
    height: 800

    Component { id: spyComponent; SignalSpy { } }
    Component { id: chip; StatusChip { } }
    Component { id: stepper; StepIndicator { width: 700; steps: ["Category", "Photos", "Place", "Details", "Review"] } }
    Component { id: field; InputField { width: 300 } }
    Component { id: area; InputArea { width: 300 } }
    Component { id: toast; Toast { duration: 100 } }
    Component { id: dialog; ConfirmDialog { heading: "Discard?"; body: "It is deleted."; acceptText: "Discard"; acceptObjectName: "yes"; rejectObjectName: "no" } }

    TestCase {
        name: "Forms"
        when: windowShown

        function test_chip_data() {
            return [
                { tag: "neutral", kind: StatusChip.Neutral, text: "Đã gửi", colour: Theme.textSecondary },
                { tag: "primary", kind: StatusChip.Primary, text: "Đang xử lý", colour: Theme.primary },
                { tag: "info", kind: StatusChip.Info, text: "Đang chờ mạng", colour: Theme.info },
                { tag: "success", kind: StatusChip.Success, text: "Đã xử lý xong", colour: Theme.success },
                { tag: "warning", kind: StatusChip.Warning, text: "Mở lại", colour: Theme.warning },
                { tag: "error", kind: StatusChip.Error, text: "Gửi không được", colour: Theme.error }
            ]
        }
        function test_chip(data) {
            const item = createTemporaryObject(chip, root, { kind: data.kind, text: data.text })
            const label = findChild(item, "chipText")
            compare(label.text, data.text)
            compare(label.color, data.colour)
            compare(item.foreground, data.colour)
            verify(item.width > label.implicitWidth)
        }

        function test_chipElidesWhenNarrow() {
            const item = createTemporaryObject(chip, root, { text: "Một trạng thái có tên rất dài ở đây", width: 80 })
            verify(findChild(item, "chipText").width <= 80)
        }

        function test_steps_data() {
            return [
                { tag: "first", current: 0, reachable: 0, click: 2, emitted: false },
                { tag: "back to a done step", current: 3, reachable: 3, click: 1, emitted: true },
                { tag: "forward within reach", current: 1, reachable: 3, click: 3, emitted: true },
                { tag: "forward out of reach", current: 1, reachable: 2, click: 4, emitted: false },
                { tag: "the current step", current: 2, reachable: 4, click: 2, emitted: false }
            ]
        }
        function test_steps(data) {
            const item = createTemporaryObject(stepper, root, { currentIndex: data.current, reachable: data.reachable })
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "stepClicked" })
            const button = findChild(item, "step_" + data.click)
            verify(button.height >= Theme.touchTarget)
            mouseClick(button)
            compare(spy.count, data.emitted ? 1 : 0)
            if (data.emitted)
                compare(spy.signalArguments[0][0], data.click)
        }

        function test_stepLabels_data() {
            return [ { tag: "wide", width: 700, all: true }, { tag: "phone", width: 300, all: false } ]
        }
        function test_stepLabels(data) {
            const item = createTemporaryObject(stepper, root, { width: data.width, currentIndex: 2 })
            compare(item.allLabels, data.all)
            const label = findChild(item, "stepLabel")
            compare(label.visible, !data.all)
            verify(label.text.indexOf("Place") >= 0)
            verify(label.text.indexOf("3") >= 0)
        }

        function test_field() {
            const item = createTemporaryObject(field, root, { placeholderText: "Địa chỉ" })
            verify(item.height >= Theme.touchTarget)
            compare(item.background.border.color, Theme.outlineStrong)
            item.error = true
            compare(item.background.border.color, Theme.error)
            item.forceActiveFocus()
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_B)
            compare(item.text, "ab")
        }

        function test_area_data() {
            return [
                { tag: "no limit", max: 0, text: "Ổ gà", counter: false, tooLong: false },
                { tag: "within", max: 10, text: "Ổ gà lớn", counter: true, tooLong: false },
                { tag: "at the limit", max: 8, text: "Ổ gà lớn", counter: true, tooLong: false },
                { tag: "too long", max: 5, text: "Ổ gà lớn", counter: true, tooLong: true }
            ]
        }
        function test_area(data) {
            const item = createTemporaryObject(area, root, { maxLength: data.max, text: data.text })
            const counter = findChild(item, "inputCounter")
            compare(counter.visible, data.counter)
            compare(item.tooLong, data.tooLong)
            if (data.counter)
                compare(counter.text, data.text.length + " / " + data.max)
            compare(item.background.border.color, data.tooLong ? Theme.error : Theme.outlineStrong)
            // The text is never cut.
            compare(item.text, data.text)
        }

        function test_areaGrows() {
            const item = createTemporaryObject(area, root, { minimumLines: 2 })
            const before = item.height
            verify(before >= Theme.touchTarget)
            item.text = "1\n2\n3\n4\n5\n6\n7\n8"
            verify(item.height > before)
        }

        function test_toast() {
            const item = createTemporaryObject(toast, root)
            verify(!item.shown)
            item.show("Đã gửi phản ánh")
            verify(item.shown)
            compare(findChild(item, "toastText").text, "Đã gửi phản ánh")
            tryCompare(item, "shown", false, 2000)
            tryCompare(item, "visible", false, 2000)
        }

        function test_dialog_data() {
            return [ { tag: "accept", button: "yes", signal: "accepted" }, { tag: "reject", button: "no", signal: "rejected" } ]
        }
        function test_dialog(data) {
            const item = createTemporaryObject(dialog, root)
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: data.signal })
            item.open()
            tryCompare(item, "opened", true)
            compare(findChild(item, "dialogHeading").text, "Discard?")
            compare(findChild(item, "dialogBody").text, "It is deleted.")
            const button = findChild(item, data.button)
            verify(button.height >= Theme.touchTarget)
            mouseClick(button)
            compare(spy.count, 1)
            tryCompare(item, "visible", false)
        }
    }
}
