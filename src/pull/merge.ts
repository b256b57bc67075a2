// A pull merged into a usage file: idempotent by date. A day the file has is updated
// (a changed value reported), a day it lacks is added, every other day and column is
// kept (history older than the API's 30 days, bandwidth columns), rows end in date order.
// The file is checked first as `estimate --usage-csv` reads it: a file it would refuse
// is refused here too, untouched; and what is written is one it reads (four-digit
// dates, within its row limit), in the file's own style (a BOM, CRLF line ends). A pull
// from an overseas region writes where the app is (data_center: overseas) on every row,
// so that the file prices with the overseas data centres' list unless told otherwise.
import { stringify } from "csv-stringify/sync";
import { formatDate, parseDate } from "../util/calendar.js";
import { monthlyUsageOfRows, parseCsvRows, usageColumn } from "../scenario/usage-csv.js";
import type { AppDay } from "../tencent/appinfo.js";
import { parseQuantity } from "../util/quantity.js";
import { LIMITS } from "../document/limits.js";
import { say, UserError } from "../errors.js";
import type { DataCenter } from "../vocabulary.js";

export interface UsageChange {
  date: string;
  column: "dau" | "groups";
  before: string;
  after: string;
}

export interface MergedUsage {
  text: string;
  added: string[];
  changed: UsageChange[];
  unchanged: number;
  /** days of the file the pull did not hold */
  kept: number;
}

const HEADER = ["date", "dau", "groups"];
const DATA_CENTER_HEADER = "data_center";

/** The file as read: its text (without a BOM), and whether it began with one. */
export interface UsageFile {
  text: string;
  bom: boolean;
}

/**
 * The pull's days merged into the file. `dataCenter`: where the region pulled from keeps
 * the app's data (null: not known, an address given by --base-url); the file is refused
 * where it says otherwise, and overseas is written on every row.
 */
export function mergeUsage(
  existing: UsageFile | undefined,
  days: readonly AppDay[],
  source: string,
  dataCenter: DataCenter | null = null,
): MergedUsage {
  const pulled = new Map(days.map((day) => [day.date, day]));
  // The mainland's data centres are every list's default: a file says only overseas.
  const marked = dataCenter === "overseas" ? dataCenter : null;
  if (existing === undefined || existing.text.trim() === "") {
    const rows = days.map((day) => [day.date, String(day.dau), String(day.groups), ...(marked ? [marked] : [])]);
    checkRows(rows.length, source);
    return {
      text:
        (existing?.bom ? "\uFEFF" : "") + stringify([[...HEADER, ...(marked ? [DATA_CENTER_HEADER] : [])], ...rows]),
      added: days.map((day) => day.date),
      changed: [],
      unchanged: 0,
      kept: 0,
    };
  }
  // What the estimate would refuse (a bad date, a column twice) is refused before a byte changes.
  const parsed = parseCsvRows(existing.text, source);
  const [first] = monthlyUsageOfRows(parsed, source);
  // A file of another app's data centre is not this app's history.
  const fileSays = first!.dataCenter;
  if (dataCenter !== null && fileSays !== null && fileSays !== dataCenter)
    throw new UserError(say((t) => t.pull.otherDataCenter(source, fileSays, dataCenter)));
  const [header, ...data] = parsed.rows;
  const columns = header!.map(usageColumn);
  if (marked && !columns.includes("dataCenter")) {
    header!.push(DATA_CENTER_HEADER);
    columns.push("dataCenter");
  }
  const at = (column: "date" | "dau" | "groups" | "dataCenter") => columns.indexOf(column);
  const changed: UsageChange[] = [];
  let unchanged = 0;
  const rows: { date: string; fields: string[] }[] = [];
  for (const fields of data) {
    const date = formatDate(parseDate(fields[at("date")]!.trim().replace(/\//g, "-"))!);
    const day = pulled.get(date);
    const row = [...fields];
    while (row.length < header!.length) row.push("");
    if (marked && row[at("dataCenter")]!.trim() === "") row[at("dataCenter")] = marked;
    if (day) {
      pulled.delete(date);
      let same = true;
      for (const [column, value] of [
        ["dau", day.dau],
        ["groups", day.groups],
      ] as const) {
        // "28,100" in the file is 28100: a value written another way is not a change.
        const written = row[at(column)]!.trim();
        const before = parseQuantity(written);
        if (before === value) continue;
        same = false;
        changed.push({ date, column, before: before === undefined ? written : String(before), after: String(value) });
        row[at(column)] = String(value);
      }
      if (same) unchanged++;
    }
    rows.push({ date, fields: row });
  }
  const kept = rows.length - unchanged - new Set(changed.map((change) => change.date)).size;
  const added = [...pulled.keys()];
  for (const day of pulled.values()) {
    const row = header!.map(() => "");
    row[at("date")] = day.date;
    row[at("dau")] = String(day.dau);
    row[at("groups")] = String(day.groups);
    if (marked) row[at("dataCenter")] = marked;
    rows.push({ date: day.date, fields: row });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  checkRows(rows.length, source);
  // The file's line ends: CRLF where its first line ends so.
  const crlf = /^[^\n]*\r\n/.test(existing.text);
  return {
    text:
      (existing.bom ? "\uFEFF" : "") +
      stringify([header!, ...rows.map((row) => row.fields)], crlf ? { record_delimiter: "\r\n" } : {}),
    added,
    changed,
    unchanged,
    kept,
  };
}

/** A file past the usage CSV's row limit would be refused by the next estimate and pull: it is not written. */
function checkRows(rows: number, source: string): void {
  if (rows > LIMITS.csvRows) throw new UserError(say((t) => t.pull.rowLimit(source, rows, LIMITS.csvRows)));
}
