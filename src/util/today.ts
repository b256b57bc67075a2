/** Today on this machine, YYYY-MM-DD: the day bills are for unless a run says otherwise (--on). */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
