"""The real site's pages by kind and locale, for the screenshot and accessibility runs."""

# kind → locale → path. Every kind of page the templates make, in every locale that has one.
PAGES = {
    "home": {"en": "/en/", "es": "/es/", "ar": "/ar/"},
    "section": {"en": "/en/therapies/", "es": "/es/terapias/", "ar": "/ar/therapies/"},
    "topic": {"en": "/en/low-back-pain/", "es": "/es/dolor-lumbar-cronico/", "ar": "/ar/low-back-pain/"},
    "explainer": {
        "en": "/en/therapies/tens/",
        "es": "/es/terapias/estimulacion-nerviosa-transcutanea/",
        "ar": "/ar/therapies/tens/",
    },
    "comparison": {
        "en": "/en/therapies/pulse-parameters/",
        "es": "/es/terapias/parametros-del-impulso/",
        "ar": "/ar/therapies/إعدادات-النبضات/",
    },
    "glossary": {"en": "/en/glossary/", "es": "/es/glossary/", "ar": "/ar/glossary/"},
    "search": {"en": "/en/search/", "es": "/es/search/", "ar": "/ar/search/"},
    "fallback": {"ar": "/ar/therapies/pns/"},
    "not-found": {"en": "/en/no-such-page/"},
    "root": {"en": "/"},
    "content-report": {"en": "/content-report/"},
}

SCREENSHOT_KINDS = ("home", "topic", "explainer")


def all_pages():
    return [(kind, locale, path) for kind, paths in PAGES.items() for locale, path in paths.items()]
