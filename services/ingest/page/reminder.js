// A gentle nudge when no update has been sent for a while during an active case. The
// number of minutes is a setting on the page (kept in localStorage); `?remind=` in the
// address overrides it (fractions allowed, which the tests use).
(function () {
  "use strict";
  const KEY = "orcast.tablet.remind.v1";
  const DEFAULT_MINUTES = 10;

  class Reminder {
    // lastActivity(): ms of the last tap or case pick; active(): a case is open
    constructor(lastActivity, active) {
      this.lastActivity = lastActivity;
      this.active = active;
      this.snoozedUntil = 0;
      this.box = document.getElementById("reminder");
      this.text = document.getElementById("reminder-text");
      this.input = document.getElementById("remind");
      this.input.value = localStorage.getItem(KEY) || String(DEFAULT_MINUTES);
      this.input.addEventListener("change", () => this.setMinutes(this.input.value));
      document.getElementById("reminder-dismiss").addEventListener("click", () => {
        this.snoozedUntil = Date.now() + this.minutes() * 60000;
        this.render();
      });
    }

    minutes() {
      const fromUrl = new URLSearchParams(window.location.search).get("remind");
      const value = Number(fromUrl || localStorage.getItem(KEY) || DEFAULT_MINUTES);
      return value > 0 ? value : DEFAULT_MINUTES;
    }

    setMinutes(raw) {
      const value = Math.min(120, Math.max(1, Math.round(Number(raw) || DEFAULT_MINUTES)));
      this.input.value = String(value);
      localStorage.setItem(KEY, String(value));
      this.render();
    }

    render() {
      const idle = Date.now() - this.lastActivity();
      const show = this.active() && idle >= this.minutes() * 60000 &&
        Date.now() >= this.snoozedUntil;
      if (show) {
        this.text.textContent = "No update for " + Math.floor(idle / 60000) +
          " min. Anything to share with the students?";
      }
      if (this.box.hidden === show) this.box.hidden = !show;
    }
  }

  window.TabletReminder = Reminder;
})();
