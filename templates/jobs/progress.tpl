{{%AUTOESCAPE context="HTML"}}<div id="tien-do"{{#polling}} hx-get="{{poll}}" hx-trigger="every 1s" hx-swap="outerHTML"{{/polling}}>
<p>Trạng thái: <strong>{{state}}</strong></p>
{{#bar}}<progress max="{{max}}" value="{{value}}" aria-label="Tiến độ">{{percent}}</progress>
<p>Đã xử lý {{done}}/{{total}} ({{percent}})</p>{{/bar}}
{{#waiting}}<progress aria-label="Tiến độ"></progress>{{/waiting}}
{{#doing}}<p>{{text}}</p>{{/doing}}
</div>
