import { describe, expect, it } from "vitest";
import { closest, distance } from "../../src/util/suggest.js";

describe("distance", () => {
  it.each([
    ["", "", 0],
    ["pro", "pro", 0],
    ["pro", "prof", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    // a swap of two neighbours is one edit
    ["usgae", "usage", 1],
    ["nmae", "name", 1],
    ["plna", "plan", 1],
    ["2042", "2024", 1],
    ["ab", "ba", 1],
  ])("%s ↔ %s = %i", (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
  });
});

describe("closest, for the transpositions people type", () => {
  it.each([
    ["usgae", ["plan", "usage", "features", "expect", "name"], "usage"],
    ["nmae", ["plan", "usage", "features", "expect", "name"], "name"],
    ["plna", ["plan", "usage", "features", "expect", "name"], "plan"],
  ])("%s → %s", (input, candidates, expected) => {
    expect(closest(input, candidates)).toBe(expected);
  });
});

describe("closest", () => {
  const fields = ["peakDau", "peakGroups", "liveGroups", "bandwidth"];
  it.each([
    ["peakDAU", "peakDau"],
    ["peakdau", "peakDau"],
    ["peakGroup", "peakGroups"],
    ["livegroup", "liveGroups"],
    ["band", "bandwidth"],
    ["dau", undefined],
    ["colour", undefined],
    ["bnadwidth", "bandwidth"],
  ])("%s → %s", (input, expected) => {
    expect(closest(input, fields)).toBe(expected);
  });
});
