/** What indexing a parsed Python module records: imports, constants, classes, functions. */
import type {PyModule, SyntaxNode} from './syntax.js';

/** `from module import name as local` (name set) or `import module as local`. */
export interface ImportBinding {
  module: string;
  name?: string;
}

export interface ParamInfo {
  name: string;
  default?: SyntaxNode;
  annotation?: string;
  star?: '*' | '**';
}

export interface FunctionInfo {
  name: string;
  node: SyntaxNode;
  body: SyntaxNode | null;
  params: ParamInfo[];
  module: ModuleInfo;
  cls?: ClassInfo;
  doc?: string;
}

export interface SelfAssignment {
  value: SyntaxNode;
  fn: FunctionInfo;
}

export interface ClassInfo {
  name: string;
  node: SyntaxNode;
  module: ModuleInfo;
  /** Base class expressions as written. */
  bases: string[];
  baseNodes: SyntaxNode[];
  methods: Map<string, FunctionInfo>;
  /** Class-level assignments (`on = MyEvents()`, `NAME = "x"`). */
  attrs: Map<string, SyntaxNode>;
  /** `self.<attr> = value` in any method. */
  selfAssignments: Map<string, SelfAssignment[]>;
  /** Classes defined in the class body (`class Config: class Relations: PEERS = "x"`). */
  nested: Map<string, ClassInfo>;
}

export interface ModuleInfo {
  py: PyModule;
  /** Where the module lives: the project's source, or a library / vendored package in lib/. */
  origin: 'src' | 'lib';
  imports: Map<string, ImportBinding>;
  /** Module-level `NAME = value` (last one wins). */
  assigns: Map<string, SyntaxNode>;
  classes: Map<string, ClassInfo>;
  functions: Map<string, FunctionInfo>;
  /** A library module indexed as its names are used (lazy-module.ts); absent when parsed whole. */
  lazy?: LazyPart;
}

/** What readers that must not parse a whole library module ask of it. */
export interface LazyPart {
  /** Grows each time more of the module is parsed (caches of its entries compare it). */
  readonly generation: number;
  /** Parses the definition that holds this offset, if it is deferred. */
  needAt(offset: number): void;
  parsedClasses(): ClassInfo[];
  parsedFunctions(): FunctionInfo[];
  /** Classes whose head (the bases, as text) passes `test`, parsed now; the others stay deferred. */
  classesWithHead(test: (head: string) => boolean): ClassInfo[];
}
