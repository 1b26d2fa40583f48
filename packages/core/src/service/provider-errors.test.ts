import { afterEach, describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs.js';
import { FsconfWorkspace } from './workspace.js';
import { completion, definition, hover, references } from './features.js';
import { codeLenses, lensProviders } from './lenses.js';
import { completionProviders, definitionProviders, hoverProviders, referencesProviders } from './providers.js';

const XML = `<include>
  <extension name="x">
    <condition field="destination_number" expression="^100$">
      <action application="answer"/>
    </condition>
  </extension>
</include>
`;
const PATH = '/conf/dialplan/x.xml';
const AT = { line: 3, character: 28 }; // inside "answer"

function workspace() {
  const failures: { feature: string; provider: string; path: string; message: string }[] = [];
  const ws = new FsconfWorkspace(new MemoryFileSystem({ [PATH]: XML }), undefined, {
    onProviderError: (f, e) => failures.push({ ...f, message: e instanceof Error ? e.message : String(e) }),
  });
  ws.open(PATH, XML);
  return { ws, failures };
}

function brokenProvider(): never {
  throw new Error('boom');
}

// the provider lists are module state: each test puts its broken provider first and takes it out again
const restore: (() => void)[] = [];
function first<T>(list: T[], p: T): void {
  list.unshift(p);
  restore.push(() => list.splice(list.indexOf(p), 1));
}
afterEach(() => restore.splice(0).forEach((r) => r()));

describe('a provider that throws', () => {
  it('is skipped: the other hover providers still answer, and the failure is reported with its name and document', () => {
    const before = hover(workspace().ws, PATH, AT);
    expect(before).not.toBeNull();
    first(hoverProviders, brokenProvider);
    const { ws, failures } = workspace();
    expect(hover(ws, PATH, AT)).toEqual(before);
    expect(failures).toEqual([{ feature: 'hover', provider: 'brokenProvider', path: PATH, message: 'boom' }]);
  });

  it('alone yields an empty result plus the report (completion, definition, references, lenses)', () => {
    const all = [completionProviders, definitionProviders, referencesProviders, lensProviders] as unknown[][];
    const saved = all.map((l) => l.splice(0));
    restore.push(() => all.forEach((l, i) => l.push(...saved[i]!)));
    for (const l of all) l.push(brokenProvider);
    const { ws, failures } = workspace();
    expect(completion(ws, PATH, AT)).toEqual([]);
    expect(definition(ws, PATH, AT)).toEqual([]);
    expect(references(ws, PATH, AT)).toEqual([]);
    expect(codeLenses(ws, PATH)).toEqual([]);
    expect(failures.map((f) => `${f.feature} ${f.provider} ${f.path} ${f.message}`)).toEqual([
      `completion brokenProvider ${PATH} boom`,
      `definition brokenProvider ${PATH} boom`,
      `references brokenProvider ${PATH} boom`,
      `lens brokenProvider ${PATH} boom`,
    ]);
  });

  it('without an onProviderError hook is still skipped silently', () => {
    first(hoverProviders, brokenProvider);
    const ws = new FsconfWorkspace(new MemoryFileSystem({ [PATH]: XML }), undefined);
    ws.open(PATH, XML);
    expect(() => hover(ws, PATH, AT)).not.toThrow();
  });
});
