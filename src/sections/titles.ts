/**
 * The author headings a directive adopts (its descriptor's `titles`: the titles of the hand-written
 * template and the plain names people use), compared case-insensitively after collapsing
 * punctuation and spaces. A page converted section by section keeps its own headings
 * (`## Juju events` then the events directive), so the directive must not print a second one.
 */

/** `High-level overview of Pastebin's deployment!` -> `high level overview of pastebin s deployment`. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether an author heading with this text is the heading of the directive's own section. */
export function adoptsTitle(titles: readonly RegExp[], authorTitle: string, generatedTitle: string): boolean {
  const author = normaliseTitle(authorTitle);
  if (author === '') return false;
  return author === normaliseTitle(generatedTitle) || titles.some((re) => re.test(author));
}
