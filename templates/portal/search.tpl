{{%AUTOESCAPE context="HTML"}}<h1>Tìm kiếm</h1>
{{>menu}}
<form method="get" action="/cong-thong-tin/tim-kiem" class="filters" role="search">
<label for="q">Từ khóa (có dấu hoặc không dấu)</label>
<input id="q" name="q" type="search" value="{{q}}" maxlength="200">
<div class="grid">
<label for="chuyen-muc">Chuyên mục<select id="chuyen-muc" name="chuyen-muc"><option value="">Tất cả</option>{{#categories}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/categories}}</select></label>
<label for="don-vi">Đơn vị<select id="don-vi" name="don-vi"><option value="">Tất cả</option>{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select></label>
<label for="tu-ngay">Từ ngày (dd/mm/yyyy)<input id="tu-ngay" name="tu-ngay" value="{{from}}" maxlength="10"></label>
<label for="den-ngay">Đến ngày (dd/mm/yyyy)<input id="den-ngay" name="den-ngay" value="{{to}}" maxlength="10"></label>
</div>
<button type="submit">Tìm kiếm</button>
</form>
{{#searched}}<p role="status">Tìm thấy {{total}} kết quả.</p>{{/searched}}
<ol class="results">{{#hits}}<li><p class="meta">{{kind}} {{date}}</p>
<h2 class="card-title"><a href="{{href}}">{{title_html:none}}</a></h2>
<p>{{snippet_html:none}}</p></li>{{/hits}}</ol>
{{#none}}<p>Không tìm thấy tin bài hay văn bản nào. Hãy thử từ khóa ngắn hơn, hoặc bỏ bớt bộ lọc.</p>{{/none}}
{{>pages}}
