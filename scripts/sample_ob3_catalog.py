"""The OB 3.0 / CLR part of Alex Morgan's demo wallet: four did:key issuers and what they issued to Alex.

Same learner and story as sample_catalog.py (moving into data analysis): R, report writing, an associate
data-analyst certification, predictive analytics, dashboards, data ethics, exploratory analysis, and a
university record for a graduate certificate in business analytics. Alignments are real ESCO v1.2.0 skill
URIs and O*NET 29.3 element ids / technology commodity codes from ../shared/data (see its SOURCES.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from badge_builders import AlignmentSpec
from ob3_builders import DidIssuer
from sample_catalog import (
    BUSINESS_INTELLIGENCE,
    CRITICAL_THINKING,
    DATA_ANALYSIS,
    DATA_ANALYTICS,
    DATAVIZ_SOFTWARE,
    MATHEMATICS_KNOWLEDGE,
    PERSONAL_DATA,
    PRESENTATION_TECHNIQUES,
    PROGRAMMING,
    PYTHON,
    SQL,
    SQL_TOOL,
    STATISTICS,
    VISUAL_PRESENTATION,
    esco,
    onet,
    onet_tool,
)

BRIGHTPATH = DidIssuer(
    host="brightpath-academy.example",
    name="Brightpath Data Academy",
    description="A (fictional) online academy teaching practical data skills to career changers.",
    colour=(46, 125, 50),
)
ASSOCIATION = DidIssuer(
    host="data-analysts-association.example",
    name="Data Analysts Association",
    description="A (fictional) professional body that certifies data analysts by proctored examination.",
    colour=(173, 20, 87),
)
RIVERTON = DidIssuer(
    host="riverton-university.example",
    name="Riverton State University",
    description="A (fictional) public university whose School of Business offers graduate certificates.",
    colour=(128, 0, 32),
)
COUNCIL = DidIssuer(
    host="analytics-employers.example",
    name="Harbor City Analytics Employers Council",
    description="A (fictional) group of employers that reviews analytics training against their hiring needs.",
    colour=(84, 110, 122),
)
DID_ISSUERS = (BRIGHTPATH, ASSOCIATION, RIVERTON, COUNCIL)

R_LANGUAGE = esco("51586df8-1c46-4b47-8583-773cb63bf00b", "R")
MACHINE_LEARNING = esco("3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43", "machine learning")
USE_MACHINE_LEARNING = esco("8369c2d6-c100-4cf6-bd83-9668d8678433", "utilise machine learning")
DATA_MINING = esco("25f0ea33-b4a2-4f31-b7b4-7d20e827b180", "data mining")
DATA_PROTECTION = esco("a4346013-a967-4a58-a533-6b32ad1364c5", "data protection")
CONFIDENTIALITY = esco("a56dec32-05ef-45de-a256-ee6741f356db", "information confidentiality")
REPORT_FACTS = esco("be6ab363-3de1-427f-a8ef-85d5b0250822", "report facts")
BUSINESS_ANALYTICS = esco("98a1dec3-8138-4f46-a596-5e2a83b884b9", "business analytics")
DATABASE = esco("43ae58b9-5e56-4524-b45a-b422777a0576", "database")
CREATE_DATA_MODELS = esco("fbafa41f-cd05-4109-a649-8b44d306d779", "create data models")
WRITING = onet("2.A.1.c", "Writing")
DECISION_MAKING = onet("2.B.4.e", "Judgment and Decision Making")
LAW_AND_GOVERNMENT = onet("2.C.8.b", "Law and Government")
R_TOOL = onet_tool("43232405", "R", "Object or component oriented development software")
JUPYTER_TOOL = onet_tool("43232405", "Jupyter Notebook", "Object or component oriented development software")


@dataclass(frozen=True)
class Ob3Spec:
    """One OB 3.0 credential for Alex: the achievement, its issuer, when, and how it is secured and carried."""

    slug: str
    issuer: DidIssuer
    name: str
    description: str
    criteria: str
    achievement_type: str
    issued: str  # validFrom (issuanceDate for VC 1.1) and the proof's `created`
    salt: str
    # How it is secured and carried: rdfc | jcs | vc11-ed25519-2020 | jwt-vc-claim | jwt-jose | png | svg-jwt
    # | clr-inner (make_sample_ob3.py; sample_data/ob3/README.md explains each).
    carrier: str
    alignments: tuple[AlignmentSpec, ...]
    tags: tuple[str, ...]
    bars: tuple[int, int, int] = (2, 4, 3)
    expires: str | None = None
    achievement_extra: dict[str, Any] = field(default_factory=dict)
    subject_extra: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[dict[str, Any], ...] = ()
    endorsed_by: DidIssuer | None = None

    @property
    def achievement_id(self) -> str:
        return f"https://{self.issuer.host}/achievements/{self.slug}"

    @property
    def vc1(self) -> bool:
        return self.carrier in ("vc11-ed25519-2020", "jwt-vc-claim")


def _rubric(spec_slug: str) -> dict[str, Any]:
    base = f"https://{BRIGHTPATH.host}/achievements/{spec_slug}/rubric"
    levels = [
        ("developing", "Developing", "Level 2", "Findings stated but not tied to the question; charts uncaptioned."),
        ("proficient", "Proficient", "Level 3", "The answer up front, evidence for each claim, limitations stated."),
        ("exemplary", "Exemplary", "Level 4", "Proficient, plus recommendations a manager can act on the same day."),
    ]
    return {
        "id": base,
        "type": ["ResultDescription"],
        "name": "Analytical report rubric",
        "resultType": "RubricCriterionLevel",
        "requiredLevel": f"{base}/proficient",
        "rubricCriterionLevel": [
            {"id": f"{base}/{key}", "type": ["RubricCriterionLevel"], "name": name, "level": level,
             "description": text}
            for key, name, level, text in levels
        ],
    }  # fmt: skip


REPORT_RUBRIC = _rubric("analytical-report-writing")

OB3_CREDENTIALS: tuple[Ob3Spec, ...] = (
    Ob3Spec(
        slug="r-for-data-analysis",
        issuer=BRIGHTPATH,
        name="R for Data Analysis",
        description="Imports, tidies, transforms and visualises data in R with the tidyverse (dplyr, tidyr, "
        "ggplot2) and reports the analysis reproducibly in R Markdown.",
        criteria="Completed 30 hours of guided labs and submitted a reproducible R Markdown analysis of a "
        "public housing dataset, graded pass by two instructors.",
        achievement_type="Course",
        issued="2025-08-22T15:00:00Z",
        salt="bda-5e31c8a0",
        carrier="rdfc",
        alignments=(R_LANGUAGE, STATISTICS, PROGRAMMING, R_TOOL),
        tags=("R", "tidyverse", "ggplot2", "data analysis"),
        bars=(2, 3, 4),
        achievement_extra={"creditsAvailable": 3.0},
        evidence=(
            {
                "id": "https://brightpath-academy.example/portfolio/alex-morgan/housing-affordability",
                "type": ["Evidence"],
                "name": "Housing affordability analysis (R Markdown)",
                "narrative": "Joined rent and income tables for 40 neighbourhoods, modelled affordability "
                "over ten years and published the knitted report with every step reproducible.",
                "genre": "Report",
            },
        ),
        endorsed_by=COUNCIL,
    ),
    Ob3Spec(
        slug="analytical-report-writing",
        issuer=BRIGHTPATH,
        name="Writing Analytical Reports",
        description="Writes short analytical reports for decision makers: the answer first, evidence and "
        "charts for each claim, limitations and a recommendation.",
        criteria="Submitted two reports on supplied datasets, each assessed against the published "
        "four-criterion rubric; Proficient or better on both.",
        achievement_type="Assessment",
        issued="2026-03-13T16:00:00Z",
        salt="bda-9c04e7b2",
        carrier="jcs",
        alignments=(REPORT_FACTS, WRITING, PRESENTATION_TECHNIQUES, CRITICAL_THINKING),
        tags=("report writing", "data storytelling", "business writing"),
        bars=(3, 2, 4),
        achievement_extra={"resultDescription": [REPORT_RUBRIC]},
        subject_extra={
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": REPORT_RUBRIC["id"],
                    "achievedLevel": REPORT_RUBRIC["id"] + "/proficient",
                    "status": "Completed",
                }
            ]
        },
    ),
    Ob3Spec(
        slug="certified-associate-data-analyst",
        issuer=ASSOCIATION,
        name="Certified Associate Data Analyst (CADA)",
        description="Certifies the knowledge and judgement of an entry-level data analyst: framing questions, "
        "querying and cleaning data, descriptive and inferential statistics, and communicating results.",
        criteria="Passed the proctored 120-minute CADA examination with a scaled score of 700 or more out of "
        "1000. Valid for three years; renewed with 30 hours of continuing education.",
        achievement_type="Certification",
        issued="2026-05-29T14:00:00Z",
        expires="2029-05-31T23:59:59Z",
        salt="daa-27f6b1d9",
        carrier="vc11-ed25519-2020",
        alignments=(DATA_ANALYTICS, DATA_ANALYSIS, STATISTICS, SQL, CRITICAL_THINKING),
        tags=("certification", "data analysis", "SQL", "statistics"),
        bars=(4, 3, 4),
        achievement_extra={"humanCode": "CADA"},
        subject_extra={"licenseNumber": "CADA-2026-004817"},
    ),
    Ob3Spec(
        slug="predictive-analytics-python",
        issuer=BRIGHTPATH,
        name="Predictive Analytics with Python",
        description="Builds, validates and explains regression and classification models with scikit-learn, "
        "and avoids the usual traps (leakage, imbalanced classes, overfitting).",
        criteria="Completed eight labs and a churn-prediction project with a documented model card, "
        "reviewed by an instructor.",
        achievement_type="Course",
        issued="2026-07-10T15:00:00Z",
        salt="bda-71d2a4f3",
        carrier="jwt-vc-claim",
        alignments=(USE_MACHINE_LEARNING, MACHINE_LEARNING, DATA_MINING, PYTHON, JUPYTER_TOOL),
        tags=("machine learning", "scikit-learn", "regression", "classification"),
        bars=(2, 4, 4),
    ),
    Ob3Spec(
        slug="looker-studio-dashboards",
        issuer=BRIGHTPATH,
        name="Interactive Dashboards with Looker Studio",
        description="Connects Looker Studio to spreadsheets and SQL sources, builds filtered, drill-down "
        "dashboards and shares them safely with stakeholders.",
        criteria="Published a sales-performance dashboard that met the course's dashboard checklist "
        "(question, filters, accessibility, data freshness).",
        achievement_type="Course",
        issued="2026-09-18T15:00:00Z",
        salt="bda-0b8e5f16",
        carrier="jwt-jose",
        alignments=(DATAVIZ_SOFTWARE, VISUAL_PRESENTATION, BUSINESS_INTELLIGENCE),
        tags=("Looker Studio", "dashboards", "data visualization"),
        bars=(3, 4, 2),
    ),
    Ob3Spec(
        slug="data-ethics-privacy",
        issuer=ASSOCIATION,
        name="Data Ethics and Privacy for Analysts",
        description="Applies privacy law and ethics to everyday analysis: lawful basis, minimisation, "
        "pseudonymisation, access control, and bias checks before results are shared.",
        criteria="Completed the six-hour continuing-education module and passed its case-based quiz.",
        achievement_type="Course",
        issued="2025-12-05T17:00:00Z",
        salt="daa-c3a95e04",
        carrier="png",
        alignments=(PERSONAL_DATA, DATA_PROTECTION, CONFIDENTIALITY, LAW_AND_GOVERNMENT),
        tags=("data ethics", "privacy", "GDPR"),
        bars=(1, 3, 2),
    ),
    Ob3Spec(
        slug="exploratory-data-analysis",
        issuer=BRIGHTPATH,
        name="Exploratory Data Analysis in Python",
        description="Explores a new dataset systematically with pandas and seaborn: distributions, outliers, "
        "relationships and data quality issues, summarised for the next analyst.",
        criteria="Submitted three exploratory notebooks on unseen datasets, each reviewed by a mentor.",
        achievement_type="Course",
        issued="2026-04-24T15:00:00Z",
        salt="bda-4a6f93c7",
        carrier="svg-jwt",
        alignments=(DATA_ANALYSIS, PYTHON, STATISTICS, VISUAL_PRESENTATION),
        tags=("Python", "pandas", "seaborn", "exploratory data analysis"),
        bars=(4, 2, 3),
    ),
)


def _letter_grade(slug: str) -> dict[str, Any]:
    return {
        "id": f"https://{RIVERTON.host}/achievements/{slug}/grade",
        "type": ["ResultDescription"],
        "name": "Final course grade",
        "resultType": "LetterGrade",
        "allowedValue": ["A", "A-", "B+", "B", "B-", "C+", "C", "F"],
    }


def _course_result(slug: str, grade: str) -> list[dict[str, Any]]:
    return [
        {
            "type": ["Result"],
            "resultDescription": _letter_grade(slug)["id"],
            "value": grade,
            "status": "Completed",
        }
    ]


# The record's inner AchievementCredentials, each signed by the university on its own.
CLR_SLUG = "business-analytics-record"
CLR_NAME = "Riverton State University Academic Record: Graduate Certificate in Business Analytics"
CLR_ISSUED = "2025-12-19T20:00:00Z"
CLR_SALT = "rsu-8d27c1f5"
CLR_INNER: tuple[Ob3Spec, ...] = (
    Ob3Spec(
        slug="busa-510-database-design-sql",
        issuer=RIVERTON,
        name="BUSA 510: Database Design and SQL for Analytics",
        description="Relational modelling, normalisation and analytical SQL (joins, aggregates, window "
        "functions) on a business data warehouse.",
        criteria="Passed the graduate course with a grade of B or better (three credit hours).",
        achievement_type="Course",
        issued="2025-05-16T18:00:00Z",
        salt="rsu-3f9a0c61",
        carrier="clr-inner",
        alignments=(DATABASE, CREATE_DATA_MODELS, SQL, SQL_TOOL),
        tags=("SQL", "data modelling", "databases"),
        achievement_extra={
            "humanCode": "BUSA 510",
            "fieldOfStudy": "Business Analytics",
            "creditsAvailable": 3.0,
            "resultDescription": [_letter_grade("busa-510-database-design-sql")],
        },
        subject_extra={
            "creditsEarned": 3.0,
            "term": "Spring 2025",
            "result": _course_result("busa-510-database-design-sql", "A"),
        },
    ),
    Ob3Spec(
        slug="busa-520-business-statistics",
        issuer=RIVERTON,
        name="BUSA 520: Business Statistics and Forecasting",
        description="Sampling, inference, multiple regression and time-series forecasting for business "
        "decisions, with the results explained to non-specialists.",
        criteria="Passed the graduate course with a grade of B or better (three credit hours).",
        achievement_type="Course",
        issued="2025-12-12T18:00:00Z",
        salt="rsu-b6e4d218",
        carrier="clr-inner",
        alignments=(STATISTICS, BUSINESS_ANALYTICS, MATHEMATICS_KNOWLEDGE, DECISION_MAKING),
        tags=("statistics", "forecasting", "regression"),
        achievement_extra={
            "humanCode": "BUSA 520",
            "fieldOfStudy": "Business Analytics",
            "creditsAvailable": 3.0,
            "resultDescription": [_letter_grade("busa-520-business-statistics")],
        },
        subject_extra={
            "creditsEarned": 3.0,
            "term": "Fall 2025",
            "result": _course_result("busa-520-business-statistics", "A-"),
        },
    ),
    Ob3Spec(
        slug="graduate-certificate-business-analytics",
        issuer=RIVERTON,
        name="Graduate Certificate in Business Analytics",
        description="A two-course graduate certificate in data management and statistical analysis for "
        "business decisions.",
        criteria="Completed BUSA 510 and BUSA 520 (six credit hours) with a cumulative GPA of 3.0 or more.",
        achievement_type="Certificate",
        issued="2025-12-19T18:00:00Z",
        salt="rsu-5a1f7e93",
        carrier="clr-inner",
        alignments=(BUSINESS_ANALYTICS, DATA_ANALYTICS, BUSINESS_INTELLIGENCE),
        tags=("business analytics", "graduate certificate"),
        achievement_extra={"fieldOfStudy": "Business Analytics", "creditsAvailable": 6.0},
        subject_extra={"creditsEarned": 6.0},
    ),
)

# (type, source slug, target slug): the certificate is made of both courses; 510 comes before 520.
CLR_ASSOCIATIONS = (
    ("isParentOf", "graduate-certificate-business-analytics", "busa-510-database-design-sql"),
    ("isParentOf", "graduate-certificate-business-analytics", "busa-520-business-statistics"),
    ("precedes", "busa-510-database-design-sql", "busa-520-business-statistics"),
)

ENDORSEMENT_ISSUED = "2025-02-03T12:00:00Z"
ENDORSEMENT_COMMENT = (
    "Reviewed in January 2025 by the Council's hiring panel: the labs and final project of this course "
    "match the R skills our member employers expect of junior data analysts."
)
