// A shared OR tablet locks its screen after a while untouched (ORCAST_TABLET_LOCK_MINUTES,
// from GET /signin/session), while the sign-in itself lasts the shift. Locked, it shows no
// case and no notes; the outbox keeps what is queued, sent once someone signs in. The way
// back is to sign in again (the provider asks for the password: whoever picks the tablet
// up proves who they are). Locking ends the sign-in on the server too (POST /signin/lock: the cookies go, so a
// typed address reads nothing), retried until the server is reached. The lock is
// remembered for this sign-in (its `ends_at`), so a reload does not open it; a new
// sign-in does. A page opened offline locks too, on the lock time last heard here.
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
        if (this.who.offline || this.who.locked || saved === this.who.ends_at) {
          this.lock();
          return;
        }
        localStorage.removeItem(KEY); // a new sign-in opened it
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

    // The server ends the sign-in (and drops the cookies); offline: again until it answers.
    async endSession() {
      try {
        const response = await fetch("/signin/lock", { method: "POST", cache: "no-store",
          headers: { "X-CSRF-Token": window.ORcast.csrfToken(), "Accept": "application/json" } });
        if (response.status < 500) return; // ended, or nothing left to end
      } catch (e) { /* offline: try again */ }
      setTimeout(() => this.endSession(), LOCK_RETRY_MS);
    }

    saved() {
      try {
        const value = JSON.parse(localStorage.getItem(KEY) || "null");
        return value && "ends_at" in value ? value.ends_at : null;
      } catch (e) {
        return null;
      }
    }

    lock() {
      clearInterval(this.timer);
      if (this.box) return;
      this.endSession();
      localStorage.setItem(KEY, JSON.stringify({ ends_at: this.who.ends_at || null }));
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
      for (const child of Array.from(document.body.children)) {
        if (child.tagName !== "SCRIPT") child.setAttribute("aria-hidden", "true");
      }
      document.body.append(this.box);
      document.getElementById("unlock").focus();
    }
  }

  // Whether this device's tablet is locked (before any session is asked for).
  TabletLock.remembered = () => {
    try { return localStorage.getItem(KEY) !== null; } catch (e) { return false; }
  };

  window.TabletLock = TabletLock;
})();
