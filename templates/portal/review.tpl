{{%AUTOESCAPE context="HTML"}}<p><a href="/bien-tap">← Biên tập tin bài</a></p>
<h1>Sơ kết Trang thông tin cải cách hành chính</h1>
<form method="get" action="/bien-tap/so-ket" class="filters">
<div class="grid">
<label for="tu-ngay">Từ ngày (ngày/tháng/năm)<input id="tu-ngay" name="tu-ngay" value="{{from}}" maxlength="10"></label>
<label for="den-ngay">Đến ngày (ngày/tháng/năm)<input id="den-ngay" name="den-ngay" value="{{to}}" maxlength="10"></label>
{{#any_request}}<label for="yeu-cau">Lấy báo cáo của các đơn vị theo yêu cầu<select id="yeu-cau" name="yeu-cau">
<option value="0">Không lấy</option>
{{#requests}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}}</option>
{{/requests}}</select></label>{{/any_request}}
</div>
<button type="submit">Xem số liệu</button>
</form>
<p>Tin bài tính theo ngày gửi lần đầu trong kỳ; văn bản theo ngày đăng; lượt xem theo ngày xem (không tính công cụ tự động).</p>
{{>table}}
<p><a href="{{xlsx}}">Tải bảng số liệu (Excel)</a> · <a href="{{docx}}">Tải dự thảo báo cáo sơ kết (Word, thể thức Nghị định 30)</a> · <a href="{{docx}}&amp;pdf=1">Bản PDF</a></p>
