{{%AUTOESCAPE context="HTML"}}<label for="tieu_de">Tiêu đề (5 đến 300 ký tự)</label>
<input id="tieu_de" name="tieu_de" value="{{title}}" maxlength="300" required>
<label for="chuyen_muc">Chuyên mục</label>
<select id="chuyen_muc" name="chuyen_muc" required><option value="">Chọn chuyên mục</option>{{#categories}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/categories}}</select>
<label for="tom_tat">Tóm tắt (tối đa 1.000 ký tự)</label>
<textarea id="tom_tat" name="tom_tat" rows="3" maxlength="1000">
{{summary:pre_escape}}</textarea>
<label for="noi_dung">Nội dung</label>
<textarea id="noi_dung" name="noi_dung" rows="16" aria-describedby="noi_dung_huong_dan">
{{body:pre_escape}}</textarea>
<small id="noi_dung_huong_dan">Viết theo Markdown: dòng trống tách đoạn; **chữ đậm**; dòng bắt đầu bằng "- " là gạch đầu dòng; [chữ liên kết](https://địa-chỉ); ảnh đã tải lên: ![mô tả](/cong-thong-tin/anh/…). Mã HTML không được hiển thị.</small>
<label for="video">Đường dẫn video (https://…, không bắt buộc)</label>
<input id="video" name="video" type="url" value="{{video}}" maxlength="500">
<label for="tu_khoa">Từ khóa (cách nhau bằng dấu phẩy, tối đa 10)</label>
<input id="tu_khoa" name="tu_khoa" value="{{tags}}" maxlength="600">
{{#board}}<label for="noi_bat"><input id="noi_bat" name="noi_bat" type="checkbox"{{#featured}} checked{{/featured}}> Tin nổi bật trên trang chủ</label>{{/board}}
{{#correction}}<label for="ghi_chu">Nội dung đính chính (bắt buộc khi sửa tin đã đăng)</label>
<input id="ghi_chu" name="ghi_chu" maxlength="500">{{/correction}}
