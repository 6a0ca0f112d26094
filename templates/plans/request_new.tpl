{{%AUTOESCAPE context="HTML"}}<h1>Tạo yêu cầu báo cáo</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="/yeu-cau-bao-cao/moi" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="loai">Loại yêu cầu</label>
  <select id="loai" name="loai">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
  <label for="trich_yeu">Trích yếu</label>
  <input id="trich_yeu" name="trich_yeu" value="{{title}}" maxlength="500" required>
  <label for="noi_dung">Nội dung yêu cầu</label>
  <textarea id="noi_dung" name="noi_dung" rows="4" maxlength="20000">
{{body:pre_escape}}</textarea>
  <label for="de_cuong">Đề cương (mỗi dòng một mục; để trống nếu đơn vị báo cáo tự do)</label>
  <textarea id="de_cuong" name="de_cuong" rows="5" maxlength="10000">
{{outline:pre_escape}}</textarea>
  <label for="don_vi_tinh">Đơn vị tính của số liệu (chỉ với yêu cầu cung cấp số liệu)</label>
  <input id="don_vi_tinh" name="don_vi_tinh" value="{{figure_unit}}" maxlength="30">
  <fieldset><legend>Hạn báo cáo (ghi một trong hai)</legend>
  <label for="han">Ngày (ngày/tháng/năm)</label>
  <input id="han" name="han" value="{{due}}" placeholder="21/06/2024" maxlength="10">
  <label for="so_ngay">Hoặc số ngày làm việc kể từ hôm nay</label>
  <input id="so_ngay" name="so_ngay" value="{{days}}" inputmode="numeric" pattern="[0-9]{1,3}" maxlength="3">
  </fieldset>
  <fieldset><legend>Đơn vị nhận yêu cầu</legend>
  <p>Chọn theo cấp, theo một đơn vị và các đơn vị trực thuộc, hoặc từng đơn vị; có thể kết hợp.</p>
  {{#levels}}<label><input type="checkbox" name="cap" value="{{code}}"{{#checked}} checked{{/checked}}> Tất cả {{name}}</label>{{/levels}}
  <label for="nhanh">Một đơn vị và các đơn vị trực thuộc</label>
  <select id="nhanh" name="nhanh"><option value="">— Không chọn —</option>{{#subtree_units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/subtree_units}}</select>
  <label for="don_vi">Từng đơn vị (giữ Ctrl để chọn nhiều)</label>
  <select id="don_vi" name="don_vi" multiple size="8">{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
  </fieldset>
  <button type="submit">Gửi yêu cầu</button>
</form>
