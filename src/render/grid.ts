// A box-drawn table, rendered line by line: each column as wide as its widest cell,
// flexible columns shrunk (wrapping, then "…") until the table fits the terminal, and
// cells that span columns. Linear in the rows and cells, and a generator, so that a
// report of 100,000 rows goes out in chunks that Ctrl-C can interrupt.
import { append, maxOf } from "../util/array.js";
import { printableLine } from "../util/printable.js";
import { displayWidth, fitLine, longestWord, pad, wrapCell } from "./text.js";

export interface GridColumn {
  align?: "left" | "right";
  /** may be narrower than its widest cell, down to `min`: cells wrap, then end in "…" */
  flexible?: boolean;
  min?: number;
  /** lines a wrapped cell may take (default 3) */
  maxLines?: number;
  /** left out, from the right, when the table cannot fit the width with it (a detail column) */
  optional?: boolean;
  /** optional columns left out together (subtotals that add up to a total shown beside them: all or none) */
  group?: string;
}

export interface GridCell {
  text: string;
  /** columns this cell spans (default 1) */
  span?: number;
  align?: "left" | "right";
  /** applied to the text before padding: colour */
  style?: (text: string) => string;
  /** a spanning cell that wraps within its columns rather than widening them */
  wrap?: boolean;
}

export type Cell = string | GridCell;
export type Row = readonly Cell[];

export interface Grid {
  columns: readonly GridColumn[];
  /** row groups, drawn with a rule between groups and none inside one */
  sections: readonly (readonly Row[])[];
  /** the terminal's width: flexible columns shrink to fit it */
  width: number;
}

const cellOf = (cell: Cell): GridCell => (typeof cell === "string" ? { text: cell } : cell);

/** Each cell of the grid, with the first column it stands in and how many it spans (a callback: a table is measured several times, and a generator's results were much of what it allocated). */
function eachCell(grid: Grid, visit: (cell: GridCell, column: number, span: number) => void): void {
  for (const section of grid.sections) {
    for (const row of section) {
      let column = 0;
      for (const raw of row) {
        const cell = cellOf(raw);
        const span = cell.span ?? 1;
        visit(cell, column, span);
        column += span;
      }
    }
  }
}

/**
 * A line of a cell as drawn (control characters escaped): its width, or its longest
 * word's. Kept for short lines: a table is measured several times (does it fit the width,
 * which columns stay, how wide each is) and its cells repeat from row to row. The store
 * is emptied past 10,000 lines, so that a table of 100,000 rows holds no more.
 */
const measures = { width: new Map<string, number>(), word: new Map<string, number>() };
function lineMeasure(line: string, what: "width" | "word"): number {
  const measure = () => (what === "width" ? displayWidth(printableLine(line)) : longestWord(printableLine(line)));
  if (line.length > 256) return measure();
  const store = measures[what];
  let value = store.get(line);
  if (value === undefined) {
    if (store.size >= 10_000) store.clear();
    store.set(line, (value = measure()));
  }
  return value;
}

/** Natural column widths: the widest single-column cell of each, measured up to `cap` columns. */
function naturalWidths(grid: Grid, cap: number): number[] {
  const widths = grid.columns.map((column) => column.min ?? 1);
  eachCell(grid, (cell, column, span) => {
    if (span !== 1) return;
    // Measured as drawn (control characters escaped), and no further than can be shown.
    for (const line of cell.text.split("\n"))
      widths[column] = Math.max(
        widths[column]!,
        Math.min(lineMeasure(line.length > cap * 2 ? line.slice(0, cap * 2) : line, "width"), cap),
      );
  });
  return widths;
}

/** The widest word of each column (no cell wraps inside a word while the table can help it), up to `cap`. */
function wordWidths(grid: Grid, cap: number): number[] {
  const widths = grid.columns.map(() => 1);
  eachCell(grid, (cell, column, span) => {
    if (span !== 1) return;
    const text = cell.text.length > cap * 4 ? cell.text.slice(0, cap * 4) : cell.text;
    for (const line of text.split("\n"))
      widths[column] = Math.max(widths[column]!, Math.min(cap, lineMeasure(line, "word")));
  });
  return widths;
}

