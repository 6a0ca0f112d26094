{{%AUTOESCAPE context="HTML"}}<h1>Đọc văn bản</h1>
<p>Tải lên kế hoạch, công văn, quyết định (kể cả bản quét, ảnh chụp: hệ thống nhận dạng chữ từng trang): hệ thống đọc số, ký hiệu, ngày, cơ quan ban hành, trích yếu, văn bản được viện dẫn, nhiệm vụ, thời hạn và chỉ tiêu để anh/chị kiểm tra, sửa rồi đưa vào thư viện văn bản hoặc tạo kế hoạch.</p>
<form method="post" action="/doc-van-ban" enctype="multipart/form-data" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="tep">Tệp văn bản (TXT, Markdown, DOCX, PDF kể cả bản quét, hoặc ảnh PNG, JPEG, TIFF; tối đa 20 MB)</label>
<input id="tep" name="tep" type="file" accept=".txt,.md,.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff" required>
<button type="submit">Đọc văn bản</button>
</form>
{{#has_uploads}}<h2>Văn bản đã đọc gần đây</h2>
<ul>{{#uploads}}<li><a href="{{href}}">{{name}}</a> — {{at}}{{#done}} (đã sử dụng){{/done}}</li>{{/uploads}}</ul>{{/has_uploads}}
