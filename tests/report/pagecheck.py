"""A small HTML walker for the report tests: the element tree, and every place a page could load something."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

URL = re.compile(r"(?i)(?:https?:)?//[^\s\"'<>)]+")
# Attributes that make a browser fetch something (besides <a href>, which only navigates when clicked).
LOADING = {"src", "srcset", "href", "xlink:href", "poster", "data", "action", "formaction", "background", "manifest"}
CSS_URL = re.compile(r"(?i)url\(\s*['\"]?([^'\")]+)")
VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "track"}
# SVG elements written self-closed in the page.
SELF_CLOSED_SVG = {"rect", "path", "circle", "use", "stop", "line", "polyline", "polygon", "ellipse", "image"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    parts: list[str | Element] = field(default_factory=list)  # text and children in document order

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def all_text(self) -> str:
        """The text inside, in document order."""
        return "".join(part if isinstance(part, str) else part.all_text() for part in self.parts)

    def walk(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found += child.walk()
        return found

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.walk()[1:]
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes())
            and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.current = self.root
        self.styles: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        self.current.parts.append(element)
        if tag not in VOID:
            self.current = element
        self.in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        self.current.parts.append(element)

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"unmatched </{tag}>"
        self.current = node.parent or self.root
        self.in_style = False

    def handle_data(self, data: str) -> None:
        self.current.text.append(data)
        self.current.parts.append(data)
        if self.in_style:
            self.styles.append(data)


def parse(html: str) -> tuple[Element, list[str]]:
    """The element tree and the text of every <style> element."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root, builder.styles


def remote_references(html: str) -> list[str]:
    """Every http(s) or protocol-relative URL in the page other than an <a href> (in any attribute, and in CSS
    url() and @import), and every other resource it would load (a file next to it) that is not a data: URI or
    a fragment of the page itself. URLs in plain text are words on the page, not loads."""
    root, styles = parse(html)
    found = []
    for element in root.walk():
        for name, value in element.attrs.items():
            if element.tag == "a" and name == "href":
                continue
            found += [f"<{element.tag} {name}>: {url}" for url in URL.findall(value)]
            if name in LOADING and not value.strip().startswith(("data:", "#")):
                found.append(f"<{element.tag} {name}> loads {value}")
            if name == "style":
                urls = CSS_URL.findall(value)
                found += [f"<{element.tag} style>: {url}" for url in urls if not url.startswith("data:")]
    for css in styles:
        found += [f"css url(): {url}" for url in CSS_URL.findall(css) if not url.startswith(("data:", "#"))]
        found += [f"css: {match}" for match in re.findall(r"(?i)@import[^;]*", css)]
    return found
