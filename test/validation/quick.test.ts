// The quick check stands in for zod on valid scenarios and project configs
// (src/validation/quick.ts): over inputs fast-check makes from each one's own shape, mostly valid, some with a wrong
// value, an unknown key, a value written as undefined, whatever it returns is what zod
// returns, key for key and in zod's order; and for any plain input (as JSON, YAML and the
// flags make it), it is sure whenever zod accepts (else the quick path would quietly
// never be taken), but for a "__proto__" key, which zod drops from a record.
import fc from "fast-check";
import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { ScenarioSchema } from "../../src/scenario/schema.js";
import { SCENARIO_SHAPE } from "../../src/scenario/shape.js";
import { ProjectConfigSchema } from "../../src/config/schema.js";
import { CONFIG_SHAPE } from "../../src/config/shape.js";
import { quickParse, type QuickShape } from "../../src/validation/quick.js";
import { quickShapeOf } from "../../src/validation/quick-shape.js";
import { validateScenario } from "../../src/scenario/validate.js";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { InputError } from "../../src/errors.js";

/** Values of the wrong kind, for any field; and for a number, just past its bounds or not whole. */
const wrong = fc.constantFrom<unknown>(null, true, "25000", "", -1, 1.5, 1e300, Number.NaN, Infinity, [], {}, "x");
const wrongFor = (shape: QuickShape): fc.Arbitrary<unknown> =>
  shape.kind === "number"
    ? fc.oneof(
        wrong,
        fc.constantFrom<unknown>(
          (shape.min ?? 0) - 1,
          shape.integer ? (shape.min ?? 0) + 0.5 : -0.001,
          shape.max === undefined ? 2 ** 53 : shape.max + (shape.integer ? 1 : 0.5),
        ),
      )
    : wrong;

/**
 * What a field of `shape` may hold: valid, or when spoilt, now and then wrong (seldom
 * enough that a spoilt input is often wrong in one place only, which zod must catch there).
 */
function valueOf(shape: QuickShape, spoilt: boolean): fc.Arbitrary<unknown> {
  return spoilt
    ? fc.oneof({ weight: 40, arbitrary: inputOf(shape, spoilt) }, { weight: 1, arbitrary: wrongFor(shape) })
    : inputOf(shape, spoilt);
}

/** An input of `shape`: valid, or (spoilt) with wrong values, unknown keys and keys left out here and there. */
function inputOf(shape: QuickShape, spoilt: boolean): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case "number": {
      const min = shape.min ?? -1e12;
      const max = Math.min(shape.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      const inside = shape.integer
        ? fc.integer({ min, max: Math.min(max, 2 ** 31 - 1) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return fc.oneof(inside, fc.constantFrom(min, max, shape.integer ? max : max / 3));
    }
    case "string":
      return shape.pattern
        ? fc.stringMatching(new RegExp(shape.pattern.source, shape.pattern.flags))
        : fc.string({ minLength: shape.minLength ?? 0, maxLength: 12 });
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...shape.values);
    case "array":
      return fc.array(valueOf(shape.element, spoilt), { maxLength: 4 });
    case "union":
      return fc.oneof(...shape.options.map((option) => inputOf(option, spoilt)));
    case "record":
      return fc.dictionary(
        spoilt ? fc.oneof(fc.string({ maxLength: 8 }), fc.constant("__proto__")) : fc.string({ maxLength: 8 }),
        valueOf(shape.value, spoilt),
        {
          maxKeys: 4,
        },
      );
    case "object": {
      const fields = Object.entries(shape.fields);
      const record = fc.record(
        Object.fromEntries(
          fields.map(([key, field]) => [
            key,
            field.optional
              ? fc.oneof(
                  { weight: 40, arbitrary: valueOf(field.shape, spoilt) },
                  { weight: 1, arbitrary: fc.constant(undefined) },
                )
              : valueOf(field.shape, spoilt),
          ]),
        ),
        { requiredKeys: spoilt ? [] : fields.filter(([, field]) => !field.optional).map(([key]) => key) },
      );
      // Now and then a key the shape does not know (a typo), or a required one left out.
      if (!spoilt) return record;
      return fc
        .tuple(
          record,
          fc.oneof(
            { weight: 40, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constantFrom("peakDAU", "plans", "extra", "toString") },
          ),
        )
        .map(([value, extra]) => (extra === null ? value : { ...value, [extra]: 1 }));
    }
  }
}

