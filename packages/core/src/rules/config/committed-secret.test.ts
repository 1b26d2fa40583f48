import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('config/committed-secret', () => {
  it('placeholders and literal database passwords outside the directory; $${var}, empty values and the directory are not', () => {
    const r = checkFindings(
      {
        'freeswitch.xml': `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="set" data="database_password=password"/>
                                                   ^^^^^^^^ config/committed-secret: $\${database_password} is the placeholder "p***"
  <X-PRE-PROCESS cmd="set" data="db_password=Xk9#mQ2v"/>
                                             ^^^^^^^^ config/committed-secret: holds a literal secret "X***"
  <X-PRE-PROCESS cmd="set" data="mod_rayo_password=secret"/>
                                                   ^^^^^^ config/committed-secret: placeholder
  <X-PRE-PROCESS cmd="set" data="esl_password=$\${from_elsewhere}"/>
  <X-PRE-PROCESS cmd="set" data="empty_password="/>
  <X-PRE-PROCESS cmd="set" data="default_password=1234"/>
  <section name="configuration">
    <configuration name="cdr_pg_csv.conf">
      <settings>
        <param name="db-info" value="host=db dbname=cdr user=fs password=Sup3rS3cret"/>
                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ config/committed-secret: db-info in cdr_pg_csv.conf carries the literal database password "S***"
        <param name="odbc-dsn" value="pgsql://fs:Pa55word@db/fs"/>
                                      ^^^^^^^^^^^^^^^^^^^^^^^^^ config/committed-secret: literal database password "P***"
        <param name="db-password" value="$\${db_password}"/>
      </settings>
    </configuration>
  </section>
  <section name="directory">
    <domain name="example.org"><user id="1000"><params><param name="password" value="password"/></params></user></domain>
  </section>
</document>
`,
      },
      { only: ['config/committed-secret'] },
    );
    for (const f of r.findings) expect(f.message).not.toMatch(/Xk9#mQ2v|Pa55word|Sup3rS3cret|secret"/);
  });
});
