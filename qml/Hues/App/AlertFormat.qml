pragma Singleton
import QtQuick
import Hues.Ui

// How the alert screens show times, states and CAP's coded values. `language` parameters are
// only there to make a binding follow the app's language (Settings.language).
QtObject {
    function validDate(value: var): bool {
        const d = value instanceof Date ? value : new Date(value)
        return value !== undefined && value !== null && value !== "" && !isNaN(d.getTime())
    }

    // "until 18:00" (today), "until tomorrow, 06:00", "until 12/03, 18:00"; "" when none.
    function until(value: var, language: string): string {
        if (!language || !validDate(value))
            return ""
        const d = value instanceof Date ? value : new Date(value)
        const clock = Qt.formatTime(d, "HH:mm")
        const today = new Date()
        const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)
        if (d.toDateString() === today.toDateString())
            return qsTr("until %1").arg(clock)
        if (d.toDateString() === tomorrow.toDateString())
            return qsTr("until tomorrow, %1").arg(clock)
        return qsTr("until %1").arg(Qt.formatDate(d, "dd/MM") + ", " + clock)
    }

    // "14:05" today, else "12/03 14:05".
    function clock(value: var): string {
        if (!validDate(value))
            return ""
        const d = value instanceof Date ? value : new Date(value)
        return d.toDateString() === new Date().toDateString() ? Qt.formatTime(d, "HH:mm")
                                                             : Qt.formatDateTime(d, "dd/MM HH:mm")
    }

    // "12/03/2025 14:05", for the detail's times.
    function full(value: var, language: string): string {
        if (!language || !validDate(value))
            return ""
        const d = value instanceof Date ? value : new Date(value)
        return Qt.formatDateTime(d, "dd/MM/yyyy HH:mm")
    }

    // The push stream's state in a few words.
    function streamText(state: string, updatedAt: var, language: string): string {
        if (!language)
            return ""
        if (state === "live")
            return qsTr("Live")
        if (state === "connecting")
            return validDate(updatedAt) ? qsTr("Connecting… showing alerts from %1").arg(clock(updatedAt))
                                        : qsTr("Connecting…")
        return validDate(updatedAt) ? qsTr("Offline — showing alerts from %1").arg(clock(updatedAt))
                                    : qsTr("Offline")
    }

    function streamColor(state: string): color {
        return state === "live" ? Theme.success : state === "connecting" ? Theme.warning : Theme.textSecondary
    }

    // The StatusChip kind of a citizen alert's state.
    function submissionKind(state: string): int {
        switch (state) {
        case "waiting":
        case "sending": return StatusChip.Info
        case "failed":
        case "rejected": return StatusChip.Error
        case "pending": return StatusChip.Warning
        case "approved": return StatusChip.Success
        default: return StatusChip.Neutral
        }
    }

    // CAP <urgency> and <certainty> for people.
    function urgencyText(urgency: string, language: string): string {
        if (!language)
            return ""
        switch (urgency) {
        case "Immediate": return qsTr("Act now")
        case "Expected": return qsTr("Act within the next hour")
        case "Future": return qsTr("Act in the near future")
        case "Past": return qsTr("No action needed any more")
        default: return ""
        }
    }
    function certaintyText(certainty: string, language: string): string {
        if (!language)
            return ""
        switch (certainty) {
        case "Observed": return qsTr("Observed")
        case "Likely": return qsTr("Likely")
        case "Possible": return qsTr("Possible")
        case "Unlikely": return qsTr("Unlikely")
        default: return ""
        }
    }

    // The names of CAP category codes, from Alerts.categoryChoices ([{code, name}]).
    function categoryNames(codes: var, choices: var): string {
        if (!codes)
            return ""
        const names = []
        for (let i = 0; i < codes.length; ++i) {
            const choice = (choices ?? []).find(c => c.code === codes[i])
            names.push(choice ? choice.name : codes[i])
        }
        return names.join(", ")
    }

    // A saved place's kind.
    function kindText(kind: string, language: string): string {
        if (!language)
            return ""
        switch (kind) {
        case "home": return qsTr("Home")
        case "work": return qsTr("Work")
        case "family": return qsTr("Family")
        default: return qsTr("Other")
        }
    }
    function kindGlyph(kind: string): string {
        switch (kind) {
        case "home": return "⌂"
        case "work": return "▣"
        case "family": return "♥"
        default: return "◉"
        }
    }
}
