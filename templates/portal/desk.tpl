{{%AUTOESCAPE context="HTML"}}<h1>Biên tập tin bài</h1>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
<p><a href="/bien-tap/moi" role="button">Viết tin bài mới</a> <a href="/bien-tap/van-ban">Đăng văn bản</a>{{#board}} · <a href="/bien-tap/chuyen-muc">Chuyên mục</a>{{/board}}</p>
{{#board}}<section aria-labelledby="cho-duyet"><h2 id="cho-duyet">Tin bài chờ duyệt ({{queue_count}})</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Tin bài chờ duyệt"><table>
<caption>Tin bài chờ duyệt, gửi sớm nhất trước</caption>
<thead><tr><th scope="col">Tiêu đề</th><th scope="col">Đơn vị</th><th scope="col">Chuyên mục</th><th scope="col">Đã chờ</th></tr></thead>
<tbody>{{#queue}}<tr><th scope="row"><a href="{{href}}">{{title}}</a></th><td>{{unit}}</td><td>{{category}}</td><td>{{waited}}</td></tr>{{/queue}}
{{#queue_empty}}<tr><td colspan="4">Không có tin bài nào chờ duyệt.</td></tr>{{/queue_empty}}</tbody>
</table></div></section>
<section aria-labelledby="tra-lai"><h2 id="tra-lai">Đã trả lại, chờ đơn vị sửa</h2>
<ul>{{#returned}}<li><a href="{{href}}">{{title}}</a> — {{unit}}, {{updated}}</li>{{/returned}}</ul></section>
<section aria-labelledby="da-dang"><h2 id="da-dang">Đã duyệt gần đây</h2>
<ul>{{#recent}}<li><a href="{{href}}">{{title}}</a> — {{unit}}: {{state}}</li>{{/recent}}</ul></section>{{/board}}
<section aria-labelledby="cua-don-vi"><h2 id="cua-don-vi">Tin bài của {{unit}}</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Tin bài của đơn vị"><table>
<caption>Tin bài đơn vị đã viết, mới nhất trước</caption>
<thead><tr><th scope="col">Tiêu đề</th><th scope="col">Chuyên mục</th><th scope="col">Trạng thái</th><th scope="col">Cập nhật</th></tr></thead>
<tbody>{{#mine}}<tr><th scope="row"><a href="{{href}}">{{title}}</a></th><td>{{category}}</td><td><span class="status status-{{state_class}}">{{state}}</span></td><td>{{updated}}</td></tr>{{/mine}}</tbody>
</table></div>
</section>
