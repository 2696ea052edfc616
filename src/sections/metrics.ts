import type {RootContent} from 'mdast';
import {sourceUrl, type SectionContext} from './context.js';
import {code, heading, link, list, paragraph, text} from './mdast.js';
import {charmAttributes, type CharmDirective} from './directive.js';

/** Section 6: exporters, scrape targets, observability endpoints, dashboards and rules. */
export function charmMetrics(ctx: SectionContext): RootContent[] {
  const {metrics, endpoints} = ctx.model;
  const out: RootContent[] = [heading(ctx.headingLevel, 'metrics', text('Metrics'))];
  const empty = !metrics.exporters.length && !metrics.targets.length && !metrics.endpoints.length && !metrics.dashboards.length && !metrics.alertRules.length;
  if (empty) {
    out.push(paragraph(text('This charm exposes no metrics integration.')));
    return out;
  }
  if (metrics.exporters.length) {
    out.push(paragraph(text('Inside the containers, additional Pebble services export metrics:')));
    out.push(list(false, metrics.exporters.map((e) => [code(e.service), ...(e.container ? [text(' in '), code(e.container)] : []), ...(e.port ? [text(', port '), code(String(e.port))] : [])])));
  }
  if (metrics.targets.length) {
    out.push(paragraph(text('Scrape jobs:')));
    out.push(
      list(
        false,
        metrics.targets.map((t) => {
          const url = sourceUrl(ctx.links, t.file, t.line);
          const where = code(`${t.file}:${t.line}`);
          return [
            code(t.provider),
            ...(t.jobName ? [text(' job '), code(t.jobName)] : []),
            ...(t.targets.length ? [text(' scraping '), ...t.targets.flatMap((x, i) => (i ? [text(', '), code(x)] : [code(x)]))] : t.port ? [text(' on port '), code(String(t.port))] : [text(t.computed ? ' (targets computed at runtime)' : ' (library defaults)')]),
            ...(t.metricsPath ? [text(' at '), code(t.metricsPath)] : []),
            text(' ('),
            url ? link(url, where) : where,
            text(')'),
          ];
        }),
      ),
    );
  }
  if (metrics.endpoints.length) {
    out.push(paragraph(text('Observability integrations: '), ...metrics.endpoints.flatMap((name, i) => {
      const e = endpoints.find((x) => x.name === name);
      return [...(i ? [text(', ')] : []), code(name), ...(e ? [text(` (${e.interface}, ${e.role})`)] : [])];
    }), text('.')));
  }
  if (metrics.dashboards.length) out.push(paragraph(text('Grafana dashboards shipped: '), ...metrics.dashboards.flatMap((d, i) => (i ? [text(', '), code(d)] : [code(d)])), text('.')));
  if (metrics.alertRules.length) out.push(paragraph(text('Alert rules shipped: '), ...metrics.alertRules.flatMap((d, i) => (i ? [text(', '), code(d)] : [code(d)])), text('.')));
  return out;
}

export const metricsDirective: CharmDirective = {
  name: 'charm-metrics',
  attributes: charmAttributes(),
  build: charmMetrics,
  checks: [],
  titles: [/^metrics$/, /^observability$/],
  starter: {part: 'page', when: (model) => model.metrics.endpoints.length + model.metrics.exporters.length + model.metrics.targets.length > 0, prose: () => ['TODO: what the dashboards and alert rules watch.']},
};
