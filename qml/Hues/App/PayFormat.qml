pragma Singleton
import QtQuick

// How the payment screens show merchant and bill categories, amounts being typed and times.
QtObject {
    // A symbol for a merchant or bill category of the payments contract.
    function categoryGlyph(category: string): string {
        switch (category) {
        case "electricity": return "⚡"
        case "water": return "💧"
        case "telecom": return "📞"
        case "tuition": return "🎓"
        case "hospital": return "🏥"
        case "public_fee": return "🏛"
        case "heritage": return "🏯"
        case "bus": return "🚌"
        case "taxi": return "🚕"
        case "market": return "🛒"
        case "food": return "🍜"
        default: return "₫"
        }
    }

    // The category's name for people. `language` is only there to make a binding follow the
    // app's language (Settings.language).
    function categoryName(category: string, language: string): string {
        if (!language)
            return ""
        switch (category) {
        case "electricity": return qsTr("Electricity")
        case "water": return qsTr("Water")
        case "telecom": return qsTr("Phone and internet")
        case "tuition": return qsTr("Tuition")
        case "hospital": return qsTr("Hospital fees")
        case "public_fee": return qsTr("Public service fees")
        case "heritage": return qsTr("Heritage sites")
        case "bus": return qsTr("Bus")
        case "taxi": return qsTr("Taxi")
        case "market": return qsTr("Market")
        case "food": return qsTr("Food and drink")
        default: return qsTr("Other")
        }
    }

    // An amount for large type: the đồng sign never wraps onto a line of its own.
    function keepTogether(text: string): string {
        return text.replace(/ ₫/g, "\u00A0₫")
    }

    // The digits of what was typed, without leading zeros ("50.000" -> "50000"), at most 9.
    function digitsOf(text: string): string {
        return text.replace(/[^0-9]/g, "").replace(/^0+/, "").slice(0, 9)
    }

    // An amount being typed, grouped the Vietnamese way: "50000" -> "50.000"; "" stays "".
    function groupDigits(digits: string): string {
        if (digits === "")
            return ""
        return Number(digits).toLocaleString(Qt.locale("vi_VN"), "f", 0)
    }

    // A date of the server ("2025-03-31") as people here write it ("31/03/2025").
    function isoDate(iso: string): string {
        const parts = iso.split("-")
        return parts.length === 3 ? parts[2] + "/" + parts[1] + "/" + parts[0] : iso
    }

    // "14:05" of a time (a Date or what Date takes); "" for an invalid one.
    function clock(value: var): string {
        const d = value instanceof Date ? value : new Date(value)
        return isNaN(d.getTime()) ? "" : Qt.formatTime(d, "HH:mm")
    }

    // "14:05:09, 28/11/2026" for a receipt; "" for an invalid time.
    function receiptTime(value: var, language: string): string {
        const d = value instanceof Date ? value : new Date(value)
        if (!language || isNaN(d.getTime()))
            return ""
        return Qt.formatTime(d, "HH:mm:ss") + ", " + Qt.formatDate(d, "dd/MM/yyyy")
    }

    // "12:34" of minutes and seconds left until `until` (a Date), at `now` (ms since the epoch);
    // "" when there is no valid time.
    function countdown(until: var, now: real): string {
        const d = until instanceof Date ? until : new Date(until)
        if (isNaN(d.getTime()))
            return ""
        const left = Math.max(0, Math.floor((d.getTime() - now) / 1000))
        const minutes = Math.floor(left / 60)
        const seconds = left % 60
        return minutes + ":" + (seconds < 10 ? "0" : "") + seconds
    }
}
