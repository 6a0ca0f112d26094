{{%AUTOESCAPE context="HTML"}}<h1>Đôn đốc</h1>
<p>Chọn một đơn vị để xem các nội dung còn chậm, thiếu (nhiệm vụ quá hạn, báo cáo chưa gửi hoặc bị trả lại, yêu cầu báo cáo chưa trả lời, kế hoạch chưa ban hành, chỉ tiêu chưa đạt, tự đánh giá chưa nộp) và gửi văn bản đôn đốc.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các đơn vị"><table>
<caption>Các đơn vị</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Văn bản đôn đốc đã gửi</th><th scope="col">Lần gần nhất</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row"><a href="{{href}}">{{unit}}</a></th><td class="num">{{letters}}</td><td>{{last}}</td></tr>{{/rows}}</tbody>
</table></div>
