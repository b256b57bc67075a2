import { describe, expect, it } from "vitest";
import { workflowCommand, type Annotation } from "../../src/render/annotations.js";

const annotation = (over: Partial<Annotation>): Annotation => ({
  level: "error",
  source: "scenarios/app.yaml",
  keys: [],
  title: "im-bill",
  message: "total rose",
  ...over,
});

describe("workflowCommand", () => {
  it("puts the file and line before the title, and ends the command with a line end", () => {
    expect(workflowCommand(annotation({}), { file: "scenarios/app.yaml", line: 4 })).toBe(
      "::error file=scenarios/app.yaml,line=4,title=im-bill::total rose\n",
    );
  });

  it("leaves out the place it does not know", () => {
    expect(workflowCommand(annotation({ level: "warning" }), undefined)).toBe("::warning title=im-bill::total rose\n");
    expect(workflowCommand(annotation({}), { file: "a.json" })).toBe("::error file=a.json,title=im-bill::total rose\n");
  });

  it("keeps a hostile message on its one line: a new line or a % is escaped, not obeyed", () => {
    const line = workflowCommand(annotation({ message: "50%\n::error::forged\r" }), undefined);
    expect(line).toBe("::error title=im-bill::50%25%0A::error::forged%0D\n");
    expect(line.split("\n")).toHaveLength(2);
  });

  it("escapes the , and : that would end a property in a file name or a title", () => {
    const line = workflowCommand(annotation({ title: "a: b, c" }), { file: "x,line=9::y.yaml" });
    expect(line).toBe("::error file=x%2Cline=9%3A%3Ay.yaml,title=a%3A b%2C c::total rose\n");
  });
});
