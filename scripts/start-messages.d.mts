// Types of scripts/start-messages.mjs for the TypeScript tests that use it.
export function urlLines(origin: string, options?: { preview?: boolean }): string[];
export function previewLines(origin: string, options?: { offerHttp?: boolean }): string[];
export function previewAlreadyServedLines(state: { pid: number; origin: string }): string[];
export function uploadLines(origin: string): string[];
