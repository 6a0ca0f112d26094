{{%AUTOESCAPE context="HTML"}}{{#task}}<h1>Nhiệm vụ {{ref}}</h1>
<p class="lead">{{description}}</p>
<dl class="facts">
  {{#plan}}<dt>Kế hoạch</dt><dd><a href="/ke-hoach/{{id}}">{{number}}</a></dd>{{/plan}}
  <dt>Mục tiêu</dt><dd>{{objective}}</dd>
  <dt>Kết quả/Sản phẩm</dt><dd>{{output}}</dd>
  <dt>Cơ quan chủ trì</dt><dd>{{leads}}</dd>
  <dt>Cơ quan phối hợp</dt><dd>{{cooperates}}</dd>
  <dt>Thời gian hoàn thành</dt><dd>{{deadline}}</dd>
  <dt>Tình trạng ngày {{today}}</dt><dd class="status-{{status_code}}">{{status}} ({{percent}})</dd>
</dl>{{/task}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Tình trạng của từng cơ quan chủ trì"><table>
<caption>Tình trạng của từng cơ quan chủ trì</caption>
<thead><tr><th scope="col">Cơ quan</th><th scope="col">Tình trạng</th><th scope="col" class="num">Tỷ lệ</th><th scope="col">Ngày hoàn thành</th></tr></thead>
<tbody>{{#leads}}<tr><th scope="row">{{unit}}</th><td class="status-{{status_code}}">{{status}}</td><td class="num">{{percent}}</td><td>{{done_on}}</td></tr>{{/leads}}</tbody>
</table></div>
{{#form}}
<h2 id="bao-cao">Báo cáo tiến độ</h2>
{{#returned}}<div class="form-error" role="alert"><p><strong>Báo cáo kỳ này đã bị trả lại.</strong> Lý do: {{reason}}</p><p>Hãy sửa và gửi lại.</p></div>{{/returned}}
<form method="post" action="/nhiem-vu/{{task_id}}/bao-cao" class="stacked" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="don_vi">Đơn vị báo cáo</label>
  <select id="don_vi" name="don_vi">{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
  <label for="ky">Kỳ báo cáo</label>
  <select id="ky" name="ky">{{#periods}}<option value="{{key}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select>
  <fieldset><legend>Tình trạng</legend>
  <label><input type="radio" name="tinh_trang" value="not_started"{{#not_started}} checked{{/not_started}}> Chưa thực hiện</label>
  <label><input type="radio" name="tinh_trang" value="in_progress"{{#in_progress}} checked{{/in_progress}}> Đang thực hiện</label>
  <label><input type="radio" name="tinh_trang" value="done"{{#done}} checked{{/done}}> Đã hoàn thành</label>
  </fieldset>
  <label for="ty_le">Tỷ lệ hoàn thành (%)</label>
  <input id="ty_le" name="ty_le" value="{{percent}}" inputmode="numeric" pattern="[0-9]{1,3}" maxlength="3">
  <label for="ngay_hoan_thanh">Ngày hoàn thành (ngày/tháng/năm, khi đã hoàn thành)</label>
  <input id="ngay_hoan_thanh" name="ngay_hoan_thanh" value="{{done_on}}" placeholder="05/03/2024" maxlength="10">
  <label for="noi_dung">Kết quả thực hiện</label>
  <textarea id="noi_dung" name="noi_dung" rows="5" maxlength="4000">
{{narrative:pre_escape}}</textarea>
  <label for="minh_chung">Minh chứng (đường dẫn tài liệu, mỗi đường dẫn một dòng)</label>
  <textarea id="minh_chung" name="minh_chung" rows="3" maxlength="2000">
{{evidence:pre_escape}}</textarea>
  <label for="kho_khan">Khó khăn, vướng mắc (nếu có)</label>
  <textarea id="kho_khan" name="kho_khan" rows="3" maxlength="4000">
{{difficulties:pre_escape}}</textarea>
  <label for="de_xuat">Đề xuất, kiến nghị (nếu có)</label>
  <textarea id="de_xuat" name="de_xuat" rows="3" maxlength="4000">
{{proposals:pre_escape}}</textarea>
  <label for="tep_minh_chung">Tệp minh chứng (PDF, Word, Excel, ảnh JPG/PNG hoặc ZIP; tối đa 5 MB)</label>
  <input id="tep_minh_chung" name="tep_minh_chung" type="file" accept=".pdf,.doc,.docx,.odt,.xls,.xlsx,.ods,.jpg,.jpeg,.png,.zip">
  <button type="submit">Gửi báo cáo</button>
</form>
{{/form}}
<h2 id="cac-bao-cao">Các báo cáo</h2>
<p>Chỉ báo cáo đã được cơ quan điều phối cải cách hành chính chấp nhận mới được tính vào tình trạng nhiệm vụ, tỷ lệ hoàn thành và báo cáo tổng hợp.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các báo cáo đã gửi"><table>
<caption>Các báo cáo đã gửi</caption>
<thead><tr><th scope="col">Kỳ</th><th scope="col">Đơn vị</th><th scope="col">Vai trò</th><th scope="col">Tình trạng</th><th scope="col" class="num">Tỷ lệ</th><th scope="col">Kết quả thực hiện</th><th scope="col">Minh chứng</th><th scope="col">Gửi lúc</th><th scope="col">Duyệt</th></tr></thead>
<tbody>{{#history}}<tr><th scope="row">{{period}}</th><td>{{unit}}</td><td>{{role}}</td><td>{{progress}}{{#done_on}} ngày {{text}}{{/done_on}}</td><td class="num">{{percent}}</td><td>{{narrative}}{{#unchanged}} <em>(không thay đổi so với kỳ trước)</em>{{/unchanged}}{{#difficulties}}<p><strong>Khó khăn, vướng mắc:</strong> {{text}}</p>{{/difficulties}}{{#difficulties_answer}}<p><strong>Trả lời:</strong> {{text}}</p>{{/difficulties_answer}}{{#proposals}}<p><strong>Đề xuất, kiến nghị:</strong> {{text}}</p>{{/proposals}}{{#proposals_answer}}<p><strong>Trả lời:</strong> {{text}}</p>{{/proposals_answer}}</td><td>{{#evidence}}<a href="{{href}}" rel="noopener noreferrer">{{href}}</a><br>{{/evidence}}</td><td>{{at}} — {{by}}{{#late}} <strong class="late">Trễ hạn</strong>{{/late}}</td>
<td><span class="review-{{review_code}}">{{review}}</span>{{#review_note}}<br>Lý do: {{text}}{{/review_note}}
{{#reviewer}}<form method="post" action="/nhiem-vu/{{task_id}}/duyet" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="don_vi" value="{{unit_code}}"><input type="hidden" name="ky" value="{{period_key}}">
{{#can_answer}}<label for="tl-kk-{{unit_code}}-{{period_key}}">Trả lời khó khăn, vướng mắc</label><textarea id="tl-kk-{{unit_code}}-{{period_key}}" name="tra_loi_kho_khan" rows="2" maxlength="4000"></textarea>
<label for="tl-dx-{{unit_code}}-{{period_key}}">Trả lời đề xuất, kiến nghị</label><textarea id="tl-dx-{{unit_code}}-{{period_key}}" name="tra_loi_de_xuat" rows="2" maxlength="4000"></textarea>
<button type="submit" name="thao_tac" value="answer" class="secondary">Lưu ý kiến trả lời</button>{{/can_answer}}
{{#can_accept}}<button type="submit" name="thao_tac" value="accept">Chấp nhận</button>{{/can_accept}}
{{#can_return}}<label for="ld-{{unit_code}}-{{period_key}}">Lý do trả lại</label><textarea id="ld-{{unit_code}}-{{period_key}}" name="ly_do" rows="2" maxlength="2000"></textarea>
<button type="submit" name="thao_tac" value="return" class="secondary">Trả lại</button>{{/can_return}}
</form>{{/reviewer}}</td></tr>{{/history}}
{{#no_history}}<tr><td colspan="9">Chưa có báo cáo.</td></tr>{{/no_history}}</tbody>
</table></div>
{{#any_events}}<h2>Quá trình duyệt báo cáo</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Quá trình duyệt báo cáo"><table>
<caption>Quá trình duyệt báo cáo</caption>
<thead><tr><th scope="col">Thời điểm</th><th scope="col">Đơn vị</th><th scope="col">Kỳ</th><th scope="col">Bước</th><th scope="col">Ghi chú</th></tr></thead>
<tbody>{{#events}}<tr><th scope="row">{{at}}</th><td>{{unit}}</td><td>{{period}}</td><td>{{event}}</td><td>{{note}}</td></tr>{{/events}}</tbody>
</table></div>{{/any_events}}
