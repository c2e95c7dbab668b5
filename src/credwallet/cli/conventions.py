"""Conventions applied to every command before it parses, so commands added later follow them for free.

- values are converted without pydantic (`coercion`), which keeps start-up fast;
- help shows words, not Python types: `--role TEXT`, `--hours-per-week NUMBER`, `PATH...`, `[ID]`, ranges
  as `between 1 and 80`, and no `[default: no-force]` noise on flags;
- command lists show a summary that fits at 80 columns (`summaries`), never a sentence cut with `...`.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, get_args, get_origin

from typer.core import TyperArgument, TyperOption

from credwallet.cli import coercion
from credwallet.cli.summaries import SUMMARIES


def _leaf_annotation(parameter: Any) -> Any:
    annotation = parameter.type_descriptor.annotation
    if get_origin(annotation) in (list, tuple):
        args = get_args(annotation)
        annotation = args[0] if args else str
    return annotation


def value_word(parameter: Any) -> str:
    """What one value of this parameter is, in capitals as usage lines do: TEXT, N, NUMBER, FILE, DIR."""
    if parameter.metavar:
        return str(parameter.metavar)
    descriptor = parameter.type_descriptor
    if descriptor.is_choice and descriptor.choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in descriptor.choices) + "]"
    annotation = _leaf_annotation(parameter)
    info = descriptor.parameter_info
    if (isinstance(annotation, type) and issubclass(annotation, Path)) or descriptor.is_path:
        if info.dir_okay and not info.file_okay:
            return "DIR"
        if info.file_okay and not info.dir_okay:
            return "FILE"
        return "PATH"
    if annotation is int:
        return "N"
    if annotation is float:
        return "NUMBER"
    return "TEXT"


def range_words(low: float | None, high: float | None) -> str | None:
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        return f"{low:g} to {high:g}"
    return f"at least {low:g}" if low is not None else f"at most {high:g}"


class ConventionOption(TyperOption):
    """A Typer option whose help names its value in words."""

    def display_type(self, ctx: Any) -> str:
        if self.is_flag or self.count:
            return ""
        return value_word(self)

    def _get_number_range_help_str(self) -> str | None:
        return range_words(self.min, self.max)


class ConventionArgument(TyperArgument):
    """A Typer argument shown as `ID`, `[ID]` or `PATH...` in usage and help."""

    def _name(self) -> str:
        word = str(self.metavar) if self.metavar else (self.name or "value").upper()
        return word.strip("[]{}")

    def display_type(self, ctx: Any) -> str:
        return ""

    def _rich_display_name(self) -> str:
        return self._name() + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        name = self._name() if self.required else f"[{self._name()}]"
        return name + ("..." if self.nargs != 1 else "")

    def _get_number_range_help_str(self) -> str | None:
        return range_words(self.min, self.max)


def _adjust(parameter: Any) -> None:
    if type(parameter) is TyperOption:
        parameter.__class__ = ConventionOption
        if parameter.is_flag and not parameter.default:
            parameter.show_default = False  # `[default: no-force]` says nothing a flag does not
    elif type(parameter) is TyperArgument:
        parameter.__class__ = ConventionArgument
    if getattr(parameter, "_runtime_param", "absent") is None:
        light = coercion.light_runtime_param(parameter)
        if light is not None:
            parameter._runtime_param = light


def apply(command: Any, help_names: tuple[str, ...] = ("-h", "--help"), path: tuple[str, ...] = ()) -> None:
    """Walk `command` and its subcommands once, applying the conventions to every parameter.

    The help option is made here too (Click makes it lazily, per command, from the context's names).
    """
    if getattr(command, "_credwallet_conventions", False):
        return
    if path in SUMMARIES and not command.short_help:
        command.short_help = SUMMARIES[path]
    for parameter in getattr(command, "params", []):
        _adjust(parameter)
    help_option = command.get_help_option(SimpleNamespace(help_option_names=list(help_names)))
    if help_option is not None:
        _adjust(help_option)
    for name, sub in getattr(command, "commands", {}).items():
        apply(sub, help_names, (*path, name))
    command._credwallet_conventions = True
