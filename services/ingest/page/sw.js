// Tablet service worker: keeps the page itself (HTML, scripts, styles) available when the
// operating-room Wi-Fi drops, so a reload still opens the page and its offline queue.
// Network first, cache as fallback; API calls are never intercepted or cached.
"use strict";
const CACHE = "orcast-tablet-shell-v3";
const SHELL = [
  "/tablet",
  "/assets/common/orcast.js",
  "/assets/common/orcast.css",
  "/assets/ingest/tablet.css",
  "/assets/ingest/outbox.js",
  "/assets/ingest/statusfeed.js",
  "/assets/ingest/history.js",
  "/assets/ingest/strip.js",
  "/assets/ingest/reminder.js",
  "/assets/ingest/lock.js",
  "/assets/ingest/tablet.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin ||
      !SHELL.includes(url.pathname)) {
    return;
  }
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)));
    }
    return response;
  }).catch(() => caches.match(url.pathname).then((hit) => hit || Response.error())));
});
