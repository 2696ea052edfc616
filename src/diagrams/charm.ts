/**
 * The charm diagram: the charm alone.
 *
 * Kubernetes charms: a subgraph for the unit's pod (class `unit`) holding the
 * charm container (subgraph, class `container`, with the charm class on ops +
 * the Juju agent: class `charm`) and one subgraph per workload container
 * (class `container`) with its Pebble services (class `workload`; metrics
 * exporters also `exporter`). Services come from Pebble layers added to that
 * container and from the services of the rock that feeds it. The OCI image
 * (resource, and rock when known) is a node outside the pod with an `image`
 * edge into the container (class `image`); storage mounted by a container is
 * a cylinder (class `storage`) with a `mounted at …` edge.
 * The charm talks to each workload container's Pebble: dotted edge `Pebble API`.
 *
 * Machine charms: a subgraph for the unit (machine) with the charm, its
 * workload (snaps, apt packages, systemd units: a `workload` subgraph the charm
 * `installs and manages`, ./machine-workload.ts) and the services the model
 * knows (Pebble layers without a container, exporters); file resources are
 * nodes outside with an edge into the unit.
 *
 * The pod holds exactly the containers the metadata declares. Nothing is
 * invented: Pebble layers of the charm code whose container is not resolved go
 * into a box OUTSIDE the pod; rocks that are no container's image (test rocks
 * elsewhere in the repository) are named in the text alternative, not drawn
 * (./charm-rocks.ts); layers computed at runtime add a `more computed at
 * runtime` node (class `computed`).
 */
import {containerServices as servicesFor, type ContainerService as ServiceInfo} from '../model/index.js';
import type {CharmModel, Container} from '../model/index.js';
import {rockOf, unmatchedRockAlt, unmatchedRocks, withoutUnplacedRockLayers} from './charm-rocks.js';
import {charmTitle} from './deployment.js';
import {FlowchartWriter} from './flowchart.js';
import type {AltGroup, DiagramResult} from './props.js';
import type {DiagramClass} from './types.js';
import {drawMachineWorkload, joinPhrases, machineWorkloadItems, workloadItemPhrase} from './machine-workload.js';

/** The charm class name, else a generic label. */
export function charmClassName(model: CharmModel): string {
  return model.charmClasses[0]?.name ?? `${model.name} charm`;
}

function serviceLabel(s: ServiceInfo): string[] {
  return [s.name, s.exporter ? 'metrics exporter' : 'Pebble service'];
}

function serviceAlt(s: ServiceInfo): string {
  const parts = [`${s.name} (${s.exporter ? 'metrics exporter, ' : ''}from ${s.source})`];
  if (s.command) parts.push(`command: ${s.command}`);
  return parts.join(', ');
}

