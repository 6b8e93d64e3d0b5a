// Runs inside the benchmark page (bench/browser.ts), where `window.LinkChart` is the app's chart code
// (web/src/chart/cy.ts, bundled) and `window.__layoutWorkerSrc` its layout worker. Builds a chart
// of `elements` with the app's stylesheet and the given renderer, adds it at once or in chunks,
// times the first draw and the longest main-thread block during it, lays it out in the worker as
// the app does (web/src/chart/layouts.ts workerFcose), and optionally starts counting frames for
// the pan that bench/browser.ts drives with the mouse.
// Plain JavaScript read as text: the TypeScript toolchain would add helpers the page lacks.
(async ({ elements, renderer, adding, pan }) => {
  const w = window;
  const L = w.LinkChart;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const container = document.getElementById('cy');
  const cy = L.createChart(container);
  L.setRenderMode(cy, renderer);

  // A heavy-tailed random chart: ~45% nodes of the app's kinds (mostly people and phones), the rest
  // links, a few hubs; nodes on a grid, as a chart arrives before its layout.
  let seed = 7;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  const kinds = L.KIND_STYLES.map((k) => k.key);
  const n = Math.round(elements * 0.45);
  const cols = Math.ceil(Math.sqrt(n * 1.6));
  const els = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const sk = r < 0.5 ? 'Person' : r < 0.75 ? 'Phone' : kinds[Math.floor(rnd() * kinds.length)];
    els.push({
      group: 'nodes',
      data: { id: `n${i}`, label: `Entity ${i} ${sk}`, kind: sk, sk, child: false, hotspot: false, restricted: false },
      position: { x: (i % cols) * 80, y: Math.floor(i / cols) * 80 },
    });
  }
  for (let i = 0; els.length < elements; i++) {
    const a = Math.floor(rnd() * n);
    const b = rnd() < 0.3 ? Math.floor(Math.pow(rnd(), 3) * n) : Math.floor(rnd() * n);
    if (a !== b) els.push({ group: 'edges', data: { id: `l${i}`, linkId: `l${i}`, source: `n${a}`, target: `n${b}`, type: 'KNOWS', nsources: i % 4 } });
  }
  // The whole grid in view, as the app fits a chart.
  const rows = Math.ceil(n / cols);
  const zoom = Math.min(1.4, 1500 / (cols * 80), 900 / (rows * 80));
  cy.viewport({ zoom, pan: { x: 800 - (zoom * (cols - 1) * 80) / 2, y: 500 - (zoom * (rows - 1) * 80) / 2 } });

  // Long tasks (main thread busy > 50 ms), kept with their start times, and the gaps between frames.
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let gap = 0;
  let counting = true;
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    if (counting) requestAnimationFrame(beat);
  };
  requestAnimationFrame(beat);

  const t0 = performance.now();
  if (adding === 'at once') {
    cy.add(els);
    // The app's shortcuts for big canvas charts (cy.ts tuneForSize), which the chunked add sets itself.
    cy.renderer().textureOnViewport = cy.renderer().hideEdgesOnViewport = elements > 2000;
  }
  else await L.addElementsInChunks(cy, els, { renderMode: renderer });
  await frame();
  await frame();
  const t1 = performance.now();
  counting = false;
  const present = cy.elements().length;
  if (present !== elements) throw new Error(`${present} elements on the chart, not ${elements}`);
  if (L.renderModeOf(cy) !== renderer) throw new Error(`drawn with ${L.renderModeOf(cy)}, not ${renderer}`);

  // The layout as the app runs it for a big chart: fcose in the worker, positions applied in a batch.
  const nodes = cy.nodes().filter((x) => x.visible() || x.isParent());
  const ids = new Set(nodes.map((x) => x.id()));
  const input = {
    nodes: nodes.map((x) => ({ id: x.id(), x: x.position('x'), y: x.position('y'), size: x.isParent() ? 44 : Math.max(20, x.width()), pinned: x.locked(), isGroup: x.isParent() })),
    edges: cy
      .edges()
      .filter((e) => e.visible() && ids.has(e.source().id()) && ids.has(e.target().id()))
      .map((e) => ({ source: e.source().id(), target: e.target().id() })),
  };
  const url = URL.createObjectURL(new Blob([w.__layoutWorkerSrc], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const result = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message || 'layout worker failed'));
    worker.postMessage(input);
  });
  worker.terminate();
  URL.revokeObjectURL(url);
  if (result.error) throw new Error(result.error);
  const pos = result.positions;
  cy.batch(() => {
    cy.nodes().forEach((x) => {
      const p = pos[x.id()];
      if (p && !x.isParent()) x.position(p);
    });
  });
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of Object.values(pos)) [x1, y1, x2, y2] = [Math.min(x1, p.x), Math.min(y1, p.y), Math.max(x2, p.x), Math.max(y2, p.y)];
  const z = Math.max(cy.minZoom(), Math.min(1.4, 1480 / Math.max(1, x2 - x1), 880 / Math.max(1, y2 - y1)));
  cy.viewport({ zoom: z, pan: { x: 800 - (z * (x1 + x2)) / 2, y: 500 - (z * (y1 + y2)) / 2 } });
  await frame();
  await frame();
  const t2 = performance.now();
  await sleep(300); // long-task entries are delivered after the fact
  observer.disconnect();
  const longest = (from, to) => Math.max(0, ...tasks.filter(([s]) => s >= from && s <= to).map(([, d]) => d));

  if (pan) {
    // Count frames while the benchmark drags the chart with the mouse (bench/browser.ts).
    w.__frames = 0;
    w.__counting = true;
    const tick = () => {
      w.__frames++;
      if (w.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  return {
    elements,
    nodes: n,
    renderer: L.renderModeOf(cy),
    adding,
    layoutMs: Math.round(t2 - t0),
    firstDrawMs: Math.round(t1 - t0),
    longestTaskMs: Math.round(longest(t0 - 1, t1)),
    longestFrameGapMs: Math.round(gap),
    layoutOnlyMs: Math.round(t2 - t1),
    layoutLongestTaskMs: Math.round(longest(t1, t2)),
  };
})
