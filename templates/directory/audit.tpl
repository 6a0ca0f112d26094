{{%AUTOESCAPE context="HTML"}}<h1>Nhật ký hệ thống</h1>
<form method="get" action="/nhat-ky">
  <label for="actor">Người thực hiện</label><input id="actor" name="nguoi" value="{{actor}}" maxlength="100">
  <label for="entity">Đối tượng</label><input id="entity" name="doi-tuong" value="{{entity}}" maxlength="50">
  <label for="action">Thao tác</label><input id="action" name="thao-tac" value="{{action}}" maxlength="50">
  <label for="from">Từ ngày (dd/mm/yyyy)</label><input id="from" name="tu-ngay" value="{{from}}" maxlength="10">
  <label for="to">Đến ngày (dd/mm/yyyy)</label><input id="to" name="den-ngay" value="{{to}}" maxlength="10">
  <button type="submit">Lọc</button>
</form>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Nhật ký"><table>
  <caption>{{count}} mục gần nhất</caption>
  <thead><tr><th scope="col">STT</th><th scope="col">Thời gian</th><th scope="col">Người thực hiện</th><th scope="col">Địa chỉ</th><th scope="col">Thao tác</th><th scope="col">Đối tượng</th></tr></thead>
  <tbody>{{#entries}}<tr><td>{{seq}}</td><td>{{at}}</td><td>{{actor}}</td><td>{{address}}</td><td>{{action}}</td><td>{{entity}} {{entity_id}}</td></tr>{{/entries}}</tbody>
</table></div>
