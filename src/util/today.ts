/** The day a CLI run was told it is made (SOURCE_DATE_EPOCH), for the length of that run; else the clock's. */
let fixedDay: string | undefined;

/** Today on this machine, YYYY-MM-DD: the day bills are for unless a run says otherwise (--on). */
export function today(now?: Date): string {
  if (now === undefined && fixedDay !== undefined) return fixedDay;
  const at = now ?? new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Fixes the day `today()` answers, until fixed again (undefined: the clock's again). The
 * CLI fixes it for a run from SOURCE_DATE_EPOCH, the reproducible-builds variable for
 * tools that put the date they run on into what they write: an estimate says which day
 * it is for and how long ago its list was checked.
 */
export function fixToday(day: string | undefined): void {
  fixedDay = day;
}

/** Seconds since 1970-01-01T00:00:00Z as its day in UTC (the reproducible-builds rule); undefined: not a whole number of seconds up to 9999-12-31. */
export function dayOfEpoch(text: string): string | undefined {
  if (!/^\d{1,12}$/.test(text)) return undefined;
  const seconds = Number(text);
  // 253402300799: 9999-12-31T23:59:59Z, the last day a YYYY-MM-DD can name.
  if (seconds > 253_402_300_799) return undefined;
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
