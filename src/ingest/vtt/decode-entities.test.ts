import { describe, expect, it } from "vitest";
import { decodeEntities } from "./decode-entities.ts";

describe("decodeEntities", () => {
  it("decodes the named entities caption files use", () => {
    expect(decodeEntities("Q&amp;A &lt;draft&gt; &quot;final&quot; it&apos;s&nbsp;done")).toBe(`Q&A <draft> "final" it's done`);
  });

  it("decodes decimal and hexadecimal references", () => {
    expect(decodeEntities("&#36;5 &#x20AC;7 &#X1F600;")).toBe("$5 €7 😀");
  });

  it("drops direction marks, which would break quote matching", () => {
    expect(decodeEntities("&lrm;Shalom&rlm; &#8206;x")).toBe("Shalom x");
  });

  it("leaves unknown and invalid references as written", () => {
    expect(decodeEntities("&bogus; &#0; &#xD800; &#1114112; &valueOf; & alone")).toBe("&bogus; &#0; &#xD800; &#1114112; &valueOf; & alone");
  });
});
