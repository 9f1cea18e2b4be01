"""Remainders and complements: the rest of a total, in the sentence or after it.

* ``nhận T, giải quyết A, còn lại R``: a remainder of a total in the sentence;
* ``Đã giải quyết 85/92 vụ việc. … Hiện nay còn 7 vụ việc``: the rest of a ratio
  printed in an earlier sentence;
* ``đã giải quyết 1.398/1.474 đơn …; đang xác minh 76 đơn``: a complement, the
  figures still pending after a figure whose base is known.

What is read across sentences may be read wrong, so it holds or is unverifiable,
never fails.
"""

from __future__ import annotations

import re

from danvan.text import _claim_patterns as pat
from danvan.text._claim_lists import ListRules
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Token

__all__ = ["ACTIONS", "RemainderRules"]

#: "Số đơn còn lại đang … có 17 đơn": the rest named before its figure, in the clause.
_REST_SUBJECT = re.compile(r"(?<![^\W_])còn lại(?![^\W_])[^\d;.:()]{0,60}+$")


def _words(alternatives: str) -> re.Pattern[str]:
    """Whole words: ``alternatives`` is a regex alternation."""
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


#: Words that call a figure not done, by kind, the first found deciding: the complement
#: of what was done. "Quá hạn chưa giải quyết" is late, a part of what is pending.
_NOT_DONE = (
    ("late", _words("quá hạn|chậm hạn|chậm|trễ hạn|trễ")),
    ("failed", _words("không thành")),
    ("pending", _words("(?<!đã và )đang|chưa|(?<!xuống )(?<!giảm )còn|tồn đọng")),
)
_UNRESOLVED = _words("chưa|đang")
_DONE_WORD = _words("đã")
#: The actions a figure counts; a figure pending completes one done of the same action.
ACTIONS = _words("thụ lý|giải quyết|trả kết quả|tiếp nhận|xử lý|hòa giải|hoà giải|trả lời")
#: What a late or failed figure completes: the figure done on time, or done.
_DONE = {"late": _words("đúng hạn|trước hạn|trong hạn"),
         "failed": _words("(?<!không )thành")}
#: The words after a figure, up to the next break.
_AFTER = re.compile(r"[^\d,;:.()\n]{0,40}+")
#: Between two items of one list.
_JOINED = re.compile(r",|(?<![^\W_])và(?![^\W_])")


