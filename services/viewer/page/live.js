// The live socket shared by /live and /live/<id>: authenticates with its first frame
// (the token never goes into a URL), answers pings, notices a dead link, and
// reconnects with backoff; the page resubscribes with the last seq it holds.
// The server closes a socket at its token's exp (4401): before then the socket renews
// itself with a fresher token from the page (an `auth` frame), if the page has one;
// if not, the page shows that the session expired.
(function () {
  "use strict";
  const WATCHDOG_MS = 40000; // the server pings every 15 s

  function expOf(token) {
    const claims = window.ORcast.claimsOf(token);
    return claims && Number.isFinite(claims.exp) ? claims.exp : 0;
  }

  function nowSeconds() { return Date.now() / 1000; }

  class LiveSocket {
    // handlers: open(socket), frame(frame), state(name, detail)
    constructor(handlers) {
      this.handlers = handlers;
      this.ws = null;
      this.attempt = 0;
      this.stopped = false;
      this.lastFrameAt = 0;
      this.timer = null;
      this.sentExp = 0; // exp of the token the open socket runs on
      this.renewTimer = null;
    }

    start() {
      this.connect();
      setInterval(() => this.watchdog(), 5000);
      window.addEventListener("online", () => { if (!this.ws) this.connectNow(); });
    }

    connect() {
      this.timer = null;
      if (this.stopped) return;
      if (!window.ORcast.token()) { this.handlers.state("auth", "no token"); return; }
      const exp = expOf(window.ORcast.token());
      if (exp && exp <= nowSeconds()) { this.expired(); return; }
      const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
      const ws = new WebSocket(scheme + "//" + window.location.host + "/api/v1/live");
      this.ws = ws;
      ws.onopen = () => {
        const token = window.ORcast.token();
        ws.send(JSON.stringify({ type: "auth", token: token }));
        this.sentExp = expOf(token);
        this.renewBeforeExpiry(ws);
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

    renewBeforeExpiry(ws) {
      if (this.renewTimer) clearTimeout(this.renewTimer);
      this.renewTimer = null;
      if (!this.sentExp) return;
      const left = this.sentExp - nowSeconds();
      const lead = Math.min(60, Math.max(1, left / 5)); // renew a little before exp
      this.renewTimer = setTimeout(() => this.renew(ws), Math.max(0, (left - lead) * 1000));
    }

    renew(ws) {
      this.renewTimer = null;
      if (this.ws !== ws || ws.readyState !== WebSocket.OPEN) return;
      const token = window.ORcast.token();
      const exp = expOf(token);
      if (exp > this.sentExp) {
        ws.send(JSON.stringify({ type: "auth", token: token }));
        this.sentExp = exp;
        this.renewBeforeExpiry(ws);
      } else if (nowSeconds() < this.sentExp) {
        // Nothing fresher yet (the form may still provide one): look again shortly.
        this.renewTimer = setTimeout(() => this.renew(ws), 2000);
      }
    }

    expired() {
      this.stopped = true;
      this.handlers.state("expired", "session expired: sign in again");
    }

    lost(code, reason) {
      if (this.renewTimer) { clearTimeout(this.renewTimer); this.renewTimer = null; }
      if (code === 4401 && /expired/.test(reason || "")) {
        const exp = expOf(window.ORcast.token());
        if (exp > nowSeconds() + 1) { // a fresher token arrived just too late: reconnect
          this.timer = setTimeout(() => this.connect(), 0);
          return;
        }
        this.expired();
        return;
      }
      if (code === 4401 || code === 4403) {
        this.stopped = true;
        this.handlers.state("auth", reason || "not signed in");
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
