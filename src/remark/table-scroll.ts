import type {RootContent, Table} from 'mdast';
import {visit} from 'unist-util-visit';

/** Class on each generated table (sites may style it). */
export const TABLE_SCROLL_CLASS = 'charm-arch-table';

/**
 * Generated tables (Pebble services, config, integrations) are wide. Infima makes tables scroll
 * sideways (`display: block; overflow: auto`), but a site theme that sets `table {display: table}`
 * or `overflow: hidden` would clip the last columns. The same rule goes on each generated table as
 * an inline style, which a site's stylesheet does not override; the table stays an mdast table.
 */
export function scrollableTables(nodes: RootContent[]): RootContent[] {
  for (const node of nodes) {
    const mark = (table: Table): void => {
      const data = (table.data ??= {}) as {hProperties?: Record<string, unknown>};
      data.hProperties = {
        ...data.hProperties,
        className: [TABLE_SCROLL_CLASS],
        style: 'display: block; overflow-x: auto; max-width: 100%',
      };
    };
    if (node.type === 'table') mark(node);
    else visit(node, 'table', mark);
  }
  return nodes;
}
