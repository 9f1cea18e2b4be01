"""Petition time limits on columns: two small tables joined to the petitions.

The *working calendar* (one row a day: ``day``, ``n`` the day number,
``working``, ``ordinal`` the working days up to it, ``next_working`` the first
working day on or after it) is built from :class:`~danvan.law.calendar.WorkCalendar`;
the *rules* (one row per kind of petition, its circumstance fields, stage and
span of start days: ``law``, ``article``, ``rule``, ``days``, ``day_kind``,
``valid_from``, ``valid_to``) from :data:`~danvan.law.deadlines.DEFAULT_RULES` by
asking :meth:`~danvan.law.deadlines.RuleBook.select` itself, so the law module
stays the single source of both. Due dates are then joins: a period in
calendar days ends on the ``next_working`` day of ``n + days``; one in working
days on the working day of ``ordinal + days``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from danvan.engines._cells import Cell, Roll
from danvan.engines._errors import NotColumnarError
from danvan.engines._frames import Frames
from danvan.engines._record_rules import KIND_COLUMN, last_events
from danvan.errors import FieldError, RuleError
from danvan.indicators import _timeliness as _record_calculators
from danvan.indicators.engine import Indicator, Key
from danvan.indicators.scope import Scope
from danvan.indicators.timeliness import (
    AgeBand,
    deadline_or_unassessed,
    on_time_outcome,
    overdue_item,
    pending_on,
)
from danvan.law.calendar import DEFAULT_CALENDAR, WorkCalendar
from danvan.law.deadlines import (
    DEFAULT_RULES,
    DayKind,
    NoRuleInForceError,
    RuleBook,
    Stage,
    StageDeadline,
    circumstances_of,
)
from danvan.records.petitions import CLOSING_EVENTS, Petition, PetitionEvent
from danvan.records.vocabulary import Channel, Complexity, EventKind, PetitionKind
from danvan.tables.schema import arrow_schema
from danvan.values.periods import SPLITS, Period

__all__ = ["CALCULATORS", "Calculator", "Cells", "Context", "calendar_table", "kept_petitions",
           "kept_placements", "rules_table"]

Cells = list[tuple[tuple[str, ...], dict[Key, Cell]]]
Calculator = Callable[["Context", Indicator, list[tuple[str, ...]]], tuple[Cell, Cells]]

#: The petition fields that choose a time limit (with ``kind``).
RULE_FIELDS: Final = ("kind", "complexity", "remote_area", "second_instance", "channel",
                      "in_jurisdiction", "discipline", "multi_site")
_CLOSING: Final = sorted(k.code for k in CLOSING_EVENTS)
_FAR: Final = 10**7
#: The first day of each set of event kinds that :func:`_petitions` gives.
_FACTS: Final = {"_acc": ("accepted",), "_acc_done": ("accepted", "declined"),
                 "_res_done": ("resolved",)}
#: The same, by the sorted kinds as a rule's ``completed_by`` lists them.
_FIRSTS: Final = {",".join(kinds): alias for alias, kinds in _FACTS.items()}
#: How many petitions ``petitions.oldest_pending`` lists (as the record engine).
OLDEST: Final = _record_calculators.OLDEST


@attrs.define
class Context:
    """What a columnar calculator sees; ``cache`` keeps the prepared petitions of one evaluation."""

    frames: Frames
    scope: Scope
    period: Period
    params: Mapping[str, Any] = attrs.field(factory=dict)
    cache: dict[str, Any] = attrs.field(factory=dict)

    def option(self, name: str, kind: type, default: Any) -> Any:
        value = self.params.get(name, default)
        if not isinstance(value, kind):
            raise FieldError(name, value, f"expected a {kind.__name__}")
        return value


def calendar_table(first: dt.date, last: dt.date, calendar: WorkCalendar = DEFAULT_CALENDAR) -> Any:
    """The working calendar from ``first`` to ``last`` as a ``pyarrow.Table``."""
    import pyarrow as pa

    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    working = [calendar.is_working_day(d) for d in days]
    ordinal, count = [], 0
    for flag in working:
        count += flag
        ordinal.append(count)
    following: list[dt.date | None] = [None] * len(days)
    upcoming = None
    for i in range(len(days) - 1, -1, -1):
        if working[i]:
            upcoming = days[i]
        following[i] = upcoming
    return pa.Table.from_pydict({  # not pa.table: that imports pandas to look for a DataFrame
        "day": pa.array(days, pa.date32()), "n": [d.toordinal() for d in days], "working": working,
        "ordinal": ordinal, "next_working": pa.array(following, pa.date32())})


def _breakpoints(rules: RuleBook) -> list[dt.date]:
    days: set[dt.date] = set()
    for rule_set in rules:
        days.update(d for d in (rule_set.valid_from, rule_set.valid_to) if d is not None)
        for rule in rule_set.rules:
            days.update(d for d in (rule.valid_from, rule.valid_to) if d is not None)
    return sorted(days)


def rules_table(stage: Stage, combos: list[dict[str, Any]], rules: RuleBook = DEFAULT_RULES) -> Any:
    """The rules of ``stage`` for each combination of :data:`RULE_FIELDS` in ``combos``, by span of
    start days (``from_n`` <= day number < ``to_n``), as a ``pyarrow.Table``."""
    import pyarrow as pa

    points = _breakpoints(rules)
    spans = list(zip([None, *points], [*points, None], strict=True))
    rows = []
    for combo in combos:
        petition = Petition("X", PetitionKind.from_code(combo["kind"]), dt.date(2000, 1, 1), "X",
                            Channel.from_code(combo["channel"]), combo["in_jurisdiction"],
                            complexity=Complexity.from_code(combo["complexity"]),
                            remote_area=combo["remote_area"],
                            second_instance=combo["second_instance"],
                            discipline=combo["discipline"], multi_site=combo["multi_site"])
        held = circumstances_of(petition)
        for start, end in spans:
            probe = start if start is not None else (end or dt.date(2000, 1, 1)) - dt.timedelta(days=1)
            row = {**combo, "from_n": start.toordinal() if start else -_FAR,
                   "to_n": end.toordinal() if end else _FAR, "status": "none", "rule": None,
                   "law": None, "article": None, "days": 0, "working": False, "completed_by": "",
                   "extensions": 0, "extension_days": 0,
                   "circumstances": ",".join(sorted(c.code for c in held))}
            try:
                rule = rules.select(stage, petition.kind, held, probe)
            except NoRuleInForceError:
                row["status"] = "unassessed"
                rule = None
            except RuleError as error:
                # raised only if a petition starts the stage in this span, as the record engine would
                ids = error.value if isinstance(error.value, list) else [error.value]
                row.update(status="ambiguous", rule=",".join(map(str, ids)), law=error.reason)
                rule = None
            if rule is not None:
                limit = rule.limit_for(held)
                row.update(status="rule", rule=rule.id, law=rule.basis.title, article=rule.basis.article,
                           days=limit.days, working=rule.day_kind is DayKind.WORKING,
                           completed_by=",".join(sorted(k.code for k in rule.completed_by)),
                           extensions=limit.extensions, extension_days=limit.extension_days)
            rows.append(row)
    flags = ("remote_area", "second_instance", "in_jurisdiction", "discipline", "multi_site",
             "working")
    numbers = ("from_n", "to_n", "days", "extensions", "extension_days", "article")
    names = (*RULE_FIELDS, "from_n", "to_n", "status", "rule", "law", "article", "days", "working",
             "completed_by", "extensions", "extension_days", "circumstances")
    schema = pa.schema([(name, pa.bool_() if name in flags else pa.int64() if name in numbers
                         else pa.string()) for name in names])
    return pa.Table.from_pylist(rows, schema=schema)


def _calendar(context: Context) -> Any:
    found = context.cache.get("calendar")
    if found is not None:
        return found
    frames, nw = context.frames, context.frames.nw
    first = frames.rows(frames.get("petitions").select(nw.col("received_on").min().alias("a")))[0]["a"]
    first = min(first or context.period.start, context.period.start)
    calendar = context.option("calendar", WorkCalendar, DEFAULT_CALENDAR)
    found = context.cache["calendar"] = frames.frame(
        calendar_table(first, context.period.end + dt.timedelta(days=800), calendar))
    return found


def _on_day(context: Context, table: Any, column: str, prefix: str) -> Any:
    """``table`` with the day number and working-day ordinal of ``column`` (``prefix_n``, ``prefix_w``)."""
    nw = context.frames.nw
    calendar = _calendar(context).select(nw.col("day").alias(column), nw.col("n").alias(f"{prefix}_n"),
                                         nw.col("ordinal").alias(f"{prefix}_w"))
    return table.join(calendar, on=column, how="left")


def _received(context: Context) -> Any:
    """Petitions received by the period's last day, as given (read for a few columns at most)."""
    nw = context.frames.nw
    return context.frames.get("petitions").filter(nw.col("received_on") <= nw.lit(context.period.last))


