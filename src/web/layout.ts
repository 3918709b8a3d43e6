import type { Role, User } from "../domain/user.ts";
import { assetUrl } from "./assets.ts";
import { EMPTY, type Html, html } from "./html.ts";
import { CSRF_FIELD } from "./session/check-csrf.ts";

export type Crumb = { label: string; href?: string };

export type PageOptions = {
  title: string;
  body: Html;
  /** The signed-in reader; pages before sign-in have none. */
  user?: User | undefined;
  csrfToken?: string | undefined;
  /** Where the page sits, shown above its heading; the last crumb is the page itself. */
  crumbs?: Crumb[];
  /** "wide" pages (review, brief) use the full width for the draft and the source side by side. */
  width?: "narrow" | "normal" | "wide";
};

export const ROLE_LABELS: Record<Role, string> = { ae: "AE", csm: "CSM", revops: "RevOps", admin: "Admin" };

/** The page shell: skip link, top bar with the reader and sign-out, main landmark, and the live region scripts announce in. */
export function renderPage(options: PageOptions): Html {
  const width = options.width ?? "normal";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Baton</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl("app.css")}">
<script type="module" src="${assetUrl("app.js")}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="topbar">
  <a class="brand" href="${options.user ? "/deals" : "/sign-in"}">Baton</a>
  ${options.user ? renderAccount(options.user, options.csrfToken ?? "") : EMPTY}
</header>
<main id="main" class="page page-${width}" tabindex="-1">
${options.crumbs && options.crumbs.length > 0 ? renderCrumbs(options.crumbs) : EMPTY}
${options.body}
</main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>
`;
}

function renderAccount(user: User, csrfToken: string): Html {
  return html`<nav class="topnav" aria-label="Main"><a href="/deals">Deals</a>${
    user.role === "revops" ? html`<a href="/reports">Report</a>` : EMPTY
  }</nav>
  <div class="account">
    <span class="account-name">${user.name} <span class="role-tag">${ROLE_LABELS[user.role]}</span></span>
    <form method="post" action="/sign-out" class="inline-form">
      <input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
      <button type="submit" class="button button-quiet">Sign out</button>
    </form>
  </div>`;
}

function renderCrumbs(crumbs: Crumb[]): Html {
  const items = crumbs.map((crumb, index) =>
    index === crumbs.length - 1 || crumb.href === undefined
      ? html`<li><span aria-current="page">${crumb.label}</span></li>`
      : html`<li><a href="${crumb.href}">${crumb.label}</a></li>`,
  );
  return html`<nav class="crumbs" aria-label="Breadcrumb"><ol>${items}</ol></nav>`;
}
