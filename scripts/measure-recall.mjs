#!/usr/bin/env node
/**
 * Observed-event recall and precision of the charm model on real charms.
 *
 * Usage: npm run build && node scripts/measure-recall.mjs [--json] [--verdicts file.json] <charm-dir>...
 *
 * Ground truth comes from CPython's `ast` (scripts/observe-sites.py): every `X.observe(event, handler)`
 * call in the charm's source folder and in the charm-library classes it subclasses or constructs.
 * Each call is worth one event, or one per item of the literal sequences it loops over, or one
 * per declared endpoint / container for a loop over `self.model.relations` / the unit's containers.
 * A verdicts file may set, per `charm/file:line`, the count a human read off the code (with why),
 * for a call whose count depends on a condition.
 *
 * Recall: of those events, how many the model names (resolved, at that call's file and line).
 * Invented: a resolved model event at a line with no observe call, more events at a call than it
 * can produce, a name whose last word is not the event attribute written, or an endpoint,
 * container, action or storage the metadata does not declare.
 * Events inherited from outside the charm's files (paas-charm) are counted apart.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const {loadCharm} = await import(pathToFileURL(join(here, '..', 'dist', 'src', 'model', 'index.js')).href);

const args = process.argv.slice(2);
const json = args.includes('--json');
const verdictsAt = args.indexOf('--verdicts');
const verdicts = verdictsAt >= 0 ? JSON.parse(readFileSync(args[verdictsAt + 1], 'utf8')).verdicts : {};
const dirs = args.filter((a, i) => !a.startsWith('--') && (verdictsAt < 0 || i !== verdictsAt + 1));

/**
 * CPython that parses what charms are written in (3.12 f-strings nest quotes): the newest on PATH,
 * or `PYTHON`.
 */
const PYTHON =
  process.env.PYTHON ??
  ['python3.13', 'python3.12', 'python3'].find((p) => spawnSync(p, ['--version']).status === 0) ??
  'python3';

/** Events a call can produce: fixed by its loops, or `null` when only a human can say. */
function expectedCount(site, model, verdict) {
  if (verdict) return verdict.expected;
  // Juju delivers no Pebble event to a charm without containers (code shared with a Kubernetes charm).
  if (!model.containers.length && PEBBLE_EVENT.test(site.event)) return 0;
  if (site.objects === null) return null;
  let n = site.objects;
  for (const loop of site.loops) {
    const iter = loop.iter.replace(/\s+/g, '');
    if (loop.size !== null) n *= loop.size;
    else if (/^(self|charm|self\._?charm)\.model\.relations(\.keys\(\))?$/.test(iter)) n *= model.endpoints.length;
    else if (/\.(unit|meta)\.containers(\.(keys|values)\(\))?$/.test(iter)) n *= model.containers.length;
    else return null;
  }
  return n;
}

const PEBBLE_EVENT = /pebble_(ready|custom_notice|check_failed|check_recovered)\b/;

/** Hook-style word an event attribute gives (`_on_ready` -> `on-ready`). */
const hookWord = (attr) => attr.replace(/^_+/, '').replace(/_/g, '-');

function nameProblem(event, model) {
  const attr = /\.(\w+)\s*$/.exec(event.expression)?.[1];
  // Metadata may spell a name with underscores (`postgresql_db`): Juju keeps it in the hook name.
  if (attr && attr !== 'action' && !hookWord(event.name).endsWith(hookWord(attr)))
    return `name ${event.name} does not end in ${hookWord(attr)}`;
  const declared = {
    endpoint: model.endpoints.map((e) => e.name),
    container: model.containers.map((c) => c.name),
    action: model.actions.map((a) => a.name),
    storage: model.storage.map((s) => s.name),
  };
  for (const [field, names] of Object.entries(declared))
    if (event[field] && !names.includes(event[field])) return `${field} ${event[field]} is not declared`;
  if (event.emitter?.relation && !declared.endpoint.includes(event.emitter.relation))
    return `emitter relation ${event.emitter.relation} is not declared`;
  return null;
}

