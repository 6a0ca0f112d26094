{{%AUTOESCAPE context="HTML"}}<h1>Đôn đốc: {{unit}}</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<h2>Nội dung còn chậm, thiếu đến ngày {{today}} ({{count}})</h2>
{{#none}}<p>Đơn vị không còn nội dung chậm, thiếu.</p>{{/none}}
{{#groups}}<h3>{{label}}</h3><ul>{{#items}}<li>{{what}} — hạn: {{due}}</li>{{/items}}</ul>{{/groups}}
{{#can_send}}<form method="post" action="/don-doc/{{unit_code}}" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="so">Số văn bản (nếu đã có)</label>
  <input id="so" name="so" maxlength="50" placeholder="125/SNV-CCHC">
  <label for="so_ngay">Yêu cầu báo cáo kết quả trong (ngày làm việc)</label>
  <input id="so_ngay" name="so_ngay" value="10" inputmode="numeric" pattern="[0-9]{1,2}" maxlength="2">
  <button type="submit">Gửi văn bản đôn đốc</button>
</form>{{/can_send}}
<h2 id="van-ban">Văn bản đôn đốc đơn vị đã nhận</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Văn bản đôn đốc đã nhận"><table>
<caption>Văn bản đôn đốc đã nhận</caption>
<thead><tr><th scope="col">Số</th><th scope="col">Ngày gửi</th><th scope="col">Hạn báo cáo</th><th scope="col" class="num">Số nội dung</th><th scope="col" class="num">Người được thông báo</th><th scope="col">Văn bản</th></tr></thead>
<tbody>{{#letters}}<tr><th scope="row">{{number}}</th><td>{{sent_on}}</td><td>{{reply_by}}</td><td class="num">{{items}}</td><td class="num">{{notified}}</td><td><a href="{{href}}">Tải văn bản (.docx)</a> <a href="{{href}}?pdf=1">Bản PDF</a></td></tr>{{/letters}}
{{#no_letters}}<tr><td colspan="6">Chưa nhận văn bản đôn đốc nào.</td></tr>{{/no_letters}}</tbody>
</table></div>
