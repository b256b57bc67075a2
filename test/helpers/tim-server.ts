// A stand-in for Tencent's REST API on loopback: getappinfo as documented (269/4193,
// 1047/34886): a POST to /v4/openconfigsvr/getappinfo with sdkappid, identifier,
// usersig, random and contenttype=json, a JSON body of RequestField, and an answer of
// ErrorCode/ErrorInfo/Result with every value a string. The UserSig is checked as
// Tencent checks it, by its own code here: inflate, then the HMAC-SHA256 of its fields
// with the app's secret key, and its expiry. `mode` makes it fail the ways the real one can.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { inflateSync } from "node:zlib";

export type Mode =
  | "ok"
  | "slow"
  | "malformed"
  | "partial"
  | "html"
  | "5xx-once"
  | "5xx"
  /** an error whose ErrorInfo echoes the request's query, UserSig and all, as some servers do */
  | "echo"
  | { errorCode: number; errorInfo: string }
  /** this answer's text as it is (a status 200 JSON body) */
  | { raw: (rows: Record<string, string>[]) => string }
  /** a redirect to this address */
  | { redirect: string };

/** The app the tests pull: its SDKAppID, an administrator, and its secret key (a test key). */
export const SDKAPPID = "1400000001";
export const ADMIN = "administrator";
export const SECRET = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

/** 30 days to 2026-11-28, DAU rising 26,090 → 28,700, groups 88,000 → 92,350. */
export const thirtyDays = (): DayRow[] =>
  Array.from({ length: 30 }, (_, index) => {
    const day = new Date(Date.UTC(2026, 9, 30 + index));
    return { date: day.toISOString().slice(0, 10), dau: 26_000 + 90 * (index + 1), groups: 88_000 + 150 * index };
  });

export interface DayRow {
  date: string;
  dau: number;
  groups: number;
}

export interface TimServer {
  url: string;
  mode: Mode;
  days: DayRow[];
  /** what each request was: its query (the UserSig replaced by whether it verified) and body */
  requests: { query: Record<string, string>; sigValid: string; body: unknown }[];
  close(): Promise<void>;
}

/** A UserSig's fields, or why it is not one: the checks Tencent's 70003/70009/70001 stand for. */
export function verifyUserSig(usersig: string, secret: string, sdkappid: string, identifier: string): string {
  let document: Record<string, unknown>;
  try {
    const base64 = usersig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
    document = JSON.parse(inflateSync(Buffer.from(base64, "base64")).toString("utf8"));
  } catch {
    return "invalid";
  }
  const content =
    `TLS.identifier:${String(document["TLS.identifier"])}\n` +
    `TLS.sdkappid:${String(document["TLS.sdkappid"])}\n` +
    `TLS.time:${String(document["TLS.time"])}\n` +
    `TLS.expire:${String(document["TLS.expire"])}\n`;
  const expected = createHmac("sha256", secret).update(content).digest("base64");
  if (document["TLS.sig"] !== expected) return "signature";
  if (String(document["TLS.identifier"]) !== identifier) return "identifier";
  if (String(document["TLS.sdkappid"]) !== sdkappid) return "sdkappid";
  if (Number(document["TLS.time"]) + Number(document["TLS.expire"]) < Date.now() / 1000) return "expired";
  return "ok";
}

const read = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

