import type { TestApp } from "../support/test-app.ts";

export const ORIGIN = "http://localhost";

export type PageSession = { cookie: string; csrf: string };

/** The value of a cookie set by a response (undefined when the response does not set it). */
export function setCookie(res: Response, name: string): { value: string; attributes: string } | undefined {
  for (const line of res.headers.getSetCookie()) {
    const [pair = "", ...rest] = line.split(";");
    const index = pair.indexOf("=");
    if (pair.slice(0, index).trim() === name) return { value: pair.slice(index + 1), attributes: rest.join(";") };
  }
  return undefined;
}

/** The hidden form token in a page. */
export function formToken(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (match === null) throw new Error("the page has no form token");
  return match[1]!;
}

/** Posts a urlencoded form as a browser on this site would (its Origin header included unless overridden). */
export function postForm(t: TestApp, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs in through the pages with an API token; returns the session cookie and the session's form token. */
export async function signIn(t: TestApp, token: string): Promise<PageSession> {
  const form = await t.app.request(`${ORIGIN}/sign-in`);
  const signInCookie = setCookie(form, "baton_sign_in")!.value;
  const res = await postForm(t, "/sign-in", { token, _csrf: formToken(await form.text()) }, { cookie: `baton_sign_in=${signInCookie}` });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  const cookie = `baton_session=${setCookie(res, "baton_session")!.value}`;
  const page = await t.app.request(`${ORIGIN}/deals`, { headers: { cookie } });
  return { cookie, csrf: formToken(await page.text()) };
}

/** GET a page with the session's cookie. */
export function getPage(t: TestApp, session: PageSession, path: string) {
  return t.app.request(`${ORIGIN}${path}`, { headers: { cookie: session.cookie } });
}
