import type {ReactNode} from 'react';
import {messages} from './messages.js';
import type {CharmDiagramAltGroup} from './types.js';
import styles from './styles.module.css';

/** The diagram as nested lists in a <details>: what a screen reader or a text browser gets. */
export function TextAlternative({
  groups,
  description,
}: {
  groups: CharmDiagramAltGroup[];
  description?: string;
}): ReactNode {
  if (groups.length === 0 && !description) return null;
  return (
    <details className={styles.alt}>
      <summary>{messages.textVersion()}</summary>
      {description ? <p>{description}</p> : null}
      <ul>
        {groups.map((g, i) => (
          <li key={i}>
            {g.label}
            {g.items.length > 0 ? (
              <ul>
                {g.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
