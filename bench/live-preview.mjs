// Live preview latency: a page open in Chromium under a running `docusaurus start`; the time from
// writing a charm file (src/charm.py: a handler docstring; charmcraft.yaml: a config description) to
// the moment the new text is on the page. Median of R edits of each kind, alternating.
/* global document -- in the functions that Playwright runs in the page */

import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {cpSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {chromium} from 'playwright-core';
import {median} from './lib/stats.mjs';
import {writeSite} from './site.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DOCSTRING = 'Apply new configuration to all containers.';

const PROSE = 'Prose written by hand.';

/**
 * The edits; each puts `marker` where the page shows it. The page's own prose is the floor: what
 * Docusaurus itself takes to bring an edit of a Markdown page to the browser, plugin or not.
 */
const EDITS = {
  'src/charm.py': {
    in: 'charm',
    edit: (text, marker) => text.replace(DOCSTRING, `Apply new configuration (${marker}).`),
  },
  'charmcraft.yaml': {
    in: 'charm',
    edit: (text, marker) => text.replace(/^(config:\n\s+options:\n(?:.*\n)*?\s+description: )(.*)$/m, `$1${marker} $2`),
  },
  'docs/live.md (floor)': {
    in: 'site',
    edit: (text, marker) => text.replace(PROSE, `${PROSE} ${marker}.`),
    file: 'docs/live.md',
  },
};

/** A port the system just gave out (listen on 0, read it back, close). */
function systemPort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const {port} = s.address();
        s.close(() => resolve(port));
      });
  });
}

/**
 * `docusaurus start` refuses port 0, so it gets a port the system just gave out; if another process
 * took it in between, Docusaurus says so and exits, and the next try gets another port.
 */
async function startDevServer(docusaurusBin, siteDir, nodeArgs) {
  for (let attempt = 1; ; attempt++) {
    const server = startDevServerOn(docusaurusBin, siteDir, await systemPort(), nodeArgs);
    try {
      await server.url;
      return server;
    } catch (error) {
      if (attempt >= 5 || !/already running on port/.test(server.log())) throw error;
    }
  }
}

/** Starts `docusaurus start` on `port`; `url` resolves once it says where it runs. */
function startDevServerOn(docusaurusBin, siteDir, port, nodeArgs) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, docusaurusBin, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {
      cwd: siteDir,
      env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', BROWSER: 'none'},
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const url = new Promise((resolve, reject) => {
    const onData = (d) => {
      log += d;
      const m = /running at:?\s*(http:\/\/\S+?)\/?\s/.exec(log);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => reject(new Error(`docusaurus start exited with ${code}:\n${log.slice(-3000)}`)));
  });
  return {child, url, log: () => log};
}

/**
 * Docusaurus prints its URL before webpack's server listens: ask the page until it answers, trying
 * again after each line the server prints while it compiles (at the latest every second).
 */
async function waitUntilServing(url, child, deadline) {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet: wait for its next output.
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`docusaurus start never served ${url}`);
    await nextOutput(child);
  }
}

/** Resolves on the server's next output (it prints while it compiles or exits), or after a second at the latest. */
function nextOutput(child) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      child.stdout.off('data', done);
      child.stderr.off('data', done);
      child.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, 1000);
    child.stdout.on('data', done);
    child.stderr.on('data', done);
    child.on('close', done);
  });
}

/**
 * With `profileDir`, the dev server runs under `--cpu-prof` and the result has `profile` (its file)
 * and `windows` (each edit's [write, new text seen], in microseconds of the monotonic clock).
 */
export async function liveLatency({docusaurusBin, distIndex, charm, out, runs, profileDir}) {
  const siteDir = join(out, 'live-site');
  const charmDir = join(out, 'live-charm');
  rmSync(charmDir, {recursive: true, force: true});
  cpSync(charm.dir, charmDir, {recursive: true});
  const page = `---\ntitle: Live\n---\n\n# Live\n\n${PROSE}\n\n:::juju-events{charm="${charm.id}"}\n:::\n\n:::charm-config{charm="${charm.id}"}\n:::\n`;
  writeSite(siteDir, {
    distIndex,
    charms: {[charm.id]: {path: charmDir}},
    defaultCharm: charm.id,
    pages: {'live.md': page},
    title: 'Live preview bench',
  });
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval', '500'] : [];
  const server = await startDevServer(docusaurusBin, siteDir, nodeArgs);
  const windows = [];
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const times = Object.fromEntries(Object.keys(EDITS).map((f) => [f, []]));
  const rebuild = Object.fromEntries(Object.keys(EDITS).map((f) => [f, []]));
  const pathOf = (name) => join(EDITS[name].in === 'site' ? siteDir : charmDir, EDITS[name].file ?? name);
  const originals = Object.fromEntries(Object.keys(EDITS).map((f) => [f, readFileSync(pathOf(f), 'utf8')]));
  try {
    const base = await server.url;
    await waitUntilServing(`${base}/docs/live`, server.child, Date.now() + 15 * 60_000);
    const tab = await browser.newPage();
    await tab.goto(`${base}/docs/live`, {timeout: 10 * 60_000});
    await tab.getByRole('heading', {name: 'Live', level: 1}).waitFor({timeout: 10 * 60_000});
    await tab.waitForFunction((doc) => document.body.innerText.includes(doc), DOCSTRING, {timeout: 10 * 60_000});
    // The first update after start-up (webpack's first rebuild) is slower: one round of each edit warms up.
    let hotUpdateAt;
    tab.on('request', (req) => {
      if (hotUpdateAt === undefined && /hot-update\.json/.test(req.url())) hotUpdateAt = performance.now();
    });
    for (let r = -1; r < runs; r++) {
      for (const [file, {edit}] of Object.entries(EDITS)) {
        const path = pathOf(file);
        const marker = `bench-live-${r}-${file.replace(/\W/g, '')}`;
        const next = edit(originals[file], marker);
        if (!next.includes(marker)) throw new Error(`live bench: edit target not found in ${file}`);
        hotUpdateAt = undefined;
        const from = micros();
        const t = performance.now();
        writeFileSync(path, next);
        await tab.waitForFunction((m) => document.body.innerText.includes(m), marker, {
          timeout: 180_000,
          polling: 'raf',
        });
        if (r < 0) continue;
        windows.push([from, micros()]);
        times[file].push(performance.now() - t);
        // Until the browser asks for the update: the watcher and webpack's rebuild (the plugin's part among them).
        rebuild[file].push(hotUpdateAt === undefined ? NaN : hotUpdateAt - t);
      }
    }
  } finally {
    await browser.close();
    const closed = once(server.child, 'close');
    server.child.kill('SIGTERM');
    await closed; // under --cpu-prof the profile is written on the way out
  }
  const result = Object.fromEntries(
    Object.entries(times).map(([f, ts]) => [f, {all: ts, ms: median(ts), serverMs: median(rebuild[f])}]),
  );
  return profileDir ? {edits: result, windows} : result;
}
