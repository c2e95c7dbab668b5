"""The report's stylesheet, inline in the page: system fonts only, calm colours, print rules for A4 and Letter.

Colours meet WCAG AA contrast for text (4.5:1) and 3:1 for chart marks; every colour is doubled by a
shape, a pattern or a word, so the page reads in greyscale and without colour vision.
"""

from __future__ import annotations

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"

CSS = """
:root {
  color-scheme: light;
  --ink: #1d2733; --muted: #4f5d6b; --line: #d8dee5; --soft: #f3f5f8; --page: #fbfcfd; --paper: #fff;
  --accent: #245e86; --met: #22744a; --partial: #9a6207; --missing: #7a8794;
  --valid: #1f6f43; --unverified: #8a5300; --expired: #5b6776; --revoked: #a3281c; --invalid: #a3281c;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--ink);
       font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); text-underline-offset: 2px; text-decoration-thickness: 1px;
    text-decoration-color: rgba(36, 94, 134, .35); }
a:hover { text-decoration-color: currentColor; }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sprite { position: absolute; width: 0; height: 0; overflow: hidden; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .4rem .7rem; z-index: 1; }
header.masthead { background: var(--paper); border-bottom: 1px solid var(--line); }
.wrap { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
header.masthead .wrap { padding-top: 2rem; padding-bottom: 1.25rem; }
h1 { font-size: 1.85rem; line-height: 1.2; margin: 0 0 .35rem; letter-spacing: -.01em; }
h2 { font-size: 1.4rem; margin: 0 0 .3rem; letter-spacing: -.005em; }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .7rem; }
.lede { color: var(--muted); margin: 0; max-width: 48rem; }
nav.toc ul { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem 1.2rem; padding: 0; margin: 1rem 0 0; }
nav.toc a { font-weight: 600; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .8rem; margin: 1.4rem 0 0;
          padding: 0; list-style: none; }
.glance li { background: var(--soft); border-radius: 10px; padding: .8rem 1rem; }
.glance .big { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.15; }
.glance .small { color: var(--muted); font-size: .92rem; }
main section.part { padding: 2.2rem 0 1rem; border-bottom: 1px solid var(--line); }
main section.part:last-of-type { border-bottom: 0; }
.intro { color: var(--muted); margin: 0 0 1rem; max-width: 48rem; }
.note { background: var(--soft); border-left: 4px solid var(--accent); padding: .6rem .9rem; border-radius: 4px;
        margin: 1rem 0; }
.counts { list-style: none; padding: 0; margin: .6rem 0 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.counts li { border: 1px solid var(--line); border-radius: 999px; padding: .15rem .7rem; background: var(--paper);
             font-size: .93rem; }
.icon { width: 1em; height: 1em; vertical-align: -.14em; fill: none; stroke: currentColor; stroke-width: 1.6;
        flex: none; }
.icon .mark, .icon path.mark { stroke-linecap: round; stroke-linejoin: round; }
.icon-valid, .icon-done { color: var(--valid); }
.icon-unverified { color: var(--unverified); }
.icon-expired { color: var(--expired); }
.icon-self-reported { color: var(--muted); }
.icon-revoked, .icon-invalid, .icon-suspended { color: var(--revoked); }
.icon-trusted { color: var(--accent); }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .9rem;
         grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: .9rem 1rem;
        display: grid; grid-template-columns: 48px 1fr; gap: 0 .85rem; align-content: start;
        break-inside: avoid; page-break-inside: avoid; }
.card.st-valid { border-top: 4px solid var(--valid); }
.card.st-unverified { border-top: 4px dashed var(--unverified); }
.card.st-expired { border-top: 4px dotted var(--expired); }
.card.st-self-reported { border-top: 4px dashed var(--muted); }
.card.st-revoked, .card.st-invalid { border-top: 4px double var(--revoked); }
.card.st-suspended { border-top: 4px dashed var(--revoked); }
.card .art { width: 48px; height: 48px; }
.card .badge, .card .monogram { width: 48px; height: 48px; }
.card h4 { font-size: 1rem; line-height: 1.3; margin: 0; overflow-wrap: anywhere; }
.card .issuer { margin: .1rem 0 0; color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
.card .issuer a { color: inherit; }
.card .dates { margin: 0; color: var(--muted); font-size: .86rem; }
.card .verdict { grid-column: 1 / -1; margin: .6rem 0 0; font-size: .87rem; line-height: 1.45; }
.card .verdict strong { white-space: nowrap; margin-right: .25rem; }
.card .verdict .why { color: var(--muted); overflow-wrap: anywhere; }
.st-valid .verdict strong { color: var(--valid); }
.st-unverified .verdict strong { color: var(--unverified); }
.st-expired .verdict strong { color: var(--expired); }
.st-self-reported .verdict strong { color: var(--muted); }
.st-revoked .verdict strong, .st-invalid .verdict strong, .st-suspended .verdict strong { color: var(--revoked); }
.card .meta { grid-column: 1 / -1; margin: .3rem 0 0; font-size: .84rem; color: var(--muted); overflow-wrap: anywhere; }
.chips { grid-column: 1 / -1; list-style: none; display: flex; flex-wrap: wrap; gap: .3rem; padding: 0;
         margin: .55rem 0 0; }
.chips li { font-size: .78rem; background: var(--soft); color: #3a4654; border-radius: 999px; padding: .05rem .55rem; }
.card details { grid-column: 1 / -1; margin-top: .45rem; font-size: .83rem; color: var(--muted); }
.card summary { cursor: pointer; color: var(--accent); width: max-content; }
.card details p { margin: .35rem 0 0; }
.card details ul { margin: .3rem 0 0; padding-left: 1.1rem; }
.card details li { overflow-wrap: anywhere; }
.trusted { color: var(--accent); font-size: .85rem; font-weight: 600; white-space: nowrap; }
.untrusted { color: var(--muted); font-size: .85rem; }
.scoreline { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .8rem 2rem;
             margin: 1rem 0 1.2rem; }
.score .num { font-size: 1.5rem; font-weight: 700; }
.score p { margin: .1rem 0 .35rem; color: var(--muted); font-size: .92rem; }
svg.share { width: 100%; height: 10px; display: block; border-radius: 5px; }
svg.share .track { fill: #e6eaef; }
svg.share .whole { fill: var(--met); }
svg.share .part { fill: #e3b65c; }
svg.share.tiers .part { fill: #8fc7a5; }
.tier { font-size: .78rem; font-weight: 600; border: 1px dashed currentColor; border-radius: 4px;
        padding: 0 .3rem; margin-left: .3rem; color: var(--unverified); white-space: nowrap; }
.tier-declared, .tier-self-reported, .tier-text { color: var(--muted); }
ol.skills .name small.members { display: block; font-weight: 400; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.3rem; font-size: .86rem; color: var(--muted);
          margin: 0 0 .6rem; padding: 0; list-style: none; }
.legend svg { width: 2.1rem; height: 1rem; vertical-align: -.2rem; margin-right: .3rem; }
ol.skills { list-style: none; padding: 0; margin: 0; }
ol.skills li { display: grid; grid-template-columns: minmax(9rem, 15rem) minmax(10rem, 17rem) 1fr; gap: .2rem 1rem;
               align-items: center; padding: .45rem 0; border-bottom: 1px solid var(--soft);
               break-inside: avoid; page-break-inside: avoid; }
ol.skills .name { font-weight: 600; overflow-wrap: anywhere; }
ol.skills .name small { font-weight: 400; color: var(--muted); }
ol.skills .value { font-size: .9rem; color: var(--muted); }
ol.skills .value b { color: var(--ink); }
ol.skills .value .status-met { color: var(--met); font-weight: 600; }
ol.skills .value .status-partial { color: var(--partial); font-weight: 600; }
ol.skills .value .status-missing { color: var(--muted); font-weight: 600; }
svg.levels { width: 100%; max-width: 17rem; height: 28px; display: block; overflow: visible; }
.seg.held.met { fill: var(--met); }
.seg.held.partial { fill: #c08a2c; }
.seg.needed { fill: var(--paper); stroke: #6b7785; stroke-width: 1.5; stroke-dasharray: 4 3; }
.seg.spare { fill: #e9edf1; }
.required-marker { stroke: var(--ink); stroke-width: 3; stroke-linecap: round; }
.evidence { margin: 1.2rem 0 0; font-size: .9rem; columns: 2 24rem; column-gap: 2.5rem; }
.evidence div { break-inside: avoid; page-break-inside: avoid; padding-bottom: .2rem; }
.evidence dt { font-weight: 600; margin-top: .5rem; }
.evidence dd { margin: 0 0 0 1rem; color: var(--muted); overflow-wrap: anywhere; }
.evidence a { color: var(--ink); text-decoration-color: var(--line); }
.foundation { color: var(--muted); font-size: .93rem; }
.timeline { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 12px;
            padding: .6rem .4rem; margin: .4rem 0 1.2rem; }
svg.gantt { display: block; width: 100%; min-width: 38rem; height: auto; }
svg.gantt text { font: 12.5px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg.gantt .tick { stroke: #e3e8ee; stroke-width: 1; }
svg.gantt text.tick-label { fill: var(--muted); font-size: 11.5px; }
svg.gantt .row-band { fill: transparent; }
svg.gantt .step:nth-child(even) .row-band { fill: #f6f8fa; }
svg.gantt .bar { fill: var(--accent); }
svg.gantt .bar.done { fill: #9fb3c4; stroke: var(--accent); stroke-width: 1.2; stroke-dasharray: 3 2; }
svg.gantt .today { stroke: var(--revoked); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.gantt text.today-label { fill: var(--revoked); font-size: 11px; }
ol.steps { list-style: none; padding: 0; margin: 0; border-top: 1px solid var(--line); }
ol.steps li { display: grid; grid-template-columns: 2.2rem 1fr auto; gap: 0 .8rem; padding: .65rem .2rem;
              border-bottom: 1px solid var(--line); break-inside: avoid; page-break-inside: avoid; }
ol.steps .n { font-weight: 700; color: var(--accent); font-size: 1.05rem; text-align: right; }
ol.steps h3 { margin: 0; font-size: 1rem; line-height: 1.35; }
ol.steps h3 a { color: var(--ink); }
ol.steps p { margin: .1rem 0 0; font-size: .88rem; color: var(--muted); }
ol.steps .closes { color: #3a4654; }
ol.steps .when { text-align: right; white-space: nowrap; }
ol.steps .when p:first-child { color: var(--ink); }
ol.steps li.done { background: var(--soft); }
.totals { font-size: .95rem; margin: 0 0 .8rem; }
ol.matches { list-style: none; padding: 0; margin: 0; display: grid; gap: .8rem; }
ol.matches li { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: .7rem 1rem;
                break-inside: avoid; page-break-inside: avoid; }
ol.matches li.target { border-color: var(--accent); box-shadow: inset 4px 0 0 var(--accent); }
ol.matches h3 { margin: 0 0 .3rem; font-size: 1rem; }
ol.matches p { margin: .35rem 0 0; font-size: .9rem; color: var(--muted); }
footer { color: var(--muted); font-size: .85rem; padding: 1.5rem 0 3rem; }
footer p { margin: .3rem 0; max-width: 52rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.5rem; }
  .wrap { padding: 0 .9rem; }
  ol.skills li { grid-template-columns: 8.5rem 1fr; }
  ol.steps li { grid-template-columns: 1.8rem 1fr; }
  ol.steps .when { grid-column: 2; text-align: left; white-space: normal; }
  ol.skills .name { grid-column: 1 / -1; }
  .cards { grid-template-columns: 1fr; }
}
@media print {
  @page { margin: 14mm 12mm; }
  :root { --page: #fff; }
  body { font-size: 10pt; line-height: 1.4; background: #fff; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .wrap { max-width: none; padding: 0; }
  header.masthead { border: 0; }
  header.masthead .wrap { padding-top: 0; }
  nav.toc, .skip, .card details { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  main section.part { padding: 1.2rem 0 .6rem; }
  footer { break-inside: avoid; page-break-inside: avoid; padding-bottom: 0; }
  .card { padding: .6rem .7rem; border-radius: 6px; }
  .timeline { overflow: visible; border: 0; padding: 0; break-inside: avoid; page-break-inside: avoid; }
  svg.gantt { min-width: 0; }
  a { color: inherit; text-decoration: none; }
  a.verify::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
  .cards { display: block; columns: 2; column-gap: .5rem; }
  .card { margin: 0 0 .5rem; font-size: .95em; }
  .card .verdict { margin-top: .35rem; }
  .chips { margin-top: .35rem; }
  .chips li { border: 1px solid var(--line); }
  ol.skills li { grid-template-columns: 12rem 13rem 1fr; padding: .3rem 0; }
  ol.steps li, ol.matches li, .glance li { border-radius: 6px; }
}
""".strip()
