/**
 * What ops gives a charm's objects and the evaluator cannot read: `self.model.relations` (the
 * endpoint names), `self.meta.containers`, `.relations`, `.storages`, `.actions` (names, in
 * metadata order; `self.unit.containers` the same containers; `meta.containers.values()` the containers, with their `name`) and
 * `self.meta.series`. A loop over them observes one event per name.
 */
import type {AttributeHook, ClassRef, Value} from '../../python/values.js';
import type {CharmNames} from './event-names.js';

const MODEL: ClassRef = {name: 'Model', module: 'ops.model'};
const META: ClassRef = {name: 'CharmMeta', module: 'ops.charm'};
const CONTAINER_META: ClassRef = {name: 'ContainerMeta', module: 'ops.charm'};
const UNIT: ClassRef = {name: 'Unit', module: 'ops.model'};

const is = (owner: Value, ref: ClassRef): boolean =>
  owner.t === 'instance' && owner.cls.name === ref.name && owner.cls.module === ref.module;

export function frameworkAttributes(names: CharmNames, series: string[]): AttributeHook {
  const strings = (list: string[]): Value => ({t: 'seq', items: list.map((v) => ({t: 'str', v}))});
  const meta: Readonly<Record<string, string[]>> = {
    containers: names.containers,
    relations: names.endpoints,
    storages: names.storage,
    actions: names.actions,
    series,
  };
  // The container names a `meta.containers` value stands for, and the name of each container's meta.
  const containerMaps = new WeakSet<Value>();
  const containerName = new WeakMap<Value, string>();
  return (owner, attr, expr) => {
    // `meta` is the charm's; `model` is also every ops.Object's (a helper's `self.model`).
    if (attr === 'meta' && owner.t === 'charm') return {t: 'instance', cls: META, expr};
    if (
      attr === 'model' &&
      (owner.t === 'charm' ||
        (owner.t === 'instance' && !is(owner, MODEL) && !is(owner, META) && !is(owner, CONTAINER_META)))
    )
      return {t: 'instance', cls: MODEL, expr};
    if (is(owner, MODEL) && attr === 'relations') return strings(names.endpoints);
    // `self.unit` / `self.model.unit`: this unit; its `containers` are the charm's, by name.
    if (attr === 'unit' && (owner.t === 'charm' || is(owner, MODEL))) return {t: 'instance', cls: UNIT, expr};
    if (is(owner, UNIT) && attr === 'containers') {
      const value = strings(names.containers);
      containerMaps.add(value);
      return value;
    }
    if (is(owner, META) && Object.hasOwn(meta, attr)) {
      const value = strings(meta[attr]!);
      if (attr === 'containers') containerMaps.add(value);
      return value;
    }
    if (attr === 'values()' && containerMaps.has(owner)) {
      return {
        t: 'seq',
        items: names.containers.map((name) => {
          const container: Value = {t: 'instance', cls: CONTAINER_META, expr: `${expr}[${JSON.stringify(name)}]`};
          containerName.set(container, name);
          return container;
        }),
      };
    }
    if (is(owner, CONTAINER_META) && attr === 'name' && containerName.has(owner))
      return {t: 'str', v: containerName.get(owner)!};
    return undefined;
  };
}
