{{%AUTOESCAPE context="HTML"}}<h1>Tổng hợp: {{title}}</h1>
<p>Hạn báo cáo {{due}}. {{sent}}/{{total}} đơn vị đã gửi báo cáo. <a href="/yeu-cau-bao-cao/{{id}}">Về yêu cầu</a> · <a href="/yeu-cau-bao-cao/{{id}}/tong-hop?dinh-dang=docx">Tải dự thảo (.docx)</a> · <a href="/yeu-cau-bao-cao/{{id}}/tong-hop?dinh-dang=docx&amp;pdf=1">Tải bản PDF</a></p>
{{#is_figure}}<h2 id="so-lieu">Số liệu của các đơn vị ({{figure_unit}})</h2>
{{#no_figures}}<p>Chưa có đơn vị gửi số liệu.</p>{{/no_figures}}
{{#any_figures}}<div class="table-wrap" tabindex="0" role="region" aria-label="Số liệu của các đơn vị"><table>
<caption>Số liệu của các đơn vị ({{figure_unit}})</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Số liệu</th></tr></thead>
<tbody>{{#figures}}<tr><th scope="row">{{unit}}{{#pending}} (chưa duyệt){{/pending}}</th><td class="num">{{value}}</td></tr>{{/figures}}</tbody>
{{#figure_total}}<tfoot><tr><th scope="row">Tổng cộng{{#pending}} (gồm số liệu chưa duyệt){{/pending}}</th><td class="num">{{text}}</td></tr></tfoot>{{/figure_total}}
</table></div>{{/any_figures}}{{/is_figure}}
{{#parts}}<h2>{{heading}}</h2>
{{#empty}}<p>Chưa có đơn vị báo cáo nội dung này.</p>{{/empty}}
<ul>{{#items}}<li><strong>{{unit}}{{#pending}} (chưa duyệt){{/pending}}:</strong> {{text}}</li>{{/items}}</ul>{{/parts}}
<h2 id="chua-gui">Các đơn vị chưa gửi báo cáo ({{missing_count}}/{{total}})</h2>
{{#all_answered}}<p>Tất cả các đơn vị đã gửi báo cáo.</p>{{/all_answered}}
<ul>{{#missing}}<li>{{unit}}{{#returned}} (báo cáo bị trả lại, chưa gửi lại){{/returned}}</li>{{/missing}}</ul>
