{{%AUTOESCAPE context="HTML"}}<h1>Kỳ báo cáo và hạn gửi báo cáo</h1>
<p>Các kỳ báo cáo định kỳ của năm, khoảng thời gian số liệu và hạn các đơn vị gửi báo cáo. Để trống ô hạn để dùng hạn mặc định; hạn rơi vào ngày nghỉ được chuyển sang ngày làm việc kế tiếp. Báo cáo đột xuất, sơ kết, chuyên đề dùng <a href="/yeu-cau-bao-cao">Yêu cầu báo cáo</a>.</p>
{{#notice}}<p class="notice" role="status">Đã lưu hạn gửi báo cáo.</p>{{/notice}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="get" action="/ky-bao-cao" class="filters" aria-label="Chọn năm">
  <div><label for="nam-xem">Năm</label>
  <select id="nam-xem" name="nam">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/years}}</select></div>
  <button type="submit">Xem</button>
</form>
<form method="post" action="/ky-bao-cao" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="nam" value="{{year}}">
  <div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các kỳ báo cáo"><table>
  <caption>Các kỳ báo cáo năm {{year}}</caption>
  <thead><tr><th scope="col">Kỳ</th><th scope="col">Số liệu từ</th><th scope="col">đến</th><th scope="col">Hạn mặc định</th><th scope="col">Hạn của năm (ngày/tháng/năm)</th><th scope="col">Hạn áp dụng</th></tr></thead>
  <tbody>{{#rows}}<tr><th scope="row">{{label}}</th><td>{{first}}</td><td>{{last}}</td><td>{{default_due}}</td><td><label class="visually-hidden" for="han_{{code}}">Hạn gửi báo cáo {{label}}</label><input id="han_{{code}}" name="han_{{code}}" value="{{due}}" placeholder="{{default_due}}" maxlength="10"></td><td>{{effective}}</td></tr>{{/rows}}</tbody>
  </table></div>
  <button type="submit">Lưu</button>
</form>
