// The service worker: the app works with no network after one visit. A template:
// scripts/offline.mjs (run after each release build) writes it into dist/ with the build's
// id and the list of its files, so each build has its own cache and a new worker is a new
// file (which is how the browser notices a new version).
//
// - install: every file of this build goes into the cache "am-planner-shell-<build>"; if any
//   fails, the install fails and the old version stays in charge, whole. What the page
//   already fetched is not downloaded again (HASHED, below).
// - the new worker then waits: the page shows "A new version is ready" and sends "activate"
//   when the user chooses to reload, so a page never runs new code with old code.
// - activate: the caches of other builds are dropped (never the practice content cache).
// - fetch: a page address answers with this build's index.html (the app routes itself);
//   a file of this build answers from its cache; anything else goes to the network.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const PREFIX = 'am-planner-shell-';
const CACHE = PREFIX + BUILD;

// A file under the build's module directory app-<hash>/ can only ever hold that content, so
// it is taken from the browser's HTTP cache when the page has just fetched it (the main
// module and its JavaScript, on a first visit): not downloaded a second time. Every other
// file (index.html, which carries the stylesheet and the theme script, the practice
// content, the icons) is fetched anew.
const HASHED = /^\/app-[0-9a-f]+\//;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'reload' })))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith(PREFIX) && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const page = FILES.includes(url.pathname) && url.pathname !== '/' ? url.pathname : '/index.html';
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match(page))
        .then((hit) => hit || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(url.pathname))
      .then((hit) => hit || fetch(request)),
  );
});
