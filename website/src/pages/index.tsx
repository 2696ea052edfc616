import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import CodeBlock from '@theme/CodeBlock';
import styles from './index.module.css';

const example = `# Pastebin architecture

:::charm-architecture{charm="pastebin"}
:::`;

type Card = {title: string; to: string; body: ReactNode};

const cards: Card[] = [
  {
    title: 'Get started',
    to: '/docs/getting-started',
    body: <>Install the plugin, add both halves to <code>docusaurus.config.ts</code> and write your first page.</>,
  },
  {
    title: 'Demo: a Kubernetes charm',
    to: '/docs/architecture/pastebin',
    body: <>A whole architecture page for a three-container sidecar charm, from one directive.</>,
  },
  {
    title: 'Demo: a machine charm',
    to: '/docs/architecture/logsink',
    body: <>Section directives mixed with author prose and notes on individual Juju events.</>,
  },
  {
    title: 'Directive reference',
    to: '/docs/directives',
    body: <>Every directive with its attributes, its source and its live output.</>,
  },
];

export default function Home(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  return (
    <Layout title="Home" description={siteConfig.tagline}>
      <header className={styles.hero}>
        <div className="container">
          <h1 className={styles.title}>{siteConfig.title}</h1>
          <p className={styles.tagline}>{siteConfig.tagline}</p>
          <div className={styles.buttons}>
            <Link className="button button--primary button--lg" to="/docs/getting-started">
              Get started
            </Link>
            <Link className={`button button--lg ${styles.ghost}`} to="/docs/architecture/pastebin">
              See the demo
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <div className="row">
          <div className="col col--6">
            <h2>One directive, one page</h2>
            <p>
              Charm teams keep an architecture page by hand: the containers, the Pebble services,
              the Juju events the charm observes, the integrations, a diagram or two. It drifts as
              soon as the charm changes. This plugin reads the charm's own files at build time
              (<code>charmcraft.yaml</code>, the Python source, Pebble layers, <code>rockcraft.yaml</code>)
              and writes that page for you, as Markdown with headings, tables and Mermaid diagrams.
            </p>
            <p>
              Nothing is executed: the charm's Python is parsed, never imported. Whatever the code
              computes at run time is marked as such rather than guessed.
            </p>
          </div>
          <div className="col col--6">
            <CodeBlock language="md" title="docs/architecture.md">
              {example}
            </CodeBlock>
          </div>
        </div>
        <div className={`row ${styles.cards}`}>
          {cards.map((card) => (
            <div key={card.to} className="col col--3 margin-bottom--md">
              <Link to={card.to} className={`card padding--md ${styles.card}`}>
                <h3>{card.title}</h3>
                <p>{card.body}</p>
              </Link>
            </div>
          ))}
        </div>
      </main>
    </Layout>
  );
}
