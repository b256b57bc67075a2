// The REST API's operations data (v4/openconfigsvr/getappinfo, "拉取运营数据": 269/4193,
// 1047/34886): the last 30 days of one app, a row a day (Beijing time), values as
// strings. One POST; network errors and 5xx answers are tried again with backoff, an
// ErrorCode is the end (with a hint for the common ones), a redirect is refused (the
// UserSig is never sent to a host it names), and an answer that is not the documented
// one for this request is refused whole. The UserSig travels in the URL: it is never
// shown, nor is server text that echoes it.
import { say, textIn, UserError } from "../errors.js";
import { parseDate, formatDate } from "../util/calendar.js";
import { MAGNITUDES } from "../document/limits.js";
import { own } from "../util/own.js";
import { parseJson } from "../document/json.js";
import { redacted, withoutCredentials } from "./endpoint.js";
import type { Proxy } from "./proxy.js";

/** One day of an app's usage, as the usage CSV holds it. */
export interface AppDay {
  date: string;
  dau: number;
  groups: number;
}

export interface AppInfoRequest {
  /** the checked base URL (./endpoint.ts) */
  baseUrl: URL;
  sdkappid: string;
  admin: string;
  usersig: string;
  /** each attempt's limit, in milliseconds */
  timeoutMs: number;
  /** attempts after the first, for network errors and 5xx answers */
  retries: number;
  /** the first wait between attempts, doubled each time */
  backoffMs: number;
  /** aborts the pull (Ctrl-C) */
  signal?: AbortSignal;
  /** today in Beijing (the API's days are Beijing days): no day after it is taken */
  today: string;
  /** the proxy to tunnel through (./proxy.ts), or none */
  proxy?: Proxy | undefined;
}

/** The fields asked for: the day, its DAU, its groups, and the app (checked against the one asked for). */
const FIELDS = ["Date", "ActiveUserNum", "GroupAllGroupNum", "AppId"] as const;
/** An answer holds 30 rows of a few dozen fields: anything past this is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** "拉取最近30天的运营数据" (269/4193): a row a day, 30 days at the most. */
export const MAX_ROWS = 30;

/** What Tencent's error-code page (错误码; tencentyun/intlcloud-documents 错误码_intl_en.md) says of the codes a pull meets. */
const HINTS: Record<number, "expired" | "signature" | "admin" | "app" | "rate" | "ip"> = {
  70001: "expired",
  70002: "signature",
  70003: "signature",
  70005: "signature",
  70009: "signature",
  70016: "signature",
  70050: "signature",
  60004: "admin",
  60005: "admin",
  60010: "admin",
  70013: "admin",
  70107: "admin",
  70403: "admin",
  60006: "app",
  70014: "app",
  70020: "app",
  60007: "rate",
  60011: "rate",
  60018: "rate",
  60019: "rate",
  60021: "ip",
};

/** A non-zero ErrorCode: Tencent's code and message, and what to do. */
export class TencentError extends UserError {
  constructor(
    readonly code: number,
    /** the server's ErrorInfo, already redacted */
    info: string,
  ) {
    const hint = HINTS[code];
    super(say((t) => t.pull.apiError(code, info, hint === undefined ? undefined : t.pull.hints[hint])));
    this.name = "TencentError";
  }
}

