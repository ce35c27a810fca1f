#!/usr/bin/env python3
"""Turns a spinesite benchmark corpus (Scripts/bench-corpus.py) into the same
site for Hugo, so `make bench` can build both side by side.

Same pages, same Markdown, same locales and translations (Hugo pairs
translations by path, as the corpus does), and templates doing the work that
spinesite's do on every page: a language switcher, hreflang alternates, a table
of contents, breadcrumbs to the section, and section lists. Hugo's RSS and
taxonomy pages are turned off: spinesite makes neither.

    Scripts/bench-hugo.py CORPUS_DIR HUGO_SITE_DIR
"""
import os
import re
import shutil
import sys

BASEOF = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header>
<a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav aria-label="Language"><ul>
<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" aria-current="page">{{ .Language.LanguageName }}</a></li>
{{ range .Translations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
{{ end }}</ul></nav>
</header>
<nav aria-label="Breadcrumb"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li aria-current="page">{{ .Title }}</li></ol></nav>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>Education only; talk to your clinician.</p></footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="lede">{{ .Description }}</p>
<nav class="toc" aria-label="On this page">{{ .TableOfContents }}</nav>
<div class="prose">{{ .Content }}</div>
</article>{{ end }}
"""

LIST = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="lede">{{ .Description }}</p>
<nav class="toc" aria-label="On this page">{{ .TableOfContents }}</nav>
<div class="prose">{{ .Content }}</div>
<ul class="topic-list">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>
</article>{{ end }}
"""


def locale_names(content):
    """Each locale folder with the name and direction its locale.yml gives."""
    locales = []
    for tag in sorted(os.listdir(content)):
        path = os.path.join(content, tag, "locale.yml")
        if not os.path.isfile(path):
            continue
        text = open(path, encoding="utf-8").read()
        name = re.search(r"(?m)^name:\s*\"?([^\"\n]+)", text)
        direction = re.search(r"(?m)^direction:\s*(\w+)", text)
        locales.append((tag, name.group(1) if name else tag, direction.group(1) if direction else "ltr"))
    return locales


def main(corpus, out):
    content = os.path.join(corpus, "Content")
    site = open(os.path.join(content, "site.yml"), encoding="utf-8").read()
    default = re.search(r"(?m)^defaultLocale:\s*(\S+)", site).group(1)
    locales = locale_names(content)
    order = [default] + [tag for tag, _, _ in locales if tag != default]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "layouts", "_default"))
    lines = [
        'baseURL = "https://example.org/"',
        'title = "Benchmark"',
        f'defaultContentLanguage = "{default}"',
        "defaultContentLanguageInSubdir = true",
        'disableKinds = ["taxonomy", "term", "RSS"]',
        "[markup.tableOfContents]",
        "  startLevel = 2",
        "  endLevel = 3",
        "[languages]",
    ]
    for tag, name, direction in locales:
        lines += [f"  [languages.{tag}]", f'    languageName = "{name}"', f'    languageDirection = "{direction}"',
                  f'    contentDir = "content/{tag}"', f"    weight = {order.index(tag) + 1}"]
    open(os.path.join(out, "config.toml"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
    for name, text in [("baseof.html", BASEOF), ("single.html", SINGLE), ("list.html", LIST)]:
        open(os.path.join(out, "layouts", "_default", name), "w", encoding="utf-8").write(text)
    for tag, _, _ in locales:
        source = os.path.join(content, tag)
        shutil.copytree(source, os.path.join(out, "content", tag), ignore=shutil.ignore_patterns("*.yml"))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
