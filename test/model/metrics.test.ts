/**
 * Metrics on charms written as real charms are (fixtures: test/fixtures/metrics-charms, README.md
 * there says what each one holds): what Prometheus scrapes, from the charm's Python, from
 * paas-charm's defaults and from paas-config.yaml; exporters with their command and metrics port.
 *
 * Each case's model facts (metrics and diagnostics) and rendered section (Markdown and MyST) are
 * compared with test/fixtures/expected/metrics/<case>.{json,md,myst.md}. `UPDATE=1` writes them;
 * otherwise a missing one fails. Review a rewritten file before committing it.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {renderModel} from '../../src/cli/render.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {portOf} from '../../src/model/charm/metrics.js';
import type {CharmModel} from '../../src/model/types.js';
import {EXPECTED_DIR, normaliseModel, REPO_ROOT, schemaErrors} from './model-helpers.js';

const UPDATE = process.env['UPDATE'] === '1';
const CASES = ['literal-jobs', 'paas-release', 'paas-main', 'paas-config-options', 'vendored-base'];
const dirOf = (name: string): string => join(REPO_ROOT, 'test/fixtures/metrics-charms', name);
const expectedDir = join(EXPECTED_DIR, 'metrics');

const models = new Map<string, CharmModel>();
function model(name: string): CharmModel {
  let m = models.get(name);
  if (!m) models.set(name, (m = normaliseModel(loadCharm(dirOf(name)), dirOf(name))));
  return m;
}

function matchesFile(actual: string, file: string): void {
  const path = join(expectedDir, file);
  if (UPDATE) {
    mkdirSync(expectedDir, {recursive: true});
    writeFileSync(path, actual);
  }
  if (!existsSync(path))
    throw new Error(`${path} is missing: run this test with UPDATE=1 to write it, then review it before committing`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const render = (name: string, format: 'md' | 'myst'): string =>
  renderModel(
    model(name),
    {
      format,
      sections: ['charm-metrics'],
      headingLevel: 2,
      repository: 'https://github.com/example/metrics-fixtures',
      branch: 'main',
    },
    {charmPathInRepository: name},
  );

describe.each(CASES)('%s', (name) => {
  test('model facts match the reviewed ones, and the schema', () => {
    const m = model(name);
    expect(schemaErrors(m)).toEqual([]);
    matchesFile(`${JSON.stringify({metrics: m.metrics, diagnostics: m.diagnostics}, null, 2)}\n`, `${name}.json`);
  });

  test('the section, in Markdown and MyST', () => {
    matchesFile(render(name, 'md'), `${name}.md`);
    matchesFile(render(name, 'myst'), `${name}.myst.md`);
  });
});

describe('what the expected files hold, said once more as the reader needs it', () => {
  test("a flask-framework charm is scraped on the statsd exporter's web port 9102, not its statsd ingest port 9125", () => {
    const m = model('paas-release');
    expect(m.metrics.exporters).toEqual([
      expect.objectContaining({service: 'statsd-exporter', container: 'flask-app', port: 9102}),
    ]);
    expect(m.metrics.targets).toEqual([
      expect.objectContaining({
        targets: ['*:9102'],
        metricsPath: '/metrics',
        computed: false,
        inheritedFrom: expect.stringMatching(/^paas-charm 1\.12\.0 .*workload_config\.py:48\)$/),
      }),
    ]);
  });

  test("paas-config.yaml's metrics-port and scrape_configs are literal jobs, each at its line", () => {
    const jobs = model('paas-main').metrics.targets.map((t) => [
      t.jobName ?? '(framework)',
      t.targets.join(' '),
      t.metricsPath,
      `${t.file}:${t.line}`,
      t.computed,
    ]);
    expect(jobs).toEqual([
      ['(framework)', '*:9200', '/stats', 'paas-config.yaml:2', false],
      ['ledger-workers', '*:8090 *:8091', '/metrics', 'paas-config.yaml:6', false],
      ['ledger-nightly', '@scheduler:8095', '/nightly', 'paas-config.yaml:9', false],
    ]);
  });

  test("on paas-charm 1.12.0 a go charm's port is its config options', read at runtime; a malformed scrape_configs is a positioned warning", () => {
    const m = model('paas-config-options');
    expect(m.metrics.targets).toEqual([
      expect.objectContaining({targets: [], computed: true, fromConfig: ['metrics-port', 'metrics-path']}),
    ]);
    expect(m.diagnostics).toEqual([
      expect.objectContaining({severity: 'warning', code: 'wrong-type', file: 'paas-config.yaml', line: 3, column: 5}),
    ]);
  });

  test('literal jobs stay literal; appended ones keep their condition; an extend by a helper is computed', () => {
    const jobs = model('literal-jobs').metrics.targets.map((t) => [t.jobName ?? '?', t.condition ?? '', t.computed]);
    expect(jobs).toEqual([
      ['stub_status', '', false],
      ['pprof', 'self.config["profiling"]', false],
      ['trace-agent', 'not (self.config["profiling"]) and self.config["tracing-mode"] == "agent"', false],
      ['idle', 'not (self.config["profiling"]) and not (self.config["tracing-mode"] == "agent")', false],
      ['?', '', true],
    ]);
  });

  test("an ops.pebble.Service(...).to_dict() exporter has its command, and its port from its own check; a rock that is no container's image adds no exporter", () => {
    expect(model('literal-jobs').metrics.exporters).toEqual([
      // Its port is a config value: neither read from the expression nor node_exporter's default 9100.
      {
        container: 'web',
        service: 'host-exporter',
        // The f-string's static text, its computed part in braces as written.
        command: "/bin/node_exporter --web.listen-address=:{self.config['host-exporter-port']}",
        commandComputed: true,
      },
      {
        container: 'web',
        service: 'stub-exporter',
        command: 'nginx-prometheus-exporter --nginx.scrape-uri=http://localhost:8080/stub_status',
        port: 9113,
      },
    ]);
  });

  test("a charm base class vendored in lib/ is the charm's code: its COSAgentProvider endpoints and scrape_configs are read", () => {
    expect(
      model('vendored-base').metrics.targets.map((t) => [
        t.provider,
        t.file,
        t.port ?? null,
        t.metricsPath ?? null,
        t.computed,
      ]),
    ).toEqual([
      ['COSAgentProvider', 'lib/charms/lantern/v0/lantern_base.py', 9100, '/metrics', false],
      ['COSAgentProvider', 'lib/charms/lantern/v0/lantern_base.py', null, null, true],
    ]);
  });

  test('shipped dashboards and rules link to the repository', () => {
    const md = render('literal-jobs', 'md');
    expect(md).toContain(
      '[`src/grafana_dashboards/board.json`](https://github.com/example/metrics-fixtures/blob/main/literal-jobs/src/grafana_dashboards/board.json)',
    );
    expect(md).toContain(
      '[`src/grafana_dashboards/Request latency.json`](https://github.com/example/metrics-fixtures/blob/main/literal-jobs/src/grafana_dashboards/Request%20latency.json)',
    );
  });
});

test("an exporter's port is where it serves metrics: not a statsd ingest port, not a URL it reads", () => {
  expect(
    portOf('/bin/statsd_exporter --statsd.listen-udp=localhost:9125 --statsd.listen-tcp=localhost:9125'),
  ).toBeUndefined();
  expect(portOf('/bin/statsd_exporter --statsd.listen-udp=:9125 --web.listen-address=:9200')).toBe(9200);
  expect(portOf('nginx-prometheus-exporter --nginx.scrape-uri=http://localhost:8080/stub_status')).toBeUndefined();
  expect(portOf('mysqld_exporter --web.listen-address=0.0.0.0:9104')).toBe(9104);
  expect(portOf('redis_exporter --redis.addr=localhost:6379 --web.listen-address :9121')).toBe(9121);
});
