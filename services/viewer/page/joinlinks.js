// The instructor's join links on /live/<broadcast id> (approver or admin): make a link and
// QR code a lecture hall can scan, see the open ones, revoke one. The panel stays hidden
// for everyone the list refuses (students, guests, sign-in roles without the right).
// Server text only through textContent; the QR code is the server's SVG as an image.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const broadcastId = decodeURIComponent(window.location.pathname.split("/")[2] || "");
  const panel = $("join-links");
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
      panel.hidden = true; // not an instructor (or not signed in): nothing to show
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

  refresh();
})();
