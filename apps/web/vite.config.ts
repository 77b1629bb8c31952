import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: server, ws: true }, '/healthz': server },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React with Mantine is about 520 kB before gzip; admin pages are already split off.
    chunkSizeWarningLimit: 600,
  },
});
