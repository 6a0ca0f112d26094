{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles":false}'>
<title>{{title}} — {{system_name}}</title>
{{#og}}<meta name="description" content="{{description}}">
<meta property="og:title" content="{{title}}">
<meta property="og:description" content="{{description}}">
<meta property="og:url" content="{{url}}">
<meta property="og:type" content="{{type}}">
<meta property="og:locale" content="vi_VN">
<link rel="canonical" href="{{url}}">{{/og}}
{{#refresh}}<noscript><meta http-equiv="refresh" content="{{seconds}}"></noscript>{{/refresh}}{{#feed_link}}<link rel="alternate" type="application/atom+xml" href="{{href}}">{{/feed_link}}
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/vendor/pico.min.css">
<link rel="stylesheet" href="/static/css/cchc.css">
<script src="/static/vendor/htmx.min.js" defer></script>
{{#charts}}<script src="/static/vendor/echarts.min.js" defer></script>
<script src="/static/js/charts.js" defer></script>{{/charts}}
{{#pow}}<script src="/static/js/pow.js" defer></script>{{/pow}}
</head>
<body class="{{body_class}}">
<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site-header container">
  <p class="site-province">{{province_name}}</p>
  <p class="site-name"><a href="/">{{system_name}}</a></p>
  <nav aria-label="Điều hướng chính">
    <ul>
      {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}
    </ul>
    <ul class="account">
      {{#user}}<li><a href="/doi-mat-khau" title="Đổi mật khẩu">{{display_name}}</a></li>
      <li><form method="post" action="/dang-xuat" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">Đăng xuất</button></form></li>{{/user}}
      {{#anonymous}}<li><a href="/dang-nhap">Đăng nhập</a></li>{{/anonymous}}
    </ul>
  </nav>
</header>
<main id="noi-dung" class="container" tabindex="-1">
{{>content}}
</main>
<footer class="site-footer container">
  <p>{{system_name}} — {{province_name}}. <a href="/tuy-chon-hien-thi">Tùy chọn hiển thị</a></p>
</footer>
</body>
</html>
