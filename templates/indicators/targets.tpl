{{%AUTOESCAPE context="HTML"}}<h1>Chỉ tiêu</h1>
<p>Chỉ tiêu của từng chỉ số theo cấp đơn vị và năm. Giá trị của đơn vị được đánh giá: Đạt (từ chỉ tiêu trở lên), Gần đạt (thấp hơn không quá 5 điểm phần trăm), Chưa đạt.</p>
{{#saved}}<p class="notice" role="status">Đã lưu chỉ tiêu.</p>{{/saved}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<div class="table-wrap" tabindex="0" role="region" aria-label="Các chỉ tiêu"><table><caption>Các chỉ tiêu</caption>
<thead><tr><th scope="col">Năm</th><th scope="col">Chỉ số</th><th scope="col">Cấp</th><th scope="col" class="num">Chỉ tiêu</th></tr></thead>
<tbody>{{#rows}}<tr><td>{{year}}</td><td>{{indicator}}</td><td>{{level}}</td><td class="num">{{target}}</td></tr>{{/rows}}</tbody></table></div>
{{#form}}
<h2>Đặt chỉ tiêu</h2>
<form method="post" action="/chi-so/chi-tieu" class="filters">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <div><label for="nam">Năm</label><input id="nam" name="nam" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" required></div>
  <div><label for="chi_so">Chỉ số</label><select id="chi_so" name="chi_so">{{#indicators}}<option value="{{code}}">{{name}}</option>{{/indicators}}</select></div>
  <div><label for="cap">Cấp</label><select id="cap" name="cap">{{#levels}}<option value="{{code}}">{{name}}</option>{{/levels}}</select></div>
  <div><label for="chi_tieu">Chỉ tiêu (%)</label><input id="chi_tieu" name="chi_tieu" inputmode="decimal" maxlength="6" required></div>
  <button type="submit">Lưu</button>
</form>
{{/form}}
{{#rebuild}}<p><a href="{{href}}">Tính lại số liệu tổng hợp từ các bản ghi đã lưu</a></p>{{/rebuild}}
