// One writer for every -o: whole or not at all, through a symbolic link to its target
// (the link stays a link), keeping the target's mode; a named pipe, a device or a folder
// refused, named, before any work. Each command that writes a report, spawned.
import { spawnSync } from "node:child_process";
import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imBill } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const APP = '{"plan": "pro", "usage": {"peakDau": 25000}}';

/** Each command that writes a report with -o, and what it writes. */
const WRITERS: [string, (out: string) => string[]][] = [
  ["estimate", (out) => ["estimate", "app.json", "--format", "json", "-o", out]],
  ["compare", (out) => ["compare", "--dau", "25000", "--format", "json", "-o", out]],
  ["forecast", (out) => ["forecast", "app.json", "--months", "2", "--format", "json", "-o", out]],
  ["batch", (out) => ["batch", "app.json", "--format", "json", "-o", out]],
  ["check", (out) => ["check", "app.json", "--format", "json", "-o", out]],
  ["diff", (out) => ["diff", "app.json", "app.json", "--format", "json", "-o", out]],
];

describe("-o on every command: one writer", () => {
  it.each(WRITERS)(
    "%s writes through a link to its target, keeps the target's mode, and leaves no temp file",
    (_name, args) => {
      const dir = fixtureDir({ "app.json": APP, "reports/real.json": "old\n" });
      chmodSync(join(dir, "reports/real.json"), 0o640);
      symlinkSync("reports/real.json", join(dir, "report.json"));
      const result = imBill(args("report.json"), { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(lstatSync(join(dir, "report.json")).isSymbolicLink()).toBe(true);
      const written = readFileSync(join(dir, "reports/real.json"), "utf8");
      expect(written).not.toBe("old\n");
      expect(() => JSON.parse(written)).not.toThrow();
      expect(statSync(join(dir, "reports/real.json")).mode & 0o777).toBe(0o640);
      expect(readdirSync(join(dir, "reports"))).toEqual(["real.json"]);
      expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    },
  );

  it.each(WRITERS)("%s refuses a named pipe, a device and a folder, naming it, without waiting", (_name, args) => {
    const dir = fixtureDir({ "app.json": APP, "folder/.keep": "" });
    spawnSync("mkfifo", [join(dir, "pipe.json")]);
    const fifo = imBill(args("pipe.json"), { cwd: dir });
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toContain("pipe.json: cannot write there: it is a named pipe (FIFO), not a regular file");
    const device = imBill(args("/dev/zero"), { cwd: dir });
    expect(device.status).toBe(2);
    expect(device.stderr).toContain("/dev/zero: cannot write there: it is a device, not a regular file");
    const folder = imBill(args("folder"), { cwd: dir });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain("folder: cannot write there: it is a directory");
  });

  it("a new file gets the umask's mode, and a link to a file not there yet is written through", () => {
    const dir = fixtureDir({ "app.json": APP, "out/.keep": "" });
    symlinkSync("out/new.json", join(dir, "dangling.json"));
    const result = imBill(["estimate", "app.json", "--format", "json", "-o", "dangling.json"], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(lstatSync(join(dir, "dangling.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "out/new.json"), "utf8")).total).toBe("3499.00");
    const mode = statSync(join(dir, "out/new.json")).mode & 0o777;
    const umask = process.umask();
    expect(mode).toBe(0o666 & ~umask);
  });
});
