{{%AUTOESCAPE context="HTML"}}<h1>Việc cần báo cáo</h1>
{{#unit}}<p>{{name}} — {{/unit}}{{#period}}{{label}}: số liệu từ {{first}} đến {{last}}, hạn gửi báo cáo <strong>{{due}}</strong>.{{/period}}</p>
{{#past_due}}<p class="form-error" role="alert">Đã quá hạn gửi báo cáo kỳ này; báo cáo gửi bây giờ được ghi là trễ hạn.</p>{{/past_due}}
{{#notice}}<p class="notice" role="status">Đã ghi nhận báo cáo.</p>{{/notice}}
<form method="get" action="/viec-can-bao-cao" class="filters" aria-label="Chọn đơn vị và kỳ báo cáo">
  <div><label for="don-vi">Đơn vị</label>
  <select id="don-vi" name="don-vi">{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select></div>
  <div><label for="ky">Kỳ báo cáo</label>
  <select id="ky" name="ky">{{#periods}}<option value="{{key}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select></div>
  <button type="submit">Xem</button>
</form>
<p>Phải báo cáo <strong>{{owed}}</strong> nhiệm vụ đơn vị chủ trì; đã báo cáo {{reported}}, còn {{missing}}.{{#contributions}} Ngoài ra {{text}} nhiệm vụ đơn vị phối hợp: báo cáo của đơn vị phối hợp là phần góp vào báo cáo của cơ quan chủ trì, không tính vào số phải báo cáo.{{/contributions}}</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Nhiệm vụ cần báo cáo"><table>
<caption>Nhiệm vụ cần báo cáo</caption>
<thead><tr><th scope="col">Nhiệm vụ</th><th scope="col">Kế hoạch</th><th scope="col">Vai trò</th><th scope="col">Thời hạn</th><th scope="col">Tình trạng</th><th scope="col">Kỳ trước</th><th scope="col">Kỳ này</th></tr></thead>
<tbody>{{#rows}}<tr id="nv-{{task_id}}"><th scope="row"><a href="{{href}}">{{ref}}. {{description}}</a></th><td>{{plan}}</td><td>{{role}}</td><td>{{deadline}}</td><td class="status-{{status_code}}">{{status}}</td><td>{{previous}}</td>
<td>{{#current}}Đã báo cáo: {{summary}} ({{at}}){{#late}} <strong class="late">Trễ hạn</strong>{{/late}} — <span class="review-{{review_code}}">{{review}}</span>{{#returned}}<br><strong>Lý do trả lại:</strong> {{reason}} — hãy sửa và gửi lại.{{/returned}}{{/current}}
{{#can_repeat}}<form method="post" action="/viec-can-bao-cao/khong-doi" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="nhiem_vu" value="{{task_id}}"><input type="hidden" name="don_vi" value="{{unit_code}}"><input type="hidden" name="ky" value="{{period_key}}"><input type="hidden" name="vai_tro" value="{{role_code}}"><button type="submit" aria-label="Không thay đổi so với kỳ trước: {{ref}}. {{description}}">Không thay đổi</button></form>{{/can_repeat}}
<a href="{{href}}" aria-label="Báo cáo: {{ref}}. {{description}}">Báo cáo</a></td></tr>{{/rows}}
{{#none}}<tr><td colspan="7">Không có nhiệm vụ cần báo cáo trong kỳ này.</td></tr>{{/none}}</tbody>
</table></div>
