{{%AUTOESCAPE context="HTML"}}<h1>{{title}}</h1>
{{#plan}}<p>Kế hoạch số <a href="/ke-hoach/{{id}}">{{number}}</a>.</p>{{/plan}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="{{action}}" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="linh_vuc">Lĩnh vực</label>
  <select id="linh_vuc" name="linh_vuc">{{#areas}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/areas}}</select>
  <label for="stt">STT</label>
  <input id="stt" name="stt" value="{{ref}}" maxlength="20">
  <label for="muc_tieu">Mục tiêu</label>
  <textarea id="muc_tieu" name="muc_tieu" rows="2" maxlength="2000">
{{objective:pre_escape}}</textarea>
  <label for="nhiem_vu">Nhiệm vụ/Hoạt động</label>
  <textarea id="nhiem_vu" name="nhiem_vu" rows="3" maxlength="4000" required>
{{description:pre_escape}}</textarea>
  <label for="ket_qua">Kết quả/Sản phẩm</label>
  <input id="ket_qua" name="ket_qua" value="{{output}}" maxlength="1000">
  <label for="chu_tri">Cơ quan chủ trì (tên đơn vị, cách nhau bởi dấu chấm phẩy; có thể ghi "Các sở, ban, ngành", "UBND cấp xã")</label>
  <input id="chu_tri" name="chu_tri" value="{{leads}}" maxlength="2000" required>
  <label for="phoi_hop">Cơ quan phối hợp</label>
  <input id="phoi_hop" name="phoi_hop" value="{{cooperates}}" maxlength="4000">
  <label for="thoi_han">Thời gian hoàn thành (ví dụ "Quý IV/2026", "trước ngày 30/6/2026", "Thường xuyên")</label>
  <input id="thoi_han" name="thoi_han" value="{{deadline}}" maxlength="300" required>
  <button type="submit">Lưu</button>
</form>
{{#editing}}
<h2>Hủy nhiệm vụ</h2>
<form method="post" action="/nhiem-vu/{{task_id}}/huy" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="ly_do">Lý do hủy</label>
  <textarea id="ly_do" name="ly_do" rows="2" maxlength="1000">
{{reason:pre_escape}}</textarea>
  <button type="submit">Hủy nhiệm vụ</button>
  <button type="submit" name="mo_lai" value="1" class="secondary">Mở lại nhiệm vụ</button>
</form>
{{/editing}}
