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
    <name>AlertDetailPage</name>
    <message>
        <location filename="../qml/Hues/App/AlertDetailPage.qml" line="+129"/>
        <source>Alert</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading the alert…</source>
        <translation>Đang tải cảnh báo…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This alert is no longer available</source>
        <translation>Cảnh báo này không còn nữa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was withdrawn or has ended, and is no longer on this device.</source>
        <translation>Cảnh báo đã được thu hồi hoặc đã kết thúc, và không còn trên thiết bị này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the alerts</source>
        <translation>Quay lại danh sách cảnh báo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled: the sender has withdrawn this alert.</source>
        <translation>Đã hủy: nơi phát đã thu hồi cảnh báo này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replaced: the sender has issued an update of this alert.</source>
        <translation>Đã thay thế: nơi phát đã ban hành bản cập nhật của cảnh báo này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired: this alert no longer applies.</source>
        <translation>Đã hết hạn: cảnh báo này không còn hiệu lực.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>What to do</source>
        <translation>Cần làm gì</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What is happening</source>
        <translation>Chuyện gì đang xảy ra</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your position or one of your saved places is in this area.</source>
        <translation>Vị trí của bạn hoặc một địa điểm bạn đã lưu nằm trong khu vực này.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent</source>
        <translation>Phát lúc</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In effect from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected to begin</source>
        <translation>Dự kiến bắt đầu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Until</source>
        <translation>Đến</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From</source>
        <translation>Nơi phát</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contact</source>
        <translation>Liên hệ</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>More on the sender&apos;s website</source>
        <translation>Xem thêm trên trang web của nơi phát</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Categories</source>
        <translation>Lĩnh vực</translation>
    </message>