/**
 * Column widths that fit `grid.width`. Fixed columns keep their widest cell; the
 * flexible ones share the rest: each at least its widest word (while that fits, else
 * its minimum), the room left shared in proportion to what each would still want.
 */
export function fitWidths(grid: Grid): number[] {
  const { columns } = grid;
  const borders = 3 * columns.length + 1;
  const widths = naturalWidths(grid, Math.max(1, grid.width - borders));
  const words = wordWidths(grid, Math.max(1, grid.width - borders));
  const flexible = columns.flatMap((column, index) => (column.flexible ? [index] : []));
  const fixed = widths.reduce((sum, width, index) => (columns[index]!.flexible ? sum : sum + width), 0);
  const room = grid.width - borders - fixed;
  const wanted = flexible.reduce((sum, index) => sum + widths[index]!, 0);
  if (wanted > room) {
    const byWords = flexible.map((index) =>
      Math.min(widths[index]!, Math.max(columns[index]!.min ?? 1, words[index]!)),
    );
    const byMinimum = flexible.map((index) => Math.min(widths[index]!, columns[index]!.min ?? 1));
    const sum = (list: number[]) => list.reduce((total, width) => total + width, 0);
    const floors = sum(byWords) <= room ? byWords : byMinimum;
    // A level every flexible column gets, or less if it needs less (its widest cell),
    // never under its floor: narrow columns stay whole, wide ones share what is left.
    const at = (level: number) => flexible.map((index, k) => Math.max(floors[k]!, Math.min(widths[index]!, level)));
    let level = 0;
    while (sum(at(level + 1)) <= room && level < grid.width) level++;
    const fitted = at(level);
    let left = room - sum(fitted);
    for (const [k, index] of flexible.entries()) {
      // The columns still short of their widest cell take what rounding left, one each.
      if (left > 0 && fitted[k]! < widths[index]!) {
        fitted[k]!++;
        left--;
      }
      widths[index] = fitted[k]!;
    }
  }
  // Spanned cells wider than their columns widen the last of them (those that wrap do not).
  eachCell(grid, (cell, column, span) => {
    if (span === 1 || cell.wrap) return;
    const room = widths.slice(column, column + span).reduce((sum, width) => sum + width, 0) + 3 * (span - 1);
    const need = Math.min(displayWidth(cell.text.slice(0, grid.width * 2)), grid.width - borders);
    if (need > room) widths[column + span - 1] = widths[column + span - 1]! + need - room;
  });
  return widths;
}

/** Boundaries of a row: after which columns a "│" stands. */
function boundaries(row: Row | undefined, count: number): Set<number> {
  const set = new Set<number>();
  if (!row) {
    for (let column = 0; column < count - 1; column++) set.add(column);
    return set;
  }
  let column = 0;
  for (const raw of row) {
    column += cellOf(raw).span ?? 1;
    if (column < count) set.add(column - 1);
  }
  return set;
}

function rule(
  widths: readonly number[],
  above: Set<number> | undefined,
  below: Set<number> | undefined,
  edge: "top" | "middle" | "bottom",
): string {
  const [left, right] = edge === "top" ? ["┌", "┐"] : edge === "bottom" ? ["└", "┘"] : ["├", "┤"];
  let out = left;
  for (const [index, width] of widths.entries()) {
    out += "─".repeat(width + 2);
    if (index === widths.length - 1) break;
    const up = above?.has(index) ?? false;
    const down = below?.has(index) ?? false;
    out += up && down ? "┼" : up ? "┴" : down ? "┬" : "─";
  }
  return out + right;
}

