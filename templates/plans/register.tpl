{{%AUTOESCAPE context="HTML"}}{{#plan}}<h1>Sổ theo dõi kế hoạch của các đơn vị</h1>
<p>Các đơn vị phải ban hành kế hoạch thực hiện <a href="/ke-hoach/{{id}}">Kế hoạch số {{number}}</a> ({{title}}).</p>{{/plan}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#has_requirement}}<p>Hạn ban hành: <strong>{{due}}</strong>. Đúng hạn {{on_time}}, trễ hạn {{late}}, chưa ban hành và đã quá hạn {{missing}}, chưa đến hạn {{pending}}.</p>
<p>Kế hoạch của đơn vị được tính khi đã ban hành và chọn kế hoạch này là kế hoạch cấp trên.</p>{{/has_requirement}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Kế hoạch của các đơn vị"><table>
<caption>Kế hoạch của các đơn vị</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Tình trạng</th><th scope="col">Kế hoạch đã ban hành</th><th scope="col">Ngày ban hành</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row">{{unit}}</th><td class="register-{{state_code}}">{{state}}</td><td>{{#issued_plan}}<a href="{{href}}">{{number}}</a>{{/issued_plan}}</td><td>{{#issued_plan}}{{issued}}{{/issued_plan}}</td></tr>{{/rows}}
{{#none}}<tr><td colspan="4">Kế hoạch này chưa yêu cầu đơn vị nào ban hành kế hoạch thực hiện.</td></tr>{{/none}}</tbody>
</table></div>
{{#can_manage}}<h2>Đơn vị phải ban hành kế hoạch thực hiện</h2>
<form method="post" action="{{#plan}}/ke-hoach/{{id}}/so-theo-doi{{/plan}}" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <fieldset><legend>Theo cấp</legend>{{#levels}}<label><input type="checkbox" name="cap" value="{{code}}"{{#checked}} checked{{/checked}}> Tất cả {{name}}</label>{{/levels}}</fieldset>
  <label for="don_vi">Từng đơn vị (giữ Ctrl để chọn nhiều)</label>
  <select id="don_vi" name="don_vi" multiple size="8">{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
  <label for="han">Hạn ban hành (ngày/tháng/năm)</label>
  <input id="han" name="han" value="{{due}}" placeholder="29/02/2024" maxlength="10">
  <button type="submit">Lưu</button>
  <p>Bỏ chọn tất cả và lưu để thôi yêu cầu.</p>
</form>{{/can_manage}}
