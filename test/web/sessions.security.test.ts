import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { formToken, getPage, ORIGIN, postForm, setCookie, signIn } from "./web-session.ts";

let t: TestApp;
let ae: TestUser;

beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae", "Dana Whitlock");
});
afterEach(() => t.close());

describe("signing in", () => {
  it("sends a reader without a session to sign in, and back where they were going afterwards", async () => {
    const home = await t.app.request(`${ORIGIN}/`);
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toBe("/sign-in");
    const deals = await t.app.request(`${ORIGIN}/deals?q=kestrel`);
    expect(deals.headers.get("location")).toBe("/sign-in?next=%2Fdeals%3Fq%3Dkestrel");

    const form = await t.app.request(`${ORIGIN}/sign-in?next=%2Fdeals%3Fq%3Dkestrel`);
    const cookie = `baton_sign_in=${setCookie(form, "baton_sign_in")!.value}`;
    const page = await form.text();
    expect(page).toContain('name="next" value="/deals?q=kestrel"');
    const res = await postForm(t, "/sign-in", { token: ae.token, _csrf: formToken(page), next: "/deals?q=kestrel" }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/deals?q=kestrel");
  });

  it("sets an HttpOnly, SameSite=Strict session cookie whose id is stored only as a hash", async () => {
    const session = await signIn(t, ae.token);
    const id = session.cookie.split("=")[1]!;
    const rows = t.deps.db.prepare("SELECT id_hash, user_id FROM web_sessions").all() as { id_hash: string; user_id: string }[];
    expect(rows).toEqual([{ id_hash: createHash("sha256").update(id).digest("hex"), user_id: ae.user.id }]);

    const form = await t.app.request(`${ORIGIN}/sign-in`);
    const res = await postForm(
      t,
      "/sign-in",
      { token: ae.token, _csrf: formToken(await form.text()) },
      { cookie: `baton_sign_in=${setCookie(form, "baton_sign_in")!.value}` },
    );
    const attributes = setCookie(res, "baton_session")!.attributes;
    expect(attributes).toMatch(/HttpOnly/);
    expect(attributes).toMatch(/SameSite=Strict/);
    expect(attributes).toMatch(/Path=\//);
    expect(attributes).not.toMatch(/Secure/);
  });

  it("marks the cookie Secure (and __Host-) over HTTPS, and behind a proxy only when told to trust it", async () => {
    const https = await signInAt(t, "https://baton.example", {});
    expect(https.res.headers.getSetCookie().join("\n")).toMatch(/^__Host-baton_session=[^;]+;.*Secure/m);

    const untrusted = await signInAt(t, ORIGIN, { "x-forwarded-proto": "https" });
    expect(setCookie(untrusted.res, "baton_session")!.attributes).not.toMatch(/Secure/);

    const proxied = createTestApp({ env: { BATON_TRUST_PROXY: "true" } });
    try {
      const user = proxied.addUser("ae");
      const trusted = await signInAt(proxied, ORIGIN, { "x-forwarded-proto": "https" }, user.token, "https://localhost");
      expect(trusted.res.status).toBe(303);
      expect(trusted.res.headers.getSetCookie().join("\n")).toMatch(/^__Host-baton_session=[^;]+;.*Secure/m);
    } finally {
      await proxied.close();
    }
  });

  it("refuses a wrong token without setting a session, and never echoes the token", async () => {
    const form = await t.app.request(`${ORIGIN}/sign-in`);
    const cookie = `baton_sign_in=${setCookie(form, "baton_sign_in")!.value}`;
    const res = await postForm(t, "/sign-in", { token: "baton_not-a-real-token", _csrf: formToken(await form.text()) }, { cookie });
    expect(res.status).toBe(401);
    expect(setCookie(res, "baton_session")).toBeUndefined();
    const page = await res.text();
    expect(page).toContain("That token is not valid");
    expect(page).not.toContain("baton_not-a-real-token");
  });

  it("refuses a sign-in form without its token or from another site (login CSRF)", async () => {
    const form = await t.app.request(`${ORIGIN}/sign-in`);
    const cookie = `baton_sign_in=${setCookie(form, "baton_sign_in")!.value}`;
    const token = formToken(await form.text());
    expect((await postForm(t, "/sign-in", { token: ae.token }, { cookie })).status).toBe(403);
    expect((await postForm(t, "/sign-in", { token: ae.token, _csrf: token })).status).toBe(403);
    expect((await postForm(t, "/sign-in", { token: ae.token, _csrf: token }, { cookie, origin: "https://evil.example" })).status).toBe(403);
  });

  it("ignores a return address on another site", async () => {
    for (const next of ["//evil.example/x", "https://evil.example", "/\\evil.example", "/sign-out"]) {
      const form = await t.app.request(`${ORIGIN}/sign-in?next=${encodeURIComponent(next)}`);
      const res = await postForm(
        t,
        "/sign-in",
        { token: ae.token, _csrf: formToken(await form.text()), next },
        { cookie: `baton_sign_in=${setCookie(form, "baton_sign_in")!.value}` },
      );
      expect(res.headers.get("location")).toBe("/deals");
    }
  });
});

describe("a signed-in session", () => {
  it("does not authenticate the API: /v1 still wants a bearer token", async () => {
    const session = await signIn(t, ae.token);
    const res = await t.app.request(`${ORIGIN}/v1/deals`, { headers: { cookie: session.cookie } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });

  it("refuses a form posted without its CSRF token, or from another site, and keeps the session", async () => {
    const session = await signIn(t, ae.token);
    const withoutToken = await postForm(t, "/sign-out", {}, { cookie: session.cookie });
    expect(withoutToken.status).toBe(403);
    expect(await withoutToken.text()).toContain("did not come from Baton");
    const wrongToken = await postForm(t, "/sign-out", { _csrf: `${session.csrf}x` }, { cookie: session.cookie });
    expect(wrongToken.status).toBe(403);
    const crossSite = await postForm(t, "/sign-out", { _csrf: session.csrf }, { cookie: session.cookie, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    const crossSiteFetch = await postForm(
      t,
      "/sign-out",
      { _csrf: session.csrf },
      { cookie: session.cookie, origin: "null", "sec-fetch-site": "cross-site" },
    );
    expect(crossSiteFetch.status).toBe(403);
    expect((await getPage(t, session, "/deals")).status).toBe(200);
  });

  it("signs out: the session is deleted on the server, so the old cookie opens nothing", async () => {
    const session = await signIn(t, ae.token);
    const res = await postForm(t, "/sign-out", { _csrf: session.csrf }, { cookie: session.cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?signed-out=1");
    expect(setCookie(res, "baton_session")!.attributes).toMatch(/Max-Age=0/);
    expect(t.deps.db.prepare("SELECT COUNT(*) AS n FROM web_sessions").get()).toEqual({ n: 0 });
    const after = await getPage(t, session, "/deals");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("ends when its user is disabled", async () => {
    const session = await signIn(t, ae.token);
    t.deps.users.disable(ae.user.id, new Date());
    expect((await getPage(t, session, "/deals")).status).toBe(303);
  });

  it("serves pages with a strict content security policy and no caching", async () => {
    const session = await signIn(t, ae.token);
    for (const path of ["/deals", "/deals/deal_missing", "/sign-in"]) {
      const res = await getPage(t, session, path);
      const policy = res.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain("unsafe-inline");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
    const page = await (await getPage(t, session, "/deals")).text();
    expect(page).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=/i);
  });

  it("serves its assets with a content hash in the URL and a long cache", async () => {
    const page = await (await t.app.request(`${ORIGIN}/sign-in`)).text();
    const [css, js] = [
      /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(page)![1]!,
      /src="(\/assets\/app\.[0-9a-f]{12}\.js)"/.exec(page)![1]!,
    ];
    for (const [url, type] of [
      [css, "text/css"],
      [js, "text/javascript"],
    ] as const) {
      const res = await t.app.request(`${ORIGIN}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    expect((await t.app.request(`${ORIGIN}/assets/app.000000000000.css`)).status).toBe(404);
  });
});

async function signInAt(app: TestApp, base: string, headers: Record<string, string>, token = ae.token, origin = base) {
  const form = await app.app.request(`${base}/sign-in`, { headers });
  const line = form.headers.getSetCookie().find((l) => /baton_sign_in=/.test(l))!;
  const cookie = line.split(";")[0]!;
  const res = await app.app.request(`${base}/sign-in`, {
    method: "POST",
    headers: { ...headers, cookie, origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token, _csrf: formToken(await form.text()) }).toString(),
  });
  return { res };
}
