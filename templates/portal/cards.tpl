{{%AUTOESCAPE context="HTML"}}<ul class="cards">{{#items}}<li><article class="card">
<h{{h}} class="card-title"><a href="{{href}}">{{title}}</a></h{{h}}>
<p class="meta"><time>{{date}}</time> · {{unit}} · <a href="{{category_href}}">{{category}}</a></p>
<p>{{summary}}</p>
</article></li>{{/items}}</ul>
