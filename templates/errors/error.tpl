{{%AUTOESCAPE context="HTML"}}<h1>{{heading}}</h1>
<p>{{message}}</p>
<p class="muted">Mã lỗi: {{status}} · Mã yêu cầu: <code>{{request_id}}</code></p>
<p><a href="/">Quay lại Trang chủ</a></p>