def _known_events(context: Context) -> Any:
    """The petitions' events known on the period's last day."""
    nw = context.frames.nw
    return context.frames.get("petition_events").filter(nw.col("on") <= nw.lit(context.period.last))


def _petitions(context: Context) -> Any:
    """Petitions received by the period's last day, with what their events show as of that day."""
    found = context.cache.get("petitions")
    if found is not None:
        return found
    frames, nw, last = context.frames, context.frames.nw, context.period.last
    columns = {"kind": "_last_kind", "on": "_last_on"}
    facts = frames.summarise(frames.get("petition_events"), last, _FACTS, {"_susp": "suspended"},
                             columns)
    if facts is None:
        events = _known_events(context)

        def first(kinds: tuple[str, ...]) -> Any:
            return nw.when(nw.col("kind").is_in(list(kinds))).then(nw.col("on")).otherwise(None).min()

        facts = (events.group_by("petition").agg(
            *(first(kinds).alias(alias) for alias, kinds in _FACTS.items()),
            nw.when(nw.col("kind") == "suspended").then(1).otherwise(0).sum().alias("_susp"))
            .rename({"petition": "id"})
            .join(last_events(frames, last), on="id", how="left")
            .join(last_events(frames).rename({c: f"{c}_all" for c in columns.values()}),
                  on="id", how="left"))
    table = _received(context).join(facts, on="id", how="left").with_columns(
        _closed=nw.col("_last_kind").is_in(_CLOSING).fill_null(False),
        _kind=nw.col(KIND_COLUMN["petitions"]))
    table = _on_day(context, table, "received_on", "_recv")
    table = _on_day(context, table, "_acc", "_accd")
    # only danvan's columns are kept (not, say, the hive partitions ``province=``/``year=``)
    known = set(arrow_schema("petitions").names)
    extra = [c for c in table.columns if c not in known and not c.startswith("_")]
    found = context.cache["petitions"] = frames.materialise(table.drop(*extra) if extra else table)
    return found


