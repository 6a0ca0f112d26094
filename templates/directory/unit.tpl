{{%AUTOESCAPE context="HTML"}}<nav aria-label="Đơn vị cấp trên"><ul>{{#ancestors}}<li><a href="/don-vi/{{code}}">{{name}}</a></li>{{/ancestors}}</ul></nav>
<h1>{{name}}</h1>
{{#manage}}<p><a href="/don-vi/{{code}}/sua">Sửa</a></p>{{/manage}}
<dl class="facts">
  <dt>Mã đơn vị</dt><dd>{{code}}</dd>
  <dt>Tên viết tắt</dt><dd>{{short_name}}</dd>
  <dt>Cấp</dt><dd>{{level}}</dd>
  <dt>Hiệu lực</dt><dd>{{validity}}</dd>
  {{#successors_section}}<dt>Đơn vị kế thừa</dt><dd><ul>{{#successors}}<li><a href="/don-vi/{{code}}">{{name}}</a> ({{validity}})</li>{{/successors}}</ul></dd>{{/successors_section}}
  {{#predecessors_section}}<dt>Tiếp nhận từ</dt><dd><ul>{{#predecessors}}<li><a href="/don-vi/{{code}}">{{name}}</a> ({{validity}})</li>{{/predecessors}}</ul></dd>{{/predecessors_section}}
</dl>
{{#children_section}}<h2>Đơn vị trực thuộc</h2><ul>{{#children}}<li><a href="/don-vi/{{code}}">{{name}}</a> <span class="level">{{level}}</span></li>{{/children}}</ul>{{/children_section}}
