// The live status stream for one case (Server-Sent Events from ingest), read with fetch
// on the session cookie (no token in a URL or a script). The server ends the stream when
// the session token expires or it restarts; the feed reconnects after a short pause with
// the cookie the page holds then (orcast.js renews it; a 401 renews it at once).
(function () {
  "use strict";
  const RETRY_MS = 1500; // after the stream ended or the network dropped
  const REOPEN_MS = 5000; // after the server refused the stream (expired token, case gone)

  class StatusFeed {
    // handlers: onSnapshot({case_id, updates}), onStatus(update), onState(connected),
    // onRefused(status) (optional)
    constructor(handlers) {
      this.handlers = handlers;
      this.abort = null;
      this.caseId = null;
      this.timer = null;
      this.up = false;
    }

    open(caseId) {
      this.close();
      this.caseId = caseId;
      this.connect();
    }

    close() {
      clearTimeout(this.timer);
      if (this.abort) this.abort.abort();
      this.abort = null;
      this.caseId = null;
    }

    // After the network returns: reconnect now unless a healthy stream is open.
    revive() {
      if (!this.caseId) return;
      if (!this.abort) this.connect();
    }

    connect() {
      clearTimeout(this.timer);
      if (this.abort) this.abort.abort();
      this.abort = null;
      if (!this.caseId) return;
      const abort = new AbortController();
      this.abort = abort;
      this.run(this.caseId, abort).then((pause) => {
        if (this.abort !== abort) return; // closed or replaced meanwhile
        this.abort = null;
        this.setUp(false);
        this.timer = setTimeout(() => this.connect(), pause);
      });
    }

    setUp(up) {
      if (this.up !== up) { this.up = up; this.handlers.onState(up); }
    }

    // Reads one stream to its end; resolves with how long to wait before the next one.
    async run(caseId, abort) {
      let response;
      try {
        response = await fetch("/api/v1/milestones/stream?case_id=" + encodeURIComponent(caseId), {
          headers: { "Accept": "text/event-stream" },
          cache: "no-store", signal: abort.signal,
        });
      } catch (e) {
        return RETRY_MS;
      }
      if (response.status === 401 && await window.ORcast.renewSession()) return 0;
      if (!response.ok || !response.body) {
        if (this.handlers.onRefused) this.handlers.onRefused(response.status);
        return REOPEN_MS;
      }
      this.setUp(true);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            this.dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) { /* aborted or the network dropped */ }
      return RETRY_MS;
    }

    dispatch(block) {
      let kind = "message";
      let data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) kind = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      if (!data) return;
      let payload;
      try { payload = JSON.parse(data); } catch (e) { return; }
      if (kind === "snapshot") this.handlers.onSnapshot(payload);
      else if (kind === "status") this.handlers.onStatus(payload);
    }
  }

  window.TabletStatusFeed = StatusFeed;
})();
