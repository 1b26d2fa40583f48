import { it } from 'vitest';
import { setup, loadedTree, tick, INTERNAL, VARS, ACL } from './testing/harness.js';
it('scratch', async () => {
  const h = setup({ files: { 'sip_profiles/internal.xml': INTERNAL, 'vars.xml': VARS, 'autoload_configs/acl.conf.xml': ACL } });
  await loadedTree(h);
  await h.press('/');
  await h.press('internal-auth-calls');
  await tick(500);
  console.log(h.frame().split('\n').slice(-6).join('\n'));
});
