import type {ReactNode, RefObject} from 'react';
import {copyText, downloadSvg} from './actions.js';
import {messages} from './messages.js';
import styles from './styles.module.css';

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** The next zoom step up (`1`) or down (`-1`) from `zoom`, clamped to ZOOM_STEPS. */
export function nextZoom(zoom: number, dir: 1 | -1): number {
  const i = ZOOM_STEPS.findIndex((z) => z >= zoom);
  return ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, (i < 0 ? ZOOM_STEPS.length - 1 : i) + dir))]!;
}

interface ToolbarProps {
  source: string;
  title: string | undefined;
  svg: string | null;
  zoom: number;
  setZoom: (zoom: number) => void;
  expanded: boolean;
  setExpanded: (expanded: boolean) => void;
  status: string;
  setStatus: (status: string) => void;
  closeRef: RefObject<HTMLButtonElement | null>;
  expandRef: RefObject<HTMLButtonElement | null>;
}

/** Zoom, full screen, copy source, download SVG; the buttons that need the SVG wait for it. */
export function Toolbar({
  source,
  title,
  svg,
  zoom,
  setZoom,
  expanded,
  setExpanded,
  status,
  setStatus,
  closeRef,
  expandRef,
}: ToolbarProps): ReactNode {
  return (
    <div className={styles.buttons} role="toolbar" aria-label={messages.tools()}>
      <button
        type="button"
        className={styles.button}
        onClick={() => setZoom(nextZoom(zoom, -1))}
        disabled={!svg}
        aria-label={messages.zoomOut()}
        title={messages.zoomOut()}
      >
        −
      </button>
      <button
        type="button"
        className={styles.button}
        onClick={() => setZoom(1)}
        disabled={!svg}
        aria-label={messages.resetZoom()}
        title={messages.resetZoom()}
      >
        {Math.round(zoom * 100)}%
      </button>
      <button
        type="button"
        className={styles.button}
        onClick={() => setZoom(nextZoom(zoom, 1))}
        disabled={!svg}
        aria-label={messages.zoomIn()}
        title={messages.zoomIn()}
      >
        +
      </button>
      {expanded ? (
        <button type="button" ref={closeRef} className={styles.button} onClick={() => setExpanded(false)}>
          {messages.close()}
        </button>
      ) : (
        <button
          type="button"
          ref={expandRef}
          className={styles.button}
          onClick={() => setExpanded(true)}
          disabled={!svg}
        >
          {messages.fullScreen()}
        </button>
      )}
      <button
        type="button"
        className={styles.button}
        onClick={() => {
          void copyText(source).then((ok) => setStatus(ok ? messages.copied() : messages.copyFailed()));
        }}
      >
        {messages.copySource()}
      </button>
      <button
        type="button"
        className={styles.button}
        disabled={!svg}
        onClick={() => {
          if (svg) downloadSvg(svg, title);
        }}
      >
        {messages.downloadSvg()}
      </button>
      <span className={styles.status} role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
