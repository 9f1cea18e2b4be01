"""Findings in a notebook: a short repr per finding, and the text with each figure marked."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

from danvan.text import Findings, annotate, check

SEEDS = Path(__file__).parents[1] / "seeds"
TEXT = ("Năm 2023 nhận 120 đơn, trong đó: khiếu nại 20 đơn, tố cáo 15 đơn, "
        "loại khác 80 đơn; đã giải quyết 110/120 đơn, đạt 91,6%. <b>Xong</b> & hết.")


def test_findings_hold_the_text_and_the_findings() -> None:
    """annotate(text) keeps the text and check's findings; its repr counts the verdicts."""
    found = annotate(TEXT)
    assert isinstance(found, Findings)
    assert found.findings == check(TEXT)
    assert found.text == TEXT
    assert list(found) == list(found.findings)
    assert len(found) == 2
    assert repr(found) == "<Findings 2 claim(s): 1 holds, 1 fails>"
    assert repr(found[0]).startswith("<Finding parts fails [")


def test_html_marks_figures_by_verdict_with_the_explanation() -> None:
    """Each figure is a <mark> coloured by its verdict, the explanation in its title; text escaped."""
    page = annotate(TEXT)._repr_html_()
    assert "&lt;b&gt;Xong&lt;/b&gt; &amp; hết" in page
    assert "<b>Xong" not in page
    assert 'title="sai (tổng và các thành phần): 20 + 15 + 80 = 115 ≠ 120"' in page
    assert "#f8b4b4" in page
    assert "#b7e4c7" in page
    plain = page.replace("<mark", "\0").split("\0")
    assert len(plain) > 4


def test_seed_report_html_keeps_every_character() -> None:
    """Rendering a seed report loses no text: without the tags, the escaped text is all there."""
    import html
    import re

    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    page = annotate(text)._repr_html_()
    body = page[page.index(">") + 1:page.index("</div>")]
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["nhận", "120", "đơn", "trong đó", "khiếu nại", "20", "đạt",
                                 "91,6%", "110/120", "giảm", "còn", "12", ";", ":", "x" * 300]),
                max_size=30).map(" ".join))
def test_finding_reprs_stay_short(text: str) -> None:
    """Whatever the text, a finding's repr stays under 170 characters and names its verdict."""
    for finding in annotate(text):
        shown = repr(finding)
        assert len(shown) <= 170
        assert finding.verdict.code in shown