export async function getAppInfo(request: AppInfoRequest): Promise<AppDay[]> {
  if (request.proxy === undefined) return callAppInfo(request, fetch);
  // Through a proxy: undici's own fetch and its ProxyAgent (bundled into dist/undici.cjs,
  // read only here; Node 20's fetch takes no proxy), closed after, so no idle tunnel keeps the run.
  const { fetch: undiciFetch, ProxyAgent } = await import("undici");
  const agent = new ProxyAgent(request.proxy.url.href);
  try {
    const send = ((url: URL, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
    return await callAppInfo(request, send);
  } finally {
    await agent.close();
  }
}

async function callAppInfo(request: AppInfoRequest, send: typeof fetch): Promise<AppDay[]> {
  const url = new URL("/v4/openconfigsvr/getappinfo", request.baseUrl);
  // The host, the only part of the URL an error shows (its query holds the UserSig).
  const host = url.host;
  const safe = (text: string) => redacted(text, request.usersig);
  for (let attempt = 0; ; attempt++) {
    const random = Math.floor(Math.random() * 0x1_0000_0000);
    url.search = new URLSearchParams({
      sdkappid: request.sdkappid,
      identifier: request.admin,
      usersig: request.usersig,
      random: String(random),
      contenttype: "json",
    }).toString();
    let retry: UserError;
    // The attempt's own limit, and the run's Ctrl-C (AbortSignal.any is newer than Node 20.0).
    const attemptSignal = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attemptSignal.abort();
    }, request.timeoutMs);
    const stop = () => attemptSignal.abort();
    request.signal?.addEventListener("abort", stop);
    try {
      const response = await send(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ RequestField: FIELDS }),
        signal: attemptSignal.signal,
        // Never after a redirect: the UserSig would go to whatever host it names.
        redirect: "manual",
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        const to = location === null ? null : redirectTarget(location, url);
        throw new UserError(say((t) => t.pull.redirected(host, response.status, to)));
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        retry = new UserError(say((t) => t.pull.http(host, response.status)));
      } else if (!response.ok) {
        await response.body?.cancel();
        throw new UserError(say((t) => t.pull.http(host, response.status)));
      } else return daysOf(await readAnswer(response, host), host, request, safe);
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (request.signal?.aborted) throw error;
      const failure = unreachable(error, host, request, timedOut, safe);
      // A proxy's refusal of the tunnel, or a certificate not trusted, is the same the next time.
      if (failure.final) throw failure.error;
      retry = failure.error;
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", stop);
    }
    if (attempt >= request.retries) throw retry;
    await sleep(request.backoffMs * 2 ** attempt, request.signal);
  }
}

/** A name a resolver did not find. */
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA"]);
/** A certificate not trusted: OpenSSL's verify codes as Node names them, and its host name check. */
const TLS_CODE = /^(CERT_|UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED|ERR_TLS_CERT)/;

/** Why an attempt reached nothing, with what to try (undici's reason is its `cause`), and whether trying again could help. */
function unreachable(
  error: unknown,
  host: string,
  request: AppInfoRequest,
  timedOut: boolean,
  safe: (text: string) => string,
): { error: UserError; final: boolean } {
  const { proxy } = request;
  const seconds = request.timeoutMs / 1000;
  if (timedOut) {
    const error = new UserError(
      say((t) =>
        t.pull.timedOut(host, seconds, proxy ? t.pull.reach.through(proxy.host, proxy.variable) : t.pull.reach.timeout),
      ),
    );
    return { error, final: false };
  }
  // undici's reasons, outermost first: a system error's code (ECONNREFUSED), else a message ("bad port").
  const reasons: { code?: unknown; message?: unknown }[] = [];
  let cause = (error as { cause?: unknown }).cause;
  while (reasons.length < 5 && typeof cause === "object" && cause !== null) {
    reasons.push(cause);
    cause = (cause as { cause?: unknown }).cause;
  }
  const code = reasons.map((reason) => reason.code).find((value): value is string => typeof value === "string");
  const messages = reasons
    .map((reason) => reason.message)
    .filter((value): value is string => typeof value === "string");
  const message = messages[0] === undefined ? undefined : safe(messages[0]).slice(0, 200);
  // A proxy that would not open the tunnel: undici says "Proxy response (407) !== 200 when HTTP Tunneling".
  const tunnel = proxy ? messages.map((text) => /Proxy response \((\d{3})\)/.exec(text)?.[1]).find(Boolean) : undefined;
  if (proxy && tunnel !== undefined) {
    const error = new UserError(
      say((t) =>
        t.pull.network(
          host,
          `HTTP ${tunnel}`,
          tunnel === "407"
            ? t.pull.reach.proxyAuth(proxy.host, proxy.variable)
            : t.pull.reach.proxyStatus(proxy.host, proxy.variable, tunnel),
        ),
      ),
    );
    return { error, final: true };
  }
  const shown = code ?? message ?? (error as { name?: string }).name ?? "error";
  const untrusted = code !== undefined && TLS_CODE.test(code);
  const said = new UserError(
    say((t) => {
      const { reach } = t.pull;
      // Through a proxy, the connection that failed to open is the proxy's.
      const hint = () => {
        if (code !== undefined && DNS_CODES.has(code))
          return proxy ? reach.proxyDns(proxy.host, proxy.variable) : reach.dns;
        if (code === "ECONNREFUSED") return proxy ? reach.proxyRefused(proxy.host, proxy.variable) : reach.refused;
        if (untrusted) return reach.tls;
        return proxy ? reach.through(proxy.host, proxy.variable) : undefined;
      };
      return t.pull.network(host, shown, hint());
    }),
  );
  return { error: said, final: untrusted };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    });
  });

/** The name the JSON reader gives the answer, cut from its messages (which follow the host). */
const ANSWER = "answer";

