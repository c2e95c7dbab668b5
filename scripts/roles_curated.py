"""The curated built-in roles: common targets of career changers, each traced to O*NET occupation codes.

A spec names the role's core items; everything else comes from O*NET by the shared rules in
scripts/build_roles.py: choice groups of tools (`T`: the occupation's In Demand / Hot Technology tools of one
family, derived from their UNSPSC commodity; a spec may add a tool postings name and O*NET does not, or drop
one, and says why), foundation items (O*NET basic skills and knowledge of the codes) and requirements (job
zone, education, experience of the first code).

Each core set was checked against what job postings for the title ask for, from the author's knowledge of
typical US, UK and EU postings (2023-2025). The build had no internet access, so no live postings were
read; each role's notes say so and list what postings typically ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from build_roles import Derivation
    from roles_onet import OnetData

POSTINGS = (
    "Core checked against typical job postings for this title (the author's knowledge of US, UK and EU "
    "postings, 2023-2025; built without internet access, so not checked against live postings): "
)


@dataclass(frozen=True)
class S:
    """One core skill (a competency or a single tool)."""

    skill: str
    level: int
    weight: float
    required: bool = False
    why: str | None = None  # for a skill O*NET does not name for the occupation


@dataclass(frozen=True)
class T:
    """A choice group of tools derived from O*NET: the occupation's tools whose vocabulary family is `family`."""

    family: str
    level: int
    weight: float
    required: bool = False
    name: str | None = None
    add: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    why: str | None = None  # why tools were added or dropped
    need: int = 1


@dataclass(frozen=True)
class Spec:
    id: str
    title: str
    codes: tuple[str, ...]
    description: str
    core: tuple[S | T, ...]
    postings: str
    foundation_drop: tuple[str, ...] = field(default=())


def curated_document(spec: Spec, onet: OnetData, derivation: Derivation) -> dict[str, Any]:
    """A curated spec as a format 2 role document (groups derived, foundation and requirements from O*NET)."""
    profile = onet.profile(spec.codes)
    by_family = {group.family: group for group in derivation.tool_groups(profile.technologies, every=True)}
    flags = {}
    for technology in profile.technologies:
        skill_id = derivation.examples.get(technology.example)
        if skill_id and (technology.hot or technology.in_demand):
            current = flags.get(skill_id)
            if current is None or (technology.in_demand and not current[1]):
                flags[skill_id] = (technology.example, technology.in_demand)
    core: list[dict[str, Any]] = []
    taken: set[str] = set()
    singles = {item.skill for item in spec.core if isinstance(item, S)}  # a skill with its own item leaves groups
    for item in spec.core:
        if isinstance(item, T):
            group = by_family.get(item.family)
            members = [m for m in (group.members if group else []) if m not in item.drop and m not in singles]
            members += [a for a in item.add if a not in members and a not in singles]
            if not members:
                raise SystemExit(f"{spec.id}: no O*NET tool of family '{item.family}' for {spec.codes}")
            note = group.note() if group else "no O*NET tool of this family for the occupation"
            if item.add or item.drop:
                added = f"+ {', '.join(item.add)}" if item.add else ""
                dropped = f"- {', '.join(item.drop)}" if item.drop else ""
                changes = [added, dropped]
                note += f"; curation {' '.join(c for c in changes if c)}: {item.why}"
            if len(members) == 1:
                core.append({"skill": members[0], "level": item.level, "weight": item.weight,
                             "required": item.required, "note": note})
            else:
                name = item.name or (group.name if group else item.family)
                name = name[:1].upper() + name[1:]
                core.append({"any_of": members, "level": item.level, "weight": item.weight,
                             "required": item.required, "need": item.need, "name": name, "note": note})
            taken.update(members)
            continue
        note = _skill_note(item, flags, profile, derivation)
        core.append({"skill": item.skill, "level": item.level, "weight": item.weight, "required": item.required,
                     "note": note})
        taken.add(item.skill)
    foundation = derivation.foundation_items(profile, taken, spec.foundation_drop)
    titles = ", ".join(f"{c} {onet.titles[c]}" for c in spec.codes)
    notes = f"Curated from O*NET {titles}. " + POSTINGS + spec.postings
    if profile.rated_from and set(profile.rated_from) - set(spec.codes):
        notes += (
            " O*NET publishes no skill ratings for "
            + ", ".join(c for c in spec.codes if c not in profile.rated_from)
            + "; the foundation comes from "
            + ", ".join(f"{c} {onet.titles[c]}" for c in profile.rated_from)
            + "."
        )
    document: dict[str, Any] = {
        "format": 2,
        "id": spec.id,
        "title": spec.title,
        "description": spec.description,
        "source": {"name": "O*NET", "codes": list(spec.codes), "version": "29.3", "title": onet.titles[spec.codes[0]]},
    }
    requirements = derivation.requirements(profile)
    if requirements:
        document["requirements"] = requirements
    document["core"] = core
    if foundation:
        document["foundation_weight"] = 0.1
        document["foundation"] = foundation
    document["notes"] = notes
    return document


def _skill_note(item: S, flags: dict[str, tuple[str, bool]], profile: Any, derivation: Derivation) -> str:
    flag = flags.get(item.skill)
    if flag is not None:
        return f"O*NET technology ({'in demand' if flag[1] else 'hot technology'}): {flag[0]}"
    for rating in profile.ratings.values():
        if derivation.skill_of(rating.element) == item.skill:
            return f"O*NET {rating.element} importance {rating.importance:.2f}" + (
                f"; {item.why}" if item.why else ""
            )
    if not item.why:
        raise SystemExit(f"curated skill '{item.skill}' is neither an O*NET item of the role nor explained")
    return f"credwallet curation: {item.why}"


P = "common in postings"

