"""The time the law counts: the lunar calendar, public holidays and working days
(:mod:`~danvan.law.calendar`), petitions' legal time limits
(:mod:`~danvan.law.deadlines`) and the cadence of citizen reception and
dialogue (:mod:`~danvan.law.cadence`).

Rules are data with their legal basis and dates in force; every table loads on
first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.law.cadence import (
        AGENCY_CADENCE_RULES as AGENCY_CADENCE_RULES,
        DEFAULT_CADENCE_RULES as DEFAULT_CADENCE_RULES,
        DIALOGUE_CADENCE_RULES as DIALOGUE_CADENCE_RULES,
        PARTY_CADENCE_RULES as PARTY_CADENCE_RULES,
        PROVINCIAL_CADENCE_EXAMPLES as PROVINCIAL_CADENCE_EXAMPLES,
        Activity as Activity,
        CadenceReport as CadenceReport,
        CadenceRule as CadenceRule,
        Counting as Counting,
        Frequency as Frequency,
        PeriodCheck as PeriodCheck,
        UnitCompliance as UnitCompliance,
        compliance as compliance,
    )
    from danvan.law.calendar import (
        ARRANGEMENTS as ARRANGEMENTS,
        DEFAULT_CALENDAR as DEFAULT_CALENDAR,
        NATIONAL_DAY_ASSUMPTION as NATIONAL_DAY_ASSUMPTION,
        TET_ASSUMPTION as TET_ASSUMPTION,
        VIETNAM_TZ as VIETNAM_TZ,
        Holiday as Holiday,
        HolidayKind as HolidayKind,
        LunarDate as LunarDate,
        Occasion as Occasion,
        WorkCalendar as WorkCalendar,
        YearArrangement as YearArrangement,
        add_working_days as add_working_days,
        assumed_holidays as assumed_holidays,
        days_off as days_off,
        holidays as holidays,
        is_holiday as is_holiday,
        is_working_day as is_working_day,
        leap_month as leap_month,
        lunar_new_year as lunar_new_year,
        next_working_day as next_working_day,
        vietnam_date as vietnam_date,
        working_days_between as working_days_between,
    )
    from danvan.law.deadlines import (
        COMPLEX_COMPLAINT_CRITERIA_FROM as COMPLEX_COMPLAINT_CRITERIA_FROM,
        DEFAULT_RULES as DEFAULT_RULES,
        AcceptanceReading as AcceptanceReading,
        Circumstance as Circumstance,
        ComplexityCriterion as ComplexityCriterion,
        DayKind as DayKind,
        Elapsed as Elapsed,
        Explanation as Explanation,
        LegalBasis as LegalBasis,
        Limit as Limit,
        NoRuleInForceError as NoRuleInForceError,
        RuleBook as RuleBook,
        RuleSet as RuleSet,
        Stage as Stage,
        StageDeadline as StageDeadline,
        StageStatus as StageStatus,
        TimeLimitRule as TimeLimitRule,
        Timeliness as Timeliness,
        circumstances_of as circumstances_of,
        due_date as due_date,
        elapsed as elapsed,
        rule_book as rule_book,
        stage_deadline as stage_deadline,
    )
    from danvan.law.schedule import Schedule as Schedule, schedule as schedule

__getattr__, __dir__, __all__ = attach(__name__, {
    ".cadence": (
        "AGENCY_CADENCE_RULES",
        "Activity",
        "CadenceReport",
        "CadenceRule",
        "Counting",
        "DEFAULT_CADENCE_RULES",
        "DIALOGUE_CADENCE_RULES",
        "Frequency",
        "PARTY_CADENCE_RULES",
        "PROVINCIAL_CADENCE_EXAMPLES",
        "PeriodCheck",
        "UnitCompliance",
        "compliance",
    ),
    ".calendar": (
        "ARRANGEMENTS",
        "DEFAULT_CALENDAR",
        "Holiday",
        "HolidayKind",
        "LunarDate",
        "NATIONAL_DAY_ASSUMPTION",
        "Occasion",
        "TET_ASSUMPTION",
        "VIETNAM_TZ",
        "WorkCalendar",
        "YearArrangement",
        "add_working_days",
        "assumed_holidays",
        "days_off",
        "holidays",
        "is_holiday",
        "is_working_day",
        "leap_month",
        "lunar_new_year",
        "next_working_day",
        "vietnam_date",
        "working_days_between",
    ),
    ".deadlines": (
        "AcceptanceReading",
        "COMPLEX_COMPLAINT_CRITERIA_FROM",
        "Circumstance",
        "ComplexityCriterion",
        "DEFAULT_RULES",
        "DayKind",
        "Elapsed",
        "Explanation",
        "LegalBasis",
        "Limit",
        "NoRuleInForceError",
        "RuleBook",
        "RuleSet",
        "Stage",
        "StageDeadline",
        "StageStatus",
        "TimeLimitRule",
        "Timeliness",
        "circumstances_of",
        "due_date",
        "elapsed",
        "rule_book",
        "stage_deadline",
    ),
    ".schedule": ("Schedule", "schedule"),
})