class RemainderRules(ListRules):
    """The rules that read remainders and complements."""

    # … còn lại R, còn R
    def remainders(self) -> None:
        totals = set(self.parts_of.values())
        for i, token in enumerate(self.tokens):
            if (i in self.used and i not in totals) or token.percent or i in self.parts_of:
                continue
            if not (pat.REMAINDER.search(self.lowered, max(self.bounds[0], token.start - 12),
                                         token.start)
                    or pat.REMAINDER_AFTER.match(self.lowered, token.end)
                    or _REST_SUBJECT.search(self.lowered, max(self.bounds[0], token.start - 80),
                                            token.start)):
                continue
            if i in self.used:
                # "Hiện nay còn 7 vụ việc (khiếu nại 3 vụ, tố cáo 4 vụ)": a list's total, and
                # the rest of a ratio before it
                if not any(pat.compatible(self.tokens[j], token) for j in self.back(i)):
                    self._remainder_of_earlier_ratio(i)
                continue
            earlier = [j for j in reversed(self.back(i)) if pat.compatible(self.tokens[j], token)
                       and not self.tokens[j].percent and pat.is_typed(self.tokens[j])]
            based = next((j for j in reversed(earlier) if j in self.based_on), None)
            if based is not None and based == (earlier[-1] if earlier else None):
                self.drafts.append(Draft("parts", "implied_base", (
                    ("total", self.based_on[based], "", False),
                    ("part", self.tokens[based], "", False),
                    ("part", token, "còn lại", False))))
                self.used.add(i)
                continue
            if not earlier and self._remainder_of_earlier_ratio(i):
                continue
            ratio = next((j for j in reversed(earlier) if self.tokens[j].denominator is not None),
                         None)
            if ratio is not None:
                self.add("parts", "partition", [("total", ratio, "", True),
                                                ("part", ratio, "", False),
                                                ("part", i, "còn lại", False)])
                continue
            # Figures claimed by no other rule; the total is the one the text calls
            # "tổng", or the first of exactly two ("nhận T, giải quyết A, còn lại R").
            # With one figure ("giải quyết A, còn lại R") the total is not printed.
            free = [j for j in earlier if j not in self.used]
            named = [j for j in free if self._named_total(j)]
            if named:
                total, parts = named[-1], [j for j in free if j > named[-1]]
            elif len(free) == 2:
                total, parts = free[0], free[1:]
            else:
                self._clause_remainder(i, free)
                continue
            if parts:
                self._emit(total, [*parts, i], {}, "còn lại", self.tokens[total].end, None)

    def _remainder_of_earlier_ratio(self, i: int) -> bool:
        """"Đã giải quyết 85/92 vụ việc. … Hiện nay còn 7 vụ việc": the rest of the nearest
        ratio of earlier sentences. "Số đơn còn lại … có 17 đơn … và 10 đơn": a list of rests,
        one per ratio of the last list of ratios, in order."""
        token = self.tokens[i]
        chain = self._rest_chain(i)
        ratios = [t for t in reversed(self.earlier)
                  if t.denominator is not None and not t.percent and not t.oversized
                  and pat.is_typed(t) and pat.compatible(t, token)][:len(chain)]
        if len(ratios) < len(chain) or len({t.sentence for t in ratios}) > 1:
            return False
        for ratio, rest in zip(reversed(ratios), chain, strict=True):
            self.drafts.append(Draft("parts", "implied_base", (
                ("total", ratio, "", True), ("part", ratio, "", False),
                ("part", self.tokens[rest], "còn lại", False))))
        self.used.update(chain)
        return True

    def _rest_chain(self, i: int) -> list[int]:
        """Figure ``i`` and, after "Số … còn lại … có R", the figures of its unit listed with it."""
        chain = [i]
        if not _REST_SUBJECT.search(self.lowered, max(self.bounds[0], self.tokens[i].start - 80),
                                    self.tokens[i].start):
            return chain
        for j in range(i + 1, min(len(self.tokens), i + 8)):
            token, last = self.tokens[j], self.tokens[chain[-1]]
            gap = self.lowered[last.end:token.start]
            if len(gap) > pat.GAP or any(c in gap for c in ";.:"):
                break
            if (pat.same_units(token, self.tokens[i]) and token.denominator is None
                    and not token.percent and _JOINED.search(gap)):
                chain.append(j)
        return chain

    def _clause_remainder(self, i: int, free: list[int]) -> None:
        """"… tiếp nhận 660 vụ việc; đã giải quyết 349 vụ việc, còn 311 vụ việc": one figure
        in the remainder's clause, the total the figure just before that clause. Another
        reading is possible, so the claim holds or is unverifiable, never fails."""
        start = self.tokens[i].start
        cut = self.lowered.rfind(";", max(self.bounds[0], start - 2 * pat.GAP), start)
        inside = [j for j in free if self.tokens[j].start > cut]
        before = [j for j in free if self.tokens[j].end <= cut]
        if cut < 0 or len(inside) != 1 or not before or before[-1] != inside[0] - 1:
            return
        self.drafts.append(Draft("parts", "implied_base", (
            ("total", self.tokens[before[-1]], "", False),
            ("part", self.tokens[inside[0]], "", False),
            ("part", self.tokens[i], "còn lại", False))))
        self.used.update((before[-1], inside[0], i))

    def _named_total(self, j: int) -> bool:
        """Whether the words just before figure ``j`` call it a total ("tổng số … là 50 đơn")."""
        floor = self.tokens[j - 1].end if j else self.bounds[0]
        start = self.tokens[j].start
        return bool(pat.TOTAL_WORD.search(self.lowered, max(floor, start - 60), start))

    # đã giải quyết A/T …; đang xác minh R: the figures still pending complete a rate's base
    def complements(self) -> None:
        # figures read already as a rest, or as a value of a change ("từ 10 xuống còn 8")
        rested = {id(t) for d in self.drafts for role, t, label, _ in d.figures
                  if (role == "part" and label == "còn lại") or d.kind == "change"}
        found: dict[int, tuple[Token, bool, Token, list[int]]] = {}
        for i, token in enumerate(self.tokens):
            if (token.percent or token.denominator is not None or not token.units
                    or i in self.parts_of or i in self.deltas or id(token) in rested
                    or not (kind := self._pending(token, self.tokens[i - 1].end if i else
                                                  self.bounds[0]))):
                continue
            done = self._done_before(i, kind)
            if done is None:
                continue
            if done.denominator is not None:
                base, slash = done, True
            elif done.start in self.bases:
                base, slash = self.bases[done.start], False
            else:
                continue
            found.setdefault(done.start, (base, slash, done, []))[3].append(i)
        for base, slash, done, rests in found.values():
            self.drafts.append(Draft("parts", "implied_base", (
                ("total", base, "", slash), ("part", done, "", False),
                *(("part", self.tokens[j], "", False) for j in rests))))
            self.used.update(rests)
            self.parts_of.update((j, rests[0]) for j in rests)

    def _context(self, token: Token, floor: int) -> str:
        """The words of the clause of ``token`` before it (from ``floor`` on) and just after."""
        start = max(floor, token.start - 120)
        before = max(start, *(self.lowered.rfind(c, start, token.start) + 1 for c in ";:.()\n"))
        after = _AFTER.match(self.lowered, token.end)
        return self.lowered[before:token.start] + " | " + (after.group() if after else "")

    def _pending(self, token: Token, floor: int) -> str:
        """What the clause of ``token`` calls it: "late" ("quá hạn còn 708 hồ sơ"), "failed"
        ("1 đơn hòa giải không thành"), "pending" ("đang xác minh 76 đơn", "1.321 hồ sơ đang
        giải quyết"), or "" (done, or anything else)."""
        context = self._context(token, floor)
        for kind, pattern in _NOT_DONE:
            if pattern.search(context):
                if kind == "late" and _UNRESOLVED.search(context) and not _DONE_WORD.search(
                        context):
                    # "quá hạn chưa giải quyết": late among the pending, not among the done
                    return ""
                return kind
        return ""

    def _done_before(self, i: int, kind: str) -> Token | None:
        """The nearest earlier figure of the unit of figure ``i`` not itself pending: the
        figure done, whose base the pending figures complete. A late figure completes one
        on time ("đúng hạn"), a failed one a success ("hòa giải thành")."""
        token = self.tokens[i]
        floor_of_i = self.tokens[i - 1].end if i else self.bounds[0]
        candidates = [(self.tokens[k], self.tokens[k - 1].end if k else self.bounds[0])
                      for k in self.back(i)]
        candidates += [(t, t.start - 120) for t in reversed(self.earlier)]
        for candidate, floor in candidates[:pat.LOOKBACK]:
            if candidate.percent or not pat.same_units(candidate, token):
                continue
            if candidate.denominator is None and self._pending(candidate, floor):
                continue
            context = self._context(candidate, floor)
            counterpart = _DONE.get(kind)
            if counterpart is not None and not counterpart.search(context):
                return None
            # "Thụ lý đúng hạn 0/1 đơn. Quá hạn chưa giải quyết 0 đơn": another action
            done = {m.group() for m in ACTIONS.finditer(context)}
            pending = {m.group() for m in ACTIONS.finditer(self._context(token, floor_of_i))}
            if done and pending and not done & pending:
                return None
            return candidate
        return None

    # T, trong đó có p … không đủ điều kiện. Đối với q … đủ điều kiện: the other member after
    def other_member(self) -> None:
        if not self.tokens or len(self.prior) < 2:
            return
        q, p = self.tokens[0], self.prior[-1]
        total = next((t for t in reversed(self.prior[-pat.LOOKBACK:-1])
                      if not t.percent and t.denominator is None and pat.same_units(t, p)), None)
        if (total is None or q.percent or p.percent or q.denominator is not None
                or p.denominator is not None or not pat.same_units(p, q)
                or total.value < p.value or not pat.CONNECTOR.search(
                    self.lowered, total.end, min(p.start, total.end + pat.GAP))):
            return
        members = [self._context(p, total.end), self._context(q, self.bounds[0])]
        if pat.names_a_partition(members):
            self.drafts.append(Draft("parts", "partition", (
                ("total", total, "", False), ("part", p, "", False), ("part", q, "", False))))

    # T lượt …; trong đó … ; vụ việc cũ a vụ việc, vụ việc mới b vụ việc
    def partition_in_other_unit(self) -> None:
        """"1.647 lượt …; trong đó, … 1.147 lượt …; … 500 lượt …; vụ việc cũ 736 vụ việc, vụ
        việc mới 911 vụ việc": after a list, a run of figures of another unit naming every
        member of a known partition breaks down the list's total as well; read only when
        it adds up exactly (``other_unit``), as a count in another unit need not."""
        totals = [d.figures[0][1] for d in self.drafts if d.kind == "parts" and d.figures
                  and d.figures[0][0] == "total" and d.reading in ("partition", "list")]
        if not totals:
            return
        run: list[int] = []
        for i in range(len(self.tokens) + 1):
            token = self.tokens[i] if i < len(self.tokens) else None
            free = token is not None and i not in self.used and not token.percent and bool(
                token.units) and token.denominator is None
            if free and run and token is not None and pat.same_units(self.tokens[run[-1]], token):
                gap = self.lowered[self.tokens[run[-1]].end:token.start]
                if ";" not in gap and "." not in gap and len(gap) <= pat.GAP:
                    run.append(i)
                    continue
            if len(run) >= 2:
                self._other_unit_run(run, totals)
            run = [i] if free else []

    def _other_unit_run(self, run: list[int], totals: list[Token]) -> None:
        first = self.tokens[run[0]]
        total = next((t for t in reversed(totals) if t.end <= first.start
                      and not pat.compatible(t, first)), None)
        if total is None or sum(self.tokens[i].value for i in run) != total.value or any(
                self.tokens[i].scale != total.scale for i in run):
            return
        named, last = [], self.tokens[run[0] - 1].end if run[0] else self.bounds[0]
        for i in run:
            token = self.tokens[i]
            named.append(f"{pat.label_of(self.lowered[last:token.start])} "
                         f"{' '.join(token.units)}".lower())
            last = token.end
        if pat.names_a_partition(named):
            self.drafts.append(Draft("parts", "other_unit", (
                ("total", total, "", False),
                *(("part", self.tokens[i], "", False) for i in run))))
            self.used.update(run)
