/** WCAG 2 relative luminance and contrast ratio of two `rgb(...)` colours, as browsers report them. */
function luminance(rgb: string): number {
  const m = rgb.match(/[\d.]+/g);
  if (!m) throw new Error(`not a colour: ${rgb}`);
  const [r, g, b] = m.slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}
