/**
 * Subordinate charms in the deployment diagram. Juju creates no unit of a subordinate application
 * when it is deployed: each of its units runs on the machine of a principal unit, created when the
 * two applications are integrated through a container-scoped endpoint. So the principal is not one
 * more external application: it shares the machine with the charm, and the diagram draws both in
 * one box, joined by the container-scoped endpoints.
 */
import type {CharmModel, Endpoint} from '../model/index.js';
import {counterpartName} from './deployment-labels.js';
import type {FlowchartWriter} from './flowchart.js';

/** `juju-info` is provided by every charm without declaring it: any application can be the principal. */
export const IMPLICIT_INTERFACE = 'juju-info';

/** What kind of charm a box holds: `Kubernetes charm`, `machine charm` or `subordinate machine charm`. */
export function charmKind(model: CharmModel): string {
  if (model.kind === 'kubernetes') return 'Kubernetes charm';
  return model.subordinate ? 'subordinate machine charm' : 'machine charm';
}

/** The endpoints a subordinate charm attaches to its principal through: its container-scoped ones. */
export function principalEndpoints(model: CharmModel): Endpoint[] {
  if (!model.subordinate) return [];
  return model.endpoints.filter((e) => e.role !== 'peers' && e.scope === 'container');
}

/** How the principal is named: any charm for `juju-info`, else the counterpart of each endpoint. */
export function principalKinds(endpoints: readonly Endpoint[]): string[] {
  const names = endpoints.map((e) =>
    e.interface === IMPLICIT_INTERFACE ? 'any charm (juju-info)' : counterpartName(e),
  );
  return [...new Set(names)];
}

/**
 * The box the charm shares with its principal has no title: Mermaid centres a subgraph's title on
 * its top edge, and top to bottom the arrows from the providers above enter the charm right there,
 * through the title's text (seen on hardware-observer). The principal's box says it instead.
 */
const UNTITLED = '';

/** The principal's last line: where it runs. */
export function sameMachineLine(name: string): string {
  return `same machine as ${name}`;
}

/** The diagram's legend for a subordinate, said in the description and in the section's prose. */
export function subordinateLegend(name: string): string {
  return `${name} is a subordinate charm: each of its units runs on the machine of a principal unit, drawn in one box with it and joined by the container-scoped endpoints.`;
}

/**
 * Opens the shared machine box, writes the charm node (by `writeCharm`) and the principal inside it,
 * and returns their ids. The edges are the caller's to write after every subgraph: an edge written
 * inside a subgraph block pulls its other end into that subgraph.
 */
export function writeSharedMachine(
  w: FlowchartWriter,
  name: string,
  endpoints: readonly Endpoint[],
  writeCharm: () => string,
): {charm: string; principal: string} {
  w.subgraph(UNTITLED, {classes: ['unit']});
  const charm = writeCharm();
  // Never marked optional: a subordinate unit exists only beside a principal unit.
  const principal = w.node(['Principal application', principalKinds(endpoints).join(' or '), sameMachineLine(name)], {
    shape: 'round',
    classes: ['external'],
  });
  w.end();
  return {charm, principal};
}
