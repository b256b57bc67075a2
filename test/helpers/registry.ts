// A local npm registry for installing the packed tarball with no network: it serves the
// production dependencies this checkout has installed (the versions package-lock.json
// holds), packed from node_modules, so npm resolves our ranges as it would from npmjs.org.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

interface Tarball {
  file: string;
  integrity: string;
  shasum: string;
}

export interface Registry {
  url: string;
  close(): Promise<void>;
}

/**
 * `published`: packed tarballs (npm pack) served too, as their package's versions: im-bill
 * itself, installed by name as from npmjs.org.
 */
export async function startRegistry(root: string, workDir: string, published: string[] = []): Promise<Registry> {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string; dev?: boolean }>;
  };
  const tarballDir = join(workDir, "tarballs");
  await mkdir(tarballDir, { recursive: true });
  const packuments = new Map<string, { versions: Record<string, { key: string } & object>; latest: string }>();
  const tarballs = new Map<string, Tarball>();
  // Each runtime package of the lock, in the lock's order (the first version of a name is its latest)…
  const jobs: { key: string; file: string; dir: string }[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev || entry.version === undefined) continue;
    const manifest = JSON.parse(readFileSync(join(root, path, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    const key = `${manifest.name}@${manifest.version}`;
    if (jobs.some((job) => job.key === key)) continue;
    jobs.push({ key, file: join(tarballDir, `${key.replace(/[@/]/g, "_")}.tgz`), dir: join(root, path) });
    const packument = packuments.get(manifest.name) ?? { versions: {}, latest: manifest.version };
    packument.versions[manifest.version] = { ...manifest, key };
    packuments.set(manifest.name, packument);
  }
  // …packed as npm packs it (everything under package/, without its own node_modules), two tar
  // processes at a time (a core each), compressed fast: the registry is loopback, and ECharts
  // alone is 62 MB to compress.
  const pack = async ({ key, file, dir }: (typeof jobs)[number]) => {
    await exec("tar", [
      "-cf",
      file,
      "--use-compress-program=gzip -1",
      "--exclude=./node_modules",
      "--transform=s,^\\.,package,",
      "-C",
      dir,
      ".",
    ]);
    const bytes = readFileSync(file);
    tarballs.set(key, {
      file,
      integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
      shasum: createHash("sha1").update(bytes).digest("hex"),
    });
  };
  const queue = [...jobs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await pack(job);
    }),
  );

  for (const file of published) {
    const { stdout } = await exec("tar", ["-xzOf", file, "package/package.json"]);
    const manifest = JSON.parse(stdout) as { name: string; version: string };
    const key = `${manifest.name}@${manifest.version}`;
    const bytes = readFileSync(file);
    tarballs.set(key, {
      file,
      integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
      shasum: createHash("sha1").update(bytes).digest("hex"),
    });
    packuments.set(manifest.name, { versions: { [manifest.version]: { ...manifest, key } }, latest: manifest.version });
  }

  let url = "";
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? "/").split("?")[0]!.slice(1));
    const tarball = path.startsWith("-/") ? tarballs.get(path.slice(2)) : undefined;
    if (tarball !== undefined) {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      response.end(readFileSync(tarball.file));
      return;
    }
    const packument = packuments.get(path);
    if (packument === undefined) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "not found" }));
      return;
    }
    const versions = Object.fromEntries(
      Object.entries(packument.versions).map(([version, { key, ...manifest }]) => {
        const { integrity, shasum } = tarballs.get(key)!;
        return [version, { ...manifest, dist: { tarball: `${url}-/${encodeURIComponent(key)}`, integrity, shasum } }];
      }),
    );
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ name: path, "dist-tags": { latest: packument.latest }, versions }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
