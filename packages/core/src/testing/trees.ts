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
