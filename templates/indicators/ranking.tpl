{{%AUTOESCAPE context="HTML"}}<h1>Xếp hạng đơn vị</h1>
<p>{{period_label}}. Đơn vị bằng điểm cùng hạng (1, 2, 2, 4). Đơn vị có ít hơn {{minimum}} hồ sơ, hoặc không có dữ liệu, được liệt kê riêng là “Chưa đủ dữ liệu”.</p>
<form method="get" action="/chi-so/xep-hang" class="filters" aria-label="Chọn cách xếp hạng">
  <div><label for="cap">Cấp đơn vị</label>
  <select id="cap" name="cap">{{#levels}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/levels}}</select></div>
  <div><label for="chi-so">Xếp theo</label>
  <select id="chi-so" name="chi-so">{{#indicators}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/indicators}}</select></div>
  <div><label for="cong-thuc">Bộ công thức 766</label>
  <select id="cong-thuc" name="cong-thuc"><option value="qd766-legal"{{#formula_legal}} selected{{/formula_legal}}>Theo văn bản</option><option value="qd766-observed"{{#formula_observed}} selected{{/formula_observed}}>Theo Cổng DVCQG</option></select></div>
  <div><label for="toi-thieu">Số hồ sơ tối thiểu</label>
  <input id="toi-thieu" name="toi-thieu" value="{{minimum}}" inputmode="numeric" pattern="[0-9]*" maxlength="7"></div>
  {{>filters}}
  <button type="submit">Xem</button>
</form>
<p class="downloads"><a href="{{xlsx_href}}">Tải về Excel (.xlsx)</a></p>
{{>ranked}}
{{>apart}}
