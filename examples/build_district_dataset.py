"""Build a small dataset for one district and write it as JSON.

Run: ``python examples/build_district_dataset.py [OUT.json]`` (default: stdout).
The district, its communes and the records are made up; the structure is real:
a commune merger under 828/NQ-UBTVQH14, a dialogue held under 25-NQ/TW, a
complaint that went through acceptance and resolution, a "Dân vận khéo" model
recognised and replicated.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import danvan
from danvan import (
    AdminType,
    ChairRole,
    Dataset,
    DialogueMode,
    DocumentKind,
    DocumentNumber,
    EventKind,
    Field,
    OwnerKind,
    PetitionKind,
    RecognitionLevel,
    UnitLevel,
)

MERGER = date(2020, 1, 1)


def build() -> Dataset:
    """The dataset: one district, four communes (two merged into one), and a few records."""
    nq25 = DocumentNumber.parse("25-NQ/TW")
    units = (
        danvan.Unit("25", "Tỉnh Phú Thọ", UnitLevel.PROVINCE, admin_type=AdminType.PROVINCE),
        danvan.Unit("236", "Huyện Tam Nông", UnitLevel.DISTRICT, parent="25",
                    admin_type=AdminType.RURAL_DISTRICT),
        danvan.Unit("X1", "Thị trấn Hưng Hóa", UnitLevel.COMMUNE, parent="236",
                    admin_type=AdminType.TOWNSHIP),
        danvan.Unit("X2", "Xã Đào Xá", UnitLevel.COMMUNE, parent="236", valid_to=MERGER,
                    admin_type=AdminType.COMMUNE),
        danvan.Unit("X3", "Xã Thanh Uyên", UnitLevel.COMMUNE, parent="236", valid_to=MERGER,
                    admin_type=AdminType.COMMUNE),
        danvan.Unit("X4", "Xã Dân Quyền", UnitLevel.COMMUNE, parent="236", valid_from=MERGER,
                    admin_type=AdminType.COMMUNE),
    )
    return Dataset(
        units=units,
        successions=(danvan.Succession(MERGER, ("X2", "X3"), ("X4",),
                                       DocumentNumber.parse("828/NQ-UBTVQH14")),),
        directives=(danvan.Directive(nq25, DocumentKind.RESOLUTION, "Ban Chấp hành Trung ương",
                                     date(2013, 6, 3), "Tăng cường và đổi mới sự lãnh đạo của "
                                     "Đảng đối với công tác dân vận trong tình hình mới"),),
        implementations=(danvan.Implementation("KH-236", nq25, "236", date(2013, 8, 29),
                                               DocumentKind.ACTION_PROGRAMME),),
        dialogues=(danvan.Dialogue("DT-1", "X2", date(2019, 5, 10), ChairRole.PARTY_SECRETARY,
                                   DialogueMode.PERIODIC, participants=85, opinions_raised=12,
                                   answered_at_meeting=10, referred=2, referred_answered=2,
                                   basis=nq25),),
        petitions=(
            danvan.Petition("DT-2021-001", PetitionKind.COMPLAINT, date(2021, 3, 1), "236",
                            events=(danvan.PetitionEvent(EventKind.ACCEPTED, date(2021, 3, 8)),
                                    danvan.PetitionEvent(EventKind.RESOLVED, date(2021, 4, 2)))),
            danvan.Petition("DT-2021-002", PetitionKind.RECOMMENDATION, date(2021, 6, 7), "X4",
                            channel=danvan.Channel.CITIZEN_RECEPTION),
        ),
        models=(danvan.Model("DVK-01", "Dân vận khéo trong dồn điền đổi thửa",
                             danvan.Owner(OwnerKind.COLLECTIVE, "Hội Nông dân xã Dân Quyền"), "X4",
                             Field.ECONOMY, date(2020, 3, 2),
                             recognitions=(danvan.Recognition(RecognitionLevel.DISTRICT,
                                                              date(2020, 12, 15), "UBND huyện"),),
                             replications=(danvan.Replication("X1", date(2021, 5, 4)),)),),
    )


def main(argv: list[str]) -> int:
    """Write the dataset to the path given, or print it."""
    text = danvan.dumps(build(), indent=1)
    if len(argv) > 1:
        Path(argv[1]).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
