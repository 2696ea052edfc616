/** Events a charm observes through base classes outside its own source: paas-charm (catalogued) or a vendored base in lib/. */
import {charmContext} from '../python-domain.js';
import {findExtensionByBaseClass, inheritedEventsFor, PAAS_CHARM_VERSION} from '../../extensions/catalog.js';
import type {CharmMetadata} from '../metadata/metadata.js';
import {describeCharmClass} from './charm-classes.js';
import {classChain} from '../../python/classes.js';
import {opsAttributeName} from './event-names.js';
import {observedEventsIn} from './observe.js';
import {type ClassInfo} from '../../python/module-info.js';
import type {ObservedEvent} from '../../types.js';

/** Events observed by base classes outside the charm's source: paas-charm (catalogued) or a vendored base in lib/. */
export function inheritedEvents(
  meta: CharmMetadata,
  mains: ClassInfo[],
  scan: Parameters<typeof observedEventsIn>[1],
  pinnedRelease: () => string | undefined,
): ObservedEvent[] {
  const out: ObservedEvent[] = [];
  for (const main of mains) {
    const chain = classChain(main, charmContext(scan.project, main.module, scan.isCharmClass));
    const allBases = chain.flatMap((c) => c.bases);
    const paas = allBases.map((b) => findExtensionByBaseClass(b)).find((e) => e !== undefined);
    if (paas) {
      const container =
        meta.containers.find((c) => c.origin.startsWith('extension:'))?.name ?? meta.containers[0]?.name ?? 'app';
      // The release the charm pins decides which events its base classes observe (its lock files are read only here).
      for (const e of inheritedEventsFor(paas.framework, meta.endpoints, container, pinnedRelease())) {
        out.push({
          file: main.module.py.file.path,
          line: describeCharmClass(main).line,
          column: 1,
          name: e.name,
          kind: e.kind,
          expression: e.emitter
            ? `${e.emitter.expression}.on.${opsAttributeName(e.name)}`
            : `self.on.${opsAttributeName(e.name)}`,
          handler: e.handler,
          handlerExpression: `self.${e.handler}`,
          ...(e.handlerDoc ? {handlerDoc: e.handlerDoc} : {}),
          ...(e.emitter ? {emitter: e.emitter} : {}),
          ...(e.endpoint ? {endpoint: e.endpoint} : {}),
          ...(e.container ? {container: e.container} : {}),
          ...(e.action ? {action: e.action} : {}),
          observer: e.observer ?? paas.charmBaseClass,
          resolved: true,
          inherited: true,
          inheritedFrom: `paas-charm ${PAAS_CHARM_VERSION} (${e.file}${e.line ? `:${e.line}` : ''})`,
        });
      }
    }
    const vendored = new Set(chain.filter((c) => c.module.origin === 'lib'));
    if (vendored.size) {
      const libModules = [...new Set([...vendored].map((c) => c.module))];
      for (const e of observedEventsIn(libModules, scan, vendored))
        out.push({...e, inherited: true, inheritedFrom: e.file});
    }
  }
  return out;
}
