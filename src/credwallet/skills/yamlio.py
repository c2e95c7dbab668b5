"""Reading user-written YAML (roles, skills) safely, and turning schema errors into one line each.

Files users write are untrusted in the same way badges are: size is capped before reading, YAML aliases
are refused (a "billion laughs" document would otherwise explode the validator's work) and every error
names the file and where in it the problem is.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from credwallet.errors import InputError, NotFoundError

# A role or skills file is a few KB; a thousand-skill role is still far under this.
MAX_USER_YAML_BYTES = 512 * 1024


def load_yaml_file(path: Path, what: str) -> Any:
    """Parse a small YAML file with the safe loader, no aliases, or raise InputError naming the file."""

    path = Path(path)
    if not path.is_file():
        raise NotFoundError(f"{path}: no such {what} file")
    size = path.stat().st_size
    if size > MAX_USER_YAML_BYTES:
        raise InputError(f"{path}: {what} file is {size} bytes, more than the {MAX_USER_YAML_BYTES} allowed")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return load_yaml_text(text, str(path))


def load_yaml_text(text: str, name: str) -> Any:
    import yaml

    class _NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.get_event()  # type: ignore[no-untyped-call]
                raise yaml.constructor.ConstructorError(
                    None, None, "YAML aliases (*name) are not allowed", event.start_mark
                )
            return super().compose_node(parent, index)

    try:
        return yaml.load(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = exc.problem or str(exc)
        raise InputError(f"{name}:{where}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: invalid YAML: {exc}") from None


def json_path(parts: Iterable[Any]) -> str:
    """`skills[2].level` from a jsonschema error path; `(top level)` for the document itself."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def describe(error: Any) -> str:
    from credwallet.schema_words import describe as in_words

    return in_words(error)


def schema_error_lines(name: str, document: Any, schema: dict[str, Any]) -> list[str]:
    """Validate with a cached Draft 2020-12 validator; one `file: path: message` line per error.

    A document that passed this exact schema before is not checked again: a marker named by the hash of
    both is kept in the wallet's cache folder, so `plan --role FILE` and `gap --role FILE` do not import
    jsonschema (a tenth of a second or more) on every run for a file that has not changed.
    """
    marker = _passed_marker(document, schema)
    if marker is not None and marker.is_file():
        return []
    validator = _validator_for(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    lines = []
    for error in errors:
        lines.append(f"{name}: {json_path(error.absolute_path)}: {_short(describe(error))}")
    if not lines and marker is not None:
        _remember_pass(marker)
    return lines


def _passed_marker(document: Any, schema: dict[str, Any]) -> Path | None:
    """Where a pass of this document against this schema is remembered (None when it cannot be hashed)."""
    import hashlib
    import json

    from credwallet.paths import wallet_home

    try:
        text = json.dumps([schema, document], sort_keys=True, separators=(",", ":"), default=str)
    except (TypeError, ValueError, RecursionError):
        return None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return wallet_home() / "cache" / "validated" / digest


def _remember_pass(marker: Path) -> None:
    try:
        marker.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        marker.touch()
    except OSError:  # a read-only wallet only loses the speed-up
        return


def _short(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."


_VALIDATORS: dict[int, Any] = {}


def _validator_for(schema: dict[str, Any]) -> Any:
    key = id(schema)
    validator = _VALIDATORS.get(key)
    if validator is None:
        from jsonschema import Draft202012Validator

        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        _VALIDATORS[key] = validator
    return validator
