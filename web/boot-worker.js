// boot-worker.js compiles msgcompare's WebAssembly module off the main
// thread for boot.js: it receives {wasm: URL}, fetches and compiles the
// module as it streams in, and posts back {module} or {error}. A compiled
// module can be sent between threads; only its instantiation and the Go
// program then run on the page's thread.
self.onmessage = async (e) => {
  try {
    const res = await fetch(e.data.wasm);
    if (!res.ok) throw new Error("HTTP " + res.status);
    const module = WebAssembly.compileStreaming
      ? await WebAssembly.compileStreaming(res)
      : await WebAssembly.compile(await res.arrayBuffer());
    self.postMessage({ module });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
