#!/usr/bin/env node
// Static file server for the repository root (no dependencies).
//
//   node scripts/serve.mjs            # http://127.0.0.1:8080/index.html (or the next free port), and the
//                                     # embed builder, www/builder.html
//   PORT=9000 node scripts/serve.mjs
//
// Tests import { start } and call start(0) for a free port.
//
// Path prefixes that add response headers (same file, prefix stripped):
//   /csp/...         Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
//   /csp-nowasm/...  the same policy without 'wasm-unsafe-eval' (WebAssembly compilation is blocked)

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

const CSP_PREFIXES = [
  ['/csp/', "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"],
  ['/csp-nowasm/', "default-src 'self'; script-src 'self'; style-src 'self'"],
];

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }

  const extra = {};
  for (const [prefix, policy] of CSP_PREFIXES) {
    if (pathname.startsWith(prefix)) {
      pathname = pathname.slice(prefix.length - 1);
      extra['Content-Security-Policy'] = policy;
      break;
    }
  }

  // No directory escapes, no hidden files (.git, .cargo ...), no odd characters.
  const segments = pathname.split('/');
  if (pathname.includes('\0') || pathname.includes('\\') ||
      segments.some((s) => s === '..' || (s.startsWith('.') && s.length > 0))) {
    return send(res, 403, 'forbidden\n', extra);
  }

  let file = path.join(ROOT, ...segments.filter(Boolean));
  const rel = path.relative(ROOT, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return send(res, 403, 'forbidden\n', extra);

  let stat;
  try {
    stat = fs.statSync(file);
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        return send(res, 301, 'moved\n', { ...extra, Location: pathname + '/' });
      }
      file = path.join(file, 'index.html');
      stat = fs.statSync(file);
    }
  } catch {
    // Browsers ask for /favicon.ico on their own; don't turn that into a failed request.
    if (pathname === '/favicon.ico') return send(res, 204, '', extra);
    return send(res, 404, `not found: ${pathname}\n`, extra);
  }
  if (!stat.isFile()) return send(res, 404, `not found: ${pathname}\n`, extra);

  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function listenOnce(port, host) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handle);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Start the server. port 0 picks a free port. With attempts > 1, a busy port
 * makes it try port+1, port+2, ...
 * @returns {Promise<{server: http.Server, url: string, port: number}>}
 */
export async function start(port = 8080, { host = '127.0.0.1', attempts = 1 } = {}) {
  let lastError;
  for (let i = 0; i < attempts; i++) {
    const p = port === 0 ? 0 : port + i;
    try {
      const server = await listenOnce(p, host);
      const actual = server.address().port;
      return { server, port: actual, url: `http://${host}:${actual}` };
    } catch (e) {
      lastError = e;
      if (e.code !== 'EADDRINUSE' || port === 0) break;
    }
  }
  throw lastError;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const wanted = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`serve: PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  try {
    const { server, url } = await start(wanted, { attempts: 20 });
    if (!fs.existsSync(path.join(ROOT, 'pkg', 'trade-widget.js'))) {
      console.error('serve: warning: pkg/trade-widget.js is missing; run `make build` first (the widgets will not load)');
    }
    console.log(`trade-widget demo: ${url}/index.html`);
    console.log(`embed builder:     ${url}/www/builder.html`);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(`serve: cannot listen on 127.0.0.1:${wanted}${wanted ? '-' + (wanted + 19) : ''}: ${e.code || e.message}`);
    process.exit(1);
  }
}
