import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  docs: [
    'intro',
    'getting-started',
    {
      type: 'category',
      label: 'Demo: generated pages',
      collapsed: false,
      items: ['architecture/pastebin', 'architecture/logsink'],
    },
    {
      type: 'category',
      label: 'Demo: a family of charms',
      collapsed: false,
      items: ['family/integration-map', 'family/catalog'],
    },
    {
      type: 'category',
      label: 'Directives',
      link: {type: 'doc', id: 'directives/index'},
      items: [
        'directives/charm-architecture',
        'directives/charm-overview',
        'directives/deployment-diagram',
        'directives/charm-diagram',
        'directives/charm-containers',
        'directives/oci-images',
        'directives/charm-metrics',
        'directives/juju-events',
        'directives/charm-code-overview',
        'directives/pebble-layers',
        'directives/charm-integrations',
        'directives/charm-config',
        'directives/charm-actions',
      ],
    },
    {
      type: 'category',
      label: 'Reference',
      items: ['reference/options', 'reference/cli'],
    },
    'how-the-model-reads-a-charm',
    'versioned-pages',
    'troubleshooting',
  ],
};

export default sidebars;