def kept_petitions(context: Context) -> Any:
    """The petitions of :func:`_petitions` if a calculator has already computed them, with
    each one's last event of all (``_last_kind``, ``_last_on``) as the record rules read it."""
    found = context.cache.get("petitions")
    if found is None:
        return None
    return found.drop("_last_kind", "_last_on").rename(
        {"_last_kind_all": "_last_kind", "_last_on_all": "_last_on"})


def kept_placements(context: Context) -> Any:
    """The placements of :func:`_placements` if a calculator has already computed them
    (they cover every unit of :func:`kept_petitions`), else ``None``."""
    return context.cache.get("placements")


def _placements(context: Context) -> Any:
    """Each unit code of the petitions in scope, with its placement: ``_branch``, ``_level``,
    ``_note`` (the scope places each code once, in Python; the backend joins)."""
    found = context.cache.get("placements")
    if found is not None:
        return found
    import pyarrow as pa

    frames = context.frames
    codes = [row["unit"] for row in frames.rows(_petitions(context).select("unit").unique())]
    placed = [(code, context.scope.place(code)) for code in codes]
    kept = [(code, p) for code, p in placed if p is not None]
    found = context.cache["placements"] = frames.frame(pa.Table.from_pydict({
        "unit": pa.array([code for code, _ in kept], pa.string()),
        "_branch": pa.array([p.branch for _, p in kept], pa.string()),
        "_level": pa.array([p.level.code for _, p in kept], pa.string()),
        "_note": pa.array([p.note for _, p in kept], pa.string())}))
    return found


def _grouped(context: Context, table: Any, day: str | None, breakdowns: list[tuple[str, ...]],
             extra: list[str], sums: list[Any]) -> list[dict[str, Any]]:
    """Rows of ``table`` in scope grouped by placement, kind, ``extra`` and the month of ``day``."""
    nw = context.frames.nw
    keys = ["_branch", "_level", "_note", "_kind", *extra]
    if day is not None and any(d in SPLITS for b in breakdowns for d in b):
        table = table.with_columns(_y=nw.col(day).dt.year(), _m=nw.col(day).dt.month())
        keys += ["_y", "_m"]
    table = table.join(_placements(context), on="unit", how="inner")
    return context.frames.rows(table.group_by(*keys).agg(*sums))