/** Key for key, in order, undefined kept: what toStrictEqual does not look at (order). */
const exactly = (value: unknown) =>
  JSON.stringify(value, (_key, each: unknown) => (each === undefined ? "<undefined>" : each));

describe("the quick check", () => {
  it.each([
    ["a scenario", SCENARIO_SHAPE, ScenarioSchema],
    ["a project config", CONFIG_SHAPE, ProjectConfigSchema],
  ] as const)("returns what zod returns for %s, and is sure of every plain one zod accepts", (_name, shape, schema) => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.boolean().chain((spoilt) => inputOf(shape, spoilt)),
        (input) => {
          for (const each of [input, JSON.parse(JSON.stringify(input)) as unknown]) {
            const quick = quickParse(shape, each);
            const zod = (schema as z.ZodMiniType).safeParse(each);
            if (quick) {
              expect(zod.success).toBe(true);
              expect(exactly(quick.data)).toBe(exactly(zod.data));
              expect(quick.data).toStrictEqual(zod.data);
            }
            // Of plain input (as JSON, YAML and the flags make it), only a "__proto__" key is left to zod.
            if (!JSON.stringify(each).includes('"__proto__"')) expect(Boolean(quick)).toBe(zod.success);
            if (zod.success) accepted++;
            else refused++;
          }
        },
      ),
      { numRuns: 1_000 },
    );
    // Both sides were tried often enough to mean something (a config, with few fields to spoil, is refused least: ~10%).
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it("leaves to zod what JSON does not make: an inherited key, a class, a hole, a symbol, __proto__", () => {
    const inherited = Object.assign(Object.create({ peakDau: 1 }) as object, { plan: "pro" });
    class Document {
      plan = "pro";
    }
    const holes: string[] = ["a"];
    holes[2] = "b";
    const lines = JSON.parse('{"__proto__": "1.00"}') as unknown;
    for (const input of [
      inherited,
      new Document(),
      { plan: "pro", features: { addons: holes } },
      { plan: "pro", expect: { lines } },
      { plan: "pro", expect: { lines: { [Symbol("s")]: "1.00" } } },
    ])
      expect(quickParse(SCENARIO_SHAPE, input)).toBeUndefined();
  });

  it("validates a valid scenario to what zod's data would normalize to, and words an invalid one as before", () => {
    const catalog = builtinCatalogById("tencent-im-cn-2024")!;
    const valid = { plan: "pro", usage: { peakDau: 25_000, bandwidth: { mainlandMbps: 1.5 } } };
    expect(validateScenario(valid, { catalog, source: "s.json" }).usage.peakDau).toBe(25_000);
    const invalid = () =>
      validateScenario({ plan: "pro", usage: { peakDau: -5, peakDAU: 1 } }, { catalog, source: "s.json" });
    expect(invalid).toThrow(InputError);
    expect(() => invalid()).toThrow(/usage\.peakDau: must be a whole number ≥ 0, got -5/);
  });
});

describe("the shape read from a zod schema", () => {
  it("is the scenario schema's: required plan, strict objects, bounds", () => {
    expect(SCENARIO_SHAPE.kind).toBe("object");
    const fields = (SCENARIO_SHAPE as QuickShape & { kind: "object" }).fields;
    expect(fields.plan).toEqual({ optional: false, shape: { kind: "string", minLength: 1 } });
    const usage = fields.usage!.shape as QuickShape & { kind: "object" };
    expect(usage.fields.peakDau).toEqual({ optional: true, shape: { kind: "number", integer: true, min: 0 } });
  });

  it.each([
    ["a union of objects", z.union([z.strictObject({ a: z.string() }), z.string()])],
    ["an exclusive bound", z.number().check(z.gt(0))],
    ["a refinement", z.string().check(z.refine((value) => value !== "x"))],
    ["an object that keeps unknown keys", z.object({ a: z.string() })],
    ["an optional list item", z.array(z.optional(z.string()))],
    ["a number read from text", z.coerce.number()],
  ])("refuses %s, which the quick check could not hold to zod's rules", (_name, schema) => {
    expect(() => quickShapeOf(schema as z.ZodMiniType)).toThrow(/the quick check cannot hold/);
  });
});
