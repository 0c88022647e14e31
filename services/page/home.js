// The home page says who is signed in (GET /signin/session) and offers to sign out;
// the sign-out form carries the session's CSRF value from its readable cookie.
(function () {
  "use strict";
  function cookie(name) {
    const found = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }
  fetch("/signin/session", { cache: "no-store" })
    .then((r) => r.json())
    .then((who) => {
      if (!who.signed_in) return;
      document.getElementById("account").hidden = true;
      document.getElementById("who").textContent =
        "Signed in as " + (who.name || who.sub) + " (" + who.role + "). ";
      const page = document.createElement("a");
      page.href = who.page;
      page.id = "my-page";
      page.textContent = "Your page";
      const other = document.createElement("a");
      other.href = "/signin?switch=1";
      other.id = "switch-account";
      other.textContent = "Sign in as someone else";
      document.getElementById("who").append(page, " · ", other, " ");
      document.getElementById("csrf-token").value = cookie("orcast_csrf");
      document.getElementById("signout").hidden = false;
    })
    .catch(() => {});
})();
