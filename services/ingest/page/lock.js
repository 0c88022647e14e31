// A shared OR tablet locks its screen after a while untouched (ORCAST_TABLET_LOCK_MINUTES,
// from GET /signin/session), while the sign-in itself lasts the shift. Locked, it shows no
// case and no notes; the outbox keeps what is queued, sent once someone signs in. The way
// back is to sign in again (the provider asks for the password: whoever picks the tablet
// up proves who they are). Locking ends the sign-in on the server too (POST /signin/lock: the cookies go, so a
// typed address reads nothing), retried until the server is reached, also by every later
// page load (a "pending" mark). The lock is remembered as a flag (with the sign-in's
// `ends_at` when known), so a reload, online or offline, does not open it; only a new
// sign-in does (the old one ended on the server, a different `ends_at`). A page opened
// offline locks too, on the lock time last heard here.
(function () {
  "use strict";
  const KEY = "orcast.tablet.locked.v1";
  const CHECK_MS = 1000;
  const LOCK_RETRY_MS = 5000;
  const OFFLINE_DEFAULT_MINUTES = 10; // nothing heard yet: ORCAST_TABLET_LOCK_MINUTES' default

  class TabletLock {
    // who: the session answer; queued(): how many updates wait in the outbox
    constructor(who, queued) {
      this.who = who;
      this.queued = queued;
      const heard = Number(who.tablet_lock_minutes);
      this.minutes = Number.isFinite(heard) ? heard : (who.offline ? OFFLINE_DEFAULT_MINUTES : 0);
      this.lastUsed = Date.now();
      this.box = null;
    }

    start() {
      const saved = this.saved();
      if (saved !== null) {
        // Locked stays locked until a new sign-in: the lock's own POST still pending
        // means the old sign-in may live on the server (an online answer is not new).
        if (this.who.offline || this.who.locked || !this.who.ends_at ||
            saved.ends_at === this.who.ends_at || (saved.pending && saved.ends_at === null)) {
          this.lock();
          return;
        }
        forgetLock(); // another sign-in than the locked one: a new sign-in opened it
      }
      if (!this.minutes) return;
      for (const kind of ["pointerdown", "keydown", "touchstart", "input"]) {
        document.addEventListener(kind, () => { this.lastUsed = Date.now(); },
          { capture: true, passive: true });
      }
      this.timer = setInterval(() => {
        if (Date.now() - this.lastUsed >= this.minutes * 60000) this.lock();
      }, CHECK_MS);
    }

    // The server ends the sign-in (and drops the cookies); offline: again until it
    // answers, and on every later page load while the "pending" mark stays.
    async endSession() {
      try {
        const response = await fetch("/signin/lock", { method: "POST", cache: "no-store",
          headers: { "X-CSRF-Token": window.ORcast.csrfToken(), "Accept": "application/json" } });
        if (response.status < 500) { // ended, or nothing left to end
          const saved = this.saved();
          if (saved) saveLock({ locked: true, ends_at: saved.ends_at, pending: false });
          return;
        }
      } catch (e) { /* offline: try again */ }
      setTimeout(() => this.endSession(), LOCK_RETRY_MS);
    }

    // {locked, ends_at, pending} or null: a flag, so a lock taken offline (no ends_at)
    // reads back as locked.
    saved() {
      try {
        const value = JSON.parse(localStorage.getItem(KEY) || "null");
        return value && value.locked === true ? value : null;
      } catch (e) {
        return null;
      }
    }

    lock() {
      clearInterval(this.timer);
      if (this.box) return;
      const saved = this.saved();
      saveLock({ locked: true, pending: true,
        ends_at: this.who.ends_at || (saved ? saved.ends_at : null) });
      this.endSession();
      const O = window.ORcast;
      const count = O.el("p", { id: "lock-queue" });
      const render = () => {
        const n = this.queued();
        count.textContent = n ? n + (n === 1 ? " update waits" : " updates wait") +
          " on this tablet and will be sent." : "Nothing is waiting to be sent.";
      };
      render();
      setInterval(render, 2000);
      this.box = O.el("section", { id: "tablet-lock", class: "tablet-lock", role: "dialog",
        "aria-modal": "true", "aria-labelledby": "lock-h" }, [
        O.el("h2", { id: "lock-h", text: "Tablet locked" }),
        O.el("p", { text: "It locked after " + this.minutes + " minutes without use. " +
          "Sign in to open it again." }),
        count,
        O.el("a", { id: "unlock", class: "button", href: O.signInUrl(true),
          text: "Sign in to unlock" }),
      ]);
      // Nothing behind the lock takes focus, clicks or keys (inert), not only hidden.
      for (const child of Array.from(document.body.children)) {
        if (child.tagName === "SCRIPT") continue;
        child.setAttribute("aria-hidden", "true");
        child.setAttribute("inert", "");
      }
      document.body.append(this.box);
      // Anything added later (a notice, a dialog) is behind the lock too.
      new MutationObserver((changes) => {
        for (const change of changes) {
          for (const node of change.addedNodes) {
            if (node !== this.box && node.nodeType === 1 && node.tagName !== "SCRIPT") {
              node.setAttribute("aria-hidden", "true");
              node.setAttribute("inert", "");
            }
          }
        }
      }).observe(document.body, { childList: true });
      const unlock = document.getElementById("unlock");
      unlock.addEventListener("click", async (e) => { // end the old sign-in first
        e.preventDefault();
        try {
          const response = await fetch("/signin/lock", { method: "POST", cache: "no-store",
            headers: { "X-CSRF-Token": O.csrfToken(), "Accept": "application/json" } });
          const saved = this.saved();
          if (response.status < 500 && saved) saveLock(Object.assign(saved, { pending: false }));
        } catch (err) { /* offline: the sign-in cannot start either */ }
        window.location.assign(unlock.href);
      });
      this.box.addEventListener("keydown", (e) => {
        if (e.key === "Tab") { e.preventDefault(); unlock.focus(); } // focus stays here
      });
      document.addEventListener("focusin", (e) => {
        if (!this.box.contains(e.target)) unlock.focus();
      });
      unlock.focus();
    }
  }

  function saveLock(value) {
    try { localStorage.setItem(KEY, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }

  function forgetLock() {
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
  }

  // Whether this device's tablet is locked (before any session is asked for).
  TabletLock.remembered = () => {
    try { return localStorage.getItem(KEY) !== null; } catch (e) { return false; }
  };

  window.TabletLock = TabletLock;
})();
