<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Catalog</name>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="10"/>
        <source>Report a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="11"/>
        <source>Potholes, street lights, litter, flooding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="12"/>
        <source>Report a broken street light, a pothole, litter or a flooded street with a photo and your location, and follow it until the city has fixed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="16"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="17"/>
        <source>Floods, storms, power and water cuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="18"/>
        <source>Receive official warnings of floods, storms and planned power or water cuts for the streets you are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="22"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="23"/>
        <source>Book a time at a one-stop service centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="24"/>
        <source>Book a time at a one-stop service centre, see which papers to bring, and skip the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="28"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="29"/>
        <source>Imperial City, royal tombs, museums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="30"/>
        <source>Buy tickets to the Imperial City, the royal tombs and the museums, and show them at the gate from your phone, even offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="34"/>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="35"/>
        <source>Bills, fees and VietQR payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="36"/>
        <source>Pay water bills and public fees, or pay a shop or a market trader by scanning their VietQR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="40"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="41"/>
        <source>Digital signature on your SIM card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="42"/>
        <source>Sign applications and documents with the digital signature on your SIM card, without printing anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="46"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="47"/>
        <source>One account for every service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="48"/>
        <source>One account for every public service of the city: your profile, your records, and signing in on phones and kiosks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="52"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="58"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="59"/>
        <source>Language, server, local data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <location filename="../qml/Hues/Ui/ComingSoon.qml" line="53"/>
        <source>Coming soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/Ui/ComingSoon.qml" line="86"/>
        <source>This service is still being built and is not available yet. It will appear here in a future update.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <location filename="../qml/Hues/App/ComingSoonPage.qml" line="46"/>
        <source>Back to home</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="84"/>
        <source>Huế City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="95"/>
        <source>Hue-S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="111"/>
        <source>One account, every public service of the city.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="144"/>
        <source>The city server cannot be reached. What you do now is kept on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="146"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="146"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="154"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadingIndicator</name>
    <message>
        <location filename="../qml/Hues/Ui/LoadingIndicator.qml" line="17"/>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Hues/App/Main.qml" line="56"/>
        <source>Hue-S</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <location filename="../qml/Hues/Ui/PageHeader.qml" line="33"/>
        <location filename="../qml/Hues/Ui/PageHeader.qml" line="35"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="22"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="23"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="24"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="25"/>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="144"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="167"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="171"/>
        <source>Display language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="172"/>
        <source>Used for every screen of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="179"/>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="186"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="194"/>
        <source>City server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="198"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="200"/>
        <source>Server version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="218"/>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="231"/>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="252"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="265"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="285"/>
        <source>Data on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="289"/>
        <source>Local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="291"/>
        <source>The local cache was cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="292"/>
        <source>Copies of city data kept for offline use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="296"/>
        <source>Clear local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="303"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="307"/>
        <source>Hue-S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="308"/>
        <source>The citizen app of Huế smart city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="312"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="345"/>
        <source>Clear the local cache?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="353"/>
        <source>Saved copies of city data will be removed and downloaded again when needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="365"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="370"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../qml/Hues/Ui/StatusBanner.qml" line="94"/>
        <location filename="../qml/Hues/Ui/StatusBanner.qml" line="95"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hues::AppSettings</name>
    <message>
        <location filename="../app/AppSettings.cpp" line="74"/>
        <source>Enter the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/AppSettings.cpp" line="90"/>
        <source>The local cache could not be cleared: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>net::ApiClient</name>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="54"/>
        <source>Enter a full address, for example https://hues.example.vn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="56"/>
        <source>The address must not contain a user name, a query or a fragment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="63"/>
        <source>Use https: plain http is only allowed for a server on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="65"/>
        <source>The address must start with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="85"/>
        <source>Cannot read the CA file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="91"/>
        <source>The file %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>net::ApiError</name>
    <message>
        <location filename="../core/net/ApiError.cpp" line="29"/>
        <source>Cannot reach the city server. Check your internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="31"/>
        <source>The city server is taking too long to answer. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="33"/>
        <source>The server&apos;s security certificate could not be verified, so the connection was stopped. Check the server address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="36"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="38"/>
        <source>Your account is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="40"/>
        <source>What you asked for was not found on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="43"/>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="45"/>
        <source>What you are sending is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="46"/>
        <source>The server did not accept the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="48"/>
        <source>The city server has a problem right now. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="50"/>
        <source>The server sent an answer the app does not understand. Check the server address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="53"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="55"/>
        <source>The server address is not valid. Check it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>store::StoreService</name>
    <message>
        <location filename="../core/store/StoreService.cpp" line="27"/>
        <source>The local data on this device was damaged and has been reset. Your information on the server is not affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
