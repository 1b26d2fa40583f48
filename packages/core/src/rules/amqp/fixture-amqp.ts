/** amqp.conf fixture text for the amqp rule tests. */
export function amqpConf(parts: { producer?: string; logging?: string; connection?: string; commandConnection?: string }): string {
  const conn = (body: string | undefined) =>
    body === undefined ? '' : `      <connections>\n        <connection name="primary">\n${body}\n        </connection>\n      </connections>\n`;
  return `<configuration name="amqp.conf">
  <producers>
    <profile name="default">
${conn(parts.connection)}      <params>
${parts.producer ?? ''}
      </params>
    </profile>
  </producers>
  <commands>
    <profile name="cmd">
${conn(parts.commandConnection)}    </profile>
  </commands>
  <logging>
    <profile name="log">
      <params>
${parts.logging ?? ''}
      </params>
    </profile>
  </logging>
</configuration>
`;
}