def _roll(context: Context, rows: list[dict[str, Any]], breakdowns: list[tuple[str, ...]],
          add: Callable[[Cell, dict[str, Any], str], None], cells: Cells | None = None,
          ) -> tuple[Cell, Cells]:
    roll = Roll(context.scope, context.period, "petitions")
    total = Cell()
    keyed = cells if cells is not None else [(b, defaultdict(Cell)) for b in breakdowns]
    key_ofs = [roll.key_of(b) for b, _ in keyed]
    for row in rows:
        placement = roll.place(row)
        if placement is None:
            continue
        add(total, row, placement.note)
        for key_of, (_, found) in zip(key_ofs, keyed, strict=True):
            cell = found.get(key_of(row, placement))
            if cell is None:
                cell = found[key_of(row, placement)] = Cell()
            add(cell, row, placement.note)
    return total, keyed


def processing(working: bool) -> Calculator:
    """Days (``working``: working days) of the stage, for stages completed in the period."""

    def calculate(context: Context, indicator: Indicator,
                  breakdowns: list[tuple[str, ...]]) -> tuple[Cell, Cells]:
        nw, period = context.frames.nw, context.period
        stage = context.params.get("stage", Stage.RESOLUTION)
        if isinstance(stage, str):
            stage = Stage.from_label(stage)
        if stage not in (Stage.ACCEPTANCE, Stage.RESOLUTION):
            raise FieldError("stage", stage, "expected the acceptance or resolution stage")
        start, done = (("_recv", "_acc_done") if stage is Stage.ACCEPTANCE else ("_accd", "_res_done"))
        table = _on_day(context, _petitions(context), done, "_done").filter(
            ~nw.col(done).is_null() & (nw.col(done) >= nw.lit(period.start))
            & (nw.col(done) < nw.lit(period.end)))
        unit = "w" if working else "n"
        table = table.with_columns(_days=nw.col(f"_done_{unit}") - nw.col(f"{start}_{unit}"))
        rows = _grouped(context, table, done, breakdowns, ["_days"], [nw.len().alias("_count")])
        total, cells = _roll(context, rows, breakdowns, lambda cell, row, note: cell.add(
            int(row["_count"]), note=note, value=int(row["_days"])))
        total.notes[f"{stage.label} ({stage.code}), completed in the period"] = None
        return total, cells

    return calculate


def ageing(context: Context, indicator: Indicator,
           breakdowns: list[tuple[str, ...]]) -> tuple[Cell, Cells]:
    """Petitions open on the period's last day, by age band."""
    nw, last = context.frames.nw, context.period.last
    table = _petitions(context).filter(~nw.col("_closed")).with_columns(
        _age=nw.lit(last.toordinal()) - nw.col("_recv_n"))
    rows = _grouped(context, table, None, breakdowns, ["_age"], [nw.len().alias("_count")])
    for row in rows:
        row["_bucket"] = AgeBand.of_age(int(row["_age"]))
    cells: Cells = [(b, defaultdict(Cell)) for b in breakdowns]
    for b, found in cells:
        if b == ("bucket",):
            for band in AgeBand:
                found[band] = Cell()
    return _roll(context, rows, breakdowns,
                 lambda cell, row, note: cell.add(int(row["_count"]), note=note), cells)


def _rules(context: Context, stage: Stage) -> tuple[Any, list[str], bool]:
    """The rules table of ``stage`` for the petitions received by the period's last day, the
    distinct ``completed_by`` sets, and whether some span has several rules applying equally."""
    frames = context.frames
    combos = context.cache.get("combos")
    if combos is None:
        combos = context.cache["combos"] = frames.rows(_petitions(context).select(*RULE_FIELDS).unique())
    rules = context.option("time_limits", RuleBook, DEFAULT_RULES)
    found = rules_table(stage, combos, rules)
    columns = [*RULE_FIELDS, "from_n", "to_n", "status", "rule", "law", "days", "working",
               "completed_by", "extensions", "extension_days"]
    ends = sorted({c for c in found.column("completed_by").to_pylist() if c})
    ambiguous = "ambiguous" in found.column("status").to_pylist()
    return frames.frame(found.select(columns)), ends, ambiguous


