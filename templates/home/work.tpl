{{%AUTOESCAPE context="HTML"}}<h1>Việc của tôi</h1>
<p>{{name}} — ngày {{today}}: <strong>{{count}}</strong> việc cần làm{{#any_overdue}}, trong đó <strong class="late">{{overdue}} việc đã quá hạn</strong>{{/any_overdue}}. Việc quá hạn và việc sắp đến hạn đứng trước.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Việc cần làm"><table>
<caption>Việc cần làm</caption>
<thead><tr><th scope="col">Việc</th><th scope="col">Loại việc</th><th scope="col">Hạn</th><th scope="col">Thời gian còn lại</th></tr></thead>
<tbody>{{#rows}}<tr{{#overdue}} class="missed"{{/overdue}}><th scope="row"><a href="{{href}}">{{what}}</a>{{#note}}<br>{{text}}{{/note}}</th><td>{{group}}</td><td>{{due}}</td><td>{{#overdue}}<strong>{{/overdue}}{{left}}{{#overdue}}</strong>{{/overdue}}</td></tr>{{/rows}}
{{#none}}<tr><td colspan="4">Hiện không có việc nào cần làm.</td></tr>{{/none}}</tbody>
</table></div>
