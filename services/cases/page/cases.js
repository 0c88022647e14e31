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

  function errorText(err, doing) {
    return O.sayError(err, doing);
  }

  // What each field of POST /api/v1/cases needs, in words (the server's 422 names the field
  // by JSON Pointer; the page says what to do next to that field).
  const DOCUMENT_HELP = "Enter the signed form's reference, like consent/2026/0042.pdf: " +
    "letters, digits and . _ : / # - only, with no spaces and nothing about the patient " +
    "(no names, phone numbers, MRN or date of birth).";
  const FIELDS = {
    "/procedure": { input: "procedure", message: "Choose the procedure template." },
    "/patient/names/": { input: "names", message: "Enter the patient's name, one per " +
      "line (full name, nicknames, family names), each under 200 characters." },
    "/patient/names": { input: "names", message: "Enter the patient's name, one per line." },
    "/patient/mrn": { input: "mrn", message: "Enter the MRN as printed on the wristband " +
      "(up to 64 characters), or leave it empty." },
    "/patient/dob": { input: "dob", message: "Enter a real date of birth, or leave it empty." },
    "/consent/scope": { input: "scope-students", message: "Tick at least one audience the " +
      "patient agreed to." },
    "/consent/valid_from": { input: "valid-from", message: "Enter when the consent starts " +
      "(date and time), or leave it empty for now." },
    "/consent/valid_until": { input: "valid-until", message: "Enter when the consent ends: " +
      "a date and time in the future, after \u201cvalid from\u201d." },
    "/consent/document_ref": { input: "document", message: DOCUMENT_HELP },
    "/coordinators": { input: "coordinators", message: "Enter each coordinator's sign-in id " +
      "on its own line (staff ids only, never patient details)." },
    "/coordinators/": { input: "coordinators", message: "Enter each coordinator's sign-in " +
      "id on its own line, each under 256 characters." },
  };

  // Required fields checked before anything is sent.
  function missing(body) {
    const found = [];
    if (!body.procedure) found.push({ pointer: "/procedure" });
    if (!body.patient.names.length) found.push({ pointer: "/patient/names" });
    if (!body.consent.scope.length) found.push({ pointer: "/consent/scope" });
    if (!body.consent.valid_until) found.push({ pointer: "/consent/valid_until" });
    if (!body.consent.document_ref) found.push({ pointer: "/consent/document_ref" });
    return found;
  }

  const REVOKE_REASONS = [
    ["patient_withdrew", "The patient withdrew consent"],
    ["consent_form_error", "The consent form is wrong or incomplete"],
    ["wrong_patient", "Registered for the wrong patient"],
    ["clinical", "Clinical reasons (for example a complication)"],
    ["other", "Another reason (kept on paper)"],
  ];
  const REVOKE_LABEL = Object.fromEntries(REVOKE_REASONS.concat([["not_given", "no reason given"]]));

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

  async function act(caseId, change, label, body) {
    try {
      await O.api("POST", "/api/v1/cases/" + encodeURIComponent(caseId) + "/" + change, body);
      say(label, "ok");
    } catch (err) {
      say(errorText(err, "Not done"), "error");
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
      say(errorText(err, "The consent could not be shown"), "error");
    }
  }

  function revoke(c) {
    const select = document.getElementById("revoke-reason");
    const form = select.closest("td");
    O.clearFieldErrors(form);
    if (!select.value) {
      O.fieldError("revoke-reason", "Choose why consent is being revoked: it is kept in " +
        "the audit log.");
      select.focus();
      return;
    }
    act(c.case_id, "revoke", "Consent revoked: nothing more goes out; everything out is " +
      "being retracted.", { reason: select.value });
  }

  // Ending cannot be undone (an ended case never restarts), so one tap only asks; the
  // answer is in the page, touch-sized, like the tablet's "Send it again?".
  let ending = null;  // the case waiting for "End broadcast"

  function askEnd(c) {
    ending = c;
    $("end-confirm-text").textContent = "End the broadcast " + c.broadcast_id + " (" +
      (c.procedure_name || c.procedure) + ")? Students stop receiving updates and the OR " +
      "tablet can send no more. An ended broadcast cannot be started again.";
    $("end-confirm").hidden = false;
    $("end-cancel").focus();
  }

  function closeEnd() {
    const open = ending;
    ending = null;
    $("end-confirm").hidden = true;
    if (open) {  // back to the End button the question came from
      const button = document.querySelector('#cases tr[data-case="' + CSS.escape(open.case_id) +
        '"] [data-action="end"]');
      if (button) button.focus();
    }
  }

  $("end-cancel").addEventListener("click", closeEnd);
  $("end-send").addEventListener("click", () => {
    const c = ending;
    closeEnd();
    if (c) act(c.case_id, "end", "Broadcast " + c.broadcast_id + " ended.");
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && ending) closeEnd();
  });

  function actions(c) {
    const buttons = [];
    if (c.status === "registered") {
      buttons.push(O.el("button", { type: "button", onclick: () => act(c.case_id, "start", "Case started.") }, ["Start"]));
    }
    if (c.status === "registered" || c.status === "active") {
      buttons.push(O.el("button", { type: "button", "data-action": "end",
        onclick: () => askEnd(c) }, ["End"]));
    }
    if (c.consent.status !== "revoked") {
      if (armed === c.case_id) {
        buttons.push(O.el("label", { for: "revoke-reason", class: "reason-label",
          text: "Why is consent revoked?" }));
        buttons.push(O.el("select", { id: "revoke-reason", "data-action": "revoke-reason" },
          [O.el("option", { value: "", text: "Choose a reason…" })].concat(REVOKE_REASONS.map(
            ([code, label]) => O.el("option", { value: code, text: label })))));
        buttons.push(O.el("button", { type: "button", class: "confirm", "data-action": "confirm-revoke",
          onclick: () => revoke(c) },
          ["Confirm: revoke and retract everything"]));
        buttons.push(O.el("button", { type: "button", onclick: () => { armed = null; render(lastCases); } }, ["Cancel"]));
      } else {
        buttons.push(O.el("button", { type: "button", class: "kill", "data-action": "revoke",
          onclick: () => { armed = c.case_id; render(lastCases); } }, ["Revoke consent"]));
      }
    }
    buttons.push(O.el("button", { type: "button", onclick: () => showFhir(c.case_id) }, ["FHIR"]));
    const who = O.current();
    if (who && who.role === "compliance") {
      buttons.push(O.el("a", { class: "timeline-link", href: "/compliance?case=" +
        encodeURIComponent(c.broadcast_id), text: "Audit timeline" }));
    }
    return buttons;
  }

  let lastCases = [];
  let drawn = null;  // what the table shows: a poll that brings nothing new draws nothing
  function render(cases) {
    lastCases = cases;
    drawn = JSON.stringify([armed, cases]);
    const cell = (label, attrs, children) => O.el("td", { "data-label": label, ...attrs },
      children);
    const rows = cases.map((c) => O.el("tr", { "data-case": c.case_id, "data-broadcast": c.broadcast_id }, [
      cell("Procedure", { text: c.procedure_name || c.procedure }),
      cell("Broadcast", { text: c.broadcast_id }),
      cell("Status", { class: "status", text: c.status }),
      cell("Consent", { class: "consent consent-" + c.consent.status,
                        text: c.consent.status + " · " + c.consent.scope.join(" + ") +
                          (c.consent.revoke_reason ? " (" +
                            (REVOKE_LABEL[c.consent.revoke_reason] || c.consent.revoke_reason) +
                            ")" : "") }),
      cell("Valid until", { text: new Date(c.consent.valid_until).toLocaleString() }),
      cell("Recorded by", { text: (c.consent.recorded_by || "?") + " · " + c.consent.document_ref }),
      cell("Actions", { class: "actions" }, actions(c)),
    ]));
    $("cases").tBodies[0].replaceChildren(...rows);
    $("empty").hidden = cases.length > 0;
  }

  async function refresh() {
    if (signedOut) return;
    try {
      const res = await O.api("GET", "/api/v1/cases");
      // draw only what changed: drawing anew takes focus off the button a keyboard user
      // tabbed to, every poll
      if (JSON.stringify([armed, res.body.cases]) !== drawn) render(res.body.cases);
    } catch (err) {
      say(errorText(err, "The cases could not be loaded"), "error");
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
    const body = {
      procedure: $("procedure").value, patient: patient, consent: consent, start: $("start").checked,
      coordinators: coordinators,
    };
    const form = $("register");
    const empty = missing(body);
    if (empty.length) {
      O.showFieldErrors(form, { body: { error: { fields: empty } } }, FIELDS);
      say("Not registered yet: fill in the marked fields.", "error");
      return;
    }
    try {
      const res = await O.api("POST", "/api/v1/cases", body);
      O.clearFieldErrors(form);
      say("Registered: broadcast id " + res.body.broadcast_id + " (" + res.body.status + ").", "ok");
      $("names").value = ""; $("mrn").value = ""; $("dob").value = ""; $("coordinators").value = "";
      $("document").value = "";
    } catch (err) {
      const unplaced = O.showFieldErrors(form, err, FIELDS);
      say(err.status === 422 && !unplaced.length ?
        "Not registered: the marked fields need changing." : errorText(err, "Not registered"),
      "error");
    }
    await refresh();
  });

  let signedOut = true; // until the session says who is here (and that they may)
  O.onSessionEnded(() => { signedOut = true; });

  async function start() {
    if (!await O.signedIn(["admin", "compliance"], "The cases and consent page")) return;
    signedOut = false;
    $("valid-until").value = localInput(new Date(Date.now() + 12 * 3600 * 1000));
    try {
      await loadProcedures();
    } catch (err) {
      say(errorText(err, "The procedure templates could not be loaded"), "error");
    }
    await refresh();
  }

  start();
  setInterval(() => {
    if (!armed && !ending && !document.body.classList.contains("gated")) refresh();
  }, POLL_MS);
})();
