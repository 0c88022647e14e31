// The approver's queue: held updates per case, newest first, with what de-identification
// removed (and which rule found it), time left, and approve / reject / edit from the keyboard.
// Polls the reviews API (no reload); every server string is rendered as text only.
(function () {
  "use strict";
  const O = window.ORcast;
  const POLL_MS = 1500;
  const $ = (id) => document.getElementById(id);

  let view = "held";
  let items = [];
  let selected = null;     // "update_id/audience"
  let composing = null;    // {key, kind}
  let deadlines = {};      // key -> local ms when it expires
  let me = null;

  const key = (r) => r.update_id + "/" + r.audience;
  const current = () => items.find((r) => key(r) === selected) || null;

  function say(text, kind) {
    const status = $("status");
    status.textContent = text;
    status.dataset.kind = kind || "";
  }

  function errorText(err) {
    const detail = err.body && err.body.error;
    if (detail && detail.fields && detail.fields.length) {
      return detail.message + ": " + detail.fields.map((f) => f.pointer + " " + f.reason).join("; ");
    }
    return (detail && detail.message) || err.message || "request failed";
  }

  function needSignIn() {
    $("signin").hidden = false;
    $("token").focus();
  }

  async function refresh() {
    if (!O.token()) { needSignIn(); return; }
    let response;
    try {
      response = await O.api("GET", "/api/v1/reviews?state=" + view + "&limit=300");
    } catch (err) {
      if (err.status === 401 || err.status === 403) { needSignIn(); }
      say(errorText(err), "error");
      return;
    }
    const now = Date.now();
    items = response.body.reviews;
    deadlines = {};
    for (const r of items) deadlines[key(r)] = now + r.seconds_left * 1000;
    if (view === "held") $("count-held").textContent = items.length ? String(items.length) : "";
    if (!current()) selected = items.length ? key(items[0]) : null;
    if (!composing) render();
  }

  function textWithRedactions(r) {
    const node = O.el("p", { class: r.text ? "text" : "text empty" });
    if (!r.text) {
      node.textContent = "(text withheld by de-identification — edit it to send something)";
      return node;
    }
    let at = 0;
    const spans = (r.redactions || []).slice().sort((a, b) => a.start - b.start);
    for (const span of spans) {
      if (span.start < at || span.end > r.text.length) continue;
      node.append(document.createTextNode(r.text.slice(at, span.start)));
      node.append(O.el("mark", { class: "redaction", title: span.category + " found by " + span.rule,
                                 "data-rule": span.rule }, [
        r.text.slice(span.start, span.end), O.el("span", { class: "rule", text: span.rule })]));
      at = span.end;
    }
    node.append(document.createTextNode(r.text.slice(at)));
    return node;
  }

  function canApprove(r) {
    if (r.state !== "held" || !r.text || r.awaiting_edit) return false;
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
      O.el("span", { class: "badge " + r.verdict, text: r.verdict }),
    ]);
    if (r.state === "held") {
      head.append(O.el("span", { class: "left", "data-key": k, text: leftText(k) }));
    } else {
      head.append(O.el("span", { class: "left", text: r.state + (r.seq ? " #" + r.seq : "") }));
    }
    const children = [head, textWithRedactions(r)];
    if (r.redactions && r.redactions.length) {
      children.push(O.el("ul", { class: "redactions", "aria-label": "Removed" },
        r.redactions.map((s) => O.el("li", { text: s.category + " — rule " + s.rule }))));
    }
    const approvals = (r.approvals || []).length;
    let meta = "by " + (r.author ? r.author.sub : "?") + " · received " +
      new Date(r.received_at).toLocaleTimeString();
    if (r.tiers_required > 1) meta += " · approvals " + approvals + " of " + r.tiers_required;
    if (r.revision) meta += " · edited (revision " + r.revision + ")";
    if (r.decided_by) meta += " · decided by " + r.decided_by.sub;
    if (r.reason) meta += " · " + r.reason;
    children.push(O.el("p", { class: "meta", text: meta }));
    if (r.note || r.awaiting_edit) {
      children.push(O.el("p", { class: "note", text: r.awaiting_edit ? "Edit being de-identified again…" : r.note }));
    }
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
      field.value = r.text;
    } else {
      code = O.el("select", { "aria-label": "Reason for rejecting" }, [
        O.el("option", { value: "", text: "Reason (required)…" }),
        ...REJECT_REASONS.map(([value, text]) => O.el("option", { value: value, text: text })),
      ]);
      field = O.el("input", { type: "text", maxlength: "500", "aria-label": "Comment for the author",
                              placeholder: "Optional comment for the author only, then Enter" });
      fields.push(code);
    }
    fields.push(field);
    const submit = (ev) => {
      if (ev.key === "Escape") { ev.preventDefault(); composing = null; render(); }
      else if (ev.key === "Enter" && !ev.shiftKey) {
        ev.preventDefault();
        const value = field.value.trim();
        if (kind === "edit" && !value) { say("Type the new text.", "error"); return; }
        if (kind === "reject" && !code.value) { say("Choose a reason for rejecting.", "error"); return; }
        composing = null;
        if (kind === "edit") decide(r, { decision: "edit", text: value }, false);
        else decide(r, { decision: "reject", reason_code: code.value,
                         ...(value ? { comment: value } : {}) }, true);
      }
    };
    for (const f of fields) f.addEventListener("keydown", submit);
    return O.el("div", { class: "compose", "data-kind": kind }, fields);
  }

  function render() {
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
      const field = queue.querySelector(".compose select, .compose input, .compose textarea");
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
    if (!canApprove(r)) { say("You cannot approve this one (own update, already approved, or being edited).", "error"); return; }
    decide(r, { decision: "approve" }, true);
  }

  function compose(r, kind) {
    selected = key(r);
    composing = { key: key(r), kind: kind };
    render();
  }

  async function decide(r, body, oneAudience) {
    if (oneAudience) { body.audience = r.audience; body.revision = r.revision; }
    say("Sending " + body.decision + "…");
    try {
      const res = await O.api("POST", "/api/v1/reviews/" + encodeURIComponent(r.update_id), body);
      const mine = (res.body.reviews || []).find((x) => x.audience === r.audience) || {};
      let text = body.decision === "edit" ? "Edit sent; it is being de-identified again."
        : body.decision + (res.status === 202 ? " sent." : " done: " + (mine.state || "?") + (mine.seq ? " #" + mine.seq : ""));
      if (mine.note) text += " " + mine.note;
      say(text.charAt(0).toUpperCase() + text.slice(1), "ok");
      const order = displayOrder();
      const next = order[order.indexOf(key(r)) + 1];
      if (next) selected = next;
    } catch (err) {
      say(errorText(err), "error");
    }
    await refresh();
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

  $("signin").addEventListener("submit", (ev) => {
    ev.preventDefault();
    O.setToken($("token").value);
    $("signin").hidden = true;
    start();
  });

  function start() {
    const claims = O.claims();
    me = claims ? claims.sub : null;
    $("who").textContent = claims ? "Signed in as " + claims.sub + " (" + claims.role + ")" : "";
    refresh();
  }

  start();
  setInterval(refresh, POLL_MS);
  setInterval(tick, 250);
})();
