"""The static HTML glossary: built safely, deterministically, and usable in a real browser."""

from __future__ import annotations

import html as html_lib
import io
import json
import os
import re
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from bpo_kb.build import export_site
from bpo_kb.rdf.namespaces import RDF, SKOS
from bpo_kb.site.builder import _mapping, site_files
from bpo_kb.site.words import TEXT, language_name, licence_name
from bpo_kb.skos.labels import slugify
from bpo_kb.skos.search import (
    FOLDING,
    FOLDING_TABLE,
    QUOTES,
    folding_for_javascript,
    match_rank,
    normalise,
    parse_term,
    word_start_pattern,
    worked_out_folding,
)

from .conftest import REPO_ROOT
from .servers import _program, _wait_until_ready, dies_with_this_process, free_port, missing

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EX = Namespace("http://example.org/voc/")
HOSTILE = '<script>window.pwned=1</script> "quoted" </a><b>bold</b>'


# --- without a browser ------------------------------------------------------------------------


def _hostile_vocabulary() -> Graph:
    graph = Graph()
    scheme = EX.scheme
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    for number, iri in enumerate(
        [
            EX["evil"],
            URIRef("http://example.org/voc/../../escape"),
            URIRef("http://example.org/voc/a?b=c"),
            URIRef("http://example.org/voc/café"),
            URIRef("http://example.org/voc/Cafe"),
        ]
    ):
        graph.add((iri, RDF.type, SKOS.Concept))
        graph.add((iri, SKOS.inScheme, scheme))
        graph.add((iri, SKOS.prefLabel, Literal(f"{HOSTILE} {number}", lang="en")))
        graph.add((iri, SKOS.prefLabel, Literal(f"terme {number}", lang="fr")))
        graph.add((iri, SKOS.definition, Literal(HOSTILE, lang="en")))
    return graph


