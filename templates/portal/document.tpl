{{%AUTOESCAPE context="HTML"}}{{>menu}}
<h1>{{label}}</h1>
<dl class="facts">
<dt>Số, ký hiệu</dt><dd>{{number}}</dd>
<dt>Loại văn bản</dt><dd>{{type}}</dd>
<dt>Ngày ban hành</dt><dd>{{date}}</dd>
<dt>Cơ quan ban hành</dt><dd>{{issuer}}</dd>
<dt>Trích yếu</dt><dd>{{subject}}</dd>
<dt>Đơn vị đăng</dt><dd>{{unit}}, ngày {{posted}}</dd>
</dl>
{{#has_file}}<p><a href="{{file_href}}" role="button">Tải văn bản ({{file_size}})</a></p>{{/has_file}}
<p><a href="/cong-thong-tin/van-ban">Về thư viện văn bản</a></p>
