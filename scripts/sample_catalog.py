"""The demo wallet's content: four fictional issuers and sixteen Open Badges 2.0 credentials for Alex Morgan.

Alex is moving into data analysis; the badges cover SQL, Python/pandas, Excel, Tableau, statistics, AWS,
Agile/Scrum, project management, security awareness and UX. Alignments point at real ESCO v1.2.0 skill URIs
and O*NET 29.3 element ids / technology commodity codes taken from ../shared/data (see its SOURCES.md).
"""

from __future__ import annotations

from badge_builders import AlignmentSpec, BadgeSpec, EvidenceSpec, IssuerSpec, RecipientSpec

LEARNER_NAME = "Alex Morgan"
LEARNER_EMAIL = "alex.morgan@example.org"
LEARNER_URL = "https://alexmorgan.example.org"

NORTHBRIDGE = IssuerSpec(
    host="northbridge.example",
    name="Northbridge Institute of Technology",
    description="A (fictional) technical university offering continuing-education certificates in data "
    "and IT.",
    colour=(31, 94, 170),
    signs=True,
)
COBALT = IssuerSpec(
    host="cobalt-cloud.example",
    name="Cobalt Cloud Academy",
    description="A (fictional) training provider for cloud computing and security fundamentals.",
    colour=(0, 137, 123),
    signs=True,
)
HARBORVIEW = IssuerSpec(
    host="harborview-analytics.example",
    name="Harborview Analytics Guild",
    description="A (fictional) professional guild of data analysts that assesses practical analytics skills.",
    colour=(196, 98, 16),
)
MERIDIAN = IssuerSpec(
    host="meridian-design.example",
    name="Meridian Design School",
    description="A (fictional) design school teaching user experience and information design.",
    colour=(123, 63, 160),
)
ISSUERS = (NORTHBRIDGE, COBALT, HARBORVIEW, MERIDIAN)

_ESCO = "http://data.europa.eu/esco/skill/"
_ONET_DESCRIPTOR = "https://www.onetonline.org/find/descriptor/result/"
_ONET_BI_ANALYSTS = "https://www.onetonline.org/link/summary/15-2051.01"


def esco(uuid_part: str, label: str) -> AlignmentSpec:
    return AlignmentSpec(label, _ESCO + uuid_part, "ESCO")


def onet(element_id: str, label: str) -> AlignmentSpec:
    return AlignmentSpec(label, _ONET_DESCRIPTOR + element_id, "O*NET", target_code=element_id)


def onet_tool(commodity_code: str, label: str, description: str) -> AlignmentSpec:
    """An O*NET Technology Skills example (UNSPSC commodity code), linked to the BI analyst occupation."""
    return AlignmentSpec(label, _ONET_BI_ANALYSTS, "O*NET Technology Skills", commodity_code, description)


