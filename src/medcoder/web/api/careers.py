"""JSON API for career planning: cost of living, plans, offers and roster pricing."""

from __future__ import annotations

import io
from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from medcoder.careers.offers import Offer, OfferComparison, compare_offers
from medcoder.careers.plan_presets import PresetInfo, get_preset, list_presets
from medcoder.careers.plans import Plan, PlanComparison, simulate_plans
from medcoder.careers.roster import PricedRoster, start_run
from medcoder.careers.roster_io import neutralise_formulas, write_xlsx
from medcoder.wages.cost_of_living import (
    AreaRpp,
    PurchasingPower,
    RemoteArbitrage,
    area_rpp,
    compare_purchasing_power,
    remote_arbitrage,
)
from medcoder.web.deps import SettingsDep
from medcoder.web.errors import error_body

router = APIRouter(tags=["careers"])


class CompareRequest(BaseModel):
    amount: float = Field(description="Dollars per year in from_area.")
    from_area: str = Field(description="State, metro area or 'US'.")
    to_area: str = Field(description="State, metro area or 'US'.")


class SimulateRequest(BaseModel):
    presets: list[str] = Field(default_factory=list, description="Preset keys to include.")
    plans: list[Plan] = Field(default_factory=list, description="Plans of your own.")
    years: int = Field(default=10, description="Years to simulate (1–40).")
    discount_rate: float = Field(default=0.05, description="Yearly discount rate (0–0.5).")


class OffersRequest(BaseModel):
    offers: list[Offer] = Field(description="Two to five offers.")


@router.post("/col/compare", response_model=PurchasingPower)
def col_compare(request: CompareRequest) -> PurchasingPower:
    """What an amount in one area buys in another (BEA regional price parities 2024)."""
    return compare_purchasing_power(request.amount, request.from_area, request.to_area)


@router.get("/col/rpp", response_model=AreaRpp)
def col_rpp(area: str = "") -> AreaRpp:
    """The 2024 all-items regional price parity of an area (US = 100)."""
    return area_rpp(area)


@router.get("/col/remote", response_model=RemoteArbitrage)
def col_remote(pay_area: str, live_area: str, salary: float | None = None) -> RemoteArbitrage:
    """Paid on one area's scale while paying another area's prices."""
    return remote_arbitrage(pay_area, live_area, salary)


@router.post("/plans/simulate", response_model=PlanComparison)
def plans_simulate(request: SimulateRequest) -> PlanComparison:
    """Simulate plans year by year against doing nothing (NPV, payback, cumulative earnings)."""
    plans = [get_preset(key) for key in request.presets] + list(request.plans)
    return simulate_plans(plans, years=request.years, discount_rate=request.discount_rate)


@router.get("/plans/presets", response_model=list[PresetInfo])
def plans_presets() -> list[PresetInfo]:
    """The ready-made plans taken from the articles."""
    return list_presets()


@router.post("/offers/compare", response_model=OfferComparison)
def offers_compare(request: OffersRequest) -> OfferComparison:
    """Compare 2–5 offers: total pay, cost-of-living value, percentiles, negotiation brief."""
    return compare_offers(request.offers)


async def _read_limited(upload: UploadFile, limit: int) -> bytes | None:
    """The upload's bytes, or None as soon as it is larger than ``limit``."""
    chunks, size = [], 0
    while chunk := await upload.read(1 << 20):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.post(
    "/roster/price",
    response_model=PricedRoster,
    responses={
        200: {"content": {media: {} for media in MEDIA_TYPES.values()}},
        413: {"description": "The file is larger than max_upload_bytes."},
    },
)
async def roster_price(
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="Roster CSV or XLSX.")],
    format: Annotated[Literal["json", "csv", "xlsx"], Query()] = "json",
) -> Response | PricedRoster:
    """Price a roster against OEWS market pay; JSON, or the priced file as CSV/XLSX."""
    data = await _read_limited(file, settings.max_upload_bytes)
    if data is None:
        body = error_body("file", f"the file is larger than {settings.max_upload_bytes:,} bytes")
        return JSONResponse(body, status_code=413)
    run = start_run(data, file.filename or "roster")
    if format == "json":
        return run.result()
    import polars as pl

    frame = neutralise_formulas(pl.concat(list(run.batches())))
    buffer = io.BytesIO()
    if format == "csv":
        frame.write_csv(buffer)
    else:
        write_xlsx(frame, buffer)
    summary = run.summary()
    headers = {
        "Content-Disposition": f'attachment; filename="priced.{format}"',
        "X-Rows-Priced": str(summary.rows_priced),
        "X-Rows-With-Errors": str(summary.rows_with_errors),
    }
    return Response(buffer.getvalue(), media_type=MEDIA_TYPES[format], headers=headers)
