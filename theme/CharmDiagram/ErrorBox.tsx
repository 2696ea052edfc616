import {Component, type ErrorInfo, type ReactNode} from 'react';
import {messages} from './messages.js';
import styles from './styles.module.css';

/** The plugin's error box: what Mermaid said, and the source to look at. */
export function ErrorBox({message, source}: {message: string; source: string}): ReactNode {
  return (
    <div className={styles.error} role="alert">
      <p className={styles.errorTitle}>{messages.errorTitle()}</p>
      <pre className={styles.errorMessage}>{message}</pre>
      <details>
        <summary>{messages.errorSource()}</summary>
        <pre className={styles.source}>
          <code>{source}</code>
        </pre>
      </details>
    </div>
  );
}

interface BoundaryProps {
  source: string;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/** Shows the error box for anything the renderer throws (useMermaidRenderResult rethrows Mermaid's errors during render). */
export class DiagramErrorBoundary extends Component<BoundaryProps, BoundaryState> {
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
    return error ? <ErrorBox message={error.message} source={this.props.source} /> : this.props.children;
  }
}
