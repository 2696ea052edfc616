/** Containers, resources, storage and endpoints of a charm's metadata. */
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {
  CONTAINER,
  ENDPOINT,
  MOUNT,
  RESOURCE,
  STORAGE,
  checkFields,
  isMapping,
  optionalText,
  scalarText,
  typeName,
  type Mapping,
} from './fields.js';
import {eachEntry} from './named-entries.js';
import type {Container, Endpoint, EndpointRole, Resource, Storage} from '../../types.js';
import type {YamlFile} from '../../sources/yaml.js';

const KNOWN_ROLES: EndpointRole[] = ['requires', 'provides', 'peers'];

export function readContainers(f: YamlFile, m: Mapping, sink: DiagnosticSink): Container[] {
  return eachEntry(f, m, 'containers', sink, 'containers:\n  app:\n    resource: app-image', CONTAINER).map(
    ([name, c, path]) => {
      const rawMounts = Array.isArray(c['mounts']) ? (c['mounts'] as unknown[]) : [];
      rawMounts.forEach((mt, i) => {
        if (isMapping(mt)) checkFields(f, mt, [...path, 'mounts', String(i)], MOUNT, sink);
        else if (mt !== null)
          sink.error({
            code: 'wrong-type',
            message: `\`${[...path, 'mounts'].join('.')}\` items in ${f.file.path} must be mappings (\`storage\`, \`location\`), not ${typeName(mt)}.`,
            hint: 'Write each mount as `- storage: data` with `location: /path` below it.',
            file: f.file.path,
            ...posIn(f, [...path, 'mounts'], i),
          });
      });
      const mounts = rawMounts
        .filter(isMapping)
        .map((mt) => ({storage: scalarText(mt['storage']) ?? '', location: scalarText(mt['location']) ?? ''}));
      const bases = Array.isArray(c['bases']) ? (c['bases'] as unknown[]).filter(isMapping) : [];
      const base = bases[0]
        ? `${scalarText(bases[0]['name']) ?? 'ubuntu'}@${scalarText(bases[0]['channel']) ?? ''}`
        : undefined;
      return {
        name,
        resource: typeof c['resource'] === 'string' ? c['resource'] : null,
        ...(base ? {base} : {}),
        mounts,
        origin: 'charm' as const,
        line: f.pos(path, 'key').line,
      };
    },
  );
}

export function readResources(f: YamlFile, m: Mapping, sink: DiagnosticSink): Resource[] {
  return eachEntry(f, m, 'resources', sink, 'resources:\n  app-image:\n    type: oci-image', RESOURCE).map(
    ([name, r]) => ({
      name,
      type: scalarText(r['type']) ?? 'file',
      description: scalarText(r['description']) ?? '',
      ...optionalText('upstreamSource', r['upstream-source']),
      ...optionalText('filename', r['filename']),
      origin: 'charm' as const,
    }),
  );
}

export function readStorage(f: YamlFile, m: Mapping, sink: DiagnosticSink): Storage[] {
  return eachEntry(f, m, 'storage', sink, 'storage:\n  data:\n    type: filesystem', STORAGE).map(([name, s]) => {
    const multiple = isMapping(s['multiple']) ? s['multiple']['range'] : undefined;
    return {
      name,
      type: scalarText(s['type']) ?? 'filesystem',
      description: scalarText(s['description']) ?? '',
      ...optionalText('location', s['location']),
      ...(s['shared'] !== undefined ? {shared: s['shared'] === true} : {}),
      ...(s['read-only'] !== undefined ? {readOnly: s['read-only'] === true} : {}),
      ...optionalText('multiple', multiple),
      origin: 'charm' as const,
    };
  });
}

export function readEndpoints(f: YamlFile, m: Mapping, sink: DiagnosticSink): Endpoint[] {
  const out: Endpoint[] = [];
  for (const role of KNOWN_ROLES) {
    const section = m[role];
    if (section === undefined || section === null) continue;
    if (!isMapping(section)) {
      sink.error({
        code: 'wrong-type',
        message: `\`${role}\` in ${f.file.path} must be a mapping of endpoint names to definitions, not ${typeName(section)}.`,
        hint: `Write it as:\n${role}:\n  database:\n    interface: postgresql_client`,
        file: f.file.path,
        ...f.pos([role], 'key'),
      });
      continue;
    }
    for (const [name, value] of Object.entries(section)) {
      if (!name.trim()) {
        sink.error({
          code: 'empty-name',
          message: `An endpoint of \`${role}\` in ${f.file.path} has an empty name.`,
          hint: 'Give it a name (lowercase letters, digits and hyphens).',
          file: f.file.path,
          ...f.pos([role, name], 'key'),
        });
        continue;
      }
      if (value !== null && value !== undefined && typeof value !== 'string' && !isMapping(value)) {
        sink.error({
          code: 'wrong-type',
          message: `Endpoint \`${role}.${name}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`,
          hint: `Write it as:\n${role}:\n  ${name}:\n    interface: <interface-name>`,
          file: f.file.path,
          ...f.pos([role, name], 'key'),
        });
        continue;
      }
      // Very old charms write `endpoint: interface`.
      const def: Mapping = typeof value === 'string' ? {interface: value} : isMapping(value) ? value : {};
      if (isMapping(value) && !checkFields(f, value, [role, name], ENDPOINT, sink)) continue;
      if (typeof def['interface'] !== 'string') {
        sink.error({
          code: 'missing-interface',
          message: `Endpoint \`${role}.${name}\` in ${f.file.path} has no \`interface\`.`,
          hint: 'Add `interface: <interface-name>` to the endpoint.',
          file: f.file.path,
          ...f.pos([role, name], 'key'),
        });
      }
      const limit = def['limit'];
      const scope = def['scope'];
      out.push({
        name,
        role,
        interface: typeof def['interface'] === 'string' ? def['interface'] : '',
        optional: def['optional'] === true,
        ...(typeof limit === 'number' ? {limit} : {}),
        ...(scope === 'global' || scope === 'container' ? {scope} : {}),
        description: typeof def['description'] === 'string' ? def['description'] : '',
        origin: 'charm',
        line: f.pos([role, name], 'key').line,
      });
    }
  }
  return out;
}

/** Position of item `i` of the sequence at `path` (YamlFile.pos takes string keys and number indexes). */
function posIn(f: YamlFile, path: readonly string[], i: number): {line: number; column: number} {
  return f.pos([...path, i]);
}
