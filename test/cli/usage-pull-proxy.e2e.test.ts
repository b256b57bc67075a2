// `usage pull` behind a company proxy, and what it says when it reaches nothing. A CONNECT
// proxy on loopback takes the tunnel to console.tim.qq.com:443 (the host a pull names) and
// opens it to the stand-in for Tencent's API (test/helpers/tim-server.ts) on loopback,
// served over TLS with a certificate for that host from a test CA (test/fixtures/tls/),
// which the spawned im-bill trusts through NODE_EXTRA_CA_CERTS. So TLS runs end to end
// through the tunnel, as with Tencent, and nothing leaves the machine.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imBillAsync, root } from "../helpers/cli.js";
import { closedPort } from "../helpers/net.js";
import { ADMIN, SDKAPPID, SECRET, startTimServer, thirtyDays, type TimServer } from "../helpers/tim-server.js";
import { bypassed, proxyFor } from "../../src/tencent/proxy.js";

const tlsDir = join(root, "test", "fixtures", "tls");
let tim: TimServer;
let proxy: Server;
let proxyPort: number;
/** What the proxy was asked: each CONNECT's target and Proxy-Authorization. */
const tunnels: { target: string; authorization: string | undefined }[] = [];
/** The proxy's answer to a CONNECT: 200 and a tunnel, or a refusal with this status. */
let proxyAnswer = 200;