function measure(dir, charm) {
  const model = loadCharm(dir);
  const srcDir = model.entrypoint.includes('/') ? model.entrypoint.slice(0, model.entrypoint.lastIndexOf('/')) : '.';
  const run = spawnSync(PYTHON, [join(here, 'observe-sites.py'), dir, srcDir, model.entrypoint], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`observe-sites.py failed on ${dir}: ${run.stderr}`);
  const {sites: all, unparsed} = JSON.parse(run.stdout);
  // A file CPython cannot parse has no ground truth: the model's events there would count as invented.
  if (unparsed.length) throw new Error(`${PYTHON} cannot parse ${unparsed.join(', ')} (set PYTHON to a newer one)`);
  // A library object's own custom events are its internals; the model shows only what Juju delivers.
  const sites = all.filter((s) => s.charmEvent);
  const atLine = new Map();
  for (const e of model.events) {
    const key = `${e.file}:${e.line}`;
    atLine.set(key, [...(atLine.get(key) ?? []), e]);
  }
  const row = {
    charm,
    sites: sites.length,
    libraryOwn: all.length - sites.length,
    expected: 0,
    resolved: 0,
    outside: 0,
    unresolved: [],
    missing: [],
    short: [],
    invented: [],
    byOrigin: {src: {expected: 0, resolved: 0}, lib: {expected: 0, resolved: 0}},
    unknownCount: [],
  };
  const siteKeys = new Set();
  for (const site of sites) {
    const key = `${site.file}:${site.line}`;
    siteKeys.add(key);
    const events = atLine.get(key) ?? [];
    const named = events.filter((e) => e.resolved && e.name);
    const expected = expectedCount(site, model, verdicts[`${charm}/${key}`]);
    if (expected === null)
      row.unknownCount.push(
        `${key} ${site.event} (${site.objects === null ? 'no construction seen' : `loop over ${site.loops.map((l) => l.iter).join(', ')}`}): model gives ${named.length}`,
      );
    const worth = expected ?? Math.max(1, named.length);
    row.expected += worth;
    row.resolved += Math.min(named.length, worth);
    row.byOrigin[site.origin].expected += worth;
    row.byOrigin[site.origin].resolved += Math.min(named.length, worth);
    if (named.length && named.length < worth)
      row.short.push(`${key} ${site.event}: ${named.length} of ${worth} (${named.map((e) => e.name).join(', ')})`);
    if (named.length > worth)
      row.invented.push(
        ...named.slice(worth).map((e) => `${key} ${e.name}: more events than the call produces (${worth})`),
      );
    for (const e of events.filter((e) => !e.resolved || !e.name)) row.unresolved.push(`${key} ${e.expression}`);
    if (!events.length && worth > 0)
      row.missing.push(`${key} ${site.event} (${site.origin}${site.class ? ` ${site.class}` : ''})`);
  }
  for (const e of model.events.filter((e) => e.resolved && e.name)) {
    const key = `${e.file}:${e.line}`;
    if (!siteKeys.has(key) && !all.some((s) => `${s.file}:${s.line}` === key && !s.charmEvent)) {
      if (e.inherited && e.inheritedFrom?.startsWith('paas-charm')) row.outside++;
      else row.invented.push(`${key} ${e.name}: no observe call there`);
      continue;
    }
    if (!siteKeys.has(key)) {
      row.invented.push(`${key} ${e.name}: a library object's own event, shown as the charm's`);
      continue;
    }
    const problem = nameProblem(e, model);
    if (problem) row.invented.push(`${key} ${e.expression}: ${problem}`);
  }
  return row;
}

/** Charms are named by their path below the folder all of them share (`paas-charm/examples/flask/charm`). */
function commonParent(paths) {
  const split = paths.map((p) => dirname(p).split(sep));
  let n = 0;
  while (split.every((s) => s[n] !== undefined && s[n] === split[0][n])) n++;
  return split[0].slice(0, n).join(sep) || sep;
}

const absolute = dirs.map((d) => resolve(d));
const parent = commonParent(absolute);
const rows = [];
for (const dir of absolute) {
  const charm = relative(parent, dir);
  try {
    rows.push(measure(dir, charm));
  } catch (error) {
    rows.push({charm, error: String(error.message ?? error).split('\n')[0]});
  }
}
if (json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '-');
  console.log(
    "| charm | observe calls | library objects' own events (not counted) | events expected | named | recall % | unresolved | missing | invented | from paas-charm |",
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const total = {sites: 0, libraryOwn: 0, expected: 0, resolved: 0, unresolved: 0, missing: 0, invented: 0, outside: 0};
  for (const r of rows) {
    if (r.error) {
      console.log(`| ${r.charm} | not read: ${r.error} ||||||||`);
      continue;
    }
    console.log(
      `| ${r.charm} | ${r.sites} | ${r.libraryOwn} | ${r.expected} | ${r.resolved} | ${pct(r.resolved, r.expected)} | ${r.unresolved.length} | ${r.missing.length} | ${r.invented.length} | ${r.outside} |`,
    );
    for (const k of ['sites', 'libraryOwn', 'expected', 'resolved', 'outside']) total[k] += r[k];
    for (const k of ['unresolved', 'missing', 'invented']) total[k] += r[k].length;
  }
  console.log(
    `| total | ${total.sites} | ${total.libraryOwn} | ${total.expected} | ${total.resolved} | ${pct(total.resolved, total.expected)} | ${total.unresolved} | ${total.missing} | ${total.invented} | ${total.outside} |`,
  );
  for (const origin of ['src', 'lib']) {
    const e = rows.reduce((n, r) => n + (r.byOrigin?.[origin].expected ?? 0), 0);
    const n = rows.reduce((n, r) => n + (r.byOrigin?.[origin].resolved ?? 0), 0);
    console.log(
      `observe calls in ${origin === 'src' ? "the charm's source" : 'library objects'}: ${n} of ${e} events named (${pct(n, e)} %)`,
    );
  }
  for (const r of rows.filter((r) => !r.error)) {
    for (const k of ['unresolved', 'missing', 'short', 'invented', 'unknownCount'])
      for (const line of r[k]) console.log(`${r.charm} ${k}: ${line}`);
  }
}
