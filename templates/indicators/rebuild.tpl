{{%AUTOESCAPE context="HTML"}}<h1>Tính lại số liệu tổng hợp</h1>
<p>Số liệu tổng hợp theo tháng của mọi đơn vị (hồ sơ, phản ánh, kiến nghị) được tính lại từ toàn bộ bản ghi đã lưu, thay cho số liệu tổng hợp hiện có. Việc này chạy trong nền; trang tiến độ cho biết khi nào xong. Chỉ cần làm khi nghi số liệu tổng hợp sai lệch với bản ghi, ví dụ sau khi khôi phục dữ liệu.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="/chi-so/tinh-lai">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="xac_nhan"><input id="xac_nhan" name="xac_nhan" type="checkbox" value="1" required> Tôi muốn tính lại toàn bộ số liệu tổng hợp; số liệu tổng hợp hiện có sẽ được thay thế.</label>
  <button type="submit">Tính lại</button>
</form>
<p><a href="/chi-so/chi-tieu">Chỉ tiêu</a> · <a href="/cong-viec">Các công việc của bạn</a></p>
