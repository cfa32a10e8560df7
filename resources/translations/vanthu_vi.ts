<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
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
        <location filename="../../app/ui/pages/admin.py" line="124" />
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
        <location filename="../../app/ui/pages/admin.py" line="76" />
        <source>Integrity check</source>
        <translation>Kiểm tra toàn vẹn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="77" />
        <source>Run integrity check</source>
        <translation>Kiểm tra toàn vẹn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="80" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="89" />
        <source>Verifies that every stored file matches its SHA-256 and that the audit log chain is unbroken.</source>
        <translation>Kiểm tra mọi tệp lưu trữ còn khớp mã SHA-256 và chuỗi nhật ký thao tác không bị đứt, không bị sửa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="122" />
        <source>Agency code</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="64" />
        <location filename="../../app/ui/pages/admin.py" line="123" />
        <source>Name</source>
        <translation>Tên cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="125" />
        <source>Governing body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="126" />
        <source>Place name</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="139" />
        <location filename="../../app/ui/pages/admin.py" line="147" />
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="139" />
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="164" />
        <source>Registry book not added</source>
        <translation>Chưa thêm được sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="184" />
        <source>The check was cancelled.</source>
        <translation>Đã hủy việc kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="206" />
        <source>Checked %1 stored file(s) and %2 audit event(s).</source>
        <translation>Đã kiểm tra %1 tệp lưu trữ và %2 sự kiện nhật ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="211" />
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="211" />
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="214" />
        <source>Everything is consistent.</source>
        <translation>Tất cả đều nhất quán.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="216" />
        <source>Problems found: restore the affected files or the database from a backup.</source>
        <translation>Phát hiện lỗi: hãy khôi phục các tệp bị ảnh hưởng hoặc cơ sở dữ liệu từ bản sao lưu.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/ui/application.py" line="82" />
        <source>Open the backup folder</source>
        <translation>Mở thư mục sao lưu</translation>
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
    <name>DocumentPage</name>
    <message>
        <location filename="../../app/ui/pages/document.py" line="35" />
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="36" />
        <source>Back to the list (Alt+Left)</source>
        <translation>Quay lại danh sách (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="48" />
        <source>The PDF file cannot be displayed.</source>
        <translation>Không hiển thị được tệp PDF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="51" />
        <source>Document details</source>
        <translation>Thông tin văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="55" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="56" />
        <source>Date</source>
        <translation>Ngày văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="57" />
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="58" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="59" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="60" />
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="61" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="62" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="63" />
        <source>Direction</source>
        <translation>Văn bản đến/đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="64" />
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="72" />
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="120" />
        <source>This document has no PDF file to display.</source>
        <translation>Văn bản này không có tệp PDF để hiển thị.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="139" />
        <source>(not numbered yet)</source>
        <translation>(chưa cấp số)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="152" />
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/document.py" line="155" />
        <source>No files.</source>
        <translation>Không có tệp.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="20" />
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="24" />
        <source>All documents</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="25" />
        <source>Incoming</source>
        <translation>Văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="26" />
        <source>Outgoing</source>
        <translation>Văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="32" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="33" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="34" />
        <source>Direction</source>
        <translation>Văn bản đến/đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="35" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="36" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="37" />
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="38" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/documents.py" line="47" />
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/documents.py" line="59" />
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n văn bản</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="15" />
        <source>Records clerk</source>
        <translation>Văn thư</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="16" />
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="17" />
        <source>Deputy leader</source>
        <translation>Cấp phó</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="18" />
        <source>Specialist</source>
        <translation>Chuyên viên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="19" />
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="23" />
        <source>Normal</source>
        <translation>Thường</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="24" />
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="25" />
        <source>Very urgent</source>
        <translation>Thượng khẩn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="26" />
        <source>Flash</source>
        <translation>Hỏa tốc</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="27" />
        <source>Flash, timed</source>
        <translation>Hỏa tốc hẹn giờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="31" />
        <source>Incoming</source>
        <translation>Đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="32" />
        <source>Outgoing</source>
        <translation>Đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="33" />
        <source>Internal</source>
        <translation>Nội bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="37" />
        <source>Received</source>
        <translation>Đã đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="38" />
        <source>Registered</source>
        <translation>Đã vào sổ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="39" />
        <source>Presented</source>
        <translation>Đã trình</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="40" />
        <source>Assigned</source>
        <translation>Đã phân công</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="41" />
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="42" />
        <source>Done</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="43" />
        <source>Rejected</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="44" />
        <source>For information</source>
        <translation>Để biết</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="45" />
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="46" />
        <source>Submitted for signature</source>
        <translation>Đã trình ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="47" />
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="48" />
        <source>Numbered</source>
        <translation>Đã cấp số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="49" />
        <source>Sealed</source>
        <translation>Đã ký số cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="50" />
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="51" />
        <source>Acknowledged</source>
        <translation>Nơi nhận đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="52" />
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="53" />
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="57" />
        <source>Incoming register</source>
        <translation>Sổ đăng ký văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="58" />
        <source>Outgoing register</source>
        <translation>Sổ đăng ký văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="59" />
        <source>Postal dispatch register</source>
        <translation>Sổ gửi văn bản đi bưu điện</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="60" />
        <source>Use of kept copies register</source>
        <translation>Sổ sử dụng bản lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/labels.py" line="61" />
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
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="74" />
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="98" />
        <source>Sign in — %1</source>
        <translation>Đăng nhập — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="107" />
        <source>Demo mode: these accounts are for trying the app only.</source>
        <translation>Chế độ dùng thử: các tài khoản dưới đây chỉ dùng để dùng thử phần mềm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="110" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="110" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="110" />
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="110" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="111" />
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="111" />
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="112" />
        <source>Data: %1 (%2)</source>
        <translation>Dữ liệu: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123" />
        <source>A demo agency was created in the data folder.</source>
        <translation>Đã tạo cơ quan mẫu trong thư mục dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="126" />
        <source>The database was updated; a copy taken before the update is at %1.</source>
        <translation>Cơ sở dữ liệu đã được cập nhật; bản sao lưu trước khi cập nhật nằm tại %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="197" />
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
        <source>The user was not found.</source>
        <translation>Không tìm thấy người dùng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="61" />
        <source>The registry book was not found.</source>
        <translation>Không tìm thấy sổ đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="62" />
        <source>{notation} of {issuer} is already registered (incoming number {number}, {date}). Check it is not the same document; register it again only if you are sure.</source>
        <translation>Văn bản {notation} của {issuer} đã được đăng ký (số đến {number}, ngày {date}). Hãy kiểm tra xem có phải cùng một văn bản không; chỉ đăng ký lại khi chắc chắn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="67" />
        <source>The book "{name}" for {year} already uses this series or name. Choose another one.</source>
        <translation>Sổ "{name}" năm {year} đã dùng hệ thống số hoặc tên này. Hãy chọn hệ thống số hoặc tên khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="70" />
        <source>Give the book a name and a complete number series (document type or advisory body).</source>
        <translation>Hãy đặt tên sổ và chọn đầy đủ hệ thống số (loại văn bản hoặc tổ chức tư vấn).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="73" />
        <source>The summary is empty. Type what the document is about.</source>
        <translation>Trích yếu đang để trống. Hãy nhập nội dung tóm tắt của văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="74" />
        <source>The issuing agency is empty. Choose it from the directory or type its name.</source>
        <translation>Chưa có cơ quan ban hành. Hãy chọn trong danh bạ hoặc nhập tên cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="77" />
        <source>The issue date {date} is in the future. Check the date written on the document.</source>
        <translation>Ngày văn bản {date} là ngày trong tương lai. Hãy kiểm tra lại ngày ghi trên văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="80" />
        <source>The page count cannot be negative.</source>
        <translation>Số trang không được là số âm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="81" />
        <source>Give the reason for this change; it is kept in the entry's history.</source>
        <translation>Hãy nhập lý do thay đổi; lý do được lưu trong lịch sử của mục sổ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="84" />
        <source>These fields cannot be corrected in the register: {fields}.</source>
        <translation>Không được sửa các trường sau trong sổ: {fields}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="87" />
        <source>Number {number} is already cancelled.</source>
        <translation>Số {number} đã bị hủy trước đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="88" />
        <source>This document already has the number {notation}; a number is never given twice.</source>
        <translation>Văn bản này đã được cấp số {notation}; mỗi văn bản chỉ được cấp số một lần.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="91" />
        <source>Only outgoing documents get an outgoing number.</source>
        <translation>Chỉ văn bản đi mới được cấp số văn bản đi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="92" />
        <source>The register entry was not found.</source>
        <translation>Không tìm thấy mục sổ đăng ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="93" />
        <source>Type the number and notation, for example 45/QĐ-UBND.</source>
        <translation>Hãy nhập số, ký hiệu văn bản, ví dụ 45/QĐ-UBND.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="94" />
        <source>"{text}" contains spaces. Write the number and notation without spaces, e.g. 45/QĐ-UBND.</source>
        <translation>"{text}" có khoảng trắng. Số, ký hiệu viết liền không cách, ví dụ 45/QĐ-UBND.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="97" />
        <source>"{text}": numbers below 10 are written with one leading zero (05, not 5 or 005).</source>
        <translation>"{text}": số nhỏ hơn 10 phải ghi thêm một số 0 phía trước (05, không phải 5 hay 005).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="100" />
        <source>"{text}": the notation is written in capitals, e.g. 12/QĐ-UBND.</source>
        <translation>"{text}": ký hiệu văn bản phải viết in hoa, ví dụ 12/QĐ-UBND.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="103" />
        <source>"{type}" is not a document type abbreviation of Decree 30 (QĐ, TB, KH, BC, ...). Check the notation.</source>
        <translation>"{type}" không phải chữ viết tắt tên loại văn bản theo Nghị định 30 (QĐ, TB, KH, BC, ...). Hãy kiểm tra lại ký hiệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="107" />
        <source>"{text}" is not a valid number and notation. Write it as 45/QĐ-UBND or 05/UBND-VX.</source>
        <translation>"{text}" không phải số, ký hiệu hợp lệ. Hãy ghi theo dạng 45/QĐ-UBND hoặc 05/UBND-VX.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="110" />
        <source>Document numbers start at 01.</source>
        <translation>Số văn bản bắt đầu từ 01.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="111" />
        <source>A công văn needs the drafting unit's abbreviation. Set the drafting unit of the document.</source>
        <translation>Công văn cần chữ viết tắt của đơn vị soạn thảo. Hãy chọn đơn vị soạn thảo cho văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="114" />
        <source>The agency has no abbreviation. Ask the administrator to set it in the agency profile.</source>
        <translation>Cơ quan chưa có chữ viết tắt. Đề nghị quản trị viên khai báo trong thông tin cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="117" />
        <source>"{text}" is not a date line. Write it as: Hà Tĩnh, ngày 05 tháng 3 năm 2026.</source>
        <translation>"{text}" không đúng dạng địa danh, ngày tháng. Hãy ghi: Hà Tĩnh, ngày 05 tháng 3 năm 2026.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="120" />
        <source>"{text}": days below 10 are written with a leading zero (05).</source>
        <translation>"{text}": ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước (05).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="123" />
        <source>"{text}": January and February are written 01 and 02; March to December without a zero.</source>
        <translation>"{text}": tháng 1 và 2 ghi là 01 và 02; từ tháng 3 đến tháng 12 không ghi số 0 phía trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="126" />
        <source>"{text}" is not a real calendar date.</source>
        <translation>"{text}" không phải ngày có thật trên lịch.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="127" />
        <source>The agency's place name is not set. Ask the administrator to set it in the agency profile.</source>
        <translation>Chưa khai báo địa danh của cơ quan. Đề nghị quản trị viên khai báo trong thông tin cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="130" />
        <source>"{text}" is not an agency code. It looks like 000.00.12.H27 (digits, dots, capital letter).</source>
        <translation>"{text}" không phải mã định danh cơ quan. Mã có dạng 000.00.12.H27 (chữ số, dấu chấm, chữ in hoa).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="133" />
        <source>"{text}": a lower-level group cannot be set while the group to its right is 00.</source>
        <translation>"{text}": không được khai báo nhóm cấp dưới khi nhóm bên phải của nó là 00.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="136" />
        <source>The file {name} is empty. Scan or export it again.</source>
        <translation>Tệp {name} rỗng. Hãy quét hoặc xuất lại tệp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="137" />
        <source>The file {name} is {size_mb} MB; the limit is {limit_mb} MB. Split it or scan at a lower resolution.</source>
        <translation>Tệp {name} có dung lượng {size_mb} MB, vượt giới hạn {limit_mb} MB. Hãy tách tệp hoặc quét với độ phân giải thấp hơn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="141" />
        <source>The file {name} is neither a PDF nor an image. Choose a PDF, JPEG, PNG or TIFF file.</source>
        <translation>Tệp {name} không phải PDF hay ảnh. Hãy chọn tệp PDF, JPEG, PNG hoặc TIFF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="144" />
        <source>The PDF {name} is password-protected. Ask the sender for an unprotected copy.</source>
        <translation>Tệp PDF {name} được đặt mật khẩu. Đề nghị nơi gửi cung cấp bản không đặt mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="147" />
        <source>The PDF {name} is damaged and cannot be read. Ask the sender to send it again.</source>
        <translation>Tệp PDF {name} bị hỏng, không đọc được. Đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="150" />
        <source>The image {name} is damaged and cannot be read. Scan it again.</source>
        <translation>Tệp ảnh {name} bị hỏng, không đọc được. Hãy quét lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="153" />
        <source>No font with Vietnamese letters was found ({fonts}). Install one of them and try again.</source>
        <translation>Không tìm thấy phông chữ có dấu tiếng Việt ({fonts}). Hãy cài một trong các phông này rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="156" />
        <source>Your role may not do this. Ask a user with the right role.</source>
        <translation>Vai trò của bạn không được thực hiện thao tác này. Hãy nhờ người dùng có vai trò phù hợp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="157" />
        <source>Someone else changed this meanwhile. Reload and try again.</source>
        <translation>Người khác vừa thay đổi dữ liệu này. Hãy tải lại và thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="160" />
        <source>The operation could not be completed (code {code}).</source>
        <translation>Không thực hiện được thao tác (mã lỗi {code}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="161" />
        <source>An unexpected error occurred. Details were written to the log at {log}. Please report it.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến. Chi tiết đã được ghi vào nhật ký tại {log}. Vui lòng báo lại lỗi này.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="58" />
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="59" />
        <source>Incoming register</source>
        <translation>Sổ văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="60" />
        <source>Outgoing register</source>
        <translation>Sổ văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="61" />
        <source>Administration</source>
        <translation>Quản trị</translation>
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
        <location filename="../../app/widgets/pdf_view.py" line="88" />
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>RegistryBookDialog</name>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="224" />
        <source>Administrative documents</source>
        <translation>Văn bản hành chính</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="225" />
        <source>Legal normative documents of one type</source>
        <translation>Văn bản quy phạm pháp luật (theo từng loại)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="226" />
        <source>Secret documents</source>
        <translation>Văn bản mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="227" />
        <source>Copies (sao y, trích sao, sao lục)</source>
        <translation>Bản sao (sao y, trích sao, sao lục)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="228" />
        <source>An advisory body (council, board, team)</source>
        <translation>Tổ chức tư vấn (Hội đồng, Ban, Tổ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="229" />
        <source>Incoming documents</source>
        <translation>Văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="230" />
        <source>Incoming secret documents</source>
        <translation>Văn bản đến mật</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="235" />
        <source>Add a registry book</source>
        <translation>Thêm sổ đăng ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="244" />
        <source>Abbreviation of the advisory body, e.g. HĐTĐ</source>
        <translation>Chữ viết tắt của tổ chức tư vấn, ví dụ HĐTĐ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="249" />
        <source>Secret register (kept apart, never sent electronically)</source>
        <translation>Sổ mật (quản lý riêng, không gửi qua mạng)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="251" />
        <source>Number series</source>
        <translation>Hệ thống số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="252" />
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="253" />
        <source>Advisory body</source>
        <translation>Tổ chức tư vấn</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="254" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="255" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="282" />
        <source>Incoming register</source>
        <translation>Sổ đăng ký văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin.py" line="282" />
        <source>Outgoing register</source>
        <translation>Sổ đăng ký văn bản đi</translation>
    </message>
</context>
<context>
    <name>RegistryBookPage</name>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="26" />
        <source>Incoming register</source>
        <translation>Sổ văn bản đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="26" />
        <source>Outgoing register</source>
        <translation>Sổ văn bản đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="33" />
        <source>Receiving unit</source>
        <translation>Đơn vị nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="33" />
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="37" />
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="38" />
        <source>Registered</source>
        <translation>Ngày vào sổ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="39" />
        <source>Number/notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="40" />
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="41" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="50" />
        <source>Book:</source>
        <translation>Sổ:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="79" />
        <source>No registry book for this year yet.</source>
        <translation>Chưa có sổ đăng ký cho năm nay.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registry_book.py" line="86" />
        <source>[cancelled] %1</source>
        <translation>[đã hủy] %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/registry_book.py" line="93" />
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n mục</numerusform>
        </translation>
    </message>
</context>
</TS>