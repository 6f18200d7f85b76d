<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../qml/Hues/App/AccountPage.qml" line="+55"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One account for every service</source>
        <translation>Một tài khoản cho mọi dịch vụ</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sign in to Hue-S</source>
        <translation>Đăng nhập vào Hue-S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One account for every public service of the city. Sign in with your phone: scan a code, approve on the phone, and this kiosk signs you in. You are signed out when you leave.</source>
        <translation>Một tài khoản cho mọi dịch vụ công của thành phố. Đăng nhập bằng điện thoại: quét mã, xác nhận trên điện thoại, và ki-ốt này sẽ đăng nhập cho bạn. Bạn sẽ được đăng xuất khi rời đi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One account for every public service of the city: report a problem, book an appointment, pay a bill and follow what you sent. You sign in on the city&apos;s sign-in page in your browser; the app never sees your password.</source>
        <translation>Một tài khoản cho mọi dịch vụ công của thành phố: phản ánh sự cố, đặt lịch hẹn, thanh toán hóa đơn và theo dõi những gì bạn đã gửi. Bạn đăng nhập trên trang đăng nhập của thành phố trong trình duyệt; ứng dụng không bao giờ thấy mật khẩu của bạn.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+46"/>
        <source>Sign in with your phone</source>
        <translation>Đăng nhập bằng điện thoại</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>QR code to sign in with your phone</source>
        <translation>Mã QR để đăng nhập bằng điện thoại</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Getting a code…</source>
        <translation>Đang lấy mã…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan the code with your phone&apos;s camera, sign in on the page it opens and approve. This screen continues by itself.</source>
        <translation>Quét mã bằng camera điện thoại, đăng nhập trên trang vừa mở và xác nhận. Màn hình này sẽ tự chuyển tiếp.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Code: %1</source>
        <translation>Mã: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The code is valid for %1 more.</source>
        <translation>Mã còn hiệu lực trong %1.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Continue in your browser…</source>
        <translation>Tiếp tục trong trình duyệt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking your account…</source>
        <translation>Đang kiểm tra tài khoản…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in on the page that opened in your browser, then come back here.</source>
        <translation>Hãy đăng nhập trên trang vừa mở trong trình duyệt, rồi quay lại đây.</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+34"/>
        <location line="+144"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>Or open this address on any device and enter the code:</source>
        <translation>Hoặc mở địa chỉ này trên thiết bị bất kỳ và nhập mã:</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Signed in as</source>
        <translation>Đã đăng nhập với tên</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You will need to sign in again next time: this device has no secure storage.</source>
        <translation>Lần sau bạn sẽ cần đăng nhập lại: thiết bị này không có kho lưu trữ bảo mật.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+55"/>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Sign out?</source>
        <translation>Đăng xuất?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your personal data is removed from this device. Reports and payments waiting to be sent are kept.</source>
        <translation>Dữ liệu cá nhân của bạn sẽ được xóa khỏi thiết bị này. Các phản ánh và khoản thanh toán đang chờ gửi vẫn được giữ lại.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../qml/Hues/App/Catalog.qml" line="+10"/>
        <source>Report a problem</source>
        <translation>Phản ánh hiện trường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potholes, street lights, litter, flooding</source>
        <translation>Ổ gà, đèn đường, rác thải, ngập úng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report a broken street light, a pothole, litter or a flooded street with a photo and your location, and follow it until the city has fixed it.</source>
        <translation>Phản ánh đèn đường hỏng, ổ gà, rác thải hay đường ngập kèm ảnh và vị trí của bạn, rồi theo dõi cho đến khi thành phố xử lý xong.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alerts</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floods, storms, power and water cuts</source>
        <translation>Lũ lụt, bão, cắt điện và cắt nước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive official warnings of floods, storms and planned power or water cuts for the streets you are in.</source>
        <translation>Nhận cảnh báo chính thức về lũ lụt, bão và lịch cắt điện, cắt nước tại khu phố bạn đang ở.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appointments</source>
        <translation>Đặt lịch hẹn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book a time at a one-stop service centre</source>
        <translation>Đặt lịch tại Trung tâm Phục vụ hành chính công</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book a time at a one-stop service centre, see which papers to bring, and skip the queue.</source>
        <translation>Đặt lịch hẹn tại Trung tâm Phục vụ hành chính công, xem cần mang theo giấy tờ gì và không phải xếp hàng chờ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tickets</source>
        <translation>Vé tham quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imperial City, royal tombs, museums</source>
        <translation>Đại Nội, lăng tẩm, bảo tàng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buy tickets to the Imperial City, the royal tombs and the museums, and show them at the gate from your phone, even offline.</source>
        <translation>Mua vé tham quan Đại Nội, các lăng vua và bảo tàng, rồi xuất trình vé ngay trên điện thoại tại cổng, kể cả khi không có mạng.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pay</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bills, fees and VietQR payments</source>
        <translation>Hóa đơn, phí và thanh toán VietQR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay water bills and public fees, or pay a shop or a market trader by scanning their VietQR code.</source>
        <translation>Thanh toán hóa đơn tiền nước và các khoản phí công, hoặc trả tiền cho cửa hàng, tiểu thương ở chợ bằng cách quét mã VietQR.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digital signature on your SIM card</source>
        <translation>Chữ ký số trên SIM của bạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign applications and documents with the digital signature on your SIM card, without printing anything.</source>
        <translation>Ký hồ sơ và văn bản bằng chữ ký số trên SIM điện thoại, không cần in giấy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One account for every service</source>
        <translation>Một tài khoản cho mọi dịch vụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One account for every public service of the city: your profile, your records, and signing in on phones and kiosks.</source>
        <translation>Một tài khoản cho mọi dịch vụ công của thành phố: hồ sơ cá nhân, lịch sử giao dịch và đăng nhập trên điện thoại lẫn ki-ốt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language, server, local data</source>
        <translation>Ngôn ngữ, máy chủ, dữ liệu trên máy</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <location filename="../qml/Hues/Ui/ComingSoon.qml" line="+53"/>
        <source>Coming soon</source>
        <translation>Sắp ra mắt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This service is still being built and is not available yet. It will appear here in a future update.</source>
        <translation>Dịch vụ này đang được xây dựng và chưa sử dụng được. Dịch vụ sẽ có mặt tại đây trong một bản cập nhật sắp tới.</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <location filename="../qml/Hues/App/ComingSoonPage.qml" line="+46"/>
        <source>Back to home</source>
        <translation>Về trang chủ</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/Hues/App/HomePage.qml" line="+84"/>
        <source>Huế City</source>
        <translation>Thành phố Huế</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hue-S</source>
        <translation>Hue-S</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>One account, every public service of the city.</source>
        <translation>Một tài khoản, mọi dịch vụ công của thành phố.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The city server cannot be reached. What you do now is kept on this device.</source>
        <translation>Không kết nối được máy chủ của thành phố. Những gì bạn làm lúc này được lưu trên thiết bị.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Services</source>
        <translation>Dịch vụ</translation>
    </message>
