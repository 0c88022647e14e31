// The page a join link opens: /join#<secret>. The secret stays in the fragment, which the
// browser never sends, so it reaches no server or proxy log; this script takes it out of
// the address bar and history, trades it for a guest session (an HttpOnly cookie), and
// goes on to the broadcast.
"use strict";

(function () {
  const status = document.getElementById("join-status");
  const signin = document.getElementById("join-signin");

  function stop(text) {
    status.textContent = text;
    signin.hidden = false;
  }

  const secret = window.location.hash.replace(/^#/, "");
  // Drop the secret from the address bar and this history entry at once.
  window.history.replaceState(null, "", window.location.pathname);
  if (!secret) {
    stop("This page opens a join link, and there is none here. Scan the QR code or open " +
         "the link your instructor shared again.");
    return;
  }
  // Kept for this tab only: the live page renews the guest's minutes-long session by
  // opening the link again (orcast.js); sign-out forgets it.
  try { sessionStorage.setItem("orcast.join.secret", secret); } catch (e) { /* no renewal */ }
  // A link made a moment ago on another viewer instance may not be known here yet (404),
  // and a restarting one answers 503: a few tries before giving up.
  function attempt(triesLeft) {
    return fetch("/api/v1/join", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ secret: secret }),
    }).then(async (response) => {
      if ((response.status === 404 || response.status === 503) && triesLeft > 0) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return attempt(triesLeft - 1);
      }
      return response;
    });
  }

  attempt(3).then(async (response) => {
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (response.ok && body && body.location) {
      window.location.replace(body.location);
      return;
    }
    const message = body && body.error && body.error.message;
    if (response.status === 410 || response.status === 404) {
      stop(message || "This join link has ended. Ask your instructor for a new one.");
    } else if (body && body.error && body.error.code === "join_links_off") {
      stop("Join links are off here: sign in with your school account to watch.");
    } else {
      stop((message || "The link could not be opened") + " (" + response.status + "). " +
           "Try again in a moment.");
    }
  }, () => stop("ORcast is not reachable. Check the connection and try again."));
})();
