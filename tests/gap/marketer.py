"""The marketer of issue 14: a career changer's five credentials, as their issuers describe them.

Texts follow the public descriptions of these credentials (Google/Coursera, Microsoft and Tableau badge pages
on Credly; a typical university SQL course and intro statistics course), shortened; tags are the skills the
badge pages list. Built as credentials (not files) so the test reads what extraction and gap make of them.
"""

from __future__ import annotations

from credwallet.model import Credential, CredentialFormat, Issuer, Status


def _credential(
    wallet_id: str, name: str, issuer: str, description: str, tags: list[str], kind: str | None, status: Status
) -> Credential:
    return Credential(
        format=CredentialFormat.OB2,
        name=name,
        issuer=Issuer(name=issuer, id=f"https://{issuer.lower().replace(' ', '-')}.example/"),
        description=description,
        tags=tags,
        achievement_type=kind,
        wallet_id=wallet_id,
        status=status,
        content_hash=f"marketer-{wallet_id}",
    )


def marketer_wallet(status: Status = Status.VALID) -> list[Credential]:
    return [
        _credential(
            "gda",
            "Google Data Analytics Professional Certificate",
            "Google",
            "Those who earn the Google Data Analytics Certificate have completed eight courses that include "
            "hands-on, practice-based assessments and prepare them for introductory-level roles in data "
            "analytics. They are competent in tools including spreadsheets, SQL, Tableau and R programming, and "
            "know how to prepare, process, analyze and share data for thoughtful action.",
            ["Data Analysis", "Data Visualization", "Spreadsheets", "SQL", "Tableau", "R Programming",
             "Data Cleansing"],
            "Certificate",
            status,
        ),
        _credential(
            "sql",
            "SQL for Data Analysis",
            "Northgate University",
            "A course on querying relational databases: filtering, sorting, joins, aggregation with GROUP BY, "
            "subqueries and common table expressions, on real business data sets.",
            ["SQL", "Relational Databases"],
            "Course",
            status,
        ),
        _credential(
            "stats",
            "Introduction to Statistics",
            "Northgate University",
            "Descriptive statistics, sampling, probability, confidence intervals, hypothesis tests and linear "
            "regression, with exercises on real data.",
            ["Statistics"],
            "Course",
            status,
        ),
        _credential(
            "excel",
            "Microsoft Office Specialist: Excel Expert (Microsoft 365 Apps)",
            "Microsoft",
            "Earners have an advanced understanding of the Excel environment: they manage workbook options and "
            "settings, apply custom data formats and layouts, create advanced formulas and macros, and manage "
            "advanced charts, tables and PivotTables.",
            ["Microsoft Excel", "Data Analysis", "Spreadsheets"],
            "Certification",
            status,
        ),
        _credential(
            "tableau",
            "Tableau Desktop Specialist",
            "Tableau",
            "Earners have foundational skills and understanding of Tableau Desktop: connecting to and preparing "
            "data, exploring and analyzing data, and sharing insights with dashboards and visualizations.",
            ["Tableau", "Data Visualization", "Dashboards"],
            "Certification",
            status,
        ),
    ]
