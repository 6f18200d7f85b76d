import QtQuick
import QtTest
import Hues.Ui

// LoadingIndicator, SettingRow and Theme.
Item {
    id: root
    width: 600
    height: 400

    Component { id: loading; LoadingIndicator { } }
    Component {
        id: settingRow
        SettingRow {
            width: 600
            PrimaryButton { objectName: "rowButton"; text: "Save" }
        }
    }

    TestCase {
        name: "Misc"
        when: windowShown

        function test_loading_data() {
            return [ { tag: "running", running: true, text: "Loading…" }, { tag: "stopped", running: false, text: "" } ]
        }
        function test_loading(data) {
            const item = createTemporaryObject(loading, root, { running: data.running, text: data.text })
            compare(item.visible, data.running)
        }

        function test_settingRow_data() {
            return [ { tag: "wide", width: 600, stacked: false }, { tag: "narrow", width: 320, stacked: true } ]
        }
        function test_settingRow(data) {
            const row = createTemporaryObject(settingRow, root, { title: "Language", description: "Tiếng Việt", width: data.width })
            compare(row.stacked, data.stacked)
            compare(findChild(row, "settingTitle").text, "Language")
            compare(findChild(row, "settingDescription").text, "Tiếng Việt")
            const button = findChild(row, "rowButton")
            verify(button)
            verify(row.height >= Theme.touchTarget)
        }

        function test_theme() {
            verify(Theme.touchTarget >= 48)
            verify(Theme.fontBody >= 14)
            verify(Qt.colorEqual(Theme.textOnPrimary, "white"))
        }
    }
}