def _strict(context: Context, indicator: Indicator) -> None:
    if context.option("strict", bool, False):
        raise NotColumnarError(indicator.id, "strict=True (raising on extensions the rules "
                                             "do not allow) needs the record engine")


def _not_suspended(table: Any, nw: Any) -> Any:
    return table.filter(nw.col("_susp").fill_null(0) == 0)


def _due(context: Context, stage: Stage, table: Any) -> Any:
    """Petitions whose ``stage`` has started, with a rule in force and an event completing it:
    the due date ``_due`` and the completing event ``_completed`` (null: not completed).

    Suspensions restart the clock one event after another; petitions with one known are left
    to :func:`_suspended` (the law module itself), so ``table`` should hold none.
    """
    nw = context.frames.nw
    done = "_recv" if stage is Stage.ACCEPTANCE else "_accd"
    if stage is Stage.RESOLUTION:
        table = table.filter(~nw.col("_acc").is_null())
    rules, ends, ambiguous = _rules(context, stage)
    table = table.join(rules, on=list(RULE_FIELDS), how="inner").filter(
        (nw.col("from_n") <= nw.col(f"{done}_n")) & (nw.col(f"{done}_n") < nw.col("to_n")))
    if ambiguous:
        clash = context.frames.rows(table.filter(nw.col("status") == "ambiguous")
                                    .select("rule", "law").head(1))
        if clash:
            raise RuleError(clash[0]["rule"].split(","), clash[0]["law"])
    table = table.filter((nw.col("status") == "rule") & (nw.col("completed_by") != ""))
    table = _extended(context, table) if stage is Stage.RESOLUTION else table.with_columns(
        _total_days=nw.col("days"))
    calendar = _calendar(context)
    by_n = calendar.select(nw.col("n").alias("_due_key"), nw.col("next_working").alias("_due_c"))
    by_w = calendar.filter(nw.col("working")).select(nw.col("ordinal").alias("_due_key"),
                                                     nw.col("day").alias("_due_w"))
    table = (table.with_columns(_due_key=nw.when(nw.col("working"))
                                .then(nw.col(f"{done}_w") + nw.col("_total_days"))
                                .otherwise(nw.col(f"{done}_n") + nw.col("_total_days")))
             .join(by_n, on="_due_key", how="left").join(by_w, on="_due_key", how="left")
             .with_columns(_due=nw.when(nw.col("working")).then(nw.col("_due_w"))
                           .otherwise(nw.col("_due_c"))))
    return _completed(context, table, ends)