SQL = esco("598de5b0-5b58-4ea7-8058-a4bc4d18c742", "SQL")
POSTGRESQL = esco("a8d07b5a-c1a1-42c6-9d53-db9c7a2ca996", "PostgreSQL")
USE_DATABASES = esco("4463a721-69f3-413d-8321-43e3af13a4f1", "use databases")
PYTHON = esco("ccd0a1d9-afda-43d9-b901-96344886e14d", "Python (computer programming)")
DATA_CLEANSING = esco("50b100ea-74fd-4706-99db-3e4ca55e51b8", "perform data cleansing")
DATA_QUALITY = esco("cc7370dd-69fa-4c67-a96f-d4d135d38700", "data quality assessment")
DATA_ANALYTICS = esco("97bd1c21-66b2-4b7e-ad0f-e3cda590e378", "data analytics")
DATA_ANALYSIS = esco("2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f", "perform data analysis")
STATISTICS = esco("382c11ed-20d5-4ae7-b60e-15fec527fa6c", "apply statistical analysis techniques")
SPREADSHEETS = esco("1973c966-f236-40c9-b2d4-5d71a89019be", "use spreadsheets software")
DATAVIZ_SOFTWARE = esco("65e58886-bd1e-4c5b-8ca5-8d9b353c8aa1", "data visualisation software")
VISUAL_PRESENTATION = esco("c3e36d05-8ae8-447f-bb2b-6f9409f85389", "deliver visual presentation of data")
PRESENTATION_TECHNIQUES = esco("348b74cd-49ce-4844-8bdf-ec188b497213", "visual presentation techniques")
BUSINESS_INTELLIGENCE = esco("143769cb-b61e-47d8-a61e-eedfbec1016c", "business intelligence")
CLOUD = esco("bd14968e-e409-45af-b362-3495ed7b10e0", "cloud technologies")
CLOUD_DATA = esco("d3286405-49f8-4e8a-8046-a4376b4e7963", "manage cloud data and storage")
CLOUD_DATABASE = esco("7e796b51-49d7-4e73-95af-2e7323763f15", "design database in the cloud")
CYBER_SECURITY = esco("8088750d-8388-4170-a76f-48354c469c44", "cyber security")
SECURITY_MEASURES = esco("f4346299-e22a-4686-8e61-2c9b0cd51c7d", "apply digital security measures")
PERSONAL_DATA = esco("33a82b83-c838-4889-ae62-fae1317481eb", "protect personal data and privacy")
AGILE_PM = esco("0a9acb6b-1139-4be9-b431-3a80a959f2f4", "Agile project management")
AGILE_DEV = esco("dba46f87-0831-49cd-a1c7-340a653c0221", "Agile development")
ICT_PM = esco("94dd823c-148e-4614-a6e8-99249b16357d", "ICT project management")
UX_PROTOTYPE = esco("07dd856d-6141-48a7-a228-918f88494812", "create prototype of user experience solutions")
USABILITY = esco("c4b626c1-e71c-44ec-9f88-042766f37fcc", "application usability")
WIREFRAME = esco("f0f5bb34-71df-4715-9c9e-03567b76ec8f", "create website wireframe")

CRITICAL_THINKING = onet("2.A.2.a", "Critical Thinking")
MATHEMATICS_SKILL = onet("2.A.1.e", "Mathematics")
MATHEMATICS_KNOWLEDGE = onet("2.C.4.a", "Mathematics (knowledge)")
PROGRAMMING = onet("2.B.3.e", "Programming")
COMPLEX_PROBLEMS = onet("2.B.2.i", "Complex Problem Solving")
COMPUTERS = onet("2.C.3.a", "Computers and Electronics")
COORDINATION = onet("2.B.1.b", "Coordination")
TIME_MANAGEMENT = onet("2.B.5.a", "Time Management")
ADMINISTRATION = onet("2.C.1.a", "Administration and Management")
SECURITY_KNOWLEDGE = onet("2.C.8.a", "Public Safety and Security")
DESIGN = onet("2.C.3.c", "Design")
SPEAKING = onet("2.A.1.d", "Speaking")
SYSTEMS_ANALYSIS = onet("2.B.4.g", "Systems Analysis")

SQL_TOOL = onet_tool(
    "43232306", "Structured query language SQL", "Data base user interface and query software"
)
EXCEL_TOOL = onet_tool("43232110", "Microsoft Excel", "Spreadsheet software")
TABLEAU_TOOL = onet_tool("43232314", "Tableau", "Business intelligence and data analysis software")
AWS_TOOL = onet_tool(
    "43232306", "Amazon Web Services AWS software", "Data base user interface and query software"
)


def _email(salt: str | None) -> RecipientSpec:
    return RecipientSpec(LEARNER_EMAIL, "email", hashed=True, salt=salt)


