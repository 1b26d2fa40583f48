import { describe, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('preprocess/duplicate-set', () => {
  it('a $${var} set twice to different values (masked when secret); the same value twice is not reported', () => {
    checkFindings(
      {
        'freeswitch.xml': `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="set" data="domain=example.org"/>
  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>
  <X-PRE-PROCESS cmd="set" data="db_password=Fr33Sw1tch"/>
  <X-PRE-PROCESS cmd="set" data="domain=pbx.example.org"/>
                                 ^^^^^^^^^^^^^^^^^^^^^^ preprocess/duplicate-set: $\${domain} is set again here to "pbx.example.org" after "example.org" at freeswitch.xml:2
  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>
  <X-PRE-PROCESS cmd="set" data="db_password=other"/>
                                 ^^^^^^^^^^^^^^^^^ preprocess/duplicate-set: "o***" after "F***"
</document>
`,
      },
      { only: ['preprocess/duplicate-set'] },
    );
  });
});
