import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { type AppDeps, buildDeps } from "../deps.ts";
import { SILENT_LOGGER } from "../logger.ts";
import { createUser } from "./user-service.ts";

let dir: string | undefined;
let deps: AppDeps | undefined;
afterEach(() => {
  deps?.db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function setUp(): AppDeps {
  dir = mkdtempSync(join(tmpdir(), "baton-users-"));
  deps = buildDeps(loadConfig({ BATON_DB: join(dir, "baton.sqlite") }), { logger: SILENT_LOGGER });
  return deps;
}

describe("createUser", () => {
  it("holds the CLI (no actor) to the same rules as the API", () => {
    const d = setUp();
    expect(() => createUser(d, null, { name: "Dana", email: "dana@", role: "ae" })).toThrow(/^email: /);
    expect(() => createUser(d, null, { name: " ", email: "dana@example.test", role: "ae" })).toThrow(/^name: must not be empty/);
    expect(() => createUser(d, null, { name: "Dana", email: "dana@example.test", role: "owner" })).toThrow(/^role: /);
    const { user, token } = createUser(d, null, { name: " Dana ", email: "Dana@Example.test", role: "ae" });
    expect(user).toMatchObject({ name: "Dana", email: "dana@example.test", role: "ae" });
    expect(token).toMatch(/^baton_/);
  });

  it("lets only administrators add users through the API", () => {
    const d = setUp();
    const { user: ae } = createUser(d, null, { name: "Dana", email: "dana@example.test", role: "ae" });
    expect(() => createUser(d, { user: ae, requestId: null }, { name: "Eve", email: "eve@example.test", role: "admin" })).toThrow(
      /only administrators/,
    );
  });
});
