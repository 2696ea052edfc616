import type {CheckCategory} from '../../sections/directive.js';

/** What `charm-arch check` reports (the directives' descriptors name the categories they generate). */
export type Category = CheckCategory;

export const CATEGORIES: readonly Category[] = ['event', 'container', 'rock', 'endpoint', 'action'];

export interface Finding {
  kind: 'missing' | 'stale';
  category: Category;
  /** Missing: the charm's name (hook style for events). Stale: the name as the page writes it. */
  name: string;
  /** The page, as given on the command line. */
  file: string;
  /** Missing: the section heading's line. Stale: the first line that mentions it. */
  line: number;
  message: string;
}

/** What the check did with each category. */
export interface SectionReport {
  category: Category;
  /** `compared`; `delegated` (the section only points elsewhere); `generated` (a directive writes it); `absent`. */
  status: 'compared' | 'delegated' | 'generated' | 'absent';
  title?: string;
  line?: number;
}

export interface Comparison {
  findings: Finding[];
  sections: SectionReport[];
}
