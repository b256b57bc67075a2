// The HTML report's page: one self-contained file (styles inline, charts as inline SVG,
// no script, no font, no request of any kind), readable offline and when mailed, light
// or dark as the reader's system is, and printable on A4. User text is escaped here.
import type { Lang } from "../../i18n/lang.js";
import { printable } from "../../util/printable.js";

/**
 * Text for HTML: the five characters that could open markup escaped, and every control,
 * BiDi and zero-width character shown as its escape (\u202e), as the other formats show it.
 */
export const escapeHtml = (text: string): string =>
  printable(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The pages' fonts: the system's, then the CJK fonts of each platform (macOS, Windows,
 * Linux), so that Chinese is drawn with glyphs wherever one of them is installed, never
 * as boxes. Single quotes: the charts' SVG carries it inside a style attribute.
 */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', sans-serif";

const STYLE = `
:root { color-scheme: light dark; --fg: #1d2129; --muted: #5b6270; --line: #dde1e8; --bg: #ffffff; --soft: #f4f6f9; --bad: #c62828; --good: #2e7d32; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8ec; --muted: #a3a9b5; --line: #3a3f4a; --bg: #16181d; --soft: #20242b; --bad: #ef7b7b; --good: #7cc47f; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 14px/1.5 ${FONT_STACK}; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; } h3 { font-size: 15px; margin: 20px 0 6px; }
p.meta, .provenance { color: var(--muted); margin: 2px 0; }
.figure { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; margin: 8px 0 16px; }
.figure.wide { grid-template-columns: minmax(0, 1fr); }
.chart svg { width: 100%; height: auto; display: block; }
/* Each chart is drawn for a desktop (or paper) and for a phone: the one that fits is shown. */
.chart .narrow { display: none; }
@media screen and (max-width: 480px) { .chart .wide { display: none; } .chart .narrow { display: block; } }
.chart text { fill: var(--fg); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { --pad: 8px; --keep-most: 8em; border-bottom: 1px solid var(--line); padding: 4px var(--pad); text-align: left; vertical-align: top;
  min-width: calc(min(var(--keep, 0em), var(--keep-most)) + var(--pad) * 2); }
/* A long unbroken name (a price file's, a scenario's) wraps rather than push the amounts off the page. */
h1, h2, h3, p, li, caption, td, th { overflow-wrap: anywhere; }
/* A Chinese word (体验版) breaks only where a space or punctuation lets it, as an English one does. */
td, th { word-break: keep-all; }
/* …but a quantity and its price ("2 × ¥1,000.00/10,000 DAU") break only between words. */
td.words { overflow-wrap: break-word; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; }
/* An amount never breaks; its column's heading ("Peak DAU") may, between words. */
td.num { white-space: nowrap; }
/* A figure with words beside it ("30,700 on 2026-11-28") wraps between the words. */
td.num.words { white-space: normal; }
tr.total td { font-weight: 700; border-top: 2px solid var(--fg); }
.bad { color: var(--bad); } .good { color: var(--good); } .muted { color: var(--muted); }
ul.notes { margin: 4px 0; padding-left: 20px; }
@media (max-width: 720px) { .figure { grid-template-columns: minmax(0, 1fr); } body { padding: 12px; } }
@media (max-width: 480px) { th, td { --pad: 4px; --keep-most: 5em; } .wide-only { display: none; } }
@page { size: A4; margin: 14mm; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } .figure { break-inside: avoid; } h2 { break-after: avoid; } }
`;

export interface Page {
  lang: Lang;
  title: string;
  /** under the title: what the report is of, when it was made */
  meta: string[];
  /** the prices that made it: the list, overlays, config, discount */
  provenance: string[];
  body: string;
}

export function htmlPage(page: Page): string {
  const lang = page.lang === "zh" ? "zh-CN" : "en";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
${page.meta.map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join("\n")}
${page.body}
<footer>
${page.provenance.map((line) => `<p class="provenance">${escapeHtml(line)}</p>`).join("\n")}
</footer>
</body>
</html>
`;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Where a line may break: spaces and punctuation (a CJK run between them is one word, 体验版). */
// (，。；：！？、（）【】「」 written as escapes: the bundle every start reads is ASCII, scripts/build.mjs says why.)
const BREAKS = /[\s;:!?()\uff0c\u3002\uff1b\uff1a\uff01\uff1f\u3001\uff08\uff09\u3010\u3011\u300c\u300d]+/u;
/** The most a word keeps a column open for, in em (the style sheet caps it lower on a phone): past it, a hostile name still wraps anywhere. */
const KEPT_WORD_EM = 8;

/**
 * The width, in em, of a cell's longest word, kept whole: the columns wrap anywhere (so
 * that a long unbroken name cannot push the amounts off a phone), which would otherwise
 * stack a word such as 体验版, Month or 2026-11 one character a line. Null: nothing to keep.
 */
function keptWidth(text: string, latin: number): number | null {
  let widest = 0;
  for (const word of text.split(BREAKS)) {
    const chinese = CJK.test(word);
    // Latin words up to `latin` characters (a heading, a month such as 2026-11); longer ones break at hyphens and slashes.
    if (!chinese && word.length > latin) continue;
    let em = 0;
    for (const char of word) em += CJK.test(char) ? 1 : 0.68;
    widest = Math.max(widest, em);
  }
  return widest < 2 ? null : Math.min(KEPT_WORD_EM, Math.ceil(widest * 10) / 10);
}

/** The style that keeps a cell's longest word whole, if it has one worth keeping. */
const keep = (text: string, latin = 8): string => {
  const kept = keptWidth(text, latin);
  // The style sheet makes it a min-width, padding added, and caps it on a phone.
  return kept === null ? "" : ` style="--keep:${kept}em"`;
};

/** A cell: text escaped; a number right-aligned, with its exact value for the reader's tools. */
export const cell = (text: string, options: { value?: string; className?: string } = {}): string => {
  const classes = [options.value !== undefined ? "num" : "", options.className ?? ""].filter(Boolean).join(" ");
  // A number does not wrap (td.num): only words need keeping whole.
  const kept = options.value === undefined ? keep(text) : "";
  return `<td${classes ? ` class="${classes}"` : ""}${kept}${options.value !== undefined ? ` data-value="${escapeHtml(options.value)}"` : ""}>${escapeHtml(text)}</td>`;
};

/** A table: a caption, a head, rows of cells already made, a class per row. */
export function table(options: {
  id: string;
  caption: string;
  /** wideOnly: a column a phone leaves out (its cells carry the same class) */
  head: { text: string; num?: boolean; wideOnly?: boolean }[];
  rows: { cells: string[]; className?: string }[];
}): string {
  const head = options.head.map((column) => {
    const classes = [column.num ? "num" : "", column.wideOnly ? "wide-only" : ""].filter(Boolean).join(" ");
    return `<th${classes ? ` class="${classes}"` : ""}${keep(column.text, 12)}>${escapeHtml(column.text)}</th>`;
  });
  const rows = options.rows.map(
    (row) => `<tr${row.className ? ` class="${row.className}"` : ""}>${row.cells.join("")}</tr>`,
  );
  return `<table id="${options.id}"><caption class="muted">${escapeHtml(options.caption)}</caption><thead><tr>${head.join("")}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

/** A chart and its data table side by side (the table for screen readers and copy-paste). */
export const figure = (chart: string, data: string, wide = false): string =>
  `<div class="figure${wide ? " wide" : ""}"><div class="chart" aria-hidden="true">${chart}</div><div>${data}</div></div>`;

export const list = (items: string[], className = "notes"): string =>
  items.length === 0
    ? ""
    : `<ul class="${className}">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
