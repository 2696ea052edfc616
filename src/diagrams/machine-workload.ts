/**
 * A machine charm's workload as the diagram and the text name it: one item per snap (with its
 * channel, revision and services), apt package and systemd unit. A name computed at runtime is
 * shown as the expression that builds it and says so.
 */
import type {CharmModel, MachineSnap, MachineWorkloadName} from '../model/index.js';
import type {FlowchartWriter} from './flowchart.js';
import type {AltGroup} from './props.js';

export type WorkloadItemKind = 'snap' | 'apt package' | 'systemd unit';

export interface WorkloadItem {
  kind: WorkloadItemKind;
  name: string;
  computed: boolean;
  /** `channel 8.0/stable`, `revision 58`, `services: a, b` (computed ones say so). */
  details: string[];
  file: string;
  line: number;
}

function snapDetails(s: MachineSnap): string[] {
  const out: string[] = [];
  if (s.channel !== undefined) out.push(s.channelComputed ? 'channel computed at runtime' : `channel ${s.channel}`);
  if (s.revision !== undefined)
    out.push(s.revisionComputed ? 'revision computed at runtime' : `revision ${s.revision}`);
  if (s.services.length) out.push(`services: ${s.services.join(', ')}`);
  return out;
}

function item(kind: WorkloadItemKind, n: MachineWorkloadName, details: string[] = []): WorkloadItem {
  return {kind, name: n.name, computed: n.computed === true, details, file: n.file, line: n.line};
}

/** Everything a machine charm installs and manages, snaps first; empty for other charms. */
export function machineWorkloadItems(model: CharmModel): WorkloadItem[] {
  const w = model.kind === 'machine' ? model.machineWorkload : undefined;
  if (!w) return [];
  return [
    ...w.snaps.map((s) => item('snap', s, snapDetails(s))),
    ...w.packages.map((p) => item('apt package', p)),
    ...w.systemdUnits.map((u) => item('systemd unit', u)),
  ];
}

/** `the charmed-mysql snap`, `a systemd unit computed at runtime (f"...")`: one item in a sentence. */
export function workloadItemPhrase(i: WorkloadItem): string {
  return i.computed ? `a ${i.kind} named at runtime (${i.name})` : `the ${i.name} ${i.kind}`;
}

/** `a, b and c`. */
export function joinPhrases(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/**
 * Draws the workload inside the unit box: a `workload` subgraph with one node per item (class
 * `workload`; a computed name `computed`), and the charm's `installs and manages` edge into it.
 */
export function drawMachineWorkload(writer: FlowchartWriter, charmNode: string, items: WorkloadItem[]): AltGroup {
  const box = writer.subgraph('workload');
  for (const i of items) {
    const kind = i.computed ? `${i.kind}, name computed at runtime` : i.kind;
    writer.node([i.name, kind, ...i.details], {shape: 'round', classes: [i.computed ? 'computed' : 'workload']});
  }
  writer.end();
  writer.edge(charmNode, box, 'installs and manages');
  return {
    label: 'Workload (installed and managed by the charm)',
    items: items.map((i) => {
      const details = [i.computed ? 'name computed at runtime' : '', ...i.details].filter(Boolean).join('; ');
      return `${i.kind} ${i.name}${details ? ` (${details})` : ''}, read at ${i.file}:${i.line}`;
    }),
  };
}
