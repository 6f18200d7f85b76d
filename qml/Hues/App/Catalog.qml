pragma Singleton
import QtQuick

// The city services the app offers: glyph, name, one-line subtitle and what each will do.
// Kept as a property (not a function) so that a language switch re-evaluates the texts.
QtObject {
    readonly property var services: ({
        "report": {
            glyph: "⚑",
            title: qsTr("Report a problem"),
            subtitle: qsTr("Potholes, street lights, litter, flooding"),
            description: qsTr("Report a broken street light, a pothole, litter or a flooded street with a photo and your location, and follow it until the city has fixed it.")
        },
        "alerts": {
            glyph: "⚠",
            title: qsTr("Alerts"),
            subtitle: qsTr("Floods, storms, power and water cuts"),
            description: qsTr("Receive official warnings of floods, storms and planned power or water cuts for the streets you are in.")
        },
        "appointments": {
            glyph: "🗓",
            title: qsTr("Appointments"),
            subtitle: qsTr("Book a time at a one-stop service centre"),
            description: qsTr("Book a time at a one-stop service centre, see which papers to bring, and skip the queue.")
        },
        "tickets": {
            glyph: "🏛",
            title: qsTr("Tickets"),
            subtitle: qsTr("Imperial City, royal tombs, museums"),
            description: qsTr("Buy tickets to the Imperial City, the royal tombs and the museums, and show them at the gate from your phone, even offline.")
        },
        "pay": {
            glyph: "₫",
            title: qsTr("Pay"),
            subtitle: qsTr("Bills, fees and VietQR payments"),
            description: qsTr("Pay water bills and public fees, or pay a shop or a market trader by scanning their VietQR code.")
        },
        "sign": {
            glyph: "✍",
            title: qsTr("Sign"),
            subtitle: qsTr("Digital signature on your SIM card"),
            description: qsTr("Sign applications and documents with the digital signature on your SIM card, without printing anything.")
        },
        "account": {
            glyph: "person",
            title: qsTr("Account"),
            subtitle: qsTr("One account for every service"),
            description: qsTr("One account for every public service of the city: your profile, your records, and signing in on phones and kiosks.")
        },
        "home": {
            glyph: "⌂",
            title: qsTr("Home"),
            subtitle: "",
            description: ""
        },
        "settings": {
            glyph: "⚙",
            title: qsTr("Settings"),
            subtitle: qsTr("Language, server, local data"),
            description: ""
        }
    })

    // Order of the tiles on the home page.
    readonly property var homeTiles: ["report", "alerts", "appointments", "tickets", "pay", "sign", "account"]
    // Destinations of the NavBar / NavRail.
    readonly property var navigation: ["home", "alerts", "pay", "account", "settings"]
}
