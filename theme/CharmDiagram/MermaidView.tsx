/**
 * The Mermaid half of `<CharmDiagram>`: the site's Mermaid config made safe and large enough,
 * a size guard, and the SVG once @docusaurus/theme-mermaid's hook has rendered it.
 */
import {useEffect, useMemo, useRef, type ReactNode} from 'react';
import {MermaidContainerClassName, useMermaidConfig, useMermaidRenderResult} from '@docusaurus/theme-mermaid/client';
import type {MermaidConfig, RenderResult} from 'mermaid';
import {ErrorBox} from './ErrorBox.js';
import {messages} from './messages.js';
import {CHARM_DIAGRAM_THEME_CSS} from './themeCss.js';
import styles from './styles.module.css';

/**
 * Mermaid's default `maxTextSize` (50,000 characters) guards pages against hand-typed diagrams.
 * Ours are generated from a charm whose files the plugin already caps (`maxFileBytes`), and a
 * charm with about 360 endpoints passes 50,000: Mermaid would then draw "Maximum text size in
 * diagram exceeded" instead of the diagram. 500,000 characters (some 3,500 endpoints) keeps a
 * bound, and a source beyond it gets the plugin's error box (SizeGuard), never Mermaid's message.
 * A site that sets a larger `maxTextSize` keeps its own value.
 */
export const CHARM_MAX_TEXT_SIZE = 500_000;
/** What Mermaid applies when the config sets no `maxTextSize`. */
const MERMAID_DEFAULT_MAX_TEXT_SIZE = 50_000;

/** The site's Mermaid config plus strict security, our size limit and themeCSS; stable across renders. */
export function useCharmMermaidConfig(): MermaidConfig {
  const base = useMermaidConfig();
  return useMemo(
    () => ({
      ...base,
      securityLevel: 'strict',
      maxTextSize: Math.max(base.maxTextSize ?? 0, CHARM_MAX_TEXT_SIZE),
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

interface ViewProps {
  source: string;
  minHeight: string;
  onSvg: (svg: string) => void;
}

function Renderer({source, minHeight, onSvg, config}: ViewProps & {config: MermaidConfig}): ReactNode {
  const result = useMermaidRenderResult({text: source, config});
  if (result === null) {
    return (
      <div className={styles.placeholder} style={{minHeight}} aria-busy="true">
        <span className={styles.placeholderText}>{messages.loading()}</span>
      </div>
    );
  }
  return <SvgView result={result} onSvg={onSvg} />;
}

/**
 * Renders the diagram, or the error box when Mermaid would refuse the source for its size
 * (Mermaid measures the source without its front matter, so this never refuses what Mermaid
 * would draw). Rendered, not thrown: the check also runs in the server render, where no error
 * boundary catches.
 */
export function MermaidView(props: ViewProps): ReactNode {
  const config = useCharmMermaidConfig();
  const limit = config.maxTextSize ?? MERMAID_DEFAULT_MAX_TEXT_SIZE;
  if (props.source.length > limit)
    return <ErrorBox message={messages.tooLarge(props.source.length, limit)} source={props.source} />;
  return <Renderer {...props} config={config} />;
}
