{{%AUTOESCAPE context="HTML"}}<h1>Tổng hợp: {{title}}</h1>
<p>Hạn báo cáo {{due}}. <a href="/yeu-cau-bao-cao/{{id}}">Về yêu cầu</a> · <a href="/yeu-cau-bao-cao/{{id}}/tong-hop?dinh-dang=docx">Tải dự thảo (.docx)</a> · <a href="/yeu-cau-bao-cao/{{id}}/tong-hop?dinh-dang=docx&amp;pdf=1">Tải bản PDF</a></p>
{{#parts}}<h2>{{heading}}</h2>
{{#empty}}<p>Chưa có đơn vị báo cáo nội dung này.</p>{{/empty}}
<ul>{{#items}}<li><strong>{{unit}}{{#pending}} (chưa duyệt){{/pending}}:</strong> {{text}}</li>{{/items}}</ul>{{/parts}}
<h2 id="chua-gui">Các đơn vị chưa gửi báo cáo ({{missing_count}}/{{total}})</h2>
{{#all_answered}}<p>Tất cả các đơn vị đã gửi báo cáo.</p>{{/all_answered}}
<ul>{{#missing}}<li>{{unit}}{{#returned}} (báo cáo bị trả lại, chưa gửi lại){{/returned}}</li>{{/missing}}</ul>
