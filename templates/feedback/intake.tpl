{{%AUTOESCAPE context="HTML"}}<h1>Tiếp nhận phản ánh</h1>
<p>Ghi lại phản ánh nhận qua Tổng đài 1022, văn bản, tiếp dân trực tiếp hoặc Cổng Dịch vụ công quốc gia. Thời hạn tính từ thời điểm tiếp nhận.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="/xu-ly-phan-anh/tiep-nhan" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="kenh">Kênh tiếp nhận</label>
  <select id="kenh" name="kenh">{{#channels}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/channels}}</select>
  <label for="ma_ngoai">Mã trên Cổng Dịch vụ công quốc gia (nếu có)</label>
  <input id="ma_ngoai" name="ma_ngoai" value="{{external_id}}" maxlength="100" autocomplete="off">
  <div class="grid">
  <label for="ngay">Ngày tiếp nhận (dd/mm/yyyy)<input id="ngay" name="ngay" value="{{day}}" maxlength="10" required></label>
  <label for="gio">Giờ (giờ:phút)<input id="gio" name="gio" value="{{time}}" maxlength="5" pattern="[0-9]{1,2}:[0-9]{2}" required></label>
  </div>
  <label for="linh_vuc">Lĩnh vực</label>
  <select id="linh_vuc" name="linh_vuc" required><option value="">Chọn lĩnh vực</option>{{#categories}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/categories}}</select>
  <label for="dia_ban">Nơi xảy ra</label>
  <select id="dia_ban" name="dia_ban"><option value="">Không rõ</option>{{#places}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/places}}</select>
  <label for="dia_chi">Địa chỉ cụ thể</label>
  <input id="dia_chi" name="dia_chi" value="{{address}}" maxlength="300">
  <label for="noi_dung">Nội dung</label>
  <textarea id="noi_dung" name="noi_dung" rows="8" maxlength="5000" required>
{{content:pre_escape}}</textarea>
  <label for="ho_ten">Họ và tên người phản ánh</label>
  <input id="ho_ten" name="ho_ten" value="{{name}}" maxlength="100" required>
  <label for="email">Thư điện tử</label>
  <input id="email" name="email" type="email" value="{{email}}" maxlength="254">
  <label for="dien_thoai">Số điện thoại</label>
  <input id="dien_thoai" name="dien_thoai" type="tel" value="{{phone}}" maxlength="20">
  <label><input type="checkbox" name="dong_y" value="1" required> Người phản ánh đồng ý cho xử lý dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP)</label>
  <label><input type="checkbox" name="cong_khai" value="1"{{#publish}} checked{{/publish}}> Người phản ánh đồng ý công khai câu trả lời</label>
  <button type="submit">Tiếp nhận</button>
</form>
