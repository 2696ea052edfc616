/** Types of core.mjs (plain ESM so that scripts/fuzz.mjs can run it against dist/ without a compiler). */
import type {Arbitrary} from 'fast-check';

export const SECRET_MARK: string;
export const generatorOptions: {includeKnownBugs: boolean};

export interface Mutations {
  structural: Array<Record<string, unknown>>;
  textual: Array<Record<string, unknown>>;
}
export interface CharmCase {
  spec: Record<string, unknown>;
  mutations: Mutations;
}
export interface SectionOptions {
  headingLevel: number;
  attributes: Record<string, string>;
}
export interface PageCase {
  charm: CharmCase;
  page: string;
  onError: 'throw' | 'warn';
  defaultCharm: boolean;
  repository: boolean;
}

export const textArb: Arbitrary<string>;
export const nameArb: Arbitrary<string>;
export const specArb: Arbitrary<Record<string, unknown>>;
export const charmArb: Arbitrary<CharmCase>;
export const mutatedCharmArb: Arbitrary<CharmCase>;
export const anyCharmArb: Arbitrary<CharmCase>;
export const sectionOptionsArb: Arbitrary<SectionOptions>;
export const pageArb: Arbitrary<string>;
export const remarkCaseArb: Arbitrary<PageCase>;

export function buildCharm(
  spec: Record<string, unknown>,
  mutations?: Mutations,
): {files: Record<string, Buffer>; secrets: string[]; mutated: boolean};
export function jsonProblems(value: unknown): string[];
export function readTree(dir: string): Record<string, string>;

export interface FuzzStats {
  cases: number;
  loaded: number;
  loadErrors: number;
  sections: number;
  diagrams: number;
  pages: number;
  pageErrors: number;
  slowest: number;
  peakRssMb: number;
  /** The most one case raised the peak resident memory, in MB. */
  largestRssRaiseMb: number;
  errorCodes: Map<string, number>;
  knownBugHits: Map<string, number>;
  ms: Record<string, number>;
}

export interface Fuzzer {
  checkCharm(c: CharmCase, opts?: SectionOptions): Promise<void>;
  checkPage(c: PageCase): Promise<void>;
  stats: FuzzStats;
  charmDir: string;
  pagePath: string;
}

export function createFuzzer(init: {
  api: Record<string, unknown>;
  parseMermaid: (source: string) => Promise<unknown>;
  schemaPath: string;
  workDir: string;
  caseMs?: number;
  /** Bound on the process's peak resident memory, in MB. */
  maxRssMb?: number;
  thorough?: boolean;
}): Fuzzer;

export class PropertyFailure extends Error {}
