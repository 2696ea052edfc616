/**
 * The Linux charm libraries a machine charm installs and runs its workload with: snap, apt and
 * systemd, vendored (`charms.operator_libs_linux.v2.snap`) or installed (`charmlibs.snap`). A name
 * counts by what its import resolves to, never by how the charm spells it (`snap`, `snap_lib`, ...).
 */
import type {ModuleInfo} from '../../python/module-info.js';
import {type SyntaxNode, childOf, text} from '../../python/syntax.js';

export type LinuxLibrary = 'snap' | 'apt' | 'systemd';

const LIBRARY_MODULE = /^(?:charms\.operator_libs_linux\.v\d+|charmlibs)\.(snap|apt|systemd)$/;

/** What an imported name stands for: a library module (`member` absent) or one of its names. */
export interface LibraryName {
  library: LinuxLibrary;
  member?: string;
}

const bindings = new WeakMap<ModuleInfo, Map<string, LibraryName>>();

/** The module's local names bound to a Linux library or one of its names (`from ...snap import SnapCache`). */
export function linuxLibraryNames(module: ModuleInfo): Map<string, LibraryName> {
  let found = bindings.get(module);
  if (found) return found;
  found = new Map();
  for (const [local, binding] of module.imports) {
    const full = binding.name ? `${binding.module}.${binding.name}` : binding.module;
    const whole = LIBRARY_MODULE.exec(full);
    if (whole) {
      found.set(local, {library: whole[1] as LinuxLibrary});
      continue;
    }
    const member = binding.name ? LIBRARY_MODULE.exec(binding.module) : null;
    if (member && binding.name) found.set(local, {library: member[1] as LinuxLibrary, member: binding.name});
  }
  bindings.set(module, found);
  return found;
}

/** `snap.SnapCache`, `apt.add_package`, or a bare imported `SnapCache`: the library name an expression names. */
export function libraryMember(node: SyntaxNode, module: ModuleInfo): Required<LibraryName> | undefined {
  const names = linuxLibraryNames(module);
  if (node.name === 'VariableName') {
    const bound = names.get(text(module.py, node));
    return bound?.member ? {library: bound.library, member: bound.member} : undefined;
  }
  if (node.name !== 'MemberExpression') return undefined;
  const owner = node.firstChild;
  const property = childOf(node, 'PropertyName');
  if (owner?.name !== 'VariableName' || !property) return undefined;
  const bound = names.get(text(module.py, owner));
  return bound && !bound.member ? {library: bound.library, member: text(module.py, property)} : undefined;
}
