import {posix} from 'node:path';
import type {RootContent} from 'mdast';
import type {CharmModel} from '../model/index.js';

/** Where links point: the Juju docs and, when configured, the charm's repository. */
export interface LinkOptions {
  jujuDocsUrl: string;
  charmhubUrl: string;
  /** e.g. https://github.com/canonical/indico-operator */
  repository?: string;
  branch?: string;
  /** Path of the charm inside the repository (`.` at the root). */
  charmPathInRepository?: string;
}

/** Author notes on events, from list items inside a directive that takes event notes (`annotations`). */
export interface EventAnnotation {
  event: string;
  /** The endpoint or class (`on mysql`, `of IngressRequirer`) when the note is for one of several same-named events. */
  emitter?: string;
  content: Array<import('mdast').PhrasingContent>;
  /** Where the note is in the page, for drift warnings. */
  line?: number;
}

export interface SectionContext {
  model: CharmModel;
  /** Depth of the section's own heading. */
  headingLevel: number;
  links: LinkOptions;
  /** Directive attributes (filters such as `exclude`, `container`, `layout`). */
  attributes: Readonly<Record<string, string>>;
  annotations: EventAnnotation[];
}

export type SectionBuilder = (ctx: SectionContext) => RootContent[];

/**
 * A path relative to the charm as a path in its repository (the charm may sit in a subfolder), or
 * null when it leaves the repository.
 */
export function repositoryPath(links: Pick<LinkOptions, 'charmPathInRepository'>, path: string): string | null {
  const charmDir =
    links.charmPathInRepository && links.charmPathInRepository !== '.' ? links.charmPathInRepository : '';
  const inRepository = posix.normalize(posix.join(charmDir, path));
  return inRepository === '..' || inRepository.startsWith('../') || inRepository.startsWith('/') ? null : inRepository;
}

/**
 * Repository link to `file:line` (a path relative to the charm), or null when no repository is
 * configured or the file lies outside it. A file beside the charm (`../rock/rockcraft.yaml` of a
 * charm in a subfolder) is still in the repository and gets its link.
 */
export function sourceUrl(links: LinkOptions, file: string, line?: number): string | null {
  const inRepository = links.repository ? repositoryPath(links, file) : null;
  if (!links.repository || inRepository === null) return null;
  const base = links.repository.replace(/\/+$/, '');
  return `${base}/blob/${links.branch ?? 'main'}/${inRepository}${line ? `#L${line}` : ''}`;
}

/** The charm's display name, trimmed to one line (one implementation for sections and diagrams). */
export {charmTitle} from '../diagrams/deployment.js';
