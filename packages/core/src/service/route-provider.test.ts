import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeFileSystem } from '../host/node-fs.js';
import { FsconfWorkspace } from './workspace.js';
import { hover } from './features.js';
import { routeCall, routeCodeLenses } from './route-provider.js';
import './register.js';

const VANILLA = path.join(fileURLToPath(new URL('../../../..', import.meta.url)), 'test', 'corpus', 'freeswitch', 'vanilla');

function at(ws: FsconfWorkspace, file: string, needle: string, delta = 1) {
  const text = ws.analysis().tree.docs.get(file)!.text;
  const off = text.indexOf(needle) + delta;
  const doc = ws.analysis().tree.docs.get(file)!;
  return doc.lines.positionAt(off);
}

describe('route provider', () => {
  const ws = new FsconfWorkspace(new NodeFileSystem(), VANILLA);
  const publicXml = path.join(VANILLA, 'dialplan', 'public.xml');
  const externalXml = path.join(VANILLA, 'sip_profiles', 'external.xml');

  it('a code lens on each extension, with fsconf.route arguments that simulate a call to a number it accepts', () => {
    const lenses = routeCodeLenses(ws, publicXml);
    const names = ws.analysis().model.extensions.filter((e) => e.node.doc.path === publicXml).length;
    expect(lenses).toHaveLength(names);
    const pub = lenses.find((l) => l.title.includes('1011'))!;
    expect(pub.title).toMatch(/^▶ simulate a call to 1011 on external/);
    expect(pub.arguments).toMatchObject({ profile: expect.stringMatching(/^external/), to: '1011' });
    const r = routeCall(ws, { ...pub.arguments, at: '2026-12-04T10:00' });
    expect(r.outcome.kind).toBe('bridge');
    // an extension of a context no profile lands in: the hunt starts in its context
    const def = routeCodeLenses(ws, path.join(VANILLA, 'dialplan', 'default.xml')).find((l) => l.title.includes('in default'))!;
    expect(def.arguments).toMatchObject({ profile: '', context: 'default' });
    expect(routeCall(ws, { ...def.arguments, at: '2026-12-04T10:00' }).context).toBe('default');
  });

  it('hover on <context name="public"> and on the external profile\'s context param: what strangers reach', () => {
    const h = hover(ws, publicXml, at(ws, publicXml, '<context name="public"', 2));
    const text = (h?.contents as { value: string }).value;
    expect(text).toMatch(/Callers without a password.*on profile external land here/);
    expect(text).toMatch(/`1011` → local user: `user\/1011@/);
    const p = hover(ws, externalXml, at(ws, externalXml, 'value="public"', 8));
    expect((p?.contents as { value: string }).value).toMatch(/on profile external land in context `public` and reach:/);
    const internalXml = path.join(VANILLA, 'sip_profiles', 'internal.xml');
    const q = hover(ws, internalXml, at(ws, internalXml, '<param name="context" value="public"/>', 30));
    expect((q?.contents as { value: string }).value).toMatch(/on profile internal: challenged for a password/);
  });
});
