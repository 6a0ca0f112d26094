{{%AUTOESCAPE context="HTML"}}<h1>Sửa đơn vị: {{name}}</h1>
{{#error}}<div class="form-error" role="alert"><ul>{{#messages}}<li>{{value}}</li>{{/messages}}</ul></div>{{/error}}
<form method="post" action="/don-vi/{{code}}/sua">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <p>Mã đơn vị: <strong>{{code}}</strong> (không đổi được)</p>
  <label for="name">Tên đơn vị</label><input id="name" name="name" required maxlength="300" value="{{name}}">
  <label for="short_name">Tên viết tắt</label><input id="short_name" name="short_name" maxlength="100" value="{{short_name}}">
  <label for="level">Cấp</label>
  <select id="level" name="level">{{#levels}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/levels}}</select>
  <label for="parent">Đơn vị cấp trên</label>
  <select id="parent" name="parent"><option value="">(không có)</option>{{#parents}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} ({{code}})</option>{{/parents}}</select>
  <label for="valid_from">Hiệu lực từ ngày (YYYY-MM-DD)</label><input id="valid_from" name="valid_from" required maxlength="10" value="{{valid_from}}">
  <label for="valid_to">Đến ngày (để trống nếu đang hoạt động)</label><input id="valid_to" name="valid_to" maxlength="10" value="{{valid_to}}">
  <label for="successors">Mã đơn vị kế thừa (cách nhau bởi dấu chấm phẩy)</label><input id="successors" name="successors" maxlength="500" value="{{successors}}">
  <button type="submit">Lưu</button> <a href="/don-vi/{{code}}">Hủy</a>
</form>
