"""Parsers the export tests read output with: HTML tags and text, CommonMark, and reversed LaTeX escaping."""

from __future__ import annotations

from html.parser import HTMLParser

from credwallet.export import latex


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector


def commonmark(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def unescape_latex(text: str) -> str:
    """Reverse of latex.escape, to prove the escaping loses nothing and leaves nothing raw."""
    reverse = {v: k for k, v in latex._ESCAPES.items()}
    out, i = [], 0
    while i < len(text):
        for escaped, char in reverse.items():
            if text.startswith(escaped, i):
                out.append(char)
                i += len(escaped)
                break
        else:
            assert text[i] not in "&%$#_{}~^\\", f"raw {text[i]!r} at {i} in {text!r}"
            out.append(text[i])
            i += 1
    return "".join(out)