/** The lines of one row: each cell fitted to its width, wrapped or cut as its column allows. */
function rowLines(row: Row, grid: Grid, widths: readonly number[]): string[] {
  const cells: { lines: string[]; width: number; align: "left" | "right"; style?: (text: string) => string }[] = [];
  let column = 0;
  for (const raw of row) {
    const cell = cellOf(raw);
    const span = cell.span ?? 1;
    const width = widths.slice(column, column + span).reduce((sum, w) => sum + w, 0) + 3 * (span - 1);
    const spec = grid.columns[column] ?? {};
    const align = cell.align ?? (span === 1 ? (spec.align ?? "left") : "left");
    const lines: string[] = [];
    for (const line of cell.text.split("\n")) {
      const safe = printableLine(line);
      if (cell.wrap) append(lines, wrapCell(safe, width));
      else if (spec.flexible && span === 1) append(lines, wrapCell(safe, width, spec.maxLines ?? 3));
      else lines.push(fitLine(safe, width));
    }
    cells.push({ lines, width, align, style: cell.style });
    column += span;
  }
  const height = maxOf(
    cells.map((cell) => cell.lines.length),
    1,
  );
  const out: string[] = [];
  for (let line = 0; line < height; line++) {
    out.push(
      `│ ${cells
        .map((cell) => {
          const text = cell.lines[line] ?? "";
          return pad(cell.style && text !== "" ? cell.style(text) : text, cell.width, cell.align);
        })
        .join(" │ ")} │`,
    );
  }
  return out;
}

/** The narrowest a grid can be: flexible columns at their minimum, the others at their widest cell. */
function narrowest(grid: Grid): number {
  const natural = naturalWidths(grid, Math.max(1, grid.width));
  const widths = grid.columns.map((column, index) => (column.flexible ? (column.min ?? 1) : natural[index]!));
  return widths.reduce((sum, width) => sum + width, 0) + 3 * widths.length + 1;
}

/** The grid without column `drop`: a cell spanning it spans one less, a cell only in it goes. */
function withoutColumn(grid: Grid, drop: number): Grid {
  const row = (cells: Row): Row => {
    const out: Cell[] = [];
    let column = 0;
    for (const raw of cells) {
      const cell = cellOf(raw);
      const span = cell.span ?? 1;
      if (drop >= column && drop < column + span) {
        if (span > 1) out.push({ ...cell, span: span - 1 });
      } else out.push(raw);
      column += span;
    }
    return out;
  };
  return {
    ...grid,
    columns: grid.columns.filter((_, index) => index !== drop),
    sections: grid.sections.map((section) => section.map(row)),
  };
}

/** The grid that can fit its width: optional columns left out, the rightmost first, while it cannot. */
export function fitColumns(grid: Grid): Grid {
  let fitted = grid;
  while (narrowest(fitted) > fitted.width) {
    const drop = fitted.columns.findLastIndex((column) => column.optional);
    if (drop === -1) break;
    const group = fitted.columns[drop]!.group;
    fitted = withoutColumn(fitted, drop);
    // The rest of its group goes with it, the rightmost first.
    for (let index = fitted.columns.length - 1; group !== undefined && index >= 0; index--)
      if (fitted.columns[index]!.group === group) fitted = withoutColumn(fitted, index);
  }
  return fitted;
}

/** The table, a chunk of lines at a time (each chunk ends with a newline). */
export function* renderGrid(whole: Grid, rowsPerChunk = 500): Generator<string> {
  const grid = fitColumns(whole);
  const widths = fitWidths(grid);
  const count = grid.columns.length;
  const sections = grid.sections.filter((section) => section.length > 0);
  let chunk: string[] = [];
  let previous: Row | undefined;
  for (const [index, section] of sections.entries()) {
    chunk.push(
      rule(
        widths,
        index === 0 ? undefined : boundaries(previous, count),
        boundaries(section[0], count),
        index === 0 ? "top" : "middle",
      ),
    );
    for (const row of section) {
      append(chunk, rowLines(row, grid, widths));
      if (chunk.length >= rowsPerChunk) {
        yield `${chunk.join("\n")}\n`;
        chunk = [];
      }
    }
    previous = section.at(-1);
  }
  chunk.push(rule(widths, sections.length > 0 ? boundaries(previous, count) : undefined, undefined, "bottom"));
  yield `${chunk.join("\n")}\n`;
}

/** The whole table as one string, for small tables. */
/** Whether a grid fits its width with no flexible column shrunk below its widest cell. */
export function fitsWhole(grid: Grid): boolean {
  const natural = fitWidths({ ...grid, width: Number.MAX_SAFE_INTEGER });
  return natural.reduce((sum, width) => sum + width, 0) + 3 * natural.length + 1 <= grid.width;
}

export const gridText = (grid: Grid): string => [...renderGrid(grid)].join("");
