// Register cases with their signed consent, start/end them, revoke consent (the kill switch,
// armed by one click and fired by a second), and export the consent as FHIR R4.
(function () {
  "use strict";
  const O = window.ORcast;
  const POLL_MS = 3000;
  const $ = (id) => document.getElementById(id);
  let armed = null;  // case id whose kill switch is armed
  let fhirUrl = null;

  function say(text, kind) {
    $("status").textContent = text;
    $("status").dataset.kind = kind || "";
  }

  function errorText(err) {
    const detail = err.body && err.body.error;
    if (detail && detail.fields && detail.fields.length) {
      return detail.message + ": " + detail.fields.map((f) => f.pointer + " " + f.reason).join("; ");
    }
    return (detail && detail.message) || err.message || "request failed";
  }

  function toIso(local) {
    return local ? new Date(local).toISOString() : null;
  }

  function localInput(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
      "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  async function loadProcedures() {
    const res = await O.api("GET", "/api/v1/procedures");
    $("procedure").replaceChildren(...res.body.procedures.map(
      (p) => O.el("option", { value: p.id, text: p.name })));
  }

  async function act(caseId, change, label) {
    try {
      await O.api("POST", "/api/v1/cases/" + encodeURIComponent(caseId) + "/" + change);
      say(label, "ok");
    } catch (err) {
      say(errorText(err), "error");
    }
    armed = null;
    await refresh();
  }

  async function showFhir(caseId) {
    try {
      const res = await O.api("GET", "/api/v1/cases/" + encodeURIComponent(caseId) + "/consent.fhir");
      const text = JSON.stringify(res.body, null, 2);
      $("fhir").textContent = text;
      if (fhirUrl) URL.revokeObjectURL(fhirUrl);
      fhirUrl = URL.createObjectURL(new Blob([text], { type: "application/fhir+json" }));
      $("fhir-download").href = fhirUrl;
      $("fhir-download").download = "consent-" + caseId + ".json";
      $("fhir-panel").hidden = false;
      $("fhir-panel").scrollIntoView();
    } catch (err) {
      say(errorText(err), "error");
    }
  }

  function actions(c) {
    const buttons = [];
    if (c.status === "registered") {
      buttons.push(O.el("button", { type: "button", onclick: () => act(c.case_id, "start", "Case started.") }, ["Start"]));
    }
    if (c.status === "registered" || c.status === "active") {
      buttons.push(O.el("button", { type: "button", onclick: () => act(c.case_id, "end", "Case ended.") }, ["End"]));
    }
    if (c.consent.status !== "revoked") {
      if (armed === c.case_id) {
        buttons.push(O.el("button", { type: "button", class: "confirm", "data-action": "confirm-revoke",
          onclick: () => act(c.case_id, "revoke", "Consent revoked: nothing more goes out; everything out is being retracted.") },
          ["Confirm: revoke and retract everything"]));
        buttons.push(O.el("button", { type: "button", onclick: () => { armed = null; render(lastCases); } }, ["Cancel"]));
      } else {
        buttons.push(O.el("button", { type: "button", class: "kill", "data-action": "revoke",
          onclick: () => { armed = c.case_id; render(lastCases); } }, ["Revoke consent"]));
      }
    }
    buttons.push(O.el("button", { type: "button", onclick: () => showFhir(c.case_id) }, ["FHIR"]));
    return buttons;
  }

  let lastCases = [];
  function render(cases) {
    lastCases = cases;
    const rows = cases.map((c) => O.el("tr", { "data-case": c.case_id, "data-broadcast": c.broadcast_id }, [
      O.el("td", { text: c.procedure_name || c.procedure }),
      O.el("td", { text: c.broadcast_id }),
      O.el("td", { class: "status", text: c.status }),
      O.el("td", { class: "consent consent-" + c.consent.status,
                   text: c.consent.status + " · " + c.consent.scope.join(" + ") }),
      O.el("td", { text: new Date(c.consent.valid_until).toLocaleString() }),
      O.el("td", { text: (c.consent.recorded_by || "?") + " · " + c.consent.document_ref }),
      O.el("td", { class: "actions" }, actions(c)),
    ]));
    $("cases").tBodies[0].replaceChildren(...rows);
    $("empty").hidden = cases.length > 0;
  }

  async function refresh() {
    if (!O.token()) { $("signin").hidden = false; return; }
    try {
      const res = await O.api("GET", "/api/v1/cases");
      render(res.body.cases);
    } catch (err) {
      if (err.status === 401 || err.status === 403) $("signin").hidden = false;
      say(errorText(err), "error");
    }
  }

  $("register").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const scope = ["students", "public"].filter((s) => $("scope-" + s).checked);
    const names = $("names").value.split("\n").map((n) => n.trim()).filter(Boolean);
    const consent = { scope: scope, valid_until: toIso($("valid-until").value),
                      document_ref: $("document").value.trim() };
    if ($("valid-from").value) consent.valid_from = toIso($("valid-from").value);
    const patient = { names: names };
    if ($("mrn").value.trim()) patient.mrn = $("mrn").value.trim();
    if ($("dob").value) patient.dob = $("dob").value;
    const coordinators = Array.from(new Set(
      $("coordinators").value.split("\n").map((c) => c.trim()).filter(Boolean)));
    try {
      const res = await O.api("POST", "/api/v1/cases", {
        procedure: $("procedure").value, patient: patient, consent: consent, start: $("start").checked,
        coordinators: coordinators,
      });
      say("Registered: broadcast id " + res.body.broadcast_id + " (" + res.body.status + ").", "ok");
      $("names").value = ""; $("mrn").value = ""; $("dob").value = ""; $("coordinators").value = "";
    } catch (err) {
      say(errorText(err), "error");
    }
    await refresh();
  });

  $("signin").addEventListener("submit", (ev) => {
    ev.preventDefault();
    O.setToken($("token").value);
    $("signin").hidden = true;
    start();
  });

  async function start() {
    const claims = O.claims();
    $("who").textContent = claims ? "Signed in as " + claims.sub + " (" + claims.role + ")" : "";
    if (!O.token()) { $("signin").hidden = false; return; }
    $("valid-until").value = localInput(new Date(Date.now() + 12 * 3600 * 1000));
    try { await loadProcedures(); } catch (err) { say(errorText(err), "error"); }
    await refresh();
  }

  start();
  setInterval(() => { if (!armed) refresh(); }, POLL_MS);
})();
