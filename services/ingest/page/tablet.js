// The OR coordinator's tablet: pick a case, tap milestones, follow each update's path.
// Uses only the JSON API (cases, procedures, milestones and their status stream). Every
// string from the server is rendered with textContent (ORcast.el), never as HTML.
// Parts: outbox.js (offline queue), statusfeed.js (SSE), history.js (what was sent),
// strip.js (status strip), reminder.js (idle nudge); this file wires them to the page.
(function () {
  "use strict";
  const O = window.ORcast;
  const el = O.el;
  const $ = (id) => document.getElementById(id);
  const { Strip, TEXT, hhmm, keepFocus } = window.TabletStrip;

  const KEYS = {
    cases: "orcast.tablet.cases.v1",
    procedures: "orcast.tablet.procedures.v1",
    selected: "orcast.tablet.case.v1",
  };
  const NOTE_LIMIT = 280;
  const DOUBLE_TAP_MS = 1500;
  const CASES_REFRESH_MS = 30000;
  const CASE_STATE_MS = 5000;

  const state = {
    cases: readJson(KEYS.cases, []),
    procedures: readJson(KEYS.procedures, {}),
    caseId: localStorage.getItem(KEYS.selected) || "",
    phrases: new Set(),
    lastSent: {},  // milestone id -> when this page last sent it
    confirmTimer: 0,
    caseChosenAt: Date.now(),
    streamUp: false,
    // The selected case as the server last described it: accepting updates or not.
    caseState: { caseId: "", status: "active", accepting: true },
    confirming: null,  // the milestone waiting for "Send again"
    channels: null,  // audience -> how many channels post it (null: not known yet)
  };
  const history = new window.TabletHistory();

  function readJson(key, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(key) || "null");
      return value === null ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" +
      h.slice(16, 20) + "-" + h.slice(20);
  }

  // ---- case and template ----

  function currentCase() {
    return state.cases.find((c) => c.case_id === state.caseId) || null;
  }

  function currentTemplate() {
    const c = currentCase();
    return c ? state.procedures[c.procedure] || null : null;
  }

  function milestoneLabel(id) {
    const t = currentTemplate();
    const m = t && t.milestones.find((x) => x.id === id);
    return m ? m.label : (id || "update").replace(/_/g, " ");
  }

  function nextExpected(template, done) {
    let last = -1;
    template.milestones.forEach((m, i) => { if (done[m.id]) last = i; });
    const next = template.milestones[last + 1];
    return next ? next.id : null;
  }

  // Cases and templates are cached, so a reload without network still shows the case.
  async function loadCases() {
    try {
      const [cases, procedures] = await Promise.all([
        O.api("GET", "/api/v1/cases?active=true"),
        O.api("GET", "/api/v1/procedures"),
      ]);
      const fresh = cases.body.cases.map((c) => ({
        case_id: c.case_id, broadcast_id: c.broadcast_id, procedure: c.procedure,
        procedure_name: c.procedure_name || c.procedure,
      }));
      // The open case stays on screen after it stops (revoked, ended), shown as such,
      // rather than vanishing from under the coordinator's finger.
      const open = currentCase();
      if (open && !fresh.some((c) => c.case_id === open.case_id)) {
        fresh.push(open);
        checkCaseState();
      }
      state.cases = fresh;
      state.procedures = {};
      for (const p of procedures.body.procedures) state.procedures[p.id] = p;
      localStorage.setItem(KEYS.cases, JSON.stringify(state.cases));
      localStorage.setItem(KEYS.procedures, JSON.stringify(state.procedures));
      $("case-hint").textContent = state.cases.length ? "" : "No active case to post to.";
      if (state.channels === null) loadChannels();
    } catch (err) {
      $("case-hint").textContent = "Showing the cases known before the network dropped.";
    }
    renderCases();
  }

  // Where an approved copy goes: with no channel for an audience, the strip says it is
  // posted nowhere instead of "being posted". Asked once; unknown keeps the old words.
  async function loadChannels() {
    try {
      const answer = await O.api("GET", "/api/v1/publications/audiences");
      state.channels = answer.body.audiences;
      renderStrip();
    } catch (err) {
      // offline or refused: the strip does not claim either way
    }
  }

  // Is the open case still broadcasting? Asked every few seconds and whenever something
  // hints that it stopped (a retraction, a refused tap).
  async function checkCaseState() {
    const caseId = state.caseId;
    if (!caseId || !navigator.onLine) return;
    try {
      const answer = await O.api("GET", "/api/v1/cases/" + encodeURIComponent(caseId));
      if (caseId !== state.caseId) return;
      const c = answer.body || {};
      const accepting = c.accepting !== undefined ? Boolean(c.accepting) :
        c.status === "active" && (!c.consent || c.consent.status === "active");
      setCaseState(caseId, c.status || "active", accepting);
    } catch (err) {
      if (err instanceof O.ApiError && err.status === 404 && caseId === state.caseId) {
        setCaseState(caseId, "unknown", false);
      }
    }
  }

  function setCaseState(caseId, status, accepting) {
    const before = state.caseState;
    if (before.caseId === caseId && before.status === status &&
        before.accepting === accepting) return;
    state.caseState = { caseId: caseId, status: status, accepting: accepting };
    if (!accepting) hideConfirm();
    renderAll();
  }

  function caseClosed() {
    return state.caseState.caseId === state.caseId && !state.caseState.accepting;
  }

  function renderCaseState() {
    const box = $("case-state");
    if (!state.caseId || !caseClosed()) {
      box.hidden = true;
      box.dataset.state = "open";
      box.textContent = "";
      return;
    }
    const status = state.caseState.status;
    const ended = status === "ended";
    box.dataset.state = ended ? "ended" : "withdrawn";
    box.textContent = ended ?
      "This case has ended: it no longer takes updates. Choose another case." :
      (status === "unknown" ? "This case is no longer known to the server: nothing more can be sent." :
        "Consent for this case was withdrawn: nothing more can be sent, and what was " +
        "shown is being taken down.");
    box.hidden = false;
  }

  function selectCase(caseId) {
    if (caseId === state.caseId && feed.caseId === caseId) return;
    state.caseId = caseId;
    state.caseState = { caseId: caseId, status: "active", accepting: true };
    hideConfirm();
    if (caseId) checkCaseState();
    state.caseChosenAt = Date.now();
    state.phrases.clear();
    localStorage.setItem(KEYS.selected, caseId);
    if (caseId) feed.open(caseId); else feed.close();
    renderAll();
  }

  // ---- tapping a milestone, composing the note ----

  // A second tap on a milestone already sent always asks (a gloved double tap too: it
  // used to be swallowed without a word). "Send again" waits out the double-tap window
  // of the last send, so the same bouncing glove cannot answer the question.
  function tap(milestone) {
    const c = currentCase();
    if (!c || caseClosed() || state.confirming) return;
    const sentAt = history.doneTimes(state.caseId)[milestone.id];
    if (sentAt) { askFirst(milestone, sentAt); return; }
    send(milestone);
  }

  function askFirst(milestone, sentAt) {
    state.confirming = milestone;
    const ago = Date.now() - sentAt;
    $("confirm-text").textContent = "“" + milestone.label + "” was already sent " +
      (ago < 60000 ? "just now (" + hhmm(sentAt) + ")" : "at " + hhmm(sentAt)) +
      ". Send it again?";
    const wait = (state.lastSent[milestone.id] || 0) + DOUBLE_TAP_MS - Date.now();
    const again = $("confirm-send");
    again.disabled = wait > 0;
    clearTimeout(state.confirmTimer);
    if (wait > 0) state.confirmTimer = setTimeout(() => { again.disabled = false; }, wait);
    $("confirm").hidden = false;
    $("confirm-cancel").focus();
  }

  function hideConfirm() {
    const open = state.confirming;
    state.confirming = null;
    $("confirm").hidden = true;
    if (open) {
      const button = document.querySelector('#milestones [data-milestone="' +
        CSS.escape(open.id) + '"]');
      if (button) button.focus();
    }
  }

  function send(milestone) {
    const c = currentCase();
    if (!c || caseClosed()) return;
    const now = Date.now();
    const note = $("note").value.trim().slice(0, NOTE_LIMIT);
    const texts = phraseTexts();
    // A phrase counts as used only while its exact text is still in the note.
    const phraseIds = Array.from(state.phrases).filter((id) => texts[id] &&
      note.includes(texts[id]));
    state.lastSent[milestone.id] = now;
    const body = {
      event_id: uuid(), case_id: c.case_id, milestone: milestone.id, note: note,
      phrase_ids: phraseIds, occurred_at: new Date(now).toISOString(),
    };
    history.add({
      event_id: body.event_id, case_id: c.case_id, milestone: milestone.id,
      label: milestone.label, tapped_at: now, status: "queued", reason: null,
      undo_deadline: 0, withdraw_requested: false, mine: true,
    });
    $("note").value = "";
    state.phrases.clear();
    outbox.add(body);
    renderAll();
  }

  function phraseTexts() {
    const texts = {};
    const t = currentTemplate();
    if (!t) return texts;
    for (const m of t.milestones) for (const p of m.phrases || []) texts[p.id] = p.text;
    return texts;
  }

  function insertPhrase(phrase) {
    const note = $("note");
    const current = note.value.trim();
    const joined = current ? current + " " + phrase.text : phrase.text;
    if (joined.length > NOTE_LIMIT) {
      $("note-count").textContent = "That phrase does not fit in the " + NOTE_LIMIT +
        "-character limit.";
      return;
    }
    note.value = joined;
    state.phrases.add(phrase.id);
    renderNote();
    renderPhrases();
  }

  // ---- what the server tells us ----

  // An approver's comment on a rejection is free text: it travels on no topic, only from
  // approval's API to the update's author, and is kept in memory here (never saved).
  const comments = new Map();

  async function fetchComment(u) {
    comments.set(u.event_id, null);  // ask once
    try {
      const answer = await O.api("GET", "/api/v1/reviews/" + encodeURIComponent(u.event_id) +
        "/comment");
      const found = ((answer.body || {}).comments || []).map((c) => c.comment).filter(Boolean);
      if (found.length) { comments.set(u.event_id, found[0]); renderAll(); }
    } catch (err) {
      // none, or not ours to read: the reason's label is all there is to show
    }
  }

  function applyStatus(s) {
    const before = history.get(s.event_id);
    const previous = before ? before.status : null;
    const u = history.merge(s, state.caseId, milestoneLabel);
    if (u && u.mine && u.status === "rejected" && !comments.has(u.event_id)) fetchComment(u);
    if (u && previous && previous !== u.status && u.case_id === state.caseId) {
      $("announce").textContent = (u.label || milestoneLabel(u.milestone)) + ": " +
        (TEXT[u.status] || u.status);
    }
  }

  function onStatuses(list) {
    for (const s of list) applyStatus(s);
    if (list.some((s) => s.status === "retracted" || s.status === "blocked")) checkCaseState();
    history.save();
    renderAll();
  }

  function onAck(body) {
    const u = history.get(body.event_id);
    if (u && (u.status === "queued" || !u.status)) u.status = "received";
    history.save();
    renderAll();
  }

  function onReject(body, err) {
    const u = history.get(body.event_id);
    if (u) {
      u.status = "failed";
      u.reason = O.sayError(err).replace(/\.$/, "");
    }
    const code = err && err.body && err.body.error && err.body.error.code;
    if (code === "case_not_accepting" || (err && err.status === 404)) checkCaseState();
    history.save();
    renderAll();
  }

  // Undo: still on the tablet → simply dropped; already sent → ask the server to withdraw.
  async function undo(u) {
    if (u.status === "queued" && outbox.remove(u.event_id)) {
      u.status = "withdrawn";
      u.reason = "cancelled before sending";
      u.cancelled = true;
    } else {
      try {
        await O.api("POST", "/api/v1/milestones/" + encodeURIComponent(u.event_id) +
          "/withdraw");
        u.withdraw_requested = true;
      } catch (err) {
        u.reason = err instanceof O.ApiError ? O.sayError(err).replace(/\.$/, "") :
          "offline: try undo again";
        if (err instanceof O.ApiError && err.status === 409) u.undo_deadline = 0;
      }
    }
    history.save();
    renderAll();
  }

  // ---- rendering ----

  function renderCases() {
    const select = $("case");
    select.replaceChildren(el("option", { value: "", text: "Choose a case…" }));
    for (const c of state.cases) {
      select.append(el("option", {
        value: c.case_id, text: (c.procedure_name || c.procedure) + " — " + c.broadcast_id,
      }));
    }
    const known = state.cases.some((c) => c.case_id === state.caseId);
    select.value = known ? state.caseId : "";
    if (!known && state.caseId && navigator.onLine) {
      $("case-hint").textContent = "The case you had open no longer accepts updates.";
    }
    selectCase(known ? state.caseId : "");
  }

  function renderMilestones() {
    const list = $("milestones");
    keepFocus(list, () => {
      list.replaceChildren();
      const template = currentTemplate();
      if (!template) {
        list.append(el("li", { class: "empty", text: "Choose a case to see its milestones." }));
        return;
      }
      const done = history.doneTimes(state.caseId);
      // A withdrawn or ended case has no next step: nothing is highlighted as "Next".
      const closed = caseClosed();
      const next = closed ? null : nextExpected(template, done);
      template.milestones.forEach((m, i) => {
        const when = done[m.id];
        const classes = ["ms"];
        if (when) classes.push("done");
        if (m.id === next) classes.push("next");
        const button = el("button", {
          type: "button", class: classes.join(" "), "data-milestone": m.id,
          "data-key": "ms-" + m.id, onclick: () => tap(m),
        }, [
          el("span", { class: "num", text: String(i + 1) }),
          el("span", { class: "label", text: m.label }),
          el("span", { class: "when", text: when ? "Done " + hhmm(when) :
            (m.id === next ? "Next" : "") }),
        ]);
        if (m.id === next) button.setAttribute("aria-current", "step");
        if (closed) button.disabled = true;
        list.append(el("li", {}, [button]));
      });
    });
  }

  function renderNote() {
    const length = $("note").value.length;
    const counter = $("note-count");
    counter.textContent = length + " of " + NOTE_LIMIT + " characters";
    counter.classList.toggle("warn", length > NOTE_LIMIT - 30);
  }

  // Phrases of the next expected milestone (the one the note will most likely go with).
  function renderPhrases() {
    const box = $("phrases");
    keepFocus(box, () => {
      box.replaceChildren();
      const template = currentTemplate();
      if (!template) { $("phrases-for").textContent = ""; return; }
      const next = nextExpected(template, history.doneTimes(state.caseId)) ||
        template.milestones[template.milestones.length - 1].id;
      const milestone = template.milestones.find((m) => m.id === next);
      $("phrases-for").textContent = "for " + milestone.label;
      for (const p of milestone.phrases || []) {
        const pressed = state.phrases.has(p.id);
        box.append(el("button", {
          type: "button", class: "phrase", "data-phrase": p.id, "data-key": "ph-" + p.id,
          "aria-pressed": String(pressed), onclick: () => insertPhrase(p),
        }, [el("span", { text: (pressed ? "✓ " : "+ ") + p.text })]));
      }
      if (!(milestone.phrases || []).length) {
        box.append(el("p", { class: "hint", text: "No phrases for this milestone." }));
      }
    });
  }

  function renderStrip(force) {
    strip.render(history.forCase(state.caseId).reverse(),
      [state.caseId, navigator.onLine, outbox.length, state.channels], force);
  }

  function renderConnection() {
    const pill = $("connection");
    const s = outbox.state;
    let text = {
      online: "Online", offline: "Offline — updates are kept on this tablet",
      unreachable: "Server unreachable", server: "Server busy", throttled: "Slowing down",
      delayed: "Delayed — updates are reaching students late; yours are kept here",
      signin: "Sign-in needed",
    }[s] || s;
    if (outbox.retryIn && s !== "online" && s !== "offline") {
      text += " — retrying in " + outbox.retryIn + " s";
    }
    if (s === "online" && state.caseId && !state.streamUp) text += " (status feed reconnecting)";
    pill.textContent = text;
    pill.setAttribute("data-state", s);
    const queue = $("queue");
    queue.textContent = "Queue: " + outbox.length;
    queue.setAttribute("data-count", String(outbox.length));
  }

  function renderAll() {
    renderCaseState();
    renderMilestones();
    renderPhrases();
    renderNote();
    renderStrip(true);
    renderConnection();
    reminder.render();
  }

  // ---- wiring ----

  const outbox = new window.TabletOutbox({
    onAck: onAck, onReject: onReject,
    // A 401 that renewal could not cure shows orcast.js's "sign in again"; the queued
    // updates stay in localStorage and go out after the sign-in brings the page back.
    onChange: () => {
      renderConnection();
      renderStrip();
    },
  });
  const strip = new Strip($("strip"), {
    inOutbox: (eventId) => outbox.has(eventId), onUndo: undo, labelOf: milestoneLabel,
    commentOf: (eventId) => comments.get(eventId) || null,
    channelsOf: (audience) => (state.channels ? state.channels[audience] : undefined),
  });
  const feed = new window.TabletStatusFeed({
    onSnapshot: (snapshot) => onStatuses(snapshot.updates),
    onStatus: (s) => onStatuses([s]),
    onState: (up) => { state.streamUp = up; renderConnection(); },
  });
  const reminder = new window.TabletReminder(
    () => Math.max(state.caseChosenAt, history.lastTapped(state.caseId)),
    () => Boolean(currentCase()));

  async function start() {
    // Offline (the page from the service worker's cache), the tablet still opens with the
    // person last signed in here, so taps queue; the server decides once it is reachable.
    // Nothing is sent before this answers: another role's session must not take the queue.
    const who = await O.signedIn(["coordinator"], "The OR tablet",
      { offline: true, locked: () => window.TabletLock.remembered() });
    if (!who) return; // off to sign in (the queue waits in localStorage), or another role
    $("case").addEventListener("change", (e) => selectCase(e.target.value));
    $("confirm-cancel").addEventListener("click", hideConfirm);
    $("confirm-send").addEventListener("click", () => {
      const milestone = state.confirming;
      hideConfirm();
      if (milestone) send(milestone);
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && state.confirming) hideConfirm();
    });
    setInterval(checkCaseState, CASE_STATE_MS);
    $("refresh").addEventListener("click", () => { loadCases(); outbox.wake(); });
    $("note").addEventListener("input", renderNote);
    $("note-clear").addEventListener("click", () => {
      $("note").value = "";
      state.phrases.clear();
      renderNote();
      renderPhrases();
      $("note").focus();
    });
    window.addEventListener("online", () => { outbox.wake(); feed.revive(); loadCases(); });
    window.addEventListener("offline", () => { outbox.setState("offline"); });
    setInterval(() => { renderStrip(); reminder.render(); }, 1000);
    setInterval(() => { if (navigator.onLine) loadCases(); }, CASES_REFRESH_MS);
    setInterval(() => outbox.pump(), 5000);

    renderCases();
    // a remembered lock reads nothing, even while its sign-in may still be live
    if (!who.offline && !who.locked && !window.TabletLock.remembered()) loadCases();
    outbox.pump();
    new window.TabletLock(who, () => outbox.length).start();
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/tablet-sw.js", { scope: "/tablet" })
        .then(() => navigator.serviceWorker.ready)
        .then(() => document.body.setAttribute("data-offline-ready", "true"))
        .catch(() => document.body.setAttribute("data-offline-ready", "false"));
    }
  }

  start();
})();