</context>
<context>
    <name>LoadingIndicator</name>
    <message>
        <location filename="../qml/Hues/Ui/LoadingIndicator.qml" line="+17"/>
        <source>Loading</source>
        <translation>Đang tải</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Hues/App/Main.qml" line="+61"/>
        <source>Hue-S</source>
        <translation>Hue-S</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Still there?</source>
        <translation>Bạn vẫn đang ở đây chứ?</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>For your privacy you will be signed out in %n second(s) and your data removed from this kiosk.</source>
        <translation>
            <numerusform>Để bảo vệ quyền riêng tư, bạn sẽ được đăng xuất sau %n giây và dữ liệu của bạn sẽ được xóa khỏi ki-ốt này.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>I&apos;m here</source>
        <translation>Tôi vẫn ở đây</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <location filename="../qml/Hues/Ui/PageHeader.qml" line="+33"/>
        <location line="+2"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/Hues/App/SettingsPage.qml" line="+22"/>
        <source>Online</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked yet</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Display language</source>
        <translation>Ngôn ngữ hiển thị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used for every screen of the app.</source>
        <translation>Áp dụng cho mọi màn hình của ứng dụng.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>City server</source>
        <translation>Máy chủ thành phố</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server version %1</source>
        <translation>Phiên bản máy chủ %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Check now</source>
        <translation>Kiểm tra ngay</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+21"/>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Data on this device</source>
        <translation>Dữ liệu trên thiết bị</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Local cache</source>
        <translation>Bộ nhớ đệm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The local cache was cleared.</source>
        <translation>Đã xóa bộ nhớ đệm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies of city data kept for offline use.</source>
        <translation>Bản sao dữ liệu của thành phố, lưu để dùng khi không có mạng.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear local cache</source>
        <translation>Xóa bộ nhớ đệm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hue-S</source>
        <translation>Hue-S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The citizen app of Huế smart city</source>
        <translation>Ứng dụng công dân của đô thị thông minh Huế</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Clear the local cache?</source>
        <translation>Xóa bộ nhớ đệm?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved copies of city data will be removed and downloaded again when needed. Reports and payments waiting to be sent are kept.</source>
        <translation>Các bản lưu dữ liệu thành phố sẽ bị xóa và được tải lại khi cần. Phản ánh và thanh toán đang chờ gửi vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../qml/Hues/Ui/StatusBanner.qml" line="+94"/>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>auth::AuthError</name>
    <message>
        <location filename="../core/auth/AuthError.cpp" line="+42"/>
        <source>Cannot reach the sign-in service. Try again in a moment.</source>
        <translation>Không kết nối được với dịch vụ đăng nhập. Vui lòng thử lại sau giây lát.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sign-in service is not set up safely, so the app will not use it. Check the server address in Settings.</source>
        <translation>Dịch vụ đăng nhập không được thiết lập an toàn nên ứng dụng sẽ không dùng. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app could not open your web browser to sign in.</source>
        <translation>Ứng dụng không mở được trình duyệt để đăng nhập.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in took too long. Please try again.</source>
        <translation>Đăng nhập mất quá nhiều thời gian. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in was cancelled.</source>
        <translation>Đã hủy đăng nhập.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in was refused. Please try again.</source>
        <translation>Đăng nhập bị từ chối. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sign-in service refused the request. Please sign in again.</source>
        <translation>Dịch vụ đăng nhập đã từ chối yêu cầu. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answer from the browser does not belong to this sign-in, so it was ignored. Please sign in again.</source>
        <translation>Phản hồi từ trình duyệt không thuộc lần đăng nhập này nên đã bị bỏ qua. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sign-in service sent an answer the app does not understand.</source>
        <translation>Dịch vụ đăng nhập gửi một phản hồi mà ứng dụng không hiểu được.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sign-in could not be verified, so the app did not sign you in. Please try again.</source>
        <translation>Không xác minh được lần đăng nhập nên ứng dụng chưa đăng nhập cho bạn. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in could not be verified. Check that the date and time of this device are correct, then try again.</source>
        <translation>Không xác minh được lần đăng nhập. Hãy kiểm tra ngày giờ của thiết bị có đúng không, rồi thử lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The code has expired. Start again to get a new one.</source>
        <translation>Mã đã hết hạn. Hãy bắt đầu lại để nhận mã mới.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in was refused on the phone.</source>
        <translation>Đăng nhập đã bị từ chối trên điện thoại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.</translation>
    </message>
