{{%AUTOESCAPE context="HTML"}}<h1>Kỳ báo cáo và hạn gửi báo cáo</h1>
<p>Các kỳ báo cáo của năm, khoảng thời gian số liệu và hạn các đơn vị gửi báo cáo tiến độ nhiệm vụ. Để trống ô hạn để dùng hạn mặc định; hạn rơi vào ngày nghỉ được chuyển sang ngày làm việc kế tiếp. Kỳ đột xuất là một lần báo cáo tiến độ tất cả nhiệm vụ ngoài các kỳ định kỳ; báo cáo sơ kết, chuyên đề, số liệu dùng <a href="/yeu-cau-bao-cao">Yêu cầu báo cáo</a>.</p>
{{#notice}}<p class="notice" role="status">Đã lưu hạn gửi báo cáo.</p>{{/notice}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="get" action="/ky-bao-cao" class="filters" aria-label="Chọn năm">
  <div><label for="nam-xem">Năm</label>
  <select id="nam-xem" name="nam">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/years}}</select></div>
  <button type="submit">Xem</button>
</form>
{{#read_only}}<p class="muted">Kỳ báo cáo và hạn gửi báo cáo do cơ quan điều phối cải cách hành chính của tỉnh đặt, áp dụng cho mọi đơn vị.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các kỳ báo cáo"><table>
  <caption>Các kỳ báo cáo năm {{year}}</caption>
  <thead><tr><th scope="col">Kỳ</th><th scope="col">Số liệu từ</th><th scope="col">đến</th><th scope="col">Hạn gửi báo cáo</th></tr></thead>
  <tbody>{{#rows}}<tr><th scope="row">{{label}}{{#adhoc}} <span class="muted">(đột xuất)</span>{{/adhoc}}</th><td>{{first}}</td><td>{{last}}</td><td>{{effective}}</td></tr>{{/rows}}</tbody>
</table></div>{{/read_only}}
{{#can_edit}}<form method="post" action="/ky-bao-cao" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="nam" value="{{year}}">
  <div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các kỳ báo cáo"><table>
  <caption>Các kỳ báo cáo năm {{year}}</caption>
  <thead><tr><th scope="col">Kỳ</th><th scope="col">Số liệu từ</th><th scope="col">đến</th><th scope="col">Hạn mặc định</th><th scope="col">Hạn của năm (ngày/tháng/năm)</th><th scope="col">Hạn áp dụng</th></tr></thead>
  <tbody>{{#rows}}<tr><th scope="row">{{label}}{{#adhoc}} <span class="muted">(đột xuất)</span>{{/adhoc}}</th><td>{{first}}</td><td>{{last}}</td><td>{{default_due}}</td><td><label class="visually-hidden" for="han_{{code}}">Hạn gửi báo cáo {{label}}</label><input id="han_{{code}}" name="han_{{code}}" value="{{due}}" placeholder="{{default_due}}" maxlength="10"></td><td>{{effective}}</td></tr>{{/rows}}</tbody>
  </table></div>
  <button type="submit">Lưu</button>
</form>
{{#any_adhoc}}<h2>Kỳ đột xuất năm {{year}}</h2>
<ul>{{#rows}}{{#adhoc}}<li>{{label}} (số liệu từ {{first}} đến {{last}}, hạn {{effective}})
  <form method="post" action="/ky-bao-cao/dot-xuat/{{code}}/xoa" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary">Xóa kỳ {{label}}</button></form></li>{{/adhoc}}{{/rows}}</ul>
<p class="muted">Chỉ xóa được kỳ chưa có báo cáo nào.</p>{{/any_adhoc}}
<h2 id="them-ky">Thêm kỳ báo cáo đột xuất</h2>
<form method="post" action="/ky-bao-cao/dot-xuat" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <div><label for="ten">Tên kỳ</label><input id="ten" name="ten" required maxlength="200" value="{{#typed}}{{name}}{{/typed}}" placeholder="Báo cáo đột xuất tháng 8 năm {{year}}"></div>
  <div><label for="tu_ngay">Số liệu từ ngày (ngày/tháng/năm)</label><input id="tu_ngay" name="tu_ngay" required maxlength="10" value="{{#typed}}{{first}}{{/typed}}"></div>
  <div><label for="den_ngay">đến ngày (ngày/tháng/năm)</label><input id="den_ngay" name="den_ngay" required maxlength="10" value="{{#typed}}{{last}}{{/typed}}"></div>
  <div><label for="han">Hạn gửi báo cáo (ngày/tháng/năm)</label><input id="han" name="han" required maxlength="10" value="{{#typed}}{{due}}{{/typed}}"></div>
  <button type="submit">Thêm kỳ đột xuất</button>
</form>
{{/can_edit}}
