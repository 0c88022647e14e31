// The live status stream for one case (Server-Sent Events from ingest). EventSource
// reconnects by itself after a network blip; when the server refuses the stream (expired
// token, case gone) it stays closed, so we reopen it ourselves a little later.
(function () {
  "use strict";
  const REOPEN_MS = 5000;

  class StatusFeed {
    // handlers: onSnapshot({case_id, updates}), onStatus(update), onState(connected)
    constructor(handlers) {
      this.handlers = handlers;
      this.source = null;
      this.caseId = null;
      this.timer = null;
    }

    open(caseId) {
      this.close();
      this.caseId = caseId;
      this.connect();
    }

    close() {
      clearTimeout(this.timer);
      if (this.source) this.source.close();
      this.source = null;
      this.caseId = null;
    }

    // After the network returns: reconnect now unless a healthy stream is open.
    revive() {
      if (!this.caseId) return;
      if (!this.source || this.source.readyState === EventSource.CLOSED) this.connect();
    }

    connect() {
      clearTimeout(this.timer);
      if (this.source) this.source.close();
      this.source = null;
      if (!this.caseId || !window.ORcast.token()) return;
      const url = "/api/v1/milestones/stream?case_id=" + encodeURIComponent(this.caseId) +
        "&access_token=" + encodeURIComponent(window.ORcast.token());
      const source = new EventSource(url);
      this.source = source;
      source.addEventListener("open", () => this.handlers.onState(true));
      source.addEventListener("snapshot", (e) => this.handlers.onSnapshot(JSON.parse(e.data)));
      source.addEventListener("status", (e) => this.handlers.onStatus(JSON.parse(e.data)));
      source.addEventListener("error", () => {
        this.handlers.onState(false);
        if (source.readyState === EventSource.CLOSED && this.source === source) {
          this.timer = setTimeout(() => this.connect(), REOPEN_MS);
        }
      });
    }
  }

  window.TabletStatusFeed = StatusFeed;
})();