BADGES: tuple[BadgeSpec, ...] = (
    BadgeSpec(
        slug="sql-foundations",
        issuer=NORTHBRIDGE,
        name="SQL Foundations for Data Analysis",
        description="Writes SELECT queries with filtering, sorting, joins and GROUP BY aggregates against a "
        "relational database to answer business questions.",
        criteria="Completed the 24-hour course and passed a proctored practical exam (score 80% or higher): "
        "twelve queries over a retail sales schema, including inner and outer joins and HAVING clauses.",
        issued_on="2024-03-15T16:00:00Z",
        recipient=_email("nit-4b1c9e07"),
        tags=("SQL", "databases", "querying", "data analysis"),
        alignments=(SQL, USE_DATABASES, COMPUTERS, SQL_TOOL),
        bars=(2, 3, 4),
    ),
    BadgeSpec(
        slug="python-pandas",
        issuer=NORTHBRIDGE,
        name="Python for Data Analysis with pandas",
        description="Loads, cleans, reshapes and summarises tabular data in Python with pandas DataFrames, "
        "and documents the analysis in Jupyter notebooks.",
        criteria="Submitted six graded notebooks (read_csv, missing values, merge, groupby, pivot_table, "
        "time series resampling) and a final analysis of public transit ridership data.",
        issued_on="2024-06-28T15:30:00Z",
        recipient=_email("nit-a93f2d51"),
        carrier="png",
        tags=("Python", "pandas", "Jupyter", "data cleaning"),
        alignments=(PYTHON, DATA_CLEANSING, PROGRAMMING),
        evidence=(
            EvidenceSpec(
                id="https://northbridge.example/portfolio/alex-morgan/transit-ridership",
                name="Transit ridership analysis notebook",
                narrative="Cleaned three years of weekly ridership counts, resampled them by month and "
                "explained the seasonal dip with a short written summary.",
                genre="Notebook",
            ),
        ),
        bars=(3, 4, 2),
    ),
    BadgeSpec(
        slug="applied-statistics",
        issuer=NORTHBRIDGE,
        name="Applied Statistics for Business Decisions",
        description="Describes data with summary statistics, builds confidence intervals, runs t-tests and "
        "simple linear regression, and explains the results to non-specialists.",
        criteria="Passed four problem sets and a written exam on descriptive statistics, sampling, "
        "hypothesis testing (t-tests, chi-squared) and simple linear regression.",
        issued_on="2024-09-20T12:00:00Z",
        recipient=_email("nit-5d02e8aa"),
        tags=("statistics", "hypothesis testing", "regression"),
        alignments=(STATISTICS, MATHEMATICS_SKILL, MATHEMATICS_KNOWLEDGE),
        bars=(4, 2, 3),
    ),
    BadgeSpec(
        slug="agile-scrum",
        issuer=NORTHBRIDGE,
        name="Agile Project Delivery with Scrum",
        description="Works in a Scrum team: writes user stories, estimates a backlog, takes part in sprint "
        "planning, daily stand-ups, reviews and retrospectives.",
        criteria="Took part in three two-week sprints of a simulated analytics project and passed the "
        "end-of-course quiz on Scrum roles, events and artifacts.",
        issued_on="2025-01-24T17:00:00Z",
        recipient=_email("nit-c7e61f30"),
        tags=("Agile", "Scrum", "teamwork"),
        alignments=(AGILE_PM, AGILE_DEV, COORDINATION, TIME_MANAGEMENT),
        bars=(1, 3, 4),
    ),
    BadgeSpec(
        slug="project-management-essentials",
        issuer=NORTHBRIDGE,
        name="Project Management Essentials",
        description="Plans a small project: scope statement, work breakdown structure, schedule with "
        "dependencies, risk register and status reporting to stakeholders.",
        criteria="Produced a complete project plan for a dashboard roll-out and presented it to a panel; "
        "assessed against a published rubric.",
        issued_on="2025-04-11T14:00:00Z",
        recipient=_email("nit-0f8d3b92"),
        carrier="jws",
        tags=("project management", "planning", "risk management"),
        alignments=(ICT_PM, ADMINISTRATION, TIME_MANAGEMENT),
        bars=(3, 3, 4),
    ),
    BadgeSpec(
        slug="data-analytics-capstone",
        issuer=NORTHBRIDGE,
        name="Data Analytics Capstone",
        description="Carries a data analysis project from question to recommendation: extracts data with "
        "SQL, analyses it in Python, visualises the findings and presents them.",
        criteria="Completed an eight-week capstone with a community partner, delivered a written report "
        "and a dashboard, and defended the recommendations in a 20-minute presentation.",
        issued_on="2026-02-27T18:00:00Z",
        recipient=_email("nit-e2a4c6f8"),
        tags=("data analytics", "SQL", "Python", "data visualization", "capstone"),
        alignments=(DATA_ANALYTICS, DATA_ANALYSIS, CRITICAL_THINKING, COMPLEX_PROBLEMS),
        evidence=(
            EvidenceSpec(
                id="https://northbridge.example/capstones/2026/food-bank-demand",
                name="Food bank demand forecasting report",
                narrative="Analysed two years of distribution records for a regional food bank and "
                "recommended weekly stock levels per site.",
                genre="Report",
            ),
            EvidenceSpec(
                id="https://northbridge.example/capstones/2026/food-bank-demand/dashboard",
                name="Demand dashboard",
                narrative="Interactive dashboard used by the food bank's volunteers to plan deliveries.",
                genre="Dashboard",
            ),
        ),
        bars=(2, 4, 4),
    ),
    BadgeSpec(
        slug="aws-cloud-fundamentals",
        issuer=COBALT,
        name="AWS Cloud Fundamentals",
        description="Explains core AWS services (EC2, S3, RDS, IAM), the shared responsibility model, "
        "regions and pricing, and deploys a simple static site.",
        criteria="Completed all labs and passed the 65-question practice examination with 75% or more. "
        "Valid for two years.",
        issued_on="2025-05-14T10:00:00Z",
        expires="2027-05-14T23:59:59Z",
        recipient=_email("cca-7d3e2b19"),
        carrier="png-compressed",
        tags=("AWS", "cloud computing", "Amazon Web Services"),
        alignments=(CLOUD, CLOUD_DATA, AWS_TOOL),
        bars=(4, 3, 2),
    ),
    BadgeSpec(
        slug="cybersecurity-awareness",
        issuer=COBALT,
        name="Cybersecurity Awareness Essentials",
        description="Recognises phishing and social engineering, uses strong authentication, handles "
        "personal data safely and reports incidents.",
        criteria="Completed the annual awareness module and passed its quiz. Must be renewed every year.",
        issued_on="2025-03-31T09:00:00Z",
        expires="2026-03-31T23:59:59Z",
        recipient=_email("cca-91b0a4c5"),
        tags=("cybersecurity", "security awareness", "phishing"),
        alignments=(CYBER_SECURITY, SECURITY_MEASURES, PERSONAL_DATA, SECURITY_KNOWLEDGE),
        bars=(1, 2, 3),
    ),
    BadgeSpec(
        slug="cloud-data-management",
        issuer=COBALT,
        name="Managing Data in the Cloud",
        description="Stores and queries data in managed cloud services: object storage, managed relational "
        "databases, backups, access control and cost monitoring.",
        criteria="Built a small data pipeline that lands CSV files in object storage and loads them into a "
        "managed PostgreSQL database; reviewed by an instructor.",
        issued_on="2025-10-03T13:00:00Z",
        recipient=_email("cca-3c58f6e2"),
        carrier="jws",
        tags=("cloud computing", "databases", "data storage"),
        alignments=(CLOUD_DATA, CLOUD_DATABASE, POSTGRESQL),
        bars=(3, 2, 4),
    ),
    BadgeSpec(
        slug="excel-for-analysts",
        issuer=HARBORVIEW,
        name="Excel for Analysts: PivotTables and Power Query",
        description="Cleans and combines data with Power Query, summarises it with PivotTables, and uses "
        "XLOOKUP and conditional formatting to build a reusable report.",
        criteria="Passed a timed practical assessment: rebuilt a monthly sales report from three raw "
        "exports.",
        issued_on="2024-02-09T11:00:00Z",
        recipient=_email(None),
        tags=("Excel", "spreadsheets", "PivotTables", "Power Query"),
        alignments=(SPREADSHEETS, EXCEL_TOOL),
        bars=(2, 2, 4),
    ),
    BadgeSpec(
        slug="tableau-data-visualization",
        issuer=HARBORVIEW,
        name="Data Visualization with Tableau",
        description="Chooses the right chart for the question, builds calculated fields and interactive "
        "dashboards in Tableau, and follows visual design best practice.",
        criteria="Published two Tableau dashboards that met the Guild's visualization rubric "
        "(clarity, accuracy, accessibility, interactivity).",
        issued_on="2024-11-22T16:45:00Z",
        recipient=_email("hag-6e9a1d34"),
        carrier="svg",
        tags=("Tableau", "data visualization", "dashboards"),
        alignments=(DATAVIZ_SOFTWARE, VISUAL_PRESENTATION, TABLEAU_TOOL),
        bars=(3, 4, 4),
    ),
    BadgeSpec(
        slug="data-cleaning-quality",
        issuer=HARBORVIEW,
        name="Data Cleaning and Quality Checks",
        description="Profiles a dataset, finds duplicates, outliers and missing values, and documents "
        "repeatable cleaning rules and data quality checks.",
        criteria="Cleaned a messy customer dataset and wrote a data quality report reviewed by two members.",
        issued_on="2025-07-18T10:30:00Z",
        recipient=_email("hag-b27f0c85"),
        hosted_class=True,
        tags=("data cleaning", "data quality", "data profiling"),
        alignments=(DATA_CLEANSING, DATA_QUALITY),
        bars=(4, 4, 2),
    ),
    BadgeSpec(
        slug="advanced-sql-window-functions",
        issuer=HARBORVIEW,
        name="Advanced SQL: Window Functions and CTEs",
        description="Writes analytical SQL with common table expressions, window functions (ROW_NUMBER, "
        "LAG, running totals) and subqueries in PostgreSQL.",
        criteria="Solved ten graded analytical query challenges on a PostgreSQL database, with query plans "
        "reviewed for efficiency.",
        issued_on="2025-09-12T15:00:00Z",
        recipient=RecipientSpec(LEARNER_EMAIL, "email", hashed=False),
        tags=("SQL", "PostgreSQL", "window functions"),
        alignments=(SQL, POSTGRESQL, SQL_TOOL),
        bars=(3, 4, 3),
    ),
    BadgeSpec(
        slug="dashboard-storytelling",
        issuer=HARBORVIEW,
        name="Dashboard Storytelling",
        description="Turns analysis into a clear story for decision makers: one message per view, "
        "annotations, and a short spoken walkthrough of the dashboard.",
        criteria="Presented a business dashboard to a panel of Guild members and answered their questions.",
        issued_on="2026-01-16T17:30:00Z",
        recipient=_email(None),
        tags=("data storytelling", "business intelligence", "presentation"),
        alignments=(PRESENTATION_TECHNIQUES, BUSINESS_INTELLIGENCE, SPEAKING),
        bars=(2, 3, 3),
    ),
    BadgeSpec(
        slug="ux-design-basics",
        issuer=MERIDIAN,
        name="UX Design Basics",
        description="Runs short user interviews, turns findings into personas and user journeys, and "
        "builds and tests low-fidelity wireframes and clickable prototypes.",
        criteria="Completed a two-week design sprint: research plan, five interviews, wireframes and a "
        "usability test with three participants.",
        issued_on="2024-07-26T14:00:00Z",
        recipient=_email("mds-8a4d2e61"),
        carrier="svg",
        tags=("UX", "user research", "wireframing", "prototyping"),
        alignments=(UX_PROTOTYPE, WIREFRAME, USABILITY, DESIGN),
        bars=(4, 2, 2),
    ),
    BadgeSpec(
        slug="accessible-data-visualization",
        issuer=MERIDIAN,
        name="Accessible Data Visualization",
        description="Designs charts that everyone can read: colour-blind safe palettes, contrast, direct "
        "labels, text alternatives and keyboard-friendly interactive views.",
        criteria="Redesigned three public charts for accessibility and documented each change.",
        issued_on="2025-11-07T12:00:00Z",
        recipient=RecipientSpec(LEARNER_URL, "url", hashed=True, salt="mds-f0c3b7a2"),
        carrier="png",
        tags=("data visualization", "accessibility", "information design"),
        alignments=(VISUAL_PRESENTATION, USABILITY, DESIGN),
        bars=(2, 4, 3),
    ),
)
