// The instructor's join links on /live/<broadcast id> (approver or admin): make a link and
// QR code a lecture hall can scan, see the open ones, revoke one. case.js calls
// ViewerJoinLinks.start(who) once it knows who is signed in: only the roles that may
// manage join links ask for them (the server's INSTRUCTORS, services/viewer/api.py), so a
// student's or guest's page makes no request the server would refuse. Loaded before
// case.js, so it is there when the sign-in answers.
// Server text only through textContent; the QR code is the server's SVG as an image.
(function () {
  "use strict";
  const INSTRUCTORS = ["approver", "admin"];
  const $ = (id) => document.getElementById(id);
  const broadcastId = decodeURIComponent(window.location.pathname.split("/")[2] || "");
  const panel = $("join-links");
  window.ViewerJoinLinks = { start: () => {} };
  if (!panel || !broadcastId || !window.ORcast) return;
  const api = window.ORcast.api;
  const base = "/api/v1/join-links";

  function say(text) {
    $("join-error").textContent = text || "";
    $("join-error").hidden = !text;
  }

  function until(unix) {
    return new Date(unix * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function row(link) {
    const li = document.createElement("li");
    li.dataset.link = link.id;
    const text = document.createElement("span");
    text.textContent = "Open until " + until(link.expires_at) + " · made by " +
      link.created_by.sub + " ";
    const revoke = document.createElement("button");
    revoke.type = "button";
    revoke.className = "join-revoke";
    revoke.textContent = "Revoke";
    revoke.addEventListener("click", async () => {
      revoke.disabled = true;
      try {
        await api("DELETE", base + "/" + encodeURIComponent(link.id));
        if ($("join-made").dataset.link === link.id) $("join-made").hidden = true;
        await refresh();
      } catch (err) {
        revoke.disabled = false;
        say("Could not revoke the link: " + err.message);
      }
    });
    li.append(text, revoke);
    return li;
  }

  async function refresh() {
    let answer;
    try {
      answer = await api("GET", base + "?broadcast_id=" + encodeURIComponent(broadcastId));
    } catch (err) {
      panel.hidden = true; // refused after all (the sign-in ended): nothing to show
      return;
    }
    panel.hidden = false;
    const allowed = answer.body.allowed;
    $("join-form").hidden = !allowed;
    $("join-off").hidden = allowed;
    const list = $("join-list");
    list.replaceChildren(...answer.body.join_links.map(row));
    $("join-none").hidden = answer.body.join_links.length > 0;
  }

  $("join-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    say("");
    const minutes = parseInt($("join-minutes").value, 10);
    try {
      const { body } = await api("POST", base, { broadcast_id: broadcastId, minutes: minutes });
      const made = $("join-made");
      made.dataset.link = body.id;
      $("join-url").textContent = body.url;
      $("join-url").href = body.url;
      $("join-qr").src = "data:image/svg+xml;base64," + btoa(body.qr_svg);
      made.hidden = false;
      await refresh();
    } catch (err) {
      say("Could not make a join link: " + err.message);
    }
  });

  window.ViewerJoinLinks.start = (who) => {
    if (who && INSTRUCTORS.includes(who.role)) refresh();
  };
})();