def _petition(row: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> Petition:
    """A petition rebuilt from its row and its event rows (in position order)."""
    return Petition(
        row["id"], PetitionKind.from_code(row["kind"]), row["received_on"], row["unit"],
        Channel.from_code(row["channel"]), row["in_jurisdiction"], row["crowd_size"],
        Complexity.from_code(row["complexity"]), row["remote_area"], row["second_instance"],
        row["discipline"], row["multi_site"], row["known_on"],
        tuple(PetitionEvent(EventKind.from_code(e["kind"]), e["on"], e["days"], e["to_unit"])
              for e in sorted(events, key=lambda e: e["position"])))


def _suspended(context: Context) -> list[Petition]:
    """The petitions with a suspension known on the period's last day, as records.

    Few in practice; their resolution clock stops and restarts event by event, which
    :func:`~danvan.law.deadlines.stage_deadline` computes for them.
    """
    found = context.cache.get("suspended")
    if found is not None:
        return found  # type: ignore[no-any-return]
    frames, nw = context.frames, context.frames.nw
    columns = ["id", "kind", "received_on", "unit", "channel", "in_jurisdiction", "crowd_size",
               "complexity", "remote_area", "second_instance", "discipline", "multi_site",
               "known_on"]
    ids = (_known_events(context).filter(nw.col("kind") == EventKind.SUSPENDED.code)
           .select(nw.col("petition").alias("id")).unique())
    table = _received(context).join(ids, on="id", how="inner").select(*columns)
    rows = frames.rows(table)
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if rows:
        ids = table.select(nw.col("id").alias("petition"))
        for event in frames.rows(frames.get("petition_events").join(ids, on="petition", how="inner")
                                 .select("petition", "position", "kind", "on", "days", "to_unit")):
            events[event["petition"]].append(event)
    found = context.cache["suspended"] = [_petition(row, events[row["id"]]) for row in rows]
    return found


def _row(petition: Petition, day: dt.date | None = None, **values: int) -> dict[str, Any]:
    row: dict[str, Any] = {"unit": petition.unit, "_kind": petition.kind.code, **values}
    if day is not None:
        row.update(_y=day.year, _m=day.month)
    return row


def on_time(stage: Stage) -> Calculator:
    """Stages due in the period that were met, over those met or missed."""

    def calculate(context: Context, indicator: Indicator,
                  breakdowns: list[tuple[str, ...]]) -> tuple[Cell, Cells]:
        _strict(context, indicator)
        nw, period = context.frames.nw, context.period
        table = _due(context, stage, _not_suspended(_petitions(context), nw)).filter(
            (nw.col("_due") >= nw.lit(period.start)) & (nw.col("_due") < nw.lit(period.end)))
        met = ~nw.col("_completed").is_null() & (nw.col("_completed") <= nw.col("_due"))
        missed = ((~nw.col("_completed").is_null() & (nw.col("_completed") > nw.col("_due")))
                  | (nw.col("_completed").is_null() & nw.col("_closed")
                     & (nw.col("_last_on") > nw.col("_due")))
                  | (nw.col("_completed").is_null() & ~nw.col("_closed")
                     & (nw.lit(period.last) > nw.col("_due"))))
        table = table.with_columns(_met=nw.when(met).then(1).otherwise(0),
                                   _counted=nw.when(met | missed).then(1).otherwise(0))
        rows = _grouped(context, table, "_due", breakdowns, [],
                        [nw.col("_met").sum(), nw.col("_counted").sum()])
        rules = context.option("time_limits", RuleBook, DEFAULT_RULES)
        calendar = context.option("calendar", WorkCalendar, DEFAULT_CALENDAR)
        for petition in _suspended(context):
            deadline = deadline_or_unassessed(petition, stage, period.last, rules=rules,
                                              calendar=calendar, strict=False)
            outcome = on_time_outcome(deadline, period, petition=petition, stage=stage)
            if outcome in ("met", "missed") and isinstance(deadline, StageDeadline):
                rows.append(_row(petition, deadline.due, _met=int(outcome == "met"), _counted=1))
        counted = [row for row in rows if row["_counted"]]
        return _roll(context, counted, breakdowns, lambda cell, row, note: cell.add(
            int(row["_counted"]), int(row["_met"]), note))

    return calculate


def overdue(context: Context, indicator: Indicator,
            breakdowns: list[tuple[str, ...]]) -> tuple[Cell, Cells]:
    """Petitions open on the period's last day with a stage past its due date and not done."""
    _strict(context, indicator)
    nw, last = context.frames.nw, context.period.last
    table = _not_suspended(_petitions(context), nw).filter(~nw.col("_closed"))
    late = [_due(context, stage, table).filter(nw.col("_completed").is_null()
                                               & (nw.col("_due") < nw.lit(last))).select("id")
            for stage in (Stage.ACCEPTANCE, Stage.RESOLUTION)]
    ids = nw.concat(late, how="vertical").unique()
    rows = _grouped(context, table.join(ids, on="id", how="inner"), None, breakdowns, [],
                    [nw.len().alias("_count")])
    rules = context.option("time_limits", RuleBook, DEFAULT_RULES)
    calendar = context.option("calendar", WorkCalendar, DEFAULT_CALENDAR)
    for petition in _suspended(context):
        if not pending_on(petition, last):
            continue
        deadlines = [deadline_or_unassessed(petition, stage, last, rules=rules, calendar=calendar,
                                            strict=False)
                     for stage in (Stage.ACCEPTANCE, Stage.RESOLUTION)]
        if any(overdue_item(petition, deadline, last) is not None for deadline in deadlines):
            rows.append(_row(petition, _count=1))
    return _roll(context, rows, breakdowns,
                 lambda cell, row, note: cell.add(int(row["_count"]), note=note))


def _completed(context: Context, table: Any, ends: list[str]) -> Any:
    """The first known event among the rule's ``completed_by``: ``_completed``.

    Every event of a petition is on or after its receipt, and after acceptance but for
    the acceptance itself, so the first such event is on or after the stage's start.
    """
    nw, frames = context.frames.nw, context.frames
    events = frames.get("petition_events").filter(nw.col("on") <= nw.lit(context.period.last))
    chosen = nw.lit(None, nw.Date())
    for n, end in enumerate(ends):
        if end in _FIRSTS:  # already among the petition's facts
            chosen = nw.when(nw.col("completed_by") == end).then(nw.col(_FIRSTS[end])).otherwise(chosen)
            continue
        first = (events.filter(nw.col("kind").is_in(end.split(","))).group_by("petition")
                 .agg(nw.col("on").min().alias(f"_c{n}")).rename({"petition": "id"}))
        table = table.join(first, on="id", how="left")
        chosen = nw.when(nw.col("completed_by") == end).then(nw.col(f"_c{n}")).otherwise(chosen)
    return table.with_columns(_completed=chosen)


def _extended(context: Context, table: Any) -> Any:
    """The days of the known extensions the rule allows (non-strict: capped), as ``_total_days``."""
    nw, frames = context.frames.nw, context.frames
    events = frames.get("petition_events").filter(
        (nw.col("on") <= nw.lit(context.period.last)) & (nw.col("kind") == "extended")
        & (nw.col("days").is_null() | (nw.col("days") >= 1)))
    ranked = events.with_columns(_one=nw.lit(1)).with_columns(
        _rank=nw.col("_one").cum_sum().over("petition", order_by="position"))
    limits = table.select(nw.col("id").alias("petition"), "extensions", "extension_days")
    counted = (ranked.join(limits, on="petition", how="inner")
               .filter(nw.col("_rank") <= nw.col("extensions"))
               .with_columns(_d=nw.min_horizontal(nw.col("days").fill_null(nw.col("extension_days")),
                                                  nw.col("extension_days")))
               .group_by("petition").agg(nw.col("_d").sum().alias("_ext"))
               .rename({"petition": "id"}))
    return table.join(counted, on="id", how="left").with_columns(
        _total_days=nw.col("days") + nw.col("_ext").fill_null(0))


def oldest(context: Context, indicator: Indicator,
           breakdowns: list[tuple[str, ...]]) -> tuple[Cell, Cells]:
    """The :data:`~danvan.indicators._timeliness.OLDEST` petitions open on the period's last day
    that were received first (ties: by id), with their age; in each cell of a breakdown too."""
    frames, nw, last = context.frames, context.frames.nw, context.period.last
    table = _petitions(context).filter(~nw.col("_closed"))
    # the oldest of each unit and kind (a cell is a union of those), in scope only
    table = table.join(_placements(context).select("unit"), on="unit", how="inner")
    ranked = table.with_columns(_one=nw.lit(1)).with_columns(
        _rank=nw.col("_one").cum_sum().over("unit", "_kind", order_by=["received_on", "id"]))
    rows = frames.rows(ranked.filter(nw.col("_rank") <= OLDEST).select(
        "id", "unit", "_kind", "received_on", "_recv_n"))
    rows.sort(key=lambda row: (row["received_on"], row["id"]))
    roll = Roll(context.scope, context.period, "petitions")
    total = Cell()
    keyed: list[tuple[tuple[str, ...], dict[Key, list[dict[str, Any]]], Any]] = [
        (b, defaultdict(list), roll.key_of(b)) for b in breakdowns]
    groups: list[Any] = [(total, rows)]
    for row in rows:
        placement = roll.place(row)
        assert placement is not None  # kept above
        row["_placement"] = placement
        for _, found, key_of in keyed:
            found[key_of(row, placement)].append(row)
    cells: Cells = []
    for b, found, _ in keyed:
        chosen = {key: Cell() for key in found}
        cells.append((b, chosen))
        groups += [(chosen[key], group) for key, group in found.items()]
    for cell, group in groups:
        for row in group[:OLDEST]:
            cell.add(1, note=row["_placement"].note)
            cell.ranked.append((row["id"], last.toordinal() - int(row["_recv_n"])))
    return total, cells


#: Columnar calculators of the catalogue's calculator indicators, by id.
CALCULATORS: dict[str, Calculator] = {
    "petitions.acceptance_on_time_rate": on_time(Stage.ACCEPTANCE),
    "petitions.resolution_on_time_rate": on_time(Stage.RESOLUTION),
    "petitions.overdue_backlog": overdue,
    "petitions.ageing": ageing,
    "petitions.oldest_pending": oldest,
    "petitions.processing_days": processing(working=False),
    "petitions.processing_working_days": processing(working=True),
}
