{{%AUTOESCAPE context="HTML"}}<h1>Kế hoạch cải cách hành chính</h1>
<p>Các kế hoạch của tỉnh và đơn vị, với tình hình thực hiện nhiệm vụ đến ngày {{today}}.</p>
{{#can_create}}<p class="downloads"><a href="/ke-hoach/moi">Tạo kế hoạch</a> <a href="/viec-can-bao-cao">Việc cần báo cáo</a></p>{{/can_create}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Danh sách kế hoạch"><table>
<caption>Danh sách kế hoạch</caption>
<thead><tr><th scope="col">Số, ký hiệu</th><th scope="col">Trích yếu</th><th scope="col">Loại</th><th scope="col">Năm</th><th scope="col">Cơ quan ban hành</th><th scope="col">Ngày ban hành</th><th scope="col">Trạng thái</th><th scope="col" class="num">Nhiệm vụ</th><th scope="col" class="num">Đã hoàn thành</th><th scope="col" class="num">Quá hạn</th></tr></thead>
<tbody>{{#plans}}<tr><th scope="row"><a href="/ke-hoach/{{id}}">{{number}}</a></th><td>{{title}}</td><td>{{kind}}</td><td>{{year}}</td><td>{{unit}}</td><td>{{issued_on}}</td><td>{{status}}</td><td class="num">{{tasks}}</td><td class="num">{{done}}</td><td class="num">{{overdue}}</td></tr>{{/plans}}
{{#no_plans}}<tr><td colspan="10">Chưa có kế hoạch nào.</td></tr>{{/no_plans}}</tbody>
</table></div>
