{{%AUTOESCAPE context="HTML"}}<h1>Theo dõi khắc phục kiến nghị sau kiểm tra</h1>
<form method="get" action="/kiem-tra/theo-doi" class="filters" aria-label="Lọc kiến nghị">
  <div><label for="nam">Năm (để trống: mọi năm)</label><input id="nam" name="nam" value="{{year}}" inputmode="numeric" pattern="[0-9]{4}" maxlength="4"></div>
  <div><label for="trang-thai">Trạng thái</label>
  <select id="trang-thai" name="trang-thai">{{#states}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></div>
  <button type="submit">Lọc</button>
</form>
<p>{{count}} kiến nghị.</p>
{{>table}}
