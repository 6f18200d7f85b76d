<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>Catalog</name>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="10"/>
        <source>Report a problem</source>
        <translation>Phản ánh hiện trường</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="11"/>
        <source>Potholes, street lights, litter, flooding</source>
        <translation>Ổ gà, đèn đường, rác thải, ngập úng</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="12"/>
        <source>Report a broken street light, a pothole, litter or a flooded street with a photo and your location, and follow it until the city has fixed it.</source>
        <translation>Phản ánh đèn đường hỏng, ổ gà, rác thải hay đường ngập kèm ảnh và vị trí của bạn, rồi theo dõi cho đến khi thành phố xử lý xong.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="16"/>
        <source>Alerts</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="17"/>
        <source>Floods, storms, power and water cuts</source>
        <translation>Lũ lụt, bão, cắt điện và cắt nước</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="18"/>
        <source>Receive official warnings of floods, storms and planned power or water cuts for the streets you are in.</source>
        <translation>Nhận cảnh báo chính thức về lũ lụt, bão và lịch cắt điện, cắt nước tại khu phố bạn đang ở.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="22"/>
        <source>Appointments</source>
        <translation>Đặt lịch hẹn</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="23"/>
        <source>Book a time at a one-stop service centre</source>
        <translation>Đặt lịch tại Trung tâm Phục vụ hành chính công</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="24"/>
        <source>Book a time at a one-stop service centre, see which papers to bring, and skip the queue.</source>
        <translation>Đặt lịch hẹn tại Trung tâm Phục vụ hành chính công, xem cần mang theo giấy tờ gì và không phải xếp hàng chờ.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="28"/>
        <source>Tickets</source>
        <translation>Vé tham quan</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="29"/>
        <source>Imperial City, royal tombs, museums</source>
        <translation>Đại Nội, lăng tẩm, bảo tàng</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="30"/>
        <source>Buy tickets to the Imperial City, the royal tombs and the museums, and show them at the gate from your phone, even offline.</source>
        <translation>Mua vé tham quan Đại Nội, các lăng vua và bảo tàng, rồi xuất trình vé ngay trên điện thoại tại cổng, kể cả khi không có mạng.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="34"/>
        <source>Pay</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="35"/>
        <source>Bills, fees and VietQR payments</source>
        <translation>Hóa đơn, phí và thanh toán VietQR</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="36"/>
        <source>Pay water bills and public fees, or pay a shop or a market trader by scanning their VietQR code.</source>
        <translation>Thanh toán hóa đơn tiền nước và các khoản phí công, hoặc trả tiền cho cửa hàng, tiểu thương ở chợ bằng cách quét mã VietQR.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="40"/>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="41"/>
        <source>Digital signature on your SIM card</source>
        <translation>Chữ ký số trên SIM của bạn</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="42"/>
        <source>Sign applications and documents with the digital signature on your SIM card, without printing anything.</source>
        <translation>Ký hồ sơ và văn bản bằng chữ ký số trên SIM điện thoại, không cần in giấy.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="46"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="47"/>
        <source>One account for every service</source>
        <translation>Một tài khoản cho mọi dịch vụ</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="48"/>
        <source>One account for every public service of the city: your profile, your records, and signing in on phones and kiosks.</source>
        <translation>Một tài khoản cho mọi dịch vụ công của thành phố: hồ sơ cá nhân, lịch sử giao dịch và đăng nhập trên điện thoại lẫn ki-ốt.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="52"/>
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="58"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="59"/>
        <source>Language, server, local data</source>
        <translation>Ngôn ngữ, máy chủ, dữ liệu trên máy</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <location filename="../qml/Hues/Ui/ComingSoon.qml" line="53"/>
        <source>Coming soon</source>
        <translation>Sắp ra mắt</translation>
    </message>
    <message>
        <location filename="../qml/Hues/Ui/ComingSoon.qml" line="86"/>
        <source>This service is still being built and is not available yet. It will appear here in a future update.</source>
        <translation>Dịch vụ này đang được xây dựng và chưa sử dụng được. Dịch vụ sẽ có mặt tại đây trong một bản cập nhật sắp tới.</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <location filename="../qml/Hues/App/ComingSoonPage.qml" line="46"/>
        <source>Back to home</source>
        <translation>Về trang chủ</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="84"/>
        <source>Huế City</source>
        <translation>Thành phố Huế</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="95"/>
        <source>Hue-S</source>
        <translation>Hue-S</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="111"/>
        <source>One account, every public service of the city.</source>
        <translation>Một tài khoản, mọi dịch vụ công của thành phố.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="144"/>
        <source>The city server cannot be reached. What you do now is kept on this device.</source>
        <translation>Không kết nối được máy chủ của thành phố. Những gì bạn làm lúc này được lưu trên thiết bị.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="146"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="146"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="154"/>
        <source>Services</source>
        <translation>Dịch vụ</translation>
    </message>
