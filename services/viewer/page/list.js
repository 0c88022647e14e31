// /live: the procedures being broadcast now, with phase, elapsed time and viewers.
// The server pushes a fresh `cases` frame whenever the list changes.
(function () {
  "use strict";
  const { el } = window.ORcast;
  const { LiveSocket, duration, phaseLabel } = window.ORcastLive;
  const list = document.getElementById("cases");
  const empty = document.getElementById("empty");
  const conn = document.getElementById("conn");
  let cases = [];
  let clockOffset = 0; // server time - local time, seconds

  function setState(name, detail) {
    conn.dataset.state = name;
    conn.textContent = {
      live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…",
      auth: "Sign-in needed", expired: "Session expired",
    }[name] || name;
    if ((name === "auth" || name === "expired") && detail) conn.title = String(detail);
  }

  function elapsed(c) {
    if (!c.started_at) return null;
    return Date.now() / 1000 + clockOffset - Date.parse(c.started_at) / 1000;
  }

  function render() {
    list.replaceChildren(...cases.map((c) => el("li", { "data-broadcast": c.broadcast_id }, [
      el("a", { href: "/live/" + encodeURIComponent(c.broadcast_id) }, [
        el("div", { class: "name", text: c.procedure_name || c.procedure }),
        el("div", { class: "facts" }, [
          el("span", { class: "phase", text: "Phase: " + phaseLabel(c.phase) }),
          el("span", { class: "elapsed", text: duration(elapsed(c)) + " elapsed" }),
          el("span", { class: "viewers", text: c.viewers + (c.viewers === 1 ? " viewer" : " viewers") }),
        ]),
      ]),
    ])));
    empty.hidden = cases.length > 0;
  }

  function tick() {
    for (const c of cases) {
      const node = list.querySelector('li[data-broadcast="' + CSS.escape(c.broadcast_id) + '"] .elapsed');
      if (node) node.textContent = duration(elapsed(c)) + " elapsed";
    }
  }

  const socket = new LiveSocket({
    open: (s) => s.send({ type: "list" }),
    frame: (frame) => {
      if (frame.type !== "cases") return;
      clockOffset = frame.now - Date.now() / 1000;
      cases = frame.cases;
      render();
    },
    state: setState,
  });

  window.ORcast.signedIn(null, "The live procedures").then((who) => {
    if (!who) return;
    setInterval(tick, 1000);
    socket.start();
  });
})();
