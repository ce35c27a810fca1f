#!/usr/bin/env python3
"""Generate a deterministic synthetic spinesite corpus for benchmarking.

Example:
    python3 Scripts/bench-corpus.py --topics 1000 --locales en,es,fr,de \
        --coverage 1.0,0.7,0.5,0.3 --strings-from Content/en/locale.yml \
        --templates Templates /tmp/bench-1000

Layout written (the first locale is the default locale and has every topic):
    OUT/Content/site.yml
    OUT/Content/<loc>/locale.yml
    OUT/Content/<loc>/_index.md                      locale home
    OUT/Content/<loc>/section-NNN/_index.md          section pages
    OUT/Content/<loc>/section-NNN/topic-NNNNN.md     topics
    OUT/Templates/...                                copied from --templates

Other locales get a deterministic subset of round(coverage * N) topics at the same
relative paths (so they share the default path-based id, e.g.
"section-003/topic-00042"). Every cross-link (relative file link, `topic:ID`
link, `#anchor`) and every `related` id points to a page that exists in the
same locale; `--verify` re-scans the written files and checks that.

Python 3 standard library only. Output depends only on the arguments (and --seed).
"""

import argparse
import math
import os
import random
import re
import shutil
import sys
import time

# --------------------------------------------------------------------------
# Fixed vocabulary
# --------------------------------------------------------------------------

WORDS = """
spine lumbar cervical thoracic vertebra vertebrae disc discs nerve nerves root
muscle muscles ligament ligaments joint joints facet posture movement stretch
strength core stability flexibility pain ache stiffness tension inflammation
swelling injury strain sprain recovery healing therapy treatment session
exercise walking swimming cycling yoga pilates physiotherapy physiotherapist
doctor clinician patient patients symptom symptoms diagnosis imaging scan
evidence study studies trial trials review outcome outcomes benefit benefits
risk risks effect effects response relief comfort function daily activity
activities work sleep rest load lifting bending sitting standing chair desk
habit habits routine week weeks month months year years short long term
chronic acute mild moderate severe gradual gentle regular steady careful
common typical usual rare early later first second often sometimes usually
may might can could should will helps reduces improves supports protects
eases changes builds keeps allows guides shows suggests measures compares
the a an and or but with without for from into over under between during
after before about around through against toward within across along
people person body back neck hip hips knee shoulder shoulders leg legs arm
heat cold ice massage brace pillow mattress footwear weight balance breathing
stress mood energy confidence plan goal goals progress pace level levels
simple clear practical useful important helpful safe safer modest small
large steady better worse stable active passive manual electrical device
""".split()

FUNCTION_WORDS = {"the", "a", "an", "and", "or", "but", "with", "without", "for",
                  "from", "into", "over", "under", "between", "during", "after",
                  "before", "about", "around", "through", "against", "toward",
                  "within", "across", "along"}

# Heading texts use only plain words and spaces so the anchor is simply
# lowercase-with-dashes. "Overview" is on every topic page (first heading).
HEADINGS = [
    "How it works", "Who may benefit", "What the evidence says",
    "Risks and side effects", "Practical tips", "Daily routine",
    "Questions to ask your clinician", "Background", "Common causes",
    "Treatment options", "When to seek help", "Exercises at home",
    "Sleep and rest", "Work and posture", "Long term outlook",
    "Costs and access", "Myths and facts", "Measuring progress",
]
SUBHEADINGS = [
    "In short", "Step by step", "What to expect", "Key terms",
    "A typical week", "Signs of progress", "Things to avoid", "Further reading",
]
TAGS = ["back-pain", "neck-pain", "posture", "exercise", "sleep", "work",
        "electrical-stimulation", "non-invasive", "manual-therapy", "imaging",
        "surgery", "medication", "self-care", "chronic-pain", "acute-pain",
        "evidence", "ergonomics", "sport", "ageing", "prevention"]
EXTERNAL = [
    "https://www.who.int/news-room/fact-sheets/detail/low-back-pain",
    "https://www.nice.org.uk/guidance/ng59",
    "https://medlineplus.gov/backpain.html",
    "https://www.ninds.nih.gov/health-information/disorders/back-pain",
    "https://en.wikipedia.org/wiki/Low_back_pain",
]

