// Shared by every ORcast page: the bearer token, JSON API calls, WebSocket URLs.
// The token arrives once as a URL fragment (#access_token=…, never sent to the server
// or its logs), is kept in sessionStorage, and the fragment is removed from the address bar.
(function () {
  "use strict";
  const KEY = "orcast.token";

  function takeTokenFromFragment() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    const token = params.get("access_token");
    if (token) {
      sessionStorage.setItem(KEY, token);
      history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  function token() {
    return sessionStorage.getItem(KEY) || "";
  }

  function setToken(value) {
    sessionStorage.setItem(KEY, value.trim());
  }

  function claims() {
    return claimsOf(token());
  }

  // The payload of a JWT, unverified: only for the page's own timing (exp).
  function claimsOf(jwt) {
    const parts = String(jwt || "").split(".");
    if (parts.length !== 3) return null;
    try {
      return JSON.parse(atob(parts[1].replace(/-/g, "+").replace(/_/g, "/")));
    } catch (e) {
      return null;
    }
  }

  class ApiError extends Error {
    constructor(status, body, retryAfter) {
      super((body && body.error && body.error.message) || ("HTTP " + status));
      this.status = status;
      this.body = body;
      this.retryAfter = retryAfter;
    }
  }

  // A signed-in person's session (cookie) needs its CSRF value on every state change;
  // a bearer token needs none, and no Authorization header is sent without one.
  function csrfToken() {
    const found = document.cookie.split("; ").find((c) => c.startsWith("orcast_csrf="));
    return found ? decodeURIComponent(found.slice("orcast_csrf=".length)) : "";
  }

  // A session token lives minutes; sign-in renews it while the sign-in lasts (and never
  // after sign-out). True when a renewed token is now in the cookie.
  async function renewSession() {
    if (token() || !csrfToken()) return false;
    try {
      const response = await fetch("/signin/refresh", {
        method: "POST", cache: "no-store", headers: { "X-CSRF-Token": csrfToken() } });
      return response.ok;
    } catch (e) {
      return false;
    }
  }

  async function api(method, path, body, renewed) {
    const headers = token() ? { "Authorization": "Bearer " + token() } : {};
    if (csrfToken()) headers["X-CSRF-Token"] = csrfToken();
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
      const retry = parseInt(response.headers.get("Retry-After") || "", 10);
      throw new ApiError(response.status, parsed, Number.isFinite(retry) ? retry : null);
    }
    return { status: response.status, body: parsed };
  }

  function wsUrl(path) {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const sep = path.indexOf("?") >= 0 ? "&" : "?";
    return scheme + "//" + window.location.host + path + sep +
      "access_token=" + encodeURIComponent(token());
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

  // ---- who may use a page ----

  const ROLE_NAMES = {
    coordinator: "OR coordinators", approver: "approvers (attendings, communications)",
    student: "students", compliance: "compliance officers", admin: "admins",
  };

  function roleList(roles) {
    const names = roles.map((r) => ROLE_NAMES[r] || r);
    return names.length > 1 ? names.slice(0, -1).join(", ") + " and " + names[names.length - 1]
      : names[0];
  }

  // When the token in hand cannot use this page (no token, not a token, another role),
  // replace the page with one that says who may use it and how to get in; true otherwise.
  // `page` names the page in words. Pages call it before touching their own elements.
  function gate(roles, page) {
    const jwt = token();
    const c = claimsOf(jwt);
    if (c && roles.includes(c.role)) return true;
    let why;
    if (!jwt) {
      why = "You are not signed in.";
    } else if (!c) {
      why = "That access token was not accepted: it is not a complete ORcast token " +
        "(it may have been cut off when it was copied).";
    } else {
      why = "You are signed in as " + (c.sub || "someone") + ", a " + (c.role || "user") +
        " (" + (ROLE_NAMES[c.role] || "no ORcast page") + "); this page is not for that role.";
    }
    showGate(page + " is for " + roleList(roles) + ".", why,
      "Open the link you were given for this page (it ends in #access_token=…), " +
      "or paste an access token for one of those roles:");
    return false;
  }

  function showGate(title, why, how) {
    const input = el("input", { id: "role-gate-token", type: "password", autocomplete: "off",
      spellcheck: "false", "aria-describedby": "role-gate-how" });
    const form = el("form", { class: "role-gate-form", onsubmit: (ev) => {
      ev.preventDefault();
      if (!input.value.trim()) { input.focus(); return; }
      setToken(input.value);
      window.location.reload();
    } }, [
      el("label", { for: "role-gate-token", text: "Access token" }), input,
      el("button", { type: "submit", text: "Use this token" }),
    ]);
    const box = el("section", { id: "role-gate", class: "role-gate", role: "alert" }, [
      el("h2", { text: title }),
      el("p", { text: why }),
      el("p", { id: "role-gate-how", text: how }),
      form,
      el("p", {}, [el("a", { href: "/", text: "All ORcast pages and who uses them" })]),
    ]);
    for (const child of Array.from(document.body.children)) {
      if (child.tagName !== "SCRIPT") child.hidden = true;
    }
    document.body.prepend(box);
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
      401: "your sign-in was not accepted (it may have expired). Open your link again or " +
        "paste a new access token.",
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

  takeTokenFromFragment();
  window.ORcast = {
    token, setToken, claims, claimsOf, api, wsUrl, el, ApiError, gate, roleList, csrfToken,
    sayError, showFieldErrors, fieldError, clearFieldErrors,
  };
})();
