import {repositoryPath, type LinkOptions} from './context.js';

/**
 * Where a link may point on a generated page. Only absolute web and mail URLs and in-page anchors:
 * Docusaurus's own Markdown-link handling, which runs after this plugin, copies any file a relative
 * or root-relative link names into the build output and publishes it (`../../etc/passwd`).
 */
export function isPublishableUrl(url: string): boolean {
  return /^(?:https?:\/\/[^/\\]|mailto:|#)/i.test(url.trim());
}

/**
 * The URL a link written in charm text (a description, a docstring) gets on the page, or null when
 * it must become text. A path relative to the charm becomes a link to that file in the charm's
 * repository when `repository` is configured and the path stays inside the repository.
 */
export function charmLinkUrl(url: string, links?: LinkOptions): string | null {
  if (isPublishableUrl(url)) return url.trim();
  return links?.repository ? repositoryFileUrl(url.trim(), links.repository, links) : null;
}

function repositoryFileUrl(url: string, repository: string, links: LinkOptions): string | null {
  const [, rawPath = '', fragment = ''] = /^([^?#]*)(?:\?[^#]*)?(#.*)?$/.exec(url) ?? [];
  let path: string;
  try {
    // Judged as a server would read it: `%2e%2e/` is `../`, and a backslash a separator.
    path = decodeURIComponent(rawPath).replace(/\\/g, '/');
  } catch {
    return null;
  }
  // Root-relative (`/x`), protocol-relative (`//host`) and other schemes (`file:`, `data:`) are not charm paths.
  if (!path || path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  const inRepository = repositoryPath(links, path);
  if (inRepository === null) return null;
  const file = inRepository === '.' ? '' : inRepository;
  return `${repository.replace(/\/+$/, '')}/blob/${links.branch ?? 'main'}/${file.split('/').map(encodeURIComponent).join('/')}${fragment}`;
}
