// The live socket shared by /live and /live/<id>: opened on the signed-in person's
// session cookie (no token in a URL or a frame: the page cannot read the cookie), answers
// pings, notices a dead link, and reconnects with backoff; the page resubscribes with the
// last seq it holds, so nothing is missed or repeated.
// The server closes a socket at its session token's expiry (4401). orcast.js renews the
// session a minute before; a socket cannot take a new cookie, so on each renewal this one
// reconnects at once on the fresh cookie and the page resumes with after_seq. A socket
// closed for expiry anyway (a sleeping laptop) renews and reconnects the same way; when the
// sign-in itself has ended, the page shows that.
(function () {
  "use strict";
  const WATCHDOG_MS = 40000; // the server pings every 15 s

  class LiveSocket {
    // handlers: open(socket), frame(frame), state(name, detail)
    constructor(handlers) {
      this.handlers = handlers;
      this.ws = null;
      this.attempt = 0;
      this.stopped = false;
      this.lastFrameAt = 0;
      this.timer = null;
    }

    start() {
      this.connect();
      setInterval(() => this.watchdog(), 5000);
      window.addEventListener("online", () => { if (!this.ws) this.connectNow(); });
      window.ORcast.onSessionRenewed(() => this.renewed());
      window.ORcast.onSessionEnded(() => this.expired());
    }

    connect() {
      this.timer = null;
      if (this.stopped) return;
      const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
      const ws = new WebSocket(scheme + "//" + window.location.host + "/api/v1/live");
      this.ws = ws;
      ws.onopen = () => {
        this.lastFrameAt = Date.now();
        this.handlers.open(this);
      };
      ws.onmessage = (event) => {
        if (this.ws !== ws) return;
        this.lastFrameAt = Date.now();
        let frame;
        try { frame = JSON.parse(event.data); } catch (e) { return; }
        if (frame.type === "ping") { ws.send('{"type":"pong"}'); return; }
        if (frame.type === "authenticated") return;
        if (this.attempt !== 0 || frame.type === "snapshot" || frame.type === "cases") {
          this.attempt = 0;
          this.handlers.state("live", "");
        }
        this.handlers.frame(frame);
      };
      ws.onclose = (event) => {
        if (this.ws !== ws) return;
        this.ws = null;
        this.lost(event.code, event.reason);
      };
    }

    connectNow() {
      if (this.timer) clearTimeout(this.timer);
      this.connect();
    }

    // A fresh session token is in the cookie: move to a socket that runs on it.
    renewed() {
      const old = this.ws;
      if (this.stopped || !old) return;
      this.ws = null;
      try { old.close(4000, "session renewed"); } catch (e) { /* already closing */ }
      this.connectNow();
    }

    expired() {
      this.stopped = true;
      if (this.timer) { clearTimeout(this.timer); this.timer = null; }
      const ws = this.ws;
      this.ws = null;
      if (ws) { try { ws.close(4000, "signed out"); } catch (e) { /* closing */ } }
      this.handlers.state("expired", "session ended: sign in again");
    }

    async lost(code, reason) {
      if (code === 4401) {
        // Expired (or never signed in): a renewed session reconnects; an ended one stops.
        if (!this.stopped && await window.ORcast.renewSession()) {
          if (!this.ws) this.connectNow();
          return;
        }
        if (this.stopped) return;
        if (window.ORcast.hasEnded()) { this.expired(); return; }
        // sign-in unreachable for now: try again with the usual backoff
      }
      if (code === 4403) {
        this.stopped = true;
        this.handlers.state("auth", reason || "not allowed");
        return;
      }
      // 1013 (too slow) and 1001 (instance restarting): come back quickly, with jitter.
      const base = (code === 1013 || code === 1001) ? 300 : Math.min(10000, 500 * 2 ** this.attempt);
      this.attempt += 1;
      const delay = Math.round(base / 2 + Math.random() * base);
      this.handlers.state("reconnecting", this.attempt);
      this.timer = setTimeout(() => this.connect(), delay);
    }

    send(frame) {
      if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
    }

    watchdog() {
      const ws = this.ws;
      if (ws && ws.readyState === WebSocket.OPEN && Date.now() - this.lastFrameAt > WATCHDOG_MS) {
        this.ws = null; // a silent link: do not wait for its closing handshake
        try { ws.close(4000, "no ping"); } catch (e) { /* already closing */ }
        this.lost(1006, "");
      }
    }
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "–";
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const pad = (n) => String(n).padStart(2, "0");
    return h > 0 ? h + ":" + pad(m) + ":" + pad(s % 60) : m + ":" + pad(s % 60);
  }

  const PHASE_LABELS = {
    preop: "Pre-op", anesthesia: "Anesthesia", procedure: "Procedure",
    closure: "Closure", postop: "Post-op",
  };

  function phaseLabel(phase) {
    return PHASE_LABELS[phase] || (phase ? String(phase) : "–");
  }

  window.ORcastLive = { LiveSocket, duration, phaseLabel };
})();
