{{%AUTOESCAPE context="HTML"}}<h1>Phản ánh, kiến nghị đã trả lời</h1>
<p><a href="/phan-anh">Gửi phản ánh, kiến nghị</a> · <a href="/phan-anh/tra-cuu">Tra cứu theo mã</a></p>
<form method="get" action="/phan-anh/da-tra-loi" class="filters" role="search">
<label for="q">Từ khóa (có dấu hoặc không dấu)</label>
<input id="q" name="q" type="search" value="{{q}}" maxlength="200">
<div class="grid">
<label for="linh-vuc">Lĩnh vực<select id="linh-vuc" name="linh-vuc"><option value="">Tất cả</option>{{#categories}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/categories}}</select></label>
<label for="don-vi">Cơ quan trả lời<select id="don-vi" name="don-vi"><option value="">Tất cả</option>{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select></label>
<label for="tu-ngay">Trả lời từ ngày (dd/mm/yyyy)<input id="tu-ngay" name="tu-ngay" value="{{from}}" maxlength="10"></label>
<label for="den-ngay">Đến ngày (dd/mm/yyyy)<input id="den-ngay" name="den-ngay" value="{{to}}" maxlength="10"></label>
</div>
<button type="submit">Tìm</button>
</form>
<p role="status">{{total}} câu trả lời.</p>
<ol class="results">{{#answers}}<li><p class="meta">{{category}} · {{unit}} · trả lời ngày {{answered}}</p>
<h2 class="card-title"><a href="{{href}}">Phản ánh {{code}}</a></h2>
<p>{{excerpt}}</p></li>{{/answers}}</ol>
{{#empty}}<p>Không có câu trả lời nào khớp. Hãy thử từ khóa ngắn hơn, hoặc bỏ bớt bộ lọc.</p>{{/empty}}
{{>pages}}