</context>
<context>
    <name>hues::AppSettings</name>
    <message>
        <location filename="../app/AppSettings.cpp" line="+74"/>
        <source>Enter the server address.</source>
        <translation>Hãy nhập địa chỉ máy chủ.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The local cache could not be cleared: %1</source>
        <translation>Không xóa được bộ nhớ đệm: %1</translation>
    </message>
</context>
<context>
    <name>net::ApiClient</name>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="+56"/>
        <source>Enter a full address, for example https://hues.example.vn</source>
        <translation>Hãy nhập địa chỉ đầy đủ, ví dụ https://hues.example.vn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address must not contain a user name, a query or a fragment.</source>
        <translation>Địa chỉ không được chứa tên người dùng, chuỗi truy vấn hay phân đoạn (#).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use https: plain http is only allowed for a server on this device.</source>
        <translation>Hãy dùng https: http thường chỉ được phép với máy chủ chạy trên chính thiết bị này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address must start with https://</source>
        <translation>Địa chỉ phải bắt đầu bằng https://</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot read the CA file %1</source>
        <translation>Không đọc được tệp chứng chỉ CA %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 holds no PEM certificate</source>
        <translation>Tệp %1 không chứa chứng chỉ PEM nào</translation>
    </message>
</context>
<context>
    <name>net::ApiError</name>
    <message>
        <location filename="../core/net/ApiError.cpp" line="+29"/>
        <source>Cannot reach the city server. Check your internet connection and try again.</source>
        <translation>Không kết nối được máy chủ của thành phố. Hãy kiểm tra kết nối Internet rồi thử lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The city server is taking too long to answer. Try again in a moment.</source>
        <translation>Máy chủ của thành phố phản hồi quá lâu. Hãy thử lại sau ít phút.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s security certificate could not be verified, so the connection was stopped. Check the server address in Settings.</source>
        <translation>Không xác minh được chứng chỉ bảo mật của máy chủ nên kết nối đã bị dừng. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account is not allowed to do this.</source>
        <translation>Tài khoản của bạn không có quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you asked for was not found on the server.</source>
        <translation>Không tìm thấy nội dung bạn yêu cầu trên máy chủ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Quá nhiều yêu cầu. Hãy đợi một lát rồi thử lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you are sending is too large.</source>
        <translation>Dữ liệu bạn gửi quá lớn.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not accept the request.</source>
        <translation>Máy chủ không chấp nhận yêu cầu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The city server has a problem right now. Try again later.</source>
        <translation>Máy chủ của thành phố đang gặp sự cố. Hãy thử lại sau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent an answer the app does not understand. Check the server address in Settings.</source>
        <translation>Máy chủ gửi về phản hồi mà ứng dụng không hiểu được. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request was cancelled.</source>
        <translation>Yêu cầu đã bị hủy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server address is not valid. Check it in Settings.</source>
        <translation>Địa chỉ máy chủ không hợp lệ. Hãy kiểm tra trong Cài đặt.</translation>
    </message>
</context>
<context>
    <name>qr</name>
    <message>
        <location filename="../core/qr/QrCode.cpp" line="+85"/>
        <source>There is nothing to put in the QR code.</source>
        <translation>Không có nội dung để tạo mã QR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is too long for a QR code.</source>
        <translation>Nội dung quá dài để tạo mã QR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The QR code could not be made.</source>
        <translation>Không tạo được mã QR.</translation>
    </message>
</context>
<context>
    <name>store::StoreService</name>
    <message>
        <location filename="../core/store/StoreService.cpp" line="+24"/>
        <source>The local data on this device was damaged and has been reset. Your information on the server is not affected.</source>
        <translation>Dữ liệu trên thiết bị này bị hỏng và đã được khởi tạo lại. Thông tin của bạn trên máy chủ không bị ảnh hưởng.</translation>
    </message>
</context>
</TS>
