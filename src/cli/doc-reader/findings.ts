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

/** Where a finding is reported: the page, and a line in it. */
export interface FindingPlace {
  file: string;
  line: number;
}

/**
 * A name the charm has and the page never mentions, reported at the section's heading line.
 * `detail` says where the charm declares it (` (declared in charmcraft.yaml:12)`).
 */
export function missingFinding(category: Category, name: string, at: FindingPlace, detail = ''): Finding {
  return {
    kind: 'missing',
    category,
    name,
    file: at.file,
    line: at.line,
    message: `missing ${category} \`${name}\`${detail}`,
  };
}

/**
 * A name the page writes that the charm lacks, reported where the page first writes it.
 * `why` says what the charm lacks; `hint` is a close name the charm has (`did you mean`), which
 * `hintLead` may introduce (`renamed? `).
 */
export function staleFinding(
  category: Category,
  name: string,
  at: FindingPlace,
  why: string,
  hint?: string,
  hintLead = '',
): Finding {
  return {
    kind: 'stale',
    category,
    name,
    file: at.file,
    line: at.line,
    message: `stale ${category} \`${name}\`: ${why}${hint ? ` (${hintLead}did you mean \`${hint}\`)` : ''}`,
  };
}
