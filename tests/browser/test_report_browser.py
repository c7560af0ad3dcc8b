"""The HTML report in a real (headless) Chromium: offline, no console errors, filters, links, keys, safety."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.report.html import render_html
from claimcheck.report.jsonout import run_to_dict
from html_factory import make_run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus_url(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("report") / "corpus.html"
    path.write_text(render_html(make_run()), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="session")
def seeds_html(tmp_path_factory) -> Path:
    """The seeds' report as the README's command writes it."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.html"
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        main(["seeds/", "--html", str(path)])
    except SystemExit as exc:
        assert exc.code in (0, 1), f"claimcheck seeds/ failed with exit status {exc.code}"
    finally:
        os.chdir(here)
    return path


def _embedded(html: str) -> dict:
    raw = re.search(r'<script type="application/json" id="claimcheck-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("#items > li:not([hidden])", "els => els.map(e => e.id)")


def _in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """el => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight; }""")


def test_seeds_report_opens_offline_without_errors(open_page, seeds_html: Path) -> None:
    w = open_page(seeds_html.as_uri())
    page = w.page
    assert page.title().startswith("claimcheck report")
    # The duplicated passage of 004: both places side by side (same row, two columns).
    item = page.locator("#items > li", has_text="004_5abd1957de2ae845.txt").filter(has=page.locator(".passage"))
    assert item.count() >= 1
    boxes = [item.first.locator(".passage").nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"] - 1
    w.assert_clean()


def test_seeds_key_groups_come_first(open_page, seeds_html: Path) -> None:
    data = _embedded(seeds_html.read_text("utf-8"))
    if not data["groups"]:
        pytest.skip("the seeds run yields no groups yet (claim grouping not in place)")
    w = open_page(seeds_html.as_uri())
    page = w.page
    ids = _visible_ids(page)
    texts = [set(page.locator(f"[id='{i}'] .claim .val").all_inner_texts()) for i in ids[:2]]
    # The high-tech enterprise conflict and the innovation-rank group are the first two items, each
    # with all its claims side by side: nothing unrelated comes before them.
    assert any({"601家", "600余家", "609家"} <= t for t in texts), texts
    assert any({"第30位", "第58位", "第66位"} <= t for t in texts), texts
    for i in ids[:2]:
        assert page.eval_on_selector(f"[id='{i}'] details", "d => d.open")
    w.assert_clean()


def test_network_attempts_are_caught(open_page, corpus_url: str) -> None:
    """The watch itself can fail: a request to the network is refused and reported."""
    w = open_page(corpus_url)
    w.page.evaluate("fetch('https://example.invalid/x').catch(() => null)")
    w.page.wait_for_timeout(200)
    assert w.blocked or w.errors
    with pytest.raises(AssertionError):
        w.assert_clean()


def test_filters_and_sorting(open_page, corpus_url: str) -> None:
    w = open_page(corpus_url)
    page = w.page
    assert page.inner_text("#count") == "4 of 5 items"  # consistent groups are off by default
    assert "g-g3" not in _visible_ids(page)
    page.check("input[name=cat][value=consistent]")
    assert "g-g3" in _visible_ids(page)
    page.uncheck("input[name=sev][value=error]")
    assert not any(page.eval_on_selector_all("#items > li:not([hidden])", "els => els.map(e => e.dataset.severity)")
                   .count(s) for s in ["error"])
    page.check("input[name=sev][value=error]")
    page.select_option("#rule", "rule:CC201")
    assert [page.get_attribute(f"[id='{i}']", "data-rule") for i in _visible_ids(page)] == ["CC201"]
    page.select_option("#rule", "")
    page.fill("#q", "城市创新能力")
    assert _visible_ids(page) == ["g-g2"]
    page.fill("#q", "")
    page.select_option("#sort", "indicator")
    indicators = page.eval_on_selector_all("#items > li:not([hidden])", "els => els.map(e => e.dataset.indicator)")
    keyed = [i or "\uffff" for i in indicators]
    assert keyed == sorted(keyed)
    page.check("#desc")
    reverse = page.eval_on_selector_all("#items > li:not([hidden])", "els => els.map(e => e.dataset.indicator)")
    assert [i or "\uffff" for i in reverse] == sorted(keyed, reverse=True)
    page.select_option("#sort", "order")
    page.uncheck("#desc")
    assert page.eval_on_selector_all("#items > li", "els => els.map(e => Number(e.dataset.order))") == [0, 1, 2, 3, 4]
    w.assert_clean()


def test_deep_link_opens_and_highlights_a_hidden_item(open_page, corpus_url: str) -> None:
    run = make_run()
    dup = next(f for f in run.findings if f.rule == "CC201")
    w = open_page(f"{corpus_url}#g-g3")  # filtered out by default: the link must still show it
    page = w.page
    assert page.is_visible("#g-g3") and "current" in page.get_attribute("#g-g3", "class")
    assert page.eval_on_selector("#g-g3 details", "d => d.open")
    assert _in_viewport(page, "#g-g3")
    page.evaluate(f"location.hash = '#f-{dup.fingerprint}'")
    page.wait_for_function(f"document.getElementById('f-{dup.fingerprint}').classList.contains('current')")
    assert _in_viewport(page, f"#f-{dup.fingerprint}")
    # A group shown inside a finding is reached by its group id too.
    conflict = next(f for f in run.findings if f.rule == "CC101" and f.status == "new")
    page.evaluate("location.hash = '#g-g1'")
    page.wait_for_function(f"document.getElementById('f-{conflict.fingerprint}').classList.contains('current')")
    assert _in_viewport(page, f"#f-{conflict.fingerprint}")
    w.assert_clean()


def test_keyboard_moves_between_items(open_page, corpus_url: str) -> None:
    w = open_page(corpus_url)
    page = w.page
    ids = _visible_ids(page)
    page.keyboard.press("j")
    assert page.get_attribute(".item.current", "id") == ids[0]
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.get_attribute(".item.current", "id") == ids[2]
    assert _in_viewport(page, ".item.current")
    page.keyboard.press("k")
    assert page.get_attribute(".item.current", "id") == ids[1]
    was_open = page.eval_on_selector(".item.current details", "d => d.open")
    page.keyboard.press("o")
    assert page.eval_on_selector(".item.current details", "d => d.open") is not was_open
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.press("j")  # typing in the search box is not navigation
    assert page.input_value("#q") == "j"
    assert "j" in page.inner_text(".keys") and "k" in page.inner_text(".keys")
    w.assert_clean()


def test_article_markup_does_not_run(open_page, corpus_url: str) -> None:
    w = open_page(corpus_url)
    page = w.page
    page.click("#expand")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    assert page.locator(".passage", has_text="<script>window.__pwned=1</script>").count() >= 2
    w.assert_clean()


@pytest.mark.parametrize("which", ["corpus", "seeds"])
def test_phone_width_has_no_horizontal_overflow(open_page, corpus_url: str, seeds_html: Path, which: str) -> None:
    w = open_page(corpus_url if which == "corpus" else seeds_html.as_uri(), width=375, height=800)
    page = w.page
    page.click("#expand")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate("document.body.scrollWidth") <= 375
    w.assert_clean()


def test_chinese_text_uses_the_cjk_font_stack(open_page, corpus_url: str) -> None:
    w = open_page(corpus_url)
    family = w.page.eval_on_selector(".claim blockquote", "el => getComputedStyle(el).fontFamily")
    for font in ("PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"):
        assert font in family
    assert w.page.get_attribute(".claim blockquote", "lang") == "zh-CN"


def test_download_gives_the_json_report(open_page, corpus_url: str) -> None:
    w = open_page(corpus_url)
    with w.page.expect_download() as info:
        w.page.click("#download")
    data = json.loads(Path(info.value.path()).read_text("utf-8"))
    assert data == json.loads(json.dumps(run_to_dict(make_run())))
    w.assert_clean()


def test_screenshots(open_page, corpus_url: str, seeds_html: Path, tmp_path: Path) -> None:
    """Screenshots to look at (kept in $CLAIMCHECK_SCREENSHOTS when set, e.g. as a CI artifact)."""
    out = Path(os.environ.get("CLAIMCHECK_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    shots = []
    for name, url, width in (("corpus-desktop", corpus_url, 1280), ("corpus-phone", corpus_url, 375),
                             ("seeds-desktop", seeds_html.as_uri(), 1280)):
        w = open_page(url, width=width)
        path = out / f"{name}.png"
        w.page.screenshot(path=str(path), full_page=True)
        shots.append(path)
        w.assert_clean()
    assert all(p.stat().st_size > 10_000 for p in shots)
