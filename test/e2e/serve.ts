/**
 * A tiny static file server for a built Docusaurus site, listening on port 0 (the OS picks; no race).
 * Resolves `/docs/foo` to `docs/foo/index.html` or `docs/foo.html`, like a static host.
 * And `docusaurus start` on a free port, ready when it prints its URL (startDevServer).
 */
import {spawn} from 'node:child_process';
import {createServer as createHttpServer, type Server} from 'node:http';
import {createServer} from 'node:net';
import {createReadStream, statSync} from 'node:fs';
import {extname, join, normalize, resolve, sep} from 'node:path';
import type {AddressInfo} from 'node:net';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:43123` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file that serves `pathname`, or null. Never leaves `root`. */
export function resolveFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) return null;
  const candidates = decoded.endsWith('/')
    ? [join(target, 'index.html')]
    : [target, join(target, 'index.html'), `${target}.html`];
  return candidates.find(isFile) ?? null;
}

export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createHttpServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const {pathname} = new URL(req.url ?? '/', 'http://localhost');
    const file = resolveFile(root, pathname);
    if (!file) {
      const notFound = join(root, '404.html');
      res.writeHead(404, {'content-type': MIME['.html']!});
      if (req.method === 'HEAD' || !isFile(notFound)) res.end();
      else createReadStream(notFound).pipe(res);
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A running `docusaurus start`. */
export interface DevServer {
  /** e.g. `http://127.0.0.1:43123/`, as the server printed it. */
  url: string;
  /** Everything the server printed so far. */
  log(): string;
  /** Resolves once the output after offset `since` (default: now) matches `pattern`; rejects if the server exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number, since?: number): Promise<void>;
  stop(): void;
}

/** A port the OS had free a moment ago; the caller must handle it being taken since. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const {port} = s.address() as AddressInfo;
      s.close(() => resolvePort(port));
    });
  });
}

/**
 * `docusaurus start` on a free port. Docusaurus cannot listen on port 0 itself (it refuses a port
 * other than the one asked for when not on a terminal), so a port is picked, and when another
 * process takes it first, Docusaurus says so and exits: then a new port is picked (3 tries).
 * Resolves when Docusaurus prints its URL, before its first compile: wait for webpack's
 * `compiled …` line to load pages. Conditions on the output, no sleep, no polling of the port.
 */
export async function startDevServer(command: string[], cwd: string, readyTimeoutMs: number): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [...command, '--port', String(port), '--host', '127.0.0.1', '--no-open'], {cwd, env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0'}});
    let output = '';
    const listeners = new Set<() => void>();
    const onData = (d: Buffer): void => {
      output += d.toString();
      for (const l of listeners) l();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const waitForOutput = (pattern: RegExp, timeoutMs: number, from = output.length): Promise<void> =>
      new Promise((done, fail) => {
        const check = (): void => {
          if (pattern.test(output.slice(from))) finish(null);
          else if (child.exitCode !== null) finish(new Error(`docusaurus exited (${child.exitCode}) before printing ${pattern}:\n${output.slice(-2000)}`));
        };
        const timer = setTimeout(() => finish(new Error(`no ${pattern} from docusaurus within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`)), timeoutMs);
        const finish = (error: Error | null): void => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', check);
          if (error) fail(error);
          else done();
        };
        listeners.add(check);
        child.on('exit', check);
        check();
      });
    const running = /running at: (http:\/\/127\.0\.0\.1:\d+\/)/;
    try {
      await waitForOutput(running, readyTimeoutMs, 0);
    } catch (error) {
      child.kill('SIGTERM');
      if (attempt < 3 && /already running on port/i.test(output)) continue;
      throw error;
    }
    return {url: running.exec(output)![1]!, log: () => output, waitForOutput: (p, t, since) => waitForOutput(p, t, since ?? output.length), stop: () => void child.kill('SIGTERM')};
  }
}
