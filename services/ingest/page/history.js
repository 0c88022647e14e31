// What this tablet knows about each update it sent or saw on the status stream, kept in
// localStorage so the milestone list and the status strip survive a reload. Only ids,
// milestones, times and states are kept here, never the note text.
(function () {
  "use strict";
  const KEY = "orcast.tablet.updates.v1";
  const KEEP = 100;
  const NOT_DONE = ["failed", "withdrawn", "retracted"];

  function load() {
    try {
      const value = JSON.parse(localStorage.getItem(KEY) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (e) {
      return {};
    }
  }

  class History {
    constructor() {
      this.updates = load();
    }

    get(eventId) {
      return this.updates[eventId] || null;
    }

    add(entry) {
      this.updates[entry.event_id] = entry;
      this.save();
    }

    // Oldest first.
    forCase(caseId) {
      return Object.values(this.updates)
        .filter((u) => u.case_id === caseId)
        .sort((a, b) => a.tapped_at - b.tapped_at);
    }

    // milestone id -> when it was last tapped, for milestones that still count as done.
    doneTimes(caseId) {
      const done = {};
      for (const u of this.forCase(caseId)) {
        if (NOT_DONE.includes(u.status) || u.cancelled) continue;
        done[u.milestone] = Math.max(done[u.milestone] || 0, u.tapped_at);
      }
      return done;
    }

    lastTapped(caseId) {
      const all = this.forCase(caseId);
      return all.length ? all[all.length - 1].tapped_at : 0;
    }

    // One status from the server. Returns the entry, or null when it is for another case
    // this tablet knows nothing about.
    merge(s, caseId, labelOf) {
      let u = this.updates[s.event_id];
      if (!u) {
        if (s.case_id !== caseId) return null;
        u = this.updates[s.event_id] = {
          event_id: s.event_id, case_id: s.case_id, milestone: s.milestone,
          label: labelOf(s.milestone),
          tapped_at: Date.parse(s.occurred_at || s.received_at) || Date.now(),
          withdraw_requested: false, mine: false,
        };
      }
      u.status = s.status;
      u.reason = s.reason || null;
      // Per audience outcome and what was removed: states, fixed phrases and counts only.
      u.audiences = s.audiences || {};
      u.channels = (s.channels || []).map((c) => ({ channel_id: c.channel_id, state: c.state }));
      u.removed = s.removed || {};
      u.verdict = s.verdict || null;
      u.edited_at = s.edited_at || null;
      u.withdraw_requested = Boolean(s.withdraw_requested_at) || u.withdraw_requested;
      u.undo_deadline = s.undo_seconds_left > 0 ? Date.now() + s.undo_seconds_left * 1000 : 0;
      return u;
    }

    save() {
      const newest = Object.values(this.updates).sort((a, b) => b.tapped_at - a.tapped_at);
      const kept = {};
      for (const u of newest.slice(0, KEEP)) kept[u.event_id] = u;
      this.updates = kept;
      localStorage.setItem(KEY, JSON.stringify(kept));
    }
  }

  window.TabletHistory = History;
})();
