import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; the server serves the built files from dist/web and answers /graphql.
// In development (`npm run dev:web`) Vite serves the app and forwards /graphql to the server on :4000.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Cytoscape alone is ~400 kB minified; one chunk is fine for an app used on an intranet.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
});
