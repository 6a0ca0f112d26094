{{%AUTOESCAPE context="HTML"}}{{#plan}}<h1>Báo cáo kết quả thực hiện Kế hoạch số {{number}}</h1>
<p class="lead">{{title}}</p>{{/plan}}
{{#period}}<p>{{label}}: tình trạng đến ngày {{last}} (ngày chốt số liệu) theo báo cáo của các đơn vị trong kỳ và các kỳ trước; hạn gửi báo cáo {{due}}.</p>{{/period}}
{{#plan}}<form method="get" action="/ke-hoach/{{id}}/bao-cao-ky" class="filters" aria-label="Chọn kỳ báo cáo">{{/plan}}
  <div><label for="ky">Kỳ báo cáo</label>
  <select id="ky" name="ky">{{#periods}}<option value="{{key}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select></div>
  <button type="submit">Xem</button>
</form>
<p>Các đơn vị chủ trì đã gửi <strong>{{reported}}</strong> trên {{owed}} báo cáo phải gửi trong kỳ.</p>
<p class="downloads"><a href="{{docx_href}}">Tải dự thảo báo cáo (.docx)</a> <a href="{{docx_href}}&amp;pdf=1">Bản PDF của dự thảo</a> <a href="{{xlsx_href}}">Tải bảng tổng hợp (.xlsx)</a> {{#plan}}<a href="/ke-hoach/{{id}}">Về kế hoạch</a>{{/plan}}</p>
{{>table}}
