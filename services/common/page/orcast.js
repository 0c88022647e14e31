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

  async function api(method, path, body) {
    const headers = { "Authorization": "Bearer " + token() };
    const init = { method: method, headers: headers, cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
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

  takeTokenFromFragment();
  window.ORcast = { token, setToken, claims, claimsOf, api, wsUrl, el, ApiError };
})();
