import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../../src/access/tokens.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

type CreatedUser = { user: { id: string; name: string; email: string; role: string }; token: string };

describe("users API", () => {
  it("lets an admin add a user whose token, shown once, then works and is stored only as a hash", async () => {
    const admin = t.addUser("admin");
    const res = await t.request("POST", "/v1/users", {
      token: admin.token,
      json: { name: " Dana Whitlock ", email: "Dana@Example.test", role: "ae" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = (await res.json()) as CreatedUser;
    expect(created.user).toMatchObject({ name: "Dana Whitlock", email: "dana@example.test", role: "ae" });
    expect(created.token).toMatch(/^baton_/);

    const stored = t.deps.db.prepare("SELECT token_hash FROM users WHERE id = ?").get(created.user.id) as { token_hash: string };
    expect(stored.token_hash).toBe(hashToken(created.token));
    expect(stored.token_hash).not.toContain(created.token);
    // The new AE can work with the token right away.
    expect((await t.request("POST", "/v1/deals", { token: created.token, json: { account: "Acme" } })).status).toBe(201);

    const listed = (await (await t.request("GET", "/v1/users", { token: admin.token })).json()) as { users: Record<string, unknown>[] };
    expect(listed.users.map((u) => u.id)).toContain(created.user.id);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    for (const user of listed.users) expect(Object.keys(user).sort()).toEqual(["createdAt", "email", "id", "name", "role"]);
  });

  it("disables a user: the token stops working at once and the user leaves the list", async () => {
    const admin = t.addUser("admin");
    const csm = t.addUser("csm");
    expect((await t.request("GET", "/v1/deals", { token: csm.token })).status).toBe(200);
    expect((await t.request("DELETE", `/v1/users/${csm.user.id}`, { token: admin.token })).status).toBe(204);
    expect((await t.request("GET", "/v1/deals", { token: csm.token })).status).toBe(401);
    const listed = (await (await t.request("GET", "/v1/users", { token: admin.token })).json()) as { users: { id: string }[] };
    expect(listed.users.map((u) => u.id)).not.toContain(csm.user.id);
    expect((await t.request("DELETE", `/v1/users/${csm.user.id}`, { token: admin.token })).status).toBe(404);
    expect((await t.request("DELETE", "/v1/users/usr_nobody", { token: admin.token })).status).toBe(404);
  });

  it("refuses an admin disabling their own account, so an administrator always remains", async () => {
    const admin = t.addUser("admin");
    const res = await t.request("DELETE", `/v1/users/${admin.user.id}`, { token: admin.token });
    expect(res.status).toBe(409);
    expect((await t.request("GET", "/v1/users", { token: admin.token })).status).toBe(200);
  });

  it("rejects bad input and a duplicate email", async () => {
    const admin = t.addUser("admin");
    const post = (json: unknown) => t.request("POST", "/v1/users", { token: admin.token, json });
    expect((await post({ name: "X", email: "not-an-email", role: "ae" })).status).toBe(400);
    expect((await post({ name: "X", email: "x@example.test", role: "owner" })).status).toBe(400);
    expect((await post({ name: "", email: "x@example.test", role: "ae" })).status).toBe(400);
    expect((await post({ name: "X", email: "x@example.test", role: "ae", token: "mine" })).status).toBe(400);
    expect((await post({ name: "X", email: "x@example.test", role: "csm" })).status).toBe(201);
    const duplicate = await post({ name: "Y", email: "X@example.test", role: "ae" });
    expect(duplicate.status).toBe(409);
  });

  it("is for admins only: every other role is refused, and nothing is created", async () => {
    for (const role of ["ae", "csm", "revops"] as const) {
      const { token } = t.addUser(role);
      expect((await t.request("GET", "/v1/users", { token })).status).toBe(403);
      expect(
        (await t.request("POST", "/v1/users", { token, json: { name: "Mallory", email: `m-${role}@example.test`, role: "admin" } })).status,
      ).toBe(403);
      expect((await t.request("DELETE", `/v1/users/${t.addUser("csm").user.id}`, { token })).status).toBe(403);
    }
    expect(t.deps.users.list().some((u) => u.name === "Mallory")).toBe(false);
    expect((await t.request("GET", "/v1/users")).status).toBe(401);
  });

  it("audits user changes by id, never the token or the email", async () => {
    const admin = t.addUser("admin");
    const res = await t.request("POST", "/v1/users", {
      token: admin.token,
      json: { name: "Dana", email: "dana@example.test", role: "ae" },
    });
    const created = (await res.json()) as CreatedUser;
    await t.request("DELETE", `/v1/users/${created.user.id}`, { token: admin.token });
    const rows = t.deps.db.prepare("SELECT * FROM audit_log WHERE object_type = 'user' ORDER BY id").all() as Record<string, unknown>[];
    expect(rows.map((r) => [r.action, r.object_id, r.user_id])).toEqual([
      ["create", created.user.id, admin.user.id],
      ["delete", created.user.id, admin.user.id],
    ]);
    const everything = JSON.stringify(t.deps.db.prepare("SELECT * FROM audit_log").all());
    expect(everything).not.toContain(created.token);
    expect(everything).not.toContain("dana@example.test");
  });
});
