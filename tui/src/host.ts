/**
 * What differs between the workspace build of the terminal UI and the single-file builds
 * (scripts/bundle.mjs: the npm package and the single binary replace this file with
 * scripts/bundle/tui-host.ts): where the bundled example tree is and how the Ink half is loaded.
 */
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

/** The example conf tree shipped with the UI (opened when no /etc/freeswitch exists). */
export function exampleDir(): string {
  return fileURLToPath(new URL('../example/', import.meta.url));
}

export async function loadRender(): Promise<typeof import('./render.js')> {
  return (await import(renderModule())) as typeof import('./render.js');
}

/**
 * `./render.js`, or the single-file bundle of it (tui/scripts/bundle.mjs) when that is newer than every
 * compiled file, so a bundle left over from an older build is never used.
 */
export function renderModule(): string {
  const dist = path.dirname(fileURLToPath(import.meta.url));
  const bundle = path.join(dist, 'render.bundle.js');
  if (process.env.FSCONF_TUI_NO_BUNDLE) return './render.js';
  try {
    const built = statSync(bundle).mtimeMs;
    const newest = (dir: string): number => {
      let m = 0;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) m = Math.max(m, newest(p));
        else if (e.name.endsWith('.js') && p !== bundle && e.name !== 'devtools-stub.js') m = Math.max(m, statSync(p).mtimeMs);
      }
      return m;
    };
    if (built >= newest(dist)) return pathToFileURL(bundle).href;
  } catch {
    // no bundle
  }
  return './render.js';
}
