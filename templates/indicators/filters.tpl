{{%AUTOESCAPE context="HTML"}}<div><label for="ky">Kỳ báo cáo <small>(VD: 2024-Q1, 2024-H1, 2024, 2024-03)</small></label>
<input id="ky" name="ky" value="{{ky}}" required maxlength="30" aria-describedby="ky-hint">
<small id="ky-hint">Đang xem: {{period_label}}</small></div>
<div><label for="pham-vi">Phạm vi</label>
<select id="pham-vi" name="pham-vi"><option value="subtree"{{#subtree}} selected{{/subtree}}>Cả đơn vị trực thuộc</option><option value="unit"{{#unit_only}} selected{{/unit_only}}>Riêng đơn vị</option></select></div>
