<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name />
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="50" />
        <source>%n day(s)</source>
        <translation>%n ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="50" />
        <source>%1 h</source>
        <translation>%1 giờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="52" />
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="53" />
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="59" />
        <source>Late: not sent by the next working morning</source>
        <translation>Trễ hạn: chưa gửi trong buổi sáng ngày làm việc tiếp theo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="61" />
        <source>Not sent by closing time on the day of signing</source>
        <translation>Chưa gửi khi hết giờ làm việc ngày ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="63" />
        <source>Waiting to be sent today</source>
        <translation>Chờ gửi trong ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="65" />
        <source>paper only (secret or restricted)</source>
        <translation>chỉ gửi bản giấy (văn bản mật hoặc hạn chế)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="191" />
        <source>Queued for %n recipient agency(ies); it leaves at the next sync.</source>
        <translation>Đã xếp hàng gửi tới %n cơ quan nhận; văn bản sẽ đi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="89" />
        <source>No deadline</source>
        <translation>Không có hạn xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="96" />
        <source>%n working day(s) overdue</source>
        <translation>quá hạn %n ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="96" />
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="98" />
        <source>due today</source>
        <translation>đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="99" />
        <source>%n working day(s) left</source>
        <translation>còn %n ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="170" />
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="100" />
        <location filename="../../app/ui/pages/messages.py" line="233" />
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="233" />
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="81" />
        <source>%n working day(s)</source>
        <translation>%n ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="83" />
        <source>%1 office hour(s)</source>
        <translation>%1 giờ hành chính</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="84" />
        <source>under an hour</source>
        <translation>dưới 1 giờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="88" />
        <source>Awaiting direction</source>
        <translation>Chờ chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="90" />
        <source>Awaiting direction (for %1)</source>
        <translation>Chờ chỉ đạo (thay %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/notifications.py" line="75" />
        <source>%n urgent document(s) await your direction</source>
        <translation>%n văn bản khẩn đang chờ chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/notifications.py" line="81" />
        <source>… and %n more</source>
        <translation>… và %n văn bản khác</translation>
    </message>
    <message>
        <location filename="../../app/ui/notifications.py" line="103" />
        <source>Open the inbox</source>
        <translation>Mở danh sách chờ chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/notifications.py" line="106" />
        <source>Dismiss</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../app/ui/notifications.py" line="259" />
        <source>Văn Thư Desktop: leader's inbox</source>
        <translation>Văn Thư Desktop: văn bản chờ chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="172" />
        <source>The sandbox axis did not start; see {log}.</source>
        <translation>Trục thử nghiệm không khởi động được; xem {log}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="224" />
        <source>Office {letter} has no demo signing certificates (SoftHSM2 missing): its documents arrive unsigned and are quarantined.</source>
        <translation>Văn phòng {letter} không có chứng thư ký số trình diễn (thiếu SoftHSM2): văn bản của văn phòng này đến nơi không có chữ ký số và bị cách ly.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="264" />
        <source>No signing tokens (SoftHSM2 missing): no document was prepared to send.</source>
        <translation>Không có thiết bị ký số (thiếu SoftHSM2): chưa chuẩn bị văn bản nào để gửi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="327" />
        <source>No display found: the windows start on a virtual screen (xvfb-run). Set DISPLAY to see them.</source>
        <translation>Không tìm thấy màn hình: các cửa sổ chạy trên màn hình ảo (xvfb-run). Đặt DISPLAY để nhìn thấy chúng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="344" />
        <source>Both offices are closed; the sandbox axis stops.</source>
        <translation>Cả hai văn phòng đã đóng; trục thử nghiệm dừng lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="352" />
        <source>Two-office demo: the sandbox axis at {url} (loopback only).</source>
        <translation>Trình diễn hai văn phòng: trục thử nghiệm tại {url} (chỉ trong máy này).</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="354" />
        <source>Office {letter}: {name} — code {code} — data folder {home}</source>
        <translation>Văn phòng {letter}: {name} — mã định danh {code} — thư mục dữ liệu {home}</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="357" />
        <source>Agency directory pulled from the axis: {n} agencies.</source>
        <translation>Đã tải danh bạ cơ quan từ trục: {n} cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="360" />
        <source>The agency directory could not be pulled: {error}</source>
        <translation>Không tải được danh bạ cơ quan: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="363" />
        <source>Users in each office, password {password}: vanthu (clerk), giamdoc (director), phogiamdoc (deputy), chuyenvien (specialist), quantri (administrator).</source>
        <translation>Người dùng ở mỗi văn phòng, mật khẩu {password}: vanthu (văn thư), giamdoc (giám đốc), phogiamdoc (phó giám đốc), chuyenvien (chuyên viên), quantri (quản trị).</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="367" />
        <source>What to do:</source>
        <translation>Cách thực hiện:</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="369" />
        <source>In the window of office A ({name}), sign in as vanthu, open “To send” and send “{summary}” to office B.</source>
        <translation>Trong cửa sổ của văn phòng A ({name}), đăng nhập bằng vanthu, mở trang “Chờ gửi” và gửi “{summary}” đến văn phòng B.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="372" />
        <source>In office A ({name}), sign in as chuyenvien, write a new draft and choose office B as its recipient (type its code {code}); have it signed by giamdoc, then vanthu numbers, seals and sends it.</source>
        <translation>Ở văn phòng A ({name}), đăng nhập bằng chuyenvien, soạn dự thảo mới và chọn văn phòng B làm nơi nhận (gõ mã định danh {code}); trình giamdoc ký, sau đó vanthu cấp số, đóng dấu và gửi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="376" />
        <source>In the window of office B ({name}), sign in as vanthu: within a minute the document arrives on the Exchange page, is registered in the incoming book and presented to giamdoc.</source>
        <translation>Trong cửa sổ của văn phòng B ({name}), đăng nhập bằng vanthu: trong vòng một phút văn bản đến trang Liên thông, được vào sổ văn bản đến và trình giamdoc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="379" />
        <source>Back in office A, the Exchange page shows B's statuses (arrived, accepted).</source>
        <translation>Trở lại văn phòng A, trang Liên thông hiển thị các trạng thái của B (đã đến, đã tiếp nhận).</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="381" />
        <source>Office B has “{summary}” ready for office A: send it the same way.</source>
        <translation>Văn phòng B có sẵn “{summary}” gửi văn phòng A: gửi theo cách tương tự.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="383" />
        <source>Closing both windows stops the axis. Start again with the same command: the offices keep their data.</source>
        <translation>Đóng cả hai cửa sổ thì trục dừng. Chạy lại cùng lệnh này: các văn phòng vẫn giữ nguyên dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="395" />
        <source>Office A has no issued document to send; nothing was exchanged.</source>
        <translation>Văn phòng A không có văn bản đã ban hành để gửi; chưa trao đổi văn bản nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/two_office_demo.py" line="408" />
        <source>Sent “{summary}” from office A to office B: B registered {n} document(s); A received {s} status message(s).</source>
        <translation>Đã gửi “{summary}” từ văn phòng A đến văn phòng B: B đã vào sổ {n} văn bản; A đã nhận {s} thông điệp trạng thái.</translation>
    </message>
</context>
<context>
    <name>AddCommuneDialog</name>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="222" />
        <source>Serve a commune</source>
        <translation>Phục vụ một xã</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="228" />
        <source>the commune's code</source>
        <translation>mã định danh của xã</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="236" />
        <source>Agency code (from the directory)</source>
        <translation>Mã định danh (trong danh mục cơ quan)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="237" />
        <source>System id on the axis</source>
        <translation>Mã hệ thống trên trục</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="244" />
        <source>The commune's axis secret is kept like this office's own: set it on the syncing computer as the environment variable %1, then restart.</source>
        <translation>Mật khẩu trục liên thông của xã được lưu như của cơ quan mình: đặt biến môi trường %1 trên máy đồng bộ rồi khởi động lại.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="44" />
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="47" />
        <source>Agency profile</source>
        <translation>Thông tin cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="50" />
        <location filename="../../app/ui/pages/admin.py" line="56" />
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="50" />
        <location filename="../../app/ui/pages/admin.py" line="162" />
        <source>Abbreviation</source>
        <translation>Viết tắt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="51" />
        <source>Units</source>
        <translation>Các đơn vị</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="56" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="56" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="56" />
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="56" />
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="57" />
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="60" />
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="64" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="64" />
        <source>Register</source>
        <translation>Loại sổ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="64" />
        <source>Number series</source>
        <translation>Hệ thống số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="64" />
        <source>Secret</source>
        <translation>Mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="68" />
        <source>Registry books and number series</source>
        <translation>Sổ đăng ký và hệ thống số văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="69" />
        <source>Add a registry book…</source>
        <translation>Thêm sổ đăng ký…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="74" />
        <source>Working calendar…</source>
        <translation>Lịch làm việc…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="76" />
        <source>Holidays, day swaps, make-up working days and office hours</source>
        <translation>Ngày lễ, hoán đổi ngày làm việc, ngày làm bù và giờ làm việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="84" />
        <source>Integrity check</source>
        <translation>Kiểm tra toàn vẹn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="85" />
        <source>Run integrity check</source>
        <translation>Kiểm tra toàn vẹn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="88" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="97" />
        <source>Verifies that every stored file matches its SHA-256 and that the audit log chain is unbroken.</source>
        <translation>Kiểm tra mọi tệp lưu trữ còn khớp mã SHA-256 và chuỗi nhật ký thao tác không bị đứt, không bị sửa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="123" />
        <source>Tokens and trust…</source>
        <translation>Thiết bị ký số và tin cậy…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="125" />
        <source>Signing tokens, the agency's seal token, trusted roots and CRLs</source>
        <translation>Thiết bị ký số (token), token đóng dấu của cơ quan, chứng thư gốc tin cậy và danh sách thu hồi (CRL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="140" />
        <source>Agency directory</source>
        <translation>Danh bạ cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="160" />
        <source>Agency code</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="64" />
        <location filename="../../app/ui/pages/admin.py" line="161" />
        <source>Name</source>
        <translation>Tên cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="163" />
        <source>Governing body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="164" />
        <source>Place name</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="177" />
        <location filename="../../app/ui/pages/admin.py" line="185" />
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="177" />
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="210" />
        <source>Registry book not added</source>
        <translation>Chưa thêm được sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="234" />
        <source>The check was cancelled.</source>
        <translation>Đã hủy việc kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="256" />
        <source>Checked %1 stored file(s) and %2 audit event(s).</source>
        <translation>Đã kiểm tra %1 tệp lưu trữ và %2 sự kiện nhật ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="261" />
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="261" />
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="264" />
        <source>Everything is consistent.</source>
        <translation>Tất cả đều nhất quán.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="266" />
        <source>Problems found: restore the affected files or the database from a backup.</source>
        <translation>Phát hiện lỗi: hãy khôi phục các tệp bị ảnh hưởng hoặc cơ sở dữ liệu từ bản sao lưu.</translation>
    </message>
</context>
<context>
    <name>AgencyPicker</name>
    <message>
        <location filename="../../app/widgets/agency_picker.py" line="83" />
        <source>Type an agency's name (accents optional) or its code…</source>
        <translation>Gõ tên cơ quan (có hoặc không dấu) hoặc mã định danh…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/agency_picker.py" line="96" />
        <source>Delete removes the selected recipient.</source>
        <translation>Phím Delete xóa nơi nhận đang chọn.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/agency_picker.py" line="138" />
        <location filename="../../app/widgets/agency_picker.py" line="182" />
        <location filename="../../app/widgets/agency_picker.py" line="215" />
        <source>{code} (not in the directory)</source>
        <translation>{code} (chưa có trong danh bạ)</translation>
    </message>
    <message>
        <location filename="../../app/widgets/agency_picker.py" line="158" />
        <source>Loading the agency directory…</source>
        <translation>Đang tải danh bạ cơ quan…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/agency_picker.py" line="189" />
        <source>No agency matches “{text}”.</source>
        <translation>Không có cơ quan nào khớp với “{text}”.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/agency_picker.py" line="198" />
        <source>Choose an agency from the list, or type a complete code like 000.00.12.H27.</source>
        <translation>Hãy chọn một cơ quan trong danh sách, hoặc gõ đủ mã định danh, ví dụ 000.00.12.H27.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/agency_picker.py" line="222" />
        <source>Recipients: %n</source>
        <translation>
            <numerusform>Nơi nhận: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/ui/application.py" line="107" />
        <source>Open the backup folder</source>
        <translation>Mở thư mục sao lưu</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="43" />
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="44" />
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="45" />
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="46" />
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="47" />
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="48" />
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="49" />
        <source>Sunday</source>
        <translation>Chủ Nhật</translation>
    </message>
</context>
<context>
    <name>CalendarEditorDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="75" />
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="90" />
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="90" />
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="92" />
        <source>Weekday</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="92" />
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="94" />
        <source>Days off (holidays, Tết, swapped days)</source>
        <translation>Ngày nghỉ (lễ, Tết, ngày nghỉ hoán đổi)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="96" />
        <source>Make-up working days (e.g. a Saturday worked)</source>
        <translation>Ngày làm việc bù (ví dụ: thứ Bảy đi làm)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="104" />
        <source>Add as day off</source>
        <translation>Thêm ngày nghỉ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="106" />
        <source>Add as make-up working day</source>
        <translation>Thêm ngày làm bù</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="108" />
        <source>Remove selected</source>
        <translation>Xóa ngày đã chọn</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="111" />
        <source>The list is complete (do not add the statutory holidays known to the app)</source>
        <translation>Danh sách đã đầy đủ (không tự thêm các ngày lễ theo luật mà ứng dụng biết)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="115" />
        <source>Source, e.g. the Government's notice on Tết and the day swaps</source>
        <translation>Căn cứ, ví dụ: thông báo của Chính phủ về nghỉ Tết và hoán đổi ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="116" />
        <source>Save the year</source>
        <translation>Lưu lịch năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="119" />
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="281" />
        <source>Use the built-in calendar</source>
        <translation>Dùng lịch có sẵn</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="121" />
        <source>Delete the agency's own table for this year</source>
        <translation>Xóa bảng lịch riêng của cơ quan cho năm này</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="124" />
        <source>Office hours (every working day)</source>
        <translation>Giờ làm việc (áp dụng cho mọi ngày làm việc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="129" />
        <source>Afternoon session</source>
        <translation>Buổi chiều</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="132" />
        <source>Save office hours</source>
        <translation>Lưu giờ làm việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="136" />
        <source>Morning</source>
        <translation>Buổi sáng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="147" />
        <source>A document arriving after hours counts from the next working session.</source>
        <translation>Văn bản đến ngoài giờ làm việc được tính từ buổi làm việc kế tiếp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="157" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="170" />
        <source>Source</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="206" />
        <source>The agency's own table for this year.</source>
        <translation>Bảng lịch riêng của cơ quan cho năm này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="208" />
        <source>The built-in table (Government notices); saving makes it the agency's own.</source>
        <translation>Bảng lịch có sẵn (theo thông báo của Chính phủ); khi lưu sẽ thành bảng lịch riêng của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="211" />
        <source>The statutory holidays known to the app; add the Government's day swaps and save.</source>
        <translation>Các ngày lễ theo luật mà ứng dụng biết; hãy thêm các ngày hoán đổi theo thông báo của Chính phủ rồi lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="274" />
        <source>The calendar of %1 was saved.</source>
        <translation>Đã lưu lịch làm việc năm %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="282" />
        <source>Delete the agency's own table for %1?</source>
        <translation>Xóa bảng lịch riêng của cơ quan cho năm %1?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/calendar_editor.py" line="328" />
        <source>The office hours were saved.</source>
        <translation>Đã lưu giờ làm việc.</translation>
    </message>
</context>
<context>
    <name>CancelEntryDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="206" />
        <source>Cancel number %1</source>
        <translation>Hủy số %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="209" />
        <source>Number %1 (%2) stays in the book, marked as cancelled; it is never given again. The document is marked cancelled too.</source>
        <translation>Số %1 (%2) vẫn nằm trong sổ, được đánh dấu đã hủy; số này không bao giờ được cấp lại. Văn bản cũng được đánh dấu đã hủy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="218" />
        <source>Required: why the number is cancelled</source>
        <translation>Bắt buộc: lý do hủy số</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="223" />
        <source>Cancel the number</source>
        <translation>Hủy số</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="224" />
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="228" />
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../app/ui/cli.py" line="30" />
        <source>Removed {n} unreferenced file(s).</source>
        <translation>Đã xóa {n} tệp không còn được tham chiếu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cli.py" line="43" />
        <source>An agency already exists in {path}; nothing was added.</source>
        <translation>Đã có cơ quan trong {path}; không thêm gì.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cli.py" line="50" />
        <source>Demo agency created in {path}: {docs} documents, {users} users.</source>
        <translation>Đã tạo cơ quan mẫu trong {path}: {docs} văn bản, {users} người dùng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cli.py" line="60" />
        <source>Checked {files} stored file(s) and {events} audit event(s).</source>
        <translation>Đã kiểm tra {files} tệp lưu trữ và {events} sự kiện nhật ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cli.py" line="66" />
        <source>ERROR</source>
        <translation>LỖI</translation>
    </message>
    <message>
        <location filename="../../app/ui/cli.py" line="68" />
        <source>WARNING</source>
        <translation>CẢNH BÁO</translation>
    </message>
    <message>
        <location filename="../../app/ui/cli.py" line="72" />
        <source>Everything is consistent.</source>
        <translation>Tất cả đều nhất quán.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cli.py" line="75" />
        <source>Problems found: restore the affected files or the database from a backup.</source>
        <translation>Phát hiện lỗi: hãy khôi phục các tệp bị ảnh hưởng hoặc cơ sở dữ liệu từ bản sao lưu.</translation>
    </message>
</context>
<context>
    <name>CommuneRelayRow</name>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="61" />
        <source>Collect for communes</source>
        <translation>Nhận văn bản cho các xã</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="63" />
        <source>Fetch from the axis, with each commune's credentials, what is addressed to the communes this office serves, and hold it for USB.</source>
        <translation>Nhận từ trục liên thông, bằng tài khoản của từng xã, các văn bản gửi đến các xã do cơ quan này phục vụ, và giữ lại để chuyển bằng USB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="66" />
        <source>Export for a commune…</source>
        <translation>Xuất cho xã…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="69" />
        <source>Write a commune's package again…</source>
        <translation>Xuất lại gói của xã…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="72" />
        <source>For a USB package that was lost or did not reach the commune: the messages of the last package written for it go into a new package. The commune takes each message once, even if the first package turns up later.</source>
        <translation>Dùng khi gói USB bị mất hoặc không đến được xã: các thông điệp của gói ghi gần nhất cho xã được ghi vào một gói mới. Xã chỉ tiếp nhận mỗi thông điệp một lần, kể cả khi gói cũ được tìm thấy sau đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="101" />
        <source>Held for communes: %1</source>
        <translation>Đang giữ cho các xã: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="105" />
        <source>No axis is configured on this computer (VANTHU_AXIS_URL).</source>
        <translation>Máy này chưa cấu hình trục liên thông (VANTHU_AXIS_URL).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/commune_relay.py" line="121" />
        <source>%n message(s) collected for communes.</source>
        <translation>
            <numerusform>Đã nhận %n văn bản cho các xã.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="136" />
        <source>Write a commune's package again</source>
        <translation>Xuất lại gói của xã</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="137" />
        <source>Commune whose last package did not arrive:</source>
        <translation>Xã chưa nhận được gói gần nhất:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="157" />
        <source>Export for a commune</source>
        <translation>Xuất cho xã</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="158" />
        <source>Commune to carry the held messages to:</source>
        <translation>Xã nhận các văn bản đang giữ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="164" />
        <source>Choose the USB drive or folder to write to</source>
        <translation>Chọn ổ USB hoặc thư mục để ghi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="168" />
        <source>Sign the USB package for commune %1 with the agency's certificate.</source>
        <translation>Ký số gói USB cho xã %1 bằng chứng thư số của cơ quan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/commune_relay.py" line="189" />
        <source>%n message(s) for %2 written to %1. Take the drive to the commune.</source>
        <translation>
            <numerusform>Đã ghi %n văn bản cho %2 vào %1. Hãy mang ổ USB đến xã.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="69" />
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="70" />
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="71" />
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="72" />
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="73" />
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="74" />
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="75" />
        <source>Sunday</source>
        <translation>Chủ Nhật</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/dialogs/direct.py" line="124" />
        <source>Direct %n document(s)</source>
        <translation>
            <numerusform>Chỉ đạo %n văn bản</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="141" />
        <source>The leader's direction (ý kiến chỉ đạo)…</source>
        <translation>Ý kiến chỉ đạo của lãnh đạo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="145" />
        <source>Insert a common phrase…</source>
        <translation>Chèn câu chỉ đạo thường dùng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="153" />
        <location filename="../../app/ui/dialogs/direct.py" line="331" />
        <source>— choose the lead unit or person —</source>
        <translation>— chọn đơn vị hoặc cá nhân chủ trì —</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="166" />
        <source>In working days:</source>
        <translation>Số ngày làm việc:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="172" />
        <source>On a date:</source>
        <translation>Đến ngày:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="192" />
        <source>For information only (no lead, no deadline)</source>
        <translation>Chỉ để biết (không giao chủ trì, không có hạn xử lý)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="201" />
        <location filename="../../app/ui/dialogs/direct.py" line="333" />
        <source>Direct</source>
        <translation>Chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="223" />
        <source>&amp;Direction:</source>
        <translation>Ý kiến &amp;chỉ đạo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="224" />
        <source>&amp;Lead:</source>
        <translation>Chủ &amp;trì:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="225" />
        <source>&amp;Coordinators:</source>
        <translation>&amp;Phối hợp:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="226" />
        <source>Deadline:</source>
        <translation>Hạn xử lý:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/dialogs/direct.py" line="250" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n văn bản khác</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="331" />
        <source>— nobody (optional) —</source>
        <translation>— không giao (không bắt buộc) —</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="333" />
        <source>File for information</source>
        <translation>Chuyển để biết</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="346" />
        <source>No deadline: the documents are filed for information.</source>
        <translation>Không có hạn xử lý: văn bản được chuyển để biết.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="353" />
        <source>This date has passed. Pick today or a later working day.</source>
        <translation>Ngày này đã qua. Hãy chọn hôm nay hoặc một ngày làm việc sau đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="355" />
        <source>%1 is not a working day. The next working day is %2.</source>
        <translation>Ngày %1 không phải ngày làm việc. Ngày làm việc kế tiếp là %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="358" />
        <source>Counted from registration, this deadline has already passed. Give more days or pick a date.</source>
        <translation>Tính từ ngày đăng ký, hạn này đã qua. Hãy cho thêm ngày hoặc chọn một ngày cụ thể.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="366" />
        <source>Deadline: %1</source>
        <translation>Hạn xử lý: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/direct.py" line="368" />
        <source>Deadlines from %1 to %2 (counted from each document's registration)</source>
        <translation>Hạn xử lý từ %1 đến %2 (tính từ ngày đăng ký của từng văn bản)</translation>
    </message>
</context>
<context>
    <name>DirectoryRefreshRow</name>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="39" />
        <source>Refresh directory</source>
        <translation>Cập nhật danh bạ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="41" />
        <source>Pull the agency directory (mã định danh) from the provincial axis now; the recipient pickers search it.</source>
        <translation>Tải ngay danh bạ cơ quan (mã định danh) từ trục liên thông của tỉnh; ô chọn nơi nhận tìm trong danh bạ này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="44" />
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="76" />
        <source>Agency directory: no exchange axis is configured, so it cannot be refreshed. Set VANTHU_AXIS_URL and the office's axis credentials, then start again.</source>
        <translation>Danh bạ cơ quan: chưa cấu hình trục liên thông nên không cập nhật được. Đặt VANTHU_AXIS_URL và thông tin xác thực của cơ quan trên trục, rồi khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="82" />
        <source>Agency directory: never refreshed from the axis.</source>
        <translation>Danh bạ cơ quan: chưa lần nào cập nhật từ trục.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="84" />
        <source>Agency directory: last refreshed {when}.</source>
        <translation>Danh bạ cơ quan: cập nhật lần cuối lúc {when}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="86" />
        <source>An interrupted refresh continues from page {page}.</source>
        <translation>Lần cập nhật bị gián đoạn sẽ tiếp tục từ trang {page}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="112" />
        <source>Refreshing the agency directory from the axis…</source>
        <translation>Đang cập nhật danh bạ cơ quan từ trục…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="129" />
        <source>%v of %m agencies</source>
        <translation>%v / %m cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="134" />
        <source>Directory refreshed: {read} agencies read from the axis ({new} new, {changed} changed, {skipped} skipped as invalid); the directory now holds {total} agencies.</source>
        <translation>Đã cập nhật danh bạ: đọc {read} cơ quan từ trục ({new} mới, {changed} thay đổi, {skipped} bỏ qua do không hợp lệ); danh bạ hiện có {total} cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="140" />
        <source>The directory was not refreshed: {reason} What was already stored stays, and the next refresh continues from there.</source>
        <translation>Chưa cập nhật được danh bạ: {reason} Phần đã lưu được giữ lại, lần cập nhật sau sẽ tiếp tục từ đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/directory_refresh.py" line="144" />
        <source>Refresh stopped. What was already stored stays; the next refresh continues from there.</source>
        <translation>Đã dừng cập nhật. Phần đã lưu được giữ lại; lần cập nhật sau sẽ tiếp tục từ đó.</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <location filename="../../app/ui/pages/document.py" line="51" />
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="52" />
        <source>Back to the list (Alt+Left)</source>
        <translation>Quay lại danh sách (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="64" />
        <source>The PDF file cannot be displayed.</source>
        <translation>Không hiển thị được tệp PDF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="67" />
        <source>Document details</source>
        <translation>Thông tin văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="71" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="72" />
        <source>Date</source>
        <translation>Ngày văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="73" />
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="74" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="75" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="76" />
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="77" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="78" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="79" />
        <source>Direction</source>
        <translation>Văn bản đến/đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="80" />
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="88" />
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="102" />
        <source>Digital signatures</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="163" />
        <source>This document has no PDF file to display.</source>
        <translation>Văn bản này không có tệp PDF để hiển thị.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="173" />
        <source>Appendix</source>
        <translation>Phụ lục</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="173" />
        <source>Main document</source>
        <translation>Văn bản chính</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="259" />
        <source>Save the verification report</source>
        <translation>Lưu báo cáo kiểm tra chữ ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="260" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="283" />
        <source>Verification report saved: {path}</source>
        <translation>Đã lưu báo cáo kiểm tra chữ ký số: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="285" />
        <source>The verification report was not saved: {message}</source>
        <translation>Chưa lưu được báo cáo kiểm tra chữ ký số: {message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="297" />
        <source>(not numbered yet)</source>
        <translation>(chưa cấp số)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="310" />
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="313" />
        <source>No files.</source>
        <translation>Không có tệp.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="32" />
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="36" />
        <source>All documents</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="37" />
        <source>Incoming</source>
        <translation>Văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="38" />
        <source>Outgoing</source>
        <translation>Văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="44" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="45" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="46" />
        <source>Direction</source>
        <translation>Văn bản đến/đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="47" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="48" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="49" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="50" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="55" />
        <source>Check a file against the register…</source>
        <translation>Đối chiếu tệp với sổ đăng ký…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="57" />
        <source>Is a PDF you received the document of record? Compares its signatures with the register and verifies them</source>
        <translation>Tệp PDF nhận được có đúng là bản gốc trong sổ không? Đối chiếu chữ ký của tệp với sổ đăng ký và kiểm tra các chữ ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="65" />
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/documents.py" line="77" />
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n văn bản</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="94" />
        <source>Check a file against the register</source>
        <translation>Đối chiếu tệp với sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="95" />
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Tệp PDF (*.pdf);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="51" />
        <source>Drafts (*.pdf *.docx *.odt *.doc *.rtf)</source>
        <translation>Dự thảo (*.pdf *.docx *.odt *.doc *.rtf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="52" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="55" />
        <source>Not secret</source>
        <translation>Không mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="56" />
        <source>Secret (Mật)</source>
        <translation>Mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="57" />
        <source>Top secret (Tối mật)</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="58" />
        <source>Absolute secret (Tuyệt mật)</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="61" />
        <source>No restriction stamp</source>
        <translation>Không có dấu chỉ phạm vi lưu hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="68" />
        <source>Ordinary</source>
        <translation>Thông thường</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="69" />
        <source>Superior agency</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="70" />
        <source>Government / Prime Minister</source>
        <translation>Chính phủ / Thủ tướng Chính phủ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="71" />
        <source>Legal review body</source>
        <translation>Cơ quan kiểm tra văn bản QPPL</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="72" />
        <source>Outside the administrative system</source>
        <translation>Ngoài hệ thống hành chính nhà nước</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="75" />
        <source>Recipient</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="76" />
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="77" />
        <source>No equipment</source>
        <translation>Không có thiết bị</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="78" />
        <source>Paper</source>
        <translation>Bản giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="79" />
        <source>Copies</source>
        <translation>Số lượng bản</translation>
    </message>
</context>
<context>
    <name>DraftEditorDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="105" />
        <source>New draft</source>
        <translation>Dự thảo mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="105" />
        <source>Edit draft</source>
        <translation>Sửa dự thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="115" />
        <source>Choose the draft (PDF, or Word: converted to PDF)</source>
        <translation>Chọn tệp dự thảo (PDF, hoặc Word: sẽ chuyển sang PDF)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="117" />
        <source>Keep the current file, or choose a revised one</source>
        <translation>Giữ tệp hiện tại, hoặc chọn tệp đã sửa</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="119" />
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="123" />
        <source>What changed in this version</source>
        <translation>Nội dung sửa đổi ở phiên bản này</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="131" />
        <source>Legal normative document (VBQPPL)</source>
        <translation>Văn bản quy phạm pháp luật (VBQPPL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="135" />
        <source>Trích yếu, e.g. V/v triển khai chữ ký số</source>
        <translation>Trích yếu, ví dụ V/v triển khai chữ ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="150" />
        <source>(choose when submitting)</source>
        <translation>(chọn khi trình ký)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="153" />
        <source>On the agency's list of documents also sent on paper</source>
        <translation>Thuộc danh mục văn bản cơ quan gửi kèm bản giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="160" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="165" />
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="166" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="171" />
        <source>Urgency, secrecy, stamp</source>
        <translation>Độ khẩn, độ mật, dấu lưu hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="172" />
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="184" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="197" />
        <source>Recipients (Nơi nhận)</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="208" />
        <source>Add agency</source>
        <translation>Thêm cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="210" />
        <source>Adds the highlighted agency of the list, or the complete code typed.</source>
        <translation>Thêm cơ quan đang chọn trong danh sách, hoặc mã định danh đầy đủ đã gõ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="212" />
        <source>Not in the directory…</source>
        <translation>Không có trong danh bạ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="214" />
        <source>Adds the typed name as a recipient outside the directory: it gets the document on paper, not through the axis.</source>
        <translation>Thêm tên đã gõ làm nơi nhận ngoài danh bạ: nơi nhận này nhận văn bản giấy, không qua trục liên thông.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="221" />
        <source>Add unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="224" />
        <location filename="../../app/ui/dialogs/draft_editor.py" line="410" />
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="401" />
        <source>Appendices</source>
        <translation>Phụ lục</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="404" />
        <source>Title, e.g. Phụ lục I: Danh sách đơn vị</source>
        <translation>Tiêu đề, ví dụ Phụ lục I: Danh sách đơn vị</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="405" />
        <source>In the main file</source>
        <translation>Trong tệp chính</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="408" />
        <source>Separate PDF…</source>
        <translation>Tệp PDF riêng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="426" />
        <source>Appendix</source>
        <translation>Phụ lục</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="441" />
        <source>in the main file</source>
        <translation>trong tệp chính</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_editor.py" line="452" />
        <source>Draft file</source>
        <translation>Tệp dự thảo</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="48" />
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="49" />
        <source>Awaiting signature</source>
        <translation>Chờ ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="50" />
        <source>Returned with comments</source>
        <translation>Bị trả lại kèm ý kiến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="51" />
        <source>Signed, awaiting number</source>
        <translation>Đã ký, chờ cấp số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="52" />
        <source>Numbered and sealed</source>
        <translation>Đã cấp số, đóng dấu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="53" />
        <source>Issued</source>
        <translation>Ban hành lúc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="56" />
        <source>uploaded</source>
        <translation>tải lên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="57" />
        <source>converted from Word</source>
        <translation>chuyển từ Word</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="58" />
        <source>submitted for signature</source>
        <translation>trình ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="59" />
        <source>returned</source>
        <translation>trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="60" />
        <source>signed</source>
        <translation>đã ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="61" />
        <source>numbered and sealed</source>
        <translation>cấp số và đóng dấu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="64" />
        <source>secret or restricted: paper only</source>
        <translation>văn bản mật hoặc có dấu chỉ phạm vi lưu hành: chỉ gửi bản giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="65" />
        <source>legal normative document to a superior</source>
        <translation>văn bản QPPL gửi cơ quan cấp trên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="67" />
        <source>legal normative document outside the administrative system</source>
        <translation>văn bản QPPL gửi ngoài hệ thống hành chính nhà nước</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="70" />
        <source>legal normative document to the legal review body</source>
        <translation>văn bản QPPL gửi cơ quan kiểm tra văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="72" />
        <source>this document type also goes on paper</source>
        <translation>loại văn bản phải gửi kèm bản giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="73" />
        <source>sent to the Government / Prime Minister</source>
        <translation>gửi Chính phủ / Thủ tướng Chính phủ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="74" />
        <source>on the agency's paper list</source>
        <translation>thuộc danh mục gửi kèm bản giấy của cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="75" />
        <source>recipient cannot receive electronically</source>
        <translation>nơi nhận không có điều kiện nhận văn bản điện tử</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="76" />
        <source>requested by the drafter</source>
        <translation>theo đề nghị của người soạn thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="79" />
        <source>Electronic only</source>
        <translation>Chỉ điện tử</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="80" />
        <source>Electronic and paper</source>
        <translation>Điện tử và bản giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="81" />
        <source>Paper only</source>
        <translation>Chỉ bản giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="84" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="85" />
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="86" />
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="87" />
        <source>Drafter</source>
        <translation>Người soạn thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="88" />
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="89" />
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="90" />
        <source>Changed</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="93" />
        <source>Recipient</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="94" />
        <source>Copies</source>
        <translation>Số lượng bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="95" />
        <source>Why paper</source>
        <translation>Lý do gửi bản giấy</translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="157" />
        <source>Drafts</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="163" />
        <source>New draft…</source>
        <translation>Dự thảo mới…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="164" />
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="166" />
        <source>Submit for signature</source>
        <translation>Trình ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="168" />
        <source>Open PDF</source>
        <translation>Mở PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="169" />
        <source>Sign…</source>
        <translation>Ký số…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="171" />
        <source>Return with comments…</source>
        <translation>Trả lại kèm ý kiến…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="173" />
        <source>Number and seal…</source>
        <translation>Cấp số và đóng dấu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="174" />
        <source>Print copies…</source>
        <translation>In bản giấy…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="175" />
        <source>Mark issued</source>
        <translation>Ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="176" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="252" />
        <source>Your drafts: write them, submit them for signature, and correct returned ones.</source>
        <translation>Dự thảo của đồng chí: soạn thảo, trình ký và chỉnh sửa dự thảo bị trả lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="254" />
        <source>Drafts awaiting your signature: open, sign with your token, or return them.</source>
        <translation>Dự thảo chờ đồng chí ký: mở xem, ký số bằng thiết bị ký số của mình, hoặc trả lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="257" />
        <source>Signed drafts: give them a number and the seal, print the paper copies, then mark issued.</source>
        <translation>Dự thảo đã ký: cấp số, đóng dấu, in bản giấy rồi ban hành.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/drafts.py" line="276" />
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n dự thảo</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="337" />
        <source>No draft selected.</source>
        <translation>Chưa chọn dự thảo nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="343" />
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="346" />
        <source>Number: %1</source>
        <translation>Số, ký hiệu: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="352" />
        <source>Recipients: %1</source>
        <translation>Nơi nhận: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="354" />
        <source>Appendices: %1</source>
        <translation>Phụ lục: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="360" />
        <source>Versions:</source>
        <translation>Các phiên bản:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="367" />
        <source>Delivery: %1 · paper copies to print: %2</source>
        <translation>Hình thức gửi: %1 · số bản giấy cần in: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="434" />
        <location filename="../../app/ui/pages/drafts.py" line="463" />
        <source>The draft was saved.</source>
        <translation>Đã lưu dự thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="473" />
        <source>The draft was submitted for signature.</source>
        <translation>Đã trình ký dự thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="490" />
        <source>Sign "%1" with your token.</source>
        <translation>Ký số văn bản "%1" bằng thiết bị ký số của đồng chí.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="514" />
        <source>Signed. The clerk can now number and seal it.</source>
        <translation>Đã ký. Văn thư có thể cấp số và đóng dấu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="532" />
        <source>Return with comments</source>
        <translation>Trả lại kèm ý kiến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="532" />
        <source>What must change before you sign:</source>
        <translation>Những điểm cần sửa trước khi ký:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="546" />
        <source>The draft was returned to its drafter.</source>
        <translation>Đã trả lại dự thảo cho người soạn thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="557" />
        <source>Give "%1" its number and date and apply the agency's seal.</source>
        <translation>Cấp số, ngày tháng cho văn bản "%1" và ký số của cơ quan (đóng dấu).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="578" />
        <source>Numbered and sealed. Print the paper copies listed below, then mark it issued.</source>
        <translation>Đã cấp số và đóng dấu. In các bản giấy liệt kê dưới đây, sau đó bấm Ban hành.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="586" />
        <source>Sealing file %1 of %2: %3</source>
        <translation>Đang ký số tệp %1/%2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/drafts.py" line="598" />
        <source>Print %n paper copy(ies)</source>
        <translation>
            <numerusform>In %n bản giấy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/drafts.py" line="618" />
        <source>%n paper copy(ies) printed.</source>
        <translation>
            <numerusform>Đã in %n bản giấy.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/drafts.py" line="629" />
        <source>Issued. It now waits in the "To send" list.</source>
        <translation>Đã ban hành. Văn bản đang chờ trong danh sách "Chờ gửi".</translation>
    </message>
</context>
<context>
    <name>EntryCorrectionDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="66" />
        <source>Correct entry no. %1</source>
        <translation>Sửa mục số %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="70" />
        <source>Issuing agency:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="71" />
        <source>Number/notation:</source>
        <translation>Số, ký hiệu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="72" />
        <source>Document date:</source>
        <translation>Ngày văn bản:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="73" />
        <source>Document type:</source>
        <translation>Loại văn bản:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="74" />
        <source>Summary:</source>
        <translation>Trích yếu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="75" />
        <source>Urgency:</source>
        <translation>Độ khẩn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="76" />
        <source>Receiving unit:</source>
        <translation>Đơn vị nhận:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="76" />
        <source>Recipients:</source>
        <translation>Nơi nhận:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="77" />
        <source>Signed by:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="78" />
        <source>Kept copy held by:</source>
        <translation>Đơn vị, người nhận bản lưu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="79" />
        <source>Copies:</source>
        <translation>Số lượng bản:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="80" />
        <source>Transferred on:</source>
        <translation>Ngày chuyển:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="81" />
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="91" />
        <source>Required: why the entry is corrected</source>
        <translation>Bắt buộc: lý do sửa mục này</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="92" />
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="97" />
        <source>Save correction</source>
        <translation>Lưu nội dung sửa</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="98" />
        <source>Cancel</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="102" />
        <source>The entry keeps its number. The values before and after, and the reason, are kept in its history.</source>
        <translation>Mục giữ nguyên số. Giá trị trước và sau khi sửa cùng lý do được lưu trong lịch sử của mục.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_correction.py" line="182" />
        <source>Nothing was changed.</source>
        <translation>Chưa có nội dung nào được thay đổi.</translation>
    </message>
</context>
<context>
    <name>ExchangeChangesBox</name>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="35" />
        <source>arrived</source>
        <translation>đã đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="36" />
        <source>refused</source>
        <translation>từ chối tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="37" />
        <source>registered</source>
        <translation>đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="38" />
        <source>assigned</source>
        <translation>phân công</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="39" />
        <source>in progress</source>
        <translation>đang xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="40" />
        <source>done</source>
        <translation>hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="41" />
        <source>recall requested</source>
        <translation>đề nghị lấy lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="42" />
        <source>recall / change agreed</source>
        <translation>đồng ý lấy lại / cập nhật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="43" />
        <source>recall / change refused</source>
        <translation>từ chối lấy lại / cập nhật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="92" />
        <source>Exchange</source>
        <translation>Liên thông</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="104" />
        <source>Revoke…</source>
        <translation>Thu hồi…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="105" />
        <source>Withdraw the sent document from every recipient (thu hồi).</source>
        <translation>Thu hồi văn bản đã gửi từ tất cả nơi nhận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="106" />
        <source>Update…</source>
        <translation>Cập nhật…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="107" />
        <source>Send corrected details of the sent document (cập nhật).</source>
        <translation>Gửi thông tin đã sửa của văn bản đã gửi (cập nhật).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="108" />
        <source>Replace…</source>
        <translation>Thay thế…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="109" />
        <source>Send another issued document in place of this one (thay thế).</source>
        <translation>Gửi một văn bản đã ban hành khác để thay thế văn bản này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="110" />
        <source>Recall…</source>
        <translation>Lấy lại…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="111" />
        <source>Ask the recipients to give the document back (lấy lại).</source>
        <translation>Đề nghị nơi nhận cho lấy lại văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="112" />
        <source>Agree to recall</source>
        <translation>Đồng ý cho lấy lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="113" />
        <source>Refuse recall…</source>
        <translation>Từ chối cho lấy lại…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="148" />
        <source>No exchange status yet.</source>
        <translation>Chưa có trạng thái liên thông.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="155" />
        <source>%1 asks to recall this document: %2</source>
        <translation>%1 đề nghị lấy lại văn bản này: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="168" />
        <source>Revoke the document</source>
        <translation>Thu hồi văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="168" />
        <source>Why is the document revoked? The recipients read the reason.</source>
        <translation>Vì sao thu hồi văn bản? Nơi nhận sẽ đọc lý do này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="173" />
        <source>Revocation queued for every recipient.</source>
        <translation>Đã xếp lệnh thu hồi vào hàng đợi gửi cho tất cả nơi nhận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="185" />
        <source>Update queued for every recipient.</source>
        <translation>Đã xếp bản cập nhật vào hàng đợi gửi cho tất cả nơi nhận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="197" />
        <source>No issued document is waiting to be sent to replace this one.</source>
        <translation>Không có văn bản đã ban hành nào đang chờ gửi để thay thế văn bản này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="200" />
        <location filename="../../app/ui/pages/document_changes.py" line="206" />
        <source>Replace the document</source>
        <translation>Thay thế văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="201" />
        <source>The issued document that replaces it:</source>
        <translation>Văn bản đã ban hành dùng để thay thế:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="206" />
        <source>Why is the document replaced?</source>
        <translation>Vì sao thay thế văn bản?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="211" />
        <source>The replacing document is queued for every recipient.</source>
        <translation>Đã xếp văn bản thay thế vào hàng đợi gửi cho tất cả nơi nhận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="217" />
        <source>Recall the document</source>
        <translation>Lấy lại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="217" />
        <source>Why do you ask for the document back?</source>
        <translation>Vì sao đề nghị lấy lại văn bản?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="222" />
        <source>Recall request queued; the answer appears in the history.</source>
        <translation>Đã xếp đề nghị lấy lại vào hàng đợi gửi; câu trả lời sẽ hiện trong lịch sử.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="228" />
        <source>Refuse the recall</source>
        <translation>Từ chối cho lấy lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="228" />
        <source>Why is the recall refused?</source>
        <translation>Vì sao từ chối cho lấy lại?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="233" />
        <source>Answer queued for the sender.</source>
        <translation>Đã xếp câu trả lời vào hàng đợi gửi cho nơi gửi.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="38" />
        <source>History of entry no. %1</source>
        <translation>Lịch sử mục số %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="46" />
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="46" />
        <source>User</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="46" />
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="46" />
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="59" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="73" />
        <source>Dispatch recorded</source>
        <translation>Ghi gửi bưu điện</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="74" />
        <source>Use recorded</source>
        <translation>Ghi sử dụng bản lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="75" />
        <source>Returned</source>
        <translation>Đã trả</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="76" />
        <location filename="../../app/ui/dialogs/entry_history.py" line="81" />
        <source>Corrected</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="77" />
        <source>Line cancelled</source>
        <translation>Đã hủy dòng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="78" />
        <source>Registered</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="79" />
        <source>Registered on arrival</source>
        <translation>Đăng ký văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="80" />
        <source>Number given</source>
        <translation>Cấp số</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="82" />
        <source>Number cancelled</source>
        <translation>Hủy số</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="83" />
        <source>Revoked by the sender</source>
        <translation>Nơi gửi thu hồi</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="84" />
        <source>Replaced</source>
        <translation>Đã được thay thế</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="85" />
        <source>Recalled by the sender</source>
        <translation>Nơi gửi đã lấy lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="97" />
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="104" />
        <source>Number %1 in %2</source>
        <translation>Số %1 trong %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="107" />
        <source>registered although a document with the same number exists</source>
        <translation>đăng ký dù đã có văn bản trùng số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="112" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="113" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="114" />
        <source>Document date</source>
        <translation>Ngày văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="115" />
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="116" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="117" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="118" />
        <source>Recipient</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="119" />
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="120" />
        <source>Kept copy held by</source>
        <translation>Đơn vị, người nhận bản lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="121" />
        <source>Copies</source>
        <translation>Số lượng bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="122" />
        <source>Transferred on</source>
        <translation>Ngày chuyển</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="123" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="124" />
        <source>Dispatch date</source>
        <translation>Ngày chuyển</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="125" />
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="126" />
        <source>Envelopes</source>
        <translation>Số lượng bì</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="127" />
        <source>Date of use</source>
        <translation>Ngày sử dụng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="128" />
        <source>Used by</source>
        <translation>Người sử dụng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="129" />
        <source>Number, notation and date</source>
        <translation>Số, ký hiệu, ngày tháng văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="130" />
        <source>Type and summary</source>
        <translation>Tên loại và trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="131" />
        <source>Approved by</source>
        <translation>Người cho phép sử dụng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/entry_history.py" line="132" />
        <source>Dossier</source>
        <translation>Số và ký hiệu hồ sơ</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="56" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="57" />
        <source>Incoming no.</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="58" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="59" />
        <location filename="../../app/ui/pages/inbox.py" line="67" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="60" />
        <location filename="../../app/ui/pages/inbox.py" line="68" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="61" />
        <source>Received</source>
        <translation>Đã đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="62" />
        <source>Waiting</source>
        <translation>Đã chờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="63" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="69" />
        <source>Handling</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="70" />
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="154" />
        <source>Leader's inbox</source>
        <translation>Văn bản chờ chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="158" />
        <source>Direct…</source>
        <translation>Chỉ đạo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="160" />
        <source>Direction, lead, coordinators and deadline for the selected documents (Ctrl+D)</source>
        <translation>Ý kiến chỉ đạo, đơn vị chủ trì, phối hợp và hạn xử lý cho các văn bản đã chọn (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="163" />
        <location filename="../../app/ui/pages/inbox.py" line="493" />
        <location filename="../../app/ui/pages/inbox.py" line="504" />
        <source>For information</source>
        <translation>Để biết</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="165" />
        <source>File the selected documents for information, without a deadline (Ctrl+I)</source>
        <translation>Chuyển các văn bản đã chọn để biết, không giao hạn xử lý (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="168" />
        <source>Open</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="170" />
        <source>Open the document with its signatures (Enter)</source>
        <translation>Mở văn bản cùng các chữ ký số (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="172" />
        <source>Blank slip (PDF)…</source>
        <translation>Phiếu trống (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="174" />
        <source>A processing slip for the current document, to write the direction by hand</source>
        <translation>Phiếu giải quyết văn bản đến của văn bản đang chọn, để ghi ý kiến chỉ đạo bằng tay</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="177" />
        <location filename="../../app/ui/pages/inbox.py" line="193" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="180" />
        <source>Sound for urgent documents</source>
        <translation>Phát âm báo khi có văn bản khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="211" />
        <source>Show more</source>
        <translation>Xem thêm</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="253" />
        <source>Directed in this session</source>
        <translation>Đã chỉ đạo trong phiên này</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="261" />
        <source>Slip (PDF)…</source>
        <translation>Phiếu giải quyết (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="263" />
        <source>Save the processing slip (phiếu giải quyết văn bản đến) as PDF (Ctrl+P)</source>
        <translation>Lưu phiếu giải quyết văn bản đến thành tệp PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="265" />
        <source>Print slip…</source>
        <translation>In phiếu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="350" />
        <source>Presented by %1 at %2</source>
        <translation>%1 trình lúc %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="363" />
        <source>Showing %1 of %2 document(s)</source>
        <translation>Đang hiển thị %1 trên %2 văn bản</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/inbox.py" line="366" />
        <source>%n document(s) awaiting direction</source>
        <translation>
            <numerusform>%n văn bản chờ chỉ đạo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/inbox.py" line="368" />
        <source>%n urgent</source>
        <translation>
            <numerusform>%n văn bản khẩn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="373" />
        <source>including the inbox of %1, for whom you act</source>
        <translation>gồm cả văn bản của đồng chí %1 mà bạn được ủy quyền xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="378" />
        <source>Nothing awaits your direction.</source>
        <translation>Không có văn bản nào chờ chỉ đạo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/inbox.py" line="496" />
        <source>+ %n coordinator(s)</source>
        <translation>
            <numerusform>+ %n đơn vị/cá nhân phối hợp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="561" />
        <source>Processing slip saved: %1</source>
        <translation>Đã lưu phiếu giải quyết: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="565" />
        <source>Save the processing slip</source>
        <translation>Lưu phiếu giải quyết văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="565" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inbox.py" line="611" />
        <source>Print the processing slip</source>
        <translation>In phiếu giải quyết văn bản đến</translation>
    </message>
</context>
<context>
    <name>IncomingFields</name>
    <message>
        <location filename="../../app/ui/incoming_fields.py" line="28" />
        <source>e.g. 45/QĐ-UBND</source>
        <translation>ví dụ 45/QĐ-UBND</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="194" />
        <source>Intake of paper documents</source>
        <translation>Tiếp nhận văn bản giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="198" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="201" />
        <source>No scanner found</source>
        <translation>Không tìm thấy máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="202" />
        <source>Find scanners</source>
        <translation>Tìm máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="212" />
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="215" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="219" />
        <source>Import files…</source>
        <translation>Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="222" />
        <source>New document</source>
        <translation>Văn bản mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="225" />
        <source>Or drop PDF and image files onto this page.</source>
        <translation>Hoặc kéo thả tệp PDF, tệp ảnh vào trang này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="235" />
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="238" />
        <source>Profile:</source>
        <translation>Chế độ quét:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="257" />
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="267" />
        <source>Document details</source>
        <translation>Thông tin văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="290" />
        <source>Register anyway</source>
        <translation>Vẫn đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="467" />
        <source>Register</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="306" />
        <source>Open the registered document</source>
        <translation>Mở văn bản vừa đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="207" />
        <source>Saved scan settings: source, colour mode, resolution, page size</source>
        <translation>Thiết lập quét đã lưu: nguồn, chế độ màu, độ phân giải, khổ giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="208" />
        <source>Profiles…</source>
        <translation>Cấu hình quét…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="210" />
        <source>Add, rename, change or delete scan profiles</source>
        <translation>Thêm, đổi tên, sửa hoặc xóa cấu hình quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="297" />
        <source>Scanned pages are signed with the agency's digital signature (digitised copy) before they are registered.</source>
        <translation>Văn bản quét được ký số bằng chữ ký số của cơ quan (bản số hóa) trước khi đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="302" />
        <location filename="../../app/ui/pages/intake.py" line="469" />
        <source>Sign and register</source>
        <translation>Ký số và đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="311" />
        <source>Issuing agency:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="312" />
        <source>Number/notation:</source>
        <translation>Số, ký hiệu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="313" />
        <source>Issued on:</source>
        <translation>Ngày văn bản:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="314" />
        <source>Document type:</source>
        <translation>Loại văn bản:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="315" />
        <source>Summary:</source>
        <translation>Trích yếu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="316" />
        <source>Urgency:</source>
        <translation>Độ khẩn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="465" />
        <source>Registering…</source>
        <translation>Đang đăng ký…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="485" />
        <source>Document %1 of %2 in this batch</source>
        <translation>Văn bản %1/%2 trong tập quét này</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="535" />
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="538" />
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="540" />
        <source>Delete the pages of the unfinished batch; nothing was registered from them.</source>
        <translation>Xóa các trang của lô quét dở; chưa có văn bản nào được đăng ký từ các trang này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="570" />
        <source>Resume the unfinished batch (%1 pages, scanned at %2)?</source>
        <translation>Tiếp tục lô quét dở (%1 trang, quét lúc %2)?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="600" />
        <source>Restoring the unfinished batch…</source>
        <translation>Đang khôi phục lô quét dở…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="640" />
        <source>%1 page(s) restored from the unfinished batch.</source>
        <translation>Đã khôi phục %1 trang từ lô quét dở.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="642" />
        <source>%1 page(s) were damaged on disk and are left out; scan them again.</source>
        <translation>%1 trang bị hỏng trên đĩa nên không được khôi phục; hãy quét lại các trang đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="709" />
        <source>%1 page(s) could not be kept on disk for recovery after a crash (%2); register the batch before closing the program.</source>
        <translation>Không lưu được %1 trang lên đĩa để khôi phục khi chương trình gặp sự cố (%2); hãy đăng ký lô này trước khi đóng chương trình.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="716" />
        <source>Looking for scanners…</source>
        <translation>Đang tìm máy quét…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="736" />
        <source>%1 scanner(s) found.</source>
        <translation>Tìm thấy %1 máy quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="851" />
        <source>Capturing pages…</source>
        <translation>Đang lấy trang…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="857" />
        <source>Cancelled; the pages already captured are kept.</source>
        <translation>Đã hủy; các trang đã lấy được vẫn được giữ lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="885" />
        <source>%1 page(s) captured…</source>
        <translation>Đã lấy %1 trang…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="898" />
        <source>%1 page(s) ready for review.</source>
        <translation>%1 trang sẵn sàng để kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="901" />
        <source>The batch holds %1 documents; they are registered one after another.</source>
        <translation>Tập quét gồm %1 văn bản; các văn bản được đăng ký lần lượt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="904" />
        <source>%1 blank page(s) left out; select one and press “Keep blank page” to keep it.</source>
        <translation>%1 trang trắng được bỏ ra; chọn trang và bấm “Giữ trang trắng” để giữ lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="920" />
        <source>Import scanned or received files</source>
        <translation>Nhập tệp đã quét hoặc đã nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="921" />
        <source>PDF or image (%1)</source>
        <translation>PDF hoặc ảnh (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="959" />
        <source>Looking for separator codes…</source>
        <translation>Đang tìm mã trên tờ phân cách…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="971" />
        <source>The batch holds %1 document(s).</source>
        <translation>Tập quét gồm %1 văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="986" />
        <source>Reading the document header…</source>
        <translation>Đang đọc phần đầu văn bản…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1001" />
        <source>The fields could not be read from the pages: %1 Fill them in by hand.</source>
        <translation>Không đọc được thông tin từ các trang: %1 Hãy nhập bằng tay.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1038" />
        <source>Fields read from the pages. Check the highlighted ones.</source>
        <translation>Đã đọc thông tin từ các trang. Hãy kiểm tra các ô được tô màu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1039" />
        <source>Fields read from the pages. Check them before registering.</source>
        <translation>Đã đọc thông tin từ các trang. Hãy kiểm tra trước khi đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1049" />
        <source>Read with low confidence: check this field.</source>
        <translation>Đọc chưa chắc chắn: hãy kiểm tra ô này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1108" />
        <source>A signed or born-digital PDF is registered as it is, on its own. Start a new document for the other pages.</source>
        <translation>Tệp PDF đã ký số hoặc văn bản điện tử gốc được đăng ký nguyên trạng, riêng một mình. Hãy tạo văn bản mới cho các trang còn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1114" />
        <source>This PDF is signed or born digital and is kept byte for byte: its pages cannot be turned or left out. Import it again to start over.</source>
        <translation>Tệp PDF này đã ký số hoặc là văn bản điện tử gốc nên được giữ nguyên từng byte: không thể xoay hay bỏ trang. Hãy nhập lại tệp để làm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1175" />
        <source>Registering the document as it was received…</source>
        <translation>Đang đăng ký văn bản nguyên trạng như khi nhận…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1176" />
        <source>Recognising text, building the PDF/A and signing…</source>
        <translation>Đang nhận dạng chữ, tạo PDF/A và ký số…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1182" />
        <source>Registration cancelled; nothing was registered.</source>
        <translation>Đã hủy đăng ký; chưa có gì được đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1196" />
        <source>Sign the scanned “%1” with the agency's digital signature (digitised copy), then register it.</source>
        <translation>Ký số văn bản quét “%1” bằng chữ ký số của cơ quan (bản số hóa), sau đó đăng ký vào sổ văn bản đến.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1200" />
        <source>Not signed; nothing was registered.</source>
        <translation>Chưa ký số; chưa đăng ký văn bản nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1240" />
        <source>Registered as incoming number %1.</source>
        <translation>Đã đăng ký văn bản đến số %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1242" />
        <source>Text recognition was not available: the PDF has no searchable text.</source>
        <translation>Không nhận dạng được chữ: tệp PDF không tìm kiếm được nội dung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1244" />
        <source>Next: document %1 of %2; check its fields.</source>
        <translation>Tiếp theo: văn bản %1/%2; hãy kiểm tra các trường thông tin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1250" />
        <source>Reading the next document…</source>
        <translation>Đang đọc văn bản tiếp theo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake.py" line="1258" />
        <source>Ready for the next document.</source>
        <translation>Sẵn sàng cho văn bản tiếp theo.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="16" />
        <source>Records clerk</source>
        <translation>Văn thư</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="17" />
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="18" />
        <source>Deputy leader</source>
        <translation>Cấp phó</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="19" />
        <source>Specialist</source>
        <translation>Chuyên viên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="20" />
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="24" />
        <source>Normal</source>
        <translation>Thường</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="25" />
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="26" />
        <source>Very urgent</source>
        <translation>Thượng khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="27" />
        <source>Flash</source>
        <translation>Hỏa tốc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="28" />
        <source>Flash, timed</source>
        <translation>Hỏa tốc hẹn giờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="32" />
        <source>Incoming</source>
        <translation>Đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="33" />
        <source>Outgoing</source>
        <translation>Đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="34" />
        <source>Internal</source>
        <translation>Nội bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="38" />
        <source>Received</source>
        <translation>Đã đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="39" />
        <source>Registered</source>
        <translation>Đã vào sổ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="40" />
        <source>Presented</source>
        <translation>Đã trình</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="41" />
        <source>Assigned</source>
        <translation>Đã phân công</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="42" />
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="43" />
        <source>Done</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="44" />
        <source>Rejected</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="45" />
        <source>For information</source>
        <translation>Để biết</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="46" />
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="47" />
        <source>Submitted for signature</source>
        <translation>Đã trình ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="48" />
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="49" />
        <source>Numbered</source>
        <translation>Đã cấp số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="50" />
        <source>Sealed</source>
        <translation>Đã ký số cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="51" />
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="52" />
        <source>Acknowledged</source>
        <translation>Nơi nhận đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="53" />
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="54" />
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="58" />
        <source>Incoming register</source>
        <translation>Sổ đăng ký văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="59" />
        <source>Outgoing register</source>
        <translation>Sổ đăng ký văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="60" />
        <source>Postal dispatch register</source>
        <translation>Sổ gửi văn bản đi bưu điện</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="61" />
        <source>Use of kept copies register</source>
        <translation>Sổ sử dụng bản lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="62" />
        <source>Incoming handling follow-up register</source>
        <translation>Sổ theo dõi giải quyết văn bản đến</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="48" />
        <source>No agency set up yet</source>
        <translation>Chưa thiết lập cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="59" />
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="60" />
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="71" />
        <location filename="../../app/ui/login.py" line="100" />
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="74" />
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="100" />
        <source>Sign in — %1</source>
        <translation>Đăng nhập — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="109" />
        <source>Demo mode: these accounts are for trying the app only.</source>
        <translation>Chế độ dùng thử: các tài khoản dưới đây chỉ dùng để dùng thử phần mềm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="112" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="112" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="112" />
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="112" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="122" />
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="122" />
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123" />
        <source>Data: %1 (%2)</source>
        <translation>Dữ liệu: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134" />
        <source>A demo agency was created in the data folder.</source>
        <translation>Đã tạo cơ quan mẫu trong thư mục dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137" />
        <source>The database was updated; a copy taken before the update is at %1.</source>
        <translation>Cơ sở dữ liệu đã được cập nhật; bản sao lưu trước khi cập nhật nằm tại %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Not presented today…</source>
        <translation>Chưa trình hôm nay…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170" />
        <source>Axis: not configured (offline work)</source>
        <translation>Trục liên thông: chưa cấu hình (làm việc ngoại tuyến)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173" />
        <source>Set VANTHU_AXIS_URL to exchange documents through the provincial axis; until then everything is kept and queued here.</source>
        <translation>Đặt VANTHU_AXIS_URL để trao đổi văn bản qua trục liên thông của tỉnh; trong khi chờ, mọi thứ được lưu và xếp hàng tại đây.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="280" />
        <source>Refreshed.</source>
        <translation>Đã làm mới.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="24" />
        <source>Wrong user name or password. Check them and try again.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu. Vui lòng kiểm tra và thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="25" />
        <source>The data folder {path} cannot be written. Free it or choose another folder with VANTHU_HOME, then start again.</source>
        <translation>Không ghi được vào thư mục dữ liệu {path}. Hãy giải phóng thư mục hoặc chọn thư mục khác bằng VANTHU_HOME, rồi khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="30" />
        <source>The file {path} is not a Văn Thư database. Move it away or point VANTHU_DB_URL to the right file.</source>
        <translation>Tệp {path} không phải cơ sở dữ liệu của Văn Thư. Hãy chuyển tệp đi nơi khác hoặc trỏ VANTHU_DB_URL tới đúng tệp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="34" />
        <source>The database is damaged ({detail}). Restore the latest backup from the backups folder and start again.</source>
        <translation>Cơ sở dữ liệu bị hỏng ({detail}). Hãy khôi phục bản sao lưu mới nhất từ thư mục sao lưu rồi khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="38" />
        <source>The database was written by a newer or unknown version (schema {revision}). Use that version of the app.</source>
        <translation>Cơ sở dữ liệu do một phiên bản mới hơn hoặc không xác định ghi ra (lược đồ {revision}). Hãy dùng đúng phiên bản phần mềm đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="42" />
        <source>Updating the database failed ({detail}); nothing was changed. A copy taken before the update is at {backup}.</source>
        <translation>Cập nhật cơ sở dữ liệu không thành công ({detail}); dữ liệu không bị thay đổi. Bản sao lưu trước khi cập nhật nằm tại {backup}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="46" />
        <source>The database cannot be opened ({detail}). Check the connection settings and try again.</source>
        <translation>Không mở được cơ sở dữ liệu ({detail}). Hãy kiểm tra thiết lập kết nối và thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="49" />
        <source>The disk holding {path} is full; nothing was saved. Free some space and try again.</source>
        <translation>Ổ đĩa chứa {path} đã đầy; chưa có gì được lưu. Hãy giải phóng dung lượng và thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="52" />
        <source>A stored file is missing ({sha256}). Run the integrity check and restore it from a backup.</source>
        <translation>Thiếu một tệp lưu trữ ({sha256}). Hãy chạy kiểm tra toàn vẹn và khôi phục tệp từ bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="55" />
        <source>The file {path} no longer exists. Choose it again.</source>
        <translation>Tệp {path} không còn tồn tại. Hãy chọn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="56" />
        <source>No agency is set up yet. Ask the administrator to enter the agency profile.</source>
        <translation>Chưa thiết lập cơ quan. Hãy đề nghị quản trị viên nhập thông tin cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="59" />
        <source>The document was not found; it may have been removed.</source>
        <translation>Không tìm thấy văn bản; có thể văn bản đã bị xóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="60" />
        <source>Enter the number and notation of the document (for example 45/QĐ-STTTT).</source>
        <translation>Hãy nhập số, ký hiệu văn bản (ví dụ 45/QĐ-STTTT).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="63" />
        <source>Enter where the envelopes are sent.</source>
        <translation>Hãy nhập nơi nhận: bì thư gửi đến đâu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="64" />
        <source>The number of envelopes must be between 1 and {maximum}. Count them again.</source>
        <translation>Số lượng bì phải từ 1 đến {maximum}. Hãy đếm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="67" />
        <source>Enter who uses the kept copy.</source>
        <translation>Hãy nhập họ tên người sử dụng bản lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="68" />
        <source>Enter who allowed the use of the kept copy; a kept copy is lent only with permission.</source>
        <translation>Hãy nhập người cho phép sử dụng; bản lưu chỉ được cho sử dụng khi có người cho phép.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="71" />
        <source>The return date cannot be before the copy was lent ({date}). Check the date.</source>
        <translation>Ngày trả không thể trước ngày cho sử dụng ({date}). Hãy kiểm tra lại ngày.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="74" />
        <source>Line {number} is cancelled and cannot be changed. Add a new line instead.</source>
        <translation>Dòng {number} đã hủy, không sửa được. Hãy thêm dòng mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="77" />
        <source>This kept copy was already returned on {date}. Refresh the list to see it.</source>
        <translation>Bản lưu này đã được trả ngày {date}. Hãy làm mới danh sách để xem.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="80" />
        <source>A line stays in the register of {year}. To move it to another year, cancel it and add a new line there.</source>
        <translation>Dòng thuộc sổ năm {year}. Muốn chuyển sang năm khác, hãy hủy dòng này và thêm dòng mới ở năm đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="84" />
        <source>That register line was not found; it may belong to another office. Refresh the list.</source>
        <translation>Không tìm thấy dòng sổ này; có thể dòng thuộc cơ quan khác. Hãy làm mới danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="87" />
        <source>This is an earlier revision of document {number}: the file in the register has {registered} signature(s), this file has {count}. The file in the register is the document of record; use that one.</source>
        <translation>Đây là bản cũ hơn của văn bản số {number}: bản trong sổ có {registered} chữ ký, tệp này có {count}. Bản trong sổ là bản gốc có giá trị pháp lý; hãy dùng bản đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="91" />
        <source>This file carries the signatures of document {number} but was changed after it was registered (this file has {count} signature(s), the register {registered}). Use the file in the register.</source>
        <translation>Tệp này mang chữ ký của văn bản số {number} nhưng đã bị thay đổi sau khi vào sổ (tệp này có {count} chữ ký, bản trong sổ có {registered}). Hãy dùng tệp trong sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="95" />
        <source>Only some of this file's signatures belong to document {number} ({count} here, {registered} in the register). Treat it as a different file and compare it with the one in the register.</source>
        <translation>Chỉ một phần chữ ký của tệp này thuộc văn bản số {number} (tệp này có {count}, bản trong sổ có {registered}). Hãy coi đây là một tệp khác và đối chiếu với bản trong sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="99" />
        <source>Only outgoing documents are sent by post. Choose an outgoing document or none.</source>
        <translation>Chỉ văn bản đi mới gửi qua bưu điện. Hãy chọn một văn bản đi hoặc không chọn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="102" />
        <source>This register cannot be exported as {format}. Choose Excel or PDF.</source>
        <translation>Sổ này không xuất được dạng {format}. Hãy chọn Excel hoặc PDF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="105" />
        <source>Lines of the {kind} register are not changed here; use that register's page.</source>
        <translation>Dòng của sổ {kind} không sửa ở đây; hãy dùng trang của sổ đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="108" />
        <source>Other workstations are writing to this register at the same moment. Try again.</source>
        <translation>Máy khác đang ghi vào sổ này cùng lúc. Hãy thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="111" />
        <source>The user was not found.</source>
        <translation>Không tìm thấy người dùng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="112" />
        <source>The registry book was not found.</source>
        <translation>Không tìm thấy sổ đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="113" />
        <source>{notation} of {issuer} is already registered (incoming number {number}, {date}). Check it is not the same document; register it again only if you are sure.</source>
        <translation>Văn bản {notation} của {issuer} đã được đăng ký (số đến {number}, ngày {date}). Hãy kiểm tra xem có phải cùng một văn bản không; chỉ đăng ký lại khi chắc chắn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="118" />
        <source>The book "{name}" for {year} already uses this series or name. Choose another one.</source>
        <translation>Sổ "{name}" năm {year} đã dùng hệ thống số hoặc tên này. Hãy chọn hệ thống số hoặc tên khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="121" />
        <source>Give the book a name and a complete number series (document type or advisory body).</source>
        <translation>Hãy đặt tên sổ và chọn đầy đủ hệ thống số (loại văn bản hoặc tổ chức tư vấn).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="124" />
        <source>The summary is empty. Type what the document is about.</source>
        <translation>Trích yếu đang để trống. Hãy nhập nội dung tóm tắt của văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="125" />
        <source>The issuing agency is empty. Choose it from the directory or type its name.</source>
        <translation>Chưa có cơ quan ban hành. Hãy chọn trong danh bạ hoặc nhập tên cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="128" />
        <source>The issue date {date} is in the future. Check the date written on the document.</source>
        <translation>Ngày văn bản {date} là ngày trong tương lai. Hãy kiểm tra lại ngày ghi trên văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="131" />
        <source>The page count cannot be negative.</source>
        <translation>Số trang không được là số âm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="132" />
        <source>Give the reason for this change; it is kept in the entry's history.</source>
        <translation>Hãy nhập lý do thay đổi; lý do được lưu trong lịch sử của mục sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="135" />
        <source>These fields cannot be corrected in the register: {fields}.</source>
        <translation>Không được sửa các trường sau trong sổ: {fields}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="138" />
        <source>Number {number} is already cancelled.</source>
        <translation>Số {number} đã bị hủy trước đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="139" />
        <source>This document already has the number {notation}; a number is never given twice.</source>
        <translation>Văn bản này đã được cấp số {notation}; mỗi văn bản chỉ được cấp số một lần.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="142" />
        <source>Only outgoing documents get an outgoing number.</source>
        <translation>Chỉ văn bản đi mới được cấp số văn bản đi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="143" />
        <source>The register entry was not found.</source>
        <translation>Không tìm thấy mục sổ đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="144" />
        <source>Type the number and notation, for example 45/QĐ-UBND.</source>
        <translation>Hãy nhập số, ký hiệu văn bản, ví dụ 45/QĐ-UBND.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="145" />
        <source>"{text}" contains spaces. Write the number and notation without spaces, e.g. 45/QĐ-UBND.</source>
        <translation>"{text}" có khoảng trắng. Số, ký hiệu viết liền không cách, ví dụ 45/QĐ-UBND.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="148" />
        <source>"{text}": numbers below 10 are written with one leading zero (05, not 5 or 005).</source>
        <translation>"{text}": số nhỏ hơn 10 phải ghi thêm một số 0 phía trước (05, không phải 5 hay 005).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="151" />
        <source>"{text}": the notation is written in capitals, e.g. 12/QĐ-UBND.</source>
        <translation>"{text}": ký hiệu văn bản phải viết in hoa, ví dụ 12/QĐ-UBND.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="154" />
        <source>"{type}" is not a document type abbreviation of Decree 30 (QĐ, TB, KH, BC, ...). Check the notation.</source>
        <translation>"{type}" không phải chữ viết tắt tên loại văn bản theo Nghị định 30 (QĐ, TB, KH, BC, ...). Hãy kiểm tra lại ký hiệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="158" />
        <source>"{text}" is not a valid number and notation. Write it as 45/QĐ-UBND or 05/UBND-VX.</source>
        <translation>"{text}" không phải số, ký hiệu hợp lệ. Hãy ghi theo dạng 45/QĐ-UBND hoặc 05/UBND-VX.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="161" />
        <source>Document numbers start at 01.</source>
        <translation>Số văn bản bắt đầu từ 01.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="162" />
        <source>A công văn needs the drafting unit's abbreviation. Set the drafting unit of the document.</source>
        <translation>Công văn cần chữ viết tắt của đơn vị soạn thảo. Hãy chọn đơn vị soạn thảo cho văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="165" />
        <source>The agency has no abbreviation. Ask the administrator to set it in the agency profile.</source>
        <translation>Cơ quan chưa có chữ viết tắt. Đề nghị quản trị viên khai báo trong thông tin cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="168" />
        <source>"{text}" is not a date line. Write it as: Hà Tĩnh, ngày 05 tháng 3 năm 2026.</source>
        <translation>"{text}" không đúng dạng địa danh, ngày tháng. Hãy ghi: Hà Tĩnh, ngày 05 tháng 3 năm 2026.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="171" />
        <source>"{text}": days below 10 are written with a leading zero (05).</source>
        <translation>"{text}": ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước (05).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="174" />
        <source>"{text}": January and February are written 01 and 02; March to December without a zero.</source>
        <translation>"{text}": tháng 1 và 2 ghi là 01 và 02; từ tháng 3 đến tháng 12 không ghi số 0 phía trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="177" />
        <source>"{text}" is not a real calendar date.</source>
        <translation>"{text}" không phải ngày có thật trên lịch.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="178" />
        <source>The agency's place name is not set. Ask the administrator to set it in the agency profile.</source>
        <translation>Chưa khai báo địa danh của cơ quan. Đề nghị quản trị viên khai báo trong thông tin cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="181" />
        <source>"{text}" is not an agency code. It looks like 000.00.12.H27 (digits, dots, capital letter).</source>
        <translation>"{text}" không phải mã định danh cơ quan. Mã có dạng 000.00.12.H27 (chữ số, dấu chấm, chữ in hoa).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="184" />
        <source>"{text}": a lower-level group cannot be set while the group to its right is 00.</source>
        <translation>"{text}": không được khai báo nhóm cấp dưới khi nhóm bên phải của nó là 00.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="187" />
        <source>The agency directory is already being refreshed. Wait for it to finish.</source>
        <translation>Danh bạ cơ quan đang được cập nhật. Vui lòng chờ cập nhật xong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="190" />
        <source>The exchange axis lists agency {code} without a name; it was left out of the directory.</source>
        <translation>Trục liên thông ghi cơ quan {code} không có tên; cơ quan này không được đưa vào danh bạ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="193" />
        <source>The exchange axis lists agency {code} with a name longer than 200 characters; it was left out.</source>
        <translation>Trục liên thông ghi cơ quan {code} có tên dài quá 200 ký tự; cơ quan này không được đưa vào danh bạ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="196" />
        <source>The folder {path} already holds agency {code}, not this demo office. Choose another folder with --base.</source>
        <translation>Thư mục {path} đã chứa dữ liệu của cơ quan {code}, không phải văn phòng trình diễn này. Chọn thư mục khác bằng --base.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="200" />
        <source>The file {name} is empty. Scan or export it again.</source>
        <translation>Tệp {name} rỗng. Hãy quét hoặc xuất lại tệp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="201" />
        <source>The file {name} is {size_mb} MB; the limit is {limit_mb} MB. Split it or scan at a lower resolution.</source>
        <translation>Tệp {name} có dung lượng {size_mb} MB, vượt giới hạn {limit_mb} MB. Hãy tách tệp hoặc quét với độ phân giải thấp hơn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="205" />
        <source>The file {name} is neither a PDF nor an image. Choose a PDF, JPEG, PNG or TIFF file.</source>
        <translation>Tệp {name} không phải PDF hay ảnh. Hãy chọn tệp PDF, JPEG, PNG hoặc TIFF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="208" />
        <source>The PDF {name} is password-protected. Ask the sender for an unprotected copy.</source>
        <translation>Tệp PDF {name} được đặt mật khẩu. Đề nghị nơi gửi cung cấp bản không đặt mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="211" />
        <source>The PDF {name} is damaged and cannot be read. Ask the sender to send it again.</source>
        <translation>Tệp PDF {name} bị hỏng, không đọc được. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="214" />
        <source>The image {name} is damaged and cannot be read. Scan it again.</source>
        <translation>Tệp ảnh {name} bị hỏng, không đọc được. Hãy quét lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="217" />
        <source>No font with Vietnamese letters was found ({fonts}). Install one of them and try again.</source>
        <translation>Không tìm thấy phông chữ có dấu tiếng Việt ({fonts}). Hãy cài một trong các phông này rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="220" />
        <source>The file {path} cannot be read ({detail}). Check it is not open elsewhere, then choose it again.</source>
        <translation>Không đọc được tệp {path} ({detail}). Kiểm tra tệp không bị chương trình khác mở rồi chọn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="223" />
        <source>The file {path} cannot be written ({detail}). Choose another folder or file name.</source>
        <translation>Không ghi được tệp {path} ({detail}). Hãy chọn thư mục hoặc tên tệp khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="226" />
        <source>"{text}" is not a time. Write it as HH:MM, e.g. 07:30.</source>
        <translation>"{text}" không phải giờ hợp lệ. Hãy ghi theo dạng HH:MM, ví dụ 07:30.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="227" />
        <source>"{text}" is not a date. Write it as dd/mm/yyyy.</source>
        <translation>"{text}" không phải ngày hợp lệ. Hãy ghi theo dạng ngày/tháng/năm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="228" />
        <source>{year} is not a valid year.</source>
        <translation>{year} không phải năm hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="229" />
        <source>Office hours need at least one working session.</source>
        <translation>Giờ làm việc cần có ít nhất một buổi làm việc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="230" />
        <source>A session cannot end ({end}) before it starts ({start}). Correct the office hours.</source>
        <translation>Buổi làm việc không thể kết thúc ({end}) trước khi bắt đầu ({start}). Hãy sửa lại giờ làm việc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="233" />
        <source>The session starting at {start} overlaps the one before it. Correct the office hours.</source>
        <translation>Buổi làm việc bắt đầu lúc {start} trùng với buổi trước đó. Hãy sửa lại giờ làm việc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="236" />
        <source>The date {date} is not in the year {year}.</source>
        <translation>Ngày {date} không thuộc năm {year}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="237" />
        <source>{date} is listed both as a day off and as a working day. Keep only one.</source>
        <translation>Ngày {date} vừa là ngày nghỉ vừa là ngày làm việc. Hãy giữ lại một.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="240" />
        <source>The calendar table for {table_year} was saved under {year}. Save it under its own year.</source>
        <translation>Lịch năm {table_year} đang được lưu vào năm {year}. Hãy lưu vào đúng năm của nó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="243" />
        <source>A deadline needs zero or more working days, not {days}.</source>
        <translation>Thời hạn phải là số ngày làm việc từ 0 trở lên, không phải {days}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="244" />
        <source>The calendar has no working day after {after}. Check the year's days off.</source>
        <translation>Lịch không còn ngày làm việc nào sau ngày {after}. Hãy kiểm tra các ngày nghỉ trong năm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="247" />
        <source>No scanner was found. Connect and switch on the scanner, then refresh the list.</source>
        <translation>Không tìm thấy máy quét. Hãy kết nối và bật máy quét rồi làm mới danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="250" />
        <source>The scanner stopped answering (cable or power). Reconnect it and scan the remaining pages.</source>
        <translation>Máy quét ngừng phản hồi (cáp hoặc nguồn điện). Hãy kết nối lại và quét các trang còn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="253" />
        <source>Paper is jammed in the feeder. Clear the jam and scan the remaining pages.</source>
        <translation>Giấy bị kẹt trong khay nạp. Hãy gỡ giấy kẹt và quét các trang còn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="256" />
        <source>The scanner cover is open. Close it and scan again.</source>
        <translation>Nắp máy quét đang mở. Hãy đóng nắp và quét lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="257" />
        <source>The document feeder is empty. Load the pages and scan again.</source>
        <translation>Khay nạp giấy đang trống. Hãy đặt giấy vào và quét lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="260" />
        <source>The scanner is busy with another program. Close it and try again.</source>
        <translation>Máy quét đang được chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="261" />
        <source>The scanner driver stopped unexpectedly; the pages already scanned are kept. Scan the rest.</source>
        <translation>Trình điều khiển máy quét dừng đột ngột; các trang đã quét vẫn được giữ lại. Hãy quét tiếp phần còn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="264" />
        <source>The scanner does not offer this setting ({detail}). Choose another source, mode or size.</source>
        <translation>Máy quét không hỗ trợ thiết lập này ({detail}). Hãy chọn nguồn, chế độ hoặc khổ giấy khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="267" />
        <source>The scanner reported an error ({detail}). Switch it off and on, then try again.</source>
        <translation>Máy quét báo lỗi ({detail}). Hãy tắt rồi bật lại máy quét và thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="270" />
        <source>Scanning was cancelled.</source>
        <translation>Đã hủy quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="271" />
        <source>A saved scan profile is damaged ({detail}). Delete it and create it again.</source>
        <translation>Cấu hình quét đã lưu bị hỏng ({detail}). Hãy xóa và tạo lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="274" />
        <source>Keep at least one scan profile.</source>
        <translation>Cần giữ ít nhất một cấu hình quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="275" />
        <source>Every scan profile needs a name. Type one.</source>
        <translation>Mỗi cấu hình quét cần có tên. Hãy nhập tên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="276" />
        <source>There are two scan profiles named "{name}". Give each profile its own name.</source>
        <translation>Có hai cấu hình quét cùng tên "{name}". Hãy đặt cho mỗi cấu hình một tên riêng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="279" />
        <source>{path} is not a JPEG, PNG, TIFF or PDF file. Choose another file.</source>
        <translation>{path} không phải tệp JPEG, PNG, TIFF hay PDF. Hãy chọn tệp khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="282" />
        <source>{path} cannot be read ({detail}). Check that the file is complete and not password-protected.</source>
        <translation>Không đọc được {path} ({detail}). Hãy kiểm tra tệp còn nguyên vẹn và không đặt mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="285" />
        <source>The program {tool} is needed to import PDF files. Install it (see the README).</source>
        <translation>Cần chương trình {tool} để nhập tệp PDF. Hãy cài đặt chương trình này (xem README).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="288" />
        <source>Text recognition needs the program tesseract. Install tesseract-ocr (see the README).</source>
        <translation>Nhận dạng chữ cần chương trình tesseract. Hãy cài tesseract-ocr (xem README).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="291" />
        <source>Text recognition has no Vietnamese language data ({lang}). Install tesseract-ocr-vie (see the README).</source>
        <translation>Nhận dạng chữ chưa có dữ liệu tiếng Việt ({lang}). Hãy cài tesseract-ocr-vie (xem README).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="296" />
        <source>Text recognition took longer than {seconds} s on page {page}. Save the page without text or retry.</source>
        <translation>Nhận dạng chữ trang {page} mất quá {seconds} giây. Hãy lưu trang không kèm lớp chữ hoặc thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="299" />
        <source>Text recognition failed on page {page} ({detail}). Save the page without text or retry.</source>
        <translation>Nhận dạng chữ trang {page} bị lỗi ({detail}). Hãy lưu trang không kèm lớp chữ hoặc thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="302" />
        <source>No font with Vietnamese letters was found ({fonts}). Install fonts-noto-core.</source>
        <translation>Không tìm thấy phông chữ có dấu tiếng Việt ({fonts}). Hãy cài fonts-noto-core.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="305" />
        <source>There are no pages to save. Scan or import at least one page.</source>
        <translation>Chưa có trang nào để lưu. Hãy quét hoặc nhập ít nhất một trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="306" />
        <source>The token driver (PKCS#11 module) was not found. Install the software of your token's CA or choose the module file in Settings.</source>
        <translation>Không tìm thấy trình điều khiển thiết bị ký số (mô-đun PKCS#11). Hãy cài phần mềm của nhà cung cấp chữ ký số hoặc chọn tệp mô-đun trong phần Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="311" />
        <source>The token driver could not be loaded ({detail}). Reinstall the software of your token's CA.</source>
        <translation>Không nạp được trình điều khiển thiết bị ký số ({detail}). Hãy cài lại phần mềm của nhà cung cấp chữ ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="314" />
        <source>The token "{token}" is not plugged in. Plug it in and try again.</source>
        <translation>Thiết bị ký số "{token}" chưa được cắm. Hãy cắm thiết bị rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="317" />
        <source>The token "{token}" is no longer present. Plug it in again and retry.</source>
        <translation>Thiết bị ký số "{token}" không còn được kết nối. Hãy cắm lại rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="320" />
        <source>The token "{token}" was removed while signing; nothing was signed. Plug it in again and retry.</source>
        <translation>Thiết bị ký số "{token}" bị rút ra trong khi ký; văn bản chưa được ký. Hãy cắm lại rồi ký lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="323" />
        <source>Enter the PIN of the token "{token}".</source>
        <translation>Hãy nhập mã PIN của thiết bị ký số "{token}".</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="324" />
        <source>Wrong PIN for the token "{token}". Check it and try again; after too many wrong tries the token locks.</source>
        <translation>Mã PIN của thiết bị ký số "{token}" không đúng. Hãy kiểm tra và nhập lại; nhập sai quá số lần cho phép thiết bị sẽ bị khóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="329" />
        <source>The PIN of the token "{token}" is locked. Ask the certificate provider to unlock it.</source>
        <translation>Mã PIN của thiết bị ký số "{token}" đã bị khóa. Hãy liên hệ nhà cung cấp chứng thư số để mở khóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="332" />
        <source>The PIN of the token "{token}" has expired. Change it with the token's software.</source>
        <translation>Mã PIN của thiết bị ký số "{token}" đã hết hạn. Hãy đổi mã PIN bằng phần mềm của thiết bị.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="335" />
        <source>The token "{token}" holds no usable signing key. Check that it is the right token.</source>
        <translation>Thiết bị ký số "{token}" không có khóa ký dùng được. Hãy kiểm tra đúng thiết bị chưa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="338" />
        <source>The token "{token}" holds no certificate for its key. Ask the certificate provider.</source>
        <translation>Thiết bị ký số "{token}" không có chứng thư số cho khóa ký. Hãy liên hệ nhà cung cấp chứng thư số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="341" />
        <source>The token "{token}" holds several signing keys. Choose the certificate to sign with.</source>
        <translation>Thiết bị ký số "{token}" có nhiều khóa ký. Hãy chọn chứng thư số dùng để ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="344" />
        <source>The token "{token}" reported an error ({detail}). Unplug it, plug it in again and retry.</source>
        <translation>Thiết bị ký số "{token}" báo lỗi ({detail}). Hãy rút ra, cắm lại rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="347" />
        <source>The document has no place prepared for this signature or text ({field}). Prepare the draft again.</source>
        <translation>Văn bản chưa có vị trí dành cho chữ ký hoặc nội dung này ({field}). Hãy chuẩn bị lại dự thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="350" />
        <source>The field {field} is already filled; a number and date are written only once.</source>
        <translation>Trường {field} đã được điền; số và ngày văn bản chỉ được ghi một lần.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="353" />
        <source>The document is already signed ({detail}).</source>
        <translation>Văn bản đã được ký ({detail}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="354" />
        <source>The leader has not signed this document yet; the seal comes after the leader's signature.</source>
        <translation>Văn bản chưa có chữ ký của lãnh đạo; chữ ký số của cơ quan được ký sau chữ ký của lãnh đạo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="357" />
        <source>The PDF cannot be signed ({detail}). Export it again from the drafting program.</source>
        <translation>Không ký được tệp PDF này ({detail}). Hãy xuất lại tệp từ phần mềm soạn thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="360" />
        <source>The PDF was certified so that nothing may be added ({field}); it cannot be signed. Ask for an unlocked copy.</source>
        <translation>Tệp PDF đã được ký chứng thực không cho phép bổ sung gì thêm ({field}) nên không thể ký số. Hãy đề nghị bản không bị khóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="364" />
        <source>No font with Vietnamese letters was found for the signature text. Install fonts-noto-core.</source>
        <translation>Không tìm thấy phông chữ tiếng Việt cho nội dung chữ ký. Hãy cài fonts-noto-core.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="367" />
        <source>The number or the date to write into the document is empty ({field}).</source>
        <translation>Số hoặc ngày văn bản cần ghi đang để trống ({field}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="370" />
        <source>"{copy_form}" is not a copy form (sao y, trích sao, sao lục).</source>
        <translation>"{copy_form}" không phải hình thức bản sao (sao y, trích sao, sao lục).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="373" />
        <source>The signature position {box} lies outside the page. Move it onto the page.</source>
        <translation>Vị trí chữ ký {box} nằm ngoài trang. Hãy kéo vào trong trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="376" />
        <source>The signature would show nothing. Add a signature image or the signer's name.</source>
        <translation>Chữ ký không có nội dung hiển thị. Hãy thêm ảnh chữ ký hoặc tên người ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="379" />
        <source>The signature or seal image cannot be read ({detail}). Choose a PNG file.</source>
        <translation>Không đọc được ảnh chữ ký hoặc con dấu ({detail}). Hãy chọn tệp PNG.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="382" />
        <source>The PDF is password-protected and cannot be signed. Save it again without a password.</source>
        <translation>Tệp PDF được đặt mật khẩu nên không thể ký. Hãy lưu lại tệp không đặt mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="385" />
        <source>The "Số:" line was not found on page 1 of the draft. Check the draft's layout, or place the boxes by hand.</source>
        <translation>Không tìm thấy dòng "Số:" ở trang 1 của dự thảo. Hãy kiểm tra thể thức dự thảo hoặc tự đặt vị trí các ô.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="389" />
        <source>The place and date line ("…, ngày … tháng … năm …") was not found on page 1 of the draft. Check the draft's layout, or place the boxes by hand.</source>
        <translation>Không tìm thấy dòng địa danh và ngày tháng ("…, ngày … tháng … năm …") ở trang 1 của dự thảo. Hãy kiểm tra thể thức dự thảo hoặc tự đặt vị trí các ô.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="393" />
        <source>The signer block ({title}, {name}) was not found on the last page. Check the signer's name and position in the draft, or place the signature by hand.</source>
        <translation>Không tìm thấy phần chữ ký ({title}, {name}) ở trang cuối. Hãy kiểm tra họ tên và chức vụ người ký trong dự thảo hoặc tự đặt vị trí chữ ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="397" />
        <source>The space for {name}'s signature is too small. Leave more room between the position and the name, or place the signature by hand.</source>
        <translation>Khoảng trống để {name} ký quá nhỏ. Hãy để khoảng cách rộng hơn giữa chức vụ và họ tên, hoặc tự đặt vị trí chữ ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="401" />
        <source>No token is assigned to {user}. Plug in your token and choose it in the signing dialog.</source>
        <translation>Chưa có thiết bị ký số (token) nào được gán cho {user}. Hãy cắm token và chọn token trong hộp thoại ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="404" />
        <source>The agency's seal token is not set up. Ask the administrator to choose the organisation token.</source>
        <translation>Chưa thiết lập token chữ ký số của cơ quan (đóng dấu). Đề nghị quản trị hệ thống chọn token của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="407" />
        <source>The exchange axis at {endpoint} cannot be reached ({detail}). Check the network; queued documents go out when it is back.</source>
        <translation>Không kết nối được trục liên thông tại {endpoint} ({detail}). Hãy kiểm tra mạng; văn bản đang chờ sẽ được gửi khi trục hoạt động trở lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="412" />
        <source>The exchange axis failed during {operation} (HTTP {http_status}). Try again later; if it persists, contact the provincial Data Integration Centre.</source>
        <translation>Trục liên thông bị lỗi khi thực hiện {operation} (HTTP {http_status}). Hãy thử lại sau; nếu vẫn lỗi, liên hệ đơn vị vận hành trục của tỉnh.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="417" />
        <source>The exchange axis is busy ({operation}). Try again in a few minutes.</source>
        <translation>Trục liên thông đang quá tải ({operation}). Hãy thử lại sau ít phút.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="418" />
        <source>The exchange axis sent an unreadable reply to {operation} ({detail}). Try again; if it persists, report it to the axis operator.</source>
        <translation>Trục liên thông trả về dữ liệu không đọc được khi thực hiện {operation} ({detail}). Hãy thử lại; nếu vẫn lỗi, báo cho đơn vị vận hành trục.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="423" />
        <source>The exchange axis refused the credentials of system {system_id}. Check the system code and secret in Settings.</source>
        <translation>Trục liên thông từ chối thông tin xác thực của hệ thống {system_id}. Hãy kiểm tra mã hệ thống và khóa bí mật trong phần Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="428" />
        <source>The exchange axis refused access for {system_id} during {operation}. Ask the axis operator to check the account.</source>
        <translation>Trục liên thông từ chối quyền truy cập của {system_id} khi thực hiện {operation}. Đề nghị đơn vị vận hành trục kiểm tra tài khoản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="433" />
        <source>The exchange axis at {endpoint} presented a certificate this computer does not trust. Install its certificate authority or check the address.</source>
        <translation>Trục liên thông tại {endpoint} dùng chứng thư mà máy này không tin cậy. Hãy cài chứng thư của tổ chức cấp hoặc kiểm tra lại địa chỉ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="438" />
        <source>The exchange axis refused {operation}: {detail}</source>
        <translation>Trục liên thông từ chối {operation}: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="439" />
        <source>The exchange axis has no such item ({operation}): {detail}</source>
        <translation>Trục liên thông không có mục này ({operation}): {detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="440" />
        <source>The package is too large for the exchange axis: {detail}</source>
        <translation>Gói tin quá lớn so với giới hạn của trục liên thông: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="441" />
        <source>The exchange axis refused {operation} (code {error_code}): {detail}</source>
        <translation>Trục liên thông từ chối {operation} (mã {error_code}): {detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="444" />
        <source>The received package is not well-formed XML. Ask the sender to send it again.</source>
        <translation>Gói tin nhận được không phải XML hợp lệ. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="447" />
        <source>The received package is not an edXML document package. Ask the sender to send it again.</source>
        <translation>Gói tin nhận được không phải gói văn bản edXML. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="450" />
        <source>The package declares a DTD or entities, which edXML forbids; it was refused for safety. Ask the sender to send it again.</source>
        <translation>Gói tin có khai báo DTD hoặc thực thể, không được phép trong edXML; đã từ chối để bảo đảm an toàn. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="455" />
        <source>The package is larger than the allowed size. Ask the sender to send it again.</source>
        <translation>Gói tin vượt quá dung lượng cho phép. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="458" />
        <source>The package header is too large to be genuine. Ask the sender to send it again.</source>
        <translation>Phần đầu gói tin quá lớn, không hợp lệ. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="461" />
        <source>An attachment is larger than the allowed size. Ask the sender to send it again.</source>
        <translation>Có tệp đính kèm vượt quá dung lượng cho phép. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="464" />
        <source>The package has too many attachments. Ask the sender to send it again.</source>
        <translation>Gói tin có quá nhiều tệp đính kèm. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="467" />
        <source>An attachment listed in the package is missing. Ask the sender to send it again.</source>
        <translation>Thiếu tệp đính kèm được liệt kê trong gói tin. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="470" />
        <source>An attachment does not match its signed hash: it was changed on the way. Ask the sender to send it again.</source>
        <translation>Tệp đính kèm không khớp giá trị băm đã ký: tệp đã bị thay đổi trên đường truyền. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="475" />
        <source>The package lists the same attachment twice. Ask the sender to send it again.</source>
        <translation>Gói tin liệt kê một tệp đính kèm hai lần. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="478" />
        <source>The package carries an attachment it does not list. Ask the sender to send it again.</source>
        <translation>Gói tin có tệp đính kèm không được liệt kê. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="481" />
        <source>An attachment's size differs from the size the package announces. Ask the sender to send it again.</source>
        <translation>Dung lượng tệp đính kèm khác với dung lượng khai báo trong gói tin. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="484" />
        <source>The package carries an invalid agency code.</source>
        <translation>Gói tin có mã định danh cơ quan không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="485" />
        <source>The package's document identifier is not in the standard form.</source>
        <translation>Mã văn bản trong gói tin không đúng định dạng chuẩn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="488" />
        <source>The package's business document type is not one of the standard codes.</source>
        <translation>Loại nghiệp vụ của gói tin không thuộc danh mục mã chuẩn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="491" />
        <source>The package's priority is not one of the standard codes.</source>
        <translation>Độ khẩn của gói tin không thuộc danh mục mã chuẩn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="492" />
        <source>The status message carries an unknown status code.</source>
        <translation>Gói tin trạng thái có mã trạng thái không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="493" />
        <source>A time in the package is not in the standard form (with +07:00).</source>
        <translation>Thời gian trong gói tin không đúng định dạng chuẩn (có +07:00).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="496" />
        <source>The package names no recipient.</source>
        <translation>Gói tin không có nơi nhận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="497" />
        <source>A status message arrived where a document was expected.</source>
        <translation>Nhận được gói tin trạng thái thay vì gói văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="498" />
        <source>A document arrived where a status message was expected.</source>
        <translation>Nhận được gói văn bản thay vì gói tin trạng thái.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="499" />
        <source>The package file is missing.</source>
        <translation>Không tìm thấy tệp gói tin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="500" />
        <source>A refusal needs a reason for the sender.</source>
        <translation>Từ chối tiếp nhận cần nêu lý do cho nơi gửi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="502" />
        <source>Choose at least one recipient agency to send the document to.</source>
        <translation>Hãy chọn ít nhất một cơ quan nhận để gửi văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="505" />
        <source>These recipient codes are not valid agency codes (like 000.00.12.H27): {codes}. Pick the recipients from the agency directory.</source>
        <translation>Các mã cơ quan nhận sau không phải mã định danh hợp lệ (dạng 000.00.12.H27): {codes}. Hãy chọn cơ quan nhận từ danh bạ cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="510" />
        <source>The document cannot be sent to your own agency ({code}). Remove it from the recipients.</source>
        <translation>Không thể gửi văn bản cho chính cơ quan mình ({code}). Hãy bỏ cơ quan này khỏi danh sách nơi nhận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="513" />
        <source>Only outgoing documents can be sent through the exchange axis.</source>
        <translation>Chỉ văn bản đi mới được gửi qua trục liên thông.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="516" />
        <source>This document is secret or carries a restriction stamp, so it may not be sent electronically. Send it on paper.</source>
        <translation>Văn bản này có độ mật hoặc dấu hạn chế lưu hành nên không được gửi điện tử. Hãy gửi bản giấy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="521" />
        <source>The document is not issued yet (state: {state}). Number, seal and issue it before sending.</source>
        <translation>Văn bản chưa được ban hành (trạng thái: {state}). Hãy cấp số, đóng dấu và ban hành trước khi gửi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="524" />
        <source>The document has no main file to send. Attach the signed PDF first.</source>
        <translation>Văn bản chưa có tệp chính để gửi. Hãy đính kèm tệp PDF đã ký số trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="527" />
        <source>Exchange message {id} no longer exists. Reload the list.</source>
        <translation>Thông điệp liên thông {id} không còn tồn tại. Hãy tải lại danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="530" />
        <source>Message {id} has already been delivered to the axis; there is nothing to retry.</source>
        <translation>Thông điệp {id} đã được chuyển lên trục; không cần gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="533" />
        <source>The package claims to come from {claimed} but the axis delivered it from {sender}.</source>
        <translation>Gói tin ghi cơ quan gửi là {claimed} nhưng trục liên thông chuyển đến từ {sender}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="536" />
        <source>The package is addressed to other agencies ({recipients}), not to this one.</source>
        <translation>Gói tin gửi đến cơ quan khác ({recipients}), không phải cơ quan này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="539" />
        <source>The package carries no PDF document.</source>
        <translation>Gói tin không có tệp văn bản PDF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="542" />
        <source>The package cannot be read ({detail}); it is kept in quarantine.</source>
        <translation>Không đọc được gói tin ({detail}); gói tin được giữ trong khu cách ly.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="545" />
        <source>A digital signature of the package is not valid.</source>
        <translation>Chữ ký số của gói tin không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="549" />
        <source>{name}: the document was altered after it was signed; the signature is broken. A refusal asking for a newly signed copy went back to the sender.</source>
        <translation>{name}: văn bản đã bị sửa sau khi ký, chữ ký số không còn toàn vẹn. Đã gửi trả bên gửi thông báo từ chối, đề nghị gửi lại bản ký số mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="553" />
        <source>{name}: a signature value does not match its certificate. A refusal asking for a newly signed copy went back to the sender.</source>
        <translation>{name}: giá trị chữ ký số không khớp với chứng thư số. Đã gửi trả bên gửi thông báo từ chối, đề nghị gửi lại bản ký số mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="557" />
        <source>{name}: the signer's certificate does not lead to a trusted root on this computer; the sender was asked to send it again. If the issuer is a lawful Vietnamese CA, ask the administrator to add its root.</source>
        <translation>{name}: chứng thư số của người ký không dẫn tới chứng thư gốc tin cậy trên máy này; đã đề nghị bên gửi gửi lại. Nếu đơn vị cấp là tổ chức chứng thực hợp pháp của Việt Nam, đề nghị quản trị viên bổ sung chứng thư gốc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="561" />
        <source>{name}: the signer's certificate has been revoked by its CA. Ask the sender to sign again with a valid certificate.</source>
        <translation>{name}: chứng thư số của người ký đã bị tổ chức cấp thu hồi. Đề nghị bên gửi ký lại bằng chứng thư số còn hiệu lực.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="565" />
        <source>{name}: the signer's certificate had expired when it signed. Ask the sender to sign again with a valid certificate.</source>
        <translation>{name}: chứng thư số của người ký đã hết hạn khi ký. Đề nghị bên gửi ký lại bằng chứng thư số còn hiệu lực.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="569" />
        <source>{name}: the signer's certificate was not yet valid when it signed. Ask the sender to check the signing computer's clock and sign again.</source>
        <translation>{name}: chứng thư số của người ký chưa có hiệu lực khi ký. Đề nghị bên gửi kiểm tra đồng hồ máy ký rồi ký lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="573" />
        <source>{name}: the document was changed after a signature in a way that signature does not allow. Ask the sender for a newly signed copy.</source>
        <translation>{name}: văn bản bị thay đổi sau khi ký theo cách chữ ký không cho phép. Đề nghị bên gửi gửi lại bản ký số mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="577" />
        <source>{name}: the person signed after the organisation's seal; the competent person must sign first. Ask the sender to issue it again in the right order.</source>
        <translation>{name}: người có thẩm quyền ký sau chữ ký số của cơ quan; người có thẩm quyền phải ký trước. Đề nghị bên gửi phát hành lại đúng trình tự.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="581" />
        <source>{name}: the document carries no digital signature. Ask the sender to sign it and send it again.</source>
        <translation>{name}: văn bản chưa có chữ ký số. Đề nghị bên gửi ký số rồi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="584" />
        <source>{name}: the file cannot be read as a PDF. Ask the sender to export it again and resend it.</source>
        <translation>{name}: không đọc được tệp dưới dạng PDF. Đề nghị bên gửi xuất lại tệp và gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="588" />
        <source>Give a reason: the other agency reads it with the change or the answer.</source>
        <translation>Hãy nhập lý do: cơ quan bên kia sẽ đọc lý do này cùng với thay đổi hoặc câu trả lời.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="591" />
        <source>This document has not been sent through the axis, so there is nothing to revoke, update, replace or recall. Send it first, or correct it in the register.</source>
        <translation>Văn bản này chưa được gửi qua trục liên thông nên không có gì để thu hồi, cập nhật, thay thế hay lấy lại. Hãy gửi văn bản trước, hoặc sửa trong sổ đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="596" />
        <source>This document has already been revoked, replaced or recalled; it cannot be changed any more.</source>
        <translation>Văn bản này đã bị thu hồi, thay thế hoặc lấy lại; không thể thay đổi thêm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="599" />
        <source>The replacing document must be another issued (numbered and sealed) document that has not been sent yet.</source>
        <translation>Văn bản thay thế phải là một văn bản khác đã ban hành (đã cấp số và đóng dấu) và chưa được gửi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="603" />
        <source>There is no recall request waiting for an answer on this document. Reload the document.</source>
        <translation>Không có đề nghị lấy lại nào đang chờ trả lời đối với văn bản này. Hãy tải lại văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="606" />
        <source>The sender asked to change document {target}, which never arrived here; the request was refused.</source>
        <translation>Nơi gửi đề nghị thay đổi văn bản {target} nhưng văn bản này chưa từng đến cơ quan; đề nghị đã bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="611" />
        <source>The folder {folder} does not exist. Plug in the USB drive and choose a folder on it.</source>
        <translation>Thư mục {folder} không tồn tại. Hãy cắm ổ USB và chọn một thư mục trên ổ đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="614" />
        <source>No message is waiting to be sent, so no USB package was written.</source>
        <translation>Không có thông điệp nào đang chờ gửi nên không ghi gói USB nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="617" />
        <source>No message of this office went in the USB package {package}, so it cannot be written again. Choose a message marked as written to a USB package.</source>
        <translation>Không có thông điệp nào của cơ quan đã đi trong gói USB {package}, nên không thể ghi lại gói này. Hãy chọn một thông điệp có trạng thái đã ghi vào gói USB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="621" />
        <source>The USB package could not be written to {folder} ({detail}); nothing was marked as sent. Check that the drive is plugged in, writable and not full, then try again.</source>
        <translation>Không ghi được gói USB vào {folder} ({detail}); chưa thông điệp nào được đánh dấu là đã gửi. Kiểm tra ổ USB đã cắm, ghi được và còn chỗ trống, rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="625" />
        <source>A stored message ({sha256}) is damaged, so no USB package was written. Run the integrity check and restore it from a backup.</source>
        <translation>Một thông điệp đã lưu ({sha256}) bị hỏng nên không ghi gói USB. Hãy chạy kiểm tra toàn vẹn và khôi phục từ bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="629" />
        <source>The folder {folder} is not a Văn Thư USB package (no manifest.xml). Choose the package folder itself (named vanthu-…).</source>
        <translation>Thư mục {folder} không phải là gói USB của Văn Thư (không có manifest.xml). Hãy chọn đúng thư mục gói (tên bắt đầu bằng vanthu-…).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="633" />
        <source>The USB package {folder} was altered or is incomplete ({detail}); nothing was imported. Ask the sender to export a new package.</source>
        <translation>Gói USB {folder} đã bị sửa đổi hoặc không đầy đủ ({detail}); không có gì được nhập. Đề nghị nơi gửi xuất lại gói mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="637" />
        <source>The USB package is signed by {subject}, a certificate this office does not trust; nothing was imported. Ask the administrator to add its issuer to the trusted certificates.</source>
        <translation>Gói USB được ký bởi {subject}, chứng thư số mà cơ quan này không tin cậy; không có gì được nhập. Đề nghị quản trị viên thêm nơi cấp chứng thư đó vào danh sách chứng thư tin cậy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="642" />
        <source>Another workstation of this office is exchanging with the axis or importing a USB package right now; nothing was done. Wait a minute and try again.</source>
        <translation>Một máy khác của cơ quan đang trao đổi với trục liên thông hoặc đang nhập gói USB; chưa có gì được thực hiện. Vui lòng đợi một lát rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="646" />
        <source>This USB package is addressed to {destination}, not to this office ({own}); nothing was imported. Give the drive to {destination}.</source>
        <translation>Gói USB này gửi cho {destination}, không phải cho cơ quan này ({own}); không có gì được nhập. Hãy chuyển ổ USB cho {destination}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="650" />
        <source>The axis secret of commune {code} is not set on this computer, so its messages cannot be collected or sent. Set the variable VANTHU_AXIS_SECRET_ followed by the code with dots as underscores, then restart.</source>
        <translation>Chưa đặt mật khẩu trục liên thông của xã {code} trên máy này nên không thể nhận hoặc gửi văn bản thay xã. Hãy đặt biến môi trường VANTHU_AXIS_SECRET_ kèm mã định danh (dấu chấm thay bằng gạch dưới) rồi khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="655" />
        <source>The code {code} is not in the agency directory. Refresh the directory from the axis, then add the commune again.</source>
        <translation>Mã {code} không có trong danh mục cơ quan. Hãy cập nhật danh mục từ trục liên thông rồi thêm lại xã.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="659" />
        <source>Commune {code} is not in this office's list of served communes. Ask the administrator to add it.</source>
        <translation>Xã {code} không có trong danh sách xã do cơ quan này phục vụ. Đề nghị quản trị viên thêm xã.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="662" />
        <source>{count} message(s) are still held for commune {code}. Export them to USB first, then remove the commune.</source>
        <translation>Còn {count} văn bản đang giữ cho xã {code}. Hãy xuất ra USB trước rồi mới xoá xã khỏi danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="666" />
        <source>Nothing is held for commune {code}. Collect for communes first, or there is simply no mail for it.</source>
        <translation>Không có văn bản nào đang giữ cho xã {code}. Hãy nhận văn bản cho các xã trước, hoặc hiện chưa có văn bản gửi xã.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="669" />
        <source>The axis system id {system_id} is too long (at most 64 characters). Check it and try again.</source>
        <translation>Mã hệ thống trên trục {system_id} quá dài (tối đa 64 ký tự). Hãy kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="673" />
        <source>Unit {id} no longer exists. Reload the list and pick another unit.</source>
        <translation>Đơn vị {id} không còn tồn tại. Hãy tải lại danh sách và chọn đơn vị khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="676" />
        <source>{by} already directed this document at {at}. Reload the inbox to see the current state.</source>
        <translation>{by} đã cho ý kiến chỉ đạo văn bản này lúc {at}. Hãy tải lại hộp văn bản để xem tình trạng hiện tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="679" />
        <source>The document is already in {name}'s inbox. Pick another leader to hand it over.</source>
        <translation>Văn bản đã có trong hộp văn bản của {name}. Hãy chọn lãnh đạo khác nếu cần chuyển.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="682" />
        <source>This task is already closed ({state}). Ask the leader to assign it again if work remains.</source>
        <translation>Nhiệm vụ này đã kết thúc ({state}). Nếu còn việc, đề nghị lãnh đạo giao lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="685" />
        <source>Task {id} no longer exists. Reload your task list.</source>
        <translation>Nhiệm vụ {id} không còn tồn tại. Hãy tải lại danh sách việc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="688" />
        <source>The document is {state}: it cannot become {wanted} now. Reload to see its current state.</source>
        <translation>Văn bản đang ở trạng thái {state}: không thể chuyển sang {wanted} lúc này. Hãy tải lại để xem trạng thái hiện tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="691" />
        <source>{by} changed this at {at} while you were working on it. Reload, check, and try again.</source>
        <translation>{by} đã thay đổi nội dung này lúc {at} trong khi bạn đang làm. Hãy tải lại, kiểm tra rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="694" />
        <source>The deadline {deadline} is already past. Pick today or a later working day.</source>
        <translation>Hạn xử lý {deadline} đã qua. Hãy chọn hôm nay hoặc một ngày làm việc sau đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="697" />
        <source>Give the deadline either as a date or as a number of working days, not both and not neither.</source>
        <translation>Hãy nhập hạn xử lý bằng ngày cụ thể hoặc bằng số ngày làm việc (chỉ chọn một cách).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="700" />
        <source>{days} working days is not a deadline. Enter 1 or more working days.</source>
        <translation>{days} ngày làm việc không phải thời hạn hợp lệ. Hãy nhập từ 1 ngày làm việc trở lên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="703" />
        <source>{deadline} is not a working day (weekend or holiday). The next working day is {next}.</source>
        <translation>Ngày {deadline} không phải ngày làm việc (cuối tuần hoặc ngày lễ). Ngày làm việc kế tiếp là {next}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="706" />
        <source>{days} working days from the registration on {received} ended on {deadline}, which is past. Give more working days or pick a date.</source>
        <translation>{days} ngày làm việc kể từ ngày vào sổ {received} đã hết vào ngày {deadline}. Hãy cho thêm ngày làm việc hoặc chọn một ngày cụ thể.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="711" />
        <source>A leader can only delegate their own authority. Ask the administrator to record it for another leader.</source>
        <translation>Lãnh đạo chỉ ủy quyền được thẩm quyền của chính mình. Đề nghị quản trị viên ghi nhận cho lãnh đạo khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="715" />
        <source>The delegation would end at {ends}, which is already past. Pick an end in the future.</source>
        <translation>Thời điểm kết thúc ủy quyền {ends} đã qua. Hãy chọn thời điểm trong tương lai.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="718" />
        <source>Your delegation from {leader} runs from {starts} to {ends}: you cannot act for them now. Ask {leader} for a new delegation.</source>
        <translation>Bạn được {leader} ủy quyền từ {starts} đến {ends}: hiện không thể thay mặt. Đề nghị {leader} ủy quyền lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="723" />
        <source>Choose the leader whose authority is delegated.</source>
        <translation>Hãy chọn lãnh đạo ủy quyền.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="726" />
        <source>Delegation {id} no longer exists. Reload the list.</source>
        <translation>Ủy quyền {id} không còn tồn tại. Hãy tải lại danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="729" />
        <source>The delegation must end after it starts. Check the two dates.</source>
        <translation>Thời điểm kết thúc ủy quyền phải sau thời điểm bắt đầu. Hãy kiểm tra lại hai ngày.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="732" />
        <source>A leader cannot delegate to themselves. Choose a deputy.</source>
        <translation>Lãnh đạo không thể tự ủy quyền cho chính mình. Hãy chọn cấp phó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="735" />
        <source>Write the direction (ý kiến chỉ đạo) before assigning the document.</source>
        <translation>Hãy ghi ý kiến chỉ đạo trước khi giao xử lý văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="738" />
        <source>An attached file has no name. Name it and attach it again.</source>
        <translation>Tệp đính kèm chưa có tên. Hãy đặt tên rồi đính kèm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="741" />
        <source>A document filed for information has no deadline. Clear the deadline, or assign it instead.</source>
        <translation>Văn bản để biết không có hạn xử lý. Hãy bỏ hạn xử lý hoặc giao xử lý.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="744" />
        <source>Choose who leads the work (a unit or a person), or file the document for information.</source>
        <translation>Hãy chọn đơn vị hoặc cá nhân chủ trì, hoặc chuyển văn bản để biết.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="747" />
        <source>The lead is either a unit or a person, not both. Keep one of them.</source>
        <translation>Chủ trì là một đơn vị hoặc một cá nhân, không phải cả hai. Hãy giữ lại một.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="750" />
        <source>This action ({action}) needs a signed-in user. Sign in and try again.</source>
        <translation>Thao tác này ({action}) cần người dùng đã đăng nhập. Hãy đăng nhập rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="753" />
        <source>{name} is not a deputy or leader: a delegation can only go to one. Choose another person.</source>
        <translation>{name} không phải lãnh đạo hoặc cấp phó: chỉ ủy quyền được cho lãnh đạo, cấp phó. Hãy chọn người khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="756" />
        <source>{name} is not a leader or deputy. Choose a leader to present the document to.</source>
        <translation>{name} không phải lãnh đạo hoặc cấp phó. Hãy chọn lãnh đạo để trình văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="759" />
        <source>You do not take part in this task, so you cannot open it. Ask the leader who assigned it.</source>
        <translation>Bạn không tham gia nhiệm vụ này nên không thể mở. Hãy hỏi lãnh đạo đã giao việc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="762" />
        <source>Only a coordinating unit or person adds input to this task. Use progress notes if you lead it.</source>
        <translation>Chỉ đơn vị, cá nhân phối hợp mới cho ý kiến phối hợp. Nếu bạn chủ trì, hãy ghi tiến độ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="765" />
        <source>Only incoming documents are presented to the leader. This one is not incoming.</source>
        <translation>Chỉ văn bản đến mới được trình lãnh đạo. Văn bản này không phải văn bản đến.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="768" />
        <source>Only the lead unit or person reports progress on this task and finishes it.</source>
        <translation>Chỉ đơn vị, cá nhân chủ trì mới báo cáo tiến độ và kết thúc nhiệm vụ này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="771" />
        <source>Only outgoing documents have signing and sending times. This one is not outgoing.</source>
        <translation>Chỉ văn bản đi mới có thời điểm ký và gửi. Văn bản này không phải văn bản đi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="774" />
        <source>The document has not been presented to a leader yet. Ask the clerk to present it first.</source>
        <translation>Văn bản chưa được trình lãnh đạo. Đề nghị văn thư trình trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="777" />
        <source>This document is in {leader}'s inbox. Only {leader}, or a deputy they delegated to, can direct it.</source>
        <translation>Văn bản này thuộc hộp văn bản của {leader}. Chỉ {leader} hoặc cấp phó được ủy quyền mới cho ý kiến chỉ đạo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="781" />
        <source>Write something or attach a file before saving the note.</source>
        <translation>Hãy ghi nội dung hoặc đính kèm tệp trước khi lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="782" />
        <source>Select at least one document first.</source>
        <translation>Hãy chọn ít nhất một văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="783" />
        <source>Choose either a unit or a person to list their assignments, not both.</source>
        <translation>Hãy chọn một đơn vị hoặc một người để xem các việc được giao, không chọn cả hai.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="786" />
        <source>{name} is named twice (as lead and coordinator, or twice as coordinator). Keep it once.</source>
        <translation>{name} bị chọn hai lần (vừa chủ trì vừa phối hợp, hoặc phối hợp hai lần). Hãy giữ lại một lần.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="789" />
        <source>Each lead or coordinator is either a unit or a person. Pick one.</source>
        <translation>Mỗi bên chủ trì hoặc phối hợp là một đơn vị hoặc một cá nhân. Hãy chọn một.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="792" />
        <source>Write the result before finishing the task.</source>
        <translation>Hãy ghi kết quả trước khi kết thúc nhiệm vụ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="793" />
        <source>{name}'s account is deactivated. Choose someone else.</source>
        <translation>Tài khoản của {name} đã bị khóa. Hãy chọn người khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="797" />
        <source>The draft is {state} now, so this step cannot be done. Reload to see where it stands.</source>
        <translation>Dự thảo đang ở trạng thái {state} nên không thực hiện được bước này. Tải lại để xem trạng thái hiện tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="800" />
        <source>The draft was not found; it may have been removed.</source>
        <translation>Không tìm thấy dự thảo; có thể dự thảo đã bị xóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="801" />
        <source>Version {number} of the draft is missing. Run the integrity check and restore from a backup.</source>
        <translation>Thiếu phiên bản {number} của dự thảo. Hãy chạy kiểm tra toàn vẹn và khôi phục từ bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="804" />
        <source>Write the summary (trích yếu) of the draft.</source>
        <translation>Hãy nhập trích yếu của dự thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="805" />
        <source>"{type}" is not a document type of Decree 30. Pick a type from the list.</source>
        <translation>"{type}" không phải là loại văn bản theo Nghị định 30. Hãy chọn loại trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="808" />
        <source>A {type} cannot be a legal normative document. Untick "normative" or change the type.</source>
        <translation>{type} không thể là văn bản quy phạm pháp luật. Bỏ chọn "quy phạm pháp luật" hoặc đổi loại văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="811" />
        <source>A recipient has no name. Pick it again.</source>
        <translation>Có nơi nhận chưa có tên. Hãy chọn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="812" />
        <source>The unit "{name}" is not one of the agency's units. Pick it from the list.</source>
        <translation>Đơn vị "{name}" không thuộc cơ quan. Hãy chọn đơn vị trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="815" />
        <source>"{name}" is not a user of the agency. Pick the person from the list.</source>
        <translation>"{name}" không phải người dùng của cơ quan. Hãy chọn người trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="818" />
        <source>{name} is inside the agency: superior, government or legal review apply to other agencies only.</source>
        <translation>{name} thuộc nội bộ cơ quan: cấp trên, Chính phủ hoặc cơ quan kiểm tra văn bản chỉ áp dụng cho cơ quan khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="821" />
        <source>The number of paper copies for {name} must be between 0 and {max}.</source>
        <translation>Số bản giấy gửi {name} phải từ 0 đến {max}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="824" />
        <source>{name} is listed twice as a recipient. Keep it once.</source>
        <translation>{name} có hai lần trong nơi nhận. Chỉ giữ một lần.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="825" />
        <source>No agency in the directory matches “{name}”. Pick one from the list under the box, type its complete code (like 000.00.12.H27), or add it with “Not in the directory…” to send it on paper.</source>
        <translation>Không có cơ quan nào trong danh bạ khớp với “{name}”. Chọn một cơ quan trong danh sách dưới ô tìm kiếm, gõ mã định danh đầy đủ (như 000.00.12.H27), hoặc thêm bằng nút “Không có trong danh bạ…” để gửi văn bản giấy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="830" />
        <source>Give every appendix a title.</source>
        <translation>Hãy đặt tiêu đề cho mỗi phụ lục.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="831" />
        <source>The appendix {name} is not a PDF. Save it as PDF and add it again.</source>
        <translation>Phụ lục {name} không phải tệp PDF. Hãy lưu thành PDF rồi thêm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="834" />
        <source>The appendix {name} is password-protected, so the agency's seal cannot be added to it. Save it without a password and add it again.</source>
        <translation>Phụ lục {name} có đặt mật khẩu nên không thể ký số của cơ quan lên đó. Hãy lưu lại tệp không đặt mật khẩu rồi thêm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="839" />
        <source>The appendix {name} is damaged and cannot be sealed ({detail}). Export it again as PDF and add it again.</source>
        <translation>Phụ lục {name} bị hỏng, không thể ký số của cơ quan ({detail}). Hãy xuất lại tệp PDF rồi thêm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="843" />
        <source>The appendix {name} was certified so that nothing may be added, so the agency's seal cannot be added. Ask for a copy that is not locked and add it again.</source>
        <translation>Phụ lục {name} đã được ký chứng thực không cho phép bổ sung gì thêm nên không thể ký số của cơ quan. Hãy đề nghị bản không bị khóa rồi thêm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="848" />
        <source>The appendix {name} already carries an agency seal signature. Add the unsealed file instead.</source>
        <translation>Phụ lục {name} đã có chữ ký số của cơ quan. Hãy thêm tệp chưa ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="851" />
        <source>The appendix file {name} is missing from the file store; nothing was numbered or sealed. Ask the administrator to restore it from the latest backup, then try again.</source>
        <translation>Không tìm thấy tệp phụ lục {name} trong kho lưu trữ; văn bản chưa được cấp số và ký số. Hãy đề nghị quản trị viên khôi phục tệp từ bản sao lưu gần nhất rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="856" />
        <source>The stored appendix file {name} has changed since it was added (damaged on disk); nothing was numbered or sealed. Ask the administrator to restore it from the latest backup, then try again.</source>
        <translation>Tệp phụ lục {name} trong kho đã bị thay đổi so với khi thêm vào (hỏng trên đĩa); văn bản chưa được cấp số và ký số. Hãy đề nghị quản trị viên khôi phục tệp từ bản sao lưu gần nhất rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="861" />
        <source>Choose the draft file (PDF or Word) first.</source>
        <translation>Hãy chọn tệp dự thảo (PDF hoặc Word) trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="862" />
        <source>{name} is neither a PDF nor a Word document. Upload the draft as PDF or DOCX.</source>
        <translation>{name} không phải tệp PDF hay Word. Hãy tải dự thảo lên dưới dạng PDF hoặc DOCX.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="865" />
        <source>{name} is the same file as the current version. Choose the revised file.</source>
        <translation>{name} trùng với tệp của phiên bản hiện tại. Hãy chọn tệp đã sửa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="868" />
        <source>Only the specialist who wrote this draft can change or submit it.</source>
        <translation>Chỉ chuyên viên soạn thảo dự thảo này mới được sửa hoặc trình ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="871" />
        <source>{name} is not a leader or deputy and cannot sign. Choose the signer from the list.</source>
        <translation>{name} không phải lãnh đạo hoặc cấp phó nên không thể ký. Hãy chọn người ký trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="874" />
        <source>Choose who signs the draft before submitting it.</source>
        <translation>Hãy chọn người ký trước khi trình ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="875" />
        <source>The draft has no recipients. Add at least one recipient before submitting it.</source>
        <translation>Dự thảo chưa có nơi nhận. Hãy thêm ít nhất một nơi nhận trước khi trình ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="878" />
        <source>The draft was returned with comments and nothing has changed since. Upload the revised file or correct the details, then submit again.</source>
        <translation>Dự thảo đã bị trả lại kèm ý kiến và từ đó chưa có gì thay đổi. Hãy tải lên tệp đã sửa hoặc sửa thông tin, rồi trình ký lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="883" />
        <source>Write what must change before returning the draft.</source>
        <translation>Hãy ghi rõ những điểm cần sửa trước khi trả lại dự thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="886" />
        <source>This draft waits for {signer}'s signature. Only {signer}, or a deputy they delegated to, can act.</source>
        <translation>Dự thảo này chờ {signer} ký. Chỉ {signer} hoặc cấp phó được {signer} ủy quyền mới thực hiện được.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="889" />
        <source>Digital signing is not set up on this computer. Ask the administrator to configure the tokens.</source>
        <translation>Máy tính này chưa được cấu hình ký số. Hãy đề nghị quản trị hệ thống cấu hình thiết bị ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="892" />
        <source>The signature cannot be moved on this draft: the file it was prepared from is not among its versions. Sign it where it is, or return it so the drafter submits it again.</source>
        <translation>Không thể di chuyển chữ ký trên dự thảo này: không còn tệp gốc dùng để chuẩn bị trình ký trong các phiên bản. Hãy ký tại vị trí hiện có, hoặc trả lại để người soạn thảo trình ký lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="897" />
        <source>{name} is not a certificate file (PEM or DER). Choose the root certificate (.pem, .cer, .crt).</source>
        <translation>{name} không phải tệp chứng thư số (PEM hoặc DER). Hãy chọn tệp chứng thư gốc (.pem, .cer, .crt).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="900" />
        <source>{name} is not a certificate revocation list (CRL). Choose the .crl file the CA publishes.</source>
        <translation>{name} không phải danh sách chứng thư bị thu hồi (CRL). Hãy chọn tệp .crl do tổ chức cung cấp dịch vụ chứng thực công bố.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="903" />
        <source>{name} is neither a certificate (.pem, .cer, .crt, .der) nor a revocation list (.crl).</source>
        <translation>{name} không phải chứng thư số (.pem, .cer, .crt, .der) cũng không phải danh sách thu hồi (.crl).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="906" />
        <source>No folder for trusted certificates is configured on this computer. Check the data directory.</source>
        <translation>Máy này chưa cấu hình thư mục chứng thư tin cậy. Hãy kiểm tra thư mục dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="909" />
        <source>{name} is not a Word document that can be read. Open it in Word, save as DOCX or PDF, try again.</source>
        <translation>{name} không phải tệp Word đọc được. Hãy mở bằng Word, lưu thành DOCX hoặc PDF rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="912" />
        <source>Converting {name} to PDF needs LibreOffice, which is not installed on this computer. Install LibreOffice, or save the draft as PDF in Word and upload the PDF.</source>
        <translation>Chuyển {name} sang PDF cần LibreOffice, nhưng máy tính này chưa cài. Hãy cài LibreOffice, hoặc lưu dự thảo thành PDF trong Word rồi tải tệp PDF lên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="917" />
        <source>LibreOffice did not finish converting {name} within {seconds} s. Save it as PDF and upload that.</source>
        <translation>LibreOffice không chuyển xong {name} trong {seconds} giây. Hãy lưu thành PDF rồi tải tệp đó lên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="920" />
        <source>LibreOffice could not convert {name} to PDF ({detail}). Save it as PDF in Word and upload that.</source>
        <translation>LibreOffice không chuyển được {name} sang PDF ({detail}). Hãy lưu thành PDF trong Word rồi tải tệp đó lên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="923" />
        <source>Your role may not do this. Ask a user with the right role.</source>
        <translation>Vai trò của bạn không được thực hiện thao tác này. Hãy nhờ người dùng có vai trò phù hợp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="924" />
        <source>Someone else changed this meanwhile. Reload and try again.</source>
        <translation>Người khác vừa thay đổi dữ liệu này. Hãy tải lại và thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="927" />
        <source>The operation could not be completed (code {code}).</source>
        <translation>Không thực hiện được thao tác (mã lỗi {code}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="928" />
        <source>An unexpected error occurred. Details were written to the log at {log}. Please report it.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến. Chi tiết đã được ghi vào nhật ký tại {log}. Vui lòng báo lại lỗi này.</translation>
    </message>
</context>
<context>
    <name>Messages page</name>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="47" />
        <location filename="../../app/ui/pages/messages.py" line="57" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="48" />
        <source>Recipient</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="49" />
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="50" />
        <location filename="../../app/ui/pages/messages.py" line="61" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="51" />
        <source>Attempts</source>
        <translation>Số lần gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="52" />
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="53" />
        <source>Last error</source>
        <translation>Lỗi gần nhất</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="46" />
        <source>Queued at</source>
        <translation>Thời điểm vào hàng đợi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="56" />
        <source>Received at</source>
        <translation>Thời điểm nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="58" />
        <source>Sender</source>
        <translation>Cơ quan gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="59" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="60" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="62" />
        <source>Reasons</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="65" />
        <source>Waiting to be sent</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="66" />
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="67" />
        <source>Delivered to the axis</source>
        <translation>Đã chuyển lên trục</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="68" />
        <source>Refused by the axis</source>
        <translation>Trục từ chối</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="70" />
        <source>Written to a USB package</source>
        <translation>Đã ghi vào gói USB</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="72" />
        <source>Being checked</source>
        <translation>Đang kiểm tra</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="73" />
        <source>Registered</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="74" />
        <source>Already registered (duplicate)</source>
        <translation>Đã vào sổ trước đó (trùng)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="75" />
        <source>Quarantined, refusal sent</source>
        <translation>Cách ly, đã gửi từ chối tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="76" />
        <source>Refused</source>
        <translation>Đã từ chối</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="77" />
        <source>Status recorded</source>
        <translation>Đã ghi nhận trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="80" />
        <source>Status: arrived</source>
        <translation>Trạng thái: đã đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="81" />
        <source>Status: refused</source>
        <translation>Trạng thái: từ chối tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="82" />
        <source>Status: accepted</source>
        <translation>Trạng thái: đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="83" />
        <source>Status: assigned</source>
        <translation>Trạng thái: phân công</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="84" />
        <source>Status: in progress</source>
        <translation>Trạng thái: đang xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="85" />
        <source>Status: done</source>
        <translation>Trạng thái: hoàn thành</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="112" />
        <source>Exchange messages</source>
        <translation>Thông điệp liên thông</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="116" />
        <source>Send again</source>
        <translation>Gửi lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="119" />
        <source>Inspect</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="122" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="125" />
        <source>Export to USB…</source>
        <translation>Xuất ra USB…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="129" />
        <source>Write that USB package again…</source>
        <translation>Xuất lại gói USB đó…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="132" />
        <source>For a USB package that was lost or did not arrive: its messages are written again into a new package. The receiving office takes each message once, even if the first package turns up later.</source>
        <translation>Dùng khi gói USB bị mất hoặc không đến nơi: các thông điệp trong gói được ghi lại vào một gói mới. Cơ quan nhận chỉ tiếp nhận mỗi thông điệp một lần, kể cả khi gói cũ được tìm thấy sau đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="135" />
        <source>Import from USB…</source>
        <translation>Nhập từ USB…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="148" />
        <source>Received</source>
        <translation>Đã đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="149" />
        <source>Outgoing</source>
        <translation>Văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="209" />
        <source>Waiting to be sent: %1 · refused by the axis: %2 · in quarantine: %3</source>
        <translation>Chờ gửi: %1 · bị trục từ chối: %2 · đang cách ly: %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="310" />
        <source>Exchange message</source>
        <translation>Thông điệp liên thông</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="338" />
        <source>Choose the USB drive or folder to write to</source>
        <translation>Chọn ổ USB hoặc thư mục để ghi gói tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="342" />
        <source>Sign the USB package of the messages waiting to be sent with the agency's certificate.</source>
        <translation>Ký số gói USB chứa các thông điệp đang chờ gửi bằng chứng thư số của cơ quan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/messages.py" line="366" />
        <source>%n message(s) written to %1. Take the drive to the receiving office.</source>
        <translation>
            <numerusform>Đã ghi %n thông điệp vào %1. Mang ổ USB đến cơ quan nhận.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="375" />
        <source>Choose the USB package folder (vanthu-…)</source>
        <translation>Chọn thư mục gói USB (vanthu-…)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/messages.py" line="386" />
        <source>%n document(s) received</source>
        <translation>
            <numerusform>đã nhận %n văn bản</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/messages.py" line="387" />
        <source>%n already had</source>
        <translation>
            <numerusform>%n văn bản đã có từ trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/messages.py" line="389" />
        <source>%n status(es) recorded</source>
        <translation>
            <numerusform>đã ghi nhận %n trạng thái</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/messages.py" line="391" />
        <source>%n quarantined</source>
        <translation>
            <numerusform>%n gói bị cách ly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/messages.py" line="393" />
        <source>%n queued for other agencies</source>
        <translation>
            <numerusform>%n thông điệp đã xếp hàng gửi tiếp cho cơ quan khác</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/messages.py" line="395" />
        <source>%n for other agencies already queued</source>
        <translation>
            <numerusform>%n thông điệp cho cơ quan khác đã có trong hàng đợi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/messages.py" line="396" />
        <source>Package from %1: %2.</source>
        <translation>Gói tin từ %1: %2.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="110" />
        <source>Intake</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="111" />
        <source>Leader's inbox</source>
        <translation>Văn bản chờ chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="112" />
        <source>My tasks</source>
        <translation>Việc của tôi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="113" />
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="114" />
        <source>Incoming register</source>
        <translation>Sổ văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="115" />
        <source>Outgoing register</source>
        <translation>Sổ văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="116" />
        <source>Other registers</source>
        <translation>Sổ khác</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="117" />
        <source>Progress overview</source>
        <translation>Tiến độ xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="118" />
        <source>Drafts</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="119" />
        <source>To send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="120" />
        <source>Exchange</source>
        <translation>Liên thông</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="121" />
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
</context>
<context>
    <name>NotPresentedDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="41" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="42" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="43" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="44" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="45" />
        <source>Registered</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="46" />
        <source>Present by</source>
        <translation>Hạn trình</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="71" />
        <source>Not presented today</source>
        <translation>Văn bản chưa trình trong ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="74" />
        <source>Registered documents that must reach a leader by the end of this working day (urgent ones at once). Red: already late.</source>
        <translation>Văn bản đến đã đăng ký phải trình lãnh đạo trước khi hết ngày làm việc (văn bản khẩn phải trình ngay). Màu đỏ: đã trễ hạn trình.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="89" />
        <location filename="../../app/ui/dialogs/not_presented.py" line="185" />
        <source>Present all now</source>
        <translation>Trình tất cả ngay</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="93" />
        <source>Present the selected documents (all when none is selected) to the chosen leader (Ctrl+Enter)</source>
        <translation>Trình các văn bản đã chọn (tất cả nếu không chọn văn bản nào) cho lãnh đạo đã chọn (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="96" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="108" />
        <source>Present &amp;to:</source>
        <translation>Trình &amp;cho:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/dialogs/not_presented.py" line="138" />
        <source>%n document(s) to present</source>
        <translation>
            <numerusform>%n văn bản cần trình</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/dialogs/not_presented.py" line="140" />
        <source>%n late</source>
        <translation>
            <numerusform>%n văn bản trễ hạn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="141" />
        <source>Everything due today has been presented.</source>
        <translation>Đã trình đủ các văn bản đến hạn trong ngày.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/not_presented.py" line="185" />
        <source>Present selected now</source>
        <translation>Trình các văn bản đã chọn</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/dialogs/not_presented.py" line="223" />
        <source>%n document(s) presented to %1.</source>
        <translation>
            <numerusform>Đã trình %n văn bản cho đồng chí %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OtherRegistersPage</name>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="57" />
        <source>Other registers</source>
        <translation>Sổ khác</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="65" />
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="66" />
        <source>Correct…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="67" />
        <source>Cancel line…</source>
        <translation>Hủy dòng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="68" />
        <source>Returned…</source>
        <translation>Đã trả…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="69" />
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="70" />
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="71" />
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="72" />
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="77" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="91" />
        <source>Postal dispatch</source>
        <translation>Gửi văn bản đi bưu điện</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="92" />
        <source>Use of kept copies</source>
        <translation>Sử dụng bản lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="93" />
        <source>Follow-up of incoming documents</source>
        <translation>Theo dõi giải quyết văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="189" />
        <source>not returned</source>
        <translation>chưa trả</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/other_registers.py" line="206" />
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n dòng</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="217" />
        <source>Line recorded.</source>
        <translation>Đã ghi vào sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="229" />
        <source>Line corrected.</source>
        <translation>Đã sửa dòng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="241" />
        <source>Return recorded.</source>
        <translation>Đã ghi ngày trả.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="251" />
        <source>Cancel line no. %1</source>
        <translation>Hủy dòng số %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="252" />
        <source>Why is this line cancelled? It stays in the register with its number.</source>
        <translation>Vì sao hủy dòng này? Dòng vẫn ở lại trong sổ với số thứ tự của nó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="253" />
        <source>Cancel the line</source>
        <translation>Hủy dòng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="254" />
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="269" />
        <source>Line %1 cancelled; it stays in the register.</source>
        <translation>Đã hủy dòng %1; dòng vẫn ở lại trong sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="305" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="305" />
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="306" />
        <source>Export the register</source>
        <translation>Xuất sổ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="321" />
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="336" />
        <source>Print the register</source>
        <translation>In sổ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/other_registers.py" line="339" />
        <source>%1 entries written to %2.</source>
        <translation>Đã ghi %1 dòng vào %2.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="37" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="38" />
        <source>Open</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="39" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="40" />
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="41" />
        <source>Finished</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="44" />
        <source>open</source>
        <translation>chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="45" />
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="46" />
        <source>due soon</source>
        <translation>sắp đến hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="47" />
        <source>finished</source>
        <translation>đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="48" />
        <source>all</source>
        <translation>tất cả</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="83" />
        <source>Progress overview</source>
        <translation>Tiến độ xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="87" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="94" />
        <source>Double-click a number to see the assignments behind it.</source>
        <translation>Nhấp đúp vào một con số để xem các việc được giao tương ứng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="97" />
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="98" />
        <source>Person</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="99" />
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="101" />
        <source>By person</source>
        <translation>Theo cá nhân</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="109" />
        <source>Assignments</source>
        <translation>Phân công xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="110" />
        <source>Double-click a number above.</source>
        <translation>Nhấp đúp vào một con số ở trên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="153" />
        <source>as of %1</source>
        <translation>tính đến ngày %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="185" />
        <source>No assignments in hand.</source>
        <translation>Không có việc đang xử lý.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="213" />
        <source>%1 — %2 assignments</source>
        <translation>%1 — việc %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="218" />
        <source>Listing these assignments is not available yet.</source>
        <translation>Phiên bản này chưa liệt kê được các việc này.</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="107" />
        <source>Rotate left</source>
        <translation>Xoay trái</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="109" />
        <source>Turn the selected pages a quarter to the left (Ctrl+Left)</source>
        <translation>Xoay các trang đang chọn 90° sang trái (Ctrl+Left)</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="111" />
        <source>Rotate right</source>
        <translation>Xoay phải</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="113" />
        <source>Turn the selected pages a quarter to the right (Ctrl+Right)</source>
        <translation>Xoay các trang đang chọn 90° sang phải (Ctrl+Right)</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="115" />
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="117" />
        <source>Remove the selected pages (Delete)</source>
        <translation>Xóa các trang đang chọn (Delete)</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="119" />
        <source>Keep blank page</source>
        <translation>Giữ trang trắng</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="122" />
        <source>Blank pages are left out of the document; keep the selected one after all.</source>
        <translation>Trang trắng được bỏ ra khỏi văn bản; bấm để giữ lại trang đang chọn.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="124" />
        <source>New document here</source>
        <translation>Văn bản mới từ đây</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="127" />
        <source>Start a new document at the selected page (Ctrl+B); press again to join it to the document before.</source>
        <translation>Bắt đầu văn bản mới từ trang đang chọn (Ctrl+B); bấm lần nữa để gộp lại với văn bản trước.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="130" />
        <source>Rescan page</source>
        <translation>Quét lại trang</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="132" />
        <source>Scan the selected page again from the chosen scanner and replace it.</source>
        <translation>Quét lại trang đang chọn bằng máy quét đã chọn và thay thế trang đó.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="136" />
        <source>Insert pages</source>
        <translation>Chèn trang</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="137" />
        <source>Add pages after the selected page (at the end when none is selected).</source>
        <translation>Thêm trang vào sau trang đang chọn (vào cuối nếu chưa chọn trang nào).</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="140" />
        <source>From the scanner</source>
        <translation>Từ máy quét</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="143" />
        <source>From files…</source>
        <translation>Từ tệp…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="150" />
        <source>One document</source>
        <translation>Một văn bản</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="151" />
        <source>At blank separator sheets</source>
        <translation>Tại tờ phân cách trắng</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="152" />
        <source>At barcode/QR separator sheets</source>
        <translation>Tại tờ phân cách có mã vạch/QR</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="153" />
        <source>Every N pages</source>
        <translation>Mỗi N trang</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="154" />
        <source>How this batch is split into documents; “New document here” splits by hand as well.</source>
        <translation>Cách tách tập quét này thành các văn bản; nút “Văn bản mới từ đây” để tách thủ công.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="160" />
        <source> page(s)</source>
        <translation> trang</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="176" />
        <source>Split the batch:</source>
        <translation>Tách tập quét:</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="480" />
        <source>%1 · separator</source>
        <translation>%1 · tờ phân cách</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="482" />
        <source>%1 · blank, left out</source>
        <translation>%1 · trắng, đã bỏ</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="484" />
        <source>%1 · blank, kept</source>
        <translation>%1 · trắng, giữ lại</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="488" />
        <source>Document %1</source>
        <translation>Văn bản %1</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="491" />
        <source>Separator sheet: it belongs to no document and is discarded after registration</source>
        <translation>Tờ phân cách: không thuộc văn bản nào và được bỏ đi sau khi đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="493" />
        <source>Blank page: double-click or press “Keep blank page” to keep it</source>
        <translation>Trang trắng: nhấp đúp hoặc bấm “Giữ trang trắng” để giữ lại</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="504" />
        <source>%1 page(s)</source>
        <translation>%1 trang</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="507" />
        <source>%1 documents</source>
        <translation>%1 văn bản</translation>
    </message>
    <message>
        <location filename="../../app/widgets/page_strip.py" line="509" />
        <source>%1 blank left out</source>
        <translation>%1 trang trắng đã bỏ</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../app/widgets/pdf_view.py" line="33" />
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pdf_view.py" line="34" />
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pdf_view.py" line="35" />
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pdf_view.py" line="36" />
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pdf_view.py" line="37" />
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pdf_view.py" line="37" />
        <source>Fit the page width to the window</source>
        <translation>Khớp chiều rộng trang với cửa sổ</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pdf_view.py" line="95" />
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>PendingRecallsRow</name>
    <message>
        <location filename="../../app/ui/pages/pending_recalls.py" line="37" />
        <source>Open document to answer</source>
        <translation>Mở văn bản để trả lời</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/pending_recalls.py" line="39" />
        <source>Agree (the document is marked recalled) or refuse with a reason on the document's view.</source>
        <translation>Đồng ý (văn bản được ghi nhận là đã bị lấy lại) hoặc từ chối kèm lý do ngay trên màn hình xem văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/pending_recalls.py" line="77" />
        <source>Recall requests waiting for an answer (%1)</source>
        <translation>Đề nghị lấy lại văn bản đang chờ trả lời (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/pending_recalls.py" line="93" />
        <source>%1 · %2 — asked back by %3: %4</source>
        <translation>%1 · %2 — %3 đề nghị lấy lại: %4</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="99" />
        <source>Token PIN</source>
        <translation>Mã PIN của token</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="121" />
        <source>PIN of the token</source>
        <translation>Mã PIN của token</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="122" />
        <source>Remember the PIN until I log out</source>
        <translation>Ghi nhớ mã PIN đến khi đăng xuất</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="126" />
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="131" />
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="133" />
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="205" />
        <source>No token is plugged in. Plug in your token and open this dialog again.</source>
        <translation>Chưa cắm token. Hãy cắm token rồi mở lại hộp thoại này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="217" />
        <source>This token holds no signing certificate.</source>
        <translation>Token này không có chứng thư số dùng để ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="221" />
        <source>Holder: {subject}
Issuer: {issuer}
Valid from {start} to {end}</source>
        <translation>Chủ sở hữu: {subject}
Đơn vị cấp: {issuer}
Hiệu lực từ {start} đến {end}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="227" />
        <source>The PIN of this token is locked. Ask whoever issued the token to unlock it.</source>
        <translation>Mã PIN của token này đã bị khóa. Hãy đề nghị đơn vị cấp token mở khóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="229" />
        <source>Careful: one more wrong PIN locks this token.</source>
        <translation>Cẩn thận: nhập sai mã PIN thêm một lần nữa token sẽ bị khóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="231" />
        <source>A wrong PIN was entered on this token recently; a few more wrong tries lock it.</source>
        <translation>Token này vừa bị nhập sai mã PIN; nhập sai thêm vài lần nữa token sẽ bị khóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/pin.py" line="239" />
        <source>Type the PIN of the token.</source>
        <translation>Hãy nhập mã PIN của token.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="40" />
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="41" />
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="42" />
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="43" />
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="44" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="45" />
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="46" />
        <source>Back</source>
        <translation>Lùi lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="47" />
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="48" />
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="49" />
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="50" />
        <source>List View</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="51" />
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="52" />
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="53" />
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="54" />
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="55" />
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="20" />
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="21" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="22" />
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="23" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="24" />
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="25" />
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="26" />
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="27" />
        <source>N&amp;o to All</source>
        <translation>&amp;Không với tất cả</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="28" />
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="29" />
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="30" />
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="31" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="32" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="33" />
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="34" />
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="35" />
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="36" />
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="37" />
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>RegisterCheckDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="58" />
        <source>main file</source>
        <translation>tệp chính</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="59" />
        <source>appendix</source>
        <translation>phụ lục</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="61" />
        <source>This file is the one in the register: the {role} of document {number}.</source>
        <translation>Tệp này đúng là tệp trong sổ: {role} của văn bản số {number}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="63" />
        <source>No document in the register has this file or any of its signatures. Treat it as an outside copy: ask the sender for the registered file if it matters.</source>
        <translation>Không có văn bản nào trong sổ có tệp này hoặc chữ ký của tệp này. Hãy coi đây là bản sao từ bên ngoài; khi cần, đề nghị nơi gửi cung cấp đúng tệp đã vào sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="66" />
        <source>This file is not in the register and carries no digital signature.</source>
        <translation>Tệp này không có trong sổ và không có chữ ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="68" />
        <source>The file cannot be read as a PDF. Choose a PDF file and check again.</source>
        <translation>Không đọc được tệp này dưới dạng PDF. Hãy chọn một tệp PDF rồi kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="70" />
        <source>(not numbered yet)</source>
        <translation>(chưa cấp số)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="107" />
        <source>Check a file against the register</source>
        <translation>Đối chiếu tệp với sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="109" />
        <source>File: %1</source>
        <translation>Tệp: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="112" />
        <source>Comparing the file with the register…</source>
        <translation>Đang đối chiếu tệp với sổ đăng ký…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="132" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="133" />
        <source>Open the registered document</source>
        <translation>Mở văn bản trong sổ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="142" />
        <source>Digital signatures of this file:</source>
        <translation>Chữ ký số của tệp này:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="177" />
        <source>Register: %1</source>
        <translation>Sổ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="179" />
        <source>Registered file: %1</source>
        <translation>Tệp trong sổ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_check.py" line="188" />
        <source>The file carries no digital signature.</source>
        <translation>Tệp không có chữ ký số.</translation>
    </message>
</context>
<context>
    <name>RegisterIncomingDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="69" />
        <source>Register an incoming document</source>
        <translation>Đăng ký văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="85" />
        <source>No file chosen</source>
        <translation>Chưa chọn tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="88" />
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="94" />
        <source>Type to search the agency directory</source>
        <translation>Gõ để tìm trong danh bạ cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="115" />
        <source>from the file</source>
        <translation>theo tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="130" />
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="131" />
        <source>Issuing agency:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="132" />
        <source>Number/notation:</source>
        <translation>Số, ký hiệu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="133" />
        <source>Issued on:</source>
        <translation>Ngày ban hành:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="134" />
        <source>Document type:</source>
        <translation>Loại văn bản:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="135" />
        <source>Summary:</source>
        <translation>Trích yếu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="138" />
        <source>Confidentiality:</source>
        <translation>Độ mật:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="140" />
        <source>Urgency:</source>
        <translation>Độ khẩn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="141" />
        <source>Restriction stamp:</source>
        <translation>Dấu phạm vi lưu hành:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="142" />
        <source>Pages:</source>
        <translation>Số trang:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="143" />
        <source>Receiving unit:</source>
        <translation>Đơn vị nhận:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="144" />
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="153" />
        <source>Register anyway</source>
        <translation>Vẫn đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="164" />
        <location filename="../../app/ui/dialogs/register_incoming.py" line="396" />
        <source>Register</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="165" />
        <source>Cancel</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="189" />
        <source>Not secret</source>
        <translation>Không mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="190" />
        <source>Secret (Mật)</source>
        <translation>Mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="191" />
        <source>Top secret (Tối mật)</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="192" />
        <source>Absolute secret (Tuyệt mật)</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="197" />
        <source>None</source>
        <translation>Không</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="226" />
        <source>Choose the scanned or received file</source>
        <translation>Chọn tệp văn bản đã quét hoặc đã nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="226" />
        <source>PDF or image (%1)</source>
        <translation>PDF hoặc ảnh (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="236" />
        <source>%1 — checking…</source>
        <translation>%1 — đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="253" />
        <source>%1 — %2 page(s), %3 KB</source>
        <translation>%1 — %2 trang, %3 KB</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="347" />
        <source>Choose the file of the document (PDF or image).</source>
        <translation>Hãy chọn tệp của văn bản (PDF hoặc ảnh).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_incoming.py" line="396" />
        <source>Registering…</source>
        <translation>Đang đăng ký…</translation>
    </message>
</context>
<context>
    <name>RegisterLineDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="61" />
        <source>Record a postal dispatch</source>
        <translation>Ghi sổ gửi văn bản đi bưu điện</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="61" />
        <source>Record the use of a kept copy</source>
        <translation>Ghi sổ sử dụng bản lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="63" />
        <source>Correct line no. %1</source>
        <translation>Sửa dòng số %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="71" />
        <source>(not linked to a document)</source>
        <translation>(không gắn với văn bản)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="76" />
        <source>Outgoing document</source>
        <translation>Văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="95" />
        <source>Dispatch date</source>
        <translation>Ngày chuyển</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="96" />
        <source>Number and notation</source>
        <translation>Số, ký hiệu văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="97" />
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="98" />
        <source>Envelopes</source>
        <translation>Số lượng bì</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="120" />
        <source>Date of use</source>
        <translation>Ngày sử dụng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="121" />
        <source>Used by</source>
        <translation>Người sử dụng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="122" />
        <source>Number, notation and date</source>
        <translation>Số, ký hiệu, ngày tháng văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="123" />
        <source>Type and summary</source>
        <translation>Tên loại và trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="124" />
        <source>Dossier</source>
        <translation>Số và ký hiệu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="125" />
        <source>Approved by</source>
        <translation>Người cho phép sử dụng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="126" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="130" />
        <source>Reason for the correction</source>
        <translation>Lý do sửa</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="135" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="136" />
        <source>Cancel</source>
        <translation>Hủy bỏ</translation>
    </message>
</context>
<context>
    <name>RegistryBookDialog</name>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="274" />
        <source>Administrative documents</source>
        <translation>Văn bản hành chính</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="275" />
        <source>Legal normative documents of one type</source>
        <translation>Văn bản quy phạm pháp luật (theo từng loại)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="276" />
        <source>Secret documents</source>
        <translation>Văn bản mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="277" />
        <source>Copies (sao y, trích sao, sao lục)</source>
        <translation>Bản sao (sao y, trích sao, sao lục)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="278" />
        <source>An advisory body (council, board, team)</source>
        <translation>Tổ chức tư vấn (Hội đồng, Ban, Tổ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="279" />
        <source>Incoming documents</source>
        <translation>Văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="280" />
        <source>Incoming secret documents</source>
        <translation>Văn bản đến mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="285" />
        <source>Add a registry book</source>
        <translation>Thêm sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="294" />
        <source>Abbreviation of the advisory body, e.g. HĐTĐ</source>
        <translation>Chữ viết tắt của tổ chức tư vấn, ví dụ HĐTĐ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="299" />
        <source>Secret register (kept apart, never sent electronically)</source>
        <translation>Sổ mật (quản lý riêng, không gửi qua mạng)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="301" />
        <source>Number series</source>
        <translation>Hệ thống số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="302" />
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="303" />
        <source>Advisory body</source>
        <translation>Tổ chức tư vấn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="304" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="305" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="332" />
        <source>Incoming register</source>
        <translation>Sổ đăng ký văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="332" />
        <source>Outgoing register</source>
        <translation>Sổ đăng ký văn bản đi</translation>
    </message>
</context>
<context>
    <name>RegistryBookPage</name>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="102" />
        <source>Incoming register</source>
        <translation>Sổ văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="102" />
        <source>Outgoing register</source>
        <translation>Sổ văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="110" />
        <source>Register incoming…</source>
        <translation>Đăng ký văn bản đến…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="112" />
        <source>Register a received document (Ctrl+N); you can also drop a PDF or an image on this page</source>
        <translation>Đăng ký văn bản nhận được (Ctrl+N); cũng có thể kéo thả tệp PDF hoặc ảnh vào trang này</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="118" />
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="121" />
        <source>Excel (.xlsx)…</source>
        <translation>Excel (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="122" />
        <source>PDF (printed register)…</source>
        <translation>PDF (sổ in)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="124" />
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="159" />
        <location filename="../../app/ui/pages/registry_book.py" line="514" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="161" />
        <location filename="../../app/ui/pages/registry_book.py" line="516" />
        <source>Correct entry…</source>
        <translation>Sửa mục…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="164" />
        <location filename="../../app/ui/pages/registry_book.py" line="517" />
        <source>Cancel number…</source>
        <translation>Hủy số…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="167" />
        <location filename="../../app/ui/pages/registry_book.py" line="518" />
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="179" />
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="180" />
        <source>Stop the export; no file is left behind</source>
        <translation>Dừng xuất sổ; không để lại tệp dở dang</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="213" />
        <source>Search number, issuer, summary… (Ctrl+F)</source>
        <translation>Tìm số, cơ quan ban hành, trích yếu… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="219" />
        <source>All types</source>
        <translation>Mọi loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="225" />
        <source>Any issuer</source>
        <translation>Mọi cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="230" />
        <source>Any urgency</source>
        <translation>Mọi độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="231" />
        <source>Urgent or higher</source>
        <translation>Từ Khẩn trở lên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="236" />
        <source>Any state</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="243" />
        <source>Any receiving unit</source>
        <translation>Mọi đơn vị nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="243" />
        <source>Any recipient</source>
        <translation>Mọi nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="248" />
        <source>Clear</source>
        <translation>Xóa lọc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="249" />
        <source>Clear the search and all filters</source>
        <translation>Xóa nội dung tìm kiếm và mọi điều kiện lọc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="267" />
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="269" />
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="285" />
        <source>Registration period; “—” means no limit</source>
        <translation>Thời gian đăng ký; “—” là không giới hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="404" />
        <source>%1 entries</source>
        <translation>%1 mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="406" />
        <source>%1+ results</source>
        <translation>%1+ kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="408" />
        <source>%1 results</source>
        <translation>%1 kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="548" />
        <source>Registered as incoming number %1.</source>
        <translation>Đã đăng ký với số đến %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="583" />
        <source>Entry corrected.</source>
        <translation>Đã sửa mục.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="595" />
        <source>Number %1 cancelled; it stays in the book.</source>
        <translation>Đã hủy số %1; số vẫn được giữ trong sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="629" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="629" />
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="630" />
        <source>Export the register</source>
        <translation>Xuất sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="651" />
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="658" />
        <location filename="../../app/ui/pages/registry_book.py" line="675" />
        <source>Export cancelled.</source>
        <translation>Đã hủy xuất sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="669" />
        <source>Exporting… %1 of %2 entries</source>
        <translation>Đang xuất… %1 / %2 mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="683" />
        <source>%1 entries written to %2.</source>
        <translation>Đã ghi %1 mục vào %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="693" />
        <source>Print the register</source>
        <translation>In sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="711" />
        <source>The register could not be sent to the printer; it opens in the PDF viewer instead.</source>
        <translation>Không gửi được sổ tới máy in; sổ sẽ được mở bằng trình xem PDF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="366" />
        <source>No registry book for this year yet.</source>
        <translation>Chưa có sổ đăng ký cho năm nay.</translation>
    </message>
</context>
<context>
    <name>ReturnDateDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="237" />
        <source>Kept copy returned</source>
        <translation>Trả bản lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="246" />
        <source>Returned on</source>
        <translation>Ngày trả</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="248" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/register_line.py" line="249" />
        <source>Cancel</source>
        <translation>Hủy bỏ</translation>
    </message>
</context>
<context>
    <name>ScanProfilesDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="32" />
        <source>Scan profiles</source>
        <translation>Cấu hình quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="39" />
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="42" />
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="50" />
        <source>Document feeder</source>
        <translation>Khay nạp giấy tự động</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="51" />
        <source>Document feeder, both sides</source>
        <translation>Khay nạp giấy tự động, quét hai mặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="52" />
        <source>Flatbed glass</source>
        <translation>Mặt kính phẳng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="56" />
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="71" />
        <source>Greyscale</source>
        <translation>Thang xám</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="56" />
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="71" />
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="57" />
        <source>Black and white (line art)</source>
        <translation>Đen trắng (nét)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="62" />
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="156" />
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="66" />
        <source>Largest the scanner takes</source>
        <translation>Khổ lớn nhất của máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="70" />
        <source>Black and white (smallest file)</source>
        <translation>Đen trắng (tệp nhỏ nhất)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="73" />
        <source>What the PDF keeps. Capture in greyscale and keep black and white: text recognition reads greyscale far better.</source>
        <translation>Dạng ảnh lưu trong PDF. Nên quét thang xám và lưu đen trắng: nhận dạng chữ đọc ảnh xám tốt hơn nhiều.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="88" />
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="89" />
        <source>Source:</source>
        <translation>Nguồn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="90" />
        <source>Colour mode:</source>
        <translation>Chế độ màu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="91" />
        <source>Resolution:</source>
        <translation>Độ phân giải:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="92" />
        <source>Page size:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="93" />
        <source>Kept in the PDF as:</source>
        <translation>Lưu trong PDF dạng:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="124" />
        <source>New profile</source>
        <translation>Cấu hình quét mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scan_profiles.py" line="127" />
        <source>New profile %1</source>
        <translation>Cấu hình quét mới %1</translation>
    </message>
</context>
<context>
    <name>ServedCommunesBox</name>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="253" />
        <source>Communes served by USB</source>
        <translation>Các xã phục vụ qua USB</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="260" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="260" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="260" />
        <source>System id</source>
        <translation>Mã hệ thống</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="260" />
        <source>Secret on this computer</source>
        <translation>Mật khẩu trên máy này</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="261" />
        <source>Held</source>
        <translation>Đang giữ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="263" />
        <source>Add a commune…</source>
        <translation>Thêm xã…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="266" />
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="290" />
        <source>set</source>
        <translation>đã đặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/commune_relay.py" line="290" />
        <source>missing: %1</source>
        <translation>chưa đặt: %1</translation>
    </message>
</context>
<context>
    <name>SignDocumentDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/sign_document.py" line="63" />
        <source>Sign the document</source>
        <translation>Ký số văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_document.py" line="79" />
        <source>Reset position</source>
        <translation>Đặt lại vị trí</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_document.py" line="91" />
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_document.py" line="97" />
        <source>The preview is not available; the signature goes into the signer block prepared when the draft was submitted.</source>
        <translation>Không xem trước được; chữ ký sẽ được đặt vào vị trí ký đã chuẩn bị khi trình ký dự thảo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_document.py" line="150" />
        <source>The signature will be placed where you moved it (the draft is prepared again with the new position before it is signed).</source>
        <translation>Chữ ký sẽ được đặt tại vị trí bạn đã kéo đến (dự thảo được chuẩn bị lại theo vị trí mới trước khi ký số).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_document.py" line="153" />
        <source>Drag the blue box to move your signature (the red circle is where the seal goes); the arrow keys move it one point at a time.</source>
        <translation>Kéo khung màu xanh để di chuyển chữ ký (vòng tròn đỏ là vị trí đóng dấu); các phím mũi tên dịch chuyển từng điểm một.</translation>
    </message>
</context>
<context>
    <name>SignatureBadge</name>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="158" />
        <source>Signed at {time}</source>
        <translation>Ký lúc {time}</translation>
    </message>
</context>
<context>
    <name>SignatureBadges</name>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="30" />
        <source>Valid signature</source>
        <translation>Chữ ký số hợp lệ</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="31" />
        <source>Intact, but not trusted</source>
        <translation>Toàn vẹn nhưng chưa được tin cậy</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="32" />
        <source>Invalid signature</source>
        <translation>Chữ ký số không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="35" />
        <source>Personal signature</source>
        <translation>Chữ ký số cá nhân</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="36" />
        <source>Organisation signature</source>
        <translation>Chữ ký số cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="39" />
        <source>The document was altered after this signature: the signature is broken.</source>
        <translation>Văn bản đã bị sửa đổi sau khi ký: chữ ký số không còn toàn vẹn.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="41" />
        <source>The signature value does not match the signer's certificate.</source>
        <translation>Giá trị chữ ký không khớp với chứng thư số của người ký.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="43" />
        <source>The certificate does not lead to a trusted root certificate on this computer.</source>
        <translation>Chứng thư số không dẫn đến chứng thư gốc tin cậy nào trên máy này.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="45" />
        <source>The certificate has been revoked by its CA.</source>
        <translation>Chứng thư số đã bị tổ chức cung cấp dịch vụ chứng thực thu hồi.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="46" />
        <source>The certificate had expired.</source>
        <translation>Chứng thư số đã hết hiệu lực.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="47" />
        <source>The certificate was not yet valid when it signed.</source>
        <translation>Chứng thư số chưa có hiệu lực tại thời điểm ký.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="49" />
        <source>The document was changed after this signature in a way it does not allow.</source>
        <translation>Văn bản đã bị thay đổi sau khi ký theo cách chữ ký này không cho phép.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="51" />
        <source>Not a specialised (chuyên dùng) government signature.</source>
        <translation>Không phải chữ ký số chuyên dùng Chính phủ.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="53" />
        <source>Signature fields added after certification were accepted, as other signing tools do.</source>
        <translation>Các trường chữ ký được thêm sau chữ ký xác nhận được chấp nhận, như cách các công cụ ký số khác làm.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="55" />
        <source>Signed after the organisation's seal: the competent person must sign first.</source>
        <translation>Ký sau chữ ký số của cơ quan: người có thẩm quyền phải ký trước.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="57" />
        <source>The file cannot be read as a PDF.</source>
        <translation>Không đọc được tệp dưới dạng PDF.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="58" />
        <source>The document carries no digital signature.</source>
        <translation>Văn bản không có chữ ký số.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="61" />
        <source>Revocation not checked (no revocation list available).</source>
        <translation>Chưa kiểm tra tình trạng thu hồi (không có danh sách thu hồi).</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="62" />
        <source>Not revoked.</source>
        <translation>Chưa bị thu hồi.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="65" />
        <source>Not revoked (checked online with the CA's OCSP service).</source>
        <translation>Chưa bị thu hồi (đã kiểm tra trực tuyến qua dịch vụ OCSP của tổ chức cung cấp dịch vụ chứng thực).</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="66" />
        <source>Not revoked (checked with the CA's revocation list, fetched online).</source>
        <translation>Chưa bị thu hồi (đã kiểm tra theo danh sách thu hồi của tổ chức cung cấp dịch vụ chứng thực, tải trực tuyến).</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="68" />
        <source>Not revoked (checked with a saved revocation list file).</source>
        <translation>Chưa bị thu hồi (đã kiểm tra theo tệp danh sách thu hồi đã lưu).</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="71" />
        <source>The CA's OCSP service reports the revocation.</source>
        <translation>Dịch vụ OCSP của tổ chức cung cấp dịch vụ chứng thực báo chứng thư số đã bị thu hồi.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="72" />
        <source>The CA's revocation list, fetched online, lists the certificate.</source>
        <translation>Danh sách thu hồi của tổ chức cung cấp dịch vụ chứng thực (tải trực tuyến) có tên chứng thư số này.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="74" />
        <source>A saved revocation list file lists the certificate.</source>
        <translation>Tệp danh sách thu hồi đã lưu có tên chứng thư số này.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="77" />
        <source>Revocation not checked: online checking is turned off in the settings.</source>
        <translation>Chưa kiểm tra tình trạng thu hồi: chức năng kiểm tra trực tuyến đang tắt trong cấu hình.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="79" />
        <source>Revocation not checked: restricted documents are verified offline only.</source>
        <translation>Chưa kiểm tra tình trạng thu hồi: văn bản mật hoặc hạn chế phạm vi chỉ được kiểm tra ngoại tuyến.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="81" />
        <source>Revocation not checked: the CA's server could not be reached ({detail}).</source>
        <translation>Chưa kiểm tra tình trạng thu hồi: không kết nối được máy chủ của tổ chức cung cấp dịch vụ chứng thực ({detail}).</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="83" />
        <source>Revocation not checked: the CA's server did not give a valid answer ({detail}).</source>
        <translation>Chưa kiểm tra tình trạng thu hồi: máy chủ của tổ chức cung cấp dịch vụ chứng thực không trả lời hợp lệ ({detail}).</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="85" />
        <source>Revocation not checked: the certificate names no revocation address and no revocation list is saved.</source>
        <translation>Chưa kiểm tra tình trạng thu hồi: chứng thư số không ghi địa chỉ tra cứu thu hồi và chưa lưu danh sách thu hồi nào.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="88" />
        <source>Revocation not checked: the certificate does not chain to a trusted root.</source>
        <translation>Chưa kiểm tra tình trạng thu hồi: chứng thư số không dẫn tới chứng thư gốc tin cậy.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="193" />
        <source>Export report…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="195" />
        <source>Save this verification as a PDF report</source>
        <translation>Lưu kết quả kiểm tra chữ ký số này thành báo cáo PDF</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="222" />
        <source>Checking the digital signatures…</source>
        <translation>Đang kiểm tra chữ ký số…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_badges.py" line="237" />
        <source>{valid} of {count} signatures valid</source>
        <translation>{valid}/{count} chữ ký số hợp lệ</translation>
    </message>
</context>
<context>
    <name>SignaturePreview</name>
    <message>
        <location filename="../../app/widgets/signature_preview.py" line="188" />
        <source>The page cannot be shown.</source>
        <translation>Không hiển thị được trang này.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_preview.py" line="216" />
        <source>Signature</source>
        <translation>Chữ ký</translation>
    </message>
    <message>
        <location filename="../../app/widgets/signature_preview.py" line="219" />
        <source>Seal</source>
        <translation>Con dấu</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="47" />
        <source>Axis: not connected yet</source>
        <translation>Trục liên thông: chưa kết nối</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="49" />
        <source>Axis: online</source>
        <translation>Trục liên thông: trực tuyến</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="51" />
        <source>Axis: offline</source>
        <translation>Trục liên thông: mất kết nối</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="53" />
        <source>syncing…</source>
        <translation>đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="54" />
        <source>to send: %1</source>
        <translation>chờ gửi: %1</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="56" />
        <source>refused: %1</source>
        <translation>bị từ chối: %1</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="58" />
        <source>quarantine: %1</source>
        <translation>cách ly: %1</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="60" />
        <source>communes not collected: %1</source>
        <translation>xã chưa thu nhận được: %1</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="62" />
        <source>last sync %1</source>
        <translation>đồng bộ lúc %1</translation>
    </message>
    <message>
        <location filename="../../app/widgets/sync_status.py" line="65" />
        <source>Messages queued for the provincial axis go out when the link works; nothing is lost offline.</source>
        <translation>Thông điệp trong hàng đợi gửi sẽ được chuyển lên trục liên thông khi có kết nối; không mất dữ liệu khi ngoại tuyến.</translation>
    </message>
</context>
<context>
    <name>TaskNoteDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="65" />
        <source>Add progress</source>
        <translation>Cập nhật tiến độ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="66" />
        <source>Add input</source>
        <translation>Góp ý kiến phối hợp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="67" />
        <source>Finish the task</source>
        <translation>Hoàn thành xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="74" />
        <source>What has been done so far:</source>
        <translation>Những việc đã làm:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="75" />
        <source>Your input for the lead unit or person:</source>
        <translation>Ý kiến phối hợp gửi đơn vị, cá nhân chủ trì:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="76" />
        <source>Result of the handling (what was done, the outcome):</source>
        <translation>Kết quả xử lý (đã làm gì, kết quả ra sao):</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="84" />
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="86" />
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="91" />
        <source>No reply draft</source>
        <translation>Không có dự thảo văn bản trả lời</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="92" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="96" />
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="113" />
        <source>Reply draft made on the Drafts page (optional):</source>
        <translation>Dự thảo trả lời đã lập ở trang Dự thảo (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="115" />
        <source>Reply draft (optional; a PDF or DOCX file):</source>
        <translation>Dự thảo văn bản trả lời (không bắt buộc; tệp PDF hoặc DOCX):</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="124" />
        <source>Attached files:</source>
        <translation>Tệp đính kèm:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="154" />
        <source>Attach files</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="163" />
        <source>Reply draft</source>
        <translation>Dự thảo văn bản trả lời</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/task_note.py" line="163" />
        <source>Drafts (*.pdf *.docx *.doc *.odt);;All files (*)</source>
        <translation>Dự thảo (*.pdf *.docx *.doc *.odt);;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../app/ui/pages/overview.py" line="53" />
        <source>Part</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="59" />
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="60" />
        <source>Coordinator</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="63" />
        <source>Assigned</source>
        <translation>Đã giao</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="64" />
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="65" />
        <location filename="../../app/ui/pages/tasks.py" line="77" />
        <source>Finished</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="66" />
        <source>For information</source>
        <translation>Để biết</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="69" />
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="70" />
        <source>Input</source>
        <translation>Ý kiến phối hợp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="71" />
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="74" />
        <source>Open</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="75" />
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="76" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="78" />
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="113" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="114" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="115" />
        <source>My part</source>
        <translation>Vai trò của tôi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="116" />
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="117" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="118" />
        <source>Direction</source>
        <translation>Ý kiến chỉ đạo</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="189" />
        <source>My tasks</source>
        <translation>Việc của tôi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="196" />
        <location filename="../../app/ui/pages/tasks.py" line="207" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="221" />
        <source>Show more</source>
        <translation>Xem thêm</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="236" />
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="251" />
        <source>Open document</source>
        <translation>Mở văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="255" />
        <source>Leader's direction</source>
        <translation>Ý kiến chỉ đạo của lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="264" />
        <source>Progress notes</source>
        <translation>Tiến độ xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="267" />
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="267" />
        <source>By</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="267" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="267" />
        <source>Note</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="275" />
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="277" />
        <source>Save file as…</source>
        <translation>Lưu tệp thành…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="292" />
        <source>Add progress…</source>
        <translation>Cập nhật tiến độ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="295" />
        <source>Add input…</source>
        <translation>Góp ý kiến phối hợp…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="298" />
        <source>Finish…</source>
        <translation>Hoàn thành…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="362" />
        <source>Showing %1 of %2 task(s)</source>
        <translation>Đang hiển thị %1 trên %2 việc</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/tasks.py" line="365" />
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n việc</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="395" />
        <source>No tasks here.</source>
        <translation>Không có việc nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="395" />
        <source>Select a task to see its details.</source>
        <translation>Chọn một việc để xem chi tiết.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="429" />
        <source>(acting for %1)</source>
        <translation>(thay mặt %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="431" />
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="432" />
        <source>Coordinators</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="433" />
        <location filename="../../app/ui/pages/tasks.py" line="440" />
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="435" />
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="458" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="460" />
        <source>Double-click to open</source>
        <translation>Nhấp đúp để mở</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="465" />
        <source>No progress reported yet.</source>
        <translation>Chưa có báo cáo tiến độ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="534" />
        <source>Save file as</source>
        <translation>Lưu tệp thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tasks.py" line="542" />
        <source>The file could not be saved: %1</source>
        <translation>Không lưu được tệp: %1</translation>
    </message>
</context>
<context>
    <name>ToSend</name>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="28" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="29" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="30" />
        <source>Signed</source>
        <translation>Ký lúc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="31" />
        <source>Issued</source>
        <translation>Ban hành lúc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="32" />
        <source>Waited</source>
        <translation>Đã chờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="33" />
        <source>Send by</source>
        <translation>Hạn gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="34" />
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>ToSendPage</name>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="78" />
        <source>To send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="82" />
        <source>Send a signed document the day it is signed, at the latest by 12:00 of the next working day. Orange: not sent by closing time on the day of signing; red: late.</source>
        <translation>Văn bản đã ký số phải được gửi ngay trong ngày ký, chậm nhất trước 12 giờ ngày làm việc tiếp theo. Màu cam: chưa gửi khi hết giờ làm việc ngày ký; màu đỏ: trễ hạn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="88" />
        <source>Send</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="92" />
        <source>Send the selected document through the provincial axis to every recipient agency of its draft.</source>
        <translation>Gửi văn bản đang chọn qua trục liên thông tới mọi cơ quan nhận trong dự thảo của nó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/to_send.py" line="95" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/to_send.py" line="145" />
        <source>%n document(s) waiting</source>
        <translation>
            <numerusform>%n văn bản đang chờ gửi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/to_send.py" line="147" />
        <source>%n late</source>
        <translation>
            <numerusform>%n văn bản trễ hạn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokensAdminDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="73" />
        <source>Trust anchor</source>
        <translation>Chứng thư gốc tin cậy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="74" />
        <source>Chuyên dùng root (Ban Cơ yếu)</source>
        <translation>Chứng thư gốc chuyên dùng (Ban Cơ yếu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="75" />
        <source>Revocation list</source>
        <translation>Danh sách thu hồi</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="76" />
        <source>Demo root (demo mode only)</source>
        <translation>Chứng thư gốc thử nghiệm (chỉ ở chế độ demo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="77" />
        <source>Demo revocation list</source>
        <translation>Danh sách thu hồi thử nghiệm</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="206" />
        <source>Tokens and trust</source>
        <translation>Thiết bị ký số và tin cậy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="217" />
        <source>Tokens on this computer</source>
        <translation>Thiết bị ký số trên máy này</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="223" />
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="223" />
        <source>Serial</source>
        <translation>Số sê-ri</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="223" />
        <source>Model</source>
        <translation>Loại thiết bị</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="223" />
        <source>Certificate holder</source>
        <translation>Chủ sở hữu chứng thư</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="224" />
        <source>Issuer</source>
        <translation>Đơn vị cấp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="224" />
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="257" />
        <source>Valid from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="224" />
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="258" />
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="224" />
        <source>Agency seal</source>
        <translation>Dấu cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="234" />
        <source>Look for tokens again</source>
        <translation>Tìm lại thiết bị ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="237" />
        <source>Use as the agency's seal token</source>
        <translation>Dùng làm token đóng dấu của cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="251" />
        <source>Trusted roots and revocation lists</source>
        <translation>Chứng thư gốc tin cậy và danh sách thu hồi</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="257" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="257" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="257" />
        <source>Subject / issuer</source>
        <translation>Chủ thể / đơn vị cấp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="264" />
        <source>Add a root certificate…</source>
        <translation>Thêm chứng thư gốc…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="267" />
        <source>Add a chuyên dùng root…</source>
        <translation>Thêm chứng thư gốc chuyên dùng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="270" />
        <source>A Ban Cơ yếu Chính phủ root: signatures chaining to it are chữ ký số chuyên dùng</source>
        <translation>Chứng thư gốc của Ban Cơ yếu Chính phủ: chữ ký dẫn về chứng thư này là chữ ký số chuyên dùng</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="272" />
        <source>Add a revocation list (CRL)…</source>
        <translation>Thêm danh sách thu hồi (CRL)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="307" />
        <source>Looking for tokens…</source>
        <translation>Đang tìm thiết bị ký số…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="317" />
        <source>PKCS#11 module: %1</source>
        <translation>Thư viện PKCS#11: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="318" />
        <source>none found (set the token module in the settings)</source>
        <translation>không tìm thấy (khai báo thư viện token trong phần cài đặt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="324" />
        <source>no signing certificate</source>
        <translation>không có chứng thư ký số</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="340" />
        <source>%n token(s) found.</source>
        <translation>
            <numerusform>Tìm thấy %n thiết bị ký số.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="342" />
        <source>No seal token is chosen yet: select the agency's token and use it for the seal.</source>
        <translation>Chưa chọn token đóng dấu: chọn token của cơ quan rồi bấm dùng làm token đóng dấu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="344" />
        <source>No token found. Plug in the tokens and look again.</source>
        <translation>Không tìm thấy thiết bị ký số. Cắm token vào rồi tìm lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="379" />
        <source>"%1" now signs as the agency's seal.</source>
        <translation>"%1" từ nay được dùng để ký đóng dấu của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="390" />
        <source>No trust folder is configured.</source>
        <translation>Chưa cấu hình thư mục chứng thư tin cậy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="393" />
        <source>Unreadable: %1</source>
        <translation>Không đọc được: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="402" />
        <source>Revocation lists (*.crl)</source>
        <translation>Danh sách thu hồi (*.crl)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="404" />
        <source>Certificates (*.pem *.cer *.crt *.der)</source>
        <translation>Chứng thư số (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="405" />
        <source>Choose the file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tokens_admin.py" line="415" />
        <source>%1 was added to %2.</source>
        <translation>Đã thêm %1 vào %2.</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="52" />
        <source>Update the sent document</source>
        <translation>Cập nhật văn bản đã gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="62" />
        <source>Required: what was wrong</source>
        <translation>Bắt buộc: thông tin nào bị sai</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="64" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="65" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="66" />
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="67" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document_changes.py" line="72" />
        <source>The recipients get the corrected details; the signed file stays the same.</source>
        <translation>Nơi nhận sẽ nhận thông tin đã sửa; tệp văn bản đã ký giữ nguyên.</translation>
    </message>
</context>
</TS>