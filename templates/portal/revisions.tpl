{{%AUTOESCAPE context="HTML"}}<p><a href="{{href}}">← {{title}}</a></p>
<h1>Các lần chỉnh sửa</h1>
<p>Phần bị xóa được <del>gạch ngang</del>, phần thêm mới được <ins>gạch chân</ins>.</p>
{{#revisions}}<section class="revision" aria-labelledby="pb-{{revision}}">
<h2 id="pb-{{revision}}">Phiên bản {{revision}} — {{by}}, {{at}}</h2>
{{#has_note}}<p>Nội dung đính chính: {{note}}</p>{{/has_note}}
<h3>Tiêu đề</h3><p class="diff">{{title:none}}</p>
<h3>Tóm tắt</h3><p class="diff">{{summary:none}}</p>
<h3>Nội dung</h3><pre class="diff">{{body:none}}</pre>
</section>{{/revisions}}
