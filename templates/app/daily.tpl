{{%AUTOESCAPE context="HTML"}}<h1>Lịch chạy hằng ngày</h1>
<p>Mỗi ngày, vào giờ đặt dưới đây, hệ thống tự nhắc việc (báo cáo nhiệm vụ, yêu cầu báo cáo, phản ánh, kiến nghị sau kiểm tra), rồi gửi thư tổng hợp thông báo cho từng người và thư xác nhận cho người dân. Ngày nghỉ không nhắc việc. Dù chạy nhiều tiến trình, mỗi ngày chỉ chạy một lần.</p>
{{#saved}}<p role="status">Đã lưu giờ chạy.</p>{{/saved}}
{{#error}}<p class="form-error" role="alert" id="gio-loi">{{message}}</p>{{/error}}
<form method="post" action="/quan-tri/lich-chay" class="filters">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="gio">Giờ chạy (giờ:phút)</label>
  <input id="gio" name="gio" value="{{daily_at}}" inputmode="numeric" pattern="[0-2][0-9]:[0-5][0-9]" maxlength="5" required{{#error}} aria-invalid="true" aria-describedby="gio-loi"{{/error}}>
  <button type="submit">Lưu</button>
</form>
<h2>Các lần chạy gần đây</h2>
{{#none}}<p>Chưa có lần chạy nào.</p>{{/none}}
{{#any}}
<div class="table-wrap" tabindex="0" role="region" aria-label="Các lần chạy gần đây"><table>
  <caption>30 ngày chạy gần nhất</caption>
  <thead><tr><th scope="col">Ngày</th><th scope="col">Bắt đầu</th><th scope="col">Kết thúc</th><th scope="col">Trạng thái</th><th scope="col">Kết quả</th></tr></thead>
  <tbody>
  {{#rows}}<tr><th scope="row">{{day}}</th><td>{{started}}</td><td>{{finished}}</td><td>{{state}}{{#job}} (<a href="{{href}}">công việc</a>){{/job}}</td><td>{{summary}}</td></tr>
  {{/rows}}
  </tbody>
</table></div>
{{/any}}
