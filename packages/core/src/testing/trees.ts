/** Conf-tree pieces shared by tests (core unit tests and the end-to-end fixtures in test/). */

/** freeswitch.xml as vanilla lays it out: vars.xml, then configuration, dialplan and directory sections. */
export const FREESWITCH_XML = `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration" description="Various Configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
  </section>
  <section name="dialplan" description="Regex/XML Dialplan">
    <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>
  </section>
  <section name="directory" description="User Directory">
    <X-PRE-PROCESS cmd="include" data="directory/*.xml"/>
  </section>
</document>
`;

/**
 * FREESWITCH_XML with sofia.conf written inline, its profiles read from sip_profiles/*.xml: the
 * language-service tests' tree (no autoload_configs/sofia.conf.xml to write).
 */
export const FREESWITCH_XML_INLINE_SOFIA = FREESWITCH_XML.replace(
  '    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>\n',
  `$&    <configuration name="sofia.conf" description="sofia Endpoint">
      <profiles>
        <X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/>
      </profiles>
    </configuration>
`,
);

/**
 * A conf tree for a rule's fixture: FREESWITCH_XML, a vars.xml setting `domain`, an empty `public`
 * context, and the files given (which replace these where they share a name).
 */
export function ruleTree(files: Record<string, string>): Record<string, string> {
  return {
    'freeswitch.xml': FREESWITCH_XML,
    'vars.xml': '<include>\n  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>\n</include>\n',
    'dialplan/public.xml': '<include>\n  <context name="public">\n  </context>\n</include>\n',
    ...files,
  };
}
