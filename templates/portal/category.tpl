{{%AUTOESCAPE context="HTML"}}<h1>{{name}}</h1>
{{>menu}}
<p class="lead">{{description}}</p>
{{>cards}}
{{#empty}}<p>Chuyên mục chưa có tin bài.</p>{{/empty}}
{{>pages}}
<p><a href="{{feed_href}}">Nhận tin của chuyên mục qua Atom</a></p>
