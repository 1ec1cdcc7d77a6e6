import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { PluginOption } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Large UI libraries go into their own chunks so application updates do not invalidate them.
const vendorChunks: Record<string, RegExp> = {
  react: /node_modules\/(react|react-dom|react-router|react-router-dom|scheduler|@remix-run)\//,
  antd: /node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//,
  echarts: /node_modules\/(echarts|zrender)\//,
  query: /node_modules\/@tanstack\//,
};

export default defineConfig(({ command }) => {
  // Builds started from a test runner inherit NODE_ENV=test, which would bundle React's
  // development build and dev JSX runtime; a build is always a production build.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    // The workspace root also holds a newer vite (via vitest) that @vitejs/plugin-react is typed
    // against; the plugin works with both, only the declared types differ.
    plugins: [react() as unknown as PluginOption],
    build: {
      outDir: fileURLToPath(new URL('./dist', import.meta.url)),
      emptyOutDir: true,
      chunkSizeWarningLimit: 1600,
      rollupOptions: {
        output: {
          manualChunks(id) {
            for (const [name, pattern] of Object.entries(vendorChunks)) {
              if (pattern.test(id)) return name;
            }
            return undefined;
          },
        },
      },
    },
    server: {
      port: 5173,
      proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    },
  };
});
