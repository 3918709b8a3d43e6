import type { User } from "../domain/user.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { Deal } from "../domain/deal.ts";
import { EMPTY, type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderSourceFacts, renderSourceText, type SourceViewOptions } from "./partials/source-view.ts";

export type SourcePageView = { user: User; csrfToken: string; deal: Deal; parsed: ParsedSource; options: SourceViewOptions };

/** One source on its own page (where a citation link leads without the page script), the quote highlighted. */
export function renderSourcePage(view: SourcePageView): Html {
  const { deal, parsed } = view;
  const body = html`<div class="page-head">
  <h1>${parsed.source.filename}</h1>
</div>
${view.options.highlight ? html`<p><a class="button" href="#quote">Go to the quote</a></p>` : EMPTY}
${renderSourceFacts(parsed)}
<h2 class="section-heading">Text</h2>
${renderSourceText(parsed, view.options)}`;
  return renderPage({
    title: `${parsed.source.filename} · ${deal.account}`,
    body,
    user: view.user,
    csrfToken: view.csrfToken,
    crumbs: [{ label: "Deals", href: "/deals" }, { label: deal.account, href: `/deals/${deal.id}` }, { label: parsed.source.filename }],
  });
}

/** The same source as a fragment for the side panel beside the draft. */
export function renderSourcePanel(deal: Deal, parsed: ParsedSource, options: SourceViewOptions): Html {
  return html`<div class="panel-source" data-source-id="${parsed.source.id}">
  <p class="panel-file"><a href="/deals/${deal.id}/sources/${parsed.source.id}">${parsed.source.filename}</a></p>
  ${renderSourceText(parsed, options)}
</div>`;
}
