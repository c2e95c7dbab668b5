"""`credwallet plan`: the dated pathway to a role; `plan show/list/remove`: saved plans and their progress."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.plan import _date
from credwallet.cli.state import credentials_of, open_wallet

plan_app = typer.Typer(
    help="The least-effort dated pathway to a role, and saved plans with their progress.",
    epilog=(
        "Example: credwallet plan --role data-analyst --hours-per-week 8   |   "
        "credwallet plan --role data-analyst --budget 500 --deadline 2027-06-30 --save spring"
    ),
    invoke_without_command=True,
)


@plan_app.callback()
def plan_command(
    ctx: typer.Context,
    role: Annotated[str | None, typer.Option("--role", help="A role id or a role YAML file.")] = None,
    target_coverage: Annotated[
        float,
        typer.Option(help="Weighted role coverage to reach, 0-100 (100: every reachable gap).", min=0, max=100),
    ] = 80.0,
    include_foundation: Annotated[
        bool,
        typer.Option("--include-foundation", help="Also plan the role's foundation items (basic skills, knowledge)."),
    ] = False,
    minimize: Annotated[str, typer.Option(help="hours | cost | weighted")] = "hours",
    hours_weight: Annotated[float, typer.Option(help="With --minimize weighted: weight of one hour.")] = 1.0,
    cost_weight: Annotated[float, typer.Option(help="With --minimize weighted: weight of one unit of money.")] = 1.0,
    budget: Annotated[float | None, typer.Option(help="Spend at most this much money.")] = None,
    hours_per_week: Annotated[float, typer.Option(help="Study hours per week.", min=1, max=80)] = 5.0,
    start: Annotated[str | None, typer.Option(help="First study day, YYYY-MM-DD (default today).")] = None,
    deadline: Annotated[str | None, typer.Option(help="Finish by this day, YYYY-MM-DD.")] = None,
    max_steps: Annotated[int | None, typer.Option(help="At most this many offerings.", min=0)] = None,
    have: Annotated[
        list[str] | None, typer.Option(help="Assume SKILL=LEVEL for this run, e.g. sql=4 (repeatable).")
    ] = None,
    completed: Annotated[
        list[str] | None, typer.Option(help="An offering you completed outside the wallet (repeatable).")
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Never choose this offering (repeatable).")] = None,
    exclude_provider: Annotated[
        list[str] | None, typer.Option(help="Never choose this provider's offerings (repeatable).")
    ] = None,
    experience: Annotated[
        list[str] | None,
        typer.Option(help="Work experience AREA=HOURS for eligibility, e.g. business-analysis=4000."),
    ] = None,
    degree: Annotated[
        str | None, typer.Option(help="Highest degree: secondary, associate, bachelor, master, doctorate.")
    ] = None,
    ignore_eligibility: Annotated[
        bool, typer.Option("--ignore-eligibility", help="Plan offerings whatever their entry requirements.")
    ] = False,
    prefer_free: Annotated[
        bool,
        typer.Option(
            "--prefer-free", help="Paid offerings count 1.5x their hours: a free one wins unless it takes 50% longer."
        ),
    ] = False,
    only_free: Annotated[bool, typer.Option("--only-free", help="Only offerings that cost nothing.")] = False,
    prefer_provider: Annotated[str | None, typer.Option(help="Break ties toward this provider.")] = None,
    prefer_stacks: Annotated[
        bool, typer.Option("--prefer-stacks", help="Break ties toward offerings that stack into more.")
    ] = False,
    catalog: Annotated[
        list[Path] | None, typer.Option("--catalog", help="Also use this catalog YAML (repeatable).")
    ] = None,
    catalog_only: Annotated[
        bool, typer.Option("--catalog-only", help="Use only the --catalog files, not the built-in catalog.")
    ] = False,
    verified_only: Annotated[
        bool, typer.Option("--verified-only", help="Count only credentials verified as valid.")
    ] = False,
    include_unverified: Annotated[
        bool, typer.Option("--include-unverified", hidden=True, help="Unverified credentials now count by default.")
    ] = False,
    save: Annotated[str | None, typer.Option("--save", help="Keep this plan in the wallet as NAME.")] = None,
    ics: Annotated[Path | None, typer.Option("--ics", help="Also write the schedule as an iCalendar file.")] = None,
    ics_mode: Annotated[str, typer.Option(help="steps (one event per step) | weekly (study blocks)")] = "steps",
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --ics file if it exists.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
) -> None:
    """The least-effort dated pathway that closes a role's required items and reaches the target coverage."""
    if ctx.invoked_subcommand is not None:
        return
    from credwallet.errors import InputError
    from credwallet.planner import LearnerFacts, PlanOptions
    from credwallet.planner.eligibility import check_degree, parse_experience
    from credwallet.planner.options import parse_have
    from credwallet.skills.planning import plan_for_role
    from credwallet.store.plans import check_plan_name

    if role is None:
        raise InputError("name a role with --role ROLE (or see a saved plan: credwallet plan show NAME)")
    if minimize not in ("hours", "cost", "weighted"):
        raise InputError(f"--minimize {minimize!r}: choose hours, cost or weighted")
    if ics_mode not in ("steps", "weekly"):
        raise InputError(f"--ics-mode {ics_mode!r}: choose steps or weekly")
    if save is not None:
        check_plan_name(save)
    facts = LearnerFacts(experience=parse_experience(experience or []), degree=check_degree(degree))
    options = PlanOptions(
        minimize=minimize,
        hours_weight=hours_weight,
        cost_weight=cost_weight,
        target_coverage=target_coverage / 100,
        include_foundation=include_foundation,
        budget=budget,
        hours_per_week=hours_per_week,
        start=_date(start, "--start"),
        deadline=_date(deadline, "--deadline"),
        max_steps=max_steps,
        exclude=frozenset(exclude or []),
        exclude_providers=tuple(exclude_provider or []),
        only_free=only_free,
        prefer_free=prefer_free,
        prefer_provider=prefer_provider,
        prefer_stacks=prefer_stacks,
        completed=frozenset(completed or []),
        have=parse_have(have or []),
        facts=facts,
        ignore_eligibility=ignore_eligibility,
    )
    with open_wallet() as wallet:
        if prefer_provider or exclude_provider:
            _check_providers(wallet.home, list(catalog or []), catalog_only, prefer_provider, exclude_provider or [])
        plan = plan_for_role(
            credentials_of(wallet),
            role,
            home=wallet.home,
            catalogs=list(catalog or []),
            catalog_only=catalog_only,
            options=options,
            verified_only=verified_only,
            declared=wallet.declared_skills(),
        )
        if save is not None:
            from credwallet.store.plans import SavedPlans

            request = {
                "role_ref": role,
                "catalogs": [str(p) for p in catalog or []],
                "catalog_only": catalog_only,
                "verified_only": verified_only,
                "completed": sorted(options.completed),
                "have": [list(item) for item in options.have],
                "facts": facts.to_jsonable(),
                "target_coverage": options.target_coverage,
            }
            replaced = SavedPlans(wallet.connection()).save(save, plan.role, request, plan.to_jsonable())
            verb = "replaced" if replaced else "saved"
            console.err().print(f"{verb} plan {save!r}: follow it with `credwallet plan show {save}`")
    if ics is not None:
        from credwallet.export import write_bytes_safely
        from credwallet.planner.ics import plan_to_ics

        write_bytes_safely(ics, plan_to_ics(plan, mode=ics_mode), force=force)
        console.err().print(f"wrote {console.clean(str(ics))}")
    if as_json:
        console.print_json(plan.to_jsonable())
        return
    from credwallet.cli.plan_render import render_plan

    render_plan(plan)


