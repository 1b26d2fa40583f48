/** Test helper: a small conf tree (freeswitch.xml + includes) around the files an acl/* fixture needs. */
const FREESWITCH_XML = `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
    <configuration name="sofia.conf">
      <profiles>
        <X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/>
      </profiles>
    </configuration>
  </section>
  <section name="dialplan">
    <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>
  </section>
  <section name="directory">
    <X-PRE-PROCESS cmd="include" data="directory/*.xml"/>
  </section>
</document>
`;

/** acl.conf.xml around some `<list>` elements. */
export function aclConf(lists: string): string {
  return `<configuration name="acl.conf" description="Network Lists">
  <network-lists>
${lists}
  </network-lists>
</configuration>
`;
}

export function aclTree(
  files: Record<string, string>,
  vars = '<include>\n  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>\n</include>\n',
): Record<string, string> {
  return { 'freeswitch.xml': FREESWITCH_XML, 'vars.xml': vars, ...files };
}
