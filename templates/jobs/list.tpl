{{%AUTOESCAPE context="HTML"}}<h1>Công việc của bạn</h1>
<p>Các việc dài (nhập tệp lớn, tính toán lại) chạy nền trên máy chủ; bạn có thể đóng trang và quay lại xem kết quả tại đây.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Công việc gần đây"><table>
<caption>Công việc gần đây</caption>
<thead><tr><th scope="col">Công việc</th><th scope="col">Trạng thái</th><th scope="col" class="num">Tiến độ</th><th scope="col">Tạo lúc</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row"><a href="{{href}}">{{title}}</a></th><td>{{state}}</td><td class="num">{{percent}}</td><td>{{created}}</td></tr>{{/rows}}
{{#none}}<tr><td colspan="4">Bạn chưa có công việc nào.</td></tr>{{/none}}</tbody>
</table></div>