CURATED: tuple[Spec, ...] = (
    # ------------------------------------------------------------------ data and BI
    Spec(
        "data-analyst", "Data Analyst", ("15-2051.01", "15-2041.00"),
        "Collects, cleans and analyses data to answer business questions, and presents the results in reports "
        "and dashboards.",
        (
            S("sql", 3, 1.0, True),
            T("spreadsheets", 3, 0.8, True, "spreadsheets", add=("google-sheets",), why="Google Sheets " + P),
            S("data-visualization", 3, 0.9, True, "the core of the job in every posting"),
            T("data-visualization", 3, 0.8, True, "BI tool", add=("looker",), why="Looker (Studio) " + P),
            S("statistics", 2, 0.7, True, "descriptive statistics and basic inference in most postings"),
            T("programming", 2, 0.6, False, "analysis language"),
            S("data-cleaning", 3, 0.6, False, "data preparation is named in most postings"),
            S("reporting", 2, 0.5, False, "recurring reports and KPIs"),
            S("presentation-skills", 2, 0.4, False, "presenting findings to stakeholders"),
        ),
        "SQL; Excel or Google Sheets; a BI tool (Tableau, Power BI or Looker); data visualization and "
        "dashboards; basic statistics; Python or R as a plus; cleaning data; reporting and presenting findings. "
        "Postings rarely ask for cloud platforms, ERP or PowerPoint by name, so O*NET's in-demand AWS, Azure, "
        "Oracle Cloud, SAP and PowerPoint are left out of the core.",
    ),
    Spec(
        "business-intelligence-analyst", "Business Intelligence Analyst", ("15-2051.01",),
        "Builds the data models, dashboards and reports a business runs on, from the warehouse to the BI tool.",
        (
            S("sql", 3, 1.0, True),
            T("data-visualization", 3, 1.0, True, "BI tool", add=("looker", "qlik"), why="Looker and Qlik " + P),
            S("data-modeling", 3, 0.8, True, "star schemas and semantic models in most BI postings"),
            S("data-warehousing", 2, 0.6, False, "warehouse concepts in most postings"),
            S("etl", 2, 0.5, False, "building and maintaining data pipelines"),
            T("spreadsheets", 3, 0.5),
            S("reporting", 3, 0.6, False, "KPI reporting"),
            T("programming", 2, 0.4, False, "scripting language"),
            S("stakeholder-management", 2, 0.4, False, "gathering reporting requirements"),
        ),
        "SQL; Power BI or Tableau (Looker, Qlik); data modelling (star schemas, DAX or LookML); data "
        "warehousing and ETL; Excel; reporting; Python as a plus; working with stakeholders on requirements.",
    ),
    Spec(
        "data-scientist", "Data Scientist", ("15-2051.00",),
        "Builds statistical and machine-learning models from data to predict, explain and decide.",
        (
            T("programming", 3, 1.0, True, "programming language", drop=("matlab", "cpp", "java", "c", "scala"),
              why="postings ask for Python or R; C, C++, Java, Scala and MATLAB are rare for this title"),
            S("sql", 3, 0.8, True),
            S("statistics", 3, 1.0, True, "statistical modelling in every posting"),
            S("machine-learning", 3, 1.0, True, "the defining skill of the title"),
            T("python", 3, 0.6, False, "Python data libraries"),
            S("data-visualization", 2, 0.5, False, "communicating results"),
            S("hypothesis-testing", 2, 0.5, False, "experiments and A/B tests"),
            T("deep-learning", 2, 0.4, False, "deep learning framework"),
            T("big-data", 2, 0.3, False, "big data tool"),
            T("cloud-computing", 2, 0.3, False, "cloud platform"),
            S("git", 2, 0.3),
        ),
        "Python (or R); SQL; statistics and machine learning (scikit-learn; TensorFlow or PyTorch for deep "
        "learning roles); experiments and A/B testing; visualization; Spark, cloud and Git as pluses; a "
        "quantitative degree.",
    ),
    Spec(
        "data-engineer", "Data Engineer", ("15-1243.00",),
        "Designs and builds the pipelines, warehouses and platforms analysts and data scientists rely on.",
        (
            S("sql", 3, 1.0, True),
            T("programming", 3, 0.9, True, "programming language", add=("scala",), why="Scala " + P),
            S("etl", 3, 1.0, True, "pipelines are the job"),
            S("data-warehousing", 3, 0.8, True, "warehouse design in most postings"),
            S("data-modeling", 3, 0.6, False, "modelling for analytics"),
            T("big-data", 2, 0.6, False, "distributed processing", add=("kafka",), why="Kafka " + P),
            T("cloud-computing", 2, 0.7, False, "cloud platform", add=("google-cloud",), why="GCP " + P),
            S("airflow", 2, 0.4, False, "orchestration (Airflow) " + P),
            S("snowflake", 2, 0.3, False, "cloud warehouses (Snowflake, BigQuery, Redshift) " + P),
            S("git", 2, 0.3, False, "version control " + P),
        ),
        "SQL; Python (or Scala/Java); ETL/ELT pipelines; data warehousing and modelling; Spark and Kafka; a "
        "cloud platform (AWS, Azure or GCP) and its warehouse (Redshift, Synapse, BigQuery, Snowflake); "
        "Airflow or dbt; Git and CI.",
    ),
    Spec(
        "database-administrator", "Database Administrator", ("15-1242.00",),
        "Installs, secures, tunes, backs up and recovers the databases an organisation depends on.",
        (
            S("databases", 3, 1.0, True, "administration of relational databases"),
            S("sql", 3, 1.0, True),
            T("databases", 3, 0.9, True, "database platform", drop=("sql",), why="SQL is its own core item"),
            T("operating-systems", 2, 0.6, False, "server operating system", add=("windows-server",),
              why="Windows Server " + P),
            T("shell-scripting", 2, 0.4, False, "scripting", add=("bash", "powershell"), why="scripting " + P),
            T("cloud-computing", 2, 0.5, False, "cloud database platform"),
            S("data-modeling", 2, 0.4, False, "schema design"),
            S("cybersecurity", 2, 0.4, False, "access control, encryption and auditing of databases"),
        ),
        "SQL Server, Oracle, PostgreSQL or MySQL administration; backup and recovery; performance tuning; SQL "
        "and scripting (PowerShell, Bash); Linux or Windows Server; cloud databases (RDS, Azure SQL); security.",
    ),
    # ------------------------------------------------------------------ software and web
    Spec(
        "software-developer", "Software Developer", ("15-1252.00",),
        "Designs, writes, tests and maintains software applications and systems.",
        (
            T("programming", 3, 1.0, True, "programming language"),
            S("software-development", 3, 0.9, True, "the job itself"),
            S("git", 3, 0.7, True),
            S("software-testing", 2, 0.6, False, "unit and integration tests in most postings"),
            S("sql", 2, 0.6, False),
            S("algorithms", 2, 0.5, False, "data structures and algorithms in interviews and postings"),
            T("cloud-computing", 2, 0.5, False, "cloud platform", add=("google-cloud",), why="GCP " + P),
            T("containers", 2, 0.4, False, "containers"),
            S("ci-cd", 2, 0.4, False, "CI/CD " + P),
            S("agile", 2, 0.4, False, "agile teams (Scrum, Kanban)"),
            S("apis", 2, 0.4, False, "REST APIs " + P),
        ),
        "one or more languages (Java, Python, C#, JavaScript/TypeScript, C++); Git; testing; SQL; data "
        "structures and algorithms; REST APIs; cloud (AWS, Azure, GCP), Docker and CI/CD; agile teams; a "
        "computing degree or equivalent experience.",
    ),
    Spec(
        "web-developer", "Web Developer", ("15-1254.00",),
        "Builds and maintains websites and web applications, from the page in the browser to the server.",
        (
            S("html", 3, 0.9, True),
            S("css", 3, 0.9, True),
            S("javascript", 3, 1.0, True),
            T("javascript", 3, 0.8, False, "JavaScript framework", drop=("jquery", "nodejs"),
              why="frameworks only; Node.js is the back-end item and jQuery is legacy"),
            T("programming", 2, 0.6, False, "back-end language", drop=("javascript", "java", "csharp", "go"),
              add=("nodejs",), why="web postings name Node.js, PHP or Python for the back end"),
            S("git", 2, 0.6, False),
            T("databases", 2, 0.5, False, "database"),
            S("responsive-design", 2, 0.5, False, "mobile-first layouts " + P),
            S("web-accessibility", 2, 0.3, False, "WCAG " + P),
            S("apis", 2, 0.4, False, "REST APIs " + P),
        ),
        "HTML, CSS and JavaScript; a framework (React, Angular, Vue); a back end (Node.js, PHP, Python); Git; "
        "SQL databases; responsive design and accessibility; REST APIs; WordPress for agency roles.",
    ),
    Spec(
        "front-end-developer", "Front-End Developer", ("15-1254.00", "15-1255.00"),
        "Builds the part of web applications people see and use: layouts, components, interactions.",
        (
            S("javascript", 3, 1.0, True),
            S("html", 3, 0.8, True),
            S("css", 3, 0.8, True),
            T("javascript", 3, 0.9, True, "JavaScript framework", drop=("jquery", "nodejs"),
              why="front-end frameworks only"),
            S("typescript", 2, 0.6, False),
            S("responsive-design", 3, 0.6, False, "mobile-first layouts in every posting"),
            S("web-accessibility", 2, 0.5, False, "WCAG " + P),
            S("git", 2, 0.5, False),
            S("figma", 2, 0.3, False),
            S("software-testing", 2, 0.3, False, "component and end-to-end tests"),
        ),
        "JavaScript and TypeScript; HTML and CSS; React (or Vue, Angular); responsive design; accessibility; "
        "Git; testing; working from Figma designs.",
    ),
    Spec(
        "qa-tester", "Software QA Tester", ("15-1253.00",),
        "Plans and runs manual and automated tests so software works before and after it ships.",
        (
            S("software-testing", 3, 1.0, True, "the job itself"),
            S("selenium", 2, 0.6, False),
            T("programming", 2, 0.6, False, "test automation language", drop=("apache-jmeter", "cpp", "c"),
              why="automation postings name Java, Python, JavaScript or C#"),
            S("jira", 2, 0.5, False),
            S("sql", 2, 0.5, False),
            S("agile", 2, 0.4, False, "agile teams"),
            S("ci-cd", 2, 0.3, False, "tests in CI pipelines " + P),
            S("apis", 2, 0.4, False, "API testing (Postman) " + P),
            S("git", 2, 0.3),
        ),
        "test planning and test cases; manual and automated testing (Selenium, Cypress, Playwright); a "
        "language for automation (Java, Python, JavaScript); API testing (Postman); SQL; Jira; agile; CI; "
        "ISTQB certification as a plus.",
    ),
    # ------------------------------------------------------------------ cloud, infrastructure, support
    Spec(
        "cloud-engineer", "Cloud Engineer", ("15-1299.08",),
        "Builds, automates and runs an organisation's infrastructure on a cloud platform.",
        (
            T("cloud-computing", 3, 1.0, True, "cloud platform", add=("google-cloud",), why="GCP " + P),
            S("linux", 3, 0.8, True),
            T("infrastructure-as-code", 3, 0.8, False, "infrastructure as code", add=("aws-cloudformation",),
              why="CloudFormation " + P),
            T("containers", 2, 0.7, False, "containers"),
            S("networking", 2, 0.6, False, "VPCs, DNS, load balancing"),
            T("shell-scripting", 2, 0.5, False, "scripting"),
            S("python", 2, 0.4),
            S("ci-cd", 2, 0.5, False, "pipelines " + P),
            S("cloud-security", 2, 0.5, False, "IAM and security groups in every posting"),
            S("monitoring", 2, 0.3, False, "monitoring and logging " + P),
        ),
        "AWS, Azure or GCP (with its certifications); Linux; Terraform or CloudFormation; Docker and "
        "Kubernetes; networking; scripting (Bash, Python, PowerShell); CI/CD; IAM and cloud security; "
        "monitoring.",
    ),
    Spec(
        "devops-engineer", "DevOps Engineer", ("15-1299.08", "15-1252.00"),
        "Automates how software is built, tested, deployed and run, and keeps production reliable.",
        (
            S("ci-cd", 3, 1.0, True, "pipelines are the job"),
            T("containers", 3, 0.9, True, "containers"),
            T("cloud-computing", 3, 0.8, True, "cloud platform", add=("google-cloud",), why="GCP " + P),
            T("infrastructure-as-code", 3, 0.8, False, "infrastructure as code"),
            S("linux", 3, 0.7, True),
            S("git", 3, 0.6, False),
            T("shell-scripting", 2, 0.5, False, "scripting"),
            S("python", 2, 0.4),
            S("monitoring", 2, 0.5, False, "observability (Prometheus, Grafana) " + P),
        ),
        "CI/CD (Jenkins, GitHub Actions, GitLab CI); Docker and Kubernetes; AWS, Azure or GCP; Terraform or "
        "Ansible; Linux; Git; scripting (Bash, Python); monitoring and on-call.",
    ),
    Spec(
        "network-administrator", "Network and Systems Administrator", ("15-1244.00",),
        "Installs, configures and supports an organisation's networks, servers and user accounts.",
        (
            S("networking", 3, 1.0, True, "the job itself"),
            S("system-administration", 3, 0.9, True, "servers and users"),
            T("operating-systems", 3, 0.8, True, "server operating system", add=("windows-server",),
              why="Windows Server in most postings"),
            S("active-directory", 2, 0.7, False),
            S("tcp-ip", 3, 0.6, False, "TCP/IP, DNS, DHCP in every posting"),
            S("network-security", 2, 0.6, False, "firewalls, VPN"),
            S("routing-and-switching", 2, 0.5, False, "Cisco routing and switching " + P),
            T("shell-scripting", 2, 0.4, False, "scripting"),
            S("virtualization", 2, 0.4, False, "VMware or Hyper-V " + P),
            S("troubleshooting", 3, 0.6, False),
        ),
        "networking (TCP/IP, DNS, DHCP, VLANs), Cisco routers and switches; Windows Server and Active "
        "Directory; Linux; firewalls and VPN; virtualization; scripting (PowerShell, Bash); troubleshooting; "
        "CCNA, Network+ or Microsoft certifications.",
    ),
    Spec(
        "it-support-specialist", "IT Support Specialist", ("15-1232.00",),
        "Helps people with their computers, accounts, devices and software, in person and through a help desk.",
        (
            S("it-support", 3, 1.0, True, "help desk support is the job"),
            S("troubleshooting", 3, 0.9, True),
            T("operating-systems", 2, 0.8, True, "desktop operating system"),
            S("customer-service", 3, 0.7, False),
            S("active-directory", 2, 0.6, False),
            S("hardware", 2, 0.5, False, "PC hardware and peripherals " + P),
            S("networking", 2, 0.5, False, "basic networking " + P),
            S("it-service-management", 2, 0.4, False, "ticketing and ITIL " + P),
            S("microsoft-office", 2, 0.3, False, "Microsoft 365 support " + P),
        ),
        "help desk and ticketing (ServiceNow, Jira Service Management, ITIL); troubleshooting Windows and "
        "macOS; Active Directory and Microsoft 365; hardware; basic networking; customer service; CompTIA A+ "
        "or Google IT Support as an entry credential.",
    ),
    # ------------------------------------------------------------------ security
    Spec(
        "cybersecurity-analyst", "Cybersecurity Analyst", ("15-1212.00",),
        "Monitors, detects, investigates and responds to security threats, and hardens systems against them.",
        (
            S("cybersecurity", 3, 1.0, True, "the job itself"),
            S("security-operations", 3, 0.8, False, "monitoring and SIEM work in most postings"),
            S("incident-response", 3, 0.8, True, "incident handling in most postings"),
            S("network-security", 3, 0.8, False, "firewalls, IDS/IPS"),
            S("vulnerability-management", 2, 0.6, False, "scanning and patching " + P),
            S("splunk", 2, 0.5),
            S("linux", 2, 0.4),
            S("networking", 2, 0.5, False, "TCP/IP fundamentals " + P),
            S("risk-management", 2, 0.4, False, "risk assessment and frameworks (NIST, ISO 27001)"),
            S("python", 2, 0.3),
        ),
        "security monitoring and SIEM (Splunk, Sentinel); incident response; network security; vulnerability "
        "management; networking and Linux fundamentals; frameworks (NIST, ISO 27001); scripting; Security+ "
        "or similar certifications.",
    ),
    Spec(
        "penetration-tester", "Penetration Tester", ("15-1299.04",),
        "Tests systems, networks and applications the way an attacker would, and reports how to fix them.",
        (
            S("penetration-testing", 3, 1.0, True, "the job itself"),
            T("penetration-testing", 3, 0.8, True, "testing toolkit"),
            S("networking", 3, 0.7, False, "networks and protocols " + P),
            S("linux", 3, 0.6, False),
            S("owasp", 2, 0.6, False, "web application testing (OWASP Top 10) " + P),
            T("programming", 2, 0.5, False, "scripting language", drop=("cpp", "java", "c", "csharp", "go", "ruby"),
              why="postings ask for Python, Bash or PowerShell scripting"),
            S("kali-linux", 2, 0.4),
            S("writing", 2, 0.4, False, "clear findings reports"),
        ),
        "network and web application testing; Burp Suite, Metasploit, Nmap; Linux (Kali); networking; OWASP; "
        "scripting (Python, Bash); report writing; OSCP, PenTest+ or CEH.",
    ),
    # ------------------------------------------------------------------ design
    Spec(
        "ux-designer", "UX Designer", ("15-1255.00",),
        "Researches users and designs the structure, flows and interfaces of digital products.",
        (
            S("ux-design", 3, 1.0, True, "the job itself"),
            S("ux-research", 3, 0.9, True, "user research and usability testing in every posting"),
            S("wireframing", 3, 0.9, True, "wireframes and prototypes"),
            T("ui-design", 3, 0.8, True, "design tool", add=("sketch",), why="Sketch " + P),
            S("ui-design", 2, 0.6, False, "visual interface design"),
            S("information-architecture", 2, 0.5, False, P),
            S("web-accessibility", 2, 0.5, False, "WCAG " + P),
            S("html", 1, 0.2, False),
        ),
        "user research and usability testing; wireframes and prototypes; Figma (Sketch, Adobe XD); interaction "
        "and visual design; information architecture; accessibility; a portfolio. Front-end frameworks "
        "(Angular, React, Java) that O*NET lists for web interface designers are not asked of UX designers "
        "and are left out.",
    ),
    Spec(
        "graphic-designer", "Graphic Designer", ("27-1024.00",),
        "Creates visual designs for print and screen: brand identities, layouts, illustrations, marketing.",
        (
            S("graphic-design", 3, 1.0, True, "the job itself"),
            T("graphic-design", 3, 0.9, True, "Adobe design tool", add=("canva",), why="Canva " + P),
            S("design-knowledge", 3, 0.6, False),
            S("brand-management", 2, 0.4, False, "brand guidelines " + P),
            S("figma", 2, 0.4),
            S("video-editing", 1, 0.2, False, "motion and video " + P),
        ),
        "Adobe Creative Cloud (Photoshop, Illustrator, InDesign); typography, layout and colour; branding; "
        "print and digital production; Figma or Canva; a portfolio; motion graphics as a plus.",
    ),
    # ------------------------------------------------------------------ marketing and sales
    Spec(
        "digital-marketer", "Digital Marketer", ("13-1161.01", "13-1161.00"),
        "Plans and runs online marketing: search, social media, content and email, measured with analytics.",
        (
            S("digital-marketing", 3, 1.0, True, "the job itself"),
            T("web-analytics", 3, 0.9, True, "analytics tool"),
            S("seo", 3, 0.8, True, "search engine optimization in most postings"),
            T("sem", 2, 0.7, False, "ads platform"),
            S("social-media-marketing", 2, 0.7, False, "social media campaigns " + P),
            S("content-marketing", 2, 0.6, False, "content and copywriting " + P),
            S("email-marketing", 2, 0.5, False, "email campaigns " + P),
            S("marketing-automation", 2, 0.4, False, "HubSpot, Marketo " + P),
            T("content-management-systems", 2, 0.3, False, "content management system"),
            S("excel", 2, 0.3),
        ),
        "SEO and SEM; Google Analytics and Tag Manager; Google Ads (and social ads); social media; content and "
        "email marketing; HubSpot or similar; a CMS (WordPress); Excel. Programming languages, HTML and CSS, "
        "which O*NET lists for search marketing strategists, are rare in marketer postings and are left out.",
    ),
    Spec(
        "marketing-manager", "Marketing Manager", ("11-2021.00",),
        "Plans marketing strategy and campaigns, manages budgets and a team, and measures results.",
        (
            S("sales-and-marketing", 3, 0.9, True),
            S("digital-marketing", 3, 0.8, True, "digital channels in most postings"),
            S("brand-management", 3, 0.6, False, "brand strategy " + P),
            S("market-research", 2, 0.5, False, "customer and market insight " + P),
            S("budgeting", 2, 0.5, False, "campaign budgets"),
            S("web-analytics", 2, 0.5, False, "measuring campaign results"),
            S("leadership", 2, 0.5, False, "managing a team"),
            S("crm", 2, 0.4, False, "CRM and marketing automation " + P),
            S("project-management", 2, 0.4, False, "running campaigns"),
        ),
        "marketing strategy; digital campaigns across channels; brand; analytics and reporting; budgets; team "
        "leadership; CRM and marketing automation (Salesforce, HubSpot); several years of marketing "
        "experience.",
    ),
    Spec(
        "market-research-analyst", "Market Research Analyst", ("13-1161.00",),
        "Studies markets, customers and competitors through surveys and data, and reports what they mean.",
        (
            S("market-research", 3, 1.0, True, "the job itself"),
            S("data-analysis", 3, 0.9, True, "analysing survey and sales data"),
            S("statistics", 2, 0.7, False, "survey statistics " + P),
            S("excel", 3, 0.7, True),
            S("data-visualization", 2, 0.5, False, "charts and dashboards"),
            S("spss", 2, 0.4, False, "SPSS, R or Python for analysis " + P),
            S("presentation-skills", 2, 0.5, False, "presenting insights"),
            S("writing", 2, 0.4, False, "research reports"),
            S("sql", 2, 0.3, False, P),
        ),
        "survey design and research methods; data analysis in Excel and SPSS (or R, Python); statistics; "
        "visualization (Tableau, Power BI); reports and presentations; SQL as a plus.",
    ),
    Spec(
        "social-media-specialist", "Social Media Specialist", ("27-3031.00", "13-1161.01"),
        "Runs an organisation's social media: content calendars, posts, community, paid social and reporting.",
        (
            S("social-media-marketing", 3, 1.0, True, "the job itself"),
            S("content-marketing", 3, 0.8, True, "creating content and copy"),
            T("graphic-design", 2, 0.5, False, "design tool", drop=("adobe-creative-cloud",),
              why="postings name Canva and Photoshop"),
            S("web-analytics", 2, 0.6, False, "social analytics and reporting " + P),
            S("communications-and-media", 3, 0.5, False),
            S("video-editing", 2, 0.4, False, "short-form video " + P),
            S("writing", 3, 0.5, False),
        ),
        "social media platforms and scheduling tools; content and copywriting; Canva or Photoshop; short-form "
        "video; community management; paid social; analytics and reporting.",
    ),
    Spec(
        "sales-representative", "Sales Representative", ("41-3091.00",),
        "Finds and wins customers for a company's services, and keeps the accounts growing.",
        (
            S("sales", 3, 1.0, True, "the job itself"),
            S("crm", 2, 0.7, True, "CRM in every posting"),
            S("salesforce", 2, 0.5),
            S("negotiation", 3, 0.6, False),
            S("customer-service", 3, 0.6, False),
            S("persuasion", 3, 0.5, False),
            S("speaking", 3, 0.4, False),
        ),
        "prospecting and closing; CRM (Salesforce, HubSpot); negotiation; customer relationships; "
        "communication; targets and pipeline reporting.",
    ),
    Spec(
        "sales-operations-analyst", "Sales Operations Analyst", ("13-1111.00", "15-2051.01"),
        "Runs the data, tools and processes behind a sales team: CRM, pipeline reporting, forecasts, territories.",
        (
            S("crm", 3, 1.0, True, "CRM administration and data in every posting"),
            S("salesforce", 3, 0.8, False, "Salesforce " + P),
            S("excel", 3, 0.9, True),
            S("reporting", 3, 0.8, True, "pipeline and performance reporting"),
            S("forecasting", 2, 0.6, False, "sales forecasts " + P),
            T("data-visualization", 2, 0.6, False, "BI tool"),
            S("sql", 2, 0.5, False),
            S("process-improvement", 2, 0.4, False, "sales process " + P),
            S("stakeholder-management", 2, 0.4, False, "working with sales leaders"),
        ),
        "Salesforce (or HubSpot) administration and reporting; Excel; pipeline and forecast reporting; "
        "dashboards (Tableau, Power BI); SQL as a plus; process improvement; working with sales leadership. "
        "O*NET has no sales operations occupation: the role is traced to Management Analysts and Business "
        "Intelligence Analysts.",
    ),
    # ------------------------------------------------------------------ project and product
    Spec(
        "project-manager", "Project Manager", ("13-1082.00",),
        "Plans and leads projects to deliver on scope, time and budget, coordinating people and stakeholders.",
        (
            S("project-management", 3, 1.0, True, "the job itself"),
            S("stakeholder-management", 3, 0.8, True, "stakeholder communication in every posting"),
            S("risk-management", 2, 0.6, False, "risks and issues"),
            S("budgeting", 2, 0.5, False, "project budgets"),
            S("agile", 2, 0.6, False, "agile and hybrid delivery " + P),
            T("project-management-software", 2, 0.6, False, "project tool", add=("jira", "asana"),
              why="Jira and Asana " + P),
            S("excel", 2, 0.4),
            S("leadership", 2, 0.4, False, "leading project teams"),
        ),
        "planning and scheduling; stakeholder management; risk, issue and budget management; agile and "
        "waterfall methods; MS Project, Jira, Asana or Smartsheet; leading teams; PMP, PRINCE2 or CAPM. "
        "Customer service, which O*NET's related occupations rate highly, is not a project manager posting "
        "requirement and stays in the foundation.",
    ),
    Spec(
        "it-project-manager", "IT Project Manager", ("15-1299.09",),
        "Leads technology projects, from software delivery to system roll-outs, with technical teams.",
        (
            S("project-management", 3, 1.0, True, "the job itself"),
            S("agile", 3, 0.8, True, "agile delivery in most IT postings"),
            S("scrum", 2, 0.5, False, P),
            S("stakeholder-management", 3, 0.7, False, "business and technical stakeholders"),
            S("jira", 2, 0.6),
            S("risk-management", 2, 0.5, False, "risks and dependencies"),
            S("budgeting", 2, 0.4, False, "project budgets"),
            S("software-development", 1, 0.3, False, "understanding the software life cycle " + P),
        ),
        "IT project delivery; agile and Scrum (and waterfall); stakeholder management; Jira and Confluence; "
        "risk and budget; technical fluency with the software life cycle; PMP, PRINCE2, CSM.",
    ),
    Spec(
        "scrum-master", "Scrum Master", ("15-1299.09",),
        "Coaches an agile team in Scrum, runs its events and removes what blocks it.",
        (
            S("scrum", 3, 1.0, True, "the job itself"),
            S("agile", 3, 0.9, True, "agile coaching"),
            S("jira", 2, 0.6),
            S("kanban", 2, 0.4, False, P),
            S("stakeholder-management", 2, 0.5, False, "working with product owners and stakeholders"),
            S("instructing", 2, 0.4, False, "coaching the team"),
            S("conflict-resolution", 2, 0.3, False, "team facilitation " + P),
        ),
        "Scrum and agile practices; facilitating events; Jira and Confluence; Kanban; coaching; removing "
        "impediments; PSM or CSM certification.",
    ),
    Spec(
        "product-manager", "Product Manager", ("11-2021.00", "15-1299.09"),
        "Decides what a product should do next and why, and works with design and engineering to ship it.",
        (
            S("product-management", 3, 1.0, True, "the job itself"),
            S("stakeholder-management", 3, 0.7, True, "aligning teams and stakeholders"),
            S("ux-research", 2, 0.6, False, "customer discovery " + P),
            S("data-analysis", 2, 0.6, False, "product metrics " + P),
            S("agile", 2, 0.6, False, "agile delivery with engineering"),
            S("market-research", 2, 0.4, False, "market and competitor analysis"),
            S("jira", 2, 0.4, False, P),
            S("sql", 1, 0.3, False, "self-serve analytics " + P),
            S("hypothesis-testing", 1, 0.3, False, "A/B tests " + P),
        ),
        "product strategy and roadmaps; discovery and user research; prioritisation; working with design and "
        "engineering in agile teams; product analytics and A/B testing (SQL as a plus); stakeholder "
        "management. O*NET lists Product Manager under Marketing Managers; IT Project Managers add delivery.",
    ),
    Spec(
        "business-analyst", "Business Analyst", ("13-1111.00", "15-1211.00"),
        "Works out what a business needs, writes it down as requirements, and helps teams deliver the change.",
        (
            S("business-analysis", 3, 1.0, True, "requirements and process analysis"),
            S("stakeholder-management", 3, 0.8, True, "workshops and interviews"),
            S("process-improvement", 2, 0.5, False, "process mapping " + P),
            S("excel", 3, 0.6, False),
            S("sql", 2, 0.5, False, P),
            T("data-visualization", 2, 0.4, False, "BI tool"),
            S("visio", 2, 0.3, False),
            S("agile", 2, 0.4, False, "user stories and backlogs " + P),
            S("jira", 2, 0.3),
            S("data-analysis", 2, 0.5, False, P),
        ),
        "requirements elicitation and documentation (user stories, BRDs); process mapping (BPMN, Visio); "
        "stakeholder workshops; data analysis in Excel and SQL; dashboards; agile delivery with Jira; CBAP or "
        "ECBA as a plus.",
    ),
    # ------------------------------------------------------------------ finance and accounting
    Spec(
        "financial-analyst", "Financial Analyst", ("13-2051.00",),
        "Analyses financial data to forecast performance, value investments and support business decisions.",
        (
            S("financial-analysis", 3, 1.0, True, "financial modelling and analysis"),
            S("excel", 4, 1.0, True),
            S("accounting", 2, 0.6, False, "reading financial statements"),
            S("forecasting", 3, 0.7, False, "budgets and forecasts " + P),
            T("data-visualization", 2, 0.4, False, "BI tool"),
            S("sql", 2, 0.3, False, P),
            S("powerpoint", 2, 0.4),
            S("economics-and-accounting", 3, 0.5, False),
        ),
        "financial modelling in Excel; budgeting and forecasting; financial statements and accounting; "
        "valuation; reporting and presentations; Power BI or Tableau and SQL as pluses; CFA progress for "
        "investment roles.",
    ),
    Spec(
        "accountant", "Accountant", ("13-2011.00",),
        "Prepares and checks financial records, statements and tax returns, and keeps them compliant.",
        (
            S("accounting", 3, 1.0, True, "the job itself"),
            S("excel", 3, 0.8, True),
            T("accounting", 2, 0.6, False, "accounting software", add=("quickbooks",), why="QuickBooks " + P),
            T("erp", 2, 0.4, False, "ERP system"),
            S("tax-preparation", 2, 0.5, False, "tax returns " + P),
            S("auditing", 2, 0.5, False, "audits and reconciliations " + P),
            S("financial-analysis", 2, 0.4, False, "financial reporting"),
            S("regulatory-compliance", 2, 0.3, False, "GAAP/IFRS compliance"),
        ),
        "general ledger, reconciliations and month-end close; financial statements (GAAP or IFRS); tax; audit "
        "support; Excel; accounting software and ERP (QuickBooks, Xero, SAP, NetSuite); CPA/ACCA progress.",
    ),
    Spec(
        "bookkeeper", "Bookkeeper", ("43-3031.00",),
        "Records a business's transactions, reconciles accounts and runs payroll and invoices.",
        (
            S("accounting", 2, 1.0, True, "bookkeeping is the job"),
            T("accounting", 2, 0.8, True, "accounting software", add=("quickbooks",), why="QuickBooks " + P),
            S("excel", 2, 0.6, False),
            S("payroll", 2, 0.5, False, "payroll " + P),
            S("clerical", 2, 0.4, False, "data entry and records"),
            S("attention-to-detail", 2, 0.3, False, "accuracy " + P),
        ),
        "accounts payable and receivable; bank reconciliations; QuickBooks, Xero or Sage; Excel; payroll; "
        "invoicing; accuracy.",
    ),
    # ------------------------------------------------------------------ people
    Spec(
        "hr-specialist", "HR Specialist", ("13-1071.00",),
        "Handles recruiting, onboarding, employee relations, benefits and HR records and policy.",
        (
            S("human-resources", 3, 1.0, True),
            S("recruiting", 2, 0.7, False, "recruiting " + P),
            S("employment-law", 2, 0.6, False, "employment law and policy " + P),
            T("erp", 2, 0.5, False, "HR information system", add=("workday",), why="Workday " + P),
            S("excel", 2, 0.4),
            S("payroll", 1, 0.3, False, "payroll and benefits " + P),
            S("writing", 2, 0.3, False),
        ),
        "recruiting and onboarding; employee relations; employment law and policy; benefits and payroll; an "
        "HRIS (Workday, BambooHR, SAP SuccessFactors); Excel; SHRM-CP or CIPD as a plus.",
    ),
    Spec(
        "recruiter", "Recruiter", ("13-1071.00",),
        "Finds, screens and hires candidates, working with hiring managers from job brief to offer.",
        (
            S("recruiting", 3, 1.0, True, "the job itself"),
            S("human-resources", 2, 0.5, False),
            S("negotiation", 2, 0.5, False, "offers " + P),
            S("social-media-marketing", 1, 0.3, False, "sourcing on LinkedIn " + P),
            S("crm", 2, 0.4, False, "applicant tracking systems " + P),
            S("speaking", 3, 0.4, False),
        ),
        "full-cycle recruiting; sourcing (LinkedIn Recruiter, boolean search); screening and interviewing; "
        "applicant tracking systems (Greenhouse, Workday); offer negotiation; working with hiring managers.",
    ),
    Spec(
        "instructional-designer", "Instructional Designer", ("25-9031.00",),
        "Designs courses and training, from learning objectives to e-learning modules and assessments.",
        (
            S("instructional-design", 3, 1.0, True, "the job itself"),
            T("instructional-design", 2, 0.6, False, "e-learning tool", add=("articulate-storyline",),
              why="Articulate Storyline/Rise " + P),
            S("education-and-training", 3, 0.6, False),
            S("writing", 3, 0.5, False),
            S("video-editing", 1, 0.3, False, "video for learning " + P),
            S("project-management", 2, 0.3, False, "managing course projects " + P),
        ),
        "instructional design (ADDIE, learning objectives, assessment); e-learning authoring (Articulate "
        "Storyline and Rise, Captivate); an LMS; writing; video; a portfolio; often a teaching background.",
    ),
    # ------------------------------------------------------------------ health
    Spec(
        "health-informatics-specialist", "Health Informatics Specialist", ("15-1211.01",),
        "Manages and analyses health data and clinical information systems to improve care and operations.",
        (
            S("health-informatics", 3, 1.0, True, "the job itself"),
            S("epic", 2, 0.5, False, "EHR systems (Epic, Cerner) " + P),
            S("sql", 2, 0.7, False),
            S("data-analysis", 2, 0.7, False, "analysing clinical and operational data"),
            T("data-visualization", 2, 0.4, False, "BI tool"),
            S("regulatory-compliance", 2, 0.5, False, "HIPAA and data privacy"),
            S("medicine", 2, 0.4, False),
            S("excel", 2, 0.3),
        ),
        "EHR systems (Epic, Cerner); health data standards (HL7, FHIR, ICD-10); SQL and data analysis; "
        "dashboards; HIPAA; clinical workflows; often a clinical or health IT background.",
    ),
    Spec(
        "medical-coder", "Medical Coder", ("29-2072.00",),
        "Turns medical records into diagnosis and procedure codes for billing, reporting and research.",
        (
            S("medical-coding", 3, 1.0, True, "ICD-10, CPT and HCPCS coding is the job"),
            S("medicine", 2, 0.7, True, "medical terminology and anatomy"),
            S("health-informatics", 2, 0.5, False, "EHR and health records"),
            S("regulatory-compliance", 2, 0.4, False, "HIPAA and coding compliance"),
            S("epic", 1, 0.3),
            S("attention-to-detail", 2, 0.3, False, "coding accuracy " + P),
        ),
        "ICD-10-CM, CPT and HCPCS coding; medical terminology and anatomy; EHR systems (Epic, Cerner); HIPAA; "
        "accuracy; CPC or CCS certification.",
    ),
    # ------------------------------------------------------------------ supply chain and operations
    Spec(
        "logistics-analyst", "Logistics Analyst", ("13-1081.02",),
        "Analyses supply chain and transport data to improve inventory, delivery times and costs.",
        (
            S("supply-chain-management", 3, 0.9, True, "supply chain analysis"),
            S("logistics", 3, 0.8, True, "transport and distribution"),
            S("excel", 3, 0.9, True),
            S("inventory-management", 2, 0.6, False, "inventory and demand planning " + P),
            S("data-analysis", 3, 0.7, False, "analysing logistics data"),
            T("erp", 2, 0.5, False, "ERP system"),
            S("sql", 2, 0.5),
            T("data-visualization", 2, 0.4, False, "BI tool"),
        ),
        "logistics and supply chain data analysis; Excel (advanced); SQL; ERP (SAP, Oracle); Tableau or "
        "Power BI; inventory and demand planning; transport and warehousing knowledge; APICS/ASCM as a plus.",
    ),
    Spec(
        "supply-chain-manager", "Supply Chain Manager", ("11-3071.04",),
        "Runs the flow of goods from suppliers to customers: sourcing, planning, inventory and logistics.",
        (
            S("supply-chain-management", 3, 1.0, True, "the job itself"),
            S("procurement", 3, 0.7, False, "sourcing and suppliers " + P),
            S("logistics", 3, 0.7, False, "transport and distribution " + P),
            S("inventory-management", 3, 0.6, False, "planning and inventory " + P),
            T("erp", 2, 0.5, False, "ERP system"),
            S("negotiation", 3, 0.5, False),
            S("leadership", 3, 0.5, False, "leading teams"),
            S("excel", 3, 0.4),
        ),
        "end-to-end supply chain; sourcing and supplier management; planning and inventory; logistics; ERP "
        "(SAP, Oracle); negotiation; team leadership; several years of experience; APICS/CIPS as a plus.",
    ),
    Spec(
        "buyer", "Purchasing Agent / Buyer", ("13-1023.00",),
        "Buys the goods and services an organisation needs: finds suppliers, negotiates and places orders.",
        (
            S("procurement", 3, 1.0, True, "the job itself"),
            S("negotiation", 3, 0.8, True),
            S("excel", 2, 0.6),
            T("erp", 2, 0.5, False, "ERP system"),
            S("inventory-management", 2, 0.4, False, P),
            S("supply-chain-management", 2, 0.4, False, P),
        ),
        "sourcing and supplier management; negotiation; purchase orders; ERP (SAP, Oracle); Excel; inventory; "
        "CIPS or CPSM as a plus.",
    ),
    Spec(
        "operations-research-analyst", "Operations Research Analyst", ("15-2031.00",),
        "Uses mathematical models, optimisation and simulation to help organisations decide and plan.",
        (
            S("operations-research", 3, 1.0, True, "optimisation and simulation " + P),
            S("mathematics", 3, 0.8, True),
            S("statistics", 3, 0.7, False, "statistical modelling " + P),
            T("programming", 3, 0.8, True, "programming language", add=("r",), why="R " + P),
            S("sql", 2, 0.6),
            S("excel", 3, 0.5),
            T("data-visualization", 2, 0.3, False, "BI tool"),
        ),
        "optimisation, simulation and forecasting models; mathematics and statistics; Python (or R) and "
        "solvers; SQL; Excel; presenting recommendations; a quantitative master's degree is common.",
    ),
    # ------------------------------------------------------------------ other
    Spec(
        "technical-writer", "Technical Writer", ("27-3042.00",),
        "Writes the manuals, guides, help pages and API documentation people use to understand products.",
        (
            S("technical-writing", 3, 1.0, True, "the job itself"),
            S("writing", 3, 0.8, True),
            S("confluence", 2, 0.4),
            S("information-architecture", 2, 0.4, False, "structuring documentation " + P),
            S("html", 1, 0.3, False, "docs as code (Markdown, HTML) " + P),
            S("git", 1, 0.3, False, "docs as code " + P),
            S("apis", 1, 0.3, False, "API documentation " + P),
        ),
        "technical writing and editing; structuring documentation; Confluence, MadCap Flare or docs-as-code "
        "(Markdown, Git); API documentation for software roles; a writing portfolio.",
    ),
    Spec(
        "it-manager", "IT Manager", ("11-3021.00",),
        "Leads an organisation's IT: systems, support, security, vendors, budgets and the team.",
        (
            S("people-management", 3, 0.9, True, "leading the IT team"),
            S("it-service-management", 3, 0.7, False, "ITIL service management " + P),
            S("project-management", 3, 0.7, False, "IT projects " + P),
            S("budgeting", 3, 0.6, False),
            S("cybersecurity", 2, 0.6, False, "security oversight " + P),
            T("cloud-computing", 2, 0.5, False, "cloud platform"),
            S("networking", 2, 0.4, False, P),
            S("leadership", 3, 0.6, False, "leading the department"),
        ),
        "team leadership; IT operations and service management (ITIL); projects; budgets and vendors; "
        "security; cloud (Azure, AWS, Microsoft 365); several years of IT experience.",
    ),
    Spec(
        "paralegal", "Paralegal", ("23-2011.00",),
        "Supports lawyers with legal research, drafting documents, managing case files and deadlines.",
        (
            S("law-and-government", 3, 0.9, True),
            S("legal-research", 3, 1.0, True, "legal research and drafting " + P),
            S("writing", 3, 0.6, False),
            S("clerical", 2, 0.5, False, "case files and records"),
            S("microsoft-office", 2, 0.3, False, "Word and Outlook " + P),
        ),
        "legal research (Westlaw, LexisNexis); drafting and proofreading legal documents; case and document "
        "management; deadlines and filings; Microsoft Office; a paralegal certificate or degree.",
    ),
    Spec(
        "gis-analyst", "GIS Analyst", ("15-1299.02",),
        "Builds, analyses and maps geographic data with GIS software for planning, environment and utilities.",
        (
            S("gis", 3, 1.0, True),
            S("arcgis", 3, 0.9, True),
            T("programming", 2, 0.5, False, "scripting language"),
            S("sql", 2, 0.5),
            S("data-analysis", 2, 0.5, False, "spatial analysis"),
            S("cad", 1, 0.3),
        ),
        "ArcGIS Pro (or QGIS); spatial analysis and cartography; Python scripting (ArcPy); SQL and spatial "
        "databases; CAD data; a degree in geography or a related field.",
    ),
)
