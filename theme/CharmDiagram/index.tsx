/// <reference types="@docusaurus/module-type-aliases" />
/**
 * `<CharmDiagram>`: a charm architecture diagram (Mermaid text from
 * src/diagrams), rendered on the client with @docusaurus/theme-mermaid's
 * hooks, so it uses the site's `themeConfig.mermaid` (theme per colour mode,
 * options) and re-renders when the colour mode changes.
 *
 * - Colours: the builders only assign class names (`class n0 charm`); the CSS
 *   for them is passed as Mermaid `themeCSS` (./themeCss.ts) using Infima
 *   variables, so nodes follow the site's light/dark colours.
 * - `securityLevel: 'strict'` always (the site's other options are kept).
 * - Space is reserved server-side (`minHeight`) to limit layout shift.
 * - A text alternative (`alt`) in a <details>, an expand / zoom view, copy
 *   source, download SVG, and an error box with the message and the source
 *   when Mermaid fails.
 *
 * Props are plain strings (see ./types.ts) because the remark transformer
 * writes this element as MDX JSX.
 */
import {Component, useCallback, useEffect, useId, useMemo, useRef, useState, type ErrorInfo, type ReactNode} from 'react';
import {MermaidContainerClassName, useMermaidConfig, useMermaidRenderResult} from '@docusaurus/theme-mermaid/client';
import type {MermaidConfig, RenderResult} from 'mermaid';
import {CHARM_DIAGRAM_THEME_CSS} from './themeCss.js';
import {fileNameFor, inlineCssVariables, parseAlt} from './parseAlt.js';
import type {CharmDiagramAltGroup, CharmDiagramProps} from './types.js';
import styles from './styles.module.css';

export type {CharmDiagramProps, CharmDiagramAltGroup} from './types.js';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** The site's Mermaid config plus strict security and our themeCSS; stable across renders. */
function useCharmMermaidConfig(): MermaidConfig {
  const base = useMermaidConfig();
  return useMemo(
    () => ({
      ...base,
      securityLevel: 'strict',
      themeCSS: `${base.themeCSS ?? ''}\n${CHARM_DIAGRAM_THEME_CSS}`,
    }),
    [base],
  );
}

function SvgView({result, onSvg}: {result: RenderResult; onSvg: (svg: string) => void}): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) result.bindFunctions?.(ref.current);
    onSvg(result.svg);
  }, [result, onSvg]);
  return (
    <div
      ref={ref}
      className={`${MermaidContainerClassName} ${styles.svg}`}
      // Mermaid output, produced with securityLevel 'strict' (DOMPurify-sanitised).
      dangerouslySetInnerHTML={{__html: result.svg}}
    />
  );
}

function Renderer({source, minHeight, onSvg}: {source: string; minHeight: string; onSvg: (svg: string) => void}): ReactNode {
  const config = useCharmMermaidConfig();
  const result = useMermaidRenderResult({text: source, config});
  if (result === null) {
    return (
      <div className={styles.placeholder} style={{minHeight}} aria-busy="true">
        <span className={styles.placeholderText}>Loading diagram…</span>
      </div>
    );
  }
  return <SvgView result={result} onSvg={onSvg} />;
}

interface BoundaryProps {
  source: string;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/** Catches Mermaid errors (useMermaidRenderResult rethrows them during render). */
class DiagramErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = {error: null};

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return {error: error instanceof Error ? error : new Error(String(error))};
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Keep the page usable; say what failed in the console too.
    console.error('CharmDiagram: Mermaid could not render this diagram.', error, info.componentStack);
  }

  override render(): ReactNode {
    const {error} = this.state;
    if (error) {
      return (
        <div className={styles.error} role="alert">
          <p className={styles.errorTitle}>This diagram could not be rendered.</p>
          <pre className={styles.errorMessage}>{error.message}</pre>
          <details>
            <summary>Mermaid source</summary>
            <pre className={styles.source}>
              <code>{this.props.source}</code>
            </pre>
          </details>
        </div>
      );
    }
    return this.props.children;
  }
}

function TextAlternative({groups, description}: {groups: CharmDiagramAltGroup[]; description?: string}): ReactNode {
  if (groups.length === 0 && !description) return null;
  return (
    <details className={styles.alt}>
      <summary>Text version of this diagram</summary>
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

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea fallback
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

function downloadSvg(svg: string, title: string | undefined): void {
  const style = getComputedStyle(document.documentElement);
  let text = inlineCssVariables(svg, (name) => style.getPropertyValue(name));
  if (!text.startsWith('<?xml')) text = `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
  const url = URL.createObjectURL(new Blob([text], {type: 'image/svg+xml'}));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(title);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function CharmDiagram({source, title, alt, description, minHeight = '16rem'}: CharmDiagramProps): ReactNode {
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

  const step = (dir: 1 | -1): void => {
    const i = ZOOM_STEPS.findIndex((z) => z >= zoom);
    const next = ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, (i < 0 ? ZOOM_STEPS.length - 1 : i) + dir))]!;
    setZoom(next);
  };

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
        <div className={styles.buttons} role="toolbar" aria-label="Diagram tools">
          <button type="button" className={styles.button} onClick={() => step(-1)} disabled={!svg} aria-label="Zoom out" title="Zoom out">
            −
          </button>
          <button type="button" className={styles.button} onClick={() => setZoom(1)} disabled={!svg} aria-label="Reset zoom" title="Reset zoom">
            {Math.round(zoom * 100)}%
          </button>
          <button type="button" className={styles.button} onClick={() => step(1)} disabled={!svg} aria-label="Zoom in" title="Zoom in">
            +
          </button>
          {expanded ? (
            <button type="button" ref={closeRef} className={styles.button} onClick={() => setExpanded(false)}>
              Close
            </button>
          ) : (
            <button type="button" ref={expandRef} className={styles.button} onClick={() => setExpanded(true)} disabled={!svg}>
              Full screen
            </button>
          )}
          <button
            type="button"
            className={styles.button}
            onClick={() => {
              void copyText(text).then((ok) => setStatus(ok ? 'Source copied' : 'Copy failed'));
            }}
          >
            Copy source
          </button>
          <button
            type="button"
            className={styles.button}
            disabled={!svg}
            onClick={() => {
              if (svg) downloadSvg(svg, title);
            }}
          >
            Download SVG
          </button>
          <span className={styles.status} role="status" aria-live="polite">
            {status}
          </span>
        </div>
      </div>
      <div className={`${styles.viewport} ${zoomed ? styles.zoomed : ''}`} style={{minHeight: svg ? undefined : minHeight}}>
        <div className={styles.canvas} style={zoomed ? {width: `${zoom * 100}%`} : undefined}>
          <DiagramErrorBoundary key={text} source={text}>
            <Renderer source={text} minHeight={minHeight} onSvg={onSvg} />
          </DiagramErrorBoundary>
        </div>
      </div>
      {expanded ? null : <TextAlternative groups={groups} description={description} />}
    </figure>
  );
}