@plan_app.command("show", epilog="Example: credwallet plan show spring --completed microsoft-pl-300")
def plan_show(
    name: Annotated[str, typer.Argument(help="The name given with plan --save.")],
    completed: Annotated[
        list[str] | None, typer.Option(help="Mark a step's offering completed (repeatable; remembered).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the progress as JSON.")] = False,
) -> None:
    """A saved plan's progress: steps done, the current step, the revised finish, coverage now."""
    from credwallet.errors import InputError
    from credwallet.skills.planning import saved_plan_progress
    from credwallet.store.plans import SavedPlans

    with open_wallet() as wallet:
        store = SavedPlans(wallet.connection())
        saved = store.get(name)
        if completed:
            planned = {step["offering"] for step in saved.plan.get("steps", [])}
            unknown = sorted(set(completed) - planned)
            if unknown:
                raise InputError(f"--completed {unknown[0]}: not a step of plan {name!r}")
            saved.completed = store.mark_completed(name, list(completed))
            console.err().print(f"marked completed in {name!r}: {', '.join(completed)}")
        progress = saved_plan_progress(
            credentials_of(wallet), saved, home=wallet.home, declared=wallet.declared_skills()
        )
    if as_json:
        console.print_json(progress.to_jsonable())
        return
    from credwallet.cli.plan_render import render_progress

    render_progress(progress)


@plan_app.command("list", epilog="Example: credwallet plan list --json")
def plan_list(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """Saved plans."""
    from credwallet.store.plans import SavedPlans

    with open_wallet() as wallet:
        saved = SavedPlans(wallet.connection()).names()
    documents = [
        {
            "name": s.name,
            "role": s.role,
            "created_at": s.to_jsonable()["created_at"],
            "steps": len(s.plan.get("steps", [])),
            "finish": s.plan.get("finish"),
        }
        for s in saved
    ]
    if as_json:
        console.print_json(documents)
        return
    rows = [[d["name"], console.clean_plain(d["role"]), str(d["steps"]), str(d["finish"] or "—")] for d in documents]
    from credwallet.cli.table import Column, print_table

    print_table([Column("name", fit="wrap"), Column("role", fit="wrap"), Column("steps"), Column("finish")], rows)
    from credwallet.wording import plural

    console.out().print(plural(len(saved), "saved plan"))


@plan_app.command("remove", epilog="Example: credwallet plan remove spring")
def plan_remove(name: Annotated[str, typer.Argument(help="The saved plan to delete.")]) -> None:
    """Delete a saved plan (credentials are not touched)."""
    from credwallet.store.plans import SavedPlans

    with open_wallet() as wallet:
        SavedPlans(wallet.connection()).remove(name)
    console.out().print(f"removed plan {name!r}")


def _check_providers(
    home: Path, catalogs: list[Path], catalog_only: bool, prefer: str | None, exclude: list[str]
) -> None:
    """A provider option names a provider of the catalog (a part of its name is enough); a typo is an error
    with the closest names, not a preference that silently does nothing."""
    from credwallet.errors import InputError
    from credwallet.skills.planning import load_catalogs
    from credwallet.wording import did_you_mean

    catalog = load_catalogs(home, catalogs, catalog_only=catalog_only)
    providers = sorted({offering.provider for offering in catalog.offerings.values()})
    for option, value in [("--prefer-provider", prefer), *(("--exclude-provider", v) for v in exclude)]:
        if value and not any(value.casefold() in provider.casefold() for provider in providers):
            raise InputError(
                f"{option} {value!r}: no provider in the catalog by that name",
                hint=did_you_mean(value, providers) or "see the providers with `credwallet catalog`",
            )
