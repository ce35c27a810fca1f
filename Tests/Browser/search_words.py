"""The reference for Templates/assets/search-words.js: the contract's word pipeline (docs/search.md)
in Python, stemming with libstemmer 2.2.0 through PyStemmer, and the word lists it is compared on."""
import glob
import itertools
import unicodedata

import Stemmer

WORD_CATEGORIES = ("L", "M", "N")
ARABIC = str.maketrans(
    {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", "\u0624": "\u0648",
     "\u0626": "\u064a", "\u0649": "\u064a", "\u0640": None, "\u0670": None,
     **{chr(code): None for code in range(0x064B, 0x0660)}})


def words(text):
    """Step 1: maximal runs of letters, marks and digits (Unicode general categories L*, M*, N*)."""
    for is_word, run in itertools.groupby(text, lambda c: unicodedata.category(c)[0] in WORD_CATEGORIES):
        if is_word:
            yield "".join(run)


def fold(word):
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F))


def terms(text, algorithm):
    """Steps 1–6 with the Snowball `algorithm` (None: unstemmed)."""
    stem = Stemmer.Stemmer(algorithm).stemWord if algorithm else (lambda word: word)
    found = []
    for word in words(text):
        word = unicodedata.normalize("NFC", word.lower()).translate(ARABIC)
        term = fold(stem(word)) if word else ""
        if term:
            found.append(term)
    return found


def content_text(locale):
    """Every Markdown and YAML file of the site's Content/<locale>/, as one text."""
    paths = sorted(glob.glob(f"Content/{locale}/**/*.md", recursive=True)
                   + glob.glob(f"Content/{locale}/**/*.yml", recursive=True))
    return "\n".join(open(path, encoding="utf-8").read() for path in paths)


def without_accents(text):
    """Spanish as typed on a keyboard without accents: "estimulacion"."""
    return fold(text)


def with_harakat(text):
    """Arabic with harakat, tatweel and hamza forms added, as a reader might type or paste it."""
    return "".join(c + ("\u064e" if i % 3 == 0 else "\u0640" if i % 7 == 0 else "")
                   if "\u0621" <= c <= "\u064a" else c for i, c in enumerate(text))


GERMAN_ROOTS = ["schmerz", "behandl", "nerv", "stimul", "wirbel", "säul", "rück", "straß", "über",
                "größ", "lähm", "empfind", "heil", "entzünd", "bewegung", "muskel", "gerät", "strom"]
GERMAN_ENDINGS = ["", "e", "en", "end", "ung", "ungen", "lich", "lichen", "keit", "heit", "er", "ern",
                  "es", "s", "isch", "ig", "igen", "est", "et", "te", "ten", "nis", "nisse"]
FRENCH_ROOTS = ["douleur", "stimul", "nerv", "électr", "thérap", "colonn", "vertébr", "trait",
                "moell", "épin", "soign", "réduct", "inflamm", "guér", "appar", "mouv", "sensibl", "hôpit"]
FRENCH_ENDINGS = ["", "e", "es", "er", "ez", "ation", "ations", "ement", "ements", "ique", "iques",
                  "eur", "euse", "ité", "aient", "èrent", "ant", "ante", "issement", "ions", "al", "aux"]


def generated(roots, endings):
    """Every root with every ending, and the same in capitals: a few thousand inflected forms."""
    forms = [root + ending for root in roots for ending in endings]
    return " ".join(forms + [form.capitalize() for form in forms] + [form.upper() for form in forms[::5]])
