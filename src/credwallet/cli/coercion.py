"""Option values converted without pydantic, so no command pays its import (0.03-0.17 s) at start-up.

Typer 0.29 coerces every option and argument through a pydantic TypeAdapter built on first use; the types
this CLI uses (str, int, float, bool, Path, lists of them) need no more than `int(...)`. Before parsing,
`conventions.apply` gives each such parameter a light converter in the slot Typer fills lazily; any other annotation
(or a Typer version without that slot) keeps Typer's own conversion, so behaviour never depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

try:  # typer's runtime-coercion layer (0.29); without it, Typer converts as usual
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_path, routes_to_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another Typer version
    RuntimeParam = None  # type: ignore[assignment,misc]

from typer._click.exceptions import BadParameter

_SCALARS = (str, int, float, bool)
_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off", ""}


def _number_words(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {low:g} and {high:g}"
    if low is not None:
        return f"at least {low:g}"
    return f"at most {high:g}"


def convert_scalar(value: Any, annotation: type, parameter_info: Any) -> Any:
    """One command-line word as `annotation`, or ValueError with the reason in words."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if annotation is str:
        return str(value)
    if annotation is bool:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise ValueError(f"{value!r} is not yes or no")
    if annotation is int:
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not a whole number")
        try:
            number: float = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            raise ValueError(f"{value!r} is not a whole number") from None
    else:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{value!r} is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise ValueError(f"{value!r} is not a number")
    low, high = parameter_info.min, parameter_info.max
    if (low is not None and number < low) or (high is not None and number > high):
        if parameter_info.clamp:
            number = low if low is not None and number < low else high
            return annotation(number)
        raise ValueError(f"{value} is not {_number_words(low, high)}")
    return number


def _leaf(annotation: Any, parameter_info: Any) -> str | None:
    """'scalar', 'path' or None (leave it to Typer) for one leaf annotation."""
    if parameter_info.parser is not None or getattr(parameter_info, "click_type", None) is not None:
        return None
    if annotation in _SCALARS:
        return "scalar"
    if isinstance(annotation, type) and issubclass(annotation, Path) and routes_to_path(annotation, parameter_info):
        return "path"
    return None


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class LightRuntimeParam(RuntimeParam):  # type: ignore[misc]
        """Converts str, int, float, bool and Path values (and lists of them) with no pydantic."""

        leaf_annotation: Any = None
        kind: str = "scalar"
        many: bool = False

        def _one(self, item: Any, param: Any, ctx: Any) -> Any:
            if self.kind == "path":
                path_type = self.parameter_info.path_type or self.leaf_annotation
                as_path: Any = item if isinstance(item, Path) else path_type(item)
                return coerce_cli_path(as_path, self.parameter_info, path_type=path_type, param=param, ctx=ctx)
            try:
                return convert_scalar(item, self.leaf_annotation, self.parameter_info)
            except ValueError as exc:
                raise BadParameter(str(exc), ctx=ctx, param=param) from None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.many:
                items = value if isinstance(value, (list, tuple)) else [value]
                return [self._one(item, param, ctx) for item in items]
            return self._one(value, param, ctx)


def light_runtime_param(parameter: Any) -> Any | None:
    """A pydantic-free converter for this Typer parameter, or None when Typer should do it."""
    if RuntimeParam is None or not isinstance(parameter, _TyperParameter):
        return None
    descriptor = getattr(parameter, "type_descriptor", None)
    if descriptor is None or descriptor.file_annotation is not None:
        return None
    annotation, info = descriptor.annotation, descriptor.parameter_info
    many = get_origin(annotation) is list
    if many:
        args = get_args(annotation)
        if len(args) != 1:
            return None
        annotation = args[0]
    elif get_origin(annotation) is not None:
        return None
    kind = _leaf(annotation, info)
    if kind is None:
        return None
    return LightRuntimeParam(
        parameter_info=info, annotation=descriptor.annotation, leaf_annotation=annotation, kind=kind, many=many
    )
