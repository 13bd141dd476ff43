"""The situation report: what happened, who said so, how many, where, and from which articles."""
from __future__ import annotations

from pathlib import Path
from typing import Union

from ..errors import E, SitrepError
from ..query import Filters

REPORT_FORMATS = ("md", "html")


def situation_report(db: Union[str, Path], filters: Filters = Filters(), *, fmt: str = "md") -> str:
    """The report over the store as Markdown (terminal) or a self-contained HTML page."""
    from .data import report_data
    from .render import render_html, render_markdown

    if fmt not in REPORT_FORMATS:
        raise SitrepError(E.E012, what="report format", value=fmt, choices=", ".join(REPORT_FORMATS))
    data = report_data(db, filters)
    return render_html(data) if fmt == "html" else render_markdown(data)
