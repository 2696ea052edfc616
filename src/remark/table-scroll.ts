import type {RootContent, Table} from 'mdast';
import {visit} from 'unist-util-visit';

/** Class on the scroll container around each generated table (sites may style it). */
export const TABLE_SCROLL_CLASS = 'charm-arch-table-scroll';

/**
 * Generated tables (Pebble services, config, integrations) are wide. Infima scrolls tables, but a
 * site theme that sets `table {display: table}` or `overflow: hidden` would clip the last columns:
 * each table goes into its own horizontal scroll container, whatever the site's CSS. The container
 * is an mdast node that only mdast-util-to-hast reads (`data.hName`), so it renders as a `<div>`.
 */
export function wrapTables(nodes: RootContent[]): RootContent[] {
  const wrap = (table: Table): RootContent =>
    ({type: 'charmTableScroll', children: [table], data: {hName: 'div', hProperties: {className: [TABLE_SCROLL_CLASS], style: 'overflow-x: auto; max-width: 100%'}}}) as unknown as RootContent;
  return nodes.map((node) => {
    if (node.type === 'table') return wrap(node);
    visit(node, 'table', (table: Table, index, parent) => {
      if (parent && index !== undefined) (parent.children as RootContent[])[index] = wrap(table);
    });
    return node;
  });
}
