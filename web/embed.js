// embed.js: the host-page helper for msgcompare widgets (docs/embedding.md).
//
// It sizes every iframe[data-msgcompare] from the widget's messages
// {type: "msgcompare:resize", height: N} and marks it with
// data-msgcompare-ready on {type: "msgcompare:ready"}. A message counts only
// when it comes from that iframe's own window and origin. The iframe is looked
// up when a message arrives, so widgets added or lazily loaded after this
// script still work. No network, no cookies, no storage; the only global is a
// guard against loading the script twice.
(() => {
  "use strict";
  const w = window;
  if (w.msgcompareEmbed) return;
  w.msgcompareEmbed = 1;

  // frameOf returns the widget iframe whose window is src, or null.
  const frameOf = (src) => {
    if (!src) return null;
    for (const f of document.querySelectorAll("iframe[data-msgcompare]")) {
      if (f.contentWindow === src) return f;
    }
    return null;
  };

  // opaque reports whether f is sandboxed without allow-same-origin: its
  // messages then come from the origin "null".
  const opaque = (f) =>
    f.hasAttribute("sandbox") &&
    !/(^|\s)allow-same-origin(\s|$)/i.test(f.getAttribute("sandbox"));

  w.addEventListener("message", (e) => {
    try {
      const d = e.data;
      const t = d && d.type;
      if (t !== "msgcompare:resize" && t !== "msgcompare:ready") return;
      const f = frameOf(e.source);
      if (!f) return;
      const op = opaque(f);
      const want = op ? "null" : new URL(f.src, location.href).origin;
      // The opaque origin "null" is accepted only from a sandboxed frame.
      if (e.origin !== want || (want === "null" && !op)) return;
      if (t === "msgcompare:ready") {
        f.setAttribute("data-msgcompare-ready", "");
        return;
      }
      const h = d.height;
      if (typeof h === "number" && h >= 0 && h <= 1e5) {
        f.style.height = Math.ceil(h) + "px";
      }
    } catch (_) {
      // Odd messages are ignored, never thrown.
    }
  });

  // Ask widgets that started before this script to report their height
  // again. The message carries nothing; widgets that do not know it ignore it.
  // A frame still on its first about:blank (readable: it is this page's
  // origin) has no widget yet, which reports by itself once it loads: a
  // message sent there would only make the browser warn.
  for (const f of document.querySelectorAll("iframe[data-msgcompare]")) {
    try {
      const o = opaque(f) ? "*" : new URL(f.src, location.href).origin;
      const cw = f.contentWindow;
      let blank = false;
      try {
        blank = cw.location.href === "about:blank" && o !== location.origin;
      } catch (_) {}
      if (cw && o !== "null" && !blank) {
        cw.postMessage({ type: "msgcompare:hello" }, o);
      }
    } catch (_) {}
  }
})();
