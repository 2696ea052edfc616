/** Charms of many endpoints, for the diagram size tests (large-diagrams.ts), and their pages. */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/** A charm with `count` endpoints, half required (optional), half provided. */
export function writeManyEndpointsCharm(dir: string, count: number): void {
  const lines = [
    'name: many-endpoints',
    'type: charm',
    'title: Many endpoints',
    'summary: A charm with many endpoints.',
    'description: Generated for the diagram size test.',
    'base: ubuntu@22.04',
    'platforms:',
    '  amd64:',
    'requires:',
  ];
  for (let i = 0; i < count / 2; i++)
    lines.push(
      `  backend-database-service-${i}:`,
      `    interface: backend_database_interface_${i}`,
      '    optional: true',
    );
  lines.push('provides:');
  for (let i = 0; i < count / 2; i++)
    lines.push(`  frontend-gateway-service-${i}:`, `    interface: frontend_gateway_interface_${i}`);
  mkdirSync(join(dir, 'src'), {recursive: true});
  writeFileSync(join(dir, 'charmcraft.yaml'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(dir, 'src', 'charm.py'),
    'import ops\n\n\nclass ManyCharm(ops.CharmBase):\n    pass\n\n\nif __name__ == "__main__":\n    ops.main(ManyCharm)\n',
  );
}

/** The charm `many` has 400 endpoints, `huge` 4,000 (the site writes them with writeManyEndpointsCharm). */
export const MANY_PAGES: Record<string, string> = {
  'docs/many.md': '# Many\n\n:::deployment-diagram{charm="many"}\n:::\n',
  'docs/huge.md': '# Huge\n\n:::deployment-diagram{charm="huge"}\n:::\n',
};
