import { it } from 'vitest';
import * as path from 'node:path';
import { analyze, NodeFileSystem } from '@fsconf/core';
import { CORPUS } from '../helpers.js';
import { inChatplan, captureSource, actionData } from '../../packages/core/src/rules/dialplan/shared.js';

it('dump', () => {
  const root = path.join(CORPUS, 'vanilla');
  const a = analyze(new NodeFileSystem(), { root });
  const act = a.model.actions.find((x) => x.application === 'conference' && x.data.raw === '$1-${domain_name}@video-mcu-stereo');
  console.log('found', !!act, act && inChatplan(act.condition.extension.context.node), act && act.condition.extension.context.name);
  let p = act!.condition.extension.context.node as any;
  while (p) { console.log('  ', p.el.name, p.el.attrs.map((x: any) => x.name + '=' + x.value).join(' '), p.doc.path); p = p.parent; }
  const src = act && captureSource(a.tree, act.condition); console.log(JSON.stringify(src && (src as any).why), src?.kind, actionData(act!).value, a.findings.filter(f=>f.rule==='dialplan/capture-ref').length, a.ruleErrors);
});
