// The proxy a pull goes through, as a company network asks: from the environment of the
// person running im-bill (never from a repository's config), as curl reads it:
// - https_proxy or HTTPS_PROXY for an https address, else http_proxy or HTTP_PROXY (many
//   networks set only that one, for both);
// - no_proxy or NO_PROXY: hosts that go direct, separated by commas or spaces: a name
//   matches itself and its subdomains (`qq.com`, `.qq.com`), an entry may end in a port,
//   `*` is every host.
// The lower-case name wins when both are set. A loopback address always goes direct:
// plain http reaches nothing else, and its UserSig must not cross a proxy in clear. An
// https address is tunnelled (CONNECT): TLS runs end to end with Tencent's host, so the
// proxy sees the host's name and never the UserSig.
import { say, UserError } from "../errors.js";
import { own } from "../util/own.js";
import { isLoopback, withoutCredentials } from "./endpoint.js";

export interface Proxy {
  /** the proxy's URL, credentials and all: what the tunnel is opened with, never shown */
  url: URL;
  /** host:port, the only part ever shown */
  host: string;
  /** the variable it came from, as set: "HTTPS_PROXY", "http_proxy"… */
  variable: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The first of these variables that is set and not empty: its name and value. */
function variable(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = own(env, name)?.trim();
    if (value !== undefined && value !== "") return { name, value };
  }
  return undefined;
}

/** The proxy for `target`, or undefined when it goes direct. A proxy URL that cannot be one is an error naming its variable. */
export function proxyFor(target: URL, env: Env): Proxy | undefined {
  if (isLoopback(target.hostname)) return undefined;
  const chosen =
    (target.protocol === "https:" ? variable(env, ["https_proxy", "HTTPS_PROXY"]) : undefined) ??
    variable(env, ["http_proxy", "HTTP_PROXY"]);
  if (chosen === undefined || bypassed(target, variable(env, ["no_proxy", "NO_PROXY"])?.value ?? "")) return undefined;
  const shown = JSON.stringify(withoutCredentials(chosen.value));
  let url: URL;
  try {
    // "proxy.corp:3128", as many set it: a proxy spoken to in plain http.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`);
  } catch {
    throw new UserError(say((t) => t.pull.proxyUrl(chosen.name, shown)));
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "")
    throw new UserError(say((t) => t.pull.proxyUrl(chosen.name, shown)));
  const port = url.port !== "" ? url.port : url.protocol === "https:" ? "443" : "80";
  return { url, host: `${url.hostname}:${port}`, variable: chosen.name };
}

/** Whether NO_PROXY's list names the target's host (and port, where an entry gives one). */
export function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = target.port !== "" ? target.port : target.protocol === "https:" ? "443" : "80";
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return true;
    // host, .host, *.host, host:port, [v6]:port
    const match = /^(?:\*?\.)?(\[[^\]]*\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (match === null) continue;
    const name = match[1]!.replace(/^\[|\]$/g, "");
    if (match[2] !== undefined && match[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}
