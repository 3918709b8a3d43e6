// Baton pages: progressive enhancement only. Every link and form works without this script; it adds the source
// side panel, keyboard navigation of the review, copy and print buttons. No inline script, nothing from elsewhere.
(() => {
  const announcer = () => document.getElementById("announcer");

  /** Says something to screen readers (and keeps it in the live region for tests and sighted keyboard users). */
  function announce(message) {
    const region = announcer();
    if (!region) return;
    region.textContent = "";
    // A fresh text node after a tick makes screen readers speak a repeated message again.
    window.setTimeout(() => {
      region.textContent = message;
    }, 30);
  }

  function isTyping(target) {
    if (!(target instanceof Element)) return false;
    return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
  }

  // ---- Source side panel ------------------------------------------------------------------------------------

  const panel = document.querySelector("[data-source-panel]");
  const panelBody = panel ? panel.querySelector("[data-panel-body]") : null;
  const panelTitle = panel ? panel.querySelector("#source-panel-title") : null;
  let openerChip = null;
  let loadSequence = 0;
  const drawerQuery = window.matchMedia("(max-width: 1023px)");

  /** As a drawer (narrow screens) the panel is modal: what lies under it leaves the focus order until it closes. */
  function setBehindInert(inert) {
    for (const element of document.querySelectorAll("body > header, .crumbs, .draft-column")) element.inert = inert;
  }

  async function openCitation(chip) {
    if (!panel || !panelBody) return;
    const url = chip.getAttribute("data-panel-url");
    if (!url) return;
    const sequence = ++loadSequence;
    for (const other of document.querySelectorAll(".chip[aria-current='true']")) other.removeAttribute("aria-current");
    chip.setAttribute("aria-current", "true");
    openerChip = chip;
    panel.setAttribute("data-open", "");
    panel.setAttribute("aria-busy", "true");
    if (drawerQuery.matches) setBehindInert(true);
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    } catch {
      response = null;
    }
    if (sequence !== loadSequence) return;
    panel.removeAttribute("aria-busy");
    if (!response?.ok) {
      panelBody.replaceChildren(messageParagraph("The source could not be loaded. Open it on its own page instead."));
      if (response && (response.status === 401 || response.redirected)) window.location.assign(chip.href);
      return;
    }
    const fragment = new DOMParser().parseFromString(await response.text(), "text/html");
    panelBody.replaceChildren(...Array.from(fragment.body.childNodes));
    const target = panelBody.querySelector("[data-focus]");
    if (target) {
      // Scroll the panel only, never the page: the claim stays where the reader left it.
      const top = target.getBoundingClientRect().top - panelBody.getBoundingClientRect().top + panelBody.scrollTop;
      panelBody.scrollTop = Math.max(0, top - panelBody.clientHeight / 3);
    }
    if (panelTitle) panelTitle.focus({ preventScroll: true });
    const file = panelBody.querySelector(".panel-file");
    announce(`Showing the quote in ${file ? file.textContent.trim() : "its source"}. Escape returns to the draft.`);
  }

  function messageParagraph(text) {
    const p = document.createElement("p");
    p.className = "panel-empty";
    p.textContent = text;
    return p;
  }

  function closePanel() {
    if (!panel?.hasAttribute("data-open")) return false;
    panel.removeAttribute("data-open");
    setBehindInert(false);
    const chip = openerChip;
    if (chip) chip.removeAttribute("aria-current");
    if (chip && document.contains(chip)) chip.focus();
    return true;
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const chip = target.closest("a.chip[data-panel-url]");
    // A modified click (new tab, new window) keeps the link's own behaviour: the source page.
    if (chip && panel && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      const item = chip.closest("[data-item]");
      if (item) setCurrent(item);
      void openCitation(chip);
      return;
    }
    if (target.closest("[data-close-panel]")) {
      closePanel();
      return;
    }
    const copy = target.closest("[data-copy]");
    if (copy) {
      void copyField(copy.getAttribute("data-copy"));
      return;
    }
    if (target.closest("[data-print]")) window.print();
  });

  // ---- Copy and print ---------------------------------------------------------------------------------------

  async function copyField(id) {
    const field = id ? document.getElementById(id) : null;
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // Without clipboard permission the text is selected, so Ctrl+C / Cmd+C copies it.
      field.focus();
      field.select();
      announce("Selected: press Ctrl+C or Cmd+C to copy.");
      return;
    }
    announce("Copied.");
  }

  const openedForPrint = [];
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details:not([open])")) {
      details.open = true;
      openedForPrint.push(details);
    }
  });
  window.addEventListener("afterprint", () => {
    for (const details of openedForPrint.splice(0)) details.open = false;
  });

  // ---- Keyboard review: j/k move, o opens the source, a/e/r act -----------------------------------------------

  const keyboardItems = document.querySelector("[data-keyboard-items]");
  let currentIndex = -1;

  function items() {
    return Array.from(document.querySelectorAll("[data-item]"));
  }

  function setCurrent(item) {
    for (const other of document.querySelectorAll("[data-item].is-current")) other.classList.remove("is-current");
    item.classList.add("is-current");
    currentIndex = items().indexOf(item);
  }

  function currentItem() {
    const active = document.activeElement instanceof Element ? document.activeElement.closest("[data-item]") : null;
    if (active) return active;
    const list = items();
    return currentIndex >= 0 && currentIndex < list.length ? list[currentIndex] : null;
  }

  function move(delta) {
    const list = items();
    if (list.length === 0) return;
    const from = currentItem();
    const index = from === null ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, list.indexOf(from) + delta));
    const item = list[index];
    setCurrent(item);
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  const ACTION_VERBS = { approve: "Approving", edit: "Editing", reject: "Rejecting" };

  function act(action) {
    const item = currentItem();
    if (!item) {
      announce("Move to an item first with j or k.");
      return;
    }
    const button = item.querySelector(`[data-action="${action}"]`);
    if (!button) {
      announce(`${ACTION_VERBS[action]} is not possible for this item.`);
      return;
    }
    if (button.disabled) {
      announce(`${ACTION_VERBS[action]} from this page is not available yet.`);
      return;
    }
    button.click();
  }

  function openCurrentSource() {
    const item = currentItem();
    const chip = item ? item.querySelector("a.chip[data-panel-url]") : null;
    if (chip) void openCitation(chip);
    else announce("This item has no citation to open.");
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (closePanel()) event.preventDefault();
      return;
    }
    if (!keyboardItems || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    // While the drawer covers the draft, the draft's shortcuts wait until Escape closes it.
    if (drawerQuery.matches && panel?.hasAttribute("data-open")) return;
    const handlers = {
      j: () => move(1),
      k: () => move(-1),
      o: openCurrentSource,
      a: () => act("approve"),
      e: () => act("edit"),
      r: () => act("reject"),
    };
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
})();
