// storage-guard.js runs before go-app's app.js. go-app v9.8.0 reads
// window.localStorage and window.sessionStorage when the wasm program starts;
// in a cross-site iframe with third-party storage blocked, or in an iframe
// sandboxed without allow-same-origin, merely reading those properties throws
// a SecurityError and the program dies. Where that happens, this script puts
// an in-memory stand-in in their place: preferences then last only as long as
// the page, and nothing is written anywhere.
(() => {
  "use strict";

  // memoryStorage returns an object with the methods of the Web Storage API
  // that keeps its items in a Map. The items are not own properties, so
  // Object.keys() on it returns an empty list.
  const memoryStorage = () => {
    const m = new Map();
    return Object.freeze(
      Object.create({
        getItem: (k) => (m.has(String(k)) ? m.get(String(k)) : null),
        setItem: (k, v) => void m.set(String(k), String(v)),
        removeItem: (k) => void m.delete(String(k)),
        clear: () => m.clear(),
        key: (i) => {
          const keys = Array.from(m.keys());
          return i >= 0 && i < keys.length ? keys[i] : null;
        },
        get length() {
          return m.size;
        },
      })
    );
  };

  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      const s = window[name];
      s.getItem("msgcompare-storage-probe");
    } catch (_) {
      try {
        Object.defineProperty(window, name, {
          value: memoryStorage(),
          configurable: true,
        });
      } catch (_) {
        // Nothing more can be done; go-app will report the original error.
      }
    }
  }
})();
