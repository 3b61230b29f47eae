// Types of scripts/make-icons.mjs for the TypeScript tests that use it.
export interface Icon {
  png: string;
  svg: string;
  size: number;
}
export const ASSETS: string;
export const ICONS: Icon[];
export function renderIcon(icon: Icon, assetsDir?: string): Promise<Buffer>;
export function staleIcons(assetsDir?: string): Promise<Icon[]>;
