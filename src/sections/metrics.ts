import type {PhrasingContent, RootContent} from 'mdast';
import type {MetricsExporter, MetricsTarget} from '../model/index.js';
import {charmLinkUrl} from './charm-links.js';
import {sourceUrl, type SectionContext} from './context.js';
import {code, heading, link, list, paragraph, text} from './mdast.js';
import {charmAttributes, type CharmDirective} from './directive.js';

/** Section 6: exporters, scrape targets, observability endpoints, dashboards and rules. */
export function charmMetrics(ctx: SectionContext): RootContent[] {
  const {metrics, endpoints} = ctx.model;
  const out: RootContent[] = [heading(ctx.headingLevel, 'metrics', text('Metrics'))];
  const empty =
    !metrics.exporters.length &&
    !metrics.targets.length &&
    !metrics.endpoints.length &&
    !metrics.dashboards.length &&
    !metrics.alertRules.length;
  if (empty) {
    out.push(paragraph(text('This charm exposes no metrics integration.')));
    return out;
  }
  if (metrics.exporters.length) {
    out.push(paragraph(text('Inside the containers, additional Pebble services export metrics:')));
    out.push(list(false, metrics.exporters.map(exporterItem)));
  }
  if (metrics.targets.length) {
    out.push(paragraph(text('Scrape jobs:')));
    out.push(
      list(
        false,
        metrics.targets.map((t) => targetItem(t, ctx)),
      ),
    );
    if (metrics.targets.some((t) => t.targets.some((x) => x.startsWith('@scheduler:')))) {
      out.push(
        paragraph(
          code('@scheduler'),
          text(' is the unit that runs the scheduler (unit 0): paas-charm scrapes that unit alone.'),
        ),
      );
    }
  }
  if (metrics.endpoints.length) {
    out.push(
      paragraph(
        text('Observability integrations: '),
        ...metrics.endpoints.flatMap((name, i) => {
          const e = endpoints.find((x) => x.name === name);
          return [...(i ? [text(', ')] : []), code(name), ...(e ? [text(` (${e.interface}, ${e.role})`)] : [])];
        }),
        text('.'),
      ),
    );
  }
  if (metrics.dashboards.length)
    out.push(paragraph(text('Grafana dashboards shipped: '), ...files(metrics.dashboards, ctx), text('.')));
  if (metrics.alertRules.length)
    out.push(paragraph(text('Alert rules shipped: '), ...files(metrics.alertRules, ctx), text('.')));
  return out;
}

function exporterItem(e: MetricsExporter): PhrasingContent[] {
  return [
    code(e.service),
    ...(e.container ? [text(' in '), code(e.container)] : []),
    ...(e.command
      ? [text(', running '), code(e.command), ...(e.commandComputed ? [text(' (computed at runtime)')] : [])]
      : []),
    ...(e.port ? [text(', metrics on port '), code(String(e.port))] : []),
  ];
}

function targetItem(t: MetricsTarget, ctx: SectionContext): PhrasingContent[] {
  return [
    code(t.provider),
    ...(t.jobName ? [text(' job '), code(t.jobName)] : []),
    ...scraped(t),
    ...(t.condition ? [text(', only when '), code(t.condition)] : []),
    text(' ('),
    ...where(t, ctx),
    text(')'),
  ];
}

/** What is scraped: literal targets, a literal port, config options read at runtime, or the library default. */
function scraped(t: MetricsTarget): PhrasingContent[] {
  const path = t.metricsPath ? [text(' at '), code(t.metricsPath)] : [];
  if (t.targets.length)
    return [text(' scraping '), ...t.targets.flatMap((x, i) => (i ? [text(', '), code(x)] : [code(x)])), ...path];
  if (t.port) return [text(' on port '), code(String(t.port)), ...path];
  if (t.fromConfig?.length)
    return [
      text(' scraping every unit on the port and path that config options '),
      ...t.fromConfig.flatMap((o, i) => (i ? [text(', '), code(o)] : [code(o)])),
      text(' set at runtime'),
    ];
  return [text(t.computed ? ' (targets computed at runtime)' : ' (library defaults)'), ...path];
}

/** Where the job is set: the charm's file and line, or the library that builds it for the charm. */
function where(t: MetricsTarget, ctx: SectionContext): PhrasingContent[] {
  if (t.inheritedFrom) {
    // `paas-charm 1.12.0 (commit 9846ae6cb2) (src/...py:48)`: the file as code, without a second pair of brackets.
    const m = /^(.*) \(([^()]+:\d+)\)$/.exec(t.inheritedFrom);
    return m ? [text(`set by ${m[1]}, `), code(m[2]!)] : [text(`set by ${t.inheritedFrom}`)];
  }
  const url = sourceUrl(ctx.links, t.file, t.line);
  const at = code(`${t.file}:${t.line}`);
  return [url ? link(url, at) : at];
}

/** Shipped files, linked to the charm's repository when one is configured (each path segment encoded). */
function files(paths: string[], ctx: SectionContext): PhrasingContent[] {
  return paths.flatMap((p, i) => {
    const url = charmLinkUrl(p, ctx.links);
    return [...(i ? [text(', ')] : []), url ? link(url, code(p)) : code(p)];
  });
}

export const metricsDirective: CharmDirective = {
  name: 'charm-metrics',
  attributes: charmAttributes(),
  build: charmMetrics,
  checks: [],
  titles: [/^metrics$/, /^observability$/],
  starter: {
    part: 'page',
    when: (model) => model.metrics.endpoints.length + model.metrics.exporters.length + model.metrics.targets.length > 0,
    prose: () => ['TODO: what the dashboards and alert rules watch.'],
  },
};
