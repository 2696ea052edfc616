/**
 * `docusaurus start` for the live-preview tests. Docusaurus refuses `--port 0` (it probes the port
 * first and exits when the probe lands elsewhere), so the port comes from the system (listen on 0,
 * read it back, close) and may be taken by another process before Docusaurus listens. Nothing
 * here trusts that it was not: the server counts as ready only once the Docusaurus process itself
 * holds the listening socket (read from /proc), so a page of another server on that port is never
 * taken for ours; a start that lost the port is retried on a new one.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {readdirSync, readFileSync, readlinkSync} from 'node:fs';
import {createServer} from 'node:net';
import {docusaurusBin} from './temp-site.js';

export interface DevServer {
  child: ChildProcess;
  url: string;
  log: () => string;
}

/** A port the system just gave out: listen on 0, read it back, close. */
function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const port = (s.address() as {port: number}).port;
        s.close(() => resolve(port));
      });
  });
}

/** Whether process `pid` holds a TCP socket listening on `port` (Linux: its fds against /proc/net/tcp*). */
function listensOn(pid: number, port: number): boolean {
  let inodes: Set<string>;
  try {
    inodes = new Set(
      readdirSync(`/proc/${pid}/fd`)
        .map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1])
        .filter((x): x is string => x !== undefined),
    );
  } catch {
    return false; // the process is gone (or an fd closed while we read)
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; the inode is field 9.
      if (f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A' && inodes.has(f[9] ?? '')) return true;
    }
  }
  return false;
}

/** Resolves on the server's next output (it prints while it compiles or exits), or after a second at the latest. */
export function nextOutput(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', done);
      child.stderr?.off('data', done);
      child.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, 1000);
    child.stdout?.on('data', done);
    child.stderr?.on('data', done);
    child.on('close', done);
  });
}

/** Resolves once the Docusaurus process listens on its port and answers there (it prints its URL before webpack listens). */
export async function startDevServer(siteDir: string): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await systemPort();
    const child = spawn(
      process.execPath,
      [docusaurusBin, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'],
      {cwd: siteDir, env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0'}},
    );
    let log = '';
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    const url = `http://127.0.0.1:${port}/`;
    while (child.exitCode === null && child.signalCode === null) {
      if (
        listensOn(child.pid!, port) &&
        (await fetch(url).then(
          (r) => r.ok,
          () => false,
        ))
      )
        return {child, url, log: () => log};
      await nextOutput(child);
    }
    // Lost the port: Docusaurus found it taken, or webpack could not listen on it.
    if (attempt >= 5 || !/already running on port|EADDRINUSE/.test(log))
      throw new Error(`docusaurus start failed:\n${log.slice(-3000)}`);
  }
}

/**
 * Stops a dev server and resolves once its process has exited, so jest's worker has no live child
 * left ("A worker process has failed to exit gracefully"). SIGKILL if SIGTERM is not enough.
 */
export function stopDevServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('close', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