beforeAll(async () => {
  tim = await startTimServer({
    sdkappid: SDKAPPID,
    admin: ADMIN,
    secret: SECRET,
    days: thirtyDays(),
    tls: {
      key: readFileSync(join(tlsDir, "server.key"), "utf8"),
      cert: readFileSync(join(tlsDir, "server.pem"), "utf8"),
    },
  });
  const timPort = Number(new URL(tim.url).port);
  proxy = createHttpServer((_request, response) => response.writeHead(405).end());
  proxy.on("connect", (request, client: Socket, head: Buffer) => {
    tunnels.push({ target: request.url ?? "", authorization: request.headers["proxy-authorization"] });
    if (proxyAnswer !== 200) {
      client.end(`HTTP/1.1 ${proxyAnswer} No\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    // Every tunnel goes to the stand-in, whatever host it names: the test checks the name.
    const upstream = connect(timPort, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyPort = (proxy.address() as AddressInfo).port;
});
afterAll(async () => {
  await tim.close();
  await new Promise((resolve) => proxy.close(resolve));
});

/** A pull from the china region (console.tim.qq.com), in an environment of only what is given. */
const pull = (env: Record<string, string>, args: string[] = []) =>
  imBillAsync(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--timeout", "5", ...args], {
    env: {
      IM_SECRET_KEY: SECRET,
      IM_BILL_PULL_BACKOFF_MS: "20",
      NODE_EXTRA_CA_CERTS: join(tlsDir, "ca.pem"),
      ...env,
    },
  });

describe("usage pull through a company proxy", () => {
  it("tunnels to the region's host through HTTPS_PROXY, TLS end to end, and names both in the success line", async () => {
    proxyAnswer = 200;
    tunnels.length = 0;
    const result = await pull({ HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` }, ["--retries", "0"]);
    expect(result.stderr).toBe(
      `Pulled 30 days, 2026-10-30 to 2026-11-28, of SDKAppID ${SDKAPPID} from console.tim.qq.com (china), through the proxy 127.0.0.1:${proxyPort}\n`,
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(31);
    expect(tunnels).toEqual([{ target: "console.tim.qq.com:443", authorization: undefined }]);
    expect(tim.requests.at(-1)!.sigValid).toBe("ok");
  });

  it("reads https_proxy before HTTPS_PROXY, HTTP_PROXY for https too, and sends the URL's credentials to the proxy only", async () => {
    proxyAnswer = 200;
    tunnels.length = 0;
    const lower = await pull({
      https_proxy: `http://corp:s3cret@127.0.0.1:${proxyPort}`,
      HTTPS_PROXY: "http://127.0.0.1:9",
    });
    expect(lower.status, lower.stderr).toBe(0);
    expect(tunnels.at(-1)!.authorization).toBe(`Basic ${Buffer.from("corp:s3cret").toString("base64")}`);
    expect(lower.stderr).not.toContain("s3cret");
    const http = await pull({ HTTP_PROXY: `127.0.0.1:${proxyPort}` });
    expect(http.status, http.stderr).toBe(0);
    expect(tunnels).toHaveLength(2);
  });

  it("goes direct for a host NO_PROXY names, and for a loopback address whatever the proxy", async () => {
    proxyAnswer = 200;
    tunnels.length = 0;
    // A host under .invalid (RFC 2606) resolves nowhere: direct, its name is not found, and the proxy never hears of it.
    const invalid = ["--base-url", "https://im-bill-test.invalid", "--retries", "0"];
    const direct = await pull(
      { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: "localhost, .invalid" },
      invalid,
    );
    expect(direct.status).toBe(2);
    expect(direct.stderr).toMatch(/^error: cannot reach im-bill-test\.invalid \(ENOTFOUND\): its name was not found/);
    expect(tunnels).toEqual([]);
    // Without NO_PROXY, the same address is tunnelled.
    await pull({ HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` }, invalid);
    expect(tunnels.map((tunnel) => tunnel.target)).toEqual(["im-bill-test.invalid:443"]);
    tunnels.length = 0;
    // A loopback address goes direct whatever the proxy: the stand-in's certificate names Tencent's host, not 127.0.0.1.
    const loopback = await pull({ HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` }, ["--base-url", tim.url]);
    expect(loopback.stderr).toContain("(ERR_TLS_CERT_ALTNAME_INVALID): its TLS certificate was not trusted");
    expect(loopback.stderr).not.toContain("proxy 127.0.0.1");
    expect(tunnels).toEqual([]);
  });

  it("says when the proxy wants credentials, refuses the tunnel, refuses connections, or has no such name", async () => {
    tunnels.length = 0;
    proxyAnswer = 407;
    // With the default retries: asked once, as the same request would meet the same 407.
    const auth = await pull({ HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` });
    expect(auth.status).toBe(2);
    expect(tunnels).toHaveLength(1);
    expect(auth.stderr).toBe(
      `error: cannot reach console.tim.qq.com (HTTP 407): the proxy 127.0.0.1:${proxyPort} (HTTPS_PROXY) asks for credentials: give them in its URL, http://user:password@host:port\n`,
    );
    proxyAnswer = 403;
    const denied = await pull({ https_proxy: `http://127.0.0.1:${proxyPort}` }, ["--retries", "0", "--lang", "zh"]);
    expect(denied.stderr).toBe(
      `错误：无法连接 console.tim.qq.com（HTTP 403）：代理 127.0.0.1:${proxyPort}（https_proxy）不肯为其建立隧道（HTTP 403）：它可能不允许访问该主机\n`,
    );
    proxyAnswer = 200;
    const deadProxy = await closedPort();
    const refused = await pull({ HTTPS_PROXY: `http://127.0.0.1:${deadProxy}` }, ["--retries", "0"]);
    expect(refused.stderr).toBe(
      `error: cannot reach console.tim.qq.com (ECONNREFUSED): the proxy 127.0.0.1:${deadProxy} (HTTPS_PROXY) refused the connection: check HTTPS_PROXY, or name the host in NO_PROXY to go direct\n`,
    );
    const unknown = await pull({ HTTPS_PROXY: "http://proxy.invalid:3128" }, ["--retries", "0"]);
    expect(unknown.stderr).toBe(
      "error: cannot reach console.tim.qq.com (ENOTFOUND): the proxy proxy.invalid:3128 (HTTPS_PROXY) was not found: check HTTPS_PROXY\n",
    );
    const malformed = await pull({ HTTPS_PROXY: "http://user:pw@[bad" });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toBe('error: HTTPS_PROXY: not a proxy\'s URL (http://host:port), got "http://…@[bad"\n');
  });
});

describe("usage pull's hints when it reaches nothing", () => {
  it("a refusal: the firewall and the proxy variables", async () => {
    const port = await closedPort();
    const result = await pull({}, ["--base-url", `http://127.0.0.1:${port}`, "--retries", "0"]);
    expect(result.stderr).toBe(
      `error: cannot reach 127.0.0.1:${port} (ECONNREFUSED): nothing accepted the connection: a firewall may block it; behind a company proxy, set HTTPS_PROXY\n`,
    );
  });

  it("a certificate not trusted: the clock, and a proxy's CA in NODE_EXTRA_CA_CERTS", async () => {
    // The stand-in's certificate, without its CA trusted, and for another name than 127.0.0.1.
    const result = await pull({ NODE_EXTRA_CA_CERTS: "" }, ["--base-url", tim.url, "--retries", "0"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: cannot reach 127\\.0\\.0\\.1:${new URL(tim.url).port} \\((UNABLE_TO_VERIFY_LEAF_SIGNATURE|ERR_TLS_CERT_ALTNAME_INVALID)\\): its TLS certificate was not trusted: check this machine's clock and date; a proxy that inspects TLS needs its certificate authority in NODE_EXTRA_CA_CERTS\\n$`,
      ),
    );
  });

  it("a name not found: the region, the DNS and the proxy variables", async () => {
    const result = await pull({}, ["--base-url", "https://im-bill-test.invalid", "--retries", "0"]);
    expect(result.stderr).toBe(
      "error: cannot reach im-bill-test.invalid (ENOTFOUND): its name was not found: check the region (--region) and this machine's DNS; behind a company proxy, set HTTPS_PROXY\n",
    );
  });
});

describe("proxyFor and NO_PROXY", () => {
  const tencent = new URL("https://console.tim.qq.com/");
  it("takes the https variable for https, lower case first, HTTP_PROXY when it is alone; never for loopback", () => {
    expect(proxyFor(tencent, { HTTPS_PROXY: "http://a:1", https_proxy: "http://b:2" })?.host).toBe("b:2");
    expect(proxyFor(tencent, { HTTP_PROXY: "proxy.corp" })).toMatchObject({
      host: "proxy.corp:80",
      variable: "HTTP_PROXY",
    });
    expect(proxyFor(tencent, { HTTPS_PROXY: " " })).toBeUndefined();
    expect(proxyFor(new URL("http://127.0.0.1:8080/"), { HTTP_PROXY: "http://a:1" })).toBeUndefined();
    // An inherited key is no variable.
    expect(proxyFor(tencent, Object.create({ HTTPS_PROXY: "http://a:1" }) as Record<string, string>)).toBeUndefined();
  });

  it("matches NO_PROXY as curl does: the name and its subdomains, a port where given, * for all", () => {
    expect(bypassed(tencent, "qq.com")).toBe(true);
    expect(bypassed(tencent, ".tim.qq.com")).toBe(true);
    expect(bypassed(tencent, "*.qq.com")).toBe(true);
    expect(bypassed(tencent, "example.com, console.tim.qq.com:443")).toBe(true);
    expect(bypassed(tencent, "console.tim.qq.com:8443")).toBe(false);
    expect(bypassed(tencent, "tim.qq")).toBe(false);
    expect(bypassed(tencent, "q.com")).toBe(false);
    expect(bypassed(tencent, "*")).toBe(true);
    expect(bypassed(tencent, "")).toBe(false);
  });
});
