import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { analyze, NodeFileSystem, findParam } from '@fsconf/core';
import { CORPUS } from '../helpers.js';

describe('$${} expansion with provenance on vanilla', () => {
  const vanilla = path.join(CORPUS, 'vanilla');
  const a = analyze(new NodeFileSystem(), { root: vanilla });

  it('internal.xml auth-calls resolves to true through vars.xml line 406', () => {
    const internal = a.model.profiles.find((p) => p.name === 'internal');
    expect(internal).toBeDefined();
    const authCalls = findParam(internal!.settings, 'auth-calls')!;
    expect(authCalls.value.raw).toBe('$${internal_auth_calls}');
    expect(authCalls.value.value).toBe('true');
    const def = authCalls.value.refs[0]!.def!;
    expect(path.relative(vanilla, def.doc.path)).toBe('vars.xml');
    expect(def.directive.line + 1).toBe(406);
  });

  it('values that depend on the host are unknown, not guessed', () => {
    const internal = a.model.profiles.find((p) => p.name === 'internal')!;
    const sipIp = findParam(internal.settings, 'sip-ip')!;
    expect(sipIp.value.value).toBeUndefined();
    expect(sipIp.value.refs[0]!.unknown).toBe('core-global');
  });

  it('files reach the model in load order: every vanilla profile, context and user', () => {
    expect(a.model.profiles.map((p) => p.name).sort()).toEqual(['external', 'external-ipv6', 'internal', 'internal-ipv6']);
    expect(a.model.contexts.map((c) => c.name)).toEqual(expect.arrayContaining(['default', 'public', 'features']));
    expect(a.model.users.filter((u) => u.type !== 'pointer' && /^10(0\d|1\d)$/.test(u.id)).length).toBe(20);
  });
});
