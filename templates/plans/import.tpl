{{%AUTOESCAPE context="HTML"}}{{#plan}}<h1>Nhập bảng nhiệm vụ của Kế hoạch số {{number}}</h1>{{/plan}}
<p>Tệp Excel (.xlsx, trang tính đầu tiên) hoặc CSV (UTF-8) theo mẫu phụ lục kế hoạch: các cột STT, Mục tiêu, Nhiệm vụ/Hoạt động, Kết quả/Sản phẩm, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành; mỗi lĩnh vực bắt đầu bằng một dòng số La Mã (I, II, …). Tên đơn vị được đối chiếu với danh mục đơn vị, có dấu hay không dấu đều được; tên chưa nhận ra cần được chọn trước khi nhập. Có dòng sai thì không nhập gì.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#problems}}<div class="form-error" role="alert"><p>Tệp {{filename}} có {{count}} lỗi, chưa nhập gì. Xin vui lòng sửa tệp và tải lên lại.</p></div>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các dòng bị lỗi"><table><caption>Các dòng bị lỗi</caption><thead><tr><th scope="col">Dòng</th><th scope="col">Lỗi</th></tr></thead>
<tbody>{{#errors}}<tr><td class="num">{{line}}</td><td>{{message}}</td></tr>{{/errors}}</tbody></table></div>{{/problems}}
{{#upload}}{{#plan}}
<form method="post" action="/ke-hoach/{{id}}/nhap" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tep">Chọn tệp XLSX hoặc CSV</label>
  <input id="tep" name="tep" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
  <button type="submit">Kiểm tra tệp</button>
</form>{{/plan}}
{{/upload}}
{{#ready}}
<h2>Kết quả kiểm tra: {{filename}}</h2>
<p class="notice" role="status">Đọc được {{rows}} nhiệm vụ.</p>
<form method="post" action="/ke-hoach/{{plan_id}}/nhap/xac-nhan">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <input type="hidden" name="tep_da_kiem_tra" value="{{staged}}">
  {{#any_unresolved}}<div class="form-error" role="alert"><p>Có tên đơn vị chưa nhận ra. Hãy chọn đơn vị tương ứng cho từng tên; lựa chọn được ghi nhớ cho các lần nhập sau.</p></div>
  <div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Tên đơn vị cần chọn"><table><caption>Tên đơn vị cần chọn</caption>
  <thead><tr><th scope="col">Tên trong tệp</th><th scope="col">Dòng</th><th scope="col">Lý do</th><th scope="col">Đơn vị tương ứng</th></tr></thead>
  <tbody>{{#unresolved}}<tr><th scope="row">{{name}}<input type="hidden" name="ten_{{i}}" value="{{name}}"></th><td>{{lines}}</td><td>{{why}}</td>
  <td><label class="visually-hidden" for="chon_{{i}}">Đơn vị cho “{{name}}”</label><select id="chon_{{i}}" name="chon_{{i}}"><option value="">— Chọn đơn vị —</option>{{#options}}<option value="{{value}}">{{label}}</option>{{/options}}</select></td></tr>{{/unresolved}}</tbody></table></div>{{/any_unresolved}}
  {{#any_unread}}<p class="form-error">Có {{unread}} dòng có thời hạn chưa đọc được (được ghi nguyên văn, không tính quá hạn). Các dòng này được nhập và có thể sửa thời hạn sau trong bảng nhiệm vụ.</p>{{/any_unread}}
  <div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các nhiệm vụ đầu tiên và các dòng cần xem lại"><table><caption>Các nhiệm vụ đầu tiên và các dòng cần xem lại</caption>
  <thead><tr><th scope="col">Dòng</th><th scope="col">Nhiệm vụ</th><th scope="col">Cơ quan chủ trì</th><th scope="col">Thời gian hoàn thành</th></tr></thead>
  <tbody>{{#preview}}<tr><td class="num">{{line}}</td><td>{{description}}</td><td>{{lead}}</td><td{{#unread}} class="missed"{{/unread}}>{{deadline}}{{#unread}} <strong>(chưa đọc được thời hạn: dòng vẫn được nhập, sửa sau trong bảng nhiệm vụ)</strong>{{/unread}}</td></tr>{{/preview}}</tbody></table></div>
  {{#has_tasks}}<label><input type="checkbox" name="thay_the" value="1"> Thay thế các nhiệm vụ hiện có của kế hoạch (chỉ được khi chưa có báo cáo)</label>{{/has_tasks}}
  <button type="submit" name="xac_nhan" value="1">Nhập {{rows}} nhiệm vụ</button>
  {{#any_unresolved}}<button type="submit" name="xac_nhan" value="0" class="secondary">Kiểm tra lại</button>{{/any_unresolved}}
  <a href="/ke-hoach/{{plan_id}}/nhap">Hủy</a>
</form>
{{/ready}}
