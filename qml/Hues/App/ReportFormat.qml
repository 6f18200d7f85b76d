pragma Singleton
import QtQuick
import Hues.Ui

// How the report screens show states, times, distances and places.
QtObject {
    // The StatusChip kind of a report state (outbox states and the server's detailed status).
    function stateKind(state: string): int {
        switch (state) {
        case "waiting":
        case "sending": return StatusChip.Info
        case "failed": return StatusChip.Error
        case "in_progress": return StatusChip.Primary
        case "closed": return StatusChip.Success
        case "reopened": return StatusChip.Warning
        default: return StatusChip.Neutral
        }
    }

    // "Today, 14:05", "Yesterday, 09:30" or "12/03/2025, 14:05". `language` is only there to make
    // a binding follow the app's language (Settings.language).
    function time(value: var, language: string): string {
        const d = value instanceof Date ? value : new Date(value)
        if (!language || isNaN(d.getTime()))
            return ""
        const clock = Qt.formatTime(d, "HH:mm")
        const today = new Date()
        const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1)
        if (d.toDateString() === today.toDateString())
            return qsTr("Today, %1").arg(clock)
        if (d.toDateString() === yesterday.toDateString())
            return qsTr("Yesterday, %1").arg(clock)
        return Qt.formatDate(d, "dd/MM/yyyy") + ", " + clock
    }

    // A distance for people: "~40 m", "~1.2 km".
    function distance(metres: real, language: string): string {
        if (!language || !(metres >= 0))
            return ""
        if (metres < 1000)
            return qsTr("~%1 m").arg(Math.max(5, Math.round(metres / 5) * 5))
        return qsTr("~%1 km").arg((metres / 1000).toLocaleString(Qt.locale(), "f", 1))
    }

    // "16.46670, 107.59060" (five decimals: about a metre).
    function coordinates(latitude: real, longitude: real): string {
        if (isNaN(latitude) || isNaN(longitude))
            return ""
        return latitude.toFixed(5) + ", " + longitude.toFixed(5)
    }

    // The non-empty texts of `parts`, joined by `separator`.
    function join(parts: var, separator: string): string {
        let out = ""
        for (let i = 0; i < parts.length; ++i) {
            const part = parts[i]
            if (part === undefined || part === null || String(part) === "")
                continue
            out += (out === "" ? "" : separator) + part
        }
        return out
    }
}
