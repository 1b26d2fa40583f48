// Small conf trees for the simulator's tests: one freeswitch.xml with the sections a case needs.
import { MemoryFileSystem } from '../fs.js';
import { analyze, type Analysis } from '../analysis.js';
import { simulateCall } from './call.js';
import type { RouteInput, RouteResult } from './types.js';
import type { Rule } from '../rules/types.js';

export interface MiniTree {
  /** `<param>` lines of the profile `edge` (or full `<profile>` elements when starting with "<profile") */
  profile?: string;
  acl?: string;
  directory?: string;
  dialplan: string;
  vars?: string;
}

export function miniTree(t: MiniTree, rules: Rule[] = []): Analysis {
  const profiles = t.profile?.trim().startsWith('<profile') ? t.profile : `<profile name="edge"><settings>${t.profile ?? ''}</settings></profile>`;
  const xml = `<?xml version="1.0"?>
<document type="freeswitch/xml">
${t.vars ?? ''}
<section name="configuration">
<configuration name="acl.conf"><network-lists>${t.acl ?? ''}</network-lists></configuration>
<configuration name="sofia.conf"><profiles>
${profiles}
</profiles></configuration>
</section>
<section name="directory">
${t.directory ?? ''}
</section>
<section name="dialplan">
${t.dialplan}
</section>
</document>
`;
  const fs = new MemoryFileSystem({ '/conf/freeswitch.xml': xml });
  return analyze(fs, { root: '/conf', rules });
}

export function route(a: Analysis, input: Partial<RouteInput> & { to: string }): RouteResult {
  return simulateCall(a.tree, a.model, { profile: 'edge', from: '203.0.113.7', at: '2026-12-04T10:00:00', ...input });
}
