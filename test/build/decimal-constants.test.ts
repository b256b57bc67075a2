// The CLI's bundle leaves decimal.js's ln 10 and pi as the text they are written as,
// not decimals made at start-up (scripts/lib/cli-build.mjs): what uses them gives what
// it gave, to every digit, at the precisions around the constants' own 1,025 digits.
import { build } from "esbuild";
import Module, { createRequire } from "node:module";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a script of the project, in JavaScript
import { decimalConstantsAsText } from "../../scripts/lib/cli-build.mjs";

/** decimal.js bundled as the CLI imports it (its ES module), with the plugins given: its `Decimal`, and the bundle. */
async function bundledDecimal(
  plugins: unknown[],
): Promise<{ Decimal: typeof import("decimal.js").default; text: string }> {
  const { outputFiles } = await build({
    stdin: { contents: 'export { default } from "decimal.js";', resolveDir: process.cwd() },
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    plugins: plugins as never,
    logLevel: "silent",
  });
  const text = outputFiles[0]!.text;
  const module = { exports: {} as { default: typeof import("decimal.js").default } };
  // Run as Node runs a CommonJS module: the bundle is a module's text.
  new Script(Module.wrap(text)).runInThisContext()(module.exports, createRequire(import.meta.url), module);
  return { Decimal: module.exports.default, text };
}

describe("decimal.js's constants left as text", () => {
  it("is the module the CLI bundles, and ln, exp, pi and the trigonometry give what they gave", async () => {
    const [bundled, patched] = await Promise.all([bundledDecimal([]), bundledDecimal([decimalConstantsAsText])]);
    expect(bundled.text).toContain("LN10 = new Decimal(LN10);");
    expect(patched.text).not.toContain("LN10 = new Decimal(LN10);");
    const [made, asText] = [bundled.Decimal, patched.Decimal];
    const said = (make: () => unknown) => {
      try {
        return String(make());
      } catch (error) {
        return `throws ${(error as Error).message}`;
      }
    };
    // Everything that reads the constants at small precisions; at the constants' edge, what is quick there.
    const results = (Decimal: typeof made) => [
      ...[20, 100].flatMap((precision) => {
        const D = Decimal.clone({ precision });
        return [
          () => new D(10).ln(),
          () => new D(2).ln(),
          () => new D("0.5").exp(),
          () => D.acos(-1),
          () => new D(1).sin(),
          () => new D(3).atan(),
          () => new D(100).log(),
        ].map(said);
      }),
      ...[900, 1020, 1030].flatMap((precision) => {
        const D = Decimal.clone({ precision });
        return [() => new D(10).ln(), () => D.acos(-1), () => new D(100).log()].map(said);
      }),
    ];
    const asTextSays = results(asText);
    expect(asTextSays).toEqual(results(made));
    // pi to 100 digits (the second precision's fourth result), and ln 10 refused past its digits.
    expect(asTextSays[10]).toMatch(/^3\.14159265358979323846264338327950288/);
    expect(asTextSays.at(-3)).toBe("throws [DecimalError] Precision limit exceeded");
  });
});
