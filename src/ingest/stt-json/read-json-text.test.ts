import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import { MAX_JSON_CONTAINERS, MAX_JSON_DEPTH, readJsonText } from "./read-json-text.ts";

const read = (text: string) => readJsonText(text, new ParseContext("t.json", DEFAULT_LIMITS));

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

describe("readJsonText", () => {
  afterEach(() => vi.restoreAllMocks());

  it("parses JSON whose strings hold brackets and escaped quotes", () => {
    expect(read('{"text": "[[[{{ \\" ]]", "n": [1]}')).toEqual({ text: '[[[{{ " ]]', n: [1] });
  });

  it("accepts nesting up to the limit and rejects one level more", () => {
    expect(() => read(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).not.toThrow();
    const error = errorOf(() => read(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`));
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.message).toBe("JSON is nested deeper than 64 levels (limit: JSON nesting depth 64)");
  });

  it("does not count brackets inside strings toward nesting", () => {
    const text = `{"text": "${"[".repeat(500)}"}`;
    expect(read(text)).toEqual({ text: "[".repeat(500) });
  });

  it("rejects more objects and arrays than the size limit", () => {
    const text = `[${"[],".repeat(MAX_JSON_CONTAINERS)}[]]`;
    const error = errorOf(() => read(text));
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.message).toContain(`JSON size ${MAX_JSON_CONTAINERS}`);
  });

  it("turns a stack overflow inside JSON.parse into one LIMIT_EXCEEDED line", () => {
    vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    const error = errorOf(() => read("[1]"));
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.message).not.toMatch(/\n/);
  });

  it("describes bad JSON by line and column without quoting the file", () => {
    const error = errorOf(() => read('{"secret": "hunter2",\n "b": tru}'));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).not.toContain("hunter2");
    expect(error.message).toBe("invalid JSON at line 2 column 10 (position 31): unexpected character '}'");
    expect(errorOf(() => read('{"a": 1,}')).message).toBe(
      "invalid JSON at line 1 column 9 (position 8): expected double-quoted property name",
    );
  });

  it("places an unexpected token near the start of a long file", () => {
    const text = `{"a": x, ${'"padding": 1, '.repeat(10)}"b": 2}`;
    expect(errorOf(() => read(text)).message).toBe("invalid JSON at line 1 column 7 (position 6): unexpected character 'x'");
  });
});
