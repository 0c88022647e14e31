// The home page: the shell says who is signed in (GET /signin/session) and offers
// sign-out; signed out, it offers sign-in. Each page below asks for the role it needs.
(function () {
  "use strict";
  window.ORcast.signedIn(null, "ORcast", { optional: true }).then((who) => {
    document.getElementById("account").hidden = Boolean(who);
    if (!who) return;
    const mine = document.getElementById("my-page");
    mine.href = who.page;
    mine.hidden = false;
  });
})();
