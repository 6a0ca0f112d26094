{{%AUTOESCAPE context="HTML"}}<h1>Đọc văn bản</h1>
<p>Tệp <a href="{{file}}">{{name}}</a></p>
{{#reading}}<p class="notice" role="status">Văn bản đang được đọc (ảnh quét, ảnh chụp được nhận dạng chữ từng trang); trang này tự tải lại khi xong. <a href="{{job}}">Xem tiến độ</a></p>{{/reading}}
{{#unread}}<p class="form-error" role="alert">Chưa đọc được văn bản này. {{reason}}{{#has_job}} <a href="{{job}}">Xem chi tiết</a>{{/has_job}}</p>{{/unread}}
<p><a href="/doc-van-ban">Tải lên văn bản khác</a></p>
