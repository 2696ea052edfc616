/**
 * The object a library class's observe call runs on. `framework.observe(..., self._handle_relation)`
 * is often written in a base class's `__init__` whose method is an abstract stub ("Subclasses should
 * implement this method", `raise NotImplementedError`); the object is the subclass the charm
 * constructed, and its override is what runs. So `self` there is an instance of the constructed
 * class, and `self.<method>` resolves through that class's chain, most-derived first.
 */
import type {ClassInfo, FunctionInfo} from '../../python/module-info.js';
import {type DomainHooks, selfFor, type Value} from '../../python/values.js';
import {boundSelf, type ChainBindings} from '../../python/chain-bindings.js';

/**
 * `self` in a method of `cls`, a class of the constructed object's chain. `bindings` holds that
 * chain in method resolution order (chainBindings), so its first class is the one constructed.
 */
export function runningSelf(cls: ClassInfo, bindings: ChainBindings): Value {
  const constructed = bindings.keys().next().value ?? cls;
  return boundSelf(constructed, bindings);
}

/**
 * A method of a base class run by an object of `sub` (a subclass that keeps the base's `__init__`,
 * constructed by the charm): its `self` parameter is bound to an instance of `sub`.
 */
export function bindSelf(env: Map<string, Value>, fn: FunctionInfo, sub: ClassInfo, domain: DomainHooks): void {
  const selfName = fn.params[0]?.name;
  if (selfName) env.set(selfName, selfFor(sub, sub.module, domain));
}
