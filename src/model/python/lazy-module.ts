/**
 * A library module whose classes and functions are parsed when first used. A project reads a
 * library to resolve the one or two classes it constructs (their `__init__`, their attributes):
 * on real projects that is a tenth of the 500 to 800 KiB of Python in lib/, and parsing is most of a
 * cold load. The module's other statements (imports, constants, `if`/`try` blocks) are parsed at
 * once; each `class`/`def` statement (found by statements.ts, a scan of the text) when its name is
 * looked up. Asking for every entry (iterating `classes`, reading `py.tree`) parses the whole file,
 * so a reader that walks the module sees exactly what a full parse gives.
 */
import type {Tree} from '@lezer/common';
import type {SourceFile} from '../sources/text.js';
import {indexStatement, statementsOf} from './module-index.js';
import type {ClassInfo, FunctionInfo, LazyPart, ModuleInfo} from './module-info.js';
import {topLevelStatements, type TopStatement} from './statements.js';
import {
  parsedText,
  parseModule,
  parseStatements,
  textKeyOf,
  type PyModule,
  type SyntaxNode,
  type TextRange,
} from './syntax.js';

/** A name index whose entries are parsed on first lookup; iterating it parses the rest of the module. */
class LazyNames<V extends {node: SyntaxNode}> extends Map<string, V> {
  constructor(private readonly owner: {need(name: string): void; needAll(): void}) {
    super();
  }

  override get(name: string): V | undefined {
    this.owner.need(name);
    return super.get(name);
  }

  override has(name: string): boolean {
    this.owner.need(name);
    return super.has(name);
  }

  override get size(): number {
    this.owner.needAll();
    return super.size;
  }

  override keys(): MapIterator<string> {
    this.owner.needAll();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.owner.needAll();
    return super.values();
  }

  override entries(): MapIterator<[string, V]> {
    this.owner.needAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.owner.needAll();
    super.forEach(fn, thisArg);
  }

  /** Entries parsed so far, parsing nothing more. */
  parsed(): V[] {
    return [...super.values()];
  }

  /** Puts back an entry a later definition holds (an earlier one was just parsed). */
  restore(name: string, value: V): void {
    super.set(name, value);
  }

  /** The entry for `name`, parsing nothing. */
  peek(name: string): V | undefined {
    return super.get(name);
  }

  /** Source order, as a whole-module index has it (iteration order is insertion order). */
  sortBySource(): void {
    const all = [...super.entries()].sort((a, b) => a[1].node.from - b[1].node.from);
    super.clear();
    for (const [k, v] of all) super.set(k, v);
  }
}

/**
 * The module, indexed lazily; `undefined` when it should be parsed whole: no class or function to
 * defer, or a text the statement scan cannot split with certainty (then a full parse says what is wrong).
 */
export function lazyModule(original: SourceFile, name: string, origin: 'src' | 'lib'): ModuleInfo | undefined {
  const file = parsedText(original);
  const statements = topLevelStatements(file.text);
  if (!statements?.some((s) => s.kind === 'class' || s.kind === 'def')) return undefined;
  return new LazyModule(file, name, origin, statements).info;
}

class LazyModule implements LazyPart {
  readonly info: ModuleInfo;
  generation = 0;
  private readonly pending = new Map<string, TopStatement[]>();
  private readonly textKey: string;
  private fullTree: Tree | undefined;
  private readonly classes: LazyNames<ClassInfo>;
  private readonly functions: LazyNames<FunctionInfo>;

