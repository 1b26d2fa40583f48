/**
 * The extension manifest (package.json) against the code and the server: contributed settings equal the
 * server's settings schema plus the client-only keys; commands and activation match the controller.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLIENT_ONLY_KEYS, SERVER_KEYS } from './settings.js';
import { COMMANDS } from './controller.js';

const EXT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = join(EXT, '..');
const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));
const properties: Record<
  string,
  { type?: string; description?: string; markdownDescription?: string; properties?: Record<string, unknown>; additionalProperties?: unknown }
> = manifest.contributes.configuration.properties;

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: unknown;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
};

/**
 * The server's settings schema: `server-lsp/src/settings-schema.ts` if the server exports one (a JSON
 * schema object with `properties`, or a list of keys), else `server-lsp/settings.schema.json`.
 */
async function serverSchema(): Promise<{ from: string; keys: string[]; schema?: Schema }> {
  const ts = join(REPO, 'server-lsp', 'src', 'settings-schema.ts');
  if (existsSync(ts)) {
    const mod = (await import(pathToFileURL(ts).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      if (v && typeof v === 'object' && 'properties' in v && typeof (v as Schema).properties === 'object') {
        const schema = v as Schema;
        return { from: ts, keys: Object.keys(schema.properties!).map((k) => k.replace(/^fsconf\./, '')), schema };
      }
    }
    for (const v of Object.values(mod)) {
      if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string'))
        return { from: ts, keys: (v as string[]).map((k) => k.replace(/^fsconf\./, '')) };
    }
    throw new Error(`${ts} exports neither a JSON schema with properties nor a list of keys`);
  }
  const json = join(REPO, 'server-lsp', 'settings.schema.json');
  const schema = JSON.parse(readFileSync(json, 'utf8')) as Schema;
  return { from: json, keys: Object.keys(schema.properties ?? {}).map((k) => k.replace(/^fsconf\./, '')), schema };
}

describe('contributed settings', () => {
  it('are the server settings schema plus the client-only keys, nothing more, nothing less', async () => {
    const server = await serverSchema();
    const contributed = Object.keys(properties).map((k) => k.replace(/^fsconf\./, ''));
    const clientOnly: readonly string[] = CLIENT_ONLY_KEYS;
    // `fsconf.inlayHints.variables` etc. are the server's one `inlayHints` object, one checkbox per kind
    const grouped = [...new Set(contributed.filter((k) => !clientOnly.includes(k)).map((k) => (k.startsWith('inlayHints.') ? 'inlayHints' : k)))];
    expect(grouped.sort(), `vs ${server.from}`).toEqual([...server.keys].sort());
    expect(contributed.filter((k) => clientOnly.includes(k)).sort()).toEqual([...CLIENT_ONLY_KEYS].sort());
    // and what the client forwards is exactly that set
    expect([...SERVER_KEYS].sort()).toEqual([...server.keys].sort());
  });

  it('the server schema lists exactly the keys the server reads (core SETTINGS_KEYS, which server-lsp picks)', async () => {
    const server = await serverSchema();
    const core = (await import('../../packages/core/src/config.js')) as { SETTINGS_KEYS: readonly string[] };
    expect([...server.keys].sort()).toEqual([...core.SETTINGS_KEYS].sort());
  });

  it('every setting has a description, a type and lives under fsconf.', () => {
    for (const [key, p] of Object.entries(properties)) {
      expect(key.startsWith('fsconf.'), key).toBe(true);
      expect(p.type, key).toBeTruthy();
      expect((p.description ?? p.markdownDescription ?? '').length, key).toBeGreaterThan(20);
    }
  });

  it('server settings have the shape of .fsconf.yaml (same sub-keys and constraints as the server schema)', async () => {
    const server = await serverSchema();
    if (!server.schema) return; // a key list only: the key test above is all we can check
    for (const key of server.keys) {
      const theirs = (server.schema.properties![key] ?? server.schema.properties![`fsconf.${key}`]) as Schema;
      if (key === 'inlayHints') {
        // contributed flat, one boolean per kind
        for (const [sub, s] of Object.entries(theirs.properties ?? {})) expect(properties[`fsconf.inlayHints.${sub}`]?.type, sub).toBe(s.type);
        continue;
      }
      const mine = properties[`fsconf.${key}`] as Schema;
      expect(mine.type, key).toBe(theirs.type);
      expect(Object.keys(mine.properties ?? {}).sort(), key).toEqual(Object.keys(theirs.properties ?? {}).sort());
      for (const [sub, s] of Object.entries(theirs.properties ?? {})) {
        const m = mine.properties![sub]!;
        expect([m.type, m.minimum, m.maximum], `${key}.${sub}`).toEqual([s.type, s.minimum, s.maximum]);
      }
      if (theirs.additionalProperties && typeof theirs.additionalProperties === 'object') {
        expect(mine.additionalProperties, key).toEqual(theirs.additionalProperties);
      }
    }
  });

  it('are what client-vscode/scripts/configuration.mjs generates from the server schema (run it after adding a rule or a setting)', async () => {
    const { SETTINGS_SCHEMA } = await import('../../server-lsp/src/settings-schema.js');
    const { configuration } = await import('../scripts/configuration.mjs');
    expect(JSON.stringify(manifest.contributes.configuration, null, 2)).toBe(JSON.stringify(configuration(SETTINGS_SCHEMA), null, 2));
  });

  it('server-lsp/settings.schema.json is the same schema (configuration.mjs writes it too)', async () => {
    const { SETTINGS_SCHEMA } = await import('../../server-lsp/src/settings-schema.js');
    const { settingsSchemaFile } = await import('../scripts/configuration.mjs');
    expect(readFileSync(join(REPO, 'server-lsp', 'settings.schema.json'), 'utf8')).toBe(JSON.stringify(settingsSchemaFile(SETTINGS_SCHEMA), null, 2) + '\n');
  });

  it('the docs name every setting: the README table here, and the .fsconf.yaml example of the root README', async () => {
    const readme = readFileSync(join(EXT, 'README.md'), 'utf8');
    for (const key of Object.keys(properties))
      expect(readme, `client-vscode/README.md has no row for ${key}`).toContain(key.startsWith('fsconf.inlayHints.') ? 'fsconf.inlayHints.' : `\`${key}\``);
    const server = await serverSchema();
    const yaml = /### Configuration: `\.fsconf\.yaml`[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readFileSync(join(REPO, 'README.md'), 'utf8'))?.[1] ?? '';
    for (const key of server.keys) expect(yaml, `README.md's .fsconf.yaml example has no ${key}:`).toMatch(new RegExp(`^${key}:`, 'm'));
  });

  it('rules accept exactly error, warning, info, off', () => {
    expect((properties['fsconf.rules']!.additionalProperties as Schema).enum).toEqual(['error', 'warning', 'info', 'off']);
  });
});

describe('manifest', () => {
  it('contributes the commands the controller registers, under the fsconf category', () => {
    const cmds = manifest.contributes.commands as { command: string; title: string; category: string }[];
    expect(cmds.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    expect(cmds.map((c) => `${c.category}: ${c.title}`).sort()).toEqual([
      'fsconf: Lint the whole configuration',
      'fsconf: Restart server',
      'fsconf: Show the assembled configuration',
      'fsconf: Show where it is used',
      'fsconf: Simulate a call',
      'fsconf: Test an address against an ACL',
    ]);
  });

  it('activates on a conf tree in the workspace or an XML file, never on startup', () => {
    expect(manifest.activationEvents).toContain('workspaceContains:**/freeswitch.xml');
    expect(manifest.activationEvents).toContain('onLanguage:xml');
    expect(manifest.activationEvents).not.toContain('*');
    expect(manifest.activationEvents).not.toContain('onStartupFinished');
  });

  it('is honest about VS Code: engines.vscode is not older than the @types/vscode it is compiled against', () => {
    const types = JSON.parse(readFileSync(join(REPO, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')).version as string;
    const engine = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    expect(engine, manifest.engines.vscode).toBeTruthy();
    const [tMaj, tMin] = types.split('.').map(Number);
    expect(Number(engine![1]) * 1000 + Number(engine![2])).toBeGreaterThanOrEqual(tMaj! * 1000 + tMin!);
  });

  it('runs where the files are (workspace extension kind), is CommonJS and points at the bundle', () => {
    expect(manifest.extensionKind).toEqual(['workspace']);
    expect(manifest.type).toBe('commonjs');
    expect(manifest.main).toBe('./bundle/extension.js');
    expect(manifest.icon).toBe('icon.png');
    expect(readFileSync(join(EXT, 'icon.png')).subarray(1, 4).toString()).toBe('PNG');
    for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) expect(existsSync(join(EXT, f)), f).toBe(true);
  });

  it('the root package.json has the package script', () => {
    const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(root.scripts.package).toContain('client-vscode');
  });
});
