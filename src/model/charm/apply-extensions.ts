/** Applies charmcraft extensions (flask-framework, ...) to a charm's metadata: what each one adds, marked with its origin. */
import {extensionForBase, expandDynamicConfig} from '../extensions/catalog.js';
import type {CharmMetadata} from './metadata/metadata.js';
import type {Extension} from '../types.js';

/** Adds what each charmcraft extension declares, marked with its origin; the charm's own declarations win. */
export function applyExtensions(meta: CharmMetadata): Extension[] {
  const out: Extension[] = [];
  for (const name of meta.extensionNames) {
    const ext = extensionForBase(name, meta.bases[0]?.name);
    if (!ext) continue;
    const origin = `extension:${name}` as const;
    out.push({name, framework: ext.framework, charmBaseClass: ext.charmBaseClass});
    const add = <T extends {name: string}>(list: T[], items: Array<Omit<T, 'origin'>>): void => {
      for (const item of items)
        if (!list.some((x) => x.name === item.name)) list.push({...item, origin} as unknown as T);
    };
    add(meta.containers, ext.containers);
    add(meta.resources, ext.resources);
    for (const e of ext.endpoints)
      if (!meta.endpoints.some((x) => x.name === e.name)) meta.endpoints.push({...e, origin});
    add(meta.actions, ext.actions);
    add(meta.config, [
      ...ext.config,
      ...expandDynamicConfig(
        ext,
        meta.endpoints.filter((e) => e.role === 'requires'),
      ),
    ]);
    for (const a of ext.assumes) if (!meta.assumes.includes(a)) meta.assumes.push(a);
  }
  return out;
}