# name, direction for the locale codes we expect; unknown codes get (code, ltr).
LOCALE_INFO = {
    "en": ("English", "ltr"), "es": ("Español", "ltr"), "fr": ("Français", "ltr"),
    "de": ("Deutsch", "ltr"), "it": ("Italiano", "ltr"), "pt": ("Português", "ltr"),
    "nl": ("Nederlands", "ltr"), "sv": ("Svenska", "ltr"), "da": ("Dansk", "ltr"),
    "nb": ("Norsk bokmål", "ltr"), "fi": ("Suomi", "ltr"), "pl": ("Polski", "ltr"),
    "cs": ("Čeština", "ltr"), "sk": ("Slovenčina", "ltr"), "hu": ("Magyar", "ltr"),
    "ro": ("Română", "ltr"), "bg": ("Български", "ltr"), "el": ("Ελληνικά", "ltr"),
    "tr": ("Türkçe", "ltr"), "ru": ("Русский", "ltr"), "uk": ("Українська", "ltr"),
    "ar": ("العربية", "rtl"), "he": ("עברית", "rtl"), "fa": ("فارسی", "rtl"),
    "ur": ("اردو", "rtl"), "yi": ("ייִדיש", "rtl"),
    "hi": ("हिन्दी", "ltr"), "bn": ("বাংলা", "ltr"), "ta": ("தமிழ்", "ltr"),
    "th": ("ไทย", "ltr"), "vi": ("Tiếng Việt", "ltr"), "id": ("Bahasa Indonesia", "ltr"),
    "ms": ("Bahasa Melayu", "ltr"), "ja": ("日本語", "ltr"), "ko": ("한국어", "ltr"),
    "zh": ("中文", "ltr"), "sw": ("Kiswahili", "ltr"), "am": ("አማርኛ", "ltr"),
    "yo": ("Yorùbá", "ltr"), "ha": ("Hausa", "ltr"), "zu": ("isiZulu", "ltr"),
    "ca": ("Català", "ltr"),
}
RTL_LANGS = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ckb", "dv"}

LOCALE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def anchor_of(text):
    """Heading anchor: lowercase, letters/digits kept, spaces -> '-', rest dropped."""
    out = []
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
        elif ch == " ":
            out.append("-")
        elif ch in "-_":
            out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------
# Planning: which topics exist where, and their headings
# --------------------------------------------------------------------------

class Topic:
    __slots__ = ("num", "section", "rel", "id", "headings", "title_words", "weight")

    def __init__(self, num, section, weight, rng):
        self.num = num
        self.section = section
        self.weight = weight
        self.rel = "section-%03d/topic-%05d.md" % (section, num)
        self.id = self.rel[:-3]
        # 3-6 headings total; first is always "Overview" (##), then 1-4 more ## from the
        # pool and 0-2 ### subheadings. All distinct within the page.
        n_h2 = rng.randint(2, 4)
        n_h3 = rng.randint(max(0, 3 - n_h2), min(2, 6 - n_h2))
        h2 = ["Overview"] + rng.sample(HEADINGS, n_h2 - 1)
        h3 = rng.sample(SUBHEADINGS, n_h3)
        self.headings = (h2, h3)
        self.title_words = [w for w in rng.sample(WORDS, 6) if w not in FUNCTION_WORDS][:4] or ["spine"]

    def anchors(self):
        h2, h3 = self.headings
        return [anchor_of(h) for h in h2 + h3]


def plan(n_topics, locales, coverage, seed, sections=0):
    rng = random.Random("plan:%d:%d" % (seed, n_topics))
    n_sections = sections or max(1, int(round(math.sqrt(n_topics) / 2.0)))
    topics = []
    # Spread topics over sections with mildly uneven sizes (every section >= 1 topic).
    weights = [rng.uniform(0.6, 1.4) for _ in range(n_sections)]
    total_w = sum(weights)
    counts = [max(1, int(n_topics * w / total_w)) for w in weights]
    diff = n_topics - sum(counts)
    i = 0
    while diff != 0:
        j = i % n_sections
        if diff > 0:
            counts[j] += 1
            diff -= 1
        elif counts[j] > 1:
            counts[j] -= 1
            diff += 1
        i += 1
    num = 1
    for s in range(n_sections):
        for k in range(counts[s]):
            trng = random.Random("topic:%d:%d" % (seed, num))
            topics.append(Topic(num, s + 1, (k + 1) * 10, trng))
            num += 1

    per_locale = {}
    for li, (loc, cov) in enumerate(zip(locales, coverage)):
        if li == 0:
            per_locale[loc] = list(topics)
            continue
        k = int(round(cov * n_topics))
        k = max(0, min(n_topics, k))
        lrng = random.Random("subset:%d:%s" % (seed, loc))
        chosen = sorted(lrng.sample(range(n_topics), k))
        per_locale[loc] = [topics[i] for i in chosen]
    return n_sections, topics, per_locale


