"""`credwallet report`: the wallet, the gap for a role and the pathway as one self-contained HTML page.

`build_report` gathers the data model (cards, gap rows, plan steps, closest roles) from the wallet;
`render` lays it out as HTML with inline CSS and SVG and nothing remote. Both are pure apart from reading
the wallet, so tests and scripts can pin "now" and get the same page every time.
"""

from __future__ import annotations

from credwallet.report.build import ReportOptions, build_report, report_from_credentials
from credwallet.report.model import Report
from credwallet.report.page import GENERATOR, render

__all__ = ["GENERATOR", "Report", "ReportOptions", "build_report", "render", "report_from_credentials"]
