// The tablet's offline outbox. Every tap is stored in localStorage with its client-made
// event id until the server acknowledges it (202, or 200 for a repeat), so nothing is lost
// to a dropped network, a closed tab or a reload. Items go out one at a time, oldest first
// (the order they were tapped), and a failed send waits with exponential backoff and
// jitter, or as long as the server's Retry-After says. The server treats the event id as
// an idempotency key, so resending something that did arrive creates nothing new.
(function () {
  "use strict";
  const KEY = "orcast.tablet.outbox.v1";
  const SEND_TIMEOUT_MS = 20000;
  const MAX_BACKOFF_MS = 30000;

  function load() {
    try {
      const items = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(items) ? items.filter((i) => i && i.body && i.body.event_id) : [];
    } catch (e) {
      return [];
    }
  }

  function withTimeout(promise, ms) {
    let timer = null;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  class Outbox {
    // handlers: onAck(body, httpStatus), onReject(body, ApiError), onChange(outbox)
    constructor(handlers) {
      this.items = load();
      this.handlers = handlers;
      this.sending = false;
      this.timer = null;
      this.state = navigator.onLine ? "online" : "offline";
      this.retryIn = 0;
    }

    get length() { return this.items.length; }

    has(eventId) { return this.items.some((i) => i.body.event_id === eventId); }

    save() { localStorage.setItem(KEY, JSON.stringify(this.items)); }

    add(body) {
      this.items.push({ body: body, attempts: 0, nextAt: 0 });
      this.save();
      this.changed();
      this.pump();
    }

    // Undo before it ever left the tablet: drop it, nothing was sent.
    remove(eventId) {
      if (this.sending && this.items.length && this.items[0].body.event_id === eventId) {
        return false; // on the wire right now; the server-side undo applies instead
      }
      const before = this.items.length;
      this.items = this.items.filter((i) => i.body.event_id !== eventId);
      if (this.items.length !== before) {
        this.save();
        this.changed();
        return true;
      }
      return false;
    }

    // The network came back (or the user asked): try now instead of waiting out the backoff.
    wake() {
      for (const item of this.items) item.nextAt = 0;
      this.pump();
    }

    setState(state, retryIn) {
      this.state = state;
      this.retryIn = retryIn || 0;
      this.changed();
    }

    changed() {
      if (this.handlers.onChange) this.handlers.onChange(this);
    }

    schedule(ms) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.pump(), Math.max(50, ms));
    }

    async pump() {
      if (this.sending) return;
      this.sending = true;
      try {
        while (this.items.length) {
          if (!navigator.onLine) {
            this.setState("offline");
            return;
          }
          const wait = this.items[0].nextAt - Date.now();
          if (wait > 0) {
            this.schedule(wait);
            return;
          }
          if (await this.sendOne(this.items[0]) === "retry") return;
        }
        if (navigator.onLine && this.state !== "signin") this.setState("online");
      } finally {
        this.sending = false;
      }
    }

    async sendOne(item) {
      try {
        const result = await withTimeout(
          window.ORcast.api("POST", "/api/v1/milestones", item.body), SEND_TIMEOUT_MS);
        this.drop(item);
        this.handlers.onAck(item.body, result.status);
        this.setState("online");
        return "sent";
      } catch (err) {
        if (err instanceof window.ORcast.ApiError) {
          if (err.status === 401) {
            this.setState("signin", this.backoff(item, 10));
            return "retry";
          }
          if (err.status === 429 || err.status >= 500) {
            const behind = err.body && err.body.error && err.body.error.code === "pipeline_behind";
            const state = err.status === 429 ? "throttled" : behind ? "delayed" : "server";
            this.setState(state, this.backoff(item, err.retryAfter));
            return "retry";
          }
          // 400/403/404/409/413/422: resending the same body cannot succeed.
          this.drop(item);
          this.handlers.onReject(item.body, err);
          this.changed();
          return "rejected";
        }
        const retryIn = this.backoff(item, null); // network error or timeout
        this.setState(navigator.onLine ? "unreachable" : "offline", retryIn);
        return "retry";
      }
    }

    drop(item) {
      this.items = this.items.filter((i) => i !== item);
      this.save();
    }

    backoff(item, retryAfter) {
      item.attempts += 1;
      let delay;
      if (retryAfter) {
        delay = retryAfter * 1000;
      } else {
        const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(item.attempts - 1, 5));
        delay = base * (0.5 + Math.random() * 0.5);
      }
      item.nextAt = Date.now() + delay;
      this.save();
      this.schedule(delay);
      return Math.ceil(delay / 1000);
    }
  }

  window.TabletOutbox = Outbox;
})();
