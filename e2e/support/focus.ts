import { expect, type Page } from "@playwright/test";

// What a keyboard user sees of the focused element: which element it is, whether its focus indicator
// shows (an outline or a box-shadow of some width), its contrast against what is behind it, and
// whether it is on the screen with its ring.

export type Focused = {
  tag: string;
  id: string;
  /** The element's name as a person would read it: aria-label, its label, or its text. */
  name: string;
  indicator: string;
  /** The outline's colour against the backgrounds around it (WCAG 1.4.11: at least 3); 0 without an outline. */
  contrast: number;
  inViewport: boolean;
  /** Where it is, for messages: left, top, width, height (without the ring); and the viewport's size. */
  box: string;
};

export async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const rgba = (value: string) => {
      const parts = value.match(/rgba?\(([^)]+)\)/)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [0, 0, 0, 0];
      return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

    const outlineShown = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadowShown = style.boxShadow !== "none";
    const rect = element.getBoundingClientRect();

    // What is behind the ring: the topmost background other than the element's own, at the middle of
    // each side of the ring (the page's white where nothing is painted).
    const middle = Math.max(0, parseFloat(style.outlineOffset) || 0) + parseFloat(style.outlineWidth) / 2;
    const backgroundAt = (x: number, y: number) => {
      for (const node of document.elementsFromPoint(x, y)) {
        if (node === element || element.contains(node)) continue;
        const colour = rgba(getComputedStyle(node).backgroundColor);
        if (colour.a > 0) return colour;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const sides = [
      [rect.left - middle, rect.top + rect.height / 2],
      [rect.right + middle, rect.top + rect.height / 2],
      [rect.left + rect.width / 2, rect.top - middle],
      [rect.left + rect.width / 2, rect.bottom + middle],
    ].filter(([x, y]) => x! >= 0 && y! >= 0 && x! < innerWidth && y! < innerHeight);
    const ring = luminance(rgba(style.outlineColor));
    const contrast = outlineShown && sides.length > 0 ? Math.min(...sides.map(([x, y]) => ratio(ring, luminance(backgroundAt(x!, y!))))) : 0;

    // The ring is drawn around the element: it must be on the screen too. Half a pixel of rounding.
    const extent = outlineShown ? parseFloat(style.outlineWidth) + Math.max(0, parseFloat(style.outlineOffset) || 0) : 0;
    const [top, left, bottom, right] = [rect.top - extent, rect.left - extent, rect.bottom + extent, rect.right + extent];
    // Elements taller than the screen (the main region, a skip link's target) need only be on it; so
    // does a text area, which the browser scrolls to show its caret, not its whole box.
    const fits = element.tagName !== "TEXTAREA" && bottom - top <= innerHeight && right - left <= innerWidth;
    const inViewport = fits
      ? top >= -0.5 && left >= -0.5 && bottom <= innerHeight + 0.5 && right <= innerWidth + 0.5
      : rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;

    const labels = (element as HTMLInputElement).labels;
    const name = (element.getAttribute("aria-label") ?? (labels?.[0]?.textContent || element.textContent) ?? "").replace(/\s+/g, " ").trim().slice(0, 80);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name,
      indicator: outlineShown ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : shadowShown ? `box-shadow ${style.boxShadow}` : "none",
      contrast: Math.round(contrast * 100) / 100,
      inViewport,
      box: `${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}x${Math.round(rect.height)} in ${innerWidth}x${innerHeight}`,
    };
  });
}

const describe = (element: Focused) => `${element.tag}#${element.id} "${element.name}"`;

/** The focused element, after checking that a keyboard user can see where focus is. */
export async function expectVisibleFocus(page: Page, options: { indicator?: boolean } = {}): Promise<Focused> {
  const now = await focused(page);
  expect(now, "something has focus").not.toBeNull();
  if (options.indicator !== false) expect(now!.indicator, `focus indicator of ${describe(now!)}`).not.toBe("none");
  expect(now!.inViewport, `${describe(now!)} (at ${now!.box}) is on the screen`).toBe(true);
  return now!;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, checking at every stop that focus is
 * visible and on the screen. Fails after `max` presses.
 */
export async function tabTo(page: Page, matches: (element: Focused) => boolean, options: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const visited: string[] = [];
  for (let presses = 0; presses < (options.max ?? 40); presses++) {
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
    const now = await expectVisibleFocus(page);
    visited.push(describe(now));
    if (matches(now)) return now;
  }
  throw new Error(`focus never reached the element; it went through:\n${visited.join("\n")}`);
}

/** Presses Tab `count` times, checking each stop as tabTo does; returns the stops. */
export async function tabThrough(page: Page, count: number): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let presses = 0; presses < count; presses++) {
    await page.keyboard.press("Tab");
    stops.push(await expectVisibleFocus(page));
  }
  return stops;
}

/** Matches by the element's name (exactly, or by a pattern). */
export const named = (name: string | RegExp) => (element: Focused) => (typeof name === "string" ? element.name === name : name.test(element.name));

/** For messages: each stop with its contrast. */
export const listContrast = (stops: Focused[]) => stops.map((stop) => `${stop.contrast.toFixed(2)}  ${describe(stop)} (${stop.indicator})`).join("\n");
