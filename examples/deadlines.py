"""Time limits of petitions around Tết 2026, their status, and the timeliness indicators.

Run: ``.venv/bin/python examples/deadlines.py``. Cells are marked ``# %%``
so that editors run them one by one like a notebook.
"""

# %% A complaint received on Friday 13 February 2026, the day before the Tết break.
from __future__ import annotations

import datetime as dt

from danvan.indicators.timeliness import ageing, on_time_rate, overdue_backlog, processing_time
from danvan.law.cadence import compliance
from danvan.law.deadlines import AcceptanceReading, Stage, rule_book
from danvan.law.schedule import schedule
from danvan.records.petitions import Petition, PetitionEvent
from danvan.records.receptions import Reception
from danvan.records.vocabulary import ChairRole, Channel, Complexity, EventKind, PetitionKind, UnitLevel
from danvan.values.periods import Period

D = dt.date
E = EventKind

complaint = Petition("KN-1", PetitionKind.COMPLAINT, D(2026, 2, 13), "X1", events=(
    PetitionEvent(E.ACCEPTED, D(2026, 2, 23)),
    PetitionEvent(E.SUSPENDED, D(2026, 3, 3)),
    PetitionEvent(E.RESUMED, D(2026, 3, 13)),
    PetitionEvent(E.RESOLVED, D(2026, 4, 3)),
))
plan = schedule(complaint)
for stage in plan:
    print(f"{stage.stage.label:>28}: due {stage.due}, met: {stage.met}, took {stage.days_taken}")
print()
print(plan[Stage.RESOLUTION].explain())

# %% Where things stood on 10 March 2026, while the complaint was suspended.
for stage, status in schedule(complaint, as_of=D(2026, 3, 10)).status().items():
    print(f"{stage.code:>12}: {status}")

# %% Complaint acceptance before 1/7/2026 as the Law words it (10 calendar days), not as
# Thông tư 07/2013/TT-TTCP does (10 working days, the default):
calendar_days = schedule(complaint, rules=rule_book(AcceptanceReading.LAW))
print("acceptance due in calendar days:", calendar_days[Stage.ACCEPTANCE].due)

# %% A denunciation, especially complex, extended twice (Luật Tố cáo 2018 Art. 30).
denunciation = Petition("TC-1", PetitionKind.DENUNCIATION, D(2026, 3, 2), "X1",
                        complexity=Complexity.ESPECIALLY_COMPLEX, events=(
                            PetitionEvent(E.ACCEPTED, D(2026, 3, 10)),
                            PetitionEvent(E.EXTENDED, D(2026, 4, 8), days=30),
                            PetitionEvent(E.EXTENDED, D(2026, 5, 8), days=30),
                        ))
print(schedule(denunciation)[Stage.RESOLUTION].explain())

# %% Feedback (kiến nghị, phản ánh) at citizen reception: 10 working days (Luật Tiếp công dân Art. 28).
recommendation = Petition("KN-2", PetitionKind.FEEDBACK, D(2026, 2, 12), "X2",
                          channel=Channel.CITIZEN_RECEPTION)
print(schedule(recommendation)[Stage.RESPONSE].status(D(2026, 3, 2)))

# %% Indicators over a few petitions.
petitions = [complaint, denunciation, recommendation,
             Petition("KN-3", PetitionKind.COMPLAINT, D(2026, 3, 3), "X2"),
             Petition("KN-4", PetitionKind.COMPLAINT, D(2026, 1, 5), "X2",
                      events=(PetitionEvent(E.ACCEPTED, D(2026, 1, 9)),))]
march = Period.parse("2026-03")
print("acceptance on time in March:", on_time_rate(petitions, Stage.ACCEPTANCE, march).rate)
backlog = overdue_backlog(petitions, D(2026, 3, 31))
print("overdue on 31/3:", [(i.petition_id, i.stage.code, i.days_overdue) for i in backlog.items])
print("ageing on 31/3:", ageing(petitions, D(2026, 3, 31)).counts())
times = processing_time(petitions, Period.parse("2026"))
print("resolution took (days):", times.calendar_days.counts, "median", times.calendar_days.median)

# %% Reception cadence in February 2026 (Luật Tiếp công dân Art. 15).
chair = ChairRole.PEOPLES_COMMITTEE_CHAIR
sessions = [Reception("R1", "X1", D(2026, 2, 4), chair), Reception("R2", "X1", D(2026, 2, 11), chair),
            Reception("R3", "X2", D(2026, 2, 5), chair)]
report = compliance({"X1": UnitLevel.COMMUNE, "X2": UnitLevel.COMMUNE}, Period.parse("2026-02"),
                    receptions=sessions)
print("communes compliant:", report.rate, report.missed())
