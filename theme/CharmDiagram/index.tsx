/// <reference types="@docusaurus/module-type-aliases" />
/**
 * `<CharmDiagram>`: a charm architecture diagram (Mermaid text from
 * src/diagrams), rendered on the client with @docusaurus/theme-mermaid's
 * hooks, so it uses the site's `themeConfig.mermaid` (theme per colour mode,
 * options) and re-renders when the colour mode changes.
 *
 * - Colours: the builders only assign class names (`class n0 ca-charm`); the CSS
 *   for them is passed as Mermaid `themeCSS` (./themeCss.ts) using Infima
 *   variables, so nodes follow the site's light/dark colours.
 * - `securityLevel: 'strict'` always, and a `maxTextSize` sized for generated
 *   diagrams (./MermaidView.tsx); the site's other options are kept.
 * - Space is reserved server-side (`minHeight`) to limit layout shift.
 * - A text alternative (`alt`) in a <details>, an expand / zoom view, copy
 *   source, download SVG, and an error box with the message and the source
 *   whenever Mermaid refuses the diagram.
 * - Every UI string goes through `translate()` (./messages.ts).
 *
 * Props are plain strings because the remark transformer writes this element
 * as MDX JSX; their types are the shared diagram contract (src/diagrams/props.ts,
 * through ./types.ts). Swizzle-safe to wrap (see getSwizzleConfig).
 */
import {useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode} from 'react';
import {DiagramErrorBoundary} from './ErrorBox.js';
import {MermaidView} from './MermaidView.js';
import {parseAlt} from './parseAlt.js';
import {TextAlternative} from './TextAlternative.js';
import {Toolbar} from './Toolbar.js';
import type {CharmDiagramProps} from './types.js';
import styles from './styles.module.css';

export type {CharmDiagramProps, CharmDiagramAltGroup} from './types.js';

export default function CharmDiagram({
  source,
  title,
  alt,
  description,
  minHeight = '16rem',
}: CharmDiagramProps): ReactNode {
  const groups = useMemo(() => parseAlt(alt), [alt]);
  const [svg, setSvg] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [zoom, setZoom] = useState(1);
  const [status, setStatus] = useState('');
  const closeRef = useRef<HTMLButtonElement>(null);
  const expandRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const text = typeof source === 'string' ? source : '';

  const onSvg = useCallback((s: string) => setSvg(s), []);

  useEffect(() => {
    if (!expanded) return undefined;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setExpanded(false);
    };
    document.addEventListener('keydown', onKey);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.style.overflow = overflow;
      expandRef.current?.focus();
    };
  }, [expanded]);

  useEffect(() => {
    if (!status) return undefined;
    const t = setTimeout(() => setStatus(''), 2500);
    return () => clearTimeout(t);
  }, [status]);

  const zoomed = expanded || zoom !== 1;

  return (
    <figure
      className={`${styles.figure} ${expanded ? styles.expanded : ''}`}
      aria-labelledby={title ? titleId : undefined}
      role={expanded ? 'dialog' : undefined}
      aria-modal={expanded ? true : undefined}
    >
      <div className={styles.toolbar}>
        {title ? (
          <figcaption id={titleId} className={styles.caption}>
            {title}
          </figcaption>
        ) : null}
        <Toolbar
          {...{source: text, title, svg, zoom, setZoom, expanded, setExpanded, status, setStatus, closeRef, expandRef}}
        />
      </div>
      <div
        className={`${styles.viewport} ${zoomed ? styles.zoomed : ''}`}
        style={{minHeight: svg ? undefined : minHeight}}
      >
        <div className={styles.canvas} style={zoomed ? {width: `${zoom * 100}%`} : undefined}>
          <DiagramErrorBoundary key={text} source={text}>
            <MermaidView source={text} minHeight={minHeight} onSvg={onSvg} />
          </DiagramErrorBoundary>
        </div>
      </div>
      {expanded ? null : <TextAlternative groups={groups} description={description} />}
    </figure>
  );
}
