{{%AUTOESCAPE context="HTML"}}<h1>Chỉ số phục vụ theo Quyết định 766/QĐ-TTg — {{#unit}}{{name}}{{/unit}}</h1>
<p>{{period_label}}. Tổng điểm: <strong>{{total}}</strong>/100.{{#incomplete}} Còn chỉ số chưa nhập số liệu (tính 0 điểm).{{/incomplete}}</p>
<form method="get" class="filters" aria-label="Chọn kỳ và bộ công thức">
  {{>filters}}
  <div><label for="cong-thuc">Bộ công thức</label>
  <select id="cong-thuc" name="cong-thuc"><option value="qd766-legal"{{#formula_legal}} selected{{/formula_legal}}>Theo văn bản (qd766-legal)</option><option value="qd766-observed"{{#formula_observed}} selected{{/formula_observed}}>Theo cách Cổng DVCQG chấm (qd766-observed)</option></select></div>
  <button type="submit">Xem</button>
</form>
<p class="downloads"><a href="{{xlsx_href}}">Tải về Excel (.xlsx)</a> {{#unit}}<a href="/chi-so/don-vi/{{code}}?ky={{ky}}">Các chỉ số của đơn vị</a>{{/unit}}</p>
{{>groups}}
{{>indicators}}
{{#manual_form}}
<h2>Số liệu nhập tay</h2>
<p>Các chỉ số không tính được từ dữ liệu hồ sơ: nhập tử số và mẫu số cho kỳ {{period_label}}. Để trống cả hai ô nếu chưa có số liệu.</p>
{{#errors}}<p class="form-error" role="alert">{{message}}</p>{{/errors}}
<form method="post" action="{{action}}">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Số liệu nhập tay"><table><caption>Số liệu nhập tay</caption>
  <thead><tr><th scope="col">Chỉ số</th><th scope="col">Tử số</th><th scope="col">Mẫu số</th></tr></thead>
  <tbody>{{#fields}}<tr><th scope="row">{{name}}</th>
  <td><input name="tu_{{code}}" inputmode="numeric" pattern="[0-9]*" maxlength="12" value="{{numerator}}" aria-label="Tử số: {{name}}"></td>
  <td><input name="mau_{{code}}" inputmode="numeric" pattern="[0-9]*" maxlength="12" value="{{denominator}}" aria-label="Mẫu số: {{name}}"></td></tr>{{/fields}}</tbody></table></div>
  <button type="submit">Lưu số liệu</button>
</form>
{{/manual_form}}
