{{%AUTOESCAPE context="HTML"}}{{#plan}}<h1>Kế hoạch số {{number}}</h1>
<p class="lead">{{title}}</p>
<dl class="facts">
  <dt>Loại</dt><dd>{{kind}}</dd>
  <dt>Cơ quan ban hành</dt><dd>{{unit}}</dd>
  <dt>Ngày ban hành</dt><dd>{{issued_on}}</dd>
  <dt>Năm</dt><dd>{{year}}</dd>
  <dt>Trạng thái</dt><dd>{{status}}</dd>
</dl>{{/plan}}
{{#imported}}<p class="notice" role="status">Đã nhập {{count}} nhiệm vụ.</p>{{/imported}}
<p class="downloads"><a href="{{xlsx_href}}">Tải bảng nhiệm vụ (.xlsx)</a>{{#plan}} <a href="/ke-hoach/{{id}}/bao-cao-ky">Báo cáo kết quả theo kỳ</a>{{/plan}}{{#can_manage}}{{#plan}} <a href="/ke-hoach/{{id}}/nhap">Nhập bảng nhiệm vụ</a> <a href="/ke-hoach/{{id}}/sua-nhiem-vu">Sửa bảng nhiệm vụ</a> <a href="/ke-hoach/{{id}}/sua">Sửa kế hoạch</a>{{/plan}}{{/can_manage}}</p>
{{#has_legal_bases}}<details><summary>Căn cứ</summary><p class="pre">{{legal_bases}}</p></details>{{/has_legal_bases}}
{{#has_objectives}}<details><summary>Mục đích, yêu cầu</summary><p class="pre">{{objectives}}</p></details>{{/has_objectives}}
<h2>Tình hình thực hiện đến ngày {{today}}</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Số nhiệm vụ theo tình trạng"><table>
<caption>Số nhiệm vụ theo tình trạng</caption>
<thead><tr><th scope="col">Tình trạng</th><th scope="col" class="num">Số nhiệm vụ</th></tr></thead>
<tbody>{{#summary}}<tr><th scope="row" class="status-{{code}}">{{label}}</th><td class="num">{{count}}</td></tr>{{/summary}}</tbody>
</table></div>
<h2>Bảng nhiệm vụ</h2>
{{#empty}}<p>Kế hoạch chưa có nhiệm vụ. Nhập bảng nhiệm vụ từ tệp Excel hoặc CSV theo mẫu phụ lục kế hoạch.</p>{{/empty}}
{{>table}}
