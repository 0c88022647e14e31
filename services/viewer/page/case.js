// /live/<broadcast id>: one procedure's timeline, exactly once and in order.
// The last seq seen (and what is on screen) lives in sessionStorage, so both a
// reconnect and a reload resume with `after_seq` instead of starting over.
// Note text is only ever set with textContent (ORcast.el), never parsed as HTML.
(function () {
  "use strict";
  const { el } = window.ORcast;
  const { LiveSocket, duration, phaseLabel } = window.ORcastLive;
  const MAX_KEPT = 2000;
  const broadcastId = decodeURIComponent(window.location.pathname.split("/")[2] || "");
  const storeKey = "orcast.live." + broadcastId;
  const $ = (id) => document.getElementById(id);

  let last = 0; // highest seq accounted for (shown, withdrawn, or known to be past)
  let items = new Map(); // seq -> update frame, in seq order
  let summary = null;
  let template = null; // the procedure template from GET /api/v1/procedures, if reachable
  let clockOffset = 0;
  let retryTimer = null;
  let socket = null;
  // null while broadcasting; "withdrawn" (consent revoked or expired) or "ended". A closed
  // broadcast says so everywhere at once: no "Live", no running clock, no "No updates yet".
  let closed = null;
  let listed = undefined; // how the live list last showed this broadcast (its status, or "")

  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storeKey) || "null");
      if (saved && Number.isInteger(saved.last) && Array.isArray(saved.items)) {
        last = saved.last;
        for (const u of saved.items) items.set(u.seq, u);
      }
    } catch (e) { /* a damaged entry: start from the beginning */ }
  }

  function save() {
    const kept = Array.from(items.values()).slice(-MAX_KEPT);
    try {
      sessionStorage.setItem(storeKey, JSON.stringify({ last: last, items: kept }));
    } catch (e) { /* storage full: resume still works for this page's lifetime */ }
  }

  function setState(name, detail) {
    const conn = $("conn");
    conn.dataset.state = name;
    conn.textContent = {
      live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…",
      auth: "Sign-in needed", gone: "Not available", expired: "Session expired",
      withdrawn: "Withdrawn", ended: "Ended",
    }[name] || name;
    if ((name === "auth" || name === "expired") && detail) conn.title = String(detail);
  }

  function notice(text) {
    $("notice").textContent = text || "";
    $("notice").hidden = !text;
  }

  function when(u) {
    if (u.t_offset_s !== null && u.t_offset_s !== undefined) return "+" + duration(u.t_offset_s);
    const t = new Date(u.occurred_at);
    return Number.isNaN(t.getTime()) ? "" : t.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function itemNode(u) {
    return el("li", { "data-seq": String(u.seq) }, [
      el("div", {}, [
        el("span", { class: "when", text: when(u) }),
        el("span", { class: "what", text: u.milestone_label || u.milestone }),
      ]),
      el("p", { class: "text", text: u.text }),
    ]);
  }

  function renderTimeline() {
    const nodes = Array.from(items.values()).reverse().map(itemNode);
    $("timeline").replaceChildren(...nodes);
    $("empty").hidden = items.size > 0 || closed !== null;
  }

  function setClosed(kind) {
    closed = kind;
    if (kind) {
      setState(kind, "");
      notice(kind === "withdrawn" ?
        "This broadcast was withdrawn. Nothing from it is shown any more." :
        "This procedure has ended. Every update it had is below.");
    }
    $("elapsed-wrap").hidden = kind === "withdrawn";
    renderTimeline();
    renderHeader();
  }

  function phases() {
    if (template) {
      const seen = [];
      for (const m of template.milestones) if (m.phase && !seen.includes(m.phase)) seen.push(m.phase);
      if (seen.length) return seen;
    }
    return (summary && summary.phases) || [];
  }

  function currentPhase() {
    const order = phases();
    let best = -1;
    for (const u of items.values()) best = Math.max(best, order.indexOf(u.phase));
    if (best < 0 && summary && summary.phase) best = order.indexOf(summary.phase);
    return best;
  }

  function renderHeader() {
    if (!summary) return;
    $("title").textContent = summary.procedure_name || summary.procedure || "Live procedure";
    document.title = $("title").textContent + " · ORcast";
    $("viewers").textContent = summary.viewers === undefined ? "" :
      summary.viewers + (summary.viewers === 1 ? " viewer" : " viewers");
    const order = phases();
    const at = currentPhase();
    $("phases").replaceChildren(...order.map((p, i) => el("li", {
      class: i < at ? "done" : (i === at ? "current" : "todo"),
      "aria-current": i === at ? "step" : "false",
      text: phaseLabel(p),
    })));
    $("progress").max = Math.max(order.length, 1);
    $("progress").value = at + 1;
    if (template) {
      const ids = new Set(template.milestones.map((m) => m.id));
      const done = new Set(Array.from(items.values()).map((u) => u.milestone).filter((m) => ids.has(m)));
      $("milestones").textContent = done.size + " of " + ids.size + " milestones";
    }
    tick();
  }

  function tick() {
    if (closed === "withdrawn" || !summary || !summary.started_at) return;
    const end = summary.ended_at ? Date.parse(summary.ended_at) / 1000
      : Date.now() / 1000 + clockOffset;
    $("elapsed").textContent = duration(end - Date.parse(summary.started_at) / 1000);
  }

  function withdraw(seq) {
    items.delete(seq);
  }

  function onSnapshot(s) {
    summary = s;
    clockOffset = s.now - Date.now() / 1000;
    for (const seq of Array.from(items.keys())) {
      if (seq <= s.retracted_through || s.retracted.includes(seq)) withdraw(seq);
    }
    for (const u of s.updates) {
      if (u.seq > last) items.set(u.seq, u);
    }
    last = Math.max(last, s.last_seq);
    items = new Map(Array.from(items.entries()).sort((a, b) => a[0] - b[0]));
    save();
    if (s.status === "revoked") {
      setClosed("withdrawn");
    } else if (s.status === "ended") {
      setClosed("ended");
    } else if (closed !== "withdrawn" || s.updates.length) {
      closed = null;
      $("elapsed-wrap").hidden = false;
      notice(s.covered ? "" : "Some earlier updates are no longer available; the timeline " +
        "continues from update #" + s.first_seq + ".");
      renderTimeline();
      renderHeader();
    }
    if (template === null) loadTemplate(s.procedure);
  }

  function onUpdate(u) {
    if (u.seq <= last) return; // already shown: never twice
    last = u.seq;
    items.set(u.seq, u);
    save();
    const list = $("timeline");
    list.insertBefore(itemNode(u), list.firstChild);
    $("empty").hidden = true;
    renderHeader();
  }

  function onRetract(r) {
    if (r.all) {
      for (const seq of Array.from(items.keys())) {
        if (r.through === undefined || seq <= r.through) withdraw(seq);
      }
    } else {
      withdraw(r.seq);
    }
    save();
    if (r.all) { setClosed("withdrawn"); return; } // only a withdrawn consent retracts all
    renderTimeline();
    renderHeader();
  }

  // The live list changes when a broadcast starts, ends or is withdrawn; when ours changed,
  // subscribe again for a snapshot that says how it stands now (once per change).
  function onList(frame) {
    const mine = (frame.cases || []).find((c) => c.broadcast_id === broadcastId);
    const now = mine ? mine.status : "";
    if (listed !== undefined && now !== listed) subscribe(socket);
    listed = now;
    if (!mine && summary && summary.status === "active" && !closed) setClosed("withdrawn");
  }

  function onError(e) {
    if (e.code === "unknown_broadcast" || e.code === "not_ready") {
      setState(e.code === "not_ready" ? "connecting" : "gone", e.message);
      notice(e.code === "not_ready" ? "Loading…" :
        "This broadcast is not available (yet). Retrying…");
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => subscribe(socket), 5000);
    }
  }

  function subscribe(s) {
    s.send({ type: "subscribe", broadcast_id: broadcastId, after_seq: last });
  }

  function opened(s) {
    listed = undefined;
    subscribe(s);
    s.send({ type: "list" });
  }

  async function loadTemplate(procedure) {
    template = undefined; // at most one attempt per page
    try {
      const { body } = await window.ORcast.api("GET", "/api/v1/procedures");
      template = (body.procedures || []).find((p) => p.id === procedure) || undefined;
      renderHeader();
    } catch (e) { /* the phase list from the snapshot is enough */ }
  }

  socket = new LiveSocket({
    open: opened,
    frame: (frame) => {
      if (frame.broadcast_id !== undefined && frame.broadcast_id !== broadcastId) return;
      if (frame.type === "snapshot") onSnapshot(frame);
      else if (frame.type === "update") onUpdate(frame);
      else if (frame.type === "retract") onRetract(frame);
      else if (frame.type === "cases") onList(frame);
      else if (frame.type === "error") onError(frame);
    },
    // A closed broadcast keeps saying so while the socket stays connected.
    state: (name, detail) => setState(closed && name === "live" ? closed : name, detail),
  });

  window.ORcast.signedIn(null, "A live procedure").then((who) => {
    if (!who) return;
    window.ViewerJoinLinks.start(who);
    load();
    renderTimeline();
    setInterval(tick, 1000);
    socket.start();
  });
})();
