// /compliance: search the audit log, open a case's timeline, verify integrity, export.
// Uses only the JSON API (with the bearer token from ORcast) and renders text only.
(function () {
  "use strict";
  const O = window.ORcast;
  const $ = (id) => document.getElementById(id);
  const state = { filters: new URLSearchParams(), cursors: [null], page: 0, next: null };

  function utc(iso) {
    return iso ? String(iso).replace("T", " ").slice(0, 19) : "";
  }

  function who(rec) {
    return rec.actor_sub + " (" + rec.actor_role + ")";
  }

  function showError(target, err, doing) {
    if (err instanceof O.ApiError && err.status === 404 && doing === "timeline") {
      target.textContent = "The audit log has no records for that id. Check the case id or " +
        "broadcast id (the cases page shows it).";
      return;
    }
    const what = { timeline: "The timeline could not be opened", search: "Not searched" };
    target.textContent = O.sayError(err, what[doing] || "That did not work");
  }

  const REVOKE_LABEL = {
    patient_withdrew: "the patient withdrew consent",
    consent_form_error: "the consent form is wrong or incomplete",
    wrong_patient: "registered for the wrong patient",
    clinical: "clinical reasons", other: "another reason (kept on paper)",
    not_given: "no reason given",
  };

  function readFilters() {
    const form = new FormData($("search-form"));
    const params = new URLSearchParams();
    for (const [key, raw] of form.entries()) {
      const value = String(raw).trim();
      if (!value) continue;
      params.set(key, (key === "since" || key === "until") ? value + "Z" : value);
    }
    return params;
  }

  // What each search field needs, in words (the API's 422 names the query parameter).
  const FIELDS = {
    "/case_id": { input: "f-case", message: "Enter a case id as the cases page or a " +
      "timeline shows it (letters, digits, - and _ only)." },
    "/broadcast_id": { input: "f-broadcast", message: "Enter the broadcast id shown on the " +
      "cases page (letters and digits)." },
    "/actor": { input: "f-actor", message: "Enter a person's sign-in id, or service: " +
      "followed by a service name." },
    "/action": { input: "f-action", message: "Choose an action from the list." },
    "/since": { input: "f-since", message: "Enter a complete date and time (UTC)." },
    "/until": { input: "f-until", message: "Enter a complete date and time (UTC)." },
    "/q": { input: "f-q", message: "Search for at most 200 characters of text." },
  };

  // -- search ------------------------------------------------------------------------
  async function search(page) {
    const params = new URLSearchParams(state.filters);
    params.set("limit", "50");
    const cursor = state.cursors[page];
    if (cursor) params.set("cursor", cursor);
    $("search-status").textContent = "Searching…";
    try {
      const { body } = await O.api("GET", "/api/v1/audit?" + params.toString());
      state.page = page;
      state.next = body.next_cursor;
      state.cursors[page + 1] = body.next_cursor;
      renderResults(body.records);
      O.clearFieldErrors($("search-form"));
      $("search-status").textContent = body.records.length ?
        body.records.length + " record(s) on this page" : "No records match.";
    } catch (err) {
      O.showFieldErrors($("search-form"), err, FIELDS);
      showError($("search-status"), err, "search");
    }
  }

  function renderResults(rows) {
    const body = $("results").tBodies[0];
    body.replaceChildren();
    for (const rec of rows) {
      const caseCell = O.el("td", { "data-label": "Case" }, []);
      if (rec.case_id) {
        caseCell.append(O.el("button", {
          type: "button", class: "link case-link", text: rec.case_id,
          title: "Open this case's timeline", onclick: () => openTimeline(rec.case_id),
        }));
      }
      const open = O.el("button", { type: "button", class: "link open-detail",
        text: String(rec.seq), title: "Show every field of record " + rec.seq,
        "aria-label": "Details of record " + rec.seq, onclick: () => showDetail(rec, open) });
      // The whole row opens the record (a click or tap anywhere on it, Enter or Space
      // while it has focus); its buttons keep their own job (the case's timeline).
      const row = O.el("tr", { "data-seq": String(rec.seq), class: "openable", tabindex: "0",
        title: "Show every field of record " + rec.seq }, [
        O.el("td", { "data-label": "Record" }, [open]),
        O.el("td", { "data-label": "Recorded", text: utc(rec.recorded_at) }),
        O.el("td", { "data-label": "Actor", text: who(rec) }),
        O.el("td", { "data-label": "Action", text: rec.action }),
        O.el("td", { "data-label": "Outcome", text: rec.outcome }),
        caseCell,
        O.el("td", { "data-label": "Summary", class: "summary", text: rec.summary }),
      ]);
      row.addEventListener("click", (e) => {
        if (e.target.closest("button, a")) return;
        if (String(window.getSelection() || "")) return;  // selecting text to copy it
        showDetail(rec, row);
      });
      row.addEventListener("keydown", (e) => {
        if (e.target !== row || (e.key !== "Enter" && e.key !== " ")) return;
        e.preventDefault();
        showDetail(rec, row);
      });
      body.append(row);
    }
    $("prev-page").disabled = state.page === 0;
    $("next-page").disabled = !state.next;
    $("page-info").textContent = "page " + (state.page + 1);
  }

  // -- one record in full ------------------------------------------------------------
  // `from`: where Close puts the focus back (the row or button that opened it).
  function showDetail(rec, from) {
    const rows = [
      ["Record", String(rec.seq)], ["Recorded (UTC)", utc(rec.recorded_at)],
      ["Event time (UTC)", utc(rec.event_time)], ["Actor", who(rec)],
      ["Action", rec.action], ["Outcome", rec.outcome], ["Case id", rec.case_id || "—"],
      ["Broadcast id", rec.broadcast_id || "—"], ["Update id", rec.update_id || "—"],
      ["Event id", rec.event_id], ["Event source", rec.event_source || "—"],
      ["Topic", rec.topic ? rec.topic + " · partition " + rec.partition + " · offset " +
        rec.offset : "—"],
      ["Summary", rec.summary],
      ["Hash", rec.hash], ["Previous hash", rec.prev_hash],
    ];
    const list = O.el("dl", { class: "detail" });
    for (const [name, value] of rows) {
      list.append(O.el("dt", { text: name }), O.el("dd", { text: value === null ||
        value === undefined ? "—" : String(value) }));
    }
    const facts = rec.detail ? JSON.stringify(rec.detail, null, 2) : "";
    const panel = $("record-detail");
    panel.replaceChildren(
      O.el("h2", { id: "record-detail-title", text: "Record " + rec.seq }), list);
    if (facts) {
      panel.append(O.el("h3", { text: "Facts recorded (no patient data)" }),
        O.el("pre", { text: facts }));
    }
    if (rec.case_id) {
      panel.append(O.el("button", { type: "button", class: "secondary",
        text: "Open this case's timeline", onclick: () => openTimeline(rec.case_id) }));
    }
    panel.append(O.el("button", { type: "button", class: "secondary", text: "Close",
      onclick: () => {
        panel.hidden = true;
        if (from && from.isConnected) from.focus();
      } }));
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
    panel.focus();
  }

  // -- timeline ----------------------------------------------------------------------
  function counts(d) {
    const entries = Object.entries(d.counts || {});
    return entries.length ? entries.map(([k, v]) => k + "×" + v).join(", ") : "";
  }

  function describe(step) {
    const d = step.detail || {};
    switch (step.action) {
      case "milestone.submitted":
        return ["submitted", "Submitted (note " + (d.note_chars || 0) + " chars)"];
      case "milestone.deidentified": {
        const c = counts(d);
        return ["stage-" + d.verdict, "De-identified: " + d.verdict + (c ? " — removed " + c : "") +
          (d.revision ? " (re-checked after an edit)" : "")];
      }
      case "edit.submitted":
        return ["review", "Edited by " + (d.editor ? d.editor.sub : "?") + " (revision " + d.revision + ")"];
      case "review.decided":
        return ["review", "Review: " + d.decision + (d.edited ? " (text edited)" : "")];
      case "update.approved":
        return ["stage-approved", "Approved for " + d.audience + " as #" + d.seq];
      case "update.status":
        return ["stage-" + d.state, "Status: " + d.state + (d.audience ? " for " + d.audience : "")];
      case "publication":
        return ["stage-" + d.state, (d.state === "posted" ? "Posted" : "Publication " + d.state) +
          " on " + d.channel_id + (d.url ? " — " + d.url : (d.remote_id ? " — " + d.remote_id : ""))];
      case "update.retracted":
        return ["stage-retracted", "Retracted" + (d.all ? " (whole case)" : "") +
          (d.audience ? " for " + d.audience : "") + ": " + d.reason];
      default:
        return ["other", step.summary];
    }
  }

  function stepItem(step) {
    const [cls, text] = describe(step);
    return O.el("li", { class: cls, "data-action": step.action }, [
      text + " — by " + step.by.sub + " (" + step.by.role + ")",
      O.el("span", { class: "when", text: utc(step.at) + " · seq " + step.seq }),
    ]);
  }

  // The words' story, as the API's `path` tells it: who wrote, what was removed, who
  // edited, who approved, which revision went out and where.
  function pathLine(p) {
    const rev = p.revision ? " (revision " + p.revision + ")" : "";
    const removed = counts(p);
    switch (p.stage) {
      case "note":
        return p.chars ? "Note written (" + p.chars + " characters)" :
          "Milestone sent without a note";
      case "edit":
        return "Edited" + rev;
      case "redaction":
        return (p.revision ? "The edit de-identified" : "De-identified") + ": " + p.verdict +
          (removed ? ", removed " + removed : ", nothing removed") + rev;
      case "approval":
        return "Approved for " + p.audience;
      case "rejection":
        return "Rejected for " + p.audience;
      case "final text":
        return "Went out for " + p.audience + " as #" + p.seq_out + ": " + (p.chars ?
          "the text of " + (p.revision ? "revision " + p.revision : "the note") + ", " +
          p.chars + " characters" : "the milestone alone");
      case "channel":
        return "Channel " + p.channel_id + ": " + p.state + (p.url ? " — " + p.url : "");
      case "retracted":
        return "Retracted" + (p.audience ? " for " + p.audience : "");
      default:
        return p.stage;
    }
  }

  function wordsPath(u) {
    if (!u.path || !u.path.length) return null;
    return O.el("details", { class: "words", open: "" }, [
      O.el("summary", { text: "The words' path" }),
      O.el("ol", { class: "path" }, u.path.map((p) => O.el("li", {
        "data-stage": p.stage, "data-by": p.by.sub,
      }, [pathLine(p) + " — by " + p.by.sub + " (" + p.by.role + ")",
        O.el("span", { class: "when", text: utc(p.at) + " · seq " + p.seq })]))),
    ]);
  }

  function renderTimeline(t) {
    const body = $("timeline-body");
    body.replaceChildren();
    body.append(O.el("p", { class: "muted", text: "Case " + t.case_id +
      (t.broadcast_id ? " · broadcast " + t.broadcast_id : "") + " · " + t.records + " records" +
      (t.truncated ? " (truncated)" : "") }));
    if (t.case.length) {
      body.append(O.el("h3", { text: "Case and consent" }));
      body.append(O.el("ul", { class: "path" }, t.case.map((s) => O.el("li", {
        "data-change": (s.detail || {}).change || "" }, [
        s.summary + ((s.detail || {}).revoke_reason ? " — why: " +
          (REVOKE_LABEL[s.detail.revoke_reason] || s.detail.revoke_reason) : "") +
        " — by " + s.by.sub + " (" + s.by.role + ")",
        O.el("span", { class: "when", text: utc(s.at) + " · seq " + s.seq }),
      ]))));
    }
    body.append(O.el("h3", { text: "Updates (" + t.updates.length + ")" }));
    for (const u of t.updates) {
      const steps = u.steps.slice();
      for (const r of u.retractions) if (!steps.some((s) => s.seq === r.seq)) steps.push(r);
      steps.sort((a, b) => a.seq - b.seq);
      body.append(O.el("article", { class: "update", "data-update": u.update_id }, [
        O.el("h3", { text: (u.milestone || "update") + " · " + u.update_id }),
        wordsPath(u),
        O.el("h4", { text: "Every record (" + steps.length + ")" }),
        O.el("ol", { class: "path events" }, steps.map(stepItem)),
      ].filter(Boolean)));
    }
    if (t.case_retractions.length) {
      body.append(O.el("h3", { text: "Case-wide retractions" }));
      body.append(O.el("ol", { class: "path" }, t.case_retractions.map(stepItem)));
    }
    if (t.accesses.length) {
      body.append(O.el("h3", { text: "Who looked at this case in the audit log" }));
      body.append(O.el("ul", { class: "path" }, t.accesses.map((s) => O.el("li", {}, [
        s.action + " by " + s.by.sub + " (" + s.by.role + "): " + s.summary,
        O.el("span", { class: "when", text: utc(s.at) }),
      ]))));
    }
  }

  async function openTimeline(caseId) {
    const section = $("timeline");
    section.hidden = false;
    $("timeline-title").textContent = "Case timeline · " + caseId;
    $("timeline-body").replaceChildren(O.el("p", { class: "muted", text: "Loading…" }));
    try {
      const { body } = await O.api("GET", "/api/v1/audit/cases/" + encodeURIComponent(caseId) + "/timeline");
      renderTimeline(body);
      section.scrollIntoView({ block: "start" });
    } catch (err) {
      showError($("timeline-body"), err, "timeline");
    }
  }

  // -- integrity and export ---------------------------------------------------------
  async function verify() {
    const out = $("verify-result");
    out.className = "";
    out.textContent = "Verifying…";
    try {
      const { body } = await O.api("GET", "/api/v1/audit/verify");
      out.className = body.ok ? "ok" : "bad";
      out.textContent = body.ok ?
        "Intact: " + body.records + " records, " + body.checkpoints_verified + "/" +
          body.checkpoints + " signed checkpoints verified (" + body.unsigned_tail + " newer records not yet checkpointed)." :
        "BROKEN at record " + body.first_bad_seq + ": " + body.reason;
    } catch (err) {
      showError(out, err);
    }
  }

  async function exportAs(format) {
    const params = new URLSearchParams(state.filters);
    params.set("format", format);
    const status = $("search-status");
    status.textContent = "Exporting " + format + "…";
    try {
      const url = "/api/v1/audit/export?" + params.toString();
      let response = await fetch(url, { cache: "no-store" });  // the session cookie
      if (response.status === 401 && await O.renewSession()) {
        response = await fetch(url, { cache: "no-store" });
      }
      if (!response.ok) throw new O.ApiError(response.status, null, null);
      const blob = await response.blob();
      const name = (response.headers.get("Content-Disposition") || "").split('filename="')[1];
      const link = O.el("a", { href: URL.createObjectURL(blob), download: name ? name.slice(0, -1) : "audit." + format });
      document.body.append(link);
      link.click();
      link.remove();
      status.textContent = "Export ready (" + blob.size + " bytes).";
    } catch (err) {
      showError(status, err);
    }
  }

  function start() {
    // The buttons listen at once and act once the session says who is here: a click or an
    // Enter in the first second (the session check on a slow ward network) is kept, not lost
    // or sent as a plain form.
    const allowed = O.signedIn(["compliance"], "The compliance page");
    const whenSignedIn = (act) => (ev) => {
      if (ev && ev.preventDefault) ev.preventDefault();
      allowed.then((who) => { if (who) act(ev); });
    };
    $("search-form").addEventListener("submit", whenSignedIn(() => {
      state.filters = readFilters();
      state.cursors = [null];
      search(0);
    }));
    $("timeline-btn").addEventListener("click", whenSignedIn(() => {
      const caseId = $("f-case").value.trim() || $("f-broadcast").value.trim();
      if (caseId) openTimeline(caseId);
      else $("search-status").textContent = "Enter a case id or a broadcast id to open its " +
        "timeline.";
    }));
    $("prev-page").addEventListener("click", whenSignedIn(() => search(Math.max(0, state.page - 1))));
    $("next-page").addEventListener("click", whenSignedIn(() => { if (state.next) search(state.page + 1); }));
    $("verify-btn").addEventListener("click", whenSignedIn(verify));
    for (const button of document.querySelectorAll("button.export")) {
      button.addEventListener("click", whenSignedIn(() => exportAs(button.dataset.format)));
    }
    // Linked from the cases page: /compliance?case=<case id or broadcast id>
    const linked = new URLSearchParams(window.location.search).get("case");
    if (linked) whenSignedIn(() => openTimeline(linked))();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