# --------------------------------------------------------------------------
# Text generation
# --------------------------------------------------------------------------

def sentence(rng, lo=8, hi=18):
    n = rng.randint(lo, hi)
    ws = rng.choices(WORDS, k=n)
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + rng.choice([".", ".", ".", ".", "?", "!"])


def paragraph(rng, n_words_target, decorate=True):
    out = []
    count = 0
    while count < n_words_target:
        s = sentence(rng)
        count += len(s.split())
        out.append(s)
    text = " ".join(out)
    if decorate:
        ws = text.split(" ")
        # sprinkle **bold** and *emphasis* on plain words (at least one of each)
        plain = [i for i, w in enumerate(ws) if w.isalpha()]
        for j, i in enumerate(rng.sample(plain, min(len(plain), rng.randint(2, 4)))):
            bold = j == 0 or (j > 1 and rng.random() < 0.5)
            ws[i] = ("**%s**" if bold else "*%s*") % ws[i]
        text = " ".join(ws)
    return text, count


def title_of(t, loc, default_locale):
    base = " ".join(t.title_words).capitalize() + " (topic %d)" % t.num
    return base if loc == default_locale else "[%s] %s" % (loc, base)


def rel_link(from_rel, to_rel):
    return os.path.relpath(to_rel, os.path.dirname(from_rel) or ".").replace(os.sep, "/")


def make_links(rng, t, pool, k):
    """k cross-link targets (distinct, != t) from pool (list of Topics in this locale)."""
    if len(pool) <= 1:
        return []
    k = min(k, len(pool) - 1)
    out = []
    seen = {t.num}
    tries = 0
    while len(out) < k and tries < 50 * k:
        tries += 1
        # bias half the links to the same section (realistic neighbourhood links)
        c = rng.choice(pool)
        if c.num in seen:
            continue
        seen.add(c.num)
        out.append(c)
    return out


def link_markdown(rng, t, target, style, label):
    anchor = ""
    if style.endswith("#"):
        # anchor to a heading known to exist in the target: usually overview, sometimes another
        anchor = "#" + (rng.choice(target.anchors()) if rng.random() < 0.5 else "overview")
        style = style[:-1]
    if style == "rel":
        dest = rel_link(t.rel, target.rel) + anchor
    else:
        dest = "topic:" + target.id + anchor
    return "[%s](%s)" % (label, dest)


def count_words(body):
    """Words of a Markdown body as --verify counts them (link destinations excluded)."""
    return len(re.findall(r"[A-Za-z]+", re.sub(r"\]\([^)]*\)", "]", body)))


def topic_body(t, loc, default_locale, pool, pool_by_section, seed, lo=420, hi=880):
    """Body of 400-900 words: aim for a random total in [lo, hi], rescale the prose
    budget and regenerate (deterministically) if the first attempt misses."""
    rng = random.Random("words:%d:%s:%d" % (seed, loc, t.num))
    want = rng.randint(lo, hi)
    prose = int(want * 0.75)
    body = ""
    for attempt in range(8):
        body = _topic_body(t, loc, pool, pool_by_section, seed, attempt, prose)
        n = count_words(body)
        if lo <= n <= hi:
            break
        prose = max(60, int(prose * want / float(n)))
    return body


