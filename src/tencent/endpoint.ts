// Where a pull sends the administrator's UserSig: Tencent's host for the region, or an
// address the person running im-bill gave (--base-url, or IM_BILL_BASE_URL), never one a
// repository's config names. Over TLS only; plain http only to this machine's loopback
// (a test server). A credential in the URL is refused without being echoed.
import { say, UserError } from "../errors.js";
import { printableLine } from "../util/printable.js";
import { REGIONS, type Region } from "./regions.js";

/** The environment variable that may name another address (a test server, a proxy of one's own). */
export const BASE_URL_ENV = "IM_BILL_BASE_URL";

export interface Endpoint {
  /** the base URL, "https://host[:port]/" */
  url: URL;
  /** the host (and port) the UserSig is sent to: what the success line names */
  host: string;
  /** where it came from */
  from: { kind: "region"; region: Region } | { kind: "flag" } | { kind: "env"; name: string };
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** A URL as it may be shown: any user name or password replaced by "…". */
export const withoutCredentials = (text: string): string =>
  printableLine(text.replace(/^([a-z][a-z0-9+.-]*:\/*)[^/?#]*@/i, "$1…@")).slice(0, 200);

/** The address a pull calls: a given one (flag, then environment), else the region's. */
export function endpointOf(
  given: { flag?: string | undefined; env?: string | undefined },
  region: Region | undefined,
): Endpoint {
  if (given.flag !== undefined) return { ...checked(given.flag, "--base-url"), from: { kind: "flag" } };
  if (given.env !== undefined && given.env !== "")
    return { ...checked(given.env, BASE_URL_ENV), from: { kind: "env", name: BASE_URL_ENV } };
  const chosen = region ?? "china";
  return { ...checked(REGIONS[chosen], "--region"), from: { kind: "region", region: chosen } };
}

function checked(text: string, where: string): { url: URL; host: string } {
  const shown = JSON.stringify(withoutCredentials(text));
  const fail = (reason: (t: Parameters<Parameters<typeof say>[0]>[0]) => string) =>
    new UserError(say((t) => t.pull.baseUrl(where, shown, reason(t))));
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw fail((t) => t.pull.urlMalformed);
  }
  if (url.username !== "" || url.password !== "") throw fail((t) => t.pull.urlCredentials);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw fail((t) => t.pull.urlScheme);
  if (url.protocol === "http:" && !isLoopback(url.hostname)) throw fail((t) => t.pull.urlPlain);
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || /[?#]/.test(text))
    throw fail((t) => t.pull.urlPath);
  return { url, host: url.host };
}

/**
 * Text from a server (its ErrorInfo, a network error's message) made safe to print: the
 * UserSig and any `usersig=` value are cut out, whatever the server echoes.
 */
export function redacted(text: string, usersig: string): string {
  let safe = text.replace(/(usersig["']?\s*[=:]\s*["']?)[^&\s"',;}]*/gi, "$1…");
  if (usersig.length > 0) {
    for (const form of new Set([usersig, encodeURIComponent(usersig)])) safe = safe.split(form).join("…");
    // A part of it (a server that cuts or wraps what it echoes): any long run of its characters found in it.
    safe = safe.replace(/[A-Za-z0-9*_\-+/=%]{24,}/g, (run) => (usersig.includes(run) || run.length >= 64 ? "…" : run));
  }
  return safe;
}
