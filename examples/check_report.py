"""Check the figures of a report: print each failing claim and the rounding of each ratio.

Run: ``python examples/check_report.py [REPORT.txt]`` (default: a short sample whose
first list does not add up, on purpose).
"""

from __future__ import annotations

import sys
from pathlib import Path

from danvan.text.claims import ClaimKind, Verdict, check

SAMPLE = """\
Trong năm 2023, toàn huyện nhận 1.250 đơn, trong đó: khiếu nại 210 đơn, tố cáo 36 đơn,
loại khác 1.014 đơn; đã giải quyết 1.190/1.250 đơn, đạt 95,2%. Sáp nhập 30 thôn thành 10
thôn, sau sáp nhập còn 90 thôn (giảm 20 thôn, tỷ lệ 18,1%). Huy động 4,1 tỷ đồng, gồm
3,2 tỷ, 650 triệu và 250 triệu.
"""


def main() -> int:
    """Print the findings; exit 1 when a claim fails."""
    text = Path(sys.argv[1]).read_text(encoding="utf-8") if len(sys.argv) > 1 else SAMPLE
    findings = check(text)
    for finding in findings:
        claim = finding.claim
        if finding.verdict is Verdict.FAILS:
            print(f"FAILS  {claim.quote!r}\n       {finding.explanation}")
        elif claim.kind is ClaimKind.RATIO and finding.verdict is Verdict.HOLDS:
            names = ", ".join(r.code for r in finding.roundings)
            print(f"holds  {claim.quote!r} under {names}")
        elif finding.verdict is Verdict.HOLDS:
            print(f"holds  {finding.explanation}")
    unverified = sum(f.verdict is Verdict.UNVERIFIABLE for f in findings)
    print(f"{unverified} figure(s) left to reconcile with records")
    return 1 if any(f.verdict is Verdict.FAILS for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
