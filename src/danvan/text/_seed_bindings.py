"""The bindings danvan ships for the seed reports, as JSON-ready data.

Each entry names the report (``fingerprint``: the SHA-256 of its UTF-8 text),
the example dataset, unit and period it is reconciled with, and its bindings
in the format of ``docs/claims.md`` ("Reconciling with records"). Read them
with :func:`danvan.text.reconciliation.seed_bindings`; :func:`for_text` finds the set
for a text by its fingerprint.
"""

from __future__ import annotations

import hashlib
from typing import Any

__all__ = ["SEEDS", "for_text"]


def _b(indicator: str, phrase: str, role: str = "total", **extra: Any) -> dict[str, Any]:
    return {"indicator": indicator, "phrase": phrase, "role": role, **extra}


_RECEIVED = "petitions.received"
_HELD = "dialogues.held"
_MODELS = "models.recognised"

#: Seed 000 (huyện Tam Nông, 1/7/2016 – 30/6/2021): every figure the engine computes.
TAM_NONG: list[dict[str, Any]] = [
    _b(_RECEIVED, "toàn huyện nhận"),
    _b(_RECEIVED, "toàn huyện nhận", "part", label="khiếu nại", breakdown={"kind": "complaint"}),
    _b(_RECEIVED, "toàn huyện nhận", "part", label="tố cáo", breakdown={"kind": "denunciation"}),
    _b(_RECEIVED, "toàn huyện nhận", "part", label="loại khác", breakdown={"kind": "other"}),
    _b(_RECEIVED, "toàn huyện nhận", "part", label="UBND huyện",
       breakdown={"level": "district"}),
    _b(_RECEIVED, "toàn huyện nhận", "part", label="UBND xã", breakdown={"level": "commune"}),
    _b("petitions.in_jurisdiction", "đơn thuộc thẩm quyền giải quyết", "value"),
    _b("petitions.resolution_rate", "đã xem xét, giải quyết", "numerator"),
    _b("petitions.resolution_rate", "đã xem xét, giải quyết", "denominator"),
    _b("petitions.resolution_rate", "đã xem xét, giải quyết", "percent"),
    _b(_HELD, "trong 5 năm đã tổ chức"),
    _b(_HELD, "cấp huyện tổ chức", "part", nth=0,
       breakdown={"level": "district", "kind": "periodic"}),
    _b(_HELD, "cấp huyện tổ chức", "part", nth=1,
       breakdown={"level": "district", "kind": "ad_hoc"}),
    _b(_HELD, "cấp xã tổ chức", "part", nth=0, breakdown={"level": "commune", "kind": "periodic"}),
    _b(_HELD, "cấp xã tổ chức", "part", nth=1, breakdown={"level": "commune", "kind": "ad_hoc"}),
    _b("dialogues.participants", "hội nghị đột xuất với", "value"),
    _b("dialogues.opinions_raised", "người dân tham gia và", "value"),
    _b("dialogues.answer_rate", "lượt ý kiến đóng góp, có", "numerator"),
    _b("dialogues.answer_rate", "lượt ý kiến đóng góp, có", "denominator"),
    _b(_MODELS, "toàn huyện có"),
    _b(_MODELS, "toàn huyện có", "part", label="kinh tế", breakdown={"field": "economy"}),
    _b(_MODELS, "toàn huyện có", "part", label="văn hóa – xã hội",
       breakdown={"field": "culture_society"}),
    _b(_MODELS, "toàn huyện có", "part", label="quốc phòng, an ninh",
       breakdown={"field": "defence_security"}),
    _b(_MODELS, "toàn huyện có", "part", label="hệ thống chính trị",
       breakdown={"field": "political_system"}),
    _b("restructuring.communes", "huyện Tam Nông sáp nhập", "delta"),
    _b("restructuring.communes", "huyện Tam Nông sáp nhập", "percent"),
    _b("restructuring.residential_areas", "khu dân cư thành", "after"),
    _b("restructuring.residential_areas", "khu dân cư thành", "delta"),
    _b("restructuring.residential_areas", "khu dân cư thành", "percent"),
]

#: Seed 001 (tỉnh Điện Biên, 2022): citizen reception and plan coverage.
DIEN_BIEN: list[dict[str, Any]] = [
    _b("receptions.turns", "địa phương đã tiếp", "value", nth=0),
    _b("receptions.people", "địa phương đã tiếp", "value", nth=1),
    _b("receptions.crowd_delegations", "địa phương đã tiếp", "value", nth=2),
    _b("receptions.crowd_people", "địa phương đã tiếp", "value", nth=3),
    _b("directives.coverage", "Đến nay, đã có", "numerator"),
    _b("directives.coverage", "Đến nay, đã có", "denominator"),
]

#: Seed 004 (huyện An Biên, 2018): models and mediation. The printed total of
#: models registered, 345, is not the sum of its parts (342): it differs.
AN_BIEN: list[dict[str, Any]] = [
    _b("models.registered", "trong toàn huyện có"),
    _b("models.registered", "trong toàn huyện có", "part", nth=0,
       breakdown={"kind": "collective"}),
    _b("models.registered", "trong toàn huyện có", "part", nth=1,
       breakdown={"kind": "individual"}),
    _b(_MODELS, "cấp cơ sở công nhận", "value", nth=0, breakdown={"kind": "collective"}),
    _b(_MODELS, "cấp cơ sở công nhận", "value", nth=1, breakdown={"kind": "individual"}),
    _b("mediation.cases", "tổng số thuộc thẩm quyền là", "value"),
    _b("mediation.mediated_rate", "đưa ra hòa giải", "numerator"),
    _b("mediation.mediated_rate", "đưa ra hòa giải", "denominator"),
    _b("mediation.mediated_rate", "đưa ra hòa giải", "percent"),
]

#: Seed number → the report's fingerprint, the dataset it is reconciled with, and bindings.
SEEDS: dict[str, dict[str, Any]] = {
    "000": {
        "fingerprint": "9258d8d06864f665422996aa5ce9c494f547cea74dcc3d22b9812283332515bb",
        "data": "tam_nong_2016_2021.json", "unit": "236", "period": "2016-07-01..2021-07-01",
        "bindings": TAM_NONG,
    },
    "001": {
        "fingerprint": "563dcf1420106be6d9fc5a7dab7a6255fc8271683b3ddc3ad9f733c5164c0bc2",
        "data": "dien_bien_2022.json", "unit": "11", "period": "2022", "bindings": DIEN_BIEN,
    },
    "004": {
        "fingerprint": "9ad4ea7e719c8fb331b8a224c8482f2ae1fb3de1ae8e83fd2b03e0e93e7b4d48",
        "data": "an_bien_2018.json", "unit": "908", "period": "2018", "bindings": AN_BIEN,
    },
}


def for_text(text: str) -> str | None:
    """The seed whose report ``text`` is (by SHA-256 of its UTF-8 bytes), if any."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return next((seed for seed, entry in SEEDS.items() if entry["fingerprint"] == digest), None)
