"""Never told to take what they hold: wallet credentials recognized as catalog offerings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from credwallet.model import Alignment, Credential, CredentialFormat, Issuer
from credwallet.planner import HeldAs, HeldOffering, Need, PlanOptions, choose, held_offerings, make_plan
from credwallet.planner.catalog_file import load_catalog
from credwallet.planner.held import normal_title, with_completed_stacks
from credwallet.selfreport import SelfReport, self_reported_credential
from tests.planner.helpers import catalog_of, offering


def credential(name: str, issuer: str, **fields: object) -> Credential:
    made = Credential(format=CredentialFormat.OB2, name=name, issuer=Issuer(name=issuer), wallet_id="c0ffee00")
    return replace(made, **fields)  # type: ignore[arg-type]


def test_titles_are_compared_without_noise() -> None:
    assert normal_title("Google Data Analytics Professional Certificate") == "google data analytics"
    assert normal_title("Google Data Analytics Certificate") == "google data analytics"
    assert normal_title("Microsoft Certified: Power BI Data Analyst Associate (PL-300)") == (
        "microsoft certified power bi data analyst associate"
    )
    assert normal_title("CompTIA Security+") == "comptia security+"


def test_the_bundled_catalog_recognizes_real_credentials() -> None:
    catalog = load_catalog()
    cases = [
        ("Google Data Analytics Professional Certificate", "Coursera", "google-data-analytics-certificate"),
        ("Google Data Analytics Certificate", "Grow with Google", "google-data-analytics-certificate"),
        ("Google Data Analytics", "Google", "google-data-analytics-certificate"),
        ("Microsoft Certified: Power BI Data Analyst Associate", "Microsoft", "microsoft-pl-300"),
        ("CompTIA Security+ ce Certification", "CompTIA", "comptia-security-plus"),
        (
            "AWS Certified Cloud Practitioner",
            "Amazon Web Services Training and Certification",
            "aws-cloud-practitioner",
        ),
        ("Tableau Desktop Specialist", "Tableau", "tableau-desktop-foundations"),
    ]
    for title, issuer, expected in cases:
        held = held_offerings([credential(title, issuer)], catalog)
        assert list(held) == [expected], (title, issuer)
        assert held[expected].how == "title and provider" and held[expected].credential == "c0ffee00"
    # The same title from someone else is not the offering; nor is a different Google certificate.
    assert held_offerings([credential("Google Data Analytics Professional Certificate", "Udemy")], catalog) == {}
    assert "google-data-analytics-certificate" not in held_offerings(
        [credential("Google Advanced Data Analytics Professional Certificate", "Google")], catalog
    )


def test_recorded_ids_urls_and_alignments() -> None:
    course = replace(
        offering("sql-course", 20, 49, {"sql": 3}, provider="Example U"),
        url="https://example.org/courses/sql",
        held_as=HeldAs(ids=("https://badges.example.org/classes/sql-3", "https://verify.example.org/sql/")),
    )
    catalog = catalog_of(course)
    by_class = credential("Whatever", "Someone", achievement_id="https://badges.example.org/classes/sql-3")
    by_prefix = credential("Whatever", "Someone", credential_id="https://verify.example.org/sql/ABC123")
    not_prefix = credential("Whatever", "Someone", credential_id="https://verify.example.org/sql/")
    aligned = credential(
        "Whatever", "Someone", alignments=[Alignment("SQL course", target_url="https://example.org/courses/sql/")]
    )
    assert held_offerings([by_class], catalog)["sql-course"].how == "id"
    assert held_offerings([by_prefix], catalog)["sql-course"].how == "id"
    assert held_offerings([not_prefix], catalog) == {}
    assert held_offerings([aligned], catalog)["sql-course"].how == "alignment"


def test_a_self_reported_certificate_is_recognized() -> None:
    report = SelfReport("Google Data Analytics Professional Certificate", "Coursera", date(2024, 3, 1))
    held = held_offerings([self_reported_credential(report)], load_catalog())
    assert list(held) == ["google-data-analytics-certificate"]


def test_a_held_offering_is_never_planned_meets_prerequisites_and_its_skills_count() -> None:
    catalog = catalog_of(
        offering("gda", 181, 294, {"sql": 2, "tableau": 2, "data-analysis": 3}),
        offering("bi", 80, 98, {"tableau": 3}, needs_offerings=["gda"]),
        offering("tableau-exam", 120, 250, {"tableau": 3}),
    )
    needs = [Need("data-analysis", 3, 1.0, True), Need("tableau", 3, 1.0, True)]
    assert set(choose(needs, {}, catalog).chosen) == {"gda", "bi"}  # the certificate is the cheapest way in
    held = [HeldOffering("gda", "c0ffee00", "Google Data Analytics Professional Certificate", "title and provider")]
    selection = choose(needs, {}, catalog, held_offerings=held)
    assert selection.chosen == ("bi",)  # never the certificate again; it meets bi's prerequisite
    assert selection.held["data-analysis"] == 3  # the catalog's level for what it teaches counts as held
    assert "gda" in selection.done
    plan = make_plan("data-analyst", needs, {}, catalog, PlanOptions(target_coverage=1.0), held_offerings=held)
    assert [step.offering.id for step in plan.steps] == ["bi"]
    assert plan.to_jsonable()["held_offerings"][0]["offering"] == "gda"


def test_every_course_of_a_certificate_is_the_certificate() -> None:
    catalog = catalog_of(
        offering("part-1", 10, 0, {"a": 2}, stacks_into=["cert"]),
        offering("part-2", 10, 0, {"b": 2}, stacks_into=["cert"]),
        offering("cert", 20, 0, {"a": 2, "b": 2, "c": 3}),
    )
    assert with_completed_stacks({"part-1"}, catalog) == {"part-1"}
    assert with_completed_stacks({"part-1", "part-2"}, catalog) == {"part-1", "part-2", "cert"}
    selection = choose([Need("c", 3)], {}, catalog, PlanOptions(completed=frozenset({"part-1", "part-2"})))
    assert selection.chosen == () and selection.gaps == ()


def test_holding_a_certificate_is_holding_its_courses() -> None:
    catalog = catalog_of(
        offering("part-1", 10, 0, {"a": 2}, stacks_into=["cert"]),
        offering("part-2", 10, 0, {"b": 2}, stacks_into=["cert"]),
        offering("cert", 20, 0, {"a": 2, "b": 2, "c": 3}),
        offering("next", 5, 0, {"d": 3}, needs_offerings=["part-2"]),
    )
    assert with_completed_stacks({"cert"}, catalog) == {"cert", "part-1", "part-2"}
    held = [HeldOffering("cert", "c0ffee00", "Cert", "title and provider")]
    selection = choose([Need("d", 3), Need("a", 2)], {}, catalog, held_offerings=held)
    assert selection.chosen == ("next",)  # its course meets the prerequisite; nothing held is planned
    assert {"part-1", "part-2"} <= selection.done
