// The status strip: one row per update with its path
// queued → received → de-identified (or held) → approved (or rejected) → live / published,
// and an Undo button while the grace window is open. Rows are rebuilt only when something
// in them changed; the undo countdown ticks in place, so a finger on the Undo button never
// lands on a replaced element.
(function () {
  "use strict";
  const el = window.ORcast.el;

  const STEPS = ["Queued", "Received", "De-identified", "Approved", "Live"];
  const STAGE = {
    queued: 0, failed: 0, received: 1, deidentified: 2, held: 2, approved: 3, rejected: 3,
    expired: 3, blocked: 3, live: 4, published: 4, withdrawn: -1, retracted: -1,
  };
  const BAD = new Set(["failed", "rejected", "expired", "blocked"]);
  const TEXT = {
    queued: "Queued on this tablet",
    failed: "Not sent",
    received: "Received",
    deidentified: "De-identified",
    held: "Held for review",
    approved: "Approved",
    rejected: "Rejected",
    expired: "Expired (not approved in time)",
    blocked: "Blocked",
    live: "Live for students",
    published: "Published",
    withdrawn: "Withdrawn",
    retracted: "Retracted",
  };
  const SHOWN = 30;

  // What each audience got, in words. Order: students first, then the public.
  const AUDIENCES = [["students", "Students"], ["public", "Public"]];
  const OUTCOME_TEXT = {
    held: "waiting for an approver",
    review: "waiting for a person to check it (de-identification was unsure)",
    live: "Live",
    approved: "Approved, being posted",
    nowhere: "Approved, posted nowhere: no channel is configured for the public audience",
    published: "Published",
    rejected: "Rejected",
    expired: "Expired: not approved in time",
    blocked: "Blocked: consent not in force",
    withdrawn: "Withdrawn",
    retracted: "Taken down",
  };
  // Why something was taken down (update.retracted's reason codes), as people say it.
  const RETRACT_WORDS = {
    consent_revoked: "consent was withdrawn",
    consent_expired: "consent expired",
    approver: "an approver took it down",
    author: "undone from this tablet",
  };

  function reasonText(reason) {
    return RETRACT_WORDS[reason] || reason;
  }

  // Safe Harbor categories, as people say them: [singular, plural].
  const CATEGORY_WORDS = {
    NAME: ["name", "names"], DATE: ["date", "dates"],
    MRN: ["medical record number", "medical record numbers"],
    PHONE: ["phone number", "phone numbers"], FAX: ["fax number", "fax numbers"],
    EMAIL: ["email address", "email addresses"], SSN: ["social security number",
      "social security numbers"], ID: ["id number", "id numbers"],
    DEVICE: ["device id", "device ids"], URL: ["web address", "web addresses"],
    IP: ["IP address", "IP addresses"], ADDRESS: ["street address", "street addresses"],
    LOCATION: ["place", "places"], ZIP: ["ZIP code", "ZIP codes"],
    AGE: ["age over 89", "ages over 89"], VEHICLE: ["vehicle id", "vehicle ids"],
    ACCOUNT: ["account number", "account numbers"],
    LICENSE: ["licence number", "licence numbers"],
    HEALTHPLAN: ["health plan number", "health plan numbers"],
  };

  function removedText(removed) {
    const parts = Object.entries(removed || {}).filter(([, n]) => n > 0).sort()
      .map(([category, n]) => {
        const words = CATEGORY_WORDS[category] || [category.toLowerCase(),
          category.toLowerCase()];
        return n + " " + (n === 1 ? words[0] : words[1]);
      });
    return parts.length ? "Removed before anyone saw it: " + parts.join(", ") + "." : "";
  }

  // One audience's outcome: [outcome code, words].
  // channels: how many channels post this audience (undefined: not known).
  function outcomeOf(u, audience, entry, channels) {
    // Only a held update is edited, so a held audience after an edit waits on the edit;
    // a decided one was decided on the edit if it came after it.
    const rewritten = Boolean(u.edited_at) && (entry.state === "held" ||
      Date.parse(entry.at) >= Date.parse(u.edited_at));
    let outcome = entry.state;
    if (entry.state === "approved") {
      const posted = (u.channels || []).some((c) => c.state === "posted");
      outcome = audience === "students" ? "live" : (posted ? "published" : "approved");
      if (outcome === "approved" && channels === 0) outcome = "nowhere";
    }
    let text = OUTCOME_TEXT[outcome] || outcome;
    if (outcome === "held" && u.verdict === "review") text = OUTCOME_TEXT.review;
    if (entry.reason && ["rejected", "withdrawn", "retracted"].includes(outcome)) {
      text += ": " + reasonText(entry.reason);
    }
    if (rewritten && entry.state !== "held") text += " (rewritten by an approver)";
    if (rewritten && entry.state === "held") text = "rewritten by an approver, " + text;
    return [outcome, text, rewritten];
  }

  function hhmm(ms) {
    return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  // Re-rendering replaces elements; put keyboard focus back where it was (by data-key).
  function keepFocus(container, render) {
    const active = document.activeElement;
    const key = active && container.contains(active) ? active.getAttribute("data-key") : null;
    render();
    if (key) {
      const again = container.querySelector('[data-key="' + CSS.escape(key) + '"]');
      if (again) again.focus();
    }
  }

  class Strip {
    // deps: inOutbox(eventId), onUndo(update), labelOf(milestoneId), commentOf(eventId)
    constructor(container, deps) {
      this.container = container;
      this.deps = deps;
      this.signature = "";
    }

    undoSecondsLeft(u) {
      return Math.ceil((u.undo_deadline - Date.now()) / 1000);
    }

    canUndo(u) {
      const status = u.status || "queued";
      return Boolean(u.mine) && !u.withdraw_requested && !u.cancelled &&
        (status === "queued" || (this.undoSecondsLeft(u) > 0 && STAGE[status] >= 1));
    }

    undoLabel(u) {
      return u.status === "queued" ? "Cancel" : "Undo (" + this.undoSecondsLeft(u) + " s)";
    }

    // updates: newest first. context: anything else the rows depend on (case, network).
    render(updates, context, force) {
      const shown = updates.slice(0, SHOWN);
      const signature = JSON.stringify([context, shown.map((u) =>
        [u.event_id, u.status, u.reason, u.withdraw_requested, this.canUndo(u),
          this.comment(u), u.audiences, u.removed, u.channels, u.edited_at, u.verdict])]);
      if (!force && signature === this.signature) {
        for (const u of shown) {
          const button = this.container.querySelector('[data-key="undo-' + u.event_id + '"]');
          if (button) button.textContent = this.undoLabel(u);
        }
        return;
      }
      this.signature = signature;
      keepFocus(this.container, () => {
        this.container.replaceChildren();
        if (!shown.length) {
          this.container.append(el("li", { class: "empty",
            text: "Nothing sent yet for this case." }));
        }
        for (const u of shown) this.container.append(this.row(u));
      });
    }

    row(u) {
      const status = u.status || "queued";
      const children = [
        el("div", { class: "head" }, [
          el("strong", { text: u.label || this.deps.labelOf(u.milestone) }),
          el("span", { class: "when", text: hhmm(u.tapped_at) }),
        ]),
        this.steps(status),
        el("p", { class: "state", text: this.describe(u, status) }),
      ];
      const audiences = this.audiences(u);
      if (audiences) children.push(audiences);
      const removed = removedText(u.removed);
      if (removed) children.push(el("p", { class: "removed", text: removed }));
      if (this.canUndo(u)) {
        children.push(el("button", {
          type: "button", class: "undo", "data-key": "undo-" + u.event_id,
          onclick: () => this.deps.onUndo(u), text: this.undoLabel(u),
        }));
      }
      return el("li", {
        class: "update s-" + status, "data-event-id": u.event_id,
        "data-milestone": u.milestone, "data-status": status,
      }, children);
    }

    steps(status) {
      const stage = STAGE[status] === undefined ? 1 : STAGE[status];
      const arrived = stage === STEPS.length - 1;
      return el("ol", { class: "steps", "aria-hidden": "true" }, STEPS.map((name, i) => {
        let cls = "todo";
        if (stage < 0) cls = "gone";
        else if (i < stage || (arrived && i === stage)) cls = "done";
        else if (i === stage) cls = BAD.has(status) ? "bad" : "current";
        let label = name;
        if (i === 4 && status === "published") label = "Published";
        if (i === 2 && status === "held") label = "Held";
        return el("li", { class: cls, text: label });
      }));
    }

    audiences(u) {
      const known = AUDIENCES.filter(([a]) => u.audiences && u.audiences[a]);
      if (!known.length) return null;
      return el("ul", { class: "audiences", "aria-label": "Outcome per audience" },
        known.map(([audience, name]) => {
          const channels = this.deps.channelsOf ? this.deps.channelsOf(audience) : undefined;
          const [outcome, text, rewritten] = outcomeOf(u, audience, u.audiences[audience],
            channels);
          return el("li", { "data-audience": audience, "data-outcome": outcome,
            "data-rewritten": String(rewritten), class: "o-" + outcome }, [
            el("strong", { text: name + ": " }), el("span", { text: text }),
          ]);
        }));
    }

    comment(u) {
      return this.deps.commentOf ? this.deps.commentOf(u.event_id) : null;
    }

    describe(u, status) {
      let text = TEXT[status] || status;
      if (status === "queued") {
        text += this.deps.inOutbox(u.event_id) && navigator.onLine ?
          " — sending" : " — sends when the network is back";
      }
      if (u.reason) text += ": " + reasonText(u.reason);
      const comment = this.comment(u);
      if (comment) text += " — \u201c" + comment + "\u201d";
      if (u.withdraw_requested && !["withdrawn", "retracted"].includes(status)) {
        text += " — undo requested";
      }
      return text;
    }
  }

  window.TabletStrip = { Strip: Strip, TEXT: TEXT, hhmm: hhmm, keepFocus: keepFocus,
    removedText: removedText };
})();
