{{%AUTOESCAPE context="HTML"}}{{#round}}<h1>{{name}}</h1>
<p>{{status}}. Thời gian tính minh chứng: {{window}}.</p>{{/round}}
{{#has_decision}}{{#round}}<p>Quyết định phê duyệt: {{decision}}.</p>{{/round}}{{/has_decision}}
<p>Xếp loại theo tỷ lệ điểm đạt được so với điểm tối đa: {{#bands}}{{name}} từ {{min}}; {{/bands}}đơn vị không gửi hoặc gửi báo cáo tự đánh giá sau thời hạn không được xếp hạng và xếp cuối nhóm.</p>
{{#levels}}<h2>{{name}}</h2>
<p>Điểm tối đa {{max}}. Các lĩnh vực: {{#areas}}{{code}}. {{name}} ({{max}} điểm); {{/areas}}</p>
{{>table}}
{{/levels}}
