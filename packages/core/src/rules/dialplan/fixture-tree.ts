/** A minimal conf tree around a dialplan file, for the dialplan rule fixtures. */
const FREESWITCH_XML = `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
  </section>
  <section name="dialplan">
    <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>
  </section>
</document>
`;

const VARS_XML = `<include>
  <X-PRE-PROCESS cmd="set" data="min_digits=5"/>
  <X-PRE-PROCESS cmd="set" data="provider=carrier1"/>
  <X-PRE-PROCESS cmd="set" data="tries=0"/>
  <X-PRE-PROCESS cmd="set" data="flag=true"/>
</include>
`;

export function dialplanTree(files: Record<string, string>, vars: Record<string, string> = {}): Record<string, string> {
  const extra = Object.entries(vars)
    .map(([k, v]) => `  <X-PRE-PROCESS cmd="set" data="${k}=${v}"/>\n`)
    .join('');
  return { 'freeswitch.xml': FREESWITCH_XML, 'vars.xml': VARS_XML.replace('</include>', `${extra}</include>`), ...files };
}

/**
 * Raw fixture text where `§` stands for `$` (so `$§{var}` is `$${var}` and `§{var}` is `${var}`)
 * without shifting the marker carets the way `\$` escapes would.
 */
export function xml(strings: TemplateStringsArray): string {
  return String.raw({ raw: strings.raw }).replaceAll('§', '$');
}
