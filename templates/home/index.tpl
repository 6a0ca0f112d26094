{{%AUTOESCAPE context="HTML"}}<h1>{{heading}}</h1>
<p class="lead">{{intro}}</p>

<section aria-labelledby="hom-nay">
  <h2 id="hom-nay">Hôm nay</h2>
  <dl class="facts">
    <dt>Ngày</dt><dd>{{today_label}}</dd>
    <dt>Trạng thái</dt><dd><span class="status status-{{today_status_class}}">{{today_status}}</span></dd>
    <dt>Kỳ báo cáo quý</dt><dd>{{quarter_label}}</dd>
    <dt>Ngày làm việc còn lại trong quý</dt><dd>{{working_days_left}}</dd>
  </dl>
</section>

<section aria-labelledby="nghi-le">
  <h2 id="nghi-le">Ngày nghỉ lễ và ngày làm bù sắp tới</h2>
  {{#holidays_section}}
  <div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Ngày nghỉ lễ và ngày làm bù sắp tới"><table>
    <caption>Theo lịch ngày làm việc của cơ quan hành chính nhà nước</caption>
    <thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th><th scope="col">Nội dung</th><th scope="col">Loại</th></tr></thead>
    <tbody>
      {{#holidays}}<tr><td>{{date}}</td><td>{{weekday}}</td><td>{{name}}</td><td>{{kind}}{{#provisional}} (dự kiến){{/provisional}}</td></tr>{{/holidays}}
    </tbody>
  </table></div>
  {{/holidays_section}}
  {{#no_holidays}}<p>Lịch hiện có chưa có ngày nghỉ lễ nào sắp tới.</p>{{/no_holidays}}
</section>

<section aria-labelledby="chuc-nang">
  <h2 id="chuc-nang">Chức năng của hệ thống</h2>
  <ul class="capabilities">
    {{#capabilities}}<li><a href="{{href}}"><strong>{{name}}</strong></a>: {{description}}</li>{{/capabilities}}
  </ul>
</section>
