{{%AUTOESCAPE context="HTML"}}<h1>Duyệt báo cáo nhiệm vụ</h1>
<p>Báo cáo của các đơn vị chỉ được tính vào tình trạng nhiệm vụ, tỷ lệ hoàn thành, xếp hạng và báo cáo tổng hợp khi đã được chấp nhận. Báo cáo bị trả lại được gửi về đơn vị để sửa.</p>
{{#notice}}<p class="notice" role="status">Đã ghi nhận ý kiến duyệt.</p>{{/notice}}
<form method="get" action="/duyet-bao-cao" class="filters" aria-label="Chọn kỳ báo cáo">
  <div><label for="ky">Kỳ báo cáo</label>
  <select id="ky" name="ky"><option value="">Tất cả các kỳ</option>{{#periods}}<option value="{{key}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select></div>
  <button type="submit">Xem</button>
</form>
<p>Đang chờ duyệt: <strong>{{total}}</strong> báo cáo (hiện {{shown}}, gửi sớm nhất trước).</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Báo cáo chờ duyệt"><table>
<caption>Báo cáo chờ duyệt</caption>
<thead><tr><th scope="col">Nhiệm vụ</th><th scope="col">Kế hoạch</th><th scope="col">Đơn vị</th><th scope="col">Kỳ</th><th scope="col">Báo cáo</th><th scope="col">Gửi lúc</th><th scope="col" class="num">Số ngày làm việc chờ</th><th scope="col">Thao tác</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row"><a href="{{href}}">{{task}}</a></th><td>{{plan}}</td><td>{{unit}}</td><td>{{period}}</td><td>{{summary}}{{#raised}}<br><strong>Có khó khăn, đề xuất cần trả lời</strong>{{/raised}}</td><td>{{at}}</td><td class="num">{{waiting}}</td>
<td><form method="post" action="/nhiem-vu/{{task_id}}/duyet" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="don_vi" value="{{unit_code}}"><input type="hidden" name="ky" value="{{period_key}}"><input type="hidden" name="tiep" value="hang-doi"><input type="hidden" name="loc_ky" value="{{period_key_filter}}"><button type="submit" name="thao_tac" value="accept" aria-label="Chấp nhận báo cáo của {{unit}}: {{task}}">Chấp nhận</button></form>
<a href="{{href}}" aria-label="Xem, trả lại hoặc trả lời: {{unit}}, {{task}}">Xem, trả lại</a></td></tr>{{/rows}}
{{#none}}<tr><td colspan="8">Không có báo cáo nào chờ duyệt.</td></tr>{{/none}}</tbody>
</table></div>
