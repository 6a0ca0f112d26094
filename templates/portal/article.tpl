{{%AUTOESCAPE context="HTML"}}{{>menu}}
<article class="portal-article">
<p class="meta"><a href="{{category_href}}">{{category}}</a></p>
<h1>{{title}}</h1>
<p class="meta">Đăng ngày <time>{{date}}</time>{{#was_updated}}, cập nhật ngày <time>{{updated}}</time>{{/was_updated}} · Đơn vị cung cấp: {{unit}}</p>
<p class="lead">{{summary}}</p>
<div class="article-body">{{body:none}}</div>
{{#has_video}}<p><a href="{{video}}" rel="noopener noreferrer">Xem video kèm theo tin bài</a></p>{{/has_video}}
{{#has_tags}}<p class="tags">Từ khóa: {{#tags}}<a href="{{href}}">{{name}}</a>{{#tags_separator}}, {{/tags_separator}}{{/tags}}</p>{{/has_tags}}
<p><a href="{{print_href}}">Bản in</a></p>
</article>
{{#has_related}}<section aria-labelledby="lien-quan"><h2 id="lien-quan">Tin bài liên quan</h2>
<ul>{{#related}}<li><a href="{{href}}">{{title}}</a> <span class="meta">{{date}}</span></li>{{/related}}</ul></section>{{/has_related}}
