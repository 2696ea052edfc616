/**
 * Which rocks the charm diagram draws. A repository often holds rocks that are not the image of
 * any container (test rocks, the rock of another charm): the model keeps their rockcraft.yaml
 * services as layers with no container. Drawn, they made a phantom "Container not resolved" box in
 * the pod (paas-charm's flask example: two test rocks, one `app` container). The model says which
 * rock feeds which container (`rock.container`, `rock.resource`); the diagram only reads that.
 */
import type {CharmModel, Container, Rock} from '../model/index.js';

/** The rock is the image of this container: named after it, or published as its OCI image resource. */
export function rockFeeds(rock: Rock, container: Container): boolean {
  return rock.container === container.name || (container.resource !== null && rock.resource === container.resource);
}

/** The rock that is this container's image, if the model matched one. */
export function rockOf(model: CharmModel, container: Container): Rock | undefined {
  return model.rocks.find((r) => rockFeeds(r, container));
}

/** Rocks that are the image of none of the containers the metadata declares. */
export function unmatchedRocks(model: CharmModel): Rock[] {
  return model.rocks.filter((r) => !model.containers.some((c) => rockFeeds(r, c)));
}

/**
 * The model without the layers of rockcraft.yaml files that the model tied to no container, and
 * without the exporters found only in them. A matched rock's services are drawn in its container
 * (through the rock); an unmatched rock's are named in the text alternative, never drawn.
 * Layers from charm code whose container is not resolved stay: they run in one of the containers.
 */
export function withoutUnplacedRockLayers(model: CharmModel): CharmModel {
  const rockPaths = new Set(model.rocks.map((r) => r.path));
  const unplaced = (l: CharmModel['pebble'][number]): boolean =>
    l.container === null && l.origin === 'rockcraft' && rockPaths.has(l.file);
  const pebble = model.pebble.filter((l) => !unplaced(l));
  const servicesOf = (layers: CharmModel['pebble']): Set<string> =>
    new Set(layers.filter((l) => l.container === null).flatMap((l) => l.services.map((s) => s.name)));
  const dropped = servicesOf(model.pebble.filter(unplaced));
  const kept = servicesOf(pebble);
  const exporters = model.metrics.exporters.filter(
    (x) => x.container !== null || !dropped.has(x.service) || kept.has(x.service),
  );
  return {...model, pebble, metrics: {...model.metrics, exporters}};
}

/** The text alternative's line for a rock that is no container's image. */
export function unmatchedRockAlt(rock: Rock): string {
  const services = rock.services.map((s) => s.name);
  return `${rock.name} (${rock.path})${services.length ? `, services ${services.join(', ')}` : ''}`;
}
