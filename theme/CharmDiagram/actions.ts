/** Browser actions of the toolbar: copy the source, download the SVG with its colours. */
import {fileNameFor, inlineCssVariables} from './parseAlt.js';

/** Copies text with the Clipboard API, or a hidden textarea where that API is missing or refused. */
export async function copyText(text: string): Promise<boolean> {
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
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

/** Saves the SVG with the CSS variables in force inlined, so the file keeps the site's colours. */
export function downloadSvg(svg: string, title: string | undefined): void {
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
