"""The draft claims of a text: the sentence rules, then the rules that read across sentences.

:mod:`danvan.text._claim_rules` groups the figures of each sentence (and of a sentence
opening with "Trong đó" with the one before it); counts followed by names
(:mod:`danvan.text._claim_names`), brackets in another unit
(:mod:`danvan.text._claim_brackets`) and totals after their parts
(:mod:`danvan.text._claim_after`) are read over the whole text's figures, and so are
the columns of lists that break down a total and its parts alike
(:mod:`danvan.text._claim_columns`).
"""

from __future__ import annotations

from collections.abc import Iterator

from danvan._progress import Callback, ticker
from danvan.text import _claim_patterns as pat
from danvan.text._claim_after import totals_after
from danvan.text._claim_brackets import bracket_lists
from danvan.text._claim_columns import columns
from danvan.text._claim_list_items import item_lists
from danvan.text._claim_list_levels import level_lists
from danvan.text._claim_names import item_lists_after, name_lists
from danvan.text._claim_patterns import Draft
from danvan.text._claim_pending import pending_base
from danvan.text._claim_rules import Sentence
from danvan.text._claim_scan import Token, lower, scan
from danvan.text._claim_share import second_look
from danvan.text._claim_zero import zero_tail

__all__ = ["drafts"]


def drafts(text: str, progress: Callback | None = None) -> Iterator[Draft]:
    """The draft claims of ``text``, sentence by sentence; ``progress`` hears of the
    characters read (a text of :data:`~danvan._progress.LONG` characters or more)."""
    lowered = lower(text)
    for draft in _drafts(text, lowered, progress):
        yield pending_base(lowered, zero_tail(text, lowered, draft))


def _drafts(text: str, lowered: str, progress: Callback | None) -> Iterator[Draft]:
    tick = ticker(progress, len(text), "claims: characters")
    tick.reach(0)
    tokens, layout = scan(text)
    by_sentence: dict[int, list[Token]] = {}
    for token in tokens:
        if token.oversized:
            yield Draft("count", "plain", (("value", token, "", False),))
        else:
            by_sentence.setdefault(token.sentence, []).append(token)
    groups: list[tuple[tuple[int, int], list[Token]]] = []
    last = -2
    for sentence, group in by_sentence.items():
        bounds = layout.sentences[sentence]
        # "… hiến đất... quy ra tiền 155 tỷ đồng": a lower-case start goes on the sentence
        goes_on = sentence == last + 1 and text[bounds[0]:bounds[0] + 8].lstrip()[:1].islower()
        last = sentence
        if groups and (goes_on or pat.OPENING.match(lowered, bounds[0], bounds[1])):
            # "… 1.770 đơn. Trong đó, có 479 đơn …": the list goes on from the sentence before.
            (start, _), earlier = groups[-1]
            earlier.extend(group)  # in place: a run of such sentences stays linear
            groups[-1] = ((start, bounds[1]), earlier)
        else:
            groups.append((bounds, list(group)))
    prior: list[Token] = []
    bases: dict[int, Token] = {}
    history: list[Token] = []
    recent: list[list[Draft]] = []
    seen: list[Token] = []
    made: list[Draft] = []
    for bounds, group in groups:
        rules = Sentence(text, lowered, layout, group, bounds)
        rules.prior = prior[-pat.LOOKBACK:]
        rules.bases = bases
        rules.history = history[-pat.LOOKBACK:]
        rules.earlier = seen
        before = {t.start: t for t in [*rules.history, *rules.prior]}
        earlier = [*(before[k] for k in sorted(before)), *group]
        found = second_look(lowered, rules.run(), earlier, [d for g in recent for d in g])
        yield from found
        made.extend(found)
        tick.reach(bounds[1])
        recent = [*recent[-2:], found]  # the drafts of the three sentences before
        prior = group
        seen = [*seen, *group][-pat.LOOKBACK:]
        history = [*rules.history, *(t for k, t in enumerate(group) if k not in rules.parts_of)]
    counted = [t for group in by_sentence.values() for t in group]
    yield from name_lists(text, counted)
    yield from item_lists_after(text, lowered, counted)
    brackets = list(bracket_lists(text, layout, counted))
    yield from brackets
    yield from columns([*made, *brackets])
    yield from totals_after(lowered, counted)
    # lists read across lines: one draft for a list both rules read
    read: set[tuple[tuple[str, int], ...]] = set()
    for draft in (*item_lists(text, lowered, counted), *level_lists(text, lowered, counted)):
        key = tuple((role, token.start) for role, token, _, _ in draft.figures)
        if key not in read:
            read.add(key)
            yield draft
    tick.end()
