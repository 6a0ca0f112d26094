{{%AUTOESCAPE context="HTML"}}<div><label for="ky">Kỳ báo cáo</label>
<select id="ky" name="ky" aria-describedby="ky-hint">{{#period_groups}}<optgroup label="{{group}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</optgroup>{{/period_groups}}</select>
<small id="ky-hint">Đang xem: {{period_label}}</small></div>
<div><label for="pham-vi">Phạm vi</label>
<select id="pham-vi" name="pham-vi"><option value="subtree"{{#subtree}} selected{{/subtree}}>Cả đơn vị trực thuộc</option><option value="unit"{{#unit_only}} selected{{/unit_only}}>Riêng đơn vị</option></select></div>
