{{%AUTOESCAPE context="HTML"}}<h1>Trả lời phản ánh {{code}}</h1>
<dl class="facts">
<dt>Lĩnh vực</dt><dd>{{category}}</dd>
<dt>Cơ quan trả lời</dt><dd>{{unit}}</dd>
<dt>Tiếp nhận</dt><dd>{{received}}</dd>
<dt>Trả lời</dt><dd>{{answered}}</dd>
</dl>
<h2>Nội dung phản ánh</h2>
<p class="prewrap">{{content}}</p>
<h2>Câu trả lời</h2>
<p class="prewrap">{{answer}}</p>
<p class="muted">Thông tin cá nhân của người phản ánh đã được ẩn.</p>
<p><a href="/phan-anh/da-tra-loi">Các câu trả lời khác</a></p>