export function charmDiagram(model: CharmModel): DiagramResult {
  const name = charmTitle(model);
  const className = charmClassName(model);
  const k8s = model.kind === 'kubernetes';
  // A subordinate's units run on the machines of its principal's units, not on machines of their own.
  const machineLabel = model.subordinate ? 'beside a principal unit' : 'machine';
  const title = `Architecture of the ${name} charm`;
  const alt: AltGroup[] = [];
  const containers = model.containers;
  const unmatched = unmatchedRocks(model);
  // A machine charm's snaps, apt packages and systemd units (none for Kubernetes charms).
  const workload = machineWorkloadItems(model);
  const workloadText = workload.length ? `: ${joinPhrases(workload.map(workloadItemPhrase))}` : '';
  const description =
    (k8s
      ? `Each unit of the ${name} charm is a Kubernetes pod with the charm container (${className} on ops, with the Juju agent) ` +
        `and ${containers.length} workload container(s)${containers.length ? `: ${containers.map((c) => c.name).join(', ')}` : ''}, each running its Pebble services.`
      : model.subordinate
        ? `Each unit of the subordinate ${name} charm runs on the machine of a principal unit: the charm (${className} on ops, with the Juju agent) and its workload${workloadText}.`
        : `Each unit of the ${name} charm is a machine running the charm (${className} on ops, with the Juju agent) and its workload${workloadText}.`) +
    // Said here too: Markdown and MyST output carry the description (accDescr), not the text alternative.
    (unmatched.length
      ? ` Not drawn, as no container's image: the rock(s) ${unmatched.map((r) => r.name).join(', ')}.`
      : '');
  const writer = new FlowchartWriter('TB', title, description);

  const unit = writer.subgraph(k8s ? `${name} unit (Kubernetes pod)` : `${name} unit (${machineLabel})`, {
    classes: ['unit'],
  });
  let charmNode: string;
  if (k8s) {
    writer.subgraph('charm container', {classes: ['container']});
    charmNode = writer.node([className, 'ops + Juju agent'], {classes: ['charm']});
    writer.end();
  } else {
    charmNode = writer.node([className, 'ops + Juju agent'], {classes: ['charm']});
  }
  alt.push({
    label: k8s ? 'Unit (Kubernetes pod)' : `Unit (${machineLabel})`,
    items: [
      `charm${k8s ? ' container' : ''}: ${className} on ops, with the Juju agent`,
      ...(k8s ? containers.map((c) => `workload container: ${c.name}`) : []),
    ],
  });

  const pebbleEdges: string[] = [];
  const imageEdges: Array<{container: Container; sg: string}> = [];
  const mountEdges: Array<{sg: string; storage: string; location: string}> = [];

  const serviceNodes = (services: ServiceInfo[], computed: boolean): void => {
    for (const s of services) {
      const classes: DiagramClass[] = s.exporter ? ['workload', 'exporter'] : ['workload'];
      writer.node(serviceLabel(s), {shape: 'round', classes});
    }
    if (computed) writer.node('more computed at runtime', {shape: 'round', classes: ['computed']});
    if (services.length === 0 && !computed)
      writer.node('no Pebble service found', {shape: 'round', classes: ['computed']});
  };

  if (k8s) {
    for (const c of containers) {
      const sg = writer.subgraph(`${c.name} container`, {classes: ['container']});
      const {services, computed} = servicesFor(model, c);
      serviceNodes(services, computed);
      writer.end();
      pebbleEdges.push(sg);
      imageEdges.push({container: c, sg});
      for (const m of c.mounts) mountEdges.push({sg, storage: m.storage, location: m.location});
      alt.push({
        label: `Container ${c.name}`,
        items: [
          ...services.map(serviceAlt),
          ...(computed ? ['more services computed at runtime'] : []),
          ...(services.length === 0 && !computed ? ['no Pebble service found'] : []),
          ...c.mounts.map((m) => `storage ${m.storage} mounted at ${m.location}`),
        ],
      });
    }
  }
  if (workload.length) alt.push(drawMachineWorkload(writer, charmNode, workload));
  const unresolved = servicesFor(withoutUnplacedRockLayers(model), null);
  const hasUnresolved = unresolved.services.length > 0 || unresolved.computed;
  if (hasUnresolved && !k8s) {
    serviceNodes(unresolved.services, unresolved.computed);
    alt.push({label: 'Services', items: unresolved.services.map(serviceAlt)});
  }
  writer.end(); // unit
  if (hasUnresolved && k8s) {
    // Outside the pod: they run in one of its containers, but which one is not known statically.
    writer.subgraph('Pebble services, container not resolved');
    serviceNodes(unresolved.services, unresolved.computed);
    writer.end();
    alt.push({label: 'Pebble services whose container is not resolved', items: unresolved.services.map(serviceAlt)});
  }

  for (const sg of pebbleEdges) writer.edge(charmNode, sg, 'Pebble API', 'dotted');

  const images: string[] = [];
  for (const {container, sg} of imageEdges) {
    const rock = rockOf(model, container);
    const resource = container.resource ? model.resources.find((r) => r.name === container.resource) : undefined;
    if (!container.resource && !rock) {
      if (container.base) images.push(`${container.name}: base ${container.base} (no OCI image resource)`);
      continue;
    }
    const lines: string[] = [];
    if (container.resource) lines.push(`${container.resource} (OCI image resource)`);
    if (rock) lines.push(`rock: ${rock.name}`);
    const img = writer.node(lines, {shape: 'stadium', classes: ['image']});
    writer.edge(img, sg, 'image');
    const parts = [`${container.name}: `];
    parts.push(container.resource ? `OCI image resource ${container.resource}` : 'no resource');
    if (resource?.upstreamSource) parts.push(`, upstream ${resource.upstreamSource}`);
    if (rock) parts.push(`, rock ${rock.name} (${rock.path})`);
    images.push(parts.join(''));
  }
  if (!k8s) {
    for (const r of model.resources) {
      const img = writer.node([r.name, `${r.type} resource`], {shape: 'stadium', classes: ['image']});
      writer.edge(img, unit, 'resource');
      images.push(`${r.name} (${r.type} resource)`);
    }
  }
  if (images.length > 0) alt.push({label: k8s ? 'Images' : 'Resources', items: images});
  if (unmatched.length > 0)
    alt.push({label: "Rocks that are no container's image (not drawn)", items: unmatched.map(unmatchedRockAlt)});

  const storageNodes = new Map<string, string>();
  for (const m of mountEdges) {
    let id = storageNodes.get(m.storage);
    if (!id) {
      id = writer.node([m.storage, 'storage'], {shape: 'cylinder', classes: ['storage']});
      storageNodes.set(m.storage, id);
    }
    writer.edge(m.sg, id, `mounted at ${m.location}`);
  }

  return {source: writer.toString(), title, description, alt};
}
