"""The list rules of one sentence: a total and its parts, and remainders.

* ``T unit, trong đó|gồm … p1, p2 …`` and ``T unit (p1; p2)``: a total and
  its parts, with the signals that the list is meant to be complete;
* ``Trong (tổng) số T, có p1 …, p2 …``: a total and its parts;
* ``p1 …; p2 …; p3 …`` with no total in the sentence: the total printed before.

Remainders and complements are read by :mod:`danvan.text._claim_list_rest`.

:class:`danvan.text._claim_rules.Sentence` runs them with the other rules.
"""

from __future__ import annotations

from danvan.text import _claim_patterns as pat
from danvan.text._claim_patterns import Draft
from danvan.text._claim_scan import Enclosing, Token
from danvan.text._claim_sentence import SentenceBase

__all__ = ["ListRules"]

#: Words before a figure that name nothing: the figure's words come after it.
_UNNAMED = frozenset({"có", "là", "được", "với", "còn"})


class ListRules(SentenceBase):
    """The rules that read totals, their parts and remainders."""

    # T unit, trong đó: p1, p2 …
    def lists(self) -> None:
        start, end = self.bounds
        enclosing = Enclosing(self.layout.parens, self.first_paren)
        for match in pat.CONNECTOR.finditer(self.lowered, start, end):
            paren = enclosing.at(match.start())
            if paren >= 0:
                opening, closing = self.layout.parens[paren]
                scope, anchor = closing, opening
            else:
                scope, anchor = end, match.start()
            candidates = [i for i in self.back(self.ending_by(anchor))
                          if not self.tokens[i].percent and i not in self.deltas][:3][::-1]
            first = self._first_part(match.end(), scope, paren)
            if first is None:
                continue
            total = next((i for i in reversed(candidates)
                          if pat.compatible(self.tokens[i], first) and pat.is_typed(self.tokens[i])), None)
            if total is None:
                continue
            parts, shares = self._collect(match.end(), scope, paren, self.tokens[total])
            if parts:
                self._emit(total, parts, shares, match.group(1), match.end(), None)

    # T unit (p1; p2)
    def breakdowns(self) -> None:
        for index, opening, closing in self.parens:
            head = self.lowered[opening + 1:min(closing, opening + 9)]
            inside = pat.BLANK.match(self.lowered, opening + 1, closing)
            start = inside.end() if inside else opening + 1
            if (pat.CONNECTOR.match(self.lowered, start, closing) or "giảm" in head
                    or "tăng" in head):
                continue
            total = self.ending_by(opening) - 1
            if total < 0:
                continue
            before = self.tokens[total]
            if opening - before.end > 80 or not pat.is_typed(before) or before.percent:
                continue
            parts, shares = self._collect(opening + 1, closing, index, self.tokens[total])
            if len(parts) < 2 or not all(pat.compatible(self.tokens[total], self.tokens[p])
                                         for p in parts):
                continue
            self._emit(total, parts, shares, "(", opening + 1, self._whole_of_rest(total))

    def _changes_of(self, reading: str, listed: list[int], labels: list[str]) -> None:
        """"626 lượt (giảm 59 lượt), trong đó, cấp huyện 173 lượt (giảm 50 lượt); cấp xã 453
        lượt (giảm 9 lượt)": the changes of a total and of each of its parts, all one way,
        make a list of the same reading."""
        changes = []
        for k in listed:
            j = k + 1
            if j not in self.deltas or j >= len(self.tokens):
                return
            gap = self.lowered[self.tokens[k].end:self.tokens[j].start]
            way = pat.CHANGE.search(gap)
            if len(gap) > 40 or any(c in gap for c in ";.") or way is None:
                return
            changes.append((j, way.group(1)))
        if len({way for _, way in changes}) != 1:
            return
        self.drafts.append(Draft("parts", reading, (
            ("total", self.tokens[changes[0][0]], "", False),
            *(("part", self.tokens[j], label, False)
              for (j, _), label in zip(changes[1:], labels, strict=True)))))

    def _whole_of_rest(self, part: int) -> int | None:
        """The total of the list whose last item ``part`` is its rest ("… loại khác 2.531
        đơn (UBND huyện nhận 905 đơn, …)"): a bracket there may break down the whole list's
        total. After a named part ("đơn đủ điều kiện 3.321 đơn (…)") it is the part's own."""
        total = self.parts_of.get(part)
        if total is None:
            return None
        start = self.tokens[part].start
        floor = self.tokens[part - 1].end if part else self.bounds[0]
        label = self.lowered[max(floor, start - 60):start]
        return total if pat.REMAINDER_LABEL.search(label) else None

    # Trong (tổng) số T, có p1 …, p2 …
    def among(self) -> None:
        for i, token in enumerate(self.tokens):
            if (i in self.used or i in self.parts_of or token.percent or not pat.is_typed(token)
                    or token.denominator is not None):
                continue
            floor = max(self.bounds[0], token.start - 100)
            end = pat.CLAUSE_END.search(self.lowered, floor, token.start)
            clause = end.end() if end else floor
            if end is None and floor > self.bounds[0]:
                continue
            if not pat.AMONG.fullmatch(self.lowered, clause, token.start):
                continue
            parts, shares = self._collect(token.end, self.bounds[1], token.paren, token)
            if len(parts) >= 2:  # one part is left to the rules for rates on a base
                self._emit(i, parts, shares, "trong số", token.end, None)
            if parts and (len(parts) == 1 or (self.drafts[-1].reading == "list"
                                              and not self._add_up(i, parts))):
                self._first_of(i, parts[0], shares)

    def _add_up(self, total: int, parts: list[int]) -> bool:
        whole = self.tokens[total]
        found = [self.tokens[p] for p in parts]
        return all(t.scale == whole.scale for t in found) and sum(
            t.value for t in found) == whole.value

    def _first_of(self, total: int, part: int, shares: dict[int, int]) -> None:
        """"Trong số 270 đơn, đã chuyển 106 đơn …": the first part of a list that may name
        only some of the total is a bare ratio of it (106 ≤ 270); the figures stay free for
        the rules for rates on a base."""
        whole, first = self.tokens[total], self.tokens[part]
        if part in shares or first.percent or not pat.same_units(whole, first):
            return
        self.drafts.append(Draft("ratio", "plain", (("numerator", first, "", False),
                                                   ("denominator", whole, "", False))))

    def _first_part(self, begin: int, scope: int, paren: int) -> Token | None:
        """The first typed figure from ``begin`` to ``scope`` at bracket depth ``paren``."""
        for j in range(self.from_start(begin), len(self.tokens)):
            t = self.tokens[j]
            if t.start >= scope or t.start - begin > 2 * pat.GAP:
                return None
            if t.paren == paren and not t.percent and pat.is_typed(t):
                return t
        return None

    def _collect(self, begin: int, scope: int, paren: int, total: Token,
                 ) -> tuple[list[int], dict[int, int]]:
        parts: list[int] = []
        shares: dict[int, int] = {}
        last = begin
        # Outside brackets, ";" ends a list whose items are separated otherwise
        # ("," or "và"), unless the item after it is labelled like the first one
        # ("cấp huyện … và …; cấp xã … và …"). A list separated by ";" goes on.
        semicolons: bool | None = None
        first = first_label = ""
        named: list[str] = []  # the parts' labels and units
        for i in range(self.from_start(begin), len(self.tokens)):
            token = self.tokens[i]
            if token.start >= scope:
                break
            if token.paren != paren:
                if (token.percent and parts and i not in self.used and parts[-1] not in shares
                        and token.start - last <= pat.GAP
                        and pat.SHARE.fullmatch(self.lowered, last, token.start)):
                    shares[parts[-1]] = i  # "1.276 vụ việc (đạt tỷ lệ 84%)"
                continue
            if token.start - last > 2 * pat.GAP:
                break
            gap = self.lowered[last:token.start]
            clean = pat.NESTED.sub(" ", gap)
            if parts and paren < 0:
                if semicolons is None:
                    semicolons = ";" in clean
                elif ";" in clean and not semicolons and pat.first_word_of(
                        clean.rsplit(";", 1)[1]) != first:
                    break
            if token.percent:
                if parts and i not in self.used and len(gap) <= pat.GAP and pat.SHARE.fullmatch(gap):
                    shares[parts[-1]] = i
                    last = token.end
                    continue
                break
            if i in self.used or token.denominator is not None or len(clean) > 160:
                break
            if parts and (pat.CONNECTOR.search(clean) or pat.STOP.search(clean)):
                break
            if pat.is_typed(token) and not pat.compatible(total, token):
                if parts and pat.PAIRED.search(gap):
                    last = token.end  # "80 lượt … với 95 người": a paired count, not a part
                    continue
                break
            label = pat.label_of(gap).lower()
            if parts and self._new_subject(total, label, first_label, len(parts) == 1, clean):
                # "…; đơn …" opens another subject, unless it names the other member of
                # the first part's partition ("… không đủ điều kiện là 346 đơn; đơn có đủ
                # điều kiện là 3.321 đơn")
                break
            if (len(parts) >= 2 and set(label.split()) <= _UNNAMED
                    and pat.names_a_partition(named)):
                # "đúng hạn 01 đơn, quá hạn 03 đơn, có 02 đơn …": the partition is whole,
                # and the figure after names nothing before it
                break
            if not parts:
                first = pat.first_word_of(label)
                first_label = label
            parts.append(i)
            named.append(f"{label} {' '.join(token.units)}".lower())
            last = token.end
        while parts and not pat.is_typed(self.tokens[parts[-1]]):
            parts.pop()
        return parts, shares

    @staticmethod
    def _new_subject(total: Token, label: str, first_label: str, second: bool, gap: str) -> bool:
        """Whether a part labelled with the total's unit opens another subject."""
        heads = [u.lower() + " " for u in total.units]
        if not any(label.startswith(h) for h in heads):
            return False
        # "đơn khiếu nại 300 đơn, đơn tố cáo 200 đơn": labelled like the first part, and not
        # after ";", the list goes on
        alike = any(first_label.startswith(h) for h in heads) and ";" not in gap
        return not alike and not (second and pat.names_a_partition([first_label, label]))

    def _emit(self, total: int, parts: list[int], shares: dict[int, int], connector: str,
              begin: int, alternative: int | None) -> None:
        tokens = self.tokens
        if not all(pat.compatible(tokens[total], tokens[p]) for p in parts):
            return
        labels: list[str] = []
        last = begin
        for p in parts:
            labels.append(pat.label_of(self.text[last:tokens[p].start]))
            last = tokens[p].end
        reading = self._reading(total, parts, labels, connector, begin)
        whole = len(parts) >= 2 and all(p in shares for p in parts)
        if whole and reading == "list" and self._hundred([shares[p] for p in parts]):
            # "13.767 hồ sơ, chiếm 78%; 3.254 hồ sơ, chiếm 18,4%; 634 hồ sơ, chiếm 3,6%":
            # shares of the total that make 100% say the parts are the whole of it.
            reading = "partition"
        figures: list[tuple[str, int, str, bool]] = [("total", total, "", False)]
        if alternative is not None:
            figures.append(("alternative_total", alternative, "", False))
        figures.extend(("part", p, label, False) for p, label in zip(parts, labels, strict=True))
        self.add("parts", reading, figures)
        self._changes_of(reading, [total, *parts], labels)
        for p in parts:
            self.parts_of[p] = total
            self.bases.setdefault(tokens[p].start, tokens[total])
        for p, share in shares.items():
            self.bases[tokens[p].start] = tokens[total]
            # "chiếm Z%" is a share of the list's total; "đạt Z%" may be a rate on a base
            # the text defines otherwise, leaving out the cases still pending that it prints
            # next ("đạt 82,7%, 226 vụ việc đang hòa giải"), so then it never fails.
            share_of = pat.SHARE_OF.search(self.lowered, tokens[p].end, tokens[share].start)
            pending = any(not t.percent and pat.same_units(t, tokens[total])
                          for t in tokens[share + 1:])
            self.add("ratio", "plain" if share_of or not pending else "implied_base", [
                ("numerator", p, "", False), ("denominator", total, "", False),
                ("percent", share, "", False)])
        if whole:
            self.drafts.append(Draft("parts", "list", tuple(
                ("part", tokens[shares[p]], label, False)
                for p, label in zip(parts, labels, strict=True))))

    # a1 …; a2 …; a3 … with no total in the sentence: the total printed before it
    def headless(self) -> None:
        run: list[int] = []
        for i, token in enumerate([*self.tokens, None]):
            if token is not None and self._free(i) and (not run or self._listed(run[-1], i)):
                run.append(i)
                continue
            if len(run) >= 2:
                self._earlier_total(run)
            run = [i] if token is not None and self._free(i) else []
