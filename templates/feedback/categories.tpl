{{%AUTOESCAPE context="HTML"}}<h1>Lĩnh vực phản ánh và thời hạn</h1>
<p>Mỗi lĩnh vực có thời hạn trả lời (ngày làm việc), số ngày gia hạn tối đa, căn cứ pháp lý và đơn vị tiếp nhận. Lĩnh vực "theo địa bàn" được chuyển đến xã, phường nơi xảy ra; khi không rõ địa bàn, đến đơn vị tiếp nhận.</p>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#categories}}<details><summary>{{name}} — {{days}} ngày làm việc{{#inactive}} (ngừng dùng){{/inactive}}</summary>
<form method="post" action="/xu-ly-phan-anh/linh-vuc" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}">
<label for="ma-{{id}}">Mã (dùng trong Open311)</label><input id="ma-{{id}}" name="ma" value="{{code}}" maxlength="50" required>
<label for="ten-{{id}}">Tên</label><input id="ten-{{id}}" name="ten" value="{{name}}" maxlength="200" required>
<label for="mo-ta-{{id}}">Mô tả</label><input id="mo-ta-{{id}}" name="mo_ta" value="{{description}}" maxlength="1000">
<div class="grid"><label for="so-ngay-{{id}}">Thời hạn (ngày làm việc)<input id="so-ngay-{{id}}" name="so_ngay" value="{{days}}" inputmode="numeric" maxlength="2" required></label>
<label for="gia-han-{{id}}">Gia hạn tối đa<input id="gia-han-{{id}}" name="gia_han" value="{{extension}}" inputmode="numeric" maxlength="2" required></label>
<label for="thu-tu-{{id}}">Thứ tự<input id="thu-tu-{{id}}" name="thu_tu" value="{{position}}" inputmode="numeric" maxlength="3"></label></div>
<label for="can-cu-{{id}}">Căn cứ pháp lý</label><input id="can-cu-{{id}}" name="can_cu" value="{{source}}" maxlength="500" required>
<label for="don-vi-{{id}}">Đơn vị tiếp nhận</label><select id="don-vi-{{id}}" name="don_vi">{{#unit_options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/unit_options}}</select>
<label><input type="checkbox" name="theo_dia_ban" value="1"{{#by_place}} checked{{/by_place}}> Chuyển theo địa bàn (xã, phường)</label>
<label><input type="checkbox" name="dang_dung" value="1"{{#active}} checked{{/active}}> Đang dùng</label>
<button type="submit">Lưu</button></form></details>{{/categories}}
<h2>Thêm lĩnh vực</h2>
<form method="post" action="/xu-ly-phan-anh/linh-vuc" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="id" value="0">
<label for="ma-moi">Mã (chữ thường, số, dấu gạch ngang)</label><input id="ma-moi" name="ma" maxlength="50" required>
<label for="ten-moi">Tên</label><input id="ten-moi" name="ten" maxlength="200" required>
<label for="mo-ta-moi">Mô tả</label><input id="mo-ta-moi" name="mo_ta" maxlength="1000">
<div class="grid"><label for="so-ngay-moi">Thời hạn (ngày làm việc)<input id="so-ngay-moi" name="so_ngay" value="10" inputmode="numeric" maxlength="2" required></label>
<label for="gia-han-moi">Gia hạn tối đa<input id="gia-han-moi" name="gia_han" value="10" inputmode="numeric" maxlength="2" required></label>
<label for="thu-tu-moi">Thứ tự<input id="thu-tu-moi" name="thu_tu" value="0" inputmode="numeric" maxlength="3"></label></div>
<label for="can-cu-moi">Căn cứ pháp lý</label><input id="can-cu-moi" name="can_cu" maxlength="500" required>
<label for="don-vi-moi">Đơn vị tiếp nhận</label><select id="don-vi-moi" name="don_vi">{{#new_units}}<option value="{{code}}">{{name}}</option>{{/new_units}}</select>
<label><input type="checkbox" name="theo_dia_ban" value="1"> Chuyển theo địa bàn (xã, phường)</label>
<label><input type="checkbox" name="dang_dung" value="1" checked> Đang dùng</label>
<button type="submit">Thêm</button></form>
