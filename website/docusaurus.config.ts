import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
// Users write: import {charmArchitecture} from 'docusaurus-plugin-charm-architecture';
// This site uses the repository's own build (`npm run build` writes dist/).
import {charmArchitecture} from '../dist/src/index.js';

// Configure the charms once; the same object supplies both halves:
// `charms.plugin` (Docusaurus plugin) and `charms.remarkPlugin` (directive transformer).
const charms = charmArchitecture({
  charms: {
    pastebin: {
      path: './charms/pastebin-k8s',
      repository: 'https://github.com/example/pastebin-k8s-operator',
      branch: 'main',
    },
    logsink: {path: './charms/logsink'},
    // Connects the two above: Pastebin's logs in (loki_push_api), syslog out to Logsink.
    logrelay: {path: './charms/log-relay-k8s'},
  },
  defaultCharm: 'pastebin',
  onError: 'throw',
});

const config: Config = {
  title: 'Charm architecture for Docusaurus',
  tagline: 'Architecture pages for Juju charms, generated from the charm itself at build time.',
  favicon: 'img/favicon.svg',

  url: 'https://charm-architecture.example.org',
  baseUrl: '/',

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  // Every future / v4 flag stays off: the plugin targets the stable 3.x defaults.
  future: {
    v4: false,
    faster: false,
  },

  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },

  markdown: {
    mermaid: true,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
    },
  },
  themes: ['@docusaurus/theme-mermaid'],
  plugins: [charms.plugin],

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          // Before the defaults, so generated headings get ids and TOC entries
          // and generated ```mermaid blocks become diagrams.
          beforeDefaultRemarkPlugins: [charms.remarkPlugin],
        },
        pages: {
          beforeDefaultRemarkPlugins: [charms.remarkPlugin],
        },
        blog: false,
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    colorMode: {
      defaultMode: 'light',
      respectPrefersColorScheme: true,
    },
    mermaid: {
      theme: {light: 'neutral', dark: 'dark'},
    },
    navbar: {
      title: 'Charm architecture',
      logo: {alt: 'Charm architecture logo', src: 'img/logo.svg'},
      items: [
        {type: 'doc', docId: 'getting-started', position: 'left', label: 'Get started'},
        {type: 'doc', docId: 'architecture/pastebin', position: 'left', label: 'Demo'},
        {type: 'doc', docId: 'directives/index', position: 'left', label: 'Directives'},
        {type: 'doc', docId: 'reference/options', position: 'left', label: 'Reference'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Docs',
          items: [
            {label: 'Get started', to: '/docs/getting-started'},
            {label: 'Directives', to: '/docs/directives'},
            {label: 'Troubleshooting', to: '/docs/troubleshooting'},
          ],
        },
        {
          title: 'Demo',
          items: [
            {label: 'Pastebin (Kubernetes charm)', to: '/docs/architecture/pastebin'},
            {label: 'Logsink (machine charm)', to: '/docs/architecture/logsink'},
          ],
        },
        {
          title: 'Juju',
          items: [
            {label: 'Juju documentation', href: 'https://documentation.ubuntu.com/juju/latest/'},
            {label: 'Ops documentation', href: 'https://ops.readthedocs.io/en/latest/'},
            {label: 'Charmhub', href: 'https://charmhub.io/'},
          ],
        },
      ],
      copyright: `docusaurus-plugin-charm-architecture, Apache-2.0. The example charms on this site are fictional.`,
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