</context>
<context>
    <name>AlertFormat</name>
    <message>
        <location filename="../qml/Hues/App/AlertFormat.qml" line="+22"/>
        <location line="+3"/>
        <source>until %1</source>
        <translation>đến %1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>until tomorrow, %1</source>
        <translation>đến %1 ngày mai</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Live</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting… showing alerts from %1</source>
        <translation>Đang kết nối… cảnh báo cập nhật lúc %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline — showing alerts from %1</source>
        <translation>Ngoại tuyến — cảnh báo cập nhật lúc %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Act now</source>
        <translation>Hành động ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act within the next hour</source>
        <translation>Hành động trong vòng một giờ tới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act in the near future</source>
        <translation>Hành động trong thời gian tới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No action needed any more</source>
        <translation>Không cần hành động nữa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Observed</source>
        <translation>Đã xảy ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likely</source>
        <translation>Nhiều khả năng xảy ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible</source>
        <translation>Có thể xảy ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlikely</source>
        <translation>Ít khả năng xảy ra</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Home</source>
        <translation>Nhà</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work</source>
        <translation>Nơi làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>Người thân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>AlertPlacesPage</name>
    <message>
        <location filename="../qml/Hues/App/AlertPlacesPage.qml" line="+49"/>
        <source>This place could not be saved. Check its name and position.</source>
        <translation>Không lưu được địa điểm này. Hãy kiểm tra tên và vị trí.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>My places &amp; muted categories</source>
        <translation>Địa điểm của tôi &amp; lĩnh vực đã tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which alerts reach you</source>
        <translation>Những cảnh báo nào đến với bạn</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This device cannot show system notifications; alerts appear in the app.</source>
        <translation>Thiết bị này không hiển thị được thông báo hệ thống; cảnh báo sẽ hiện trong ứng dụng.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>My places</source>
        <translation>Địa điểm của tôi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alerts for these places reach you wherever you are: your home, your work, a relative&apos;s house.</source>
        <translation>Cảnh báo cho các địa điểm này đến với bạn dù bạn đang ở đâu: nhà bạn, nơi làm việc, nhà người thân.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No saved places yet.</source>
        <translation>Chưa có địa điểm nào được lưu.</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+212"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Remove %1</source>
        <translation>Xóa %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a place</source>
        <translation>Thêm địa điểm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no map here: stand at the place and tap Save here. Or type its coordinates below.</source>
        <translation>Ở đây không có bản đồ: hãy đứng tại địa điểm đó và chạm Lưu tại đây. Hoặc nhập tọa độ của nó ở bên dưới.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name (optional)</source>
        <translation>Tên (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Home, Grandma&apos;s house</source>
        <translation>ví dụ: Nhà, Nhà bà ngoại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the place</source>
        <translation>Tên địa điểm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>You are here</source>
        <translation>Bạn đang ở</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>± %1 m</source>
        <translation>± %1 m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device cannot tell where it is: type the coordinates below.</source>
        <translation>Thiết bị này không xác định được vị trí: hãy nhập tọa độ bên dưới.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding your position…</source>
        <translation>Đang tìm vị trí của bạn…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save here</source>
        <translation>Lưu tại đây</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type coordinates instead</source>
        <translation>Hoặc nhập tọa độ</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+8"/>
        <source>Latitude</source>
        <translation>Vĩ độ</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+10"/>
        <location line="+7"/>
        <source>Longitude</source>
        <translation>Kinh độ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decimal degrees, as a map app shows them when you hold a finger on a place.</source>
        <translation>Số độ thập phân, như ứng dụng bản đồ hiện ra khi bạn giữ ngón tay trên một địa điểm.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save these coordinates</source>
        <translation>Lưu tọa độ này</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Categories</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turn a category off to stop its alerts. Extreme alerts always come through.</source>
        <translation>Tắt một lĩnh vực để không nhận cảnh báo của lĩnh vực đó. Cảnh báo cực kỳ nghiêm trọng thì luôn được gửi đến.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Alerts of this category reach you</source>
        <translation>Bạn nhận cảnh báo của lĩnh vực này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Muted</source>
        <translation>Đã tắt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove “%1”?</source>
        <translation>Xóa “%1”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts for this place will no longer reach you. To add it again you will have to be there, or type its coordinates.</source>
        <translation>Bạn sẽ không nhận cảnh báo cho địa điểm này nữa. Muốn thêm lại, bạn phải có mặt ở đó hoặc nhập tọa độ của nó.</translation>
    </message>
</context>
<context>
    <name>AlertRow</name>
    <message>
        <location filename="../qml/Hues/App/AlertRow.qml" line="+35"/>
        <source>unread</source>
        <translation>chưa đọc</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../qml/Hues/App/AlertsPage.qml" line="+86"/>
        <source>Your alert is on its way to the verification centre.</source>
        <translation>Tin của bạn đang được gửi đến trung tâm xác minh.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Alerts</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floods, storms, power and water cuts</source>
        <translation>Lũ lụt, bão, cắt điện và cắt nước</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 Showing the alerts saved on this device.</source>
        <translation>%1 Đang hiện các cảnh báo đã lưu trên thiết bị này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>We do not know where you are: alerts are matched to your saved places only.</source>
        <translation>Chưa biết bạn đang ở đâu: cảnh báo chỉ được đối chiếu với các địa điểm bạn đã lưu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We do not know where you are and you have no saved places: only alerts for the whole province are shown.</source>
        <translation>Chưa biết bạn đang ở đâu và bạn chưa lưu địa điểm nào: chỉ hiện các cảnh báo cho toàn tỉnh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a place</source>
        <translation>Thêm địa điểm</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Show all alerts in the province</source>
        <translation>Hiện mọi cảnh báo trong tỉnh</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Alerts that concern your position or a saved place say so.</source>
        <translation>Cảnh báo liên quan đến vị trí của bạn hoặc một địa điểm đã lưu được ghi rõ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You see the alerts for your position, your saved places and the whole province.</source>
        <translation>Bạn đang xem cảnh báo cho vị trí của bạn, các địa điểm đã lưu và toàn tỉnh.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n alert(s) in the province</source>
        <translation>
            <numerusform>%n cảnh báo trong tỉnh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n alert(s) for you</source>
        <translation>
            <numerusform>%n cảnh báo cho bạn</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loading the alerts…</source>
        <translation>Đang tải cảnh báo…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No alerts in the province right now</source>
        <translation>Hiện không có cảnh báo nào trong tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No alerts for where you are</source>
        <translation>Không có cảnh báo nào cho nơi bạn ở</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the city or a partner issues a warning, it appears here at once.</source>
        <translation>Khi thành phố hoặc đơn vị phối hợp phát cảnh báo, cảnh báo sẽ hiện ở đây ngay lập tức.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing concerns your position or your saved places right now. Add places such as home or work, or show all alerts in the province.</source>
        <translation>Hiện không có gì liên quan đến vị trí của bạn hay các địa điểm đã lưu. Hãy thêm địa điểm như nhà hoặc nơi làm việc, hoặc xem mọi cảnh báo trong tỉnh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all alerts</source>
        <translation>Xem mọi cảnh báo</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No saved places</source>
        <translation>Chưa lưu địa điểm nào</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n saved place(s)</source>
        <translation>
            <numerusform>%n địa điểm đã lưu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n category(ies) muted</source>
        <translation>
            <numerusform>đã tắt %n lĩnh vực</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My places &amp; muted categories</source>
        <translation>Địa điểm của tôi &amp; lĩnh vực đã tắt</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Seen something dangerous?</source>
        <translation>Bạn thấy điều gì nguy hiểm?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A flood, a fire, a fallen tree, a broken dike: tell the city&apos;s verification centre. Once checked, everyone nearby is warned.</source>
        <translation>Ngập lụt, cháy, cây đổ, vỡ đê: hãy báo cho trung tâm xác minh của thành phố. Sau khi kiểm tra, mọi người ở gần sẽ được cảnh báo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In danger right now? Call 114 (fire and rescue), 115 (ambulance) or 113 (police) first.</source>
        <translation>Đang gặp nguy hiểm? Hãy gọi ngay 114 (cứu hỏa, cứu nạn), 115 (cấp cứu) hoặc 113 (công an).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign in first: the verification centre needs to know who sent a report, and tells you what became of it.</source>
        <translation>Hãy đăng nhập trước: trung tâm xác minh cần biết ai gửi tin và sẽ cho bạn biết kết quả.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in to report</source>
        <translation>Đăng nhập để báo tin</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Report an emergency</source>
        <translation>Báo tin khẩn cấp</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your last report: %1</source>
        <translation>Tin bạn gửi gần nhất: %1</translation>
    </message>
</context>
<context>
    <name>BillsDuePage</name>
    <message>
        <location filename="../qml/Hues/App/BillsDuePage.qml" line="+64"/>
        <source>Due bills</source>
        <translation>Hóa đơn cần thanh toán</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Customer code %1</source>
        <translation>Mã khách hàng %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Looking up the bills…</source>
        <translation>Đang tra cứu hóa đơn…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to pay</source>
        <translation>Không có khoản nào cần thanh toán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There are no unpaid bills for this customer code.</source>
        <translation>Mã khách hàng này không có hóa đơn nào chưa thanh toán.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ticked bills are paid together. Untick those you want to pay later.</source>
        <translation>Các hóa đơn được đánh dấu sẽ được thanh toán cùng lúc. Bỏ đánh dấu những hóa đơn bạn muốn thanh toán sau.</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n bill(s) selected</source>
        <translation>
            <numerusform>Đã chọn %n hóa đơn</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pay selected</source>
        <translation>Thanh toán hóa đơn đã chọn</translation>
    </message>
</context>
<context>
    <name>BillsDueRow</name>
    <message>
        <location filename="../qml/Hues/App/BillsDueRow.qml" line="+32"/>
        <source>%1, %2, due %3</source>
        <translation>%1, %2, hạn thanh toán %3</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Period %1</source>
        <translation>Kỳ %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due %1</source>
        <translation>Hạn thanh toán: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>BillsPage</name>
    <message>
        <location filename="../qml/Hues/App/BillsPage.qml" line="+79"/>
        <source>Bills</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electricity, water, phone, tuition, fees</source>
        <translation>Điện, nước, điện thoại, học phí, các loại phí</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Your customer codes</source>
        <translation>Mã khách hàng của bạn</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the customer code on your bill once, and see what is due here with one tap.</source>
        <translation>Lưu mã khách hàng in trên hóa đơn một lần, rồi chỉ cần một chạm là xem được các khoản cần thanh toán.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1, %2, code %3</source>
        <translation>%1, %2, mã %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+208"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>Remove %1</source>
        <translation>Xóa %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Pay a bill</source>
        <translation>Thanh toán hóa đơn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the providers…</source>
        <translation>Đang tải danh sách nhà cung cấp…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No providers to show</source>
        <translation>Không có nhà cung cấp nào để hiển thị</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list of providers comes from the city&apos;s server. Check the connection and try again.</source>
        <translation>Danh sách nhà cung cấp được lấy từ máy chủ của thành phố. Hãy kiểm tra kết nối rồi thử lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+10"/>
        <source>Customer code</source>
        <translation>Mã khách hàng</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>For example %1</source>
        <translation>Ví dụ: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save this code on this phone</source>
        <translation>Lưu mã này trên điện thoại</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A name for it, like “Home” or “Mum&apos;s house” (optional)</source>
        <translation>Tên gợi nhớ, như “Nhà” hoặc “Nhà mẹ” (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show due bills</source>
        <translation>Xem hóa đơn cần thanh toán</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove this customer code?</source>
        <translation>Xóa mã khách hàng này?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the code saved on this phone is removed. Your bills and payments stay as they are.</source>
        <translation>Chỉ mã đã lưu trên điện thoại này bị xóa. Hóa đơn và các khoản thanh toán của bạn vẫn giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>CameraCapture</name>
    <message>
        <location filename="../qml/Hues/App/CameraCapture.qml" line="+35"/>
        <source>The camera cannot be used: %1</source>
        <translation>Không dùng được máy ảnh: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The photo could not be taken: %1</source>
        <translation>Không chụp được ảnh: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Take the photo</source>
        <translation>Chụp ảnh</translation>
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
    <name>ConfirmDialog</name>
    <message>
        <location filename="../qml/Hues/Ui/ConfirmDialog.qml" line="+15"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../qml/Hues/App/HistoryPage.qml" line="+85"/>
        <source>Payment history</source>
        <translation>Lịch sử thanh toán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments and receipts</source>
        <translation>Giao dịch và biên lai</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Search shop, purpose or reference</source>
        <translation>Tìm theo cửa hàng, nội dung hoặc mã giao dịch</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Clear the search</source>
        <translation>Xóa nội dung tìm kiếm</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money out</source>
        <translation>Tiền ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money in</source>
        <translation>Tiền vào</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 Showing the payments saved on this device.</source>
        <translation>%1 Đang hiển thị các giao dịch đã lưu trên thiết bị này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading your payments…</source>
        <translation>Đang tải giao dịch của bạn…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Refreshing…</source>
        <translation>Đang làm mới…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release to refresh</source>
        <translation>Thả ra để làm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull to refresh</source>
        <translation>Kéo xuống để làm mới</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show older payments</source>
        <translation>Xem giao dịch cũ hơn</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No payments match</source>
        <translation>Không có giao dịch phù hợp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No payments yet</source>
        <translation>Chưa có giao dịch nào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try other words, or clear the filters.</source>
        <translation>Hãy thử từ khóa khác hoặc xóa bộ lọc.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments you make and receive appear here, with their receipts.</source>
        <translation>Các khoản bạn thanh toán và nhận được sẽ hiện ở đây, kèm theo biên lai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the filters</source>
        <translation>Xóa bộ lọc</translation>
    </message>
</context>
<context>
    <name>HistoryRow</name>
    <message>
        <location filename="../qml/Hues/App/HistoryRow.qml" line="+24"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
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
    <name>InputArea</name>
    <message>
        <location filename="../qml/Hues/Ui/InputArea.qml" line="+40"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of at most %2 characters</source>
        <translation>%1 trên tối đa %2 ký tự</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Hues/Ui/Keypad.qml" line="+47"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OK</source>
        <translation>OK</translation>
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
        <location filename="../qml/Hues/App/Main.qml" line="+90"/>
        <source>Hue-S</source>
        <translation>Hue-S</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Continue signing in in your browser…</source>
        <translation>Tiếp tục đăng nhập trong trình duyệt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your session has ended. Sign in again to continue; nothing on this screen is lost.</source>
        <translation>Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại để tiếp tục; mọi thứ trên màn hình này vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+98"/>
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
    <name>MerchantPage</name>
    <message>
        <location filename="../qml/Hues/App/MerchantPage.qml" line="+86"/>
        <source>Receive a payment</source>
        <translation>Nhận tiền</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This account has no shop. Receiving payments is for traders registered with the city.</source>
        <translation>Tài khoản này chưa có cửa hàng. Chức năng nhận thanh toán dành cho tiểu thương, hộ kinh doanh đã đăng ký với thành phố.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Amount to receive</source>
        <translation>Số tiền cần nhận</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Amount %1</source>
        <translation>Số tiền %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What for (optional), e.g. “2 bát bún bò”</source>
        <translation>Nội dung (không bắt buộc), ví dụ: “2 tô bún bò”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show QR code</source>
        <translation>Hiện mã QR</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show my shop&apos;s code without an amount</source>
        <translation>Hiện mã của cửa hàng, không kèm số tiền</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Creating the code…</source>
        <translation>Đang tạo mã…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This code has expired</source>
        <translation>Mã này đã hết hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the customer to scan this code</source>
        <translation>Mời khách hàng quét mã này</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Payment code for %1</source>
        <translation>Mã thanh toán số tiền %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Waiting for the payment · expires in %1</source>
        <translation>Đang chờ thanh toán · hết hạn sau %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New code, same amount</source>
        <translation>Tạo mã mới, giữ số tiền</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change the amount</source>
        <translation>Đổi số tiền</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>New payment</source>
        <translation>Giao dịch mới</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your shop&apos;s code</source>
        <translation>Mã QR của cửa hàng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The shop&apos;s payment code, without an amount</source>
        <translation>Mã thanh toán của cửa hàng, không kèm số tiền</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers scan it and type the amount themselves. You can print it and put it on your stall; every payment shows up here.</source>
        <translation>Khách hàng quét mã và tự nhập số tiền. Bạn có thể in mã ra và đặt tại quầy hàng; mọi khoản thanh toán đều hiện ở đây.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back to the amount</source>
        <translation>Quay lại nhập số tiền</translation>
    </message>
</context>
<context>
    <name>NewReportPage</name>
    <message>
        <location filename="../qml/Hues/App/NewReportPage.qml" line="+31"/>
        <location line="+689"/>
        <source>Category</source>
        <translation>Loại sự cố</translation>
    </message>
    <message>
        <location line="-689"/>
        <location line="+693"/>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location line="-693"/>
        <location line="+714"/>
        <source>Place</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location line="-713"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>Xem lại</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>New report</source>
        <translation>Phản ánh mới</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Your unfinished report was kept. Continue it, or discard it and start again.</source>
        <translation>Phản ánh bạn đang viết dở vẫn được giữ lại. Hãy viết tiếp, hoặc hủy để bắt đầu lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+644"/>
        <source>Discard draft</source>
        <translation>Hủy bản nháp</translation>
    </message>
    <message>
        <location line="-630"/>
        <source>What is the problem?</source>
        <translation>Sự cố là gì?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading the categories…</source>
        <translation>Đang tải danh sách loại sự cố…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Photos of the problem</source>
        <translation>Ảnh chụp sự cố</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up to %1 photos. They are optional, but help the team find and judge the problem. The place and other hidden data are removed from each photo before it is sent.</source>
        <translation>Tối đa %1 ảnh. Ảnh không bắt buộc nhưng giúp đội xử lý tìm ra và đánh giá sự cố. Vị trí và các dữ liệu ẩn khác được xóa khỏi từng ảnh trước khi gửi.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Remove photo %1</source>
        <translation>Xóa ảnh %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Preparing…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 photos</source>
        <translation>%1 trên %2 ảnh</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Take a photo</source>
        <translation>Chụp ảnh</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose photos</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add more photos</source>
        <translation>Thêm ảnh</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where is it?</source>
        <translation>Sự cố ở đâu?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This device cannot tell where it is. Type the address of the place, or a landmark near it.</source>
        <translation>Thiết bị này không xác định được vị trí. Hãy nhập địa chỉ nơi xảy ra sự cố, hoặc một địa điểm dễ nhận biết gần đó.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 Type the address of the place, or a landmark near it.</source>
        <translation>%1 Hãy nhập địa chỉ nơi xảy ra sự cố, hoặc một địa điểm dễ nhận biết gần đó.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finding your position…</source>
        <translation>Đang tìm vị trí của bạn…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Moved by hand</source>
        <translation>Đã di chuyển bằng tay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS, ± %1 m</source>
        <translation>GPS, ± %1 m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not quite there? Move the pin 10 m at a time.</source>
        <translation>Chưa đúng chỗ? Di chuyển ghim mỗi lần 10 m.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move the pin 10 m north</source>
        <translation>Di chuyển ghim 10 m về phía bắc</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move the pin 10 m west</source>
        <translation>Di chuyển ghim 10 m về phía tây</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>10 m</source>
        <translation>10 m</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move the pin 10 m east</source>
        <translation>Di chuyển ghim 10 m về phía đông</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move the pin 10 m south</source>
        <translation>Di chuyển ghim 10 m về phía nam</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back to my position</source>
        <translation>Về vị trí của tôi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A drawing, not a map: the pin in the middle, the circle is how exact the position is, north is up.</source>
        <translation>Hình vẽ, không phải bản đồ: ghim ở giữa, vòng tròn cho biết độ chính xác của vị trí, phía trên là hướng bắc.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Address or landmark (optional)</source>
        <translation>Địa chỉ hoặc địa điểm gần đó (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address or landmark *</source>
        <translation>Địa chỉ hoặc địa điểm gần đó *</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 12 Lê Lợi, near Trường Tiền bridge</source>
        <translation>Ví dụ: 12 Lê Lợi, gần cầu Trường Tiền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address or landmark</source>
        <translation>Địa chỉ hoặc địa điểm gần đó</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the place: your position or an address.</source>
        <translation>Hãy cho biết vị trí: vị trí của bạn hoặc một địa chỉ.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tell us more</source>
        <translation>Thêm thông tin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the questions…</source>
        <translation>Đang tải câu hỏi…</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+13"/>
        <location line="+88"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>What is wrong, since when, anything that helps the team find and fix it.</source>
        <translation>Sự cố thế nào, từ khi nào, bất cứ điều gì giúp đội xử lý tìm ra và khắc phục.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check and send</source>
        <translation>Kiểm tra và gửi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Before sending:</source>
        <translation>Trước khi gửi:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not chosen</source>
        <translation>Chưa chọn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No photos</source>
        <translation>Không có ảnh</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>moved by hand</source>
        <translation>đã di chuyển bằng tay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No description</source>
        <translation>Không có mô tả</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Already reported nearby</source>
        <translation>Đã có người phản ánh gần đây</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking for reports nearby…</source>
        <translation>Đang tìm phản ánh gần đây…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No report of this kind within 100 m in the last 7 days.</source>
        <translation>Không có phản ánh cùng loại trong phạm vi 100 m trong 7 ngày qua.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Is it one of these? Follow it instead of sending a new report: you will see its progress in My reports.</source>
        <translation>Có phải một trong số này không? Hãy theo dõi phản ánh đó thay vì gửi phản ánh mới: bạn sẽ thấy tiến độ xử lý trong Phản ánh của tôi.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Follow this one instead</source>
        <translation>Theo dõi phản ánh này</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No network? Send anyway: the report waits on this device and goes as soon as there is a connection.</source>
        <translation>Không có mạng? Cứ gửi: phản ánh sẽ chờ trên thiết bị và được gửi đi ngay khi có kết nối.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next</source>
        <translation>Tiếp theo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparing photos…</source>
        <translation>Đang xử lý ảnh…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send report</source>
        <translation>Gửi phản ánh</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose photos of the problem</source>
        <translation>Chọn ảnh chụp sự cố</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Hình ảnh (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only %1 of the %2 photos were added: a report takes at most %3.</source>
        <translation>Chỉ thêm được %1 trong số %2 ảnh: mỗi phản ánh có tối đa %3 ảnh.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Discard this report?</source>
        <translation>Hủy phản ánh này?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The category, photos, place and description you entered are deleted from this device.</source>
        <translation>Loại sự cố, ảnh, vị trí và mô tả bạn đã nhập sẽ bị xóa khỏi thiết bị này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Hủy phản ánh</translation>
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
    <name>PayAmountField</name>
    <message>
        <location filename="../qml/Hues/App/PayAmountField.qml" line="+29"/>
        <source>Amount in đồng</source>
        <translation>Số tiền (đồng)</translation>
    </message>
</context>
<context>
    <name>PayConfirmPage</name>
    <message>
        <location filename="../qml/Hues/App/PayConfirmPage.qml" line="+45"/>
        <source>Pay %1 to %2</source>
        <translation>Thanh toán %1 cho %2</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Pay bills</source>
        <translation>Thanh toán hóa đơn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirm payment</source>
        <translation>Xác nhận thanh toán</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Checking the code…</source>
        <translation>Đang kiểm tra mã…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This code cannot be paid</source>
        <translation>Không thể thanh toán mã này</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>To the account</source>
        <translation>Tài khoản nhận</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Bills</source>
        <translation>Hóa đơn</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bill(s)</source>
        <translation>
            <numerusform>%n hóa đơn</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This shop&apos;s code has no amount: type what you were asked to pay.</source>
        <translation>Mã của cửa hàng này chưa có số tiền: hãy nhập số tiền bạn được yêu cầu trả.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Purpose</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the payment is for (optional)</source>
        <translation>Nội dung thanh toán (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — this code has expired. Ask for a new one.</source>
        <translation>%1 — mã này đã hết hạn. Hãy yêu cầu mã mới.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 left)</source>
        <translation>%1 (còn %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paying…</source>
        <translation>Đang thanh toán…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please keep the app open. If the connection drops, the same payment is tried again and is never made twice.</source>
        <translation>Vui lòng không đóng ứng dụng. Nếu mất kết nối, giao dịch sẽ được tự động thử lại và không bao giờ bị thanh toán hai lần.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pay %1</source>
        <translation>Thanh toán %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change the amount</source>
        <translation>Đổi số tiền</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>PayFormat</name>
    <message>
        <location filename="../qml/Hues/App/PayFormat.qml" line="+30"/>
        <source>Electricity</source>
        <translation>Điện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water</source>
        <translation>Nước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone and internet</source>
        <translation>Điện thoại và Internet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuition</source>
        <translation>Học phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital fees</source>
        <translation>Viện phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public service fees</source>
        <translation>Phí dịch vụ công</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heritage sites</source>
        <translation>Di tích</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bus</source>
        <translation>Xe buýt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxi</source>
        <translation>Taxi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Market</source>
        <translation>Chợ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and drink</source>
        <translation>Ăn uống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>PayPage</name>
    <message>
        <location filename="../qml/Hues/App/PayPage.qml" line="+144"/>
        <source>Sign in to pay</source>
        <translation>Đăng nhập để thanh toán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your wallet, bills and receipts belong to your account. Sign in once and pay shops, market stalls, bus and taxi fares and public fees by scanning their VietQR code.</source>
        <translation>Ví, hóa đơn và biên lai gắn với tài khoản của bạn. Chỉ cần đăng nhập một lần là có thể thanh toán cho cửa hàng, sạp chợ, vé xe buýt, cước taxi và các khoản phí công bằng cách quét mã VietQR.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue in your browser…</source>
        <translation>Tiếp tục trong trình duyệt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Wallet balance %1</source>
        <translation>Số dư ví %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Wallet balance</source>
        <translation>Số dư ví</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 The balance shown may be out of date.</source>
        <translation>%1 Số dư hiển thị có thể chưa được cập nhật.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Scan to pay</source>
        <translation>Quét mã thanh toán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shops, market stalls, bus and taxi</source>
        <translation>Cửa hàng, sạp chợ, xe buýt và taxi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bills</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electricity, water, phone, tuition, fees</source>
        <translation>Điện, nước, điện thoại, học phí, các loại phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive</source>
        <translation>Nhận tiền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show a QR code to your customer</source>
        <translation>Hiện mã QR để khách hàng quét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments and receipts</source>
        <translation>Giao dịch và biên lai</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your shop</source>
        <translation>Cửa hàng của bạn</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Received so far: %1</source>
        <translation>Tổng đã nhận: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Payments go straight from your wallet to the shop&apos;s bank account. You confirm each one with your PIN, and the receipt stays on this phone.</source>
        <translation>Tiền được chuyển thẳng từ ví của bạn đến tài khoản ngân hàng của cửa hàng. Bạn xác nhận từng giao dịch bằng mã PIN, và biên lai được lưu trên điện thoại này.</translation>
    </message>
</context>
<context>
    <name>PayScanPage</name>
    <message>
        <location filename="../qml/Hues/App/PayScanPage.qml" line="+39"/>
        <source>Scan to pay</source>
        <translation>Quét mã thanh toán</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Point the camera at the shop&apos;s VietQR code</source>
        <translation>Hướng camera vào mã VietQR của cửa hàng</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Or paste a code</source>
        <translation>Hoặc dán mã</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A VietQR code copied as text starts with 000201.</source>
        <translation>Mã VietQR được sao chép dưới dạng văn bản sẽ bắt đầu bằng 000201.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paste the code here</source>
        <translation>Dán mã vào đây</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paste</source>
        <translation>Dán</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../qml/Hues/App/PinDialog.qml" line="+80"/>
        <source>The two PINs were not the same. Choose a PIN again.</source>
        <translation>Hai mã PIN không khớp. Hãy chọn lại mã PIN.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This PIN cannot be used. Choose 4 to 6 digits.</source>
        <translation>Không dùng được mã PIN này. Hãy chọn từ 4 đến 6 chữ số.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Sai mã PIN. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Choose a payment PIN</source>
        <translation>Tạo mã PIN thanh toán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the new PIN again</source>
        <translation>Nhập lại mã PIN mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your PIN</source>
        <translation>Nhập mã PIN</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>4 to 6 digits that only you know. You will type it to confirm every payment from this phone.</source>
        <translation>Gồm 4 đến 6 chữ số chỉ mình bạn biết. Bạn sẽ nhập mã này để xác nhận mọi khoản thanh toán từ điện thoại này.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n digit(s) typed</source>
        <translation>
            <numerusform>Đã nhập %n chữ số</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Nhập sai mã PIN quá nhiều lần. Vui lòng thử lại sau %n giây.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Use fingerprint or face</source>
        <translation>Dùng vân tay hoặc khuôn mặt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PlaceSchematic</name>
    <message>
        <location filename="../qml/Hues/App/PlaceSchematic.qml" line="+44"/>
        <source>Drawing of the place: the pin in the middle, north up</source>
        <translation>Hình vẽ vị trí: ghim ở giữa, phía trên là hướng bắc</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>N</source>
        <comment>north, on the drawing of the place</comment>
        <translation>B</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>QuestionField</name>
    <message>
        <location filename="../qml/Hues/App/QuestionField.qml" line="+30"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>A number</source>
        <translation>Một con số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. %1</source>
        <translation>Ví dụ: %1</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../qml/Hues/App/ReceiptPage.qml" line="+39"/>
        <source>The receipt could not be saved.</source>
        <translation>Không lưu được biên lai.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receipt saved as %1</source>
        <translation>Đã lưu biên lai vào %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receipt could not be saved to %1.</source>
        <translation>Không lưu được biên lai vào %1.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Receipt</source>
        <translation>Biên lai</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This receipt is not on this device yet</source>
        <translation>Biên lai này chưa có trên thiết bị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts are kept on the phone once the history has been loaded with a connection.</source>
        <translation>Biên lai được lưu trên điện thoại sau khi lịch sử giao dịch được tải về lúc có kết nối.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Payment received</source>
        <translation>Đã nhận thanh toán</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payment successful</source>
        <translation>Thanh toán thành công</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>From %1</source>
        <translation>Từ %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Bank account</source>
        <translation>Tài khoản ngân hàng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference</source>
        <translation>Mã giao dịch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Purpose</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bill %1</source>
        <translation>Hóa đơn kỳ %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hue-S · this receipt is kept on your phone</source>
        <translation>Hue-S · biên lai này được lưu trên điện thoại của bạn</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save as image</source>
        <translation>Lưu thành ảnh</translation>
    </message>
</context>
<context>
    <name>ReportDetailPage</name>
    <message>
        <location filename="../qml/Hues/App/ReportDetailPage.qml" line="+120"/>
        <source>Report</source>
        <translation>Phản ánh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No. %1</source>
        <translation>Số %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent yet</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+111"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Loading the report…</source>
        <translation>Đang tải phản ánh…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Photo %1, tap to enlarge</source>
        <translation>Ảnh %1, chạm để phóng to</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reported %1</source>
        <translation>Phản ánh lúc %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>updated %1</source>
        <translation>cập nhật lúc %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Send now</source>
        <translation>Gửi ngay</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Discard this report</source>
        <translation>Hủy phản ánh này</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Place</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>In charge</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>History</source>
        <translation>Lịch sử xử lý</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>You were satisfied with the result.</source>
        <translation>Bạn hài lòng với kết quả xử lý.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You were not satisfied with the result.</source>
        <translation>Bạn chưa hài lòng với kết quả xử lý.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Was the problem solved well?</source>
        <translation>Sự cố đã được xử lý tốt chưa?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not satisfied</source>
        <translation>Chưa hài lòng</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A comment (optional)</source>
        <translation>Nhận xét (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send rating</source>
        <translation>Gửi đánh giá</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not fixed?</source>
        <translation>Chưa khắc phục xong?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>If the problem is still there, reopen the report until %1 and say what is left.</source>
        <translation>Nếu sự cố vẫn còn, hãy mở lại phản ánh trước %1 và cho biết điều gì còn tồn tại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the problem is still there, reopen the report and say what is left.</source>
        <translation>Nếu sự cố vẫn còn, hãy mở lại phản ánh và cho biết điều gì còn tồn tại.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What is still wrong?</source>
        <translation>Điều gì vẫn chưa ổn?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reopen report</source>
        <translation>Mở lại phản ánh</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Discard this report?</source>
        <translation>Hủy phản ánh này?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was not sent and will be deleted from this device with its photos.</source>
        <translation>Phản ánh này chưa được gửi và sẽ bị xóa khỏi thiết bị cùng với ảnh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Hủy phản ánh</translation>
    </message>
</context>
<context>
    <name>ReportFormat</name>
    <message>
        <location filename="../qml/Hues/App/ReportFormat.qml" line="+30"/>
        <source>Today, %1</source>
        <translation>Hôm nay, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday, %1</source>
        <translation>Hôm qua, %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>~%1 m</source>
        <translation>~%1 m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>~%1 km</source>
        <translation>~%1 km</translation>
    </message>
</context>
<context>
    <name>ReportRow</name>
    <message>
        <location filename="../qml/Hues/App/ReportRow.qml" line="+156"/>
        <source>Discard</source>
        <translation>Hủy phản ánh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../qml/Hues/App/ReportsPage.qml" line="+69"/>
        <source>Report a problem</source>
        <translation>Phản ánh hiện trường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potholes, street lights, litter, flooding</source>
        <translation>Ổ gà, đèn đường, rác thải, ngập úng</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Refreshing…</source>
        <translation>Đang làm mới…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release to refresh</source>
        <translation>Thả ra để làm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull to refresh</source>
        <translation>Kéo xuống để làm mới</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Seen a problem in the city?</source>
        <translation>Bạn thấy sự cố trong thành phố?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send a photo and the place to the city&apos;s operations centre, then follow it until it is fixed.</source>
        <translation>Gửi ảnh và vị trí đến Trung tâm điều hành của thành phố, rồi theo dõi cho đến khi sự cố được khắc phục.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+83"/>
        <source>Continue your report</source>
        <translation>Viết tiếp phản ánh</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+83"/>
        <source>New report</source>
        <translation>Phản ánh mới</translation>
    </message>
    <message numerus="yes">
        <location line="-71"/>
        <source>%n report(s) waiting to be sent. They go by themselves when there is a connection.</source>
        <translation>
            <numerusform>%n phản ánh đang chờ gửi. Phản ánh sẽ tự động được gửi khi có kết nối.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 Showing the reports saved on this device.</source>
        <translation>%1 Đang hiển thị các phản ánh đã lưu trên thiết bị này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>My reports</source>
        <translation>Phản ánh của tôi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Loading your reports…</source>
        <translation>Đang tải phản ánh của bạn…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You have not reported anything yet</source>
        <translation>Bạn chưa gửi phản ánh nào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See a pothole, a broken street light, litter or a flooded street? Report it with a photo and the place, and follow it until it is fixed.</source>
        <translation>Thấy ổ gà, đèn đường hỏng, rác thải hay đường ngập? Hãy phản ánh kèm ảnh và vị trí, rồi theo dõi cho đến khi sự cố được khắc phục.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Discard this report?</source>
        <translation>Hủy phản ánh này?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was not sent and will be deleted from this device with its photos.</source>
        <translation>Phản ánh này chưa được gửi và sẽ bị xóa khỏi thiết bị cùng với ảnh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Hủy phản ánh</translation>
    </message>
</context>
<context>
    <name>ScannerView</name>
    <message>
        <location filename="../qml/Hues/App/ScannerView.qml" line="+23"/>
        <source>Point the camera at a QR code</source>
        <translation>Hướng camera vào mã QR</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The camera cannot be used: %1</source>
        <translation>Không dùng được camera: %1</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>No camera</source>
        <translation>Không có camera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device has no camera. Pick a picture of the QR code instead, such as a screenshot from a banking app.</source>
        <translation>Thiết bị này không có camera. Hãy chọn ảnh chụp mã QR, chẳng hạn ảnh chụp màn hình từ ứng dụng ngân hàng.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading the picture…</source>
        <translation>Đang đọc ảnh…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pick an image</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pick a picture of a QR code</source>
        <translation>Chọn ảnh có mã QR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</source>
        <translation>Hình ảnh (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</translation>
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
    <name>StepIndicator</name>
    <message>
        <location filename="../qml/Hues/Ui/StepIndicator.qml" line="+24"/>
        <location line="+95"/>
        <source>Step %1 of %2: %3</source>
        <translation>Bước %1/%2: %3</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Step %1: %2</source>
        <translation>Bước %1: %2</translation>
    </message>
</context>
<context>
    <name>SubmitAlertPage</name>
    <message>
        <location filename="../qml/Hues/App/SubmitAlertPage.qml" line="+176"/>
        <source>Report an emergency</source>
        <translation>Báo tin khẩn cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by the verification centre, then broadcast</source>
        <translation>Trung tâm xác minh kiểm tra rồi mới phát cảnh báo</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>In danger right now? Call 114 (fire and rescue), 115 (ambulance) or 113 (police) first.</source>
        <translation>Đang gặp nguy hiểm? Hãy gọi ngay 114 (cứu hỏa, cứu nạn), 115 (cấp cứu) hoặc 113 (công an).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in to report an emergency</source>
        <translation>Đăng nhập để báo tin khẩn cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The verification centre needs to know who sent a report, may call you back, and tells you what became of it.</source>
        <translation>Trung tâm xác minh cần biết ai gửi tin, có thể gọi lại cho bạn và sẽ cho bạn biết kết quả.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What is happening?</source>
        <translation>Chuyện gì đang xảy ra?</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+8"/>
        <source>What do you see?</source>
        <translation>Bạn thấy gì?</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>What is happening, how bad it is, whether people are in danger.</source>
        <translation>Chuyện gì đang xảy ra, nghiêm trọng đến đâu, có ai đang gặp nguy hiểm không.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please shorten it to %1 characters.</source>
        <translation>Vui lòng rút gọn còn tối đa %1 ký tự.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where?</source>
        <translation>Ở đâu?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This device cannot tell where you are, and you have no saved places. Save a place in My places (stand there and tap Save here, or type its coordinates), then report.</source>
        <translation>Thiết bị này không xác định được vị trí của bạn và bạn chưa lưu địa điểm nào. Hãy lưu một địa điểm trong Địa điểm của tôi (đứng tại đó và chạm Lưu tại đây, hoặc nhập tọa độ), rồi báo tin.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Where I am</source>
        <translation>Nơi tôi đang ở</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>± %1 m</source>
        <translation>± %1 m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding your position…</source>
        <translation>Đang tìm vị trí của bạn…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Photo (optional)</source>
        <translation>Ảnh (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A photo helps the centre judge quickly. The place and other hidden data are removed from it before it is sent.</source>
        <translation>Ảnh giúp trung tâm đánh giá nhanh hơn. Vị trí và các dữ liệu ẩn khác được xóa khỏi ảnh trước khi gửi.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+128"/>
        <source>Choose a photo</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Another photo</source>
        <translation>Chọn ảnh khác</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No network? Send anyway: the report waits on this device and goes as soon as there is a connection.</source>
        <translation>Không có mạng? Cứ gửi: tin sẽ chờ trên thiết bị và được gửi đi ngay khi có kết nối.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose what is happening.</source>
        <translation>Hãy chọn chuyện gì đang xảy ra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what you see.</source>
        <translation>Hãy cho biết bạn thấy gì.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the place.</source>
        <translation>Hãy chọn địa điểm.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send to the verification centre</source>
        <translation>Gửi đến trung tâm xác minh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preparing the photo…</source>
        <translation>Đang chuẩn bị ảnh…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My submitted alerts</source>
        <translation>Tin tôi đã gửi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You have not reported an emergency yet.</source>
        <translation>Bạn chưa báo tin khẩn cấp nào.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Hình ảnh (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
</context>
<context>
    <name>alerts::AlertListModel</name>
    <message>
        <location filename="../core/alerts/AlertsService.cpp" line="+309"/>
        <source>Extreme</source>
        <translation>Cực kỳ nghiêm trọng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severe</source>
        <translation>Nghiêm trọng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moderate</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minor</source>
        <translation>Nhẹ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown severity</source>
        <translation>Chưa rõ mức độ</translation>
    </message>
</context>
<context>
    <name>alerts::AlertsService</name>
    <message>
        <location line="-162"/>
        <source>This alert is damaged and cannot be sent.</source>
        <translation>Tin này bị hỏng và không gửi được.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The alert&apos;s photo could not be read on this device.</source>
        <translation>Không đọc được ảnh của tin này trên thiết bị.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Waiting to be sent</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent</source>
        <translation>Chưa gửi được</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Being verified</source>
        <translation>Đang xác minh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verified and published</source>
        <translation>Đã xác minh và phát cảnh báo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not accepted</source>
        <translation>Không được chấp nhận</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Earthquake, landslide</source>
        <translation>Động đất, sạt lở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weather and floods</source>
        <translation>Thời tiết và lũ lụt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public safety</source>
        <translation>An toàn công cộng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>An ninh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescue</source>
        <translation>Cứu nạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire</source>
        <translation>Cháy nổ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>Y tế</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment and pollution</source>
        <translation>Môi trường và ô nhiễm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic and transport</source>
        <translation>Giao thông</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power, water and telecoms</source>
        <translation>Điện, nước và viễn thông</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chemical or radiation hazard</source>
        <translation>Nguy cơ hóa chất, phóng xạ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your report %1 is now in progress.</source>
        <translation>Phản ánh %1 của bạn đang được xử lý.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your report %1 is now fixed.</source>
        <translation>Phản ánh %1 của bạn đã được xử lý xong.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your report %1 has been reopened.</source>
        <translation>Phản ánh %1 của bạn đã được mở lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your report %1 has been received.</source>
        <translation>Phản ánh %1 của bạn đã được tiếp nhận.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your report %1 has been updated.</source>
        <translation>Phản ánh %1 của bạn đã được cập nhật.</translation>
    </message>
    <message>
        <location line="+243"/>
        <source>Your alert has reached the verification centre.</source>
        <translation>Tin của bạn đã đến trung tâm xác minh.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your alert was not accepted: %1</source>
        <translation>Tin của bạn không được chấp nhận: %1</translation>
    </message>
    <message>
        <location line="+323"/>
        <source>The city server sent an answer the app cannot read.</source>
        <translation>Máy chủ của thành phố gửi về một câu trả lời mà ứng dụng không đọc được.</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>Your report</source>
        <translation>Phản ánh của bạn</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your alert was verified</source>
        <translation>Tin của bạn đã được xác minh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The verification centre has published your alert for the people nearby.</source>
        <translation>Trung tâm xác minh đã phát cảnh báo từ tin của bạn cho người dân ở gần.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your alert was not accepted</source>
        <translation>Tin của bạn không được chấp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The verification centre did not publish it.</source>
        <translation>Trung tâm xác minh đã không phát tin này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Near %1</source>
        <translation>Gần %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <location line="+253"/>
        <source>Everywhere in the province</source>
        <translation>Toàn tỉnh</translation>
    </message>
    <message>
        <location line="-249"/>
        <location line="+253"/>
        <source>Where you are</source>
        <translation>Nơi bạn đang ở</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>At most %1 places can be saved.</source>
        <translation>Chỉ lưu được tối đa %1 địa điểm.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>This alert cannot be shown.</source>
        <translation>Không hiển thị được cảnh báo này.</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Sign in to send an alert to the verification centre.</source>
        <translation>Hãy đăng nhập để gửi tin đến trung tâm xác minh.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose what kind of danger it is.</source>
        <translation>Hãy chọn loại nguy hiểm.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Describe what is happening.</source>
        <translation>Hãy mô tả chuyện đang xảy ra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The text is too long (at most %1 characters).</source>
        <translation>Nội dung quá dài (tối đa %1 ký tự).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The text contains characters that cannot be sent.</source>
        <translation>Nội dung có ký tự không gửi được.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose where it is happening.</source>
        <translation>Hãy chọn nơi đang xảy ra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The alert could not be saved on this device.</source>
        <translation>Không lưu được tin trên thiết bị này.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The alert could not be saved on this device. Free some space and try again.</source>
        <translation>Không lưu được tin trên thiết bị này. Hãy giải phóng bớt dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The photo cannot be used: %1</source>
        <translation>Không dùng được ảnh này: %1</translation>
    </message>
</context>
<context>
    <name>alerts::Cap</name>
    <message>
        <location filename="../core/alerts/Cap.cpp" line="+188"/>
        <location line="+129"/>
        <source>is required but missing or empty</source>
        <translation>là bắt buộc nhưng bị thiếu hoặc để trống</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>%1 is not one of %2</source>
        <translation>%1 không thuộc %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must not contain spaces, commas, &apos;&lt;&apos; or &apos;&amp;&apos;</source>
        <translation>không được chứa dấu cách, dấu phẩy, &apos;&lt;&apos; hoặc &apos;&amp;&apos;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>centre</source>
        <translation>tâm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point %1</source>
        <translation>điểm %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: latitude %2 is outside -90..90</source>
        <translation>%1: vĩ độ %2 nằm ngoài khoảng -90..90</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: longitude %2 is outside -180..180</source>
        <translation>%1: kinh độ %2 nằm ngoài khoảng -180..180</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>has %1 points; a polygon needs at least 4 (the first repeated last)</source>
        <translation>có %1 điểm; một đa giác cần ít nhất 4 điểm (điểm đầu lặp lại ở cuối)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is not closed: the last point must equal the first</source>
        <translation>chưa khép kín: điểm cuối phải trùng với điểm đầu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the radius must be a number of kilometres, 0 or more</source>
        <translation>bán kính phải là số ki-lô-mét, từ 0 trở lên</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>must be a number</source>
        <translation>phải là một con số</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>may only be given together with altitude</source>
        <translation>chỉ được khai báo cùng với độ cao</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a language tag such as vi-VN</source>
        <translation>%1 không phải là thẻ ngôn ngữ như vi-VN</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+278"/>
        <source>is required but missing</source>
        <translation>là bắt buộc nhưng bị thiếu</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>must be a number of bytes, 0 or more</source>
        <translation>phải là số byte, từ 0 trở lên</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>is required when scope is Restricted</source>
        <translation>là bắt buộc khi phạm vi là Restricted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is required when scope is Private</source>
        <translation>là bắt buộc khi phạm vi là Private</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reference %1 is not &quot;sender,identifier,sent&quot;</source>
        <translation>tham chiếu %1 không có dạng &quot;người gửi,mã định danh,thời điểm gửi&quot;</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>not well-formed XML: %1</source>
        <translation>XML không hợp lệ: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>more than %1 elements</source>
        <translation>nhiều hơn %1 phần tử</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>elements nested more than %1 deep</source>
        <translation>các phần tử lồng nhau sâu hơn %1 cấp</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unexpected text between elements</source>
        <translation>có văn bản không mong đợi giữa các phần tử</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected XML content (%1)</source>
        <translation>nội dung XML không mong đợi (%1)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>may appear only once</source>
        <translation>chỉ được xuất hiện một lần</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not a CAP date and time (YYYY-MM-DDThh:mm:ss+hh:mm, &quot;-00:00&quot; for UTC, no &quot;Z&quot;)</source>
        <translation>%1 không phải là ngày giờ theo CAP (YYYY-MM-DDThh:mm:ss+hh:mm, &quot;-00:00&quot; cho UTC, không dùng &quot;Z&quot;)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not a decimal number</source>
        <translation>%1 không phải là số thập phân</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 is not a number of bytes</source>
        <translation>%1 không phải là số byte</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is not a &quot;lat,lon&quot; pair of decimal degrees</source>
        <translation>%1 không phải là cặp &quot;vĩ độ,kinh độ&quot; theo độ thập phân</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not &quot;lat,lon radius&quot; (decimal degrees, kilometres)</source>
        <translation>%1 không có dạng &quot;vĩ độ,kinh độ bán kính&quot; (độ thập phân, ki-lô-mét)</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1 is not &quot;sender,identifier,sent&quot; (sent as YYYY-MM-DDThh:mm:ss+hh:mm)</source>
        <translation>%1 không có dạng &quot;người gửi,mã định danh,thời điểm gửi&quot; (thời điểm gửi dạng YYYY-MM-DDThh:mm:ss+hh:mm)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>a DOCTYPE (DTD) is not allowed in a CAP message; no entity is declared or expanded</source>
        <translation>không cho phép DOCTYPE (DTD) trong bản tin CAP; không khai báo hay mở rộng thực thể nào</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the document has no &lt;alert&gt; element</source>
        <translation>tài liệu không có phần tử &lt;alert&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>this is CAP in the namespace %1; only CAP 1.2 (%2) is accepted</source>
        <translation>đây là CAP trong không gian tên %1; chỉ chấp nhận CAP 1.2 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the root element is &lt;%1&gt; in the namespace %2; a CAP 1.2 &lt;alert&gt; in the namespace %3 is expected</source>
        <translation>phần tử gốc là &lt;%1&gt; trong không gian tên %2; cần một phần tử &lt;alert&gt; CAP 1.2 trong không gian tên %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>the document has %1 bytes; at most %2 are accepted</source>
        <translation>tài liệu có %1 byte; chỉ chấp nhận tối đa %2 byte</translation>
    </message>
</context>
<context>
    <name>alerts::SavedPlacesModel</name>
    <message>
        <location filename="../core/alerts/AlertsService.cpp" line="-1235"/>
        <source>Home</source>
        <translation>Nhà</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work</source>
        <translation>Nơi làm việc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family</source>
        <translation>Người thân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other place</source>
        <translation>Địa điểm khác</translation>
    </message>
</context>
<context>
    <name>auth::AuthError</name>
    <message>
        <location filename="../core/auth/AuthError.cpp" line="+41"/>
        <source>Cannot reach the sign-in service. Try again in a moment.</source>
        <translation>Không kết nối được với dịch vụ đăng nhập. Vui lòng thử lại sau giây lát.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in service is not set up safely, so the app will not use it. Check the server address in Settings.</source>
        <translation>Dịch vụ đăng nhập không được thiết lập an toàn nên ứng dụng sẽ không dùng. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The app could not open your web browser to sign in.</source>
        <translation>Ứng dụng không mở được trình duyệt để đăng nhập.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in took too long. Please try again.</source>
        <translation>Đăng nhập mất quá nhiều thời gian. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in was cancelled.</source>
        <translation>Đã hủy đăng nhập.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in was refused. Please try again.</source>
        <translation>Đăng nhập bị từ chối. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sign-in service refused the request. Please sign in again.</source>
        <translation>Dịch vụ đăng nhập đã từ chối yêu cầu. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer from the browser does not belong to this sign-in, so it was ignored. Please sign in again.</source>
        <translation>Phản hồi từ trình duyệt không thuộc lần đăng nhập này nên đã bị bỏ qua. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in service sent an answer the app does not understand.</source>
        <translation>Dịch vụ đăng nhập gửi một phản hồi mà ứng dụng không hiểu được.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sign-in could not be verified, so the app did not sign you in. Please try again.</source>
        <translation>Không xác minh được lần đăng nhập nên ứng dụng chưa đăng nhập cho bạn. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in could not be verified. Check that the date and time of this device are correct, then try again.</source>
        <translation>Không xác minh được lần đăng nhập. Hãy kiểm tra ngày giờ của thiết bị có đúng không, rồi thử lại.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The code has expired. Start again to get a new one.</source>
        <translation>Mã đã hết hạn. Hãy bắt đầu lại để nhận mã mới.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in was refused on the phone.</source>
        <translation>Đăng nhập đã bị từ chối trên điện thoại.</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <name>hues::LocationService</name>
    <message>
        <location filename="../app/LocationService.cpp" line="+142"/>
        <source>This device cannot tell where it is. Type the address or the place instead.</source>
        <translation>Thiết bị này không xác định được vị trí. Hãy nhập địa chỉ hoặc địa điểm thay thế.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hue-S may not use your location. Allow it in the system settings, or type the address.</source>
        <translation>Hue-S không được phép dùng vị trí của bạn. Hãy cho phép trong phần cài đặt hệ thống, hoặc nhập địa chỉ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your position could not be found. Go outside or type the address.</source>
        <translation>Không tìm được vị trí của bạn. Hãy ra chỗ thoáng hoặc nhập địa chỉ.</translation>
    </message>
</context>
<context>
    <name>media::PhotoPipeline</name>
    <message>
        <location filename="../core/media/PhotoPipeline.cpp" line="+215"/>
        <source>The file is empty.</source>
        <translation>Tệp trống.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+116"/>
        <source>The photo is too large (%1 MB; at most %2 MB).</source>
        <translation>Ảnh quá lớn (%1 MB; tối đa %2 MB).</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>The file is not an image.</source>
        <translation>Tệp không phải là ảnh.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This image format is not accepted for photos (use JPEG or PNG).</source>
        <translation>Định dạng ảnh này không được chấp nhận (hãy dùng JPEG hoặc PNG).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The photo is damaged (truncated file).</source>
        <translation>Ảnh bị hỏng (tệp bị cắt cụt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The photo is damaged (too many scans).</source>
        <translation>Ảnh bị hỏng (quá nhiều lượt quét).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The photo is damaged (its size cannot be read).</source>
        <translation>Ảnh bị hỏng (không đọc được kích thước).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The photo has too many pixels (%1 x %2; at most %3 megapixels).</source>
        <translation>Ảnh có quá nhiều điểm ảnh (%1 x %2; tối đa %3 megapixel).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The photo is damaged (corrupt image data).</source>
        <translation>Ảnh bị hỏng (dữ liệu ảnh lỗi).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The photo has too many pixels to be decoded (%1 x %2).</source>
        <translation>Ảnh có quá nhiều điểm ảnh để giải mã (%1 x %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The photo is damaged (it cannot be decoded).</source>
        <translation>Ảnh bị hỏng (không giải mã được).</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <source>The photo could not be converted.</source>
        <translation>Không chuyển đổi được ảnh.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file cannot be opened: %1</source>
        <translation>Không mở được tệp: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file cannot be read: %1</source>
        <translation>Không đọc được tệp: %1</translation>
    </message>
</context>
<context>
    <name>net::ApiClient</name>
    <message>
        <location filename="../core/net/ApiClient.cpp" line="+65"/>
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
        <location filename="../core/net/ApiError.cpp" line="+28"/>
        <source>Cannot reach the city server. Check your internet connection and try again.</source>
        <translation>Không kết nối được máy chủ của thành phố. Hãy kiểm tra kết nối Internet rồi thử lại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The city server is taking too long to answer. Try again in a moment.</source>
        <translation>Máy chủ của thành phố phản hồi quá lâu. Hãy thử lại sau ít phút.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server&apos;s security certificate could not be verified, so the connection was stopped. Check the server address in Settings.</source>
        <translation>Không xác minh được chứng chỉ bảo mật của máy chủ nên kết nối đã bị dừng. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account is not allowed to do this.</source>
        <translation>Tài khoản của bạn không có quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you asked for was not found on the server.</source>
        <translation>Không tìm thấy nội dung bạn yêu cầu trên máy chủ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Quá nhiều yêu cầu. Hãy đợi một lát rồi thử lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you are sending is too large.</source>
        <translation>Dữ liệu bạn gửi quá lớn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept the request.</source>
        <translation>Máy chủ không chấp nhận yêu cầu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The city server has a problem right now. Try again later.</source>
        <translation>Máy chủ của thành phố đang gặp sự cố. Hãy thử lại sau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server sent an answer the app does not understand. Check the server address in Settings.</source>
        <translation>Máy chủ gửi về phản hồi mà ứng dụng không hiểu được. Hãy kiểm tra địa chỉ máy chủ trong Cài đặt.</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <name>payments::PaymentFlow</name>
    <message>
        <location filename="../core/payments/PaymentFlow.cpp" line="+136"/>
        <source>This is not a valid VietQR payment code: %1</source>
        <translation>Đây không phải là mã thanh toán VietQR hợp lệ: %1</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Choose the bills to pay from the list of bills.</source>
        <translation>Hãy chọn hóa đơn cần thanh toán trong danh sách hóa đơn.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose between 1 and 20 bills to pay.</source>
        <translation>Hãy chọn từ 1 đến 20 hóa đơn để thanh toán.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The payment could not be recorded on this device, so it was not sent. Free some storage space and try again.</source>
        <translation>Không thể lưu giao dịch trên thiết bị này nên giao dịch chưa được gửi. Hãy giải phóng bớt bộ nhớ rồi thử lại.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This payment is no longer on this device. Check your history before paying again.</source>
        <translation>Giao dịch này không còn trên thiết bị. Hãy kiểm tra lịch sử giao dịch trước khi thanh toán lại.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The payment&apos;s outcome is not known yet: %1 Retry: it will not be paid twice.</source>
        <translation>Chưa rõ kết quả giao dịch: %1 Hãy thử lại: giao dịch sẽ không bị thanh toán hai lần.</translation>
    </message>
</context>
<context>
    <name>payments::PaymentHistoryModel</name>
    <message>
        <location filename="../core/payments/PaymentModels.cpp" line="+25"/>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday</source>
        <translation>Hôm qua</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Payment received</source>
        <translation>Đã nhận thanh toán</translation>
    </message>
</context>
<context>
    <name>payments::PaymentsClient</name>
    <message>
        <location filename="../core/payments/PaymentsClient.cpp" line="+24"/>
        <source>This is not a valid VietQR payment code. Ask for the payment QR code again or scan it more closely.</source>
        <translation>Đây không phải là mã thanh toán VietQR hợp lệ. Hãy yêu cầu lại mã QR thanh toán hoặc quét lại ở khoảng cách gần hơn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the amount to pay.</source>
        <translation>Hãy nhập số tiền cần thanh toán.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount must be a whole number of đồng between 1 ₫ and 500.000.000 ₫.</source>
        <translation>Số tiền phải là số nguyên đồng, từ 1 ₫ đến 500.000.000 ₫.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The amount differs from the one in the QR code. Scan the code again.</source>
        <translation>Số tiền khác với số tiền trong mã QR. Hãy quét lại mã.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your wallet balance is too low for this payment. Top up your wallet or pay a smaller amount.</source>
        <translation>Số dư ví không đủ cho giao dịch này. Hãy nạp thêm tiền vào ví hoặc thanh toán số tiền nhỏ hơn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This merchant is not accepting payments at the moment. Pay another way or ask the merchant.</source>
        <translation>Người bán này hiện không nhận thanh toán. Hãy thanh toán bằng cách khác hoặc hỏi người bán.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account in this QR code was not found. Check with the merchant that the code is theirs.</source>
        <translation>Không tìm thấy tài khoản trong mã QR này. Hãy hỏi lại người bán xem đây có đúng là mã của họ không.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This payment code has expired. Ask the merchant for a new one.</source>
        <translation>Mã thanh toán này đã hết hạn. Hãy đề nghị người bán tạo mã mới.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This payment code has already been paid. Ask the merchant for a new one if you want to pay again.</source>
        <translation>Mã thanh toán này đã được thanh toán. Nếu muốn thanh toán lại, hãy đề nghị người bán tạo mã mới.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One of these bills has already been paid; nothing was charged. Look up the bills again.</source>
        <translation>Một trong các hóa đơn này đã được thanh toán; bạn chưa bị trừ tiền. Hãy tra cứu lại hóa đơn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No customer with this code was found. Check the code on a recent bill.</source>
        <translation>Không tìm thấy khách hàng với mã này. Hãy kiểm tra mã trên hóa đơn gần nhất.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This payment was already sent with different details. Start the payment again.</source>
        <translation>Giao dịch này đã được gửi với thông tin khác. Hãy thực hiện lại giao dịch từ đầu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app sent a request the server does not accept. Update the app and try again.</source>
        <translation>Ứng dụng đã gửi một yêu cầu mà máy chủ không chấp nhận. Hãy cập nhật ứng dụng rồi thử lại.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This payment was not found.</source>
        <translation>Không tìm thấy giao dịch này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account is not allowed to do this.</source>
        <translation>Tài khoản của bạn không có quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in to pay.</source>
        <translation>Hãy đăng nhập để thanh toán.</translation>
    </message>
</context>
<context>
    <name>payments::PaymentsService</name>
    <message>
        <location filename="../core/payments/PaymentsService.cpp" line="+604"/>
        <source>Choose a provider and enter your customer code.</source>
        <translation>Hãy chọn nhà cung cấp và nhập mã khách hàng của bạn.</translation>
    </message>
    <message>
        <location line="+101"/>
        <location line="+107"/>
        <source>Received %1</source>
        <translation>Đã nhận %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Biometrics are not available. Use your PIN.</source>
        <translation>Không dùng được vân tay hoặc khuôn mặt. Hãy dùng mã PIN.</translation>
    </message>
</context>
<context>
    <name>platform::Notifier</name>
    <message>
        <location filename="../platform/notify/Notifier_dbus.cpp" line="+146"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
</context>
<context>
    <name>platform::UserPresence</name>
    <message>
        <location filename="../platform/presence/UserPresence.cpp" line="+14"/>
        <source>This device has no fingerprint or face unlock. Use your PIN.</source>
        <translation>Thiết bị này không có mở khóa bằng vân tay hoặc khuôn mặt. Hãy dùng mã PIN.</translation>
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
    <name>qr::QrScanner</name>
    <message>
        <location filename="../core/qr/QrScanner.cpp" line="+139"/>
        <source>The file cannot be opened.</source>
        <translation>Không mở được tệp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+17"/>
        <source>This file is not a picture.</source>
        <translation>Tệp này không phải là ảnh.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The picture is too large.</source>
        <translation>Ảnh quá lớn.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No QR code was found in the picture.</source>
        <translation>Không tìm thấy mã QR nào trong ảnh.</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Only a picture saved on this device can be read.</source>
        <translation>Chỉ đọc được ảnh đã lưu trên thiết bị này.</translation>
    </message>
</context>
<context>
    <name>reports::OutboxSender</name>
    <message>
        <location filename="../core/reports/OutboxSender.cpp" line="+69"/>
        <source>This report is damaged and cannot be sent.</source>
        <translation>Phản ánh này bị hỏng và không thể gửi được.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report&apos;s photos could not be read on this device.</source>
        <translation>Không đọc được ảnh của phản ánh trên thiết bị này.</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>This item cannot be sent by this version of the app.</source>
        <translation>Phiên bản ứng dụng này không gửi được mục này.</translation>
    </message>
</context>
<context>
    <name>reports::ReportDraft</name>
    <message>
        <location filename="../core/reports/ReportDraft.cpp" line="+143"/>
        <source>Choose a category.</source>
        <translation>Hãy chọn loại sự cố.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The category %1 does not exist on this server.</source>
        <translation>Loại sự cố %1 không có trên máy chủ này.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give both latitude and longitude.</source>
        <translation>Hãy nhập cả vĩ độ và kinh độ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The latitude must be between -90 and 90.</source>
        <translation>Vĩ độ phải nằm trong khoảng -90 đến 90.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The longitude must be between -180 and 180.</source>
        <translation>Kinh độ phải nằm trong khoảng -180 đến 180.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the place: a position on the map or an address.</source>
        <translation>Hãy cho biết vị trí: một điểm trên bản đồ hoặc một địa chỉ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address is too long (at most %1 characters).</source>
        <translation>Địa chỉ quá dài (tối đa %1 ký tự).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The address must be one line of text.</source>
        <translation>Địa chỉ phải nằm trên một dòng.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The description is too long (at most %1 characters).</source>
        <translation>Mô tả quá dài (tối đa %1 ký tự).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The description contains characters that cannot be sent.</source>
        <translation>Mô tả chứa ký tự không gửi được.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most %1 photos can be sent with a report.</source>
        <translation>Mỗi phản ánh chỉ gửi được tối đa %1 ảnh.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This category has no question %1.</source>
        <translation>Loại sự cố này không có câu hỏi %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give one answer to &quot;%1&quot;.</source>
        <translation>Hãy đưa ra một câu trả lời cho &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not an allowed answer to &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; không phải là câu trả lời hợp lệ cho &quot;%2&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The answer to &quot;%1&quot; must be a number.</source>
        <translation>Câu trả lời cho &quot;%1&quot; phải là một con số.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The answer to &quot;%1&quot; must be a date and time.</source>
        <translation>Câu trả lời cho &quot;%1&quot; phải là ngày và giờ.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Answer &quot;%1&quot;: it is required for this category.</source>
        <translation>Hãy trả lời &quot;%1&quot;: câu hỏi này bắt buộc với loại sự cố này.</translation>
    </message>
</context>
<context>
    <name>reports::ReportDraftController</name>
    <message>
        <location filename="../core/reports/ReportsService.cpp" line="+500"/>
        <source>At most %1 photos can be sent with a report.</source>
        <translation>Mỗi phản ánh chỉ gửi được tối đa %1 ảnh.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+4"/>
        <source>The photo could not be saved on this device.</source>
        <translation>Không lưu được ảnh trên thiết bị này.</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The report could not be saved on this device. Free some space and try again.</source>
        <translation>Không lưu được phản ánh trên thiết bị này. Hãy giải phóng bớt dung lượng rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>reports::ReportListModel</name>
    <message>
        <location line="-467"/>
        <source>Waiting to be sent</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent</source>
        <translation>Chưa gửi được</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixed</source>
        <translation>Đã khắc phục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopened</source>
        <translation>Đã mở lại</translation>
    </message>
</context>
<context>
    <name>reports::ReportsReply</name>
    <message>
        <location filename="../core/reports/ReportsClient.cpp" line="+70"/>
        <source>Showing what was saved on this device.</source>
        <translation>Đang hiển thị dữ liệu đã lưu trên thiết bị này.</translation>
    </message>
</context>
<context>
    <name>reports::ReportsService</name>
    <message>
        <location filename="../core/reports/ReportsService.cpp" line="+486"/>
        <source>Your report has reached the city.</source>
        <translation>Phản ánh của bạn đã đến thành phố.</translation>
    </message>
    <message>
        <location line="+318"/>
        <source>You are following this report; it is in My reports.</source>
        <translation>Bạn đang theo dõi phản ánh này; phản ánh có trong Phản ánh của tôi.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thank you for your rating.</source>
        <translation>Cảm ơn bạn đã đánh giá.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The report is open again; the city will look at it.</source>
        <translation>Phản ánh đã được mở lại; thành phố sẽ xem xét lại.</translation>
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
<context>
    <name>vietqr::VietQr</name>
    <message>
        <location filename="../core/vietqr/VietQr.cpp" line="+118"/>
        <source>the payload ends inside a data object (a tag and a length need 4 characters, %1 are left)</source>
        <translation>chuỗi dữ liệu kết thúc giữa chừng một đối tượng dữ liệu (thẻ và độ dài cần 4 ký tự, chỉ còn %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the template ends inside a data object (a tag and a length need 4 characters, %1 are left)</source>
        <translation>mẫu kết thúc giữa chừng một đối tượng dữ liệu (thẻ và độ dài cần 4 ký tự, chỉ còn %1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 at character %2 is not a two-digit tag</source>
        <translation>%1 tại ký tự thứ %2 không phải là thẻ gồm hai chữ số</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the length %1 is not two digits</source>
        <translation>độ dài %1 không phải là hai chữ số</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>has length 00; a data object holds 1 to 99 characters</source>
        <translation>có độ dài 00; một đối tượng dữ liệu chứa từ 1 đến 99 ký tự</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the length %1 runs past the end of the payload (%2 characters left)</source>
        <translation>độ dài %1 vượt quá cuối chuỗi dữ liệu (chỉ còn %2 ký tự)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the length %1 runs past the end of template %2 (%3 characters left)</source>
        <translation>độ dài %1 vượt quá cuối mẫu %2 (chỉ còn %3 ký tự)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>appears twice</source>
        <translation>xuất hiện hai lần</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>contains a control character</source>
        <translation>chứa ký tự điều khiển</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has %1 characters; at most %2 are allowed</source>
        <translation>có %1 ký tự; chỉ cho phép tối đa %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>is missing: the VietQR template needs the GUID A000000727</source>
        <translation>bị thiếu: mẫu VietQR cần GUID A000000727</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the GUID is %1; VietQR (NAPAS) uses %2</source>
        <translation>GUID là %1; VietQR (NAPAS) dùng %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing: the beneficiary organisation (BIN and account)</source>
        <translation>bị thiếu: tổ chức thụ hưởng (BIN và tài khoản)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is missing: the bank&apos;s BIN</source>
        <translation>bị thiếu: mã BIN của ngân hàng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the BIN %1 is not 6 digits</source>
        <translation>BIN %1 không gồm 6 chữ số</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing: the account or card number</source>
        <translation>bị thiếu: số tài khoản hoặc số thẻ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the account %1 is not 1 to %2 letters or digits</source>
        <translation>tài khoản %1 không gồm từ 1 đến %2 chữ cái hoặc chữ số</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is missing: the service code (QRIBFTTA or QRIBFTTC)</source>
        <translation>bị thiếu: mã dịch vụ (QRIBFTTA hoặc QRIBFTTC)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown service code %1 (QRIBFTTA: to an account, QRIBFTTC: to a card)</source>
        <translation>mã dịch vụ %1 không xác định (QRIBFTTA: đến tài khoản, QRIBFTTC: đến thẻ)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the payload is empty</source>
        <translation>chuỗi dữ liệu trống</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the payload has more than %1 characters</source>
        <translation>chuỗi dữ liệu có hơn %1 ký tự</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the payload is not valid text</source>
        <translation>chuỗi dữ liệu không phải là văn bản hợp lệ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the payload has %1 characters; at most %2 are allowed</source>
        <translation>chuỗi dữ liệu có %1 ký tự; chỉ cho phép tối đa %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the payload format indicator must be the first data object</source>
        <translation>phiên bản dữ liệu (payload format indicator) phải là đối tượng dữ liệu đầu tiên</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is missing: the payload format indicator must come first</source>
        <translation>bị thiếu: phiên bản dữ liệu (payload format indicator) phải đứng đầu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the payload format indicator is %1; it must be &apos;01&apos;</source>
        <translation>phiên bản dữ liệu là %1; phải là &apos;01&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing: the CRC must be the last data object</source>
        <translation>bị thiếu: CRC phải là đối tượng dữ liệu cuối cùng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the CRC must be the last data object</source>
        <translation>CRC phải là đối tượng dữ liệu cuối cùng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the CRC %1 is not 4 hexadecimal digits</source>
        <translation>CRC %1 không gồm 4 chữ số thập lục phân</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CRC mismatch: the payload says %1, its content gives %2</source>
        <translation>CRC không khớp: chuỗi dữ liệu ghi %1, nội dung tính ra %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is missing: the point of initiation (&apos;11&apos; static, &apos;12&apos; dynamic)</source>
        <translation>bị thiếu: phương thức khởi tạo (&apos;11&apos; tĩnh, &apos;12&apos; động)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the point of initiation is %1; it must be &apos;11&apos; (static) or &apos;12&apos; (dynamic)</source>
        <translation>phương thức khởi tạo là %1; phải là &apos;11&apos; (tĩnh) hoặc &apos;12&apos; (động)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>is missing: no VietQR merchant account information (GUID A000000727)</source>
        <translation>bị thiếu: không có thông tin tài khoản người bán VietQR (GUID A000000727)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the merchant category code %1 is not 4 digits</source>
        <translation>mã danh mục người bán (MCC) %1 không gồm 4 chữ số</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is missing: the currency (704, VND)</source>
        <translation>bị thiếu: mã tiền tệ (704, VND)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the currency is %1; VietQR takes only 704 (VND)</source>
        <translation>mã tiền tệ là %1; VietQR chỉ chấp nhận 704 (VND)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the amount %1 is not a whole number of đồng (1 to 13 digits, no leading zero, no decimal point)</source>
        <translation>số tiền %1 không phải là số nguyên đồng (1 đến 13 chữ số, không có số 0 ở đầu, không có dấu thập phân)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the tip indicator is %1; it must be 01, 02 or 03</source>
        <translation>chỉ báo tiền tip là %1; phải là 01, 02 hoặc 03</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a fixed fee needs tip indicator 55 = 02</source>
        <translation>phí cố định cần chỉ báo tiền tip 55 = 02</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the fixed fee %1 is not an amount</source>
        <translation>phí cố định %1 không phải là số tiền</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a percentage fee needs tip indicator 55 = 03</source>
        <translation>phí theo phần trăm cần chỉ báo tiền tip 55 = 03</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the percentage fee %1 is not a percentage</source>
        <translation>phí theo phần trăm %1 không phải là tỷ lệ phần trăm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is missing: the country code (VN)</source>
        <translation>bị thiếu: mã quốc gia (VN)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the country is %1; VietQR takes only VN</source>
        <translation>mã quốc gia là %1; VietQR chỉ chấp nhận VN</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The bank BIN must be 6 digits.</source>
        <translation>Mã BIN ngân hàng phải gồm 6 chữ số.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account must be 1 to %1 letters or digits.</source>
        <translation>Số tài khoản phải gồm từ 1 đến %1 chữ cái hoặc chữ số.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The amount must be a whole number of đồng from 1 to %1.</source>
        <translation>Số tiền phải là số nguyên đồng, từ 1 đến %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The currency must be 704 (VND).</source>
        <translation>Mã tiền tệ phải là 704 (VND).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The country must be VN.</source>
        <translation>Mã quốc gia phải là VN.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>merchant name</source>
        <translation>tên người bán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merchant city</source>
        <translation>thành phố của người bán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bill number</source>
        <translation>số hóa đơn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reference label</source>
        <translation>mã tham chiếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purpose</source>
        <translation>nội dung giao dịch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 contains a character that cannot be written.</source>
        <translation>Trường %1 chứa ký tự không ghi được vào mã.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 has %2 characters; at most %3 fit.</source>
        <translation>Trường %1 có %2 ký tự; chỉ chứa được tối đa %3.</translation>
    </message>
</context>
</TS>