def test_vocabulary_text_is_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    export_site(_hostile_vocabulary(), tmp_path)
    page = (tmp_path / "en" / "concept" / "evil.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page
    json_ld = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in json_ld


def test_file_names_stay_inside_the_site_and_never_collide(tmp_path: Path) -> None:
    written = export_site(_hostile_vocabulary(), tmp_path / "site")
    root = (tmp_path / "site").resolve()
    assert all(path.resolve().is_relative_to(root) for path in written)
    concept_pages = sorted(p.name for p in (root / "en" / "concept").iterdir())
    assert concept_pages == ["a-b-c.html", "cafe-2.html", "cafe.html", "escape.html", "evil.html"]
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("???") == "item"


@pytest.mark.slow
def test_the_site_is_byte_identical_when_rebuilt(glossary: Graph, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    export_site(glossary, first)
    export_site(glossary, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_every_page_has_one_h1_a_lang_and_landmarks(glossary: Graph, tmp_path: Path) -> None:
    export_site(glossary, tmp_path)
    pages = list((tmp_path / "fr").rglob("*.html")) + list((tmp_path / "en").rglob("*.html"))
    assert len(pages) == 2 * (1 + 31 + 4)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count("<h1") == 1, page
        assert '<html lang="' in html
        for landmark in ('role="banner"', "<main", 'role="search"', 'role="contentinfo"'):
            assert landmark in html, (page, landmark)
        assert '<script src="http' not in html  # nothing fetched from the network
        assert '<link rel="stylesheet" href="http' not in html


def _rendered(files: dict[Path, object], path: str) -> str:
    stream = io.BytesIO()
    files[Path(path)](stream)  # type: ignore[operator]
    return stream.getvalue().decode("utf-8")


def test_a_long_list_of_terms_is_split_into_pages(glossary: Graph) -> None:
    # 31 concepts, 10 to a page: the index holds the first 10, terms-2 to terms-4 the rest.
    files = site_files(glossary, {}, terms_per_page=10)
    assert Path("en", "terms-4.html") in files
    assert Path("en", "terms-5.html") not in files
    pages = ["index.html", "terms-2.html", "terms-3.html", "terms-4.html"]
    listed = []
    for name in pages:
        html = _rendered(files, f"en/{name}")
        terms = html.split('<ul class="terms">', 1)[1].split("</ul>", 1)[0]
        listed += re.findall(r'href="concept/([a-z0-9-]+)\.html">([^<]+)<', terms)
        pager = html.split('<nav class="pager"', 1)[1].split("</nav>", 1)[0]
        assert re.findall(r'href="([a-z0-9-]+\.html)"', pager) == pages  # every page, in order
        assert html.count("<h1") == 1
    labels = [html_lib.unescape(label) for _, label in listed]
    assert len(labels) == 31 == len({slug for slug, _ in listed})  # each concept once
    assert labels == sorted(labels, key=normalise)  # alphabetical across the pages


def test_a_short_list_of_terms_has_no_pager(glossary: Graph) -> None:
    files = site_files(glossary, {})
    assert 'class="pager"' not in _rendered(files, "en/index.html")
    assert not any(path.name.startswith("terms-") for path in files)


def test_a_large_tree_opens_only_its_top_level(glossary: Graph) -> None:
    # Every branch open is a wall of text past a few hundred concepts, and slow to lay out.
    small = _rendered(site_files(glossary, {}), "en/index.html")
    large = _rendered(site_files(glossary, {}, open_tree_limit=10), "en/index.html")
    tree = large.split('<div class="tree">', 1)[1].split("</div>", 1)[0]
    top_level = tree.split("<ul>")[1]  # the first branch's opening, before any nesting
    assert "<details open>" in top_level
    assert tree.count("<details open>") < tree.count("<details")
    assert "<details>" in tree
    small_tree = small.split('<div class="tree">', 1)[1].split("</div>", 1)[0]
    assert "<details>" not in small_tree  # small trees stay open
    assert re.findall(r'href="[^"]+"', tree) == re.findall(r'href="[^"]+"', small_tree)


class _VisibleText(HTMLParser):
    """The text a reader sees, by the language of the element it is in: no attribute values,
    no script or style contents."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.languages = [language]
        self.hidden = 0
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        if tag not in VOID_ELEMENTS:
            self.languages.append(dict(attrs).get("lang") or self.languages[-1])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden -= 1
        if tag not in VOID_ELEMENTS and len(self.languages) > 1:
            self.languages.pop()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.texts.append((self.languages[-1], data))


VOID_ELEMENTS = {"meta", "link", "br", "img", "input", "hr", "area", "base", "col", "source", "wbr"}


def _visible_text(page: Path, language: str) -> str:
    """The visible text of ``page`` in ``language``, its text nodes joined by a newline, without
    the web addresses it shows."""
    parser = _VisibleText(page.parent.name if page.parent.name in ("fr", "en") else language)
    parser.feed(page.read_text(encoding="utf-8"))
    text = "\n".join(text for lang, text in parser.texts if lang.split("-")[0] == language)
    return re.sub(r"\b(https?|ftp|mailto|urn):\S+", "", text)  # addresses have their own ":?"


# A colon must follow a no-break space (U+00A0) in French, except in an address (https:) or a
# time (10:30); ";", "!" and "?" a narrow no-break space (U+202F).
_BAD_FRENCH_COLON = re.compile(r"(?<!\u00a0):(?!(?<=\d:)\d)")
_BAD_FRENCH_MARK = re.compile(r"(?<!\u202f)[;!?]")


def test_the_french_punctuation_check_sees_what_it_must(tmp_path: Path) -> None:
    bad = ["Licence : CC", "Licence: CC", "Licence\u202f: CC", "paie ; salaires", "quoi ?"]
    good = ["Licence\u00a0: CC", "à 10:30", "paie\u202f; salaires"]
    assert all(_BAD_FRENCH_COLON.search(t) or _BAD_FRENCH_MARK.search(t) for t in bad)
    assert not any(_BAD_FRENCH_COLON.search(t) or _BAD_FRENCH_MARK.search(t) for t in good)
    page = tmp_path / "fr" / "page.html"
    page.parent.mkdir()
    page.write_text(
        '<html lang="fr"><head><style>a:hover{}</style></head><body><a href="http://x.org/?a=1">'
        'Voir https://x.org/a?b=c</a><script>var a = {b: 1};</script><p lang="en">Note: it</p>'
        "<p>Licence : CC</p></body></html>"
    )
    assert _visible_text(page, "fr").strip() == "Voir \nLicence : CC"


def test_french_pages_put_a_no_break_space_before_colons_and_a_narrow_one_before_marks(
    glossary: Graph, tmp_path: Path
) -> None:
    export_site(glossary, tmp_path)
    pages = sorted((tmp_path / "fr").rglob("*.html"))
    concepts = set(glossary.subjects(RDF.type, SKOS.Concept))
    collections = set(glossary.subjects(RDF.type, SKOS.Collection))
    assert len(pages) == 1 + len(concepts) + len(collections)
    found = []
    for page in pages:
        text = _visible_text(page, "fr")
        for pattern in (_BAD_FRENCH_COLON, _BAD_FRENCH_MARK):
            found += [
                f"{page.relative_to(tmp_path)}: {text[max(0, m.start() - 30) : m.end() + 5]!r}"
                for m in pattern.finditer(text)
            ]
    assert found == []


def test_english_pages_use_english_quotes(glossary: Graph, tmp_path: Path) -> None:
    export_site(glossary, tmp_path)
    found = [
        page.name
        for page in sorted((tmp_path / "en").rglob("*.html"))
        if "«" in _visible_text(page, "en") or "»" in _visible_text(page, "en")
    ]
    assert found == []


def test_concept_pages_name_languages_mappings_and_the_licence_for_readers(
    glossary: Graph,
) -> None:
    files = site_files(glossary, {})
    french = _rendered(files, "fr/concept/payroll.html")
    english = _rendered(files, "en/concept/payroll.html")
    assert (
        '<p class="equivalent">Équivalent anglais\u00a0: <span lang="en">payroll</span>' in french
    )
    assert '<p class="equivalent">French equivalent: <span lang="fr">paie</span>' in english
    assert "Autres termes en anglais</dt>" in _rendered(files, "fr/concept/bpo.html")
    assert "Other terms in French</dt>" in _rendered(files, "en/concept/bpo.html")
    assert "skos:" not in french.split("</head>")[1] + english.split("</head>")[1]
    assert re.search(r"<li>(équivalent|terme) [a-zé ]+ dans (STW|EuroVoc|Wikidata) <a href", french)
    assert re.search(r"<li>[a-z ]+ in (STW|EuroVoc|Wikidata) <a href", english)
    licence = '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
    assert f"Licence\u00a0: {licence}" in french
    assert f"Licence: {licence}" in english
    assert "Télécharger\u00a0:" in french
    assert "Download:" in english
    assert "Search for a term" in english


def test_a_mapping_is_named_by_its_relation_and_vocabulary() -> None:
    text = TEXT["fr"]
    unesco = _mapping(SKOS.broadMatch, "http://vocabularies.unesco.org/thesaurus/concept123", text)
    assert unesco["relation"] == "terme plus large dans UNESCO"
    assert unesco["identifier"] == "concept123"
    other = _mapping(SKOS.exactMatch, "https://terms.example.org/voc/dog", TEXT["en"])
    assert (other["relation"], other["identifier"]) == ("exact match in terms.example.org", "dog")
    assert licence_name("http://creativecommons.org/licenses/by/4.0/legalcode") == "CC BY 4.0"
    assert licence_name("https://example.org/licence") == "https://example.org/licence"


def test_the_index_introduces_the_glossary_to_readers(glossary: Graph) -> None:
    files = site_files(glossary, {})
    for language in ("fr", "en"):
        html = _rendered(files, f"{language}/index.html")
        intro = html_lib.unescape(html.split("<h1>", 1)[1].split("<h2", 1)[0])
        assert TEXT[language]["introduction"] in intro
    every_word = "".join(_rendered(files, str(path)) for path in files if path.suffix == ".html")
    assert "préférentiel" not in every_word.split("</head>")[-1]
    assert "Pages of terms" not in every_word
    assert "Search a term" not in every_word


def test_other_languages_are_named_in_the_readers_language_or_by_their_code() -> None:
    graph = Graph()
    graph.add((EX.dog, RDF.type, SKOS.Concept))
    graph.add((EX.dog, SKOS.prefLabel, Literal("dog", lang="en")))
    graph.add((EX.dog, SKOS.prefLabel, Literal("chien", lang="fr")))
    for text, tag in (("Hund", "de"), ("pichichi", "es-MX"), ("hund", "da")):
        graph.add((EX.dog, SKOS.altLabel, Literal(text, lang=tag)))
    french = _rendered(site_files(graph, {}), "fr/concept/dog.html")
    assert '<dt>Autres termes en allemand</dt><dd lang="de">Hund</dd>' in french
    assert "<dt>Autres termes en espagnol (MX)</dt>" in french
    assert "<dt>Autres termes en da</dt>" in french
    english = _rendered(site_files(graph, {}), "en/concept/dog.html")
    assert "<dt>Other terms in German</dt>" in english
    assert language_name("en", "fr") == "anglais"
    assert language_name("fr", "en") == "French"


def test_the_search_index_carries_the_folding_of_normalise(glossary: Graph) -> None:
    index = _rendered(site_files(glossary, {}), "assets/search-index.js")
    first_line = index.split("\n", 1)[0]
    assert first_line.startswith("window.BPO_SEARCH_FOLDING = ")
    folding = json.loads(index.split(" = ", 1)[1].split(";\nwindow.BPO_SEARCH_INDEX", 1)[0])
    assert folding["characters"] == FOLDING
    assert folding["cases"]["ß"] == "ss"
    search_js = (REPO_ROOT / "bpo_kb" / "site" / "assets" / "search.js").read_text()
    assert "\\u2019" not in search_js  # no table of its own to drift from Python's


def test_the_stored_folding_table_is_the_one_worked_out_from_unicode() -> None:
    """search-folding.json is what scripts/generate_search_folding.py writes, and the site reads
    it, with this Python's Unicode database, instead of working the table out."""
    result = subprocess.run(
        [sys.executable, "scripts/generate_search_folding.py", "--check"],
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, "run scripts/generate_search_folding.py and commit the result"
    stored = json.loads(FOLDING_TABLE.read_text(encoding="utf-8"))
    assert stored["unicode"] == unicodedata.unidata_version
    assert folding_for_javascript() == stored["folding"] == worked_out_folding()


NORMALISE_SAMPLES = [
    "sous-traitance",
    "Sous\u2011Traitance",
    "sous\u00a0traitance",
    "l’étranger",
    "L´ÉTRANGER",
    "l\u02bcétranger",
    "co\u00adût",
    "Cœur  de\tMétier",
    "Straße",
    "ＢＰＯ ﬁche",
    "Ἀθῆναι",
    "x\u202f;\u2009y\u3000z",
    "a\u2014b\u2212c\u2013d",
    "ŉ ǰ ΐ",
]


def test_search_js_normalises_as_python_does(glossary: Graph) -> None:
    """search.js's normalise, run by Node over the table the index carries, gives exactly what
    bpo_kb.skos.search.normalise gives: every label of the glossary and every variant above."""
    node = _program("node")
    if node is None:
        pytest.skip("node is absent: apt-get install nodejs")
    search_js = (REPO_ROOT / "bpo_kb" / "site" / "assets" / "search.js").read_text()
    function = re.search(
        r"\n  var marks = null;.*?\n  function normalise\(text\) \{.*?\n  \}\n", search_js, re.S
    )
    assert function is not None
    texts = NORMALISE_SAMPLES + sorted(
        {str(o) for o in glossary.objects() if isinstance(o, Literal) and o.language}
    )
    # every character up to CJK that Python's Unicode database knows (Node's may be newer)
    texts += [c for c in map(chr, range(0x20, 0x3100)) if unicodedata.category(c) != "Cn"]
    script = (
        f"var window = {{BPO_SEARCH_FOLDING: {json.dumps(folding_for_javascript())}}};\n"
        + function.group(0)
        + f"\nprocess.stdout.write(JSON.stringify({json.dumps(texts)}.map(normalise)));\n"
    )
    result = subprocess.run([node, "-"], input=script, capture_output=True, text=True, check=True)
    folded = json.loads(result.stdout)
    differ = [(t, f, normalise(t)) for t, f in zip(texts, folded, strict=True) if f != normalise(t)]
    assert differ == []


SEARCH_TERMS = [
    "sous trait",
    "tsourc",  # inside a word: no match
    "out",
    "outsour",
    "Outsourcing",
    '"cost reduction"',
    "« paie »",
    "“business”",
    '"',
    "co",
    "l'etranger",
    "étranger",
    "bpo",
    "a.b",
    "(x)",
    "c++",
    "\\",
    "x_y",
    "2",
    "ss",
]


def test_search_js_matches_and_ranks_as_python_does(glossary: Graph) -> None:
    """search.js's parseTerm and rank, run by Node with the quotes the index carries, rank every
    label of the glossary for each term above as bpo_kb.skos.search does: at word starts only,
    whole words in quotes."""
    node = _program("node")
    if node is None:
        pytest.skip("node is absent: apt-get install nodejs")
    search_js = (REPO_ROOT / "bpo_kb" / "site" / "assets" / "search.js").read_text()
    functions = re.search(
        r"\n  var marks = null;.*?\n  function rank\(label, kind, term\) \{.*?\n  \}\n",
        search_js,
        re.S,
    )
    assert functions is not None
    labels = sorted({normalise(str(o)) for o in glossary.objects() if isinstance(o, Literal)})
    labels += ["x_y z", "a.b c", "(x) y", "c++ code", "\\ path", "2nd", "x2 y", "une paie"]
    script = (
        f"var window = {{BPO_SEARCH_FOLDING: {json.dumps(folding_for_javascript())}, "
        f"BPO_SEARCH_QUOTES: {json.dumps(QUOTES)}}};\n"
        + functions.group(0)
        + f"\nvar labels = {json.dumps(labels)};\n"
        + f"process.stdout.write(JSON.stringify({json.dumps(SEARCH_TERMS)}.map(function (t) {{\n"
        + "  var term = parseTerm(t);\n"
        + "  return [term.wanted, labels.map(function (l) { return rank(l, 0, term); })];\n"
        + "})));\n"
    )
    result = subprocess.run([node, "-"], input=script, capture_output=True, text=True, check=True)
    expected = []
    for typed in SEARCH_TERMS:
        wanted, whole_words = parse_term(typed)
        pattern = word_start_pattern(wanted, whole_words)
        expected.append([wanted, [match_rank(label, wanted, pattern, 0) for label in labels]])
    assert json.loads(result.stdout) == expected
    assert sum(rank == 4 for _, ranks in expected for rank in ranks) > 10  # later words match
    assert [label for label in labels if "tsourc" in label]  # in the middle of a word...
    assert all(rank is None for rank in expected[1][1])  # ... where nothing matches


# --- in a real headless Chromium --------------------------------------------------------------


@pytest.fixture(scope="module")
def served_site(glossary: Graph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The glossary's site on a free loopback port, served by a static server process."""
    site = tmp_path_factory.mktemp("site")
    export_site(glossary, site)
    port = free_port()
    log = site.parent / "http.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(site),
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        preexec_fn=dies_with_this_process(),
    )
    try:
        _wait_until_ready(f"http://127.0.0.1:{port}/index.html", process, log, 20)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and _program("chromium") is None:
        missing("chromium", "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.errors = []
    opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    yield opened
    context.close()


@pytest.mark.server
def test_search_offers_offshore_for_externalisation_en_mer(page: object, served_site: str) -> None:
    page.goto(f"{served_site}/fr/index.html")
    page.fill("#q", "externalisation en mer")
    first = page.locator("#search-results a").first
    first.wait_for()
    assert first.get_attribute("href").endswith("fr/concept/offshore-outsourcing.html")
    assert first.inner_text().startswith("externalisation dans un pays éloigné")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/concept/offshore-outsourcing.html")
    assert page.errors == []


@pytest.mark.server
def test_a_narrower_link_from_bpo_reaches_a_type_of_bpo(page: object, served_site: str) -> None:
    page.goto(f"{served_site}/en/concept/bpo.html")
    page.get_by_role("link", name="offshore outsourcing").click()
    page.wait_for_url("**/en/concept/offshore-outsourcing.html")
    assert page.locator("h1").inner_text() == "offshore outsourcing"
    assert page.errors == []


@pytest.mark.server
def test_the_language_switch_keeps_the_concept(
    page: object, served_site: str, tmp_path: Path
) -> None:
    page.goto(f"{served_site}/en/concept/payroll.html")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/concept/payroll.html")
    assert page.locator("h1").inner_text() == "paie"
    assert page.locator("html").get_attribute("lang") == "fr"
    # The README's picture of a concept page (docs/concept-page.png) when BPO_KB_SCREENSHOT
    # names it; else a temporary file, so that a test run leaves the checkout as it was
    # (Chromium draws text a little differently from one machine to the next).
    screenshot = Path(os.environ.get("BPO_KB_SCREENSHOT") or tmp_path / "concept-page.png")
    page.set_viewport_size({"width": 1000, "height": 900})
    page.screenshot(path=str(screenshot), full_page=False)
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    assert page.errors == []


@pytest.mark.server
def test_the_tree_and_search_work_with_the_keyboard(page: object, served_site: str) -> None:
    page.goto(f"{served_site}/en/index.html")
    page.focus("#q")
    page.keyboard.type("paye")
    page.locator("#search-results a").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").startswith("payroll")
    summary = page.locator(".tree summary").first
    summary.focus()
    page.keyboard.press("Enter")  # collapse the branch
    assert page.locator(".tree details").first.get_attribute("open") is None
    assert page.errors == []


@pytest.mark.server
def test_the_search_index_is_loaded_only_when_search_is_used(
    page: object, served_site: str
) -> None:
    # A 100,000-concept vocabulary's index is megabytes of script: no page should parse it until
    # someone searches.
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{served_site}/en/concept/payroll.html")
    page.wait_for_load_state("load")
    assert not any(url.endswith("search-index.js") for url in requested)
    assert page.evaluate("window.BPO_SEARCH_INDEX === undefined")

    page.fill("#q", "paie")
    page.locator("#search-results a").first.wait_for()
    assert page.locator("#search-results a").first.inner_text().startswith("payroll")
    assert [url for url in requested if url.endswith("search-index.js")] != []
    assert page.errors == []


@pytest.mark.server
def test_search_finds_a_term_whatever_its_spaces_hyphens_and_apostrophes(
    page: object, served_site: str, tmp_path: Path
) -> None:
    page.goto(f"{served_site}/fr/index.html")
    for typed in ("sous traitance", "Sous\u2011traitance", "sous\u00a0traitance"):
        page.fill("#q", typed)
        first = page.locator("#search-results a").first
        first.wait_for()
        assert first.get_attribute("href").endswith("fr/concept/subcontracting.html"), typed
        assert first.inner_text().startswith("sous-traitance")
    graph = Graph()
    graph.add((EX.far, RDF.type, SKOS.Concept))
    graph.add((EX.far, SKOS.prefLabel, Literal("externalisation à l'étranger", lang="fr")))
    graph.add((EX.far, SKOS.prefLabel, Literal("offshore outsourcing", lang="en")))
    graph.add((EX.near, RDF.type, SKOS.Concept))
    graph.add((EX.near, SKOS.prefLabel, Literal("délocalisation à l’étranger proche", lang="fr")))
    graph.add((EX.near, SKOS.prefLabel, Literal("nearshoring", lang="en")))
    export_site(graph, tmp_path)
    page.goto((tmp_path / "fr" / "index.html").as_uri())
    for typed, found in (
        ("externalisation a l’etranger", ["externalisation à l'étranger"]),
        ("L\u02bcÉTRANGER", ["externalisation à l'étranger", "délocalisation à l’étranger proche"]),
        ("délocalisation à l'étranger", ["délocalisation à l’étranger proche"]),
    ):
        page.fill("#q", typed)
        page.locator("#search-results a").first.wait_for()
        links = page.locator("#search-results a > span")
        shown = page.locator("#search-results a").all_inner_texts()
        assert sorted(text.split(" \u2014 ")[0] for text in shown) == sorted(found), typed
        assert links.count() == len(found)
    assert page.errors == []


@pytest.mark.server
def test_search_says_when_a_term_found_is_deprecated(page: object, served_site: str) -> None:
    page.goto(f"{served_site}/fr/index.html")
    page.fill("#q", "nearshoring")
    first = page.locator("#search-results a").first
    first.wait_for()
    assert first.get_attribute("href").endswith("fr/concept/nearshoring.html")
    assert first.inner_text().startswith("délocalisation dans un pays proche")
    assert "nearshoring (terme déconseillé)" in first.inner_text()
    assert first.locator("s").inner_text() == "nearshoring"
    # a hidden label with a deprecated record is found, and said so
    page.fill("#q", "externalisation à proximité des côtes")
    page.locator("#search-results a .status").first.wait_for()
    assert "(terme déconseillé)" in page.locator("#search-results a").first.inner_text()
    # in English « nearshoring » is the preferred term: nothing to warn of
    page.goto(f"{served_site}/en/index.html")
    page.fill("#q", "nearshoring")
    first = page.locator("#search-results a").first
    first.wait_for()
    assert first.inner_text().startswith("nearshoring")
    assert page.locator("#search-results .status").count() == 0
    # German pages: English words, the equivalent in the site's first other language
    page.goto(f"{served_site}/de/index.html")
    page.fill("#q", "outsourcing")
    first = page.locator("#search-results a").first
    first.wait_for()
    assert first.get_attribute("href").endswith("de/concept/outsourcing.html")
    assert first.inner_text().startswith("Outsourcing \u2014 externalisation")
    assert page.errors == []


@pytest.mark.server
def test_the_site_works_from_the_file_system(page: object, glossary: Graph, tmp_path: Path) -> None:
    export_site(glossary, tmp_path)
    page.goto((tmp_path / "en" / "concept" / "payroll.html").as_uri())
    page.fill("#q", "cout")
    page.locator("#search-results a").first.wait_for()
    assert "cost reduction" in page.locator("#search-results").inner_text()
    assert page.errors == []


@pytest.mark.server
def test_markup_in_labels_stays_text_in_the_browser(page: object, tmp_path: Path) -> None:
    export_site(_hostile_vocabulary(), tmp_path)
    page.goto((tmp_path / "en" / "concept" / "evil.html").as_uri())
    assert page.locator("h1").inner_text() == f"{HOSTILE} 0"
    assert page.evaluate("window.pwned") is None
    assert page.locator("main b").count() == 0


def test_embedded_json_ld_states_the_concept(glossary: Graph, tmp_path: Path) -> None:
    """The JSON-LD block of a page gives, through PyLD, exactly the concept's own triples."""
    import json

    from pyld import jsonld

    def refuse(url: str, options: object = None) -> None:
        raise AssertionError(f"remote context requested: {url}")

    export_site(glossary, tmp_path)
    html = (tmp_path / "fr" / "concept" / "payroll.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    nquads = jsonld.to_rdf(
        json.loads(block), {"format": "application/n-quads", "documentLoader": refuse}
    )
    payroll = URIRef("https://w3id.org/bpo-kb/payroll")
    assert set(Graph().parse(data=nquads, format="nt")) == set(
        glossary.triples((payroll, None, None))
    )


# --- term records, deprecated terms in search, every language present ------------------------

XL = Namespace("http://www.w3.org/2008/05/skos-xl#")
LEXINFO = Namespace("http://www.lexinfo.net/ontology/3.0/lexinfo#")
DCT = Namespace("http://purl.org/dc/terms/")


def _recorded_vocabulary() -> Graph:
    """Two concepts whose terms have records of every kind, one without a French term."""
    graph = Graph()
    graph.add((EX.scheme, RDF.type, SKOS.ConceptScheme))
    # concept | SKOS label | text | tag | status | part of speech | gender | type | source | note
    rows = """
gain|pref|gain d'efficacité|fr|preferredTerm|noun|masculine|fullForm|https://example.org/gdt|
gain|pref|efficiency gain|en|preferredTerm|noun||||
gain|pref|Effizienzgewinn|de|preferredTerm|noun|masculine|||
gain|alt|efficiency gains|en|supersededTerm|noun|||urn:isbn:0000|Former preferred term.
gain|alt|gagner en efficacité|fr|admittedTerm|verb||||
gain|alt|gain de productivité|fr-xk|admittedTerm|noun|masculine|||
gain|alt|GE|en|admittedTerm|noun||initialism||
gain|alt|Effizienz|de|admittedTerm|noun|neuter|||
gain|hidden|gains d'efficience|fr|deprecatedTerm|noun|masculine|||
lean|pref|lean management|en|preferredTerm|noun||||
lean|pref|Lean Management|de|preferredTerm|noun|neuter|||
"""
    kinds = {
        "pref": (SKOS.prefLabel, XL.prefLabel),
        "alt": (SKOS.altLabel, XL.altLabel),
        "hidden": (SKOS.hiddenLabel, XL.hiddenLabel),
    }
    terms = [line.split("|") for line in rows.strip().splitlines()]
    for name, label_kind, text, tag, status, pos, gender, kind, source, note in terms:
        concept = EX[name]
        prop, xl = kinds[label_kind]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, EX.scheme))
        literal = Literal(text, lang=tag)
        graph.add((concept, prop, literal))
        label = URIRef(f"{concept}/term/{tag}/{slugify(text)}")
        graph.add((concept, xl, label))
        graph.add((label, RDF.type, XL.Label))
        graph.add((label, XL.literalForm, literal))
        for value, record_property in (
            (status, LEXINFO.normativeAuthorization),
            (pos, LEXINFO.partOfSpeech),
            (gender, LEXINFO.gender),
            (kind, LEXINFO.termType),
        ):
            if value:
                graph.add((label, record_property, LEXINFO[value]))
        if source:
            graph.add((label, DCT.source, URIRef(source)))
        if note:
            graph.add((label, SKOS.note, Literal(note, lang=tag)))
    return graph


def _article(html: str) -> str:
    return html.split("<article>", 1)[1].split("</article>", 1)[0]


def test_concept_pages_show_each_terms_record_in_the_readers_words(glossary: Graph) -> None:
    files = site_files(glossary, {})
    french = _article(_rendered(files, "fr/concept/nearshoring.html"))
    english = _article(_rendered(files, "en/concept/nearshoring.html"))
    # the deprecated anglicism: struck, labelled, with its gender, note and source
    assert (
        '<li><s>nearshoring</s> <span class="term-info">(<span class="status">terme déconseillé'
        '</span>, <abbr title="nom masculin">n. m.</abbr>)</span> <span class="term-note">'
        "Remarque\u00a0: anglicisme" in french
    )
    assert '<span class="term-source">Source\u00a0: <a href="https://nda.' in french
    assert "<h1>délocalisation dans un pays proche</h1>" in french  # never the deprecated term
    assert french.count("<h1") == 1
    assert (
        '<li><s lang="fr">nearshoring</s> <span class="term-info">(<span class="status">'
        'deprecated term</span>, <abbr title="masculine noun">n. m.</abbr>)</span>' in english
    )
    assert '<p class="term-record"><span class="term-info">(<abbr title="nom féminin">n. f.' in (
        french
    )
    hidden = _article(_rendered(files, "fr/concept/nearshore-outsourcing.html"))
    assert "à proximité des côtes" not in hidden  # hidden labels stay hidden
    # a regional form: its language tag and the region by name
    outsourcing = _article(_rendered(files, "fr/concept/outsourcing.html"))
    assert (
        '<li><span lang="fr-CA">impartition</span> <span class="term-info">(<abbr title="nom '
        'féminin">n. f.</abbr>, Canada)</span>' in outsourcing
    )
    assert "en français (CA)" not in outsourcing  # among the French terms, not apart
    # a German term's gender, a source named by its vocabulary
    assert (
        '<p class="equivalent">Équivalent allemand\u00a0: <span lang="de">Outsourcing</span> '
        '<span class="term-info">(<abbr title="nom neutre">n. n.</abbr>)</span> '
        '<span class="term-source">Source\u00a0: <a href="http://zbw.eu/stw/descriptor/19113-6" '
        'rel="external">STW 19113-6</a></span></p>' in outsourcing
    )


def test_every_kind_of_record_is_shown_as_a_dictionary_would(tmp_path: Path) -> None:
    files = site_files(_recorded_vocabulary(), {}, languages=["fr", "en", "de"])
    french = _article(_rendered(files, "fr/concept/gain.html"))
    english = _article(_rendered(files, "en/concept/gain.html"))
    assert "<h1>gain d&#39;efficacité</h1>" in french
    assert (
        '<p class="term-record"><span class="term-info">(<abbr title="nom masculin">n. m.</abbr>'
        ')</span> <span class="term-source">Source\u00a0: <a href="https://example.org/gdt" '
        'rel="external">example.org</a></span></p>' in french
    )
    assert 'gagner en efficacité <span class="term-info">(<abbr title="verbe">v.</abbr>)' in french
    # an unknown region is shown by its subtag, upper-cased
    assert '<span lang="fr-XK">gain de productivité</span> <span class="term-info">(' in french
    assert "n. m.</abbr>, XK)" in french
    # superseded, with a source that is no web address: text, not a link
    assert (
        '<li><s>efficiency gains</s> <span class="term-info">(<span class="status">superseded '
        'term</span>, <abbr title="noun">n.</abbr>)</span> <span class="term-note">Usage note: '
        'Former preferred term.</span> <span class="term-source">Source: urn:isbn:0000</span>'
        in english
    )
    assert '<s lang="en">efficiency gains</s>' in french
    assert "terme remplacé" in french
    assert 'GE <span class="term-info">(<abbr title="noun">n.</abbr>, initialism)' in english
    assert 'GE</span> <span class="term-info">(<abbr title="nom">n.</abbr>, sigle)' in french
    assert (
        '<span lang="de">Effizienz</span> <span class="term-info">(<abbr title="nom neutre">'
        in french
    )
    assert "gains d&#39;efficience" not in french + english  # a hidden label
    assert "<s" not in french.split("</h1>")[0]


def test_a_page_says_when_a_concept_has_no_term_in_its_language(glossary: Graph) -> None:
    files = site_files(glossary, {})
    german = _rendered(files, "de/concept/nearshoring.html")
    assert '<h1 lang="fr">délocalisation dans un pays proche</h1>' in german
    assert (
        '<p class="missing-term">No German term; shown: <span lang="fr">délocalisation dans un '
        "pays proche</span></p>" in german
    )
    assert "French equivalent:" not in german  # the term shown is not repeated
    assert "English equivalent:" in german
    assert "missing-term" not in _rendered(files, "de/concept/outsourcing.html")
    assert "missing-term" not in _rendered(files, "fr/concept/nearshoring.html")
    index = _rendered(files, "de/index.html")
    assert re.search(r'<a href="concept/nearshoring.html" lang="fr">', index)
    french = _rendered(
        site_files(_recorded_vocabulary(), {}, languages=["fr", "en"]), "fr/concept/lean.html"
    )
    assert (
        '<p class="missing-term">Pas de terme en français\u202f; terme affiché\u00a0: '
        '<span lang="en">lean management</span></p>' in french
    )
    assert "Équivalent anglais" not in french


def test_every_language_has_a_switch_entry_and_its_coverage(glossary: Graph) -> None:
    files = site_files(glossary, {})
    languages = ["fr", "en", "de", "es"]
    total = len(set(glossary.subjects(RDF.type, SKOS.Concept)))
    german = {
        c
        for c in glossary.subjects(RDF.type, SKOS.Concept)
        if any(lit.language == "de" for lit in glossary.objects(c, SKOS.prefLabel))
    }
    assert 0 < len(german) < total
    for language in languages:
        for page in (f"{language}/index.html", f"{language}/concept/payroll.html"):
            switch = (
                _rendered(files, page).split('class="language-switch"', 1)[1].split("</nav>")[0]
            )
            assert re.findall(r'hreflang="([a-z-]+)"', switch) == [
                other for other in languages if other != language
            ], page
    root = _rendered(files, "index.html")
    assert re.findall(r'hreflang="([a-z-]+)"', root) == languages
    assert (
        f"<li>{len(german)} of {total} concepts have a preferred term in German</li>"
        in _rendered(files, "de/index.html")
    )
    assert (
        f"<li>{len(german)} concepts sur {total} ont un terme privilégié en allemand</li>"
        in _rendered(files, "fr/index.html")
    )
    assert f"<li>{total} concepts sur {total} ont un terme privilégié en français</li>" in (
        _rendered(files, "fr/index.html")
    )
    one = _rendered(site_files(_recorded_vocabulary(), {}, languages=["fr", "en"]), "fr/index.html")
    assert "<li>1 concept sur 2 a un terme privilégié en français</li>" in one
    assert "<li>2 concepts sur 2 ont un terme privilégié en anglais</li>" in one


def test_every_page_in_every_language_has_one_h1(glossary: Graph, tmp_path: Path) -> None:
    export_site(glossary, tmp_path)
    for language in ("de", "es"):
        pages = list((tmp_path / language).rglob("*.html"))
        assert len(pages) == 1 + 31 + 4
        for page in pages:
            assert page.read_text(encoding="utf-8").count("<h1") == 1, page


def test_the_search_index_flags_deprecated_terms(glossary: Graph) -> None:
    index = _rendered(site_files(glossary, {}), "assets/search-index.js")
    entries = json.loads(index.split("window.BPO_SEARCH_INDEX = ", 1)[1].split(";\n", 1)[0])
    near = next(entry for entry in entries if entry["slug"] == "nearshoring")
    assert ["nearshoring", 0] in near["labels"]  # the English preferred term
    assert ["nearshoring", 1, "deprecatedTerm", "fr", "nearshoring"] in near["labels"]
    near_outsourcing = next(e for e in entries if e["slug"] == "nearshore-outsourcing")
    hidden = "Externalisation à proximité des côtes"  # a hidden label, in the index as before
    assert [normalise(hidden), 2, "deprecatedTerm", "fr", hidden] in near_outsourcing["labels"]
    gains = next(entry for entry in entries if entry["slug"] == "efficiency-gains")
    assert ["efficiency gains", 2, "supersededTerm", "en", "efficiency gains"] in gains["labels"]
    assert 'window.BPO_SEARCH_LANGUAGES = ["fr", "en", "de", "es"];' in index
    words = json.loads(index.split("window.BPO_SEARCH_WORDS = ", 1)[1].rstrip(";\n"))
    assert words["fr"]["deprecatedTerm"] == "terme déconseillé"
    assert words["de"]["supersededTerm"] == "superseded term"  # English words past fr and en


def test_a_fourth_language_reaches_the_site_and_every_export(tmp_path: Path) -> None:
    import shutil

    from bpo_kb.build import export_all, load_valid_vocabulary

    ontology = tmp_path / "ontology"
    shutil.copytree(REPO_ROOT / "ontology", ontology)
    (ontology / "italian.ttl").write_text(
        "@prefix bpo: <https://w3id.org/bpo-kb/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'bpo:payroll skos:prefLabel "elaborazione delle paghe"@it ;\n'
        '    skos:altLabel "cedolini paga"@it .\n'
        'bpo:accounting skos:prefLabel "contabilità"@it .\n',
        encoding="utf-8",
    )
    with (ontology / "terms.csv").open("a", encoding="utf-8") as rows:
        rows.write(
            "bpo:payroll,it,elaborazione delle paghe,preferredTerm,noun,feminine,fullForm,,\n"
            "bpo:payroll,it,cedolini paga,admittedTerm,noun,masculine,fullForm,,\n"
            "bpo:accounting,it,contabilità,preferredTerm,noun,feminine,fullForm,,\n"
        )
    graph = load_valid_vocabulary(ontology)
    out = tmp_path / "exports"
    export_all(graph, out)
    site = out / "html"
    assert (site / "it" / "index.html").is_file()
    assert (site / "it" / "concept" / "payroll.html").is_file()
    payroll = (site / "it" / "concept" / "payroll.html").read_text(encoding="utf-8")
    assert "<h1>elaborazione delle paghe</h1>" in payroll
    assert "missing-term" not in payroll
    french = (site / "fr" / "concept" / "payroll.html").read_text(encoding="utf-8")
    # the switch names a language without a name in the tables by its tag
    assert '<a href="../../it/concept/payroll.html" hreflang="it" lang="it">it</a>' in french
    assert 'Équivalent it\u00a0: <span lang="it">elaborazione delle paghe</span>' in french
    assert "<dt>Autres termes en it</dt>" in french
    outsourcing = (site / "it" / "concept" / "outsourcing.html").read_text(encoding="utf-8")
    assert "No it term; shown:" in outsourcing
    total = len(set(graph.subjects(RDF.type, SKOS.Concept)))
    assert f"<li>2 concepts sur {total} ont un terme privilégié en it</li>" in (
        (site / "fr" / "index.html").read_text(encoding="utf-8")
    )
    assert f"<li>2 of {total} concepts have a preferred term in it</li>" in (
        (site / "it" / "index.html").read_text(encoding="utf-8")
    )
    search = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert '"it": "elaborazione delle paghe"' in search
    assert '"cedolini paga"' in search
    exports = {p.name: p for p in out.iterdir() if p.is_file()}
    for suffix in (".ttl", ".jsonld", ".csv", ".tbx"):
        names = [name for name in exports if name.endswith(suffix)]
        assert names, suffix
        for name in names:
            text = exports[name].read_text(encoding="utf-8")
            for term in ("elaborazione delle paghe", "cedolini paga", "contabilità"):
                assert term in text, (name, term)
    turtle = next(exports[name] for name in exports if name.endswith(".ttl"))
    assert '"elaborazione delle paghe"@it' in turtle.read_text(encoding="utf-8")
    assert 'xml:lang="it"' in next(
        exports[name] for name in exports if name.endswith(".tbx")
    ).read_text(encoding="utf-8")