/** `tls`: served over TLS with this key and certificate (the url is then https://127.0.0.1:port). */
export async function startTimServer(options: {
  sdkappid: string;
  admin: string;
  secret: string;
  days: DayRow[];
  tls?: { key: string; cert: string };
}) {
  let failedOnce = false;
  const state = { mode: "ok" as Mode, days: options.days, requests: [] as TimServer["requests"] };
  const handler = (request: IncomingMessage, response: ServerResponse) => void answer(request, response);
  const server: Server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://localhost");
    const body = await read(request);
    const query = Object.fromEntries(url.searchParams);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(typeof value === "string" ? value : JSON.stringify(value));
    };
    if (request.method !== "POST" || url.pathname !== "/v4/openconfigsvr/getappinfo") return json(404, "not found");
    const sigValid = verifyUserSig(query.usersig ?? "", options.secret, query.sdkappid ?? "", query.identifier ?? "");
    let parsedBody: unknown = null;
    try {
      parsedBody = JSON.parse(body);
    } catch {
      return json(200, { ErrorCode: 60003, ErrorInfo: "json parse error", ActionStatus: "FAIL" });
    }
    state.requests.push({ query: { ...query, usersig: "…" }, sigValid, body: parsedBody });
    const { mode } = state;
    if (mode === "5xx" || (mode === "5xx-once" && !failedOnce)) {
      failedOnce = true;
      return json(502, "bad gateway");
    }
    if (typeof mode === "object" && "redirect" in mode) {
      response.writeHead(307, { location: mode.redirect });
      return response.end();
    }
    if (typeof mode === "object" && "errorCode" in mode)
      return json(200, { ErrorCode: mode.errorCode, ErrorInfo: mode.errorInfo, ActionStatus: "FAIL" });
    if (mode === "echo")
      return json(200, { ErrorCode: 70009, ErrorInfo: `check failed for ${request.url}`, ActionStatus: "FAIL" });
    // The documented checks, in the documented codes.
    if (query.contenttype !== "json" || !/^\d+$/.test(query.random ?? "") || Number(query.random) > 0xffffffff)
      return json(200, { ErrorCode: 60002, ErrorInfo: "HTTP parse error", ActionStatus: "FAIL" });
    if (query.sdkappid !== options.sdkappid)
      return json(200, { ErrorCode: 70020, ErrorInfo: "SDKAppID not found", ActionStatus: "FAIL" });
    if (sigValid === "expired")
      return json(200, { ErrorCode: 70001, ErrorInfo: "usersig expired", ActionStatus: "FAIL" });
    if (sigValid !== "ok" && sigValid !== "identifier")
      return json(200, { ErrorCode: 70009, ErrorInfo: "check usersig failed", ActionStatus: "FAIL" });
    if (sigValid === "identifier")
      return json(200, { ErrorCode: 70013, ErrorInfo: "identifier mismatch", ActionStatus: "FAIL" });
    if (query.identifier !== options.admin)
      return json(200, { ErrorCode: 60010, ErrorInfo: "must be app admin", ActionStatus: "FAIL" });
    const fields = (parsedBody as { RequestField?: string[] }).RequestField ?? [];
    const rows = state.days.map((day) => {
      const all: Record<string, string> = {
        Date: day.date.replace(/-/g, ""),
        ActiveUserNum: String(day.dau),
        GroupAllGroupNum: String(day.groups),
        AppName: "demo",
        AppId: options.sdkappid,
        LoginTimes: "13708",
      };
      return fields.length === 0 ? all : Object.fromEntries(fields.map((field) => [field, all[field]]));
    });
    if (typeof mode === "object") return json(200, mode.raw(rows as Record<string, string>[]));
    if (mode === "slow") await new Promise((done) => setTimeout(done, 3_000));
    if (mode === "malformed") return json(200, '{"ErrorCode":0,"Result":[{"Date":"2026');
    if (mode === "html") return json(200, "<html>maintenance</html>");
    if (mode === "partial") {
      const [first, ...rest] = rows;
      const { GroupAllGroupNum: _dropped, ...cut } = first!;
      return json(200, { ErrorCode: 0, ErrorInfo: "OK", ActionStatus: "OK", Result: [cut, ...rest] });
    }
    return json(200, { ErrorCode: 0, ErrorInfo: "OK", ActionStatus: "OK", Result: rows });
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const result: TimServer = {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(mode: Mode) {
      state.mode = mode;
      failedOnce = false;
    },
    get days() {
      return state.days;
    },
    set days(days: DayRow[]) {
      state.days = days;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return result;
}
