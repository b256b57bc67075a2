// Real daily usage from a CSV (date, dau, groups, and optionally live_groups,
// mainland_mbps, international_mbps, mau, community_messages; English or Chinese headers,
// any case), as one usage per calendar month: the month's peaks, its daily bandwidth
// peaks summed, its monthly active users (the highest count given in the month: the
// console states it once a month, or as it grows) and its community messages summed. A
// file of the international site's lists may give mau instead of dau and groups. A
// data_center column says where the app keeps its data (mainland or overseas, as
// `usage pull` writes it for an overseas region): the same on every row that gives it.
import { daysInMonth, formatDate, parseDate } from "../util/calendar.js";
import { Money } from "../util/money.js";
import { parse } from "csv-parse/sync";
import { LIMITS, MAGNITUDES } from "../document/limits.js";
import { formatNumber } from "../util/format.js";
import { InputError, say, type Problem, type Text } from "../errors.js";
import { closest } from "../util/suggest.js";
import { parseQuantity } from "../util/quantity.js";
import { dataCenters, type DataCenter } from "../vocabulary.js";

export type Column =
  | "date"
  | "dau"
  | "groups"
  | "liveGroups"
  | "mainlandMbps"
  | "internationalMbps"
  | "mau"
  | "communityMessages"
  | "dataCenter";

const HEADERS: Readonly<Record<string, Column>> = {
  date: "date",
  日期: "date",
  dau: "dau",
  peak_dau: "dau",
  日活: "dau",
  groups: "groups",
  group_count: "groups",
  群组数: "groups",
  live_groups: "liveGroups",
  直播群数: "liveGroups",
  mainland_mbps: "mainlandMbps",
  国内带宽: "mainlandMbps",
  international_mbps: "internationalMbps",
  国际带宽: "internationalMbps",
  mau: "mau",
  monthly_active_users: "mau",
  月活: "mau",
  community_messages: "communityMessages",
  社群消息数: "communityMessages",
  data_center: "dataCenter",
  数据中心: "dataCenter",
};

/** A data_center cell: mainland or overseas, or 境内 / 境外 as Tencent's pages say (any case). */
const DATA_CENTER_WORDS: Readonly<Record<string, DataCenter>> = {
  mainland: "mainland",
  overseas: "overseas",
  境内: "mainland",
  境外: "overseas",
};

/** The column a header names (any case, English or Chinese), if it is one. */
export function usageColumn(name: string): Column | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(HEADERS, key) ? HEADERS[key] : undefined;
}

export interface MonthUsage {
  /** "2026-03" */
  month: string;
  daysPresent: number;
  daysInMonth: number;
  peakDau: number;
  /** the first day of the month with that peak: the one that set the month's DAU bill */
  peakDauDate: string;
  peakGroups: number;
  peakGroupsDate: string;
  liveGroups: number | null;
  mainlandMbpsDays: number | null;
  internationalMbpsDays: number | null;
  /** whether the file gives daily DAU and groups (a file of monthly active users may not): what its peaks are worth */
  daily: boolean;
  /** the month's monthly active users: the highest count its rows give (null: none given) */
  mau: number | null;
  /** the month's community downstream messages, its rows summed (null: none given) */
  communityMessages: number | null;
  /** the latest day the file has of the month */
  lastDate: string;
  /** each day's DAU and groups, by date: the trend a month so far is projected from */
  days: DayUsage[];
  /** where the app keeps its data, as the file's data_center column says (null: it does not say) */
  dataCenter: DataCenter | null;
}

export interface DayUsage {
  date: string;
  dau: number;
  groups: number;
}

/**
 * A CSV file's rows, blank ones left out, and the line each starts on. The lines are
 * read when first asked for (a message names one), by a second reading with
 * csv-parse's positions: keeping them for every record took as long as the rest of the
 * reading (a 100,000-day file: ~400 ms of ~800), and a valid file needs none.
 */
