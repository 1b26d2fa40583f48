import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { analyze, NodeFileSystem, type Analysis } from '@fsconf/core';
import { CORPUS } from '../helpers.js';

/**
 * The dialplan rules over FreeSWITCH's shipped configuration trees. The four "no false alarm" rules
 * must stay silent; everything else they report is listed here with the reason it is true.
 */
const TREES = ['vanilla', 'minimal', 'sbc', 'insideout'] as const;

const analyses = new Map<string, Analysis>();
function tree(name: string): Analysis {
  let a = analyses.get(name);
  if (!a) analyses.set(name, (a = analyze(new NodeFileSystem(), { root: path.join(CORPUS, name) })));
  return a;
}

function dialplan(name: string): string[] {
  const a = tree(name);
  const root = path.join(CORPUS, name);
  return a.findings
    .filter((f) => f.rule.startsWith('dialplan/'))
    .map((f) => `${path.relative(root, f.file)}:${f.range.start.line + 1} ${f.rule} ${f.severity}`)
    .sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
}

/** mod_db's db/group, mod_voicemail, mod_conference, mod_esf, mod_fifo, mod_fsv, mod_v8: none is in sbc's modules.conf. */
const SBC_UNLOADED = [
  102,
  103,
  104, // db (mod_db)
  145,
  153, // group (mod_db)
  200, // voicemail (mod_voicemail)
  212,
  213,
  216, // db (mod_db)
  220,
  237, // voicemail
  254,
  261,
  268, // conference (mod_conference)
  291,
  292, // conference_set_auto_outcall (mod_conference)
  294,
  310, // conference
  317, // esf_page_group (mod_esf)
  327,
  337,
  351,
  363,
  380,
  396, // fifo (mod_fifo)
  478,
  485, // record_fsv / play_fsv (mod_fsv)
];

const EXPECTED: Record<(typeof TREES)[number], string[]> = {
  vanilla: [
    // extension "conf mod": expression ^6070-moderator$ has no '(' so "$1-${domain_name}@video-mcu-stereo" reaches conference with a literal "$1"
    'dialplan/default.xml:378 dialplan/capture-ref warning',
    // the pizza demo runs "javascript" (mod_v8), whose <load> is commented out in modules.conf.xml
    'dialplan/default/00_pizza_demo.xml:6 dialplan/unknown-app info',
  ],
  minimal: [],
  sbc: [
    // field="$${unroll_loops}" is replaced by "true" at load time: FreeSWITCH then looks up a caller-profile field
    // named "true", gets "", and ^true$ never matches (vanilla writes ${unroll_loops}, read per call)
    'dialplan/default.xml:17 dialplan/unknown-field warning',
    // same with field="$${call_debug}" ("false")
    'dialplan/default.xml:93 dialplan/unknown-field warning',
    ...SBC_UNLOADED.map((l) => `dialplan/default.xml:${l} dialplan/unknown-app info`),
    // sofia/gateway/$${default_provider} = example.com: the sbc tree has no directory and its profiles' gateways are commented out
    'dialplan/default.xml:291 dialplan/unknown-gateway warning',
    // javascript (mod_v8) is not loaded either
    'dialplan/default/00_pizza_demo.xml:6 dialplan/unknown-app info',
    'dialplan/public.xml:17 dialplan/unknown-field warning',
    'dialplan/public.xml:34 dialplan/unknown-field warning',
  ],
  insideout: [
    'dialplan/default.xml:18 dialplan/unknown-field warning', // $${unroll_loops}, as in sbc
    'dialplan/default.xml:94 dialplan/unknown-field warning', // $${call_debug}
    // db / group come from mod_db, which insideout's modules.conf does not load
    ...[103, 104, 105, 146, 154, 213, 214, 217].map((l) => `dialplan/default.xml:${l} dialplan/unknown-app info`),
    'dialplan/public.xml:17 dialplan/unknown-field warning',
    'dialplan/public.xml:34 dialplan/unknown-field warning',
  ],
};

describe('dialplan rules over the shipped FreeSWITCH trees', () => {
  for (const name of TREES) {
    it(`${name}: no invalid-regex, capture-ref error, read-digits or invalid-attr finding`, () => {
      const a = tree(name);
      expect(a.ruleErrors).toEqual([]);
      const silent = a.findings.filter(
        (f) =>
          f.rule === 'dialplan/invalid-regex' ||
          f.rule === 'dialplan/read-digits' ||
          f.rule === 'dialplan/invalid-attr' ||
          (f.rule === 'dialplan/capture-ref' && !(name === 'vanilla' && f.severity === 'warning')),
      );
      expect(silent).toEqual([]);
    });

    it(`${name}: every other dialplan finding is a true one`, () => {
      const want = [...EXPECTED[name]].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
      expect(dialplan(name)).toEqual(want);
    });
  }

  it('the rules did look: the trees are full of conditions, captures, targets and apps', () => {
    const a = tree('vanilla');
    expect(a.model.conditions.length).toBeGreaterThan(100);
    expect(a.model.actions.filter((x) => /\$\{?\d/.test(x.data.raw)).length).toBeGreaterThan(30);
    expect(a.model.actions.filter((x) => x.application === 'transfer').length).toBeGreaterThan(10);
  });

  it('the messages say what FreeSWITCH does', () => {
    const sbc = tree('sbc').findings;
    expect(sbc.find((f) => f.rule === 'dialplan/unknown-field')!.message).toBe(
      'field "$${unroll_loops}" becomes "true" when the configuration loads, and "true" is not a caller-profile field: FreeSWITCH matches the expression against an empty string; write ${unroll_loops} to read the variable per call',
    );
    expect(sbc.find((f) => f.rule === 'dialplan/unknown-gateway')!.message).toContain(`mod_sofia logs "Invalid Gateway 'example.com'"`);
    const vanilla = tree('vanilla').findings;
    expect(vanilla.find((f) => f.rule === 'dialplan/capture-ref')!.message).toBe(
      `$1 is not substituted: its expression "^6070-moderator$" has no '(', so FreeSWITCH passes "$1" to conference literally`,
    );
  });
});
