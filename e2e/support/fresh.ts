import { expect, type Page } from "@playwright/test";

/**
 * Public pages come from a cache renewed every few seconds (lib/net/cacheable-pages.ts): a change
 * shows within 10 s, which is the promise. Opens `path` again until `check` passes, for at most 12 s.
 */
export async function expectOnPageSoon(page: Page, path: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout: 12_000, intervals: [500, 1_000] });
}
