import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the build, once, at the
 * highest levels: the server sends them to browsers that accept them (preCompressed), so no
 * request pays for compression.
 */
function precompress(): Plugin {
  return {
    name: 'shangliang-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const full = path.join(options.dir!, file);
        const data = readFileSync(full);
        if (data.length < 1024) continue; // headers would outweigh the saving
        writeFileSync(`${full}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${full}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      }
    },
  };
}

/**
 * The service worker (src/web/pwa/sw.ts) built as /sw.js at the root, where its scope is the whole
 * app. Its cache is named after a hash of everything the build writes (the hashed files and the
 * public folder's), so each release installs a new worker with a new cache; and it is told which
 * scripts and styles index.html loads, to cache them at install so the shell can start offline.
 */
function serviceWorker(): Plugin {
  const source = fileURLToPath(new URL('./src/web/pwa/sw.ts', import.meta.url));
  const publicDir = fileURLToPath(new URL('./src/web/public', import.meta.url));
  return {
    name: 'shangliang-service-worker',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      this.emitFile({ type: 'chunk', id: source, fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      const sw = bundle['sw.js'];
      const html = bundle['index.html'];
      if (sw?.type !== 'chunk' || html?.type !== 'asset') throw new Error('service worker: sw.js or index.html missing from the build');
      const shell = [...new Set(String(html.source).match(/\/assets\/[^"'\s]+/g) ?? [])];
      const hash = createHash('sha256');
      for (const name of Object.keys(bundle).sort()) {
        const item = bundle[name];
        if (name === 'sw.js') continue;
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      for (const file of readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name)).sort())
        hash.update(path.relative(publicDir, file)).update(readFileSync(file));
      hash.update(sw.code);
      sw.code = sw.code.replaceAll('__SW_BUILD__', JSON.stringify(hash.digest('hex').slice(0, 12))).replaceAll('__SW_SHELL__', JSON.stringify(shell));
    },
  };
}

// The web client is built into dist/web and served by the Fastify server.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), serviceWorker(), precompress()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
