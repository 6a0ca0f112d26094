{{%AUTOESCAPE context="HTML"}}<h1>Thông báo</h1>
<p>Nhắc việc về nhiệm vụ cải cách hành chính: sắp đến hạn, quá hạn, chưa báo cáo. {{#any_unread}}Có <strong>{{unread}}</strong> thông báo chưa đọc.{{/any_unread}}</p>
{{#any_unread}}<form method="post" action="/thong-bao/da-doc"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">Đánh dấu tất cả đã đọc</button></form>{{/any_unread}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các thông báo"><table>
<caption>Các thông báo</caption>
<thead><tr><th scope="col">Thời gian</th><th scope="col">Nội dung</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row">{{at}}</th><td><a href="{{href}}">{{message}}</a></td><td>{{#unread}}<strong>Chưa đọc</strong>{{/unread}}</td></tr>{{/rows}}
{{#none}}<tr><td colspan="3">Chưa có thông báo.</td></tr>{{/none}}</tbody>
</table></div>
