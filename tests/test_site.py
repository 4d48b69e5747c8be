"""The static HTML glossary: built safely, deterministically, and usable in a real browser."""

from __future__ import annotations

import html as html_lib
import io
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from bpo_kb.formats.registry import export_site
from bpo_kb.rdf.namespaces import RDF, SKOS
from bpo_kb.site.builder import site_files, slugify
from bpo_kb.skos.search import normalise

from .conftest import REPO_ROOT
from .servers import _program, _wait_until_ready, free_port, missing

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
SCREENSHOT = REPO_ROOT / "docs" / "concept-page.png"
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
    assert len(pages) == 2 * (1 + 28 + 4)
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
    # 28 concepts, 10 to a page: the index holds the first 10, terms-2 and terms-3 the rest.
    files = site_files(glossary, {}, terms_per_page=10)
    assert Path("en", "terms-3.html") in files
    assert Path("en", "terms-4.html") not in files
    pages = ["index.html", "terms-2.html", "terms-3.html"]
    listed = []
    for name in pages:
        html = _rendered(files, f"en/{name}")
        terms = html.split('<ul class="terms">', 1)[1].split("</ul>", 1)[0]
        listed += re.findall(r'href="concept/([a-z0-9-]+)\.html">([^<]+)<', terms)
        pager = html.split('<nav class="pager"', 1)[1].split("</nav>", 1)[0]
        assert re.findall(r'href="([a-z0-9-]+\.html)"', pager) == pages  # every page, in order
        assert html.count("<h1") == 1
    labels = [html_lib.unescape(label) for _, label in listed]
    assert len(labels) == 28 == len({slug for slug, _ in listed})  # each concept once
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
    assert first.inner_text().startswith("externalisation à l'étranger")
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
def test_the_language_switch_keeps_the_concept(page: object, served_site: str) -> None:
    page.goto(f"{served_site}/en/concept/payroll.html")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/concept/payroll.html")
    assert page.locator("h1").inner_text() == "paie"
    assert page.locator("html").get_attribute("lang") == "fr"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.screenshot(path=str(SCREENSHOT), full_page=False)
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
