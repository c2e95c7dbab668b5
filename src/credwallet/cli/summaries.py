"""One-line summaries for command lists (`credwallet --help`, `credwallet roles --help`).

Click shows the first sentence of a command's help there and cuts it with `...` when it is longer than the
room left at 80 columns; a summary here is used instead, short enough to be read whole, as gh does. A
command whose first sentence is short already needs no entry (tests/cli/test_conventions.py checks that
no command list is cut).
"""

from __future__ import annotations

SUMMARIES: dict[tuple[str, ...], str] = {
    ("import",): "Import badges and credentials from files, folders or URLs.",
    ("add",): "Record a certificate that has no digital credential.",
    ("remove",): "Remove a credential (a CLR with everything inside it).",
    ("tag",): "Add or remove your own tag on a credential.",
    ("note",): "Attach your own note to a credential.",
    ("verify",): "Check signatures, keys, dates, revocation and recipient.",
    ("info",): "Version, wallet location and schema, and counts.",
    ("documents",): "Issuer documents kept for offline verification.",
    ("backup",): "Save the whole wallet in one file.",
    ("restore",): "Merge backups into the wallet (nothing overwritten).",
    ("gap",): "What you have and what is missing for a role.",
    ("report",): "One offline HTML page: credentials, gap and pathway.",
    ("skills",): "Skills your wallet evidences, and skills you declare.",
    ("roles",): "Job roles: list, search, show, add your own, match.",
    ("plan",): "The least-effort dated pathway to a role.",
    ("catalog",): "Courses and certifications the planner draws on.",
    ("profile",): "Your name and the identities badges are issued to.",
    ("export",): "A résumé section, a LinkedIn link, or a backup.",
    ("trust",): "Issuers you recognise, marked by verify.",
    ("catalog", "validate"): "Check a catalog file: one line per problem.",
    ("export", "resume"): "The Certifications section of a résumé.",
    ("export", "linkedin"): "The LinkedIn 'Add to profile' link for a credential.",
    ("export", "backup"): "Save the whole wallet in one file.",
    ("plan", "show"): "A saved plan's progress and revised finish.",
    ("profile", "load"): "Set name and identities from a YAML profile file.",
    ("roles", "list"): "Curated roles, your own, then every O*NET occupation.",
    ("roles", "search"): "Find roles by job title among every occupation.",
    ("roles", "show"): "A role's items, choice groups and requirements.",
    ("roles", "add"): "Validate a role file and install it.",
    ("roles", "new"): "Write a starter role YAML file to edit.",
    ("roles", "match"): "Rank roles by how close you are to each.",
    ("skills", "show"): "One credential's skills, with level and source.",
    ("skills", "declare"): "Declare a skill you have without a credential.",
    ("skills", "undeclare"): "Forget a skill you declared.",
    ("trust", "remove"): "Take an issuer off your trust list.",
}