/** Where a redirect pointed, as a host (never its path or query), or its text made printable. */
function redirectTarget(location: string, from: URL): string {
  try {
    return new URL(location, from).host;
  } catch {
    return JSON.stringify(withoutCredentials(location));
  }
}

/** The answer's text, read up to its limit. */
async function readAnswer(response: Response, host: string): Promise<unknown> {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new UserError(say((t) => t.pull.malformed(host, t.pull.tooLarge)));
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new UserError(say((t) => t.pull.malformed(host, t.pull.notJson)));
  }
  // Read as every JSON input is: a key twice (JSON.parse would keep the last) is refused.
  try {
    return parseJson(text.replace(/^\uFEFF/, ""), ANSWER);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // The reader's own words (a key given twice, on which line), after the host it names.
    const said = error.text;
    throw new UserError((lang) => {
      const reason = textIn(said, lang).replace(`${ANSWER}: `, "");
      return textIn(
        say((t) => t.pull.malformed(host, reason)),
        lang,
      );
    });
  }
}

/** A count as the API writes it: a string of digits (a number is taken too). */
function countOf(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^\d{1,16}$/.test(text)) return undefined;
  const count = Number(text);
  return count <= MAGNITUDES.count ? count : undefined;
}

/**
 * The documented answer to this request, each row whole, or an error that names what is
 * wrong: nothing is written then. Checked against the request: ActionStatus OK with
 * ErrorCode 0, at most 30 rows, real dates with four-digit years and none after today
 * (Beijing time), the app asked for where a row names its AppId.
 */
function daysOf(answer: unknown, host: string, request: AppInfoRequest, safe: (text: string) => string): AppDay[] {
  const fail = (what: (t: Parameters<Parameters<typeof say>[0]>[0]) => string) =>
    new UserError(say((t) => t.pull.malformed(host, what(t))));
  if (typeof answer !== "object" || answer === null || Array.isArray(answer)) throw fail((t) => t.pull.notObject);
  const top = answer as Record<string, unknown>;
  const code = own(top, "ErrorCode");
  if (typeof code !== "number" || !Number.isInteger(code)) throw fail((t) => t.pull.noErrorCode);
  if (code !== 0) {
    const info = own(top, "ErrorInfo");
    throw new TencentError(code, typeof info === "string" ? safe(info).slice(0, 300) : "");
  }
  if (own(top, "ActionStatus") !== "OK") throw fail((t) => t.pull.notOk);
  const result = own(top, "Result");
  if (!Array.isArray(result)) throw fail((t) => t.pull.noResult);
  if (result.length > MAX_ROWS) throw fail((t) => t.pull.tooManyRows(MAX_ROWS));
  const days: AppDay[] = [];
  const seen = new Set<string>();
  for (const [index, row] of (result as unknown[]).entries()) {
    if (typeof row !== "object" || row === null) throw fail((t) => t.pull.badRow(index, "Result"));
    const fields = row as Record<string, unknown>;
    const field = (key: string): unknown => own(fields, key);
    const dateText = field("Date");
    const date =
      typeof dateText === "string" && /^\d{8}$/.test(dateText)
        ? parseDate(`${dateText.slice(0, 4)}-${dateText.slice(4, 6)}-${dateText.slice(6)}`)
        : undefined;
    if (!date || date.year < 1000) throw fail((t) => t.pull.badRow(index, "Date"));
    const day = formatDate(date);
    if (day > request.today) throw fail((t) => t.pull.future(index, day, request.today));
    if (seen.has(day)) throw fail((t) => t.pull.dateTwice(day));
    const appId = field("AppId");
    // As the API writes it, a string (a number is taken too); anything else is not the app asked for.
    const app = typeof appId === "string" || typeof appId === "number" ? String(appId) : JSON.stringify(appId);
    if (appId !== undefined && app !== request.sdkappid) {
      const got = JSON.stringify((app ?? "").slice(0, 40));
      throw fail((t) => t.pull.otherApp(index, got, request.sdkappid));
    }
    seen.add(day);
    const dau = countOf(field("ActiveUserNum"));
    if (dau === undefined) throw fail((t) => t.pull.badRow(index, "ActiveUserNum"));
    const groups = countOf(field("GroupAllGroupNum"));
    if (groups === undefined) throw fail((t) => t.pull.badRow(index, "GroupAllGroupNum"));
    days.push({ date: day, dau, groups });
  }
  if (days.length === 0) throw fail((t) => t.pull.noRows);
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}
