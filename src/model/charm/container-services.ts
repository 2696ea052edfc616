/**
 * The Pebble services a workload container runs, as every page section and diagram shows them:
 * from the Pebble layers added to that container, from each rock that feeds it (the rock built for
 * it, or the rock of the OCI image resource it uses: two containers sharing one image resource run
 * the same rock), and exporters known only from the metrics. One query, so the containers section
 * and the charm diagram can never disagree.
 */
import type {CharmModel, Container, MetricsExporter} from '../types.js';

export interface ContainerService {
  name: string;
  command: string | null;
  /** A metrics exporter (from the metrics the charm declares). */
  exporter: boolean;
  /** Where it is defined, in words: `Pebble layer in src/charm.py`, `rock app (rockcraft.yaml)`. */
  source: string;
}

function isExporter(exporters: MetricsExporter[], container: string | null, service: string): boolean {
  return exporters.some((x) => x.service === service && (x.container === container || x.container === null));
}

/** Services of `container`, or with `null` those of layers whose container is not resolved; `computed` when a layer is built at runtime. */
export function containerServices(
  model: CharmModel,
  container: Container | null,
): {services: ContainerService[]; computed: boolean} {
  const name = container?.name ?? null;
  const out = new Map<string, ContainerService>();
  let computed = false;
  const add = (service: {name: string; command: string | null}, source: string): void => {
    if (out.has(service.name)) return;
    out.set(service.name, {
      name: service.name,
      command: service.command,
      exporter: isExporter(model.metrics.exporters, name, service.name),
      source,
    });
  };
  for (const layer of model.pebble.filter((l) => l.container === name)) {
    if (layer.computed) computed = true;
    for (const s of layer.services) add(s, `Pebble layer in ${layer.file}`);
  }
  if (container) {
    for (const rock of model.rocks) {
      const feeds =
        rock.container === container.name || (container.resource !== null && rock.resource === container.resource);
      if (!feeds) continue;
      for (const s of rock.services) add(s, `rock ${rock.name} (${rock.path})`);
    }
  }
  for (const x of model.metrics.exporters) {
    if (x.container === name && !out.has(x.service))
      out.set(x.service, {name: x.service, command: x.command, exporter: true, source: 'metrics exporter'});
  }
  return {services: [...out.values()], computed};
}
