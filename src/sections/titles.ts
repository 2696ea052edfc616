/**
 * The author headings each directive adopts: the titles of the hand-written
 * template (and the plain names people use), compared case-insensitively after
 * collapsing punctuation and spaces. A page converted section by section keeps
 * its own headings (`## Juju events` then `:::juju-events`), so the directive
 * must not print a second one.
 */
const ADOPTED_TITLES: Readonly<Record<string, readonly RegExp[]>> = {
  'charm-overview': [/^overview$/],
  // The template's title names the charm: "High-level overview of <charm-name> deployment".
  'deployment-diagram': [/^high level overview of .+ deployment$/, /^high level overview of the deployment$/, /^deployment( diagram| overview)?$/],
  'charm-diagram': [/^charm architecture( diagram)?$/],
  'charm-containers': [/^containers$/, /^workload containers$/],
  'oci-images': [/^oci images$/, /^rocks$/],
  'charm-metrics': [/^metrics$/, /^observability$/],
  'juju-events': [/^(juju )?events$/, /^observed events$/],
  'charm-code-overview': [/^(charm )?code overview$/],
  'pebble-layers': [/^pebble layers$/, /^pebble services$/],
  'charm-integrations': [/^integrations$/, /^relations$/, /^endpoints$/],
  'charm-config': [/^config(uration)?( options)?$/],
  'charm-actions': [/^actions$/],
};

/** `High-level overview of Pastebin's deployment!` -> `high level overview of pastebin s deployment`. */
export function normaliseTitle(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Whether an author heading with this text is the heading of the directive's own section. */
export function adoptsTitle(directive: string, authorTitle: string, generatedTitle: string): boolean {
  const author = normaliseTitle(authorTitle);
  if (author === '') return false;
  return author === normaliseTitle(generatedTitle) || (ADOPTED_TITLES[directive] ?? []).some((re) => re.test(author));
}
