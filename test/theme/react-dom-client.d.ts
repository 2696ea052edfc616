/** The part of react-dom/client the theme tests use (@types/react-dom is not a dependency). */
declare module 'react-dom/client' {
  import type {ReactNode} from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element): Root;
}

declare module 'react-dom/server' {
  import type {ReactNode} from 'react';

  export function renderToString(element: ReactNode): string;
}