export interface CsvRows {
  readonly rows: readonly string[][];
  readonly lineOf: (index: number) => number;
}

/** The records csv-parse reads (with their positions, or not); text that is not CSV is an error naming the line. */
function csvRecords(text: string, source: string, info: boolean): unknown[] {
  try {
    return parse(text, {
      bom: true,
      info,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      // The header, the rows, and one more to tell a file past the limit.
      to: LIMITS.csvRows + 2,
    });
  } catch (error) {
    // csv-parse says what is wrong in English: its code picks the words in the user's language.
    const { lines, code } = error as { lines?: number; code?: string };
    const reason =
      code === "CSV_QUOTE_NOT_CLOSED" ? "quoteNotClosed" : code?.includes("QUOTE") ? "strayQuote" : "other";
    throw new InputError([
      {
        source: lines ? `${source}:${lines}` : source,
        path: "",
        message: say((t) => t.usage.invalidCsv(t.usage.csvReasons[reason])),
      },
    ]);
  }
}

/**
 * RFC 4180 rows read by csv-parse: quoted fields may hold commas, quotes ("") and line
 * breaks; a BOM and blank lines are skipped. A row past the limit, or text that is not
 * CSV, is an error naming the line.
 */
export function parseCsvRows(text: string, source = "usage.csv"): CsvRows {
  const records = csvRecords(text, source, false) as string[][];
  // The limit counts rows of usage: the header is not one.
  if (records.length - 1 > LIMITS.csvRows)
    throw new InputError([{ source, path: "", message: say((t) => t.usage.tooManyRows(LIMITS.csvRows)) }]);
  const rows: string[][] = [];
  const recordOf: number[] = [];
  for (const [index, record] of records.entries())
    if (record.some((field) => field.trim() !== "")) {
      rows.push(record);
      recordOf.push(index);
    }
  let lines: number[] | undefined;
  return {
    rows,
    lineOf: (index) => {
      // info.lines is the line a record ends on: it starts as many lines earlier as it holds line breaks.
      lines ??= (csvRecords(text, source, true) as { record: string[]; info: { lines: number } }[]).map(
        ({ record, info }) =>
          info.lines - record.reduce((breaks, field) => breaks + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
      );
      return lines[recordOf[index]!]!;
    },
  };
}

/** The numeric columns, each whole or not: checked on every row (a table, not one made per row). */
const NUMBER_COLUMNS = [
  ["dau", true],
  ["groups", true],
  ["liveGroups", true],
  ["mainlandMbps", false],
  ["internationalMbps", false],
  ["mau", true],
  ["communityMessages", true],
] as const;

/** Whether a day's value beats the peak so far, or equals it on an earlier day. */
const higher = (value: number, day: string, peak: number, peakDate: string) =>
  value > peak || (value === peak && day < peakDate);

/** Sums of daily peaks, added as decimals (0.1 + 0.2 is 0.3). */
const add = (sum: number | null, mbps: number) => new Money(sum ?? 0).plus(mbps).toNumber();

export function monthlyUsage(text: string, source: string): MonthUsage[] {
  return monthlyUsageOfRows(parseCsvRows(text, source), source);
}

/** monthlyUsage of rows already read (parseCsvRows), for a caller that needs them too: the pull's merge. */
export function monthlyUsageOfRows({ rows, lineOf }: CsvRows, source: string): MonthUsage[] {
  const problems: (Problem & { source: string })[] = [];
  // A row by its index: its line is read only when a message names it.
  const fail = (row: number, message: Text) => problems.push({ source: `${source}:${lineOf(row)}`, path: "", message });
  const headerFields = rows[0];
  if (!headerFields) throw new InputError([{ source, path: "", message: say((t) => t.usage.empty) }]);
  const header = { row: 0, fields: headerFields };

  const columns = header.fields.map((name) => {
    const key = name.trim().toLowerCase();
    const column = Object.hasOwn(HEADERS, key) ? HEADERS[key] : undefined;
    if (!column) {
      const suggestion = closest(name.trim(), Object.keys(HEADERS));
      const shown = JSON.stringify(name);
      fail(
        header.row,
        say((t) => t.usage.unknownColumn(shown, suggestion)),
      );
    }
    return column;
  });
  // A column given twice: which of the two would count is nobody's guess.
  for (const [index, column] of columns.entries()) {
    const first = column === undefined ? -1 : columns.indexOf(column);
    if (first !== -1 && first < index) {
      const name = JSON.stringify(header.fields[index]!.trim());
      fail(
        header.row,
        say((t) => t.usage.columnTwice(name, first + 1, index + 1)),
      );
    }
  }
  // Daily DAU and groups (the mainland's lists), or monthly active users (the international site's).
  const byMau = columns.includes("mau") && !columns.includes("dau");
  for (const required of byMau ? (["date"] as const) : (["date", "dau", "groups"] as const)) {
    if (!columns.includes(required))
      fail(
        header.row,
        say((t) => t.usage.missingColumn(required)),
      );
  }
  if (problems.length > 0) throw new InputError(problems);

  const months = new Map<string, MonthUsage>();
  const seen = new Set<string>();
  // One app's usage: its data centre, where rows say it, is the same on each (the first that says it).
  let dataCenter: { value: DataCenter; row: number } | null = null;
  for (let row = 1; row < rows.length; row++) {
    const fields = rows[row]!;
    const value = (column: Column) => {
      const index = columns.indexOf(column);
      return index === -1 ? undefined : (fields[index] ?? "").trim();
    };
    const dateText = value("date")!;
    const date = parseDate(dateText.replace(/\//g, "-"));
    if (!date) {
      const got = JSON.stringify(dateText);
      fail(
        row,
        say((t) => `date: ${t.flags.date(got)}`),
      );
      continue;
    }
    // 2026-03-01 and 2026/03/01 are the same day.
    const day = formatDate(date);
    if (seen.has(day))
      fail(
        row,
        say((t) => t.usage.dateTwice(day)),
      );
    seen.add(day);
    const number = (column: Column, whole: boolean): number | null | undefined => {
      const text = value(column);
      // dau and groups, where the file has them, on every row; the rest where known.
      if (text === undefined || text === "")
        return (column === "dau" || column === "groups") && columns.includes(column) ? undefined : null;
      const parsed = parseQuantity(text);
      if (parsed === undefined || parsed < 0 || (whole && !Number.isInteger(parsed))) return undefined;
      return parsed;
    };
    /** Past what a count or a bandwidth may be (as a flag or a file), the row is refused, never priced. */
    const beyond = (column: Column, whole: boolean, parsed: number) => {
      const max = whole ? MAGNITUDES.count : MAGNITUDES.mbps;
      if (parsed <= max) return false;
      const name = header.fields[columns.indexOf(column)]?.trim() ?? column;
      const shown = formatNumber(max);
      fail(
        row,
        say((t) => `${name}: ${t.validation.tooLarge(shown)}`),
      );
      return true;
    };
    const parsed: Partial<Record<Column, number | null>> = {};
    let bad = false;
    for (const [column, whole] of NUMBER_COLUMNS) {
      const result = number(column, whole);
      if (result != null && beyond(column, whole, result)) bad = true;
      else if (result === undefined) {
        bad = true;
        const name = header.fields[columns.indexOf(column)]?.trim() ?? column;
        const got = JSON.stringify(value(column) ?? "");
        fail(
          row,
          say((t) => `${name}: ${t.validation.mustBe(whole ? t.rules.wholeNumber : t.rules.numberAtLeastZero, got)}`),
        );
      } else parsed[column] = result;
    }
    const where = value("dataCenter");
    if (where !== undefined && where !== "") {
      const key = where.toLowerCase();
      const said = Object.hasOwn(DATA_CENTER_WORDS, key) ? DATA_CENTER_WORDS[key]! : undefined;
      const name = header.fields[columns.indexOf("dataCenter")]!.trim();
      if (said === undefined) {
        const got = JSON.stringify(where);
        const known = dataCenters.join(", ");
        fail(
          row,
          say((t) => `${name}: ${t.validation.mustBe(t.rules.oneOf(known), got)}`),
        );
        continue;
      }
      if (dataCenter === null) dataCenter = { value: said, row };
      else if (dataCenter.value !== said) {
        const first = dataCenter;
        fail(
          row,
          say((t) => `${name}: ${t.usage.dataCenterChanged(said, first.value, lineOf(first.row))}`),
        );
        continue;
      }
    }
    if (bad) continue;
    const key = `${date.year}-${String(date.month).padStart(2, "0")}`;
    const month = months.get(key) ?? {
      month: key,
      daysPresent: 0,
      daysInMonth: daysInMonth(date.year, date.month),
      peakDau: -1,
      peakDauDate: day,
      peakGroups: -1,
      peakGroupsDate: day,
      liveGroups: null,
      mainlandMbpsDays: null,
      internationalMbpsDays: null,
      daily: !byMau,
      mau: null,
      communityMessages: null,
      lastDate: day,
      days: [],
      dataCenter: null,
    };
    month.daysPresent++;
    if (day > month.lastDate) month.lastDate = day;
    // A file of monthly active users may have no daily DAU or groups: none, that day.
    const dau = parsed.dau ?? 0;
    const groups = parsed.groups ?? 0;
    month.days.push({ date: day, dau, groups });
    // The peak, and the earliest day it was reached (rows may come in any order).
    if (higher(dau, day, month.peakDau, month.peakDauDate)) {
      month.peakDau = dau;
      month.peakDauDate = day;
    }
    if (higher(groups, day, month.peakGroups, month.peakGroupsDate)) {
      month.peakGroups = groups;
      month.peakGroupsDate = day;
    }
    if (parsed.mau != null) month.mau = Math.max(month.mau ?? 0, parsed.mau);
    if (parsed.communityMessages != null)
      month.communityMessages = (month.communityMessages ?? 0) + parsed.communityMessages;
    if (parsed.liveGroups != null) month.liveGroups = Math.max(month.liveGroups ?? 0, parsed.liveGroups);
    if (parsed.mainlandMbps != null) month.mainlandMbpsDays = add(month.mainlandMbpsDays, parsed.mainlandMbps);
    if (parsed.internationalMbps != null)
      month.internationalMbpsDays = add(month.internationalMbpsDays, parsed.internationalMbps);
    months.set(key, month);
  }
  // A month's summed bandwidth has its own bound (31 days at the daily one at most), and so has its sum of messages.
  for (const month of months.values()) {
    if (month.communityMessages !== null && month.communityMessages > MAGNITUDES.count) {
      const shown = formatNumber(MAGNITUDES.count);
      problems.push({
        source,
        path: "",
        message: say((t) => `${month.month}: community_messages: ${t.validation.tooLarge(shown)}`),
      });
    }
    for (const sum of [month.mainlandMbpsDays, month.internationalMbpsDays]) {
      if (sum !== null && sum > MAGNITUDES.mbpsDays) {
        const shown = formatNumber(MAGNITUDES.mbpsDays);
        problems.push({
          source,
          path: "",
          message: say((t) => `${month.month}: ${t.validation.tooLarge(shown)} Mbps·day`),
        });
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (months.size === 0) throw new InputError([{ source, path: "", message: say((t) => t.usage.noRows) }]);
  for (const month of months.values()) {
    month.days.sort((a, b) => (a.date < b.date ? -1 : 1));
    month.dataCenter = dataCenter?.value ?? null;
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}
