{{%AUTOESCAPE context="HTML"}}<h1>Yêu cầu báo cáo</h1>
<p>Các yêu cầu báo cáo ngoài kỳ báo cáo định kỳ: báo cáo đột xuất, báo cáo sơ kết, tổng kết, báo cáo chuyên đề theo đề cương và cung cấp số liệu.</p>
{{#coordinator}}<p class="downloads"><a href="/yeu-cau-bao-cao/moi">Tạo yêu cầu báo cáo</a></p>{{/coordinator}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Danh sách yêu cầu báo cáo"><table>
<caption>Danh sách yêu cầu báo cáo</caption>
<thead><tr><th scope="col">Yêu cầu</th><th scope="col">Loại</th><th scope="col">Hạn báo cáo</th><th scope="col" class="num">Đơn vị đã gửi</th><th scope="col">Đơn vị tôi</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row"><a href="{{href}}">{{title}}</a>{{#closed}} <em>(đã kết thúc)</em>{{/closed}}</th><td>{{kind}}</td><td>{{due}}{{#overdue}} <strong class="late">Đã quá hạn</strong>{{/overdue}}</td><td class="num">{{answered}}</td><td>{{mine}}</td></tr>{{/rows}}
{{#none}}<tr><td colspan="5">Chưa có yêu cầu báo cáo nào.</td></tr>{{/none}}</tbody>
</table></div>
