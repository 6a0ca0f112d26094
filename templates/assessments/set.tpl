{{%AUTOESCAPE context="HTML"}}{{#set}}<h1>{{name}}</h1>
<dl class="facts"><dt>Mã</dt><dd>{{code}}</dd><dt>Phiên bản</dt><dd>{{version}}</dd><dt>Cấp áp dụng</dt><dd>{{level}}</dd><dt>Điểm tối đa</dt><dd>{{max}}</dd></dl>
<p class="downloads"><a href="/danh-gia/bo-tieu-chi/{{id}}?dinh-dang=xlsx">Tải về Excel (.xlsx)</a> <a href="/danh-gia/bo-tieu-chi/{{id}}?dinh-dang=json">Tải về JSON</a> <a href="/danh-gia/bo-tieu-chi">Các bộ tiêu chí</a></p>{{/set}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các tiêu chí"><table>
<caption>Các tiêu chí</caption>
<thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Điểm tối đa</th><th scope="col">Cách chấm</th><th scope="col">Hướng dẫn</th></tr></thead>
<tbody>{{#rows}}<tr{{#area}} class="group area"{{/area}}><th scope="row">{{code}}. {{name}}{{#evidence}} <em>(bắt buộc có tài liệu kiểm chứng)</em>{{/evidence}}</th><td class="num">{{max}}</td><td>{{rule}}</td><td>{{guidance}}</td></tr>{{/rows}}</tbody>
</table></div>
