{{%AUTOESCAPE context="HTML"}}<h1>Gửi phản ánh, kiến nghị</h1>
<p>Phản ánh, kiến nghị về thủ tục hành chính, dịch vụ công, thái độ phục vụ của cán bộ, công chức… được chuyển đến cơ quan có trách nhiệm và trả lời trong thời hạn theo quy định (tính theo ngày làm việc). Bạn cũng có thể gọi Tổng đài dịch vụ công 1022. <a href="/phan-anh/tra-cuu">Tra cứu phản ánh đã gửi</a> · <a href="/phan-anh/da-tra-loi">Xem các câu trả lời đã công khai</a>.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="/phan-anh" enctype="multipart/form-data" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  {{#proof}}<input type="hidden" name="pow_challenge" value="{{challenge}}"><input type="hidden" name="pow_nonce" value="" data-pow-bits="{{bits}}">
  <noscript><p class="form-error">Để chống gửi tự động, biểu mẫu này cần JavaScript. Nếu không bật được, xin gọi Tổng đài dịch vụ công 1022.</p></noscript>{{/proof}}
  <label for="linh_vuc">Lĩnh vực</label>
  <select id="linh_vuc" name="linh_vuc" required><option value="">Chọn lĩnh vực</option>{{#categories}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} (trả lời trong {{days}} ngày làm việc)</option>{{/categories}}</select>
  <label for="dia_ban">Nơi xảy ra (xã, phường)</label>
  <select id="dia_ban" name="dia_ban"><option value=""{{#unknown_place}} selected{{/unknown_place}}>Không rõ</option>{{#places}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/places}}</select>
  <label for="dia_chi">Địa chỉ cụ thể (không bắt buộc)</label>
  <input id="dia_chi" name="dia_chi" value="{{address}}" maxlength="300">
  <label for="noi_dung">Nội dung phản ánh, kiến nghị</label>
  <textarea id="noi_dung" name="noi_dung" rows="8" minlength="20" maxlength="{{max_content}}" required aria-describedby="noi_dung_goi_y">
{{content:pre_escape}}</textarea>
  <small id="noi_dung_goi_y">Từ 20 đến 5.000 ký tự. Xin đừng ghi số căn cước hay thông tin cá nhân của người khác.</small>
  <label for="tep">Ảnh hoặc tệp PDF kèm theo (không bắt buộc, tối đa {{max_files}} tệp, mỗi tệp 5 MB)</label>
  <input id="tep" name="tep" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" multiple>
  <fieldset><legend>Thông tin liên hệ để nhận trả lời</legend>
  <label for="ho_ten">Họ và tên</label>
  <input id="ho_ten" name="ho_ten" value="{{name}}" maxlength="100" required autocomplete="name">
  <label for="email">Thư điện tử</label>
  <input id="email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="email" aria-describedby="lien_he_goi_y">
  <label for="dien_thoai">Số điện thoại</label>
  <input id="dien_thoai" name="dien_thoai" type="tel" value="{{phone}}" maxlength="20" autocomplete="tel" aria-describedby="lien_he_goi_y">
  <small id="lien_he_goi_y">Cần ít nhất thư điện tử hoặc số điện thoại.</small>
  </fieldset>
  <div class="honeypot" aria-hidden="true"><label for="website">Để trống ô này</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
  <label><input type="checkbox" name="dong_y" value="1" required{{#consent}} checked{{/consent}}> Tôi đồng ý để cơ quan nhà nước xử lý dữ liệu cá nhân của tôi nhằm giải quyết phản ánh này (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). Họ tên và thông tin liên hệ không bao giờ được công khai.</label>
  <label><input type="checkbox" name="cong_khai" value="1"{{#publish}} checked{{/publish}}> Đồng ý công khai nội dung và câu trả lời (đã ẩn thông tin cá nhân) trên cổng thông tin.</label>
  <button type="submit">Gửi phản ánh</button>
  {{#proof}}<p class="muted" id="pow-status" role="status"></p>{{/proof}}
</form>
