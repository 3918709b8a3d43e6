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
    const control = item.querySelector(`[data-action="${action}"]`);
    if (!control) {
      announce(`${ACTION_VERBS[action]} is not possible for this item.`);
      return;
    }
    control.click();
  }

  function openCurrentSource() {
    const item = currentItem();
    const chip = item ? item.querySelector("a.chip[data-panel-url]") : null;
    if (chip) void openCitation(chip);
    else announce("This item has no citation to open.");
  }

  document.addEventListener("keydown", (event) => {
    // Ctrl+Enter (Cmd+Enter) saves the form being typed in.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target instanceof Element) {
      const form = event.target.closest("form[data-review-form], form.gap-form, form[data-add-item-form]");
      if (form) {
        event.preventDefault();
        form.requestSubmit();
        return;
      }
    }
    if (event.key === "Escape") {
      const form = event.target instanceof Element ? event.target.closest("[data-edit-form]") : null;
      if (form?.hasAttribute("data-open")) {
        event.preventDefault();
        closeEditForm(form, true);
        return;
      }
      if (closePanel()) event.preventDefault();
      return;
    }
    if (!keyboardItems || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    // While the drawer covers the draft, the draft's shortcuts wait until Escape closes it.
    if (drawerQuery.matches && panel?.hasAttribute("data-open")) return;
    if (event.key === "?") {
      event.preventDefault();
      openHelp();
      return;
    }
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

  // ---- Review actions: forms sent with fetch, the card swapped in place ----------------------------------------

  const csrfToken = () => document.querySelector("input[name='_csrf']")?.value ?? "";

  /** Sends a form as the page script does: same fields, the session's token in a header, JSON back. */
  async function sendForm(form, body) {
    const response = await fetch(form.action, {
      method: "POST",
      headers: { Accept: "application/json", "X-CSRF-Token": csrfToken() },
      credentials: "same-origin",
      body,
    });
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    return { response, data };
  }

  function showItemMessage(item, text) {
    const message = item?.querySelector("[data-item-message]");
    if (!message) return;
    message.textContent = text;
    message.hidden = text === "";
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target instanceof HTMLFormElement ? event.target : null;
    if (!form?.hasAttribute("data-review-form")) return;
    event.preventDefault();
    const item = form.closest("[data-item]");
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
    // Read the fields before disabling the buttons: a disabled submitter sends no value.
    const body = new URLSearchParams(new FormData(form, submitter ?? undefined));
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    let result;
    try {
      result = await sendForm(form, body);
    } catch {
      result = { response: null, data: null };
    }
    for (const button of form.querySelectorAll("button")) button.disabled = false;
    const { response, data } = result;
    if (response?.status === 403 || response?.redirected) {
      // An expired session or form: a normal submission shows the page that explains it.
      form.submit();
      return;
    }
    // 412: someone saved this item after the page was loaded; the answer carries the item as it is now.
    const changed = response?.status === 412 && data?.card;
    if (!changed && (!response?.ok || !data?.card)) {
      const text = data?.error?.message ?? "That did not work. Try again, or reload the page.";
      showItemMessage(item, text);
      announce(text);
      return;
    }
    const card = swapCard(item, data.card);
    swapProgress(data.progress);
    if (changed) {
      showItemMessage(card ?? item, data.error.message);
      announce(data.error.message);
      return;
    }
    announce(data.message ?? "Saved.");
  });

  /** Puts the server's card in place of the item's (keeping it current and focused); the new card, or null. */
  function swapCard(item, html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const card = template.content.firstElementChild;
    if (!item || !card) return null;
    const wasCurrent = item.classList.contains("is-current");
    item.replaceWith(card);
    if (wasCurrent) card.classList.add("is-current");
    card.focus({ preventScroll: true });
    currentIndex = items().indexOf(card);
    return card;
  }

  function swapProgress(html) {
    const progress = document.getElementById("review-progress");
    if (!progress || !html) return;
    const next = document.createElement("template");
    next.innerHTML = html.trim();
    if (next.content.firstElementChild) progress.replaceWith(next.content.firstElementChild);
  }

  // ---- Edit form: opened by its Edit link (or e), Escape or Cancel closes it ------------------------------------

  function editFormOf(link) {
    const id = link.getAttribute("aria-controls");
    return id ? document.getElementById(id) : null;
  }

  function openEditForm(link) {
    const form = editFormOf(link);
    if (!form) return;
    form.setAttribute("data-open", "");
    link.setAttribute("aria-expanded", "true");
    const field = form.querySelector("textarea, input:not([type=hidden]), select");
    if (field) {
      field.focus();
      if (field instanceof HTMLTextAreaElement) field.setSelectionRange(field.value.length, field.value.length);
    }
  }

  function closeEditForm(form, restoreFocus) {
    form.removeAttribute("data-open");
    const link = document.querySelector(`[aria-controls="${form.id}"]`);
    if (link) link.setAttribute("aria-expanded", "false");
    const item = form.closest("[data-item]");
    if (restoreFocus && item) item.focus({ preventScroll: true });
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest("a[data-action='edit']");
    if (link) {
      event.preventDefault();
      const form = editFormOf(link);
      if (form?.hasAttribute("data-open")) closeEditForm(form, false);
      else openEditForm(link);
      return;
    }
    const cancel = target?.closest("[data-cancel-edit]");
    if (cancel) {
      event.preventDefault();
      const form = cancel.closest("[data-edit-form]");
      if (form) closeEditForm(form, true);
      return;
    }
    if (target?.closest("[data-keyboard-help]")) openHelp();
  });

  // ---- Keyboard help (?) ----------------------------------------------------------------------------------------

  function openHelp() {
    const dialog = document.getElementById("keyboard-help");
    if (dialog && !dialog.open) dialog.showModal();
  }

  // ---- Quote check of an item the AE adds, as they type ----------------------------------------------------------

  const addForm = document.querySelector("[data-add-item-form]");
  if (addForm) {
    const quote = addForm.querySelector("textarea[name='quote']");
    const source = addForm.querySelector("select[name='sourceId']");
    const output = addForm.querySelector("[data-quote-check]");
    const url = addForm.getAttribute("data-quote-check-url");
    let timer = 0;
    let sequence = 0;
    const check = async () => {
      const text = quote.value.trim();
      const mine = ++sequence;
      if (text === "") {
        output.textContent = "Checked against the sources as you type.";
        output.removeAttribute("data-match");
        return;
      }
      output.textContent = "Checking…";
      const body = new URLSearchParams({ quote: text, sourceId: source?.value ?? "" });
      let data = null;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { Accept: "application/json", "X-CSRF-Token": csrfToken() },
          credentials: "same-origin",
          body,
        });
        data = await response.json();
      } catch {
        data = null;
      }
      if (mine !== sequence) return;
      if (!data || data.error) {
        output.textContent = data?.error?.message ?? "The quote could not be checked just now.";
        output.setAttribute("data-match", "error");
        return;
      }
      output.setAttribute("data-match", data.match);
      output.textContent =
        data.match === "unverified"
          ? `Not found in the sources${data.reason ? `: ${data.reason}` : ""}. The item will be kept as your word, without a citation.`
          : `Found (${data.match === "exact" ? "exact" : data.match === "normalized" ? "same words" : "close match"}): it will be cited.`;
    };
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, 400);
    };
    quote?.addEventListener("input", schedule);
    source?.addEventListener("change", schedule);
  }

  // ---- Deal page: drop files to upload them, a result per file ---------------------------------------------------

  const uploadForm = document.querySelector("[data-upload-form]");
  const uploadResults = document.querySelector("[data-upload-results]");

  function resultItem(result) {
    const li = document.createElement("li");
    li.className = "upload-result";
    const badge = document.createElement("span");
    const labels = { added: ["Added", "success"], duplicate: ["Already in the deal", "neutral"], refused: ["Refused", "danger"] };
    const [label, tone] = labels[result.outcome] ?? [result.outcome, "neutral"];
    badge.className = `badge tone-${tone}`;
    badge.textContent = label;
    const file = document.createElement("span");
    file.className = "upload-file";
    file.textContent = result.filename;
    li.append(badge, " ", file);
    if (result.reason) {
      const reason = document.createElement("span");
      reason.className = "upload-reason";
      reason.textContent = result.reason;
      li.append(" ", reason);
    }
    return li;
  }

  async function uploadFiles(files) {
    if (!uploadForm || !uploadResults || files.length === 0) return;
    const body = new FormData();
    for (const file of files) body.append("file", file, file.name);
    uploadForm.setAttribute("aria-busy", "true");
    uploadResults.replaceChildren(messageItem(`Uploading ${files.length === 1 ? "1 file" : `${files.length} files`}…`));
    let data = null;
    let ok = false;
    try {
      const response = await fetch(uploadForm.action, {
        method: "POST",
        headers: { Accept: "application/json", "X-CSRF-Token": csrfToken() },
        credentials: "same-origin",
        body,
      });
      ok = response.ok;
      data = await response.json();
    } catch {
      data = null;
    }
    uploadForm.removeAttribute("aria-busy");
    if (!ok || !data?.results) {
      uploadResults.replaceChildren(messageItem(data?.error?.message ?? "The upload did not work. Try again."));
      return;
    }
    uploadResults.replaceChildren(...data.results.map(resultItem));
    const added = data.results.filter((result) => result.outcome === "added").length;
    if (added > 0) {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = `${window.location.pathname}#extraction`;
      link.textContent = "Show the new sources and run the extraction";
      link.addEventListener("click", (event) => {
        event.preventDefault();
        window.location.assign(`${window.location.pathname}#extraction`);
        window.location.reload();
      });
      li.append(link);
      uploadResults.append(li);
    }
    announce(`${added} of ${data.results.length} files added.`);
  }

  function messageItem(text) {
    const li = document.createElement("li");
    li.textContent = text;
    return li;
  }

  if (uploadForm) {
    uploadForm.addEventListener("submit", (event) => {
      const input = uploadForm.querySelector("input[type=file]");
      if (!input || input.files.length === 0) return;
      event.preventDefault();
      void uploadFiles(Array.from(input.files));
      input.value = "";
    });
    for (const type of ["dragenter", "dragover"]) {
      uploadForm.addEventListener(type, (event) => {
        event.preventDefault();
        uploadForm.setAttribute("data-dragging", "");
      });
    }
    uploadForm.addEventListener("dragleave", () => uploadForm.removeAttribute("data-dragging"));
    uploadForm.addEventListener("drop", (event) => {
      event.preventDefault();
      uploadForm.removeAttribute("data-dragging");
      void uploadFiles(Array.from(event.dataTransfer?.files ?? []));
    });
  }

  // ---- Deal page: run the extraction and follow it live (server-sent events) ------------------------------------

  const extractForm = document.querySelector("[data-extract-form]");
  const runProgress = document.querySelector("[data-run-progress]");

  function showRun(state, done) {
    if (!runProgress) return;
    runProgress.hidden = false;
    const seconds = Math.round((state.elapsedMs ?? 0) / 1000);
    const p = document.createElement("p");
    if (!done) {
      const bar = document.createElement("progress");
      bar.setAttribute("aria-hidden", "true");
      p.append(
        bar,
        ` ${state.status === "queued" ? "Waiting for its turn…" : "Reading the sources and grounding every quote…"} ${seconds} s`,
      );
      runProgress.replaceChildren(p);
      return;
    }
    refreshAfterRun();
    if (state.status === "succeeded") {
      p.textContent = `Extraction finished: ${state.itemsAdded ?? 0} items added from ${state.sources} sources in ${seconds} s.`;
      const link = document.createElement("a");
      link.className = "button button-primary";
      link.href = runProgress.getAttribute("data-review-url") ?? "review";
      link.textContent = "Review the draft";
      const next = document.createElement("p");
      next.append(link);
      runProgress.replaceChildren(p, next);
      announce(p.textContent);
    } else {
      p.textContent = `Extraction ${state.status === "failed" ? "failed" : "is still running"}${state.error ? `: ${state.error}` : ""}.`;
      runProgress.replaceChildren(p);
      announce(p.textContent);
    }
  }

  /** Swaps in the current state of what a finished run changes (tiles, sources, runs), read from the page itself. */
  async function refreshAfterRun() {
    try {
      const response = await fetch(window.location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      for (const region of document.querySelectorAll("[data-refresh-after-run][id]")) {
        const next = fresh.getElementById(region.id);
        if (next) region.replaceWith(document.importNode(next, true));
      }
    } catch {
      // The panel already says how the run ended; a reload shows the rest.
    }
  }

  function followRun(url) {
    if (!runProgress || !url) return;
    runProgress.setAttribute("data-following", "");
    const events = new EventSource(url);
    const finish = (event, done) => {
      events.close();
      runProgress.removeAttribute("data-following");
      showRun(JSON.parse(event.data), done);
    };
    events.addEventListener("progress", (event) => showRun(JSON.parse(event.data), false));
    events.addEventListener("done", (event) => finish(event, true));
    events.addEventListener("gave-up", (event) => finish(event, true));
    events.addEventListener("error", () => {
      // The browser retries a dropped stream by itself; one it gave up on leaves the Refresh link.
      if (events.readyState === EventSource.CLOSED) runProgress.removeAttribute("data-following");
    });
  }

  if (runProgress?.getAttribute("data-events-url")) followRun(runProgress.getAttribute("data-events-url"));

  extractForm?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = extractForm.querySelector("button");
    if (button) button.disabled = true;
    let data = null;
    try {
      const response = await fetch(extractForm.action, {
        method: "POST",
        headers: { Accept: "application/json", "X-CSRF-Token": csrfToken() },
        credentials: "same-origin",
        body: new URLSearchParams(new FormData(extractForm)),
      });
      data = await response.json();
    } catch {
      data = null;
    }
    if (button) button.disabled = false;
    if (!data?.eventsUrl) {
      if (runProgress) {
        runProgress.hidden = false;
        runProgress.textContent = data?.error?.message ?? "The extraction could not start. Try again.";
      }
      return;
    }
    showRun(data.run, false);
    followRun(data.eventsUrl);
  });
})();
