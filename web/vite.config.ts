import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where `npm run dev` sends the graph's requests: the gateway of `npm start`. */
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

/**
 * The bundled font's stylesheets name each slice as WOFF2 and WOFF; every browser that runs this
 * page reads WOFF2, so the WOFF copies (half the build's size) are left out.
 */
function woff2Only(): Plugin {
  return {
    name: 'woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  plugins: [woff2Only(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is most of the page's script; one chunk for it, cached apart from the pages.
    chunkSizeWarningLimit: 1_200,
    rollupOptions: { output: { manualChunks: { echarts: ['echarts/core'] } } },
  },
  server: {
    proxy: { '/graphql': gateway, '/dev': gateway },
    // The page reads the registered operations' ids from schema/trusted-documents.json.
    fs: { allow: ['..'] },
  },
});