</context>
<context>
    <name>LoadingIndicator</name>
    <message>
        <location filename="../qml/Hues/Ui/LoadingIndicator.qml" line="17"/>
        <source>Loading</source>
        <translation>Đang tải</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Hues/App/Main.qml" line="56"/>
        <source>Hue-S</source>
        <translation>Hue-S</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <location filename="../qml/Hues/Ui/PageHeader.qml" line="33"/>
        <location filename="../qml/Hues/Ui/PageHeader.qml" line="35"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="22"/>
        <source>Online</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="23"/>
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="24"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="25"/>
        <source>Not checked yet</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="144"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="167"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="171"/>
        <source>Display language</source>
        <translation>Ngôn ngữ hiển thị</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="172"/>
        <source>Used for every screen of the app.</source>
        <translation>Áp dụng cho mọi màn hình của ứng dụng.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="179"/>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="186"/>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="194"/>
        <source>City server</source>
        <translation>Máy chủ thành phố</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="198"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="200"/>
        <source>Server version %1</source>
        <translation>Phiên bản máy chủ %1</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="218"/>
        <source>Check now</source>
        <translation>Kiểm tra ngay</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="231"/>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="252"/>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="265"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="285"/>
        <source>Data on this device</source>
        <translation>Dữ liệu trên thiết bị</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="289"/>
        <source>Local cache</source>
        <translation>Bộ nhớ đệm</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="291"/>
        <source>The local cache was cleared.</source>
        <translation>Đã xóa bộ nhớ đệm.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="292"/>
        <source>Copies of city data kept for offline use.</source>
        <translation>Bản sao dữ liệu của thành phố, lưu để dùng khi không có mạng.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="296"/>
        <source>Clear local cache</source>
        <translation>Xóa bộ nhớ đệm</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="303"/>
        <source>About</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="307"/>
        <source>Hue-S</source>
        <translation>Hue-S</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="308"/>
        <source>The citizen app of Huế smart city</source>
        <translation>Ứng dụng công dân của đô thị thông minh Huế</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="312"/>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="345"/>
        <source>Clear the local cache?</source>
        <translation>Xóa bộ nhớ đệm?</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="353"/>
        <source>Saved copies of city data will be removed and downloaded again when needed.</source>
        <translation>Các bản sao dữ liệu của thành phố sẽ bị xóa và được tải lại khi cần.</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="365"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="370"/>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../qml/Hues/Ui/StatusBanner.qml" line="94"/>
        <location filename="../qml/Hues/Ui/StatusBanner.qml" line="95"/>
        <source>Dismiss</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>hues::AppSettings</name>
    <message>
        <location filename="../app/AppSettings.cpp" line="74"/>
        <source>Enter the server address.</source>
        <translation>Hãy nhập địa chỉ máy chủ.</translation>
    </message>
    <message>
        <location filename="../app/AppSettings.cpp" line="90"/>
        <source>The local cache could not be cleared: %1</source>
        <translation>Không xóa được bộ nhớ đệm: %1</translation>
    </message>
</context>
<context>
    <name>net::ApiClient</name>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="54"/>
        <source>Enter a full address, for example https://hues.example.vn</source>
        <translation>Hãy nhập địa chỉ đầy đủ, ví dụ https://hues.example.vn</translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="56"/>
        <source>The address must not contain a user name, a query or a fragment.</source>
        <translation>Địa chỉ không được chứa tên người dùng, chuỗi truy vấn hay phân đoạn (#).</translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="63"/>
        <source>Use https: plain http is only allowed for a server on this device.</source>
        <translation>Hãy dùng https: http thường chỉ được phép với máy chủ chạy trên chính thiết bị này.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="65"/>
        <source>The address must start with https://</source>
        <translation>Địa chỉ phải bắt đầu bằng https://</translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="85"/>
        <source>Cannot read the CA file %1</source>
        <translation>Không đọc được tệp chứng chỉ CA %1</translation>
    </message>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="91"/>
        <source>The file %1 holds no PEM certificate</source>
        <translation>Tệp %1 không chứa chứng chỉ PEM nào</translation>
    </message>
</context>
<context>
    <name>net::ApiError</name>
    <message>
        <location filename="../core/net/ApiError.cpp" line="29"/>
        <source>Cannot reach the city server. Check your internet connection and try again.</source>
        <translation>Không kết nối được máy chủ của thành phố. Hãy kiểm tra kết nối Internet rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="31"/>
        <source>The city server is taking too long to answer. Try again in a moment.</source>
        <translation>Máy chủ của thành phố phản hồi quá lâu. Hãy thử lại sau ít phút.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="33"/>
        <source>The server&apos;s security certificate could not be verified, so the connection was stopped. Check the server address in Settings.</source>
        <translation>Không xác minh được chứng chỉ bảo mật của máy chủ nên kết nối đã bị dừng. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="36"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="38"/>
        <source>Your account is not allowed to do this.</source>
        <translation>Tài khoản của bạn không có quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="40"/>
        <source>What you asked for was not found on the server.</source>
        <translation>Không tìm thấy nội dung bạn yêu cầu trên máy chủ.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="43"/>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Quá nhiều yêu cầu. Hãy đợi một lát rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="45"/>
        <source>What you are sending is too large.</source>
        <translation>Dữ liệu bạn gửi quá lớn.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="46"/>
        <source>The server did not accept the request.</source>
        <translation>Máy chủ không chấp nhận yêu cầu.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="48"/>
        <source>The city server has a problem right now. Try again later.</source>
        <translation>Máy chủ của thành phố đang gặp sự cố. Hãy thử lại sau.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="50"/>
        <source>The server sent an answer the app does not understand. Check the server address in Settings.</source>
        <translation>Máy chủ gửi về phản hồi mà ứng dụng không hiểu được. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="53"/>
        <source>The request was cancelled.</source>
        <translation>Yêu cầu đã bị hủy.</translation>
    </message>
    <message>
        <location filename="../core/net/ApiError.cpp" line="55"/>
        <source>The server address is not valid. Check it in Settings.</source>
        <translation>Địa chỉ máy chủ không hợp lệ. Hãy kiểm tra trong Cài đặt.</translation>
    </message>
</context>
<context>
    <name>store::StoreService</name>
    <message>
        <location filename="../core/store/StoreService.cpp" line="27"/>
        <source>The local data on this device was damaged and has been reset. Your information on the server is not affected.</source>
        <translation>Dữ liệu trên thiết bị này bị hỏng và đã được khởi tạo lại. Thông tin của bạn trên máy chủ không bị ảnh hưởng.</translation>
    </message>
</context>
</TS>
