{{%AUTOESCAPE context="HTML"}}<h1>Cổng thông tin cải cách hành chính</h1>
{{>menu}}
<div class="portal-home">
<div class="portal-main">
{{#has_featured}}<section aria-labelledby="noi-bat"><h2 id="noi-bat">Tin nổi bật</h2>{{>featured}}</section>{{/has_featured}}
{{#sections}}<section aria-labelledby="{{id}}"><h2 id="{{id}}"><a href="{{href}}">{{name}}</a></h2>
{{>cards}}
{{#more}}<p><a href="{{href}}">Xem thêm tin bài của chuyên mục</a></p>{{/more}}
</section>{{/sections}}
</div>
<aside class="portal-side" aria-label="Số liệu và văn bản">
{{#has_headline}}<section aria-labelledby="so-lieu"><h2 id="so-lieu">Số liệu cải cách hành chính</h2>
<dl class="facts">{{#headline}}<dt>{{label}}</dt><dd><a href="{{href}}">{{value}}</a></dd>{{/headline}}</dl></section>{{/has_headline}}
{{#has_rankings}}<section aria-labelledby="xep-hang"><h2 id="xep-hang">Kết quả xếp hạng mới nhất</h2>
<ul>{{#rankings}}<li><a href="{{href}}">{{label}}</a>{{value}}</li>{{/rankings}}</ul></section>{{/has_rankings}}
{{#has_documents}}<section aria-labelledby="van-ban-moi"><h2 id="van-ban-moi">Văn bản mới</h2>
<ul>{{#documents}}<li><a href="{{href}}">{{label}}</a> <span class="meta">{{date}}</span><br>{{subject}}</li>{{/documents}}</ul>
<p><a href="/cong-thong-tin/van-ban">Thư viện văn bản</a></p></section>{{/has_documents}}
<p><a href="/cong-thong-tin/atom.xml">Nhận tin mới qua Atom</a></p>
</aside>
</div>
