// The approver's queue: held updates per case, newest first, with what de-identification
// removed and why (in words; what it was not sure of highlighted), the post exactly as each
// channel will receive it, time left, and approve / reject / edit by keyboard or touch.
// Polls the reviews API (no reload); every server string is rendered as text only.
(function () {
  "use strict";
  const O = window.ORcast;
  const POLL_MS = 1500;
  const $ = (id) => document.getElementById(id);

  let view = "held";
  let items = [];
  let selected = null;     // "update_id/audience"
  let composing = null;    // {key, kind, draft?, code?}
  let sent = null;         // the last composed decision, reopened if the server refuses it
  let deadlines = {};      // key -> local ms when it expires
  let me = null;
  let drawn = null;        // what the last render showed (see refresh)
  const previews = {};      // key + revision -> {loading} | {body} | {error}

  const key = (r) => r.update_id + "/" + r.audience;
  const current = () => items.find((r) => key(r) === selected) || null;

  function say(text, kind) {
    const status = $("status");
    status.textContent = text;
    status.dataset.kind = kind || "";
  }

  // One sentence: what the server said, and for a field, which one and what to do.
  function errorText(err) {
    const detail = err.body && err.body.error;
    if (detail && detail.fields && detail.fields.length) {
      return detail.message + ": " + detail.fields.map((f) =>
        "the " + String(f.pointer || "").replace(/^\//, "").replace(/_/g, " ") + " — " + f.reason).join("; ");
    }
    return (detail && detail.message) || err.message || "the request failed";
  }

  // pointer -> what to do, for the fields of a refused request
  function fieldErrors(err) {
    const detail = err.body && err.body.error;
    const found = {};
    for (const f of (detail && detail.fields) || []) found[f.pointer] = f.reason;
    return found;
  }

  const CATEGORY_WORDS = {
    NAME: "looks like a person's name", DATE: "a date", MRN: "a medical record number",
    PHONE: "a phone number", EMAIL: "an email address", ADDRESS: "a street address",
    LOCATION: "a place smaller than a state", ZIP: "a ZIP code", AGE: "an age over 89",
  };
  // The reason in words (from de-identification); older records have only a category.
  const reasonOf = (span) => span.reason || CATEGORY_WORDS[span.category] || "could identify someone";
  const unsure = (span) => span.confident === false;

  async function refresh() {
    if (!me) return;
    let response;
    try {
      response = await O.api("GET", "/api/v1/reviews?state=" + view + "&limit=300");
    } catch (err) {
      say(errorText(err), "error");
      return;
    }
    const now = Date.now();
    items = response.body.reviews;
    deadlines = {};
    for (const r of items) deadlines[key(r)] = now + r.seconds_left * 1000;
    if (view === "held") $("count-held").textContent = items.length ? String(items.length) : "";
    if (!current()) selected = items.length ? key(items[0]) : null;
    // Draw only what changed: drawing anew moves focus back to the item and drops a text
    // selection, so a poll every 1.5 s kept a keyboard user from ever tabbing to a button.
    if (!composing && shownNow() !== drawn) render();
  }

  // What render() shows; the time left changes every poll and tick() keeps it current.
  const shownNow = () => JSON.stringify(
    [view, selected, items.map((r) => ({ ...r, seconds_left: 0 }))]);

  const VERDICT_WORDS = { clean: "nothing removed", redacted: "identifiers removed",
                          review: "not sure: check it", quarantine: "withheld" };
  const milestoneOnly = (r) => !r.text && r.verdict === "clean";

  function textWithRedactions(r) {
    const node = O.el("p", { class: r.text ? "text" : "text empty" });
    if (milestoneOnly(r)) {
      node.textContent = "(no note: the milestone alone is posted)";
      return node;
    }
    if (!r.text) {
      node.textContent = "(text withheld by de-identification — edit it to send something)";
      return node;
    }
    let at = 0;
    const spans = (r.redactions || []).slice().sort((a, b) => a.start - b.start);
    for (const span of spans) {
      if (span.start < at || span.end > r.text.length) continue;
      node.append(document.createTextNode(r.text.slice(at, span.start)));
      node.append(O.el("mark", { class: "redaction" + (unsure(span) ? " uncertain" : ""),
                                 title: reasonOf(span), "data-rule": span.rule,
                                 "data-confident": String(!unsure(span)) }, [
        r.text.slice(span.start, span.end), O.el("span", { class: "reason", text: reasonOf(span) })]));
      at = span.end;
    }
    node.append(document.createTextNode(r.text.slice(at)));
    return node;
  }

  function canApprove(r) {
    if (r.state !== "held" || !(r.text || milestoneOnly(r)) || r.awaiting_edit) return false;
    if (r.four_eyes && r.author && r.author.sub === me) return false;
    return !(r.approvals || []).some((a) => a.sub === me);
  }

  function leftText(k) {
    const ms = (deadlines[k] || 0) - Date.now();
    if (ms <= 0) return "expiring";
    const s = Math.ceil(ms / 1000);
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0") + " left";
  }

  function itemNode(r) {
    const k = key(r);
    const head = O.el("div", { class: "head" }, [
      O.el("span", { class: "milestone", text: r.milestone_label || r.milestone }),
      O.el("span", { class: "badge " + r.audience, text: r.audience }),
      O.el("span", { class: "badge " + r.verdict, text: VERDICT_WORDS[r.verdict] || r.verdict }),
    ]);
    if (r.state === "held") {
      head.append(O.el("span", { class: "left", "data-key": k, text: leftText(k) }));
    } else {
      head.append(O.el("span", { class: "left", text: r.state + (r.seq ? " #" + r.seq : "") }));
    }
    const children = [head];
    const doubts = (r.redactions || []).filter(unsure).length;
    if (doubts) {
      children.push(O.el("p", { class: "doubt", text: "De-identification was not sure about " +
        (doubts === 1 ? "one part" : doubts + " parts") + " of this note: check the highlighted " +
        (doubts === 1 ? "span" : "spans") + " before approving." }));
    }
    children.push(textWithRedactions(r));
    if (r.redactions && r.redactions.length) {
      children.push(O.el("ul", { class: "redactions", "aria-label": "Removed" },
        r.redactions.map((s) => O.el("li", { class: unsure(s) ? "uncertain" : "",
          text: "[" + s.category + "] " + reasonOf(s) }))));
    }
    const approvals = (r.approvals || []).length;
    let meta = "by " + (r.author ? r.author.sub : "?") + " · received " +
      new Date(r.received_at).toLocaleTimeString();
    if (r.tiers_required > 1) meta += " · approvals " + approvals + " of " + r.tiers_required;
    if (r.revision) meta += " · edited by " + (r.editor ? r.editor.sub : "an approver") + " (revision " + r.revision + ")";
    if (r.decided_by) meta += " · decided by " + r.decided_by.sub;
    if (r.reason) meta += " · " + r.reason;
    children.push(O.el("p", { class: "meta", text: meta }));
    if (r.note || r.awaiting_edit) {
      children.push(O.el("p", { class: "note", text: r.awaiting_edit
        ? "Edit sent: being de-identified again." : sentence(r.note) }));
    }
    if (r.state === "held" && !r.awaiting_edit) children.push(destinations(r));
    if (r.state === "held") {
      children.push(O.el("div", { class: "actions" }, [
        O.el("button", { type: "button", class: "approve", onclick: () => approve(r),
                         ...(canApprove(r) ? {} : { disabled: "" }) }, ["Approve (a)"]),
        O.el("button", { type: "button", class: "reject", onclick: () => compose(r, "reject") },
             ["Reject (r)"]),
        O.el("button", { type: "button", class: "edit", onclick: () => compose(r, "edit"),
                         ...(r.four_eyes && r.author && r.author.sub === me ? { disabled: "" } : {}) },
             ["Edit (e)"]),
      ]));
      if (composing && composing.key === k) children.push(composer(r, composing.kind));
    }
    const node = O.el("article", {
      class: "item", tabindex: "-1", "data-key": k, "data-state": r.state,
      "aria-selected": String(k === selected),
      onclick: () => { if (selected !== k) { selected = k; render(); } },
    }, children);
    return node;
  }

  // Reject reasons travel as codes; the comment stays in approval's database and only the
  // update's author can read it (schemas/api/review-decide.json has the same codes).
  const REJECT_REASONS = [
    ["not_educational", "Not of educational value"],
    ["identifies_patient", "Could identify the patient"],
    ["inaccurate", "Inaccurate"],
    ["duplicate", "Duplicate of another update"],
    ["other", "Other (explain in the comment)"],
  ];

  function composer(r, kind) {
    const fields = [];
    let field, code = null;
    if (kind === "edit") {
      field = O.el("textarea", { rows: "2", maxlength: "500", "aria-label": "Edited text" });
      field.value = composing && composing.draft !== undefined ? composing.draft : r.text;
    } else {
      code = O.el("select", { "aria-label": "Reason for rejecting" }, [
        O.el("option", { value: "", text: "Reason (required)…" }),
        ...REJECT_REASONS.map(([value, text]) => O.el("option", { value: value, text: text })),
      ]);
      field = O.el("input", { type: "text", maxlength: "500", "aria-label": "Comment for the author",
                              placeholder: "Optional comment for the author only, then Enter" });
      fields.push(code);
      if (composing && composing.code) code.value = composing.code;
      if (composing && composing.draft) field.value = composing.draft;
    }
    fields.push(field);
    const cancel = () => { composing = null; say(kind === "edit" ? "Edit cancelled: nothing was sent." : "Rejection cancelled: nothing was sent."); render(); };
    const send = () => {
      const value = field.value.trim();
      if (kind === "edit" && !value) { say("Not sent: type the new text first.", "error"); field.focus(); return; }
      if (kind === "reject" && !code.value) { say("Not sent: choose a reason for rejecting first.", "error"); code.focus(); return; }
      sent = { key: key(r), kind: kind, draft: field.value, code: code ? code.value : null };
      composing = null;
      if (kind === "edit") decide(r, { decision: "edit", text: value }, false);
      else decide(r, { decision: "reject", reason_code: code.value,
                       ...(value ? { comment: value } : {}) }, true);
    };
    const keys = (ev) => {
      if (ev.key === "Escape") { ev.preventDefault(); cancel(); }
      else if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); send(); }
    };
    for (const f of fields) f.addEventListener("keydown", keys);
    // A field the server refused is marked where it is, with what to do, in words.
    const named = kind === "edit" ? [["/text", field]] : [["/reason_code", code], ["/comment", field]];
    const errors = (composing && composing.errors) || {};
    const shown = [];
    for (const [pointer, f] of named) {
      shown.push(f);
      if (!errors[pointer]) continue;
      const id = "compose-error-" + pointer.slice(1);
      f.setAttribute("aria-invalid", "true");
      f.setAttribute("aria-describedby", id);
      shown.push(O.el("p", { class: "field-error", id: id, text: sentence(errors[pointer]) }));
    }
    const buttons = O.el("div", { class: "compose-buttons" }, [
      O.el("button", { type: "button", class: "send", onclick: send },
           [kind === "edit" ? "Send edit" : "Send rejection"]),
      O.el("button", { type: "button", class: "cancel", onclick: cancel }, ["Cancel"]),
    ]);
    return O.el("div", { class: "compose", "data-kind": kind }, [...shown, buttons]);
  }

  // Server notes are short lowercase phrases; the page shows each as one sentence.
  function sentence(text) {
    const t = String(text || "").trim();
    if (!t) return "";
    return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
  }

  // Where an approved update goes, and the post exactly as each channel will receive it.
  function previewKey(r) { return key(r) + "#" + r.revision; }

  function loadPreview(r) {
    const k = previewKey(r);
    if (previews[k] || !r.procedure_name || !r.broadcast_id) return;
    previews[k] = { loading: true };
    O.api("POST", "/api/v1/publications/preview", {
      audience: r.audience, procedure_name: r.procedure_name,
      milestone_label: r.milestone_label || r.milestone, broadcast_id: r.broadcast_id,
      text: r.text || "",
    }).then((res) => { previews[k] = { body: res.body }; if (!composing) render(); },
            (err) => { previews[k] = { error: errorText(err) }; if (!composing) render(); });
  }

  function destinations(r) {
    loadPreview(r);
    const got = previews[previewKey(r)] || { loading: true };
    const box = O.el("div", { class: "destinations", "data-audience": r.audience });
    if (got.loading) { box.append(O.el("p", { class: "goes", text: "Working out where it goes…" })); return box; }
    if (got.error) { box.append(O.el("p", { class: "goes", text: "Could not show where it goes: " + got.error })); return box; }
    const channels = got.body.channels || [];
    const places = [];
    if (r.audience === "students") places.push("the students' live page");
    for (const c of channels) places.push(c.channel_id + " (" + c.kind + ")");
    let goes = places.length ? "If approved, it goes to " + places.join(", ") + "." : "";
    // students always have their live page: "no channel" would only contradict it
    if (!channels.length && r.audience !== "students") {
      goes += (goes ? " " : "") + got.body.message +
        ": approving it records the decision but posts it nowhere.";
    }
    box.append(O.el("p", { class: "goes" + (channels.length ? "" : " nowhere"), text: goes }));
    if (r.audience === "students") {
      box.append(O.el("figure", { class: "post", "data-channel": "live" }, [
        O.el("figcaption", { text: "Students' live page" }),
        O.el("pre", { text: (r.milestone_label || r.milestone) + (r.text ? "\n" + r.text : "") }),
      ]));
    }
    for (const c of channels) {
      const caption = c.text === null ? c.channel_id + " · " + c.problem
        : c.channel_id + " · " + c.length + " of " + c.limit + " characters" + (c.fits ? "" : " — too long");
      box.append(O.el("figure", { class: "post" + (c.fits ? "" : " over"), "data-channel": c.channel_id }, [
        O.el("figcaption", { text: caption }),
        ...(c.text === null ? [] : [O.el("pre", { text: c.text })]),
      ]));
    }
    return box;
  }

  function render() {
    drawn = shownNow();
    const queue = $("queue");
    const groups = new Map();
    for (const r of items) {
      if (!groups.has(r.case_id)) groups.set(r.case_id, []);
      groups.get(r.case_id).push(r);
    }
    const sections = [];
    for (const [, list] of groups) {
      const first = list[0];
      sections.push(O.el("section", { class: "case", "data-case": first.case_id }, [
        O.el("h2", { text: (first.procedure_name || "Case") + " · " + (first.broadcast_id || first.case_id) }),
        ...list.map(itemNode),
      ]));
    }
    queue.replaceChildren(...sections);
    $("empty").hidden = items.length > 0;
    $("empty").textContent = view === "held"
      ? "Nothing waiting. New updates appear here by themselves." : "None.";
    if (composing) {
      const field = queue.querySelector('.compose [aria-invalid="true"]') ||
        queue.querySelector(".compose select, .compose input, .compose textarea");
      if (field) field.focus();
    } else {
      const node = queue.querySelector('[aria-selected="true"]');
      if (node && document.activeElement !== node) node.focus({ preventScroll: false });
    }
  }

  function tick() {
    for (const node of document.querySelectorAll(".left[data-key]")) {
      const k = node.dataset.key;
      node.textContent = leftText(k);
      node.classList.toggle("soon", (deadlines[k] || 0) - Date.now() < 60000);
    }
  }

  // Ordering in the page is by case, so j/k follow what the approver sees.
  function displayOrder() {
    return Array.from(document.querySelectorAll("#queue .item")).map((n) => n.dataset.key);
  }

  function move(step) {
    const order = displayOrder();
    if (!order.length) return;
    const at = order.indexOf(selected);
    selected = order[Math.max(0, Math.min(order.length - 1, at < 0 ? 0 : at + step))];
    render();
  }

  function approve(r) {
    if (!canApprove(r)) { say("Not approved: you cannot approve this one (your own update, already approved by you, or being edited).", "error"); return; }
    decide(r, { decision: "approve" }, true);
  }

  function compose(r, kind) {
    selected = key(r);
    composing = { key: key(r), kind: kind };
    render();
  }

  const NOUN = { approve: "Approval", reject: "Rejection", edit: "Edit" };
  const FAILED = { approve: "Not approved", reject: "Not rejected", edit: "Edit not sent" };

  // What happened, as one sentence, with where an approved update goes.
  function outcomeText(r, decision, status, mine) {
    if (decision === "edit") return "Edit sent: being de-identified again.";
    if (status === 202) return NOUN[decision] + " sent: it will show here in a moment.";
    if (decision === "reject") {
      return "Rejected for " + r.audience + ": the author sees the reason “" + (mine.reason || "rejected") + "”.";
    }
    if (mine.state !== "approved") return sentence(mine.note || ("approval recorded; the update is " + (mine.state || "held")));
    const got = previews[previewKey(r)];
    const channels = got && got.body ? got.body.channels || [] : [];
    const where = channels.map((c) => c.channel_id);
    if (r.audience === "students") where.unshift("the students' live page");
    let text = "Approved for " + r.audience + " as #" + mine.seq;
    if (where.length) text += ": going to " + where.join(", ") + ".";
    else text += ", but no channel is configured for the " + r.audience + " audience: it is posted nowhere.";
    return text;
  }

  async function decide(r, body, oneAudience) {
    if (oneAudience) { body.audience = r.audience; body.revision = r.revision; }
    say(NOUN[body.decision] + " sending…");
    try {
      const res = await O.api("POST", "/api/v1/reviews/" + encodeURIComponent(r.update_id), body);
      const mine = (res.body.reviews || []).find((x) => x.audience === r.audience) || {};
      say(outcomeText(r, body.decision, res.status, mine), "ok");
      const order = displayOrder();
      const next = order[order.indexOf(key(r)) + 1];
      if (next) selected = next;
    } catch (err) {
      say(FAILED[body.decision] + ": " + errorText(err) + (/[.!?]$/.test(errorText(err)) ? "" : "."), "error");
      if (body.decision !== "approve" && err.status === 422 && sent) {
        composing = { ...sent, errors: fieldErrors(err) };
      }
    }
    await refresh();
    if (composing) render();  // reopened: keep what was typed, fix it and send again
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.target.closest("input, textarea, select") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const r = current();
    if (ev.key === "j") { ev.preventDefault(); move(1); }
    else if (ev.key === "k") { ev.preventDefault(); move(-1); }
    else if (!r || view !== "held") return;
    else if (ev.key === "a") { ev.preventDefault(); approve(r); }
    else if (ev.key === "r") { ev.preventDefault(); compose(r, "reject"); }
    else if (ev.key === "e") { ev.preventDefault(); compose(r, "edit"); }
  });

  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => {
      view = tab.dataset.state;
      composing = null;
      for (const t of document.querySelectorAll(".tab")) t.setAttribute("aria-pressed", String(t === tab));
      refresh();
    });
  }

  // Signed in (the shell says as whom) with a role that may decide, or the page says who
  // may use it.
  async function start() {
    const who = await O.signedIn(["approver"], "The approvals page");
    if (!who) return;
    me = who.sub;
    refresh();
    setInterval(refresh, POLL_MS);
    setInterval(tick, 250);
  }

  start();
})();
