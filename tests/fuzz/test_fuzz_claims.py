"""Fuzz target: ``claims.check`` over a grammar of report sentences (issue 15, item 11).

Known issues left out, owned by the report-checker work: runs of white space or of
sentence marks (F1-F3: backtracking), NFD text and U+0130 (F4, F6), numbers of more than
4300 digits (F7), many figures in one sentence (F9). The grammar writes none of them;
once they are fixed, add them here (``_GLUE`` and ``_NOISE`` are the places).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from danvan.text.claims import check, extract
from danvan.values.numbers import format_number

counts = st.integers(0, 10**9)
printed = counts.map(format_number)
percents = st.decimals(0, 200, places=1).map(lambda d: format_number(Decimal(d)) + "%")
nouns = st.sampled_from(["đơn", "vụ việc", "cuộc", "lượt", "người", "mô hình", "tập thể", "cá nhân"])
kinds = st.sampled_from(["khiếu nại", "tố cáo", "kiến nghị, phản ánh", "tập thể", "cá nhân", "xã", "phường"])
verbs = st.sampled_from(["Tiếp nhận", "Đã giải quyết", "Tổ chức", "Có", "Xây dựng", "Tổng số"])


def _sentence(template: str, **parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.fixed_dictionaries(parts).map(lambda found: template.format(**found))


sentences = st.one_of(
    _sentence("{v} {n} {u}, trong đó: {k1} {a} {u}, {k2} {b} {u}.", v=verbs, n=printed, u=nouns,
              k1=kinds, a=printed, k2=kinds, b=printed),
    _sentence("{v} {a}/{b} {u}, đạt {p}.", v=verbs, a=printed, b=printed, u=nouns, p=percents),
    _sentence("Số {u} {d} {n} {u} so với cùng kỳ ({p}).", u=nouns, d=st.sampled_from(["tăng", "giảm"]),
              n=printed, p=percents),
    _sentence("{v} {n} {u} (trong đó {a} {k1}, {b} {k2}).", v=verbs, n=printed, u=nouns, a=printed,
              k1=kinds, b=printed, k2=kinds),
    _sentence("{k} chiếm {p} tổng số {u}.", k=kinds, p=percents, u=nouns),
    _sentence("{v} {n} {u}.", v=verbs, n=printed, u=nouns),
    st.sampled_from(["I. KẾT QUẢ", "Nhìn chung, công tác dân vận có chuyển biến tích cực.", "1.", "-", ""]),
)
#: Between sentences: short glue only (no long runs of spaces or dots, see the docstring).
_GLUE = st.sampled_from([" ", "\n", "\n- ", "\n\n", " ; ", "\r\n"])
reports = st.lists(st.tuples(sentences, _GLUE), max_size=8).map(
    lambda parts: "".join(s + g for s, g in parts))


def test_check_report_sentences(fuzz: Any) -> None:
    """A report in the grammar: findings whose quotes and figures are the text at their spans."""

    def target(text: str) -> None:
        findings = fuzz.call(check, text)
        for finding in findings or ():
            start, end = finding.claim.span
            assert text[start:end] == finding.claim.quote
            for figure in finding.claim.figures:
                assert text[figure.span[0]:figure.span[1]] == figure.text
            json.dumps([finding.verdict.code, finding.explanation], ensure_ascii=False).encode()
        claims = fuzz.call(extract, text)
        if claims is not None and findings is not None:
            assert [c.span for c in claims] == [f.claim.span for f in findings]

    fuzz.run(reports, target)


def test_check_time_is_linear(fuzz: Any) -> None:
    """Checking n sentences takes time linear in n."""
    sentence = ("Tiếp nhận 120 đơn, trong đó: khiếu nại 70 đơn, tố cáo 50 đơn. "
                "Đã giải quyết 110/120 đơn, đạt 91,6%. ")
    fuzz.linear(lambda n: lambda: check(sentence * n), 40)
