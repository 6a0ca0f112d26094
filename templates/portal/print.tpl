{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} — Bản in</title>
<link rel="stylesheet" href="/static/css/print.css">
</head>
<body>
<main>
<p class="source">{{province_name}} — Cổng thông tin cải cách hành chính</p>
<h1>{{title}}</h1>
<p class="meta">Đăng ngày {{date}} · Đơn vị cung cấp: {{unit}} · {{category}}</p>
<p class="lead">{{summary}}</p>
<div class="article-body">{{body:none}}</div>
<p class="source">Nguồn: {{url}}</p>
</main>
</body>
</html>
