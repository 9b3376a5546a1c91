// boot.js: msgcompare's loader. The server serves it as /app.js, in place
// of go-app's, after a line that defines goappBoot: go-app's environment,
// the wasm's URL, the compile worker's URL and the service worker's.
//
// The prerendered page is the whole comparison and works as plain HTML
// forms and links, so nothing here runs at load but a few listeners:
//   - the WebAssembly app starts on the reader's first intent (pointerdown,
//     touchstart, keydown or focusin, docs/contract.md §6); the module is
//     compiled in a Worker, so the page stays responsive while it compiles;
//   - until the app runs, a changed control submits its GET form (the
//     server's page cache or the service worker answers at once), a typed
//     search goes into the address, and the app takes over from the URL;
//   - full pages register the service worker when the browser is idle
//     after load (it caches the wasm in its own thread, for offline use);
//     the widget registers it only once the reader acts, and fetches
//     nothing before;
//   - in the widget, the height goes to the host page (msgcompare:resize)
//     from the first paint, not only once the app runs;
//   - the wasm holds the English texts; with it, start() fetches the pack
//     of the page's language (msgcompareFetchLang), which the app reads
//     before its first render;
//   - the wasm holds the facts' values and dates, not their notes and
//     sources: those come in the evidence pack (msgcompareFetchEvidence),
//     which start() fetches with the wasm when the page shows evidence
//     (a messenger's page, the side-by-side table); elsewhere the app
//     asks for it once idle (the comparison) or when a reader first
//     opens a fact (the widget).
// If the app cannot load (offline without a cache, a CSP without
// wasm-unsafe-eval), a quiet notice says so and the forms keep working.
(() => {
  "use strict";
  const cfg = self.goappBoot;
  const root = document.documentElement;
  const embedded = !!document.querySelector(".page.embed");

  // What go-app's WebAssembly side expects of its loader.
  self.goappNav = () => {};
  self.goappOnUpdate = () => {};
  self.goappOnAppInstallChange = () => {};
  self.goappGetenv = (k) => cfg.env[k];
  self.goappIsAppInstalled = () =>
    matchMedia("(display-mode: standalone)").matches || !!navigator.standalone;
  self.goappIsAppInstallable = () => false;
  self.goappKeepBodyClean = () => () => {};

  const ready = () => root.dataset.wasm === "ready";
  root.dataset.wasm = "idle";

  const whenIdle = (f) => {
    const later = () =>
      self.requestIdleCallback ? requestIdleCallback(f, { timeout: 5000 }) : setTimeout(f, 1000);
    if (document.readyState === "complete") later();
    else addEventListener("load", later, { once: true });
  };

  let registered = false;
  const registerWorker = () => {
    if (registered || !("serviceWorker" in navigator)) return;
    registered = true;
    try {
      navigator.serviceWorker.register(cfg.sw).catch(() => {});
    } catch (_) {
      // Sandboxed frames and some private modes refuse service workers.
    }
  };
  if (!embedded) whenIdle(registerWorker);

  // The theme the reader chose with the switch (a link with
  // data-theme-choice), remembered where storage is allowed: a page opened
  // without a theme in its address gets it there, before the app reads the
  // address, and on the page at once. The widget keeps its host's theme=.
  const themeKey = "msgcompare:theme";
  if (!embedded) {
    document.addEventListener(
      "click",
      (e) => {
        const a = e.target && e.target.closest && e.target.closest("a[data-theme-choice]");
        if (!a) return;
        try {
          localStorage.setItem(themeKey, a.dataset.themeChoice);
        } catch (_) {}
      },
      true
    );
    try {
      const saved = localStorage.getItem(themeKey);
      const u = new URL(location.href);
      if (/^(light|dark|contrast)$/.test(saved || "") && !u.searchParams.has("theme")) {
        u.searchParams.set("theme", saved);
        history.replaceState(history.state, "", u);
        for (const p of document.querySelectorAll(".page[data-theme]")) p.dataset.theme = saved;
        const sw = document.querySelector(".theme-switch");
        const was = sw && sw.querySelector("a[aria-current]");
        const now = sw && sw.querySelector('a[data-theme-choice="' + saved + '"]');
        if (was && now) {
          sw.querySelector(".theme-name").textContent = now.textContent;
          was.removeAttribute("aria-current");
          now.setAttribute("aria-current", "page");
        }
      }
    } catch (_) {}
  }

  // Where the reader was, across the navigation a form makes before the
  // app runs: the changed control gets its focus back, the page its scroll.
  const spotKey = "msgcompare:spot";
  const remember = (el) => {
    try {
      sessionStorage.setItem(spotKey, JSON.stringify({ id: el.id, y: scrollY }));
    } catch (_) {}
  };
  try {
    const spot = JSON.parse(sessionStorage.getItem(spotKey) || "null");
    sessionStorage.removeItem(spotKey);
    if (spot) {
      scrollTo(0, spot.y);
      const el = spot.id && document.getElementById(spot.id);
      if (el) el.focus({ preventScroll: true });
    }
  } catch (_) {}

  let leaving = false; // a changed control is loading its form's page
  // Back from that page, the browser may show this one again as it was
  // left (the back-forward cache): it is no longer being left.
  addEventListener("pageshow", (e) => {
    if (e.persisted) leaving = false;
  });
  document.addEventListener(
    "change",
    (e) => {
      const el = e.target;
      const form = el && el.form;
      if (ready() || !form || form.method !== "get") return;
      leaving = true;
      remember(el);
      // A form may name a fragment to land on without scripts (the
      // guide's one-line answer); here the reader's own spot comes back.
      const to = new URL(form.action);
      if (to.hash) {
        to.hash = "";
        form.action = to.href;
      }
      if (form.requestSubmit) form.requestSubmit();
      else form.submit();
    },
    true
  );
  document.addEventListener(
    "input",
    (e) => {
      const el = e.target;
      if (ready() || !el || el.type !== "search" || !el.name) return;
      const u = new URL(location.href);
      if (el.value.trim()) u.searchParams.set(el.name, el.value);
      else u.searchParams.delete(el.name);
      history.replaceState(history.state, "", u);
    },
    true
  );

  // WordPress frames an embed with "#?secret=…" in its address and sizes
  // it from {secret, message: "height"} posts (wp-embed.js); it opens a
  // link in the top window on {secret, message: "link"}.
  const secret = embedded ? (/[#?&]secret=([A-Za-z0-9]{1,64})/.exec(location.hash) || [])[1] : "";

  // The widget's height, for embed.js (or wp-embed.js) on the host page.
  if (embedded && parent !== self) {
    let last = -1;
    const post = (force) => {
      const h = Math.ceil(document.body.getBoundingClientRect().height);
      if (h === last && !force) return;
      last = h;
      parent.postMessage({ type: "msgcompare:resize", height: h }, "*");
      if (secret) parent.postMessage({ secret, message: "height", value: h }, "*");
    };
    if (self.ResizeObserver) new ResizeObserver(() => post(false)).observe(document.body);
    addEventListener("message", (e) => {
      const d = e.data;
      if (e.source !== parent || !d) return;
      if (d.type === "msgcompare:hello") {
        post(true);
        if (ready()) parent.postMessage({ type: "msgcompare:ready" }, "*");
      } else if (secret && d.message === "ready" && d.secret === secret) {
        post(true);
      }
    });
    post(true);
  }

  // The builder is a page of the server's (the app never runs on it): its
  // preview is sized from the widget's messages here, its button copies
  // the snippet (or selects it where the clipboard is refused), and where
  // the server does not know its public address (a hint says so), the
  // snippets get this page's own.
  const snippet = document.getElementById("snippet");
  const copy = document.getElementById("copy");
  if (snippet && copy) {
    const hint = document.getElementById("snippet-host");
    if (hint) {
      for (const box of document.querySelectorAll("textarea.snippet")) {
        box.value = box.value.replace(/(^|src=")\//gm, "$1" + location.origin + "/");
      }
      hint.hidden = true;
    }
    copy.addEventListener("click", () => {
      const said = () => (copy.nextElementSibling.textContent = copy.dataset.copied || "");
      const select = () => {
        snippet.focus();
        snippet.select();
        said();
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(snippet.value).then(said, select);
      else select();
    });
  }
  if (!embedded) {
    addEventListener("message", (e) => {
      const f = document.querySelector("iframe.preview[data-msgcompare]");
      const d = e.data;
      if (!f || e.source !== f.contentWindow || !d || d.type !== "msgcompare:resize") return;
      if (typeof d.height === "number" && d.height > 0 && d.height < 1e5) f.style.height = Math.ceil(d.height) + "px";
    });
  }

  // No link may turn the frame into an error page: only the widget's own
  // address may be framed. A link within the widget (a fact opened in
  // it, "show all") stays in the frame, with WordPress's secret; any
  // other opens in a new tab, through WordPress where it hosts the frame,
  // and where the host's sandbox allows no new tab, the address shows to
  // copy. Before and after the app runs alike.
  if (embedded) {
    const leave = (href) => {
      if (secret && new URL(href).host === location.host) {
        parent.postMessage({ secret, message: "link", value: href }, "*");
        return;
      }
      let w = null;
      try {
        w = open(href, "_blank");
      } catch (_) {}
      if (w) {
        try {
          w.opener = null;
        } catch (_) {}
        return;
      }
      // After the app's tree, which go-app mounts in place of the body's
      // first element.
      let n = document.getElementById("link-blocked");
      if (!n) {
        const page = document.querySelector(".page.embed");
        n = document.createElement("div");
        n.id = "link-blocked";
        n.className = "link-blocked";
        n.setAttribute("role", "status");
        n.lang = root.lang;
        n.dir = root.dir || "auto";
        n.append(document.createElement("p"), document.createElement("p"));
        n.firstChild.textContent = (page && page.dataset.linkBlocked) || "";
        const code = document.createElement("code");
        code.dir = "ltr";
        n.lastChild.append(code);
        document.body.append(n);
      }
      n.querySelector("code").textContent = href;
      n.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener(
      "click",
      (e) => {
        const a = e.target && e.target.closest && e.target.closest("a[href]");
        if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        const u = new URL(a.href, location.href);
        if (u.origin === location.origin && u.pathname === location.pathname) {
          if (secret && u.search !== location.search) a.hash = "?secret=" + secret;
          return;
        }
        e.preventDefault();
        leave(u.href);
      },
      true
    );
    if (secret) {
      document.addEventListener(
        "submit",
        (e) => {
          const f = e.target;
          if (f && f.method === "get") f.action = f.action.split("#")[0] + "#?secret=" + secret;
        },
        true
      );
    }
  }

  // The host's accent colour (accent=), which the page carries as data:
  // the policy allows no inline style. It colours the widget's links only
  // where they keep a contrast of 4.5 with its background.
  const accent = () => {
    const page = document.querySelector(".page.embed[data-accent]");
    if (!page) return;
    const hex = page.dataset.accent;
    if (!/^#[0-9a-f]{6}$/.test(hex)) return;
    root.style.setProperty("--host-accent", hex);
    const lum = (rgb) =>
      rgb
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)))
        .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
    const bg = (getComputedStyle(page).backgroundColor.match(/[\d.]+/g) || []).map(Number);
    if (bg.length < 3 || bg[3] === 0) return; // a transparent background: the host's is unknown
    const a = lum([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const b = lum(bg.slice(0, 3));
    if ((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 4.5) root.style.setProperty("--host-link", hex);
  };
  if (embedded) accent();

  // compile fetches and compiles the module in a Worker where the page may
  // start one (a sandboxed frame may not: its origin is opaque), else here.
  const compile = async () => {
    if (self.Worker) {
      try {
        return await new Promise((resolve, reject) => {
          const w = new Worker(cfg.worker);
          w.onmessage = (e) => {
            w.terminate();
            if (e.data && e.data.module) resolve(e.data.module);
            else reject(new Error((e.data && e.data.error) || "compile failed"));
          };
          w.onerror = (e) => {
            w.terminate();
            e.preventDefault();
            reject(new Error("compile worker failed"));
          };
          w.postMessage({ wasm: new URL(cfg.wasm, location.href).href });
        });
      } catch (_) {
        // Fall through: compile on this thread.
      }
    }
    const res = await fetch(cfg.wasm);
    if (!res.ok) throw new Error("wasm: HTTP " + res.status);
    return WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(res)
      : WebAssembly.compile(await res.arrayBuffer());
  };

  // keepFocus gives the focus back to the element the reader was in, and
  // the disclosures the reader opened their state: go-app replaces the
  // prerendered nodes when it mounts.
  const opened = new Set();
  document.addEventListener(
    "toggle",
    (e) => {
      const d = e.target;
      if (d.id && d.tagName === "DETAILS") d.open ? opened.add(d.id) : opened.delete(d.id);
    },
    true
  );
  const keepFocus = () => {
    const reopen = new MutationObserver(() => {
      if (!ready()) return;
      reopen.disconnect();
      for (const id of opened) {
        const d = document.getElementById(id);
        if (d) d.open = true;
      }
    });
    reopen.observe(root, { attributes: true, attributeFilter: ["data-wasm"] });
    const a = document.activeElement;
    if (!a || !a.id || a === document.body) return;
    const id = a.id;
    const sel = typeof a.selectionStart === "number" ? [a.selectionStart, a.selectionEnd] : null;
    const mo = new MutationObserver(() => {
      if (!ready()) return;
      mo.disconnect();
      const el = document.getElementById(id);
      if (!el || document.activeElement === el) return;
      el.focus({ preventScroll: true });
      if (sel && el.setSelectionRange) el.setSelectionRange(sel[0], sel[1]);
    });
    mo.observe(root, { attributes: true, attributeFilter: ["data-wasm"] });
  };

  // The texts of a language other than English come in a pack of their
  // own (cfg.langs: code to versioned URL); the app asks for the one it
  // starts in, which start() has already requested for the page's language.
  const packs = {};
  self.msgcompareFetchLang = (code) =>
    packs[code] ||
    (packs[code] = cfg.langs && cfg.langs[code]
      ? fetch(cfg.langs[code]).then((res) => {
          if (!res.ok) throw refused("language " + code, res);
          return res.arrayBuffer();
        })
      : Promise.reject(new Error("no pack of language " + code)));

  // A pack the site answered with an error status: the error carries the
  // status, so that the app tells a refusal (reload: the site may have
  // been updated) from a missing connection.
  const refused = (what, res) => Object.assign(new Error(what + ": HTTP " + res.status), { status: res.status });

  // The evidence pack (cfg.evidence), fetched once per page; after a
  // failure (offline without the cache), the next ask tries again.
  let evidence = null;
  self.msgcompareFetchEvidence = () => {
    if (!evidence) {
      evidence = fetch(cfg.evidence).then((res) => {
        if (!res.ok) throw refused("evidence", res);
        return res.arrayBuffer();
      });
      evidence.catch(() => (evidence = null));
    }
    return evidence;
  };

  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    intents.forEach((t) => removeEventListener(t, intent, true));
    root.dataset.wasm = "loading";
    if (embedded) registerWorker();
    // Marks for the benchmarks (docs/benchmarks.md): intent to compiled to
    // instantiated; the app marks "msgcompare:ready".
    const mark = (m) => self.performance && performance.mark && performance.mark("msgcompare:" + m);
    try {
      mark("intent");
      if (cfg.langs && cfg.langs[root.lang]) self.msgcompareFetchLang(root.lang).catch(() => {});
      if (document.querySelector(".fact-body")) self.msgcompareFetchEvidence().catch(() => {});
      const module = await compile();
      mark("compiled");
      const go = new Go();
      const instance = await WebAssembly.instantiate(module, go.importObject);
      mark("instantiated");
      keepFocus();
      go.run(instance);
    } catch (err) {
      root.dataset.wasm = "failed";
      const n = document.getElementById("boot-failed");
      if (n) n.hidden = false;
      console.warn("msgcompare: the interactive version did not load; the page works as plain forms.", err);
    }
  };

  // An intent on a control of a form is often a tap that changes it, and
  // the change loads the filtered page (above): the app would compete with
  // that page for the reader's CPU and be thrown away with this one. There
  // the app starts a moment later, if the page stays.
  const intents = ["pointerdown", "touchstart", "keydown", "focusin"];
  const intent = (e) => {
    const t = e.target;
    if (!t || !t.closest || !t.closest('form[method="get"] :is(input, select, label)')) return start();
    setTimeout(() => leaving || start(), 250);
  };
  if (document.querySelector('[data-static="server"]')) {
    // A page only the server renders (the about page, the builder): the
    // app has no code for it, so it never starts here.
  } else if (root.hasAttribute("data-cached-view")) {
    // Offline, the service worker answered with the page cached for
    // another address or view (even a static one, such as /changes
    // without its filter): the app renders the one asked for at once.
    start();
  } else if (!document.querySelector("[data-static]")) {
    intents.forEach((t) => addEventListener(t, intent, { capture: true, passive: true }));
    if (navigator.onLine === false) start();
  }
})();
