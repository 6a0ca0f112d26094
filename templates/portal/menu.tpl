{{%AUTOESCAPE context="HTML"}}<nav class="portal-menu" aria-label="Chuyên mục của cổng thông tin">
<ul>{{#categories}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a></li>{{/categories}}
<li><a href="/cong-thong-tin/van-ban">Văn bản</a></li></ul>
{{#quick_search}}<form class="portal-search" role="search" method="get" action="/cong-thong-tin/tim-kiem">
<label for="tim-nhanh">Tìm tin bài, văn bản (gõ có dấu hoặc không dấu)</label>
<input id="tim-nhanh" name="q" type="search" maxlength="200"><button type="submit">Tìm kiếm</button>
</form>{{/quick_search}}
</nav>
