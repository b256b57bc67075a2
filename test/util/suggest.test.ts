import { describe, expect, it } from "vitest";
import { closest, distance } from "../../src/util/suggest.js";

describe("distance", () => {
  it.each([
    ["", "", 0],
    ["pro", "pro", 0],
    ["pro", "prof", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s ↔ %s = %i", (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
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
  ])("%s → %s", (input, expected) => {
    expect(closest(input, fields)).toBe(expected);
  });
});