def _topic_body(t, loc, pool, pool_by_section, seed, attempt, target_words):
    rng = random.Random("body:%d:%s:%d:%d" % (seed, loc, t.num, attempt))
    h2, h3 = t.headings
    n_blocks = len(h2)
    per_block = max(40, target_words // n_blocks)

    # cross-links: 3-5, to topics existing in this locale
    same = pool_by_section.get(t.section, [])
    n_links = rng.randint(3, 5)
    targets = []
    if len(same) > 1:
        targets += make_links(rng, t, same, min(2, n_links))
    seen = {x.num for x in targets}
    for c in make_links(rng, t, pool, n_links + 3):
        if len(targets) >= n_links:
            break
        if c.num not in seen:
            seen.add(c.num)
            targets.append(c)
    styles = ["rel", "topic", "rel#", "topic#", "rel"]
    rng.shuffle(styles)
    link_texts = []
    for i, target in enumerate(targets):
        label = " ".join(target.title_words[:2])
        link_texts.append(link_markdown(rng, t, target, styles[i % len(styles)], label))

    blocks = []
    footnote = rng.random() < 0.3
    # Where to put the table / lists: distinct blocks when possible
    table_at = rng.randrange(n_blocks)
    bullets_at = rng.randrange(n_blocks)
    numbers_at = (bullets_at + 1) % n_blocks
    ext_at = rng.randrange(n_blocks)
    h3_at = {}
    for h in h3:
        h3_at.setdefault(rng.randrange(1, n_blocks) if n_blocks > 1 else 0, []).append(h)

    link_i = 0
    for bi, heading in enumerate(h2):
        blocks.append("## " + heading)
        n_par = rng.randint(1, 3)
        words_each = max(25, per_block // n_par)
        for pi in range(n_par):
            text, _ = paragraph(rng, words_each)
            # attach cross-links across paragraphs
            if link_i < len(link_texts) and (rng.random() < 0.6 or bi == n_blocks - 1):
                text += " See also %s for more on %s." % (link_texts[link_i], rng.choice(WORDS))
                link_i += 1
            if bi == ext_at and pi == 0:
                text += " An outside overview is available from [this public resource](%s)." % rng.choice(EXTERNAL)
            if footnote and bi == 0 and pi == 0:
                text += "[^n%d]" % t.num
            blocks.append(text)
        if bi == table_at:
            rows = rng.randint(3, 5)
            tbl = ["| Measure | Typical range | Notes |", "|---|---:|---|"]
            for _ in range(rows):
                a = rng.randint(1, 20)
                tbl.append("| %s %s | %d–%d | %s |" % (
                    rng.choice(WORDS).capitalize(), rng.choice(WORDS), a, a + rng.randint(1, 30),
                    " ".join(rng.choices(WORDS, k=rng.randint(3, 7)))))
            blocks.append("\n".join(tbl))
        if bi == bullets_at:
            blocks.append("\n".join("- " + sentence(rng, 4, 10) for _ in range(rng.randint(3, 6))))
        if bi == numbers_at:
            blocks.append("\n".join("%d. %s" % (i + 1, sentence(rng, 5, 12))
                                    for i in range(rng.randint(3, 5))))
        for h in h3_at.get(bi, []):
            blocks.append("### " + h)
            text, _ = paragraph(rng, max(20, min(60, per_block // 2)))
            blocks.append(text)
    # any leftover links go in a closing paragraph
    if link_i < len(link_texts):
        blocks.append("Related reading: " + ", ".join(link_texts[link_i:]) + ".")
    if footnote:
        blocks.append("[^n%d]: Synthetic benchmark note %d; not a real reference." % (t.num, t.num))
    return "\n\n".join(blocks) + "\n"


def front_matter(fields):
    lines = ["---"]
    for k, v in fields:
        lines.append("%s: %s" % (k, v))
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pulse_block(t, presets, every):
    """A ```pulse block on every `every`-th topic (none when every is 0)."""
    if not every or not presets or t.num % every:
        return ""
    return "\n```pulse\npreset: %s\n```\n" % presets[t.num // every % len(presets)]


def topic_file(t, loc, default_locale, pool, pool_by_section, seed, presets=(), pulse_every=0):
    rng = random.Random("fm:%d:%s:%d" % (seed, loc, t.num))
    related = []
    if len(pool) > 1:
        want = min(2, len(pool) - 1)
        while len(related) < want:  # O(1) expected; pool can be 10^5 topics
            c = rng.choice(pool)
            if c.num != t.num and c not in related:
                related.append(c)
    desc = sentence(rng, 12, 20)[:150].rstrip(" .?!") + "."
    fm = [
        ("title", q(title_of(t, loc, default_locale))),
        ("description", q(desc)),
        ("weight", str(t.weight)),
        ("tags", "[" + ", ".join(rng.sample(TAGS, rng.randint(1, 3))) + "]"),
        ("related", "[" + ", ".join(r.id for r in related) + "]"),
    ]
    return front_matter(fm) + topic_body(t, loc, default_locale, pool, pool_by_section, seed) + pulse_block(t, presets, pulse_every)


def section_file(sec, loc, default_locale, sec_topics, seed):
    rng = random.Random("section:%d:%s:%d" % (seed, loc, sec))
    title = "Section %d: %s" % (sec, " ".join(w for w in rng.sample(WORDS, 3)))
    if loc != default_locale:
        title = "[%s] %s" % (loc, title)
    fm = [("title", q(title)), ("description", q(sentence(rng, 10, 16))), ("weight", str(sec * 10))]
    parts = ["## Overview", paragraph(rng, rng.randint(60, 140))[0]]
    featured = sec_topics[:8]
    if featured:
        parts.append("## Featured topics")
        parts.append("\n".join("- [%s](%s)" % (" ".join(t.title_words[:3]), os.path.basename(t.rel))
                               for t in featured))
    return front_matter(fm) + "\n\n".join(parts) + "\n"


def home_file(loc, default_locale, sections_present, seed):
    rng = random.Random("home:%d:%s" % (seed, loc))
    title = "Spine Health Explained" if loc == default_locale else "[%s] Spine Health Explained" % loc
    fm = [("title", q(title)), ("description", q(sentence(rng, 10, 16)))]
    parts = ["## Overview", paragraph(rng, rng.randint(80, 160))[0], "## Sections"]
    items = []
    for i, sec in enumerate(sections_present):
        # alternate relative link to the section's _index.md and topic:ID (id = folder path)
        dest = ("section-%03d/_index.md" % sec) if i % 2 == 0 else ("topic:section-%03d" % sec)
        items.append("- [Section %d](%s)" % (sec, dest))
    parts.append("\n".join(items) if items else "No sections yet.")
    return front_matter(fm) + "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------
# Config files
# --------------------------------------------------------------------------

def extract_strings_block(path):
    """Return the text of the top-level `strings:` mapping (the `strings:` line and all
    following indented / blank / comment lines), copied verbatim."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    out = None
    for line in lines:
        if out is None:
            if re.match(r"^strings\s*:", line):
                out = [line.rstrip()]
            continue
        if line.strip() == "" or line.startswith((" ", "\t")) or line.lstrip().startswith("#"):
            out.append(line.rstrip())
        else:
            break
    if out is None:
        sys.exit("error: no top-level 'strings:' key in %s" % path)
    while out and out[-1].strip() == "":
        out.pop()
    return "\n".join(out) + "\n"


def yaml_scalar(s):
    if re.match(r"^[A-Za-z][A-Za-z0-9 ._-]*$", s) and s.lower() not in ("yes", "no", "true", "false", "null", "on", "off"):
        return s
    return q(s)


# --------------------------------------------------------------------------
# Main generation
# --------------------------------------------------------------------------

def write(path, text, stats):
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    stats[0] += 1
    stats[1] += len(data)


def generate(args):
    locales = [x.strip() for x in args.locales.split(",") if x.strip()]
    if not locales:
        sys.exit("error: --locales is empty")
    if len(set(locales)) != len(locales):
        sys.exit("error: duplicate locale codes in --locales")
    for loc in locales:
        if not LOCALE_RE.match(loc):
            sys.exit("error: %r does not look like a BCP 47 language tag" % loc)
    if args.coverage:
        coverage = [float(x) for x in args.coverage.split(",")]
    else:
        coverage = [1.0]
    if len(coverage) < len(locales):  # repeat the last value for the remaining locales
        coverage += [coverage[-1]] * (len(locales) - len(coverage))
    coverage = coverage[:len(locales)]
    if any(c < 0 or c > 1 for c in coverage):
        sys.exit("error: coverage values must be within 0..1")
    if args.topics < 1:
        sys.exit("error: --topics must be >= 1")

    out = args.out_dir
    content = os.path.join(out, "Content")
    tmpl_out = os.path.join(out, "Templates")
    for p in (content, tmpl_out):
        if os.path.lexists(p):
            if not args.force:
                sys.exit("error: %s exists (use --force to replace it)" % p)
            shutil.rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.remove(p)
    os.makedirs(content)

    strings_block = extract_strings_block(args.strings_from) if args.strings_from else "strings: {}\n"
    stats = [0, 0]
    default = locales[0]

    site = ("title: %s\nbaseURL: %s\ndefaultLocale: %s\nlocales: [%s]\n" %
            (yaml_scalar(args.title), args.base_url, default, ", ".join(locales)))
    write(os.path.join(content, "site.yml"), site, stats)

    presets = []
    if args.pulse_presets:
        # The presets file without its comparison page (the corpus has none).
        with open(args.pulse_presets, encoding="utf-8") as f:
            text = f.read()
        presets = re.findall(r"^  ([a-z0-9-]+):\s*$", text, re.M)
        write(os.path.join(content, "pulse-presets.yml"),
              re.sub(r"^comparisonPage:.*$", "", text, flags=re.M), stats)

    n_sections, topics, per_locale = plan(args.topics, locales, coverage, args.seed, args.sections)
    per_locale_counts = []
    for loc in locales:
        ldir = os.path.join(content, loc)
        os.makedirs(ldir)
        name, direction = LOCALE_INFO.get(loc, LOCALE_INFO.get(loc.split("-")[0], (loc, "ltr")))
        if loc.split("-")[0] in RTL_LANGS:
            direction = "rtl"
        borrowing = "fallbackPages: false\n" if args.no_fallback_pages and loc != default else ""
        write(os.path.join(ldir, "locale.yml"),
              "name: %s\ndirection: %s\n%s%s" % (q(name), direction, borrowing, strings_block), stats)
        pool = per_locale[loc]
        by_sec = {}
        for t in pool:
            by_sec.setdefault(t.section, []).append(t)
        secs = sorted(by_sec)
        write(os.path.join(ldir, "_index.md"), home_file(loc, default, secs, args.seed), stats)
        for sec in secs:
            sdir = os.path.join(ldir, "section-%03d" % sec)
            os.makedirs(sdir)
            write(os.path.join(sdir, "_index.md"), section_file(sec, loc, default, by_sec[sec], args.seed), stats)
        for t in pool:
            write(os.path.join(ldir, t.rel), topic_file(t, loc, default, pool, by_sec, args.seed, presets, args.pulse_every), stats)
        per_locale_counts.append("%s=%d" % (loc, len(pool)))

    if args.templates:
        if not os.path.isdir(args.templates):
            sys.exit("error: --templates %s is not a directory" % args.templates)
        shutil.copytree(args.templates, tmpl_out, symlinks=False)
        for root, _dirs, files in os.walk(tmpl_out):
            for fn in files:
                stats[0] += 1
                stats[1] += os.path.getsize(os.path.join(root, fn))

    return stats, n_sections, per_locale_counts


# --------------------------------------------------------------------------
# Verification
# --------------------------------------------------------------------------

LINK_RE = re.compile(r"(?<!!)\[([^\]\n]*)\]\(([^)\s]+)\)")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def split_front_matter(text):
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return None, text
    return text[4:end], text[end + 5:]


def parse_fm(fm):
    d = {}
    for line in fm.splitlines():
        m = re.match(r"^([A-Za-z]+):\s*(.*)$", line)
        if m:
            d[m.group(1)] = m.group(2)
    return d


def verify(out_dir, expect_words=(400, 900)):
    content = os.path.join(out_dir, "Content")
    errors = []
    site = open(os.path.join(content, "site.yml"), encoding="utf-8").read()
    m = re.search(r"^locales:\s*\[(.*)\]\s*$", site, re.M)
    locales = [x.strip() for x in m.group(1).split(",")] if m else []
    if not locales:
        errors.append("site.yml: no locales")
    anchor_cache = {}
    body_cache = {}

    def load(path):
        if path not in body_cache:
            with open(path, encoding="utf-8") as f:
                body_cache[path] = split_front_matter(f.read())
        return body_cache[path]

    def anchors(path):
        if path not in anchor_cache:
            _fm, body = load(path)
            a = set()
            in_code = False
            for line in body.splitlines():
                if line.startswith("```"):
                    in_code = not in_code
                if in_code:
                    continue
                hm = HEADING_RE.match(line)
                if hm:
                    a.add(anchor_of(hm.group(2)))
            anchor_cache[path] = a
        return anchor_cache[path]

    n_files = n_links = n_anchor = n_topic_links = n_rel_links = 0
    words = []
    topic_sets = {}
    for loc in locales:
        ldir = os.path.join(content, loc)
        if not os.path.isfile(os.path.join(ldir, "locale.yml")):
            errors.append("%s: missing locale.yml" % loc)
        ids = set()
        topic_sets[loc] = set()
        for root, _d, files in os.walk(ldir):
            for fn in files:
                if fn.endswith(".md"):
                    rel = os.path.relpath(os.path.join(root, fn), ldir).replace(os.sep, "/")
                    if fn == "_index.md":
                        ids.add(os.path.dirname(rel))  # "" for the home
                    else:
                        ids.add(rel[:-3])
                        topic_sets[loc].add(rel)
        body_cache.clear()
        anchor_cache.clear()
        for root, _d, files in os.walk(ldir):
            for fn in sorted(files):
                if not fn.endswith(".md"):
                    continue
                path = os.path.join(root, fn)
                rel = os.path.relpath(path, ldir).replace(os.sep, "/")
                n_files += 1
                fm, body = load(path)
                if fm is None:
                    errors.append("%s/%s: no front matter" % (loc, rel))
                    continue
                f = parse_fm(fm)
                for key in f:
                    if key not in ("title", "description", "id", "slug", "weight", "draft",
                                   "aliases", "related", "tags"):
                        errors.append("%s/%s: unexpected key %s" % (loc, rel, key))
                for key in ("title", "description"):
                    if not f.get(key, "").startswith('"'):
                        errors.append("%s/%s: %s missing or unquoted" % (loc, rel, key))
                if body.lstrip().startswith("# "):
                    errors.append("%s/%s: body starts with an H1" % (loc, rel))
                if fn != "_index.md":
                    rm = re.match(r"^\[(.*)\]$", f.get("related", ""))
                    rel_ids = [x.strip() for x in rm.group(1).split(",") if x.strip()] if rm else []
                    if len(rel_ids) != min(2, len(topic_sets[loc]) - 1):
                        errors.append("%s/%s: related should list 2 ids" % (loc, rel))
                    for rid in rel_ids:
                        if rid not in ids:
                            errors.append("%s/%s: related id %s does not exist in %s" % (loc, rel, rid, loc))
                    heads = [ln for ln in body.splitlines() if re.match(r"^#{2,3} ", ln)]
                    if not 3 <= len(heads) <= 6:
                        errors.append("%s/%s: %d headings" % (loc, rel, len(heads)))
                    if "|---|" not in body:
                        errors.append("%s/%s: no table" % (loc, rel))
                    if not re.search(r"^- ", body, re.M) or not re.search(r"^1\. ", body, re.M):
                        errors.append("%s/%s: missing bullet or numbered list" % (loc, rel))
                    if "**" not in body or not re.search(r"(?<!\*)\*[A-Za-z]+\*(?!\*)", body):
                        errors.append("%s/%s: missing bold or emphasis" % (loc, rel))
                    if "](https://" not in body:
                        errors.append("%s/%s: no external link" % (loc, rel))
                    # words of running text (strip markdown punctuation)
                    w = count_words(body)
                    words.append(w)
                    if not expect_words[0] <= w <= expect_words[1]:
                        errors.append("%s/%s: %d words" % (loc, rel, w))
                    n_cross = 0
                for lm in LINK_RE.finditer(body):
                    dest = lm.group(2)
                    if re.match(r"^[a-z][a-z0-9+.-]*://", dest) or dest.startswith("mailto:"):
                        continue
                    n_links += 1
                    path_part, _, anc = dest.partition("#")
                    if path_part.startswith("topic:"):
                        n_topic_links += 1
                        tid = path_part[len("topic:"):]
                        cands = [os.path.join(ldir, tid + ".md"), os.path.join(ldir, tid, "_index.md")]
                        target = next((c for c in cands if os.path.isfile(c)), None)
                        if target is None:
                            errors.append("%s/%s: %s -> no such id in %s" % (loc, rel, dest, loc))
                            continue
                    elif path_part == "":
                        target = path
                    else:
                        n_rel_links += 1
                        target = os.path.normpath(os.path.join(root, path_part))
                        if not target.startswith(ldir + os.sep) or not os.path.isfile(target):
                            errors.append("%s/%s: %s -> missing file in %s" % (loc, rel, dest, loc))
                            continue
                    if fn != "_index.md":
                        n_cross += 1
                    if anc:
                        n_anchor += 1
                        if anc not in anchors(target):
                            errors.append("%s/%s: %s -> anchor #%s not in target" % (loc, rel, dest, anc))
                if fn != "_index.md" and not 3 <= n_cross <= 5 and len(topic_sets[loc]) > 5:
                    errors.append("%s/%s: %d cross-links" % (loc, rel, n_cross))
    default = locales[0] if locales else None
    for loc in locales[1:]:
        extra = topic_sets[loc] - topic_sets[default]
        if extra:
            errors.append("%s: %d topics not in default locale %s" % (loc, len(extra), default))
    summary = ("verify: %d md files, %d internal links (%d relative, %d topic:, %d with #anchor), "
               "words/topic min %d avg %d max %d, topics per locale: %s" % (
                   n_files, n_links, n_rel_links, n_topic_links, n_anchor,
                   min(words) if words else 0, (sum(words) // len(words)) if words else 0,
                   max(words) if words else 0,
                   " ".join("%s=%d" % (loc, len(topic_sets[loc])) for loc in locales)))
    return errors, summary


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", metavar="OUT_DIR")
    ap.add_argument("--topics", type=int, default=1000, help="number of topics in the default locale")
    ap.add_argument("--locales", default="en,es,fr,de", help="comma-separated BCP 47 codes; first is default")
    ap.add_argument("--coverage", default="1.0,0.7,0.5,0.3",
                    help="comma-separated fraction of topics per locale (last value repeats)")
    ap.add_argument("--strings-from", metavar="PATH", help="locale.yml whose strings: mapping is copied")
    ap.add_argument("--templates", metavar="DIR", help="Templates folder to copy to OUT_DIR/Templates")
    ap.add_argument("--pulse-presets", metavar="PATH", help="pulse-presets.yml to copy; enables --pulse-every")
    ap.add_argument("--pulse-every", type=int, default=0, help="add a ```pulse block to every Nth topic (0: none)")
    ap.add_argument("--no-fallback-pages", action="store_true",
                    help="write fallbackPages: false in every locale but the default: untranslated topics link to the original")
    ap.add_argument("--sections", type=int, default=0,
                    help="number of sections (0: about sqrt(topics)/2); 1 puts every topic in one section")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--title", default="Spine Health Explained")
    ap.add_argument("--base-url", default="https://spine.example.org/")
    ap.add_argument("--force", action="store_true", help="replace existing OUT_DIR/Content and OUT_DIR/Templates")
    ap.add_argument("--verify", action="store_true", help="after generating, check every link/anchor/related id")
    ap.add_argument("--verify-only", action="store_true", help="only check an existing OUT_DIR")
    args = ap.parse_args()

    if not args.verify_only:
        t0 = time.time()
        stats, n_sections, counts = generate(args)
        dt = time.time() - t0
        print("bench-corpus: %d files, %d bytes (%.1f MB) in %s: %d topics, %d sections, locales %s; %.2f s" % (
            stats[0], stats[1], stats[1] / 1e6, args.out_dir, args.topics, n_sections, " ".join(counts), dt))
    if args.verify or args.verify_only:
        errors, summary = verify(args.out_dir)
        print(summary)
        if errors:
            for e in errors[:50]:
                print("verify error: " + e, file=sys.stderr)
            if len(errors) > 50:
                print("verify: ... and %d more errors" % (len(errors) - 50), file=sys.stderr)
            print("verify: FAILED (%d errors)" % len(errors), file=sys.stderr)
            sys.exit(1)
        print("verify: OK")


if __name__ == "__main__":
    main()
