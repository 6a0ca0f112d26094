{{%AUTOESCAPE context="HTML"}}<h1>Đăng nhập</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#signed_in}}<p>Bạn đang đăng nhập với tài khoản <strong>{{username}}</strong>.</p>{{/signed_in}}
<form method="post" action="/dang-nhap">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <input type="hidden" name="tiep" value="{{next}}">
  <label for="username">Tên đăng nhập</label>
  <input id="username" name="username" autocomplete="username" required maxlength="64" value="{{username_value}}">
  <label for="password">Mật khẩu</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit">Đăng nhập</button>
</form>
