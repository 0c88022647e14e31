// Shared by every ORcast page: who is signed in (the session cookie, through
// GET /signin/session), the shell around the page (product, person and role, the pages
// that role may use, sign-out), JSON API calls with the CSRF header, and the session's
// renewal (POST /signin/refresh) before its minutes-long token expires. Pages never hold a
// token: the session token is in an HttpOnly cookie, so no script, URL or log sees it.
(function () {
  "use strict";
  const WHO_KEY = "orcast.who"; // name and role only (the tablet's offline reload)
  const JOIN_KEY = "orcast.join.secret"; // a guest's link, this tab only (join.js)
  const SIGNED_OUT_KEY = "orcast.signed-out"; // tells this browser's other tabs at once
  const RENEW_LEAD_S = 60; // renew this long before the session token expires

  // Links from before sign-in carried a token in the fragment: drop it unread.
  if (/access_token=/.test(window.location.hash)) {
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }

  class ApiError extends Error {
    constructor(status, body, retryAfter) {
      super((body && body.error && body.error.message) || ("HTTP " + status));
      this.status = status;
      this.body = body;
      this.retryAfter = retryAfter;
    }
  }

  // A signed-in person's session (cookie) needs its CSRF value on every state change.
  // Over https it is `__Host-orcast_csrf` (only this host can set it), over http the bare name.
  function csrfToken() {
    const name = location.protocol === "https:" ? "__Host-orcast_csrf=" : "orcast_csrf=";
    const found = document.cookie.split("; ").find((c) => c.startsWith(name));
    return found ? decodeURIComponent(found.slice(name.length)) : "";
  }

  // ---- the session ----

  let who = null; // the answer of GET /signin/session while signed in
  let renewTimer = null;
  let renewing = null; // one renewal at a time, however many calls got a 401
  let ended = false;
  const renewedHandlers = [];
  const endedHandlers = [];

  function signInUrl(switching) {
    const back = window.location.pathname + window.location.search;
    return "/signin?next=" + encodeURIComponent(back) + (switching ? "&switch=1" : "");
  }

  // The server's clock, as far as this page can tell (its answers' Date header): the
  // token's exp is server time, and a device clock minutes off must not renew in a loop.
  let skew = 0;
  function nowSeconds() { return Date.now() / 1000 + skew; }
  function learnClock(response) {
    const date = Date.parse(response.headers.get("Date") || "");
    if (Number.isFinite(date)) skew = date / 1000 - Date.now() / 1000;
  }

  function scheduleRenewal(expiresAt) {
    clearTimeout(renewTimer);
    renewTimer = null;
    if (!Number.isFinite(expiresAt)) return;
    const left = expiresAt - nowSeconds();
    const lead = Math.min(RENEW_LEAD_S, Math.max(1, left / 5));
    renewTimer = setTimeout(() => { renewSession(); }, Math.max(1000, (left - lead) * 1000));
  }

  // The next session token, while the sign-in lasts (never after sign-out). True when a
  // renewed token is now in the cookie; false (and the page is told) when it has ended.
  function renewSession() {
    if (renewing) return renewing;
    renewing = (async () => {
      let response;
      try {
        const secret = who && who.guest ? joinSecret() : null;
        // A join link's guest renews by opening its link again (the viewer checks it).
        response = secret ? await fetch("/api/v1/join", { method: "POST", cache: "no-store",
          headers: { "Content-Type": "application/json", "Accept": "application/json" },
          body: JSON.stringify({ secret: secret }) })
          : await fetch("/signin/refresh", { method: "POST", cache: "no-store",
            headers: { "X-CSRF-Token": csrfToken(), "Accept": "application/json" } });
      } catch (e) {
        scheduleRenewal(nowSeconds() + 15 + RENEW_LEAD_S); // offline: look again soon
        return false;
      }
      learnClock(response);
      if (!response.ok) {
        if (response.status === 401 || response.status === 403) sessionEnded();
        return false;
      }
      const body = await response.json().catch(() => ({}));
      if (who && Number.isFinite(body.expires_at)) who.expires_at = body.expires_at;
      scheduleRenewal(body.expires_at);
      for (const handler of renewedHandlers) handler(body.expires_at);
      return true;
    })().finally(() => { renewing = null; });
    return renewing;
  }

  // The sign-in ended (signed out elsewhere, or the shift is over): say so and offer to
  // sign in again, returning here. Nothing on the page is thrown away meanwhile.
  function sessionEnded() {
    if (ended) return;
    ended = true;
    clearTimeout(renewTimer);
    const note = el("div", { id: "session-ended", class: "session-ended", role: "alert" }, [
      el("p", { text: "Your sign-in has ended. Anything waiting on this device is kept " +
        "and is sent once you are signed in again." }),
      el("a", { id: "signin-again", class: "button", href: signInUrl(false),
        text: "Sign in again" }),
    ]);
    const shell = document.getElementById("orcast-shell");
    if (shell) shell.insertAdjacentElement("afterend", note); else document.body.prepend(note);
    for (const handler of endedHandlers) handler();
  }

  async function fetchSession() {
    const response = await fetch("/signin/session", { cache: "no-store" });
    learnClock(response);
    if (!response.ok) throw new ApiError(response.status, null, null);
    return response.json();
  }

  function remember(found) {
    try {
      localStorage.setItem(WHO_KEY, JSON.stringify({ name: found.name, sub: found.sub,
        role: found.role, tablet_lock_minutes: found.tablet_lock_minutes,
        ends_at: found.ends_at }));
    } catch (e) { /* private mode: offline reloads just show less */ }
  }

  function remembered() {
    try { return JSON.parse(localStorage.getItem(WHO_KEY) || "null"); } catch (e) { return null; }
  }

  // Who is signed in, with the shell drawn around the page. `roles` (or null: any
  // signed-in person) may use the page called `page` in words. Not signed in: off to
  // sign-in, back here afterwards (null). Another role: the page says who may use it
  // and offers to switch account (null). Options: `optional` (the home page: signed out
  // is fine), `offline` (the tablet: an unreachable server still opens the page with
  // the person last seen here, so taps queue), `locked()` (the tablet: true while its
  // lock is remembered, so a reload shows the lock, not a sign-in).
  async function signedIn(roles, page, options) {
    const opts = options || {};
    let found;
    try {
      found = await fetchSession();
    } catch (e) {
      if (opts.offline) {
        const last = remembered();
        drawShell(last, true);
        return Object.assign({ offline: true }, last || {});
      }
      drawShell(null, false);
      showGate("ORcast cannot be reached right now.",
        "Check the network connection, then reload this page.", null);
      return null;
    }
    if (!found.signed_in) {
      if (opts.locked && opts.locked()) { // a locked tablet stays behind its lock
        const last = remembered();
        drawShell(last, false);
        return Object.assign({ locked: true }, last || {});
      }
      forget();
      if (opts.optional) { drawShell(null, false); return null; }
      if (found.can_sign_in === false) { // no identity provider configured here
        drawShell(null, false);
        showGate(page + " needs you to sign in.", "Sign-in for people is not set up on " +
          "this ORcast (ORCAST_OIDC_ISSUER is unset); ask its administrator.", null);
        return null;
      }
      window.location.assign(signInUrl(false));
      return null;
    }
    who = found;
    remember(found);
    drawShell(found, false);
    idleLock(found);
    scheduleRenewal(found.expires_at);
    if (roles && !roles.includes(found.role)) {
      showGate(page + " is for " + roleList(roles) + ".",
        "You are signed in as " + personOf(found) + ", " + roleWords(found.role) +
        "; this page is not for that role.", found);
      return null;
    }
    return found;
  }

  // A coordinator's device locks after ORCAST_TABLET_LOCK_MINUTES untouched on every
  // ORcast page, not only on /tablet (which starts its own lock): left on /live, the
  // session would otherwise be renewed for the whole shift. Also wherever a lock is
  // remembered on this device, so its pending POST /signin/lock is retried on any page.
  const LOCK_SCRIPT = "/assets/ingest/lock.js";
  const LOCK_KEY = "orcast.tablet.locked.v1"; // lock.js's
  const OUTBOX_KEY = "orcast.tablet.outbox.v1"; // outbox.js's: shown on the lock

  function idleLock(found) {
    let remembered = false;
    try { remembered = localStorage.getItem(LOCK_KEY) !== null; } catch (e) { /* none */ }
    if (found.role !== "coordinator" && !remembered) return;
    if (document.querySelector('script[src="' + LOCK_SCRIPT + '"]')) return; // the tablet's
    const queued = () => {
      try { return JSON.parse(localStorage.getItem(OUTBOX_KEY) || "[]").length; } catch (e) {
        return 0;
      }
    };
    const script = el("script", { src: LOCK_SCRIPT });
    script.addEventListener("load", () => new window.TabletLock(found, queued).start());
    document.head.append(script);
  }

  function forget() {
    try { localStorage.removeItem(WHO_KEY); } catch (e) { /* nothing kept */ }
    try { sessionStorage.removeItem(JOIN_KEY); } catch (e) { /* nothing kept */ }
  }

  function joinSecret() {
    try { return sessionStorage.getItem(JOIN_KEY); } catch (e) { return null; }
  }

  // Ends the session here (POST /signout with its CSRF value); `then` is where the
  // browser goes next: by default the provider's logout, which comes back to the home page.
  async function signOut(then) {
    let location = "/";
    try {
      const response = await fetch("/signout", { method: "POST", cache: "no-store",
        headers: { "X-CSRF-Token": csrfToken(), "Accept": "application/json" } });
      const body = await response.json().catch(() => ({}));
      if (body && typeof body.location === "string") location = body.location;
    } catch (e) { /* the cookie is cleared by the answer only: try again */ return; }
    forget();
    try { localStorage.setItem(SIGNED_OUT_KEY, String(Date.now())); } catch (e) { /* */ }
    window.location.assign(then || location);
  }

  // Signed out in another tab of this browser: this page's session is gone too.
  window.addEventListener("storage", (event) => {
    if (event.key === SIGNED_OUT_KEY && who) sessionEnded();
  });

  // Another person on this device: end this session, then sign in asking for credentials
  // again (not the provider's remembered account), and come back to this page.
  function switchAccount() {
    return signOut(signInUrl(true));
  }

  function onSessionRenewed(handler) { renewedHandlers.push(handler); }
  function onSessionEnded(handler) { endedHandlers.push(handler); }
  function current() { return who; }
  function hasEnded() { return ended; }

  async function api(method, path, body, renewed) {
    const headers = { "Accept": "application/json" };
    if (method !== "GET" && method !== "HEAD") headers["X-CSRF-Token"] = csrfToken();
    const init = { method: method, headers: headers, cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401 && !renewed && await renewSession()) {
      return api(method, path, body, true);
    }
    const text = await response.text();
    let parsed = null;
    if (text) {
      try { parsed = JSON.parse(text); } catch (e) { parsed = text; }
    }
    if (!response.ok) {
      if (response.status === 401) sessionEnded();
      const retry = parseInt(response.headers.get("Retry-After") || "", 10);
      throw new ApiError(response.status, parsed, Number.isFinite(retry) ? retry : null);
    }
    return { status: response.status, body: parsed };
  }

  // Text only: every string from the server goes through textContent, never innerHTML.
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  // ---- who may use a page, and the shell ----

  const ROLE_NAMES = {
    coordinator: "OR coordinators", approver: "approvers (attendings, communications)",
    student: "students", compliance: "compliance officers", admin: "admins",
  };
  const ROLE_ONE = {
    coordinator: "an OR coordinator", approver: "an approver", student: "a student",
    compliance: "a compliance officer", admin: "an admin",
  };
  // The pages, and the roles that may use each (the APIs behind them decide; this only
  // chooses which links the shell shows).
  const PAGES = [
    { path: "/tablet", label: "Tablet", roles: ["coordinator"] },
    { path: "/approvals", label: "Approvals", roles: ["approver"] },
    { path: "/live", label: "Live", roles: ["student", "coordinator", "approver", "admin",
      "compliance"] },
    { path: "/cases", label: "Cases and consent", roles: ["admin", "compliance"] },
    { path: "/compliance", label: "Compliance", roles: ["compliance"] },
  ];

  function roleList(roles) {
    const names = roles.map((r) => ROLE_NAMES[r] || r);
    return names.length > 1 ? names.slice(0, -1).join(", ") + " and " + names[names.length - 1]
      : names[0];
  }

  function roleWords(role) { return ROLE_ONE[role] || "with the role " + role; }
  function personOf(found) { return (found && (found.name || found.sub)) || "someone"; }

  function pagesFor(role) { return PAGES.filter((p) => p.roles.includes(role)); }

  // The header every page shares: the product, the signed-in person and role, the pages
  // that role may use, and sign-out (or sign-in when nobody is).
  function drawShell(found, offline) {
    const old = document.getElementById("orcast-shell");
    if (old) old.remove();
    const here = window.location.pathname;
    const links = found ? pagesFor(found.role).map((p) => {
      const attrs = { href: p.path, text: p.label, "data-page": p.path };
      if (here === p.path || here.startsWith(p.path + "/")) attrs["aria-current"] = "page";
      return el("a", attrs);
    }) : [];
    const account = found ? [
      el("span", { id: "shell-who", class: "shell-who",
        text: personOf(found) + " · " + found.role + (offline ? " (offline)" : "") }),
      el("button", { id: "shell-signout", type: "button", class: "shell-signout",
        text: "Sign out", onclick: () => signOut() }),
    ] : [el("a", { id: "shell-signin", class: "shell-signin", href: signInUrl(false),
      text: "Sign in" })];
    const shell = el("header", { id: "orcast-shell", class: "orcast-shell" }, [
      el("a", { class: "shell-brand", href: "/", text: "ORcast" }),
      el("nav", { class: "shell-nav", "aria-label": "ORcast pages" }, links),
      el("div", { class: "shell-account" }, account),
    ]);
    document.body.prepend(shell);
    document.body.classList.add("with-shell");
  }

  // Replace the page with one that says who may use it; `found` (signed in with another
  // role) adds "switch account" and a link to that person's own page.
  function showGate(title, why, found) {
    const actions = [];
    if (found) {
      actions.push(el("button", { id: "role-gate-switch", type: "button", class: "primary",
        text: "Switch account", onclick: () => switchAccount() }));
      if (found.page) {
        actions.push(el("a", { id: "role-gate-mine", href: found.page,
          text: "Go to your page" }));
      }
    }
    actions.push(el("a", { href: "/", text: "All ORcast pages and who uses them" }));
    const box = el("section", { id: "role-gate", class: "role-gate", role: "alert" }, [
      el("h2", { text: title }),
      el("p", { id: "role-gate-why", text: why }),
      el("p", { class: "role-gate-actions" }, actions),
    ]);
    for (const child of Array.from(document.body.children)) {
      if (child.tagName !== "SCRIPT" && child.id !== "orcast-shell") child.hidden = true;
    }
    const shell = document.getElementById("orcast-shell");
    if (shell) shell.insertAdjacentElement("afterend", box); else document.body.prepend(box);
    document.body.classList.add("gated");
  }

  // ---- errors in words ----

  // A server refusal as one sentence for people. Field errors are not in it: pages map
  // them onto their own fields (showFieldErrors); the JSON body keeps its code and pointers.
  function sayError(err, doing) {
    const prefix = doing ? doing + ": " : "";
    if (!(err instanceof ApiError)) {
      return prefix + "the server could not be reached. Check the network and try again.";
    }
    const code = err.body && err.body.error && err.body.error.code;
    const byStatus = {
      401: "your sign-in has ended. Sign in again (what is waiting here is kept).",
      403: "your role may not do this.",
      404: "it was not found.",
      409: "it has changed meanwhile; look again and retry.",
      413: "it is too large.",
      422: "some fields need attention (marked below).",
      429: "too many requests; wait a moment and try again.",
      503: "the service is busy or restarting; try again in a few seconds.",
    };
    const byCode = {
      case_not_accepting: "this case is not broadcasting (ended, or consent withdrawn).",
      not_case_coordinator: "you are not one of this case's coordinators.",
    };
    return prefix + (byCode[code] || byStatus[err.status] ||
      ("the server refused it (HTTP " + err.status + ")."));
  }

  // Mark the fields a 422 named and say, next to each, what to do. `fields` maps a JSON
  // Pointer (exact, or a prefix ending in "/") to { input: element id, message: text or
  // function(reason) }. Returns the pointers it could not place.
  function showFieldErrors(form, err, fields) {
    clearFieldErrors(form);
    const problems = (err && err.body && err.body.error && err.body.error.fields) || [];
    const unplaced = [];
    for (const problem of problems) {
      const key = Object.keys(fields).find((k) => k === problem.pointer ||
        (k.endsWith("/") && problem.pointer.startsWith(k)));
      if (!key) { unplaced.push(problem.pointer); continue; }
      const spec = fields[key];
      const message = typeof spec.message === "function" ? spec.message(problem.reason) :
        spec.message;
      fieldError(spec.input, message);
    }
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
    return unplaced;
  }

  function fieldError(inputId, message) {
    const input = document.getElementById(inputId);
    if (!input) return;
    const errorId = inputId + "-error";
    let note = document.getElementById(errorId);
    if (!note) {
      note = el("p", { id: errorId, class: "field-error" });
      input.insertAdjacentElement("afterend", note);
    }
    note.textContent = message;
    note.hidden = false;
    input.setAttribute("aria-invalid", "true");
    const described = (input.getAttribute("aria-describedby") || "").split(" ")
      .filter((d) => d && d !== errorId);
    input.setAttribute("aria-describedby", described.concat(errorId).join(" "));
  }

  function clearFieldErrors(form) {
    for (const input of form.querySelectorAll('[aria-invalid="true"]')) {
      input.removeAttribute("aria-invalid");
    }
    for (const note of form.querySelectorAll(".field-error")) {
      note.textContent = "";
      note.hidden = true;
    }
  }

  window.ORcast = {
    api, el, ApiError, csrfToken, signedIn, signOut, switchAccount, signInUrl, current,
    renewSession, onSessionRenewed, onSessionEnded, hasEnded, roleList, sayError, showFieldErrors,
    fieldError, clearFieldErrors,
  };
})();
