{{%AUTOESCAPE context="HTML"}}<h1>Người dùng: {{username}}</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
<form method="post" action="/nguoi-dung/{{username}}">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="display_name">Họ và tên</label>
  <input id="display_name" name="display_name" required maxlength="200" value="{{display_name}}">
  <label for="unit">Đơn vị</label>
  <select id="unit" name="unit" required>{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
  <fieldset>
    <legend>Vai trò</legend>
    {{#roles}}<label><input type="checkbox" name="role" value="{{code}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/roles}}
  </fieldset>
  <label for="pham_vi">Phạm vi điều phối (với vai trò điều phối cải cách hành chính)</label>
  <select id="pham_vi" name="pham_vi" aria-describedby="pham_vi-goi-y"><option value="">Đơn vị của người dùng và các đơn vị trực thuộc</option>{{#scopes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} và các đơn vị trực thuộc</option>{{/scopes}}</select>
  <p id="pham_vi-goi-y" class="muted">Cán bộ Sở Nội vụ điều phối cả tỉnh: chọn tỉnh. Phạm vi phải bao gồm đơn vị của người dùng.</p>
  <label><input type="checkbox" name="active" value="1"{{#active}} checked{{/active}}> Đang hoạt động (bỏ chọn để khóa tài khoản; các phiên đăng nhập sẽ kết thúc)</label>
  <button type="submit">Lưu</button> <a href="/nguoi-dung">Hủy</a>
</form>
