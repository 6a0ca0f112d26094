{{%AUTOESCAPE context="HTML"}}<h1>Người dùng</h1>
{{#created}}<div class="notice" role="status"><p>Đã tạo người dùng <strong>{{username}}</strong>.</p>
{{#password_section}}<p>Mật khẩu khởi tạo (chỉ hiện một lần, hãy gửi cho người dùng qua kênh an toàn): <span class="secret">{{password}}</span></p>{{/password_section}}</div>{{/created}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Danh sách người dùng"><table>
  <caption>Danh sách người dùng</caption>
  <thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Họ và tên</th><th scope="col">Đơn vị</th><th scope="col">Vai trò</th></tr></thead>
  <tbody>{{#users}}<tr><td><a href="/nguoi-dung/{{username}}">{{username}}</a>{{#locked}} (đã khóa){{/locked}}</td><td>{{display_name}}</td><td>{{unit}}</td><td>{{roles}}</td></tr>{{/users}}</tbody>
</table></div>
<h2>Thêm người dùng</h2>
<form method="post" action="/nguoi-dung">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="username">Tên đăng nhập</label>
  <input id="username" name="username" required maxlength="64" pattern="[A-Za-z0-9._\-]{3,64}" value="{{form_username}}">
  <label for="display_name">Họ và tên</label>
  <input id="display_name" name="display_name" required maxlength="200" value="{{form_display_name}}">
  <label for="unit">Đơn vị</label>
  <select id="unit" name="unit" required>{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
  <fieldset>
    <legend>Vai trò</legend>
    {{#roles}}<label><input type="checkbox" name="role" value="{{code}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/roles}}
  </fieldset>
  <label for="pham_vi">Phạm vi điều phối (với vai trò điều phối cải cách hành chính)</label>
  <select id="pham_vi" name="pham_vi" aria-describedby="pham_vi-goi-y"><option value="">Đơn vị của người dùng và các đơn vị trực thuộc</option>{{#scopes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} và các đơn vị trực thuộc</option>{{/scopes}}</select>
  <p id="pham_vi-goi-y" class="muted">Cán bộ Sở Nội vụ điều phối cả tỉnh: chọn tỉnh. Phạm vi phải bao gồm đơn vị của người dùng.</p>
  <label for="password">Mật khẩu khởi tạo (để trống để hệ thống tạo)</label>
  <input id="password" name="password" type="password" autocomplete="new-password" maxlength="128">
  <button type="submit">Lưu</button>
</form>