  constructor(
    private readonly file: SourceFile,
    name: string,
    origin: 'src' | 'lib',
    private readonly statements: TopStatement[],
  ) {
    this.textKey = textKeyOf(file.text);
    this.classes = new LazyNames<ClassInfo>(this);
    this.functions = new LazyNames<FunctionInfo>(this);
    // The whole tree only when something walks it: the getter parses what is still deferred.
    const wholeTree = (): Tree => {
      this.needAll();
      return this.fullTree!;
    };
    const py: PyModule = {
      file,
      name,
      get tree(): Tree {
        return wholeTree();
      },
    };
    this.info = {
      py,
      origin,
      imports: new Map(),
      assigns: new Map(),
      classes: this.classes,
      functions: this.functions,
      lazy: this,
    };
    for (const s of statements)
      if (s.kind === 'class' || s.kind === 'def') this.pending.set(s.name!, [...(this.pending.get(s.name!) ?? []), s]);
    // Everything but the deferred definitions and bare strings, in one parse (with the text before the first statement).
    const header: TextRange[] = [];
    for (const s of statements) {
      if (s.kind !== 'other') continue;
      const last = header[header.length - 1];
      if (last?.to === s.from) last.to = s.to;
      else header.push({from: s === statements[0] ? 0 : s.from, to: s.to});
    }
    this.index(header);
  }

  need(name: string): void {
    const list = this.pending.get(name);
    if (!list) return;
    this.pending.delete(name);
    this.index(list, name);
  }

  /** Parses the definition that holds `offset`, if it is still deferred. */
  needAt(offset: number): void {
    const s = this.statements.find(
      (x) => (x.kind === 'class' || x.kind === 'def') && x.from <= offset && offset < x.to,
    );
    if (s?.name && this.pending.get(s.name)?.includes(s)) this.need(s.name);
  }

  needAll(): void {
    if (this.fullTree) return;
    const full = parseModule(this.file, this.info.py.name);
    this.fullTree = full.tree;
    const deferred = new Map([...this.pending.values()].flat().map((s) => [s.from, s.name!]));
    this.pending.clear();
    for (const node of statementsOf(full.tree.topNode)) {
      const name = deferred.get(node.from);
      if (name) this.indexDefinition(node, name);
    }
    this.classes.sortBySource();
    this.functions.sortBySource();
    // The whole file now counts, as it would parsed whole: its first error, wherever it is.
    if (full.syntaxError) this.info.py.syntaxError = full.syntaxError;
    else delete this.info.py.syntaxError;
    this.generation++;
  }

  parsedClasses(): ClassInfo[] {
    return this.classes.parsed();
  }

  parsedFunctions(): FunctionInfo[] {
    return this.functions.parsed();
  }

  /** Deferred classes whose head passes `test` (a cheap look at the bases before any parse). */
  classesWithHead(test: (head: string) => boolean): ClassInfo[] {
    const names = this.statements
      .filter((s) => s.kind === 'class' && this.pending.get(s.name!)?.includes(s) && test(s.head ?? ''))
      .map((s) => s.name!);
    return names.map((n) => this.classes.get(n)).filter((c): c is ClassInfo => c !== undefined);
  }

  /** Parses and indexes some statements: the header (name undefined), or the definitions of one name. */
  private index(ranges: readonly TextRange[], name?: string): void {
    if (!ranges.length) return;
    const {tree, syntaxError} = parseStatements(this.file, ranges, this.textKey);
    for (const node of statementsOf(tree.topNode)) {
      if (name) this.indexDefinition(node, name);
      else indexStatement(this.info, node);
    }
    const py = this.info.py;
    if (
      syntaxError &&
      (!py.syntaxError ||
        syntaxError.line < py.syntaxError.line ||
        (syntaxError.line === py.syntaxError.line && syntaxError.column < py.syntaxError.column))
    )
      py.syntaxError = syntaxError;
    this.generation++;
  }

  /** Indexes the definition of `name`; of two definitions of a name, the later in the file wins, as in a whole-module index. */
  private indexDefinition(node: SyntaxNode, name: string): void {
    const oldClass = this.classes.peek(name);
    const oldFunction = this.functions.peek(name);
    indexStatement(this.info, node);
    const newClass = this.classes.peek(name);
    const newFunction = this.functions.peek(name);
    if (oldClass && newClass && oldClass.node.from > newClass.node.from) this.classes.restore(name, oldClass);
    if (oldFunction && newFunction && oldFunction.node.from > newFunction.node.from)
      this.functions.restore(name, oldFunction);
  }
}
