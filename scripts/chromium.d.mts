// Types of scripts/chromium.mjs for the TypeScript tests that use it.
import type { BrowserContext, Frame, Page } from "playwright-core";

export const CHROMIUM: string;
export function inCI(): boolean;
export function serveFolder(folder: string): Promise<{ origin: string; close(): Promise<void> }>;
export function launchChromium(options?: {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }>;
export interface Seen {
  console: string[];
  errors: string[];
  requests: string[];
  failed: string[];
}
export function watchPage(page: Page): Promise<{ seen: Seen; cspViolations(): Promise<string[]> }>;
export function addAxe(page: Page, axePath: string): Promise<void>;
export function seriousViolations(frame: Frame | Page): Promise<string[]>;
