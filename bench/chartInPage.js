// Runs inside the benchmark page (bench/browser.ts): builds a chart of `elements`, lays it out
// with the app's settings for that size, and optionally pans it to count frames per second.
// Plain JavaScript read as text: the TypeScript toolchain would add helpers the page lacks.
(async ({ elements, pan }) => {
          const w = window;
          if (!w.__cy) w.cytoscape.use(w.cytoscapeFcose);
          w.__cy?.destroy();
          // A heavy-tailed random chart: ~45% nodes, the rest links, a few hubs.
          let seed = 7;
          const rnd = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
          const n = Math.round(elements * 0.45);
          const els = [];
          for (let i = 0; i < n; i++) els.push({ data: { id: `n${i}`, label: `Entity ${i}` } });
          for (let i = 0; els.length < elements; i++) {
            const a = Math.floor(rnd() * n);
            const b = rnd() < 0.3 ? Math.floor(Math.pow(rnd(), 3) * n) : Math.floor(rnd() * n);
            if (a !== b) els.push({ data: { id: `e${i}`, source: `n${a}`, target: `n${b}` } });
          }
          const t0 = performance.now();
          const cy = (w.__cy = w.cytoscape({
            container: document.getElementById('cy'),
            elements: els,
            style: [
              { selector: 'node', style: { label: 'data(label)', 'min-zoomed-font-size': 8, width: 16, height: 16 } },
              { selector: 'edge', style: { width: 1, 'curve-style': 'haystack' } },
            ],
            hideEdgesOnViewport: elements > 2000,
            textureOnViewport: elements > 2000,
            pixelRatio: 1,
          }));
          await new Promise((resolve) => {
            const layout = cy.layout({ name: 'fcose', quality: n > 2000 ? 'draft' : 'default', animate: false, randomize: true, numIter: n > 1000 ? 1200 : 2500, nodeRepulsion: 6000 });
            layout.one('layoutstop', () => resolve());
            layout.run();
          });
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const layoutMs = performance.now() - t0;
          let panFps;
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
          return { elements, nodes: n, layoutMs: Math.round(layoutMs), panFps: panFps === undefined ? undefined : Math.round(panFps) };
        })
