import { describe, expect, it } from 'vitest';
import { exposureOf } from './exposure.js';
import { miniTree } from './testing.js';

// A stranger on profile edge (no auth-calls) lands in public, which hands 00… numbers to a carrier
// gateway only when the route's time test says so. The exposure check tries a weekday morning and a
// Sunday night; a route that never looks at the time is tried once.
const gatewayWhen = (condition: string) =>
  miniTree({
    profile: `<param name="context" value="public"/><param name="auth-calls" value="false"/>
      </settings><gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways><settings>`,
    dialplan: `<context name="public">
      <extension name="intl">
        ${condition}
      </extension>
    </context>`,
  });

const external = (a: ReturnType<typeof miniTree>) =>
  exposureOf(a.tree, a.model)
    .flatMap((pe) => pe.reaches)
    .filter((r) => r.kind === 'external')
    .map((r) => `${r.number} ${r.at}`);

describe('exposure at the moments it tries', () => {
  it('a route to the gateway only at night is found (the second moment)', () => {
    const a = gatewayWhen(`<condition hour="0-6"/>
        <condition field="destination_number" expression="^00(\\d{6,})$"><action application="bridge" data="sofia/gateway/carrier/$1"/></condition>`);
    expect(external(a)).toEqual(['00111111 2026-01-11T03:00:00']);
  });

  it('a time test inside a <regex> child counts as looking at the time', () => {
    const a = gatewayWhen(`<condition regex="all"><regex wday="1"/><regex field="destination_number" expression="^00(\\d{6,})$"/>
        <action application="bridge" data="sofia/gateway/carrier/$1"/></condition>`);
    expect(external(a)).toEqual(['00111111 2026-01-11T03:00:00']);
  });

  it('so does ${strftime()} in an expression', () => {
    const a = gatewayWhen(`<condition field="\${strftime(%H)}" expression="^0[0-6]$"/>
        <condition field="destination_number" expression="^00(\\d{6,})$"><action application="bridge" data="sofia/gateway/carrier/$1"/></condition>`);
    expect(external(a)).toEqual(['00111111 2026-01-11T03:00:00']);
  });

  it('a route with no time test is reported at the first moment', () => {
    const a = gatewayWhen(
      `<condition field="destination_number" expression="^00(\\d{6,})$"><action application="bridge" data="sofia/gateway/carrier/$1"/></condition>`,
    );
    expect(external(a)).toEqual(['00111111 2026-01-07T10:00:00']);
  });
});

describe('exposure past a script that returns', () => {
  it("FusionPBX's lua call_block before the DID route: the gateway behind it is found, with the assumption named", () => {
    const withScript = miniTree({
      profile: `<param name="context" value="public"/><param name="auth-calls" value="false"/>
        </settings><gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways><settings>`,
      dialplan: `<context name="public">
        <extension name="call_block" continue="true"><condition field="destination_number" expression="^(.+)$">
          <action application="lua" data="app.lua call_block"/></condition></extension>
        <extension name="intl"><condition field="destination_number" expression="^00(\\d{6,})$">
          <action application="bridge" data="sofia/gateway/carrier/$1"/></condition></extension>
      </context>`,
    });
    const reaches = exposureOf(withScript.tree, withScript.model).flatMap((pe) => pe.reaches);
    const out = reaches.find((r) => r.kind === 'external');
    expect(out?.number).toBe('00111111');
    expect(out?.assumptions).toEqual(['the script lua app.lua call_block (line 17): returns with the call still up']);
  });
});

describe('numbers passed on to another context', () => {
  const passOn = (expression: string) =>
    miniTree({
      profile: `<param name="context" value="public"/><param name="auth-calls" value="false"/>
        </settings><gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways><settings>`,
      dialplan: `<context name="public">
        <extension name="to_domain"><condition field="destination_number" expression="${expression}">
          <action application="transfer" data="$1 XML example.com"/></condition></extension>
      </context>
      <context name="example.com">
        <extension name="international"><condition field="destination_number" expression="^00(\\d{6,})$">
          <action application="bridge" data="sofia/gateway/carrier/$1"/></condition></extension>
      </context>`,
    });

  it('transfer $1 XML example.com from an extension that accepts any digits: the gateway behind it is found', () => {
    expect(external(passOn('^(\\d+)$'))).toEqual(['00111111 2026-01-07T10:00:00']);
  });

  it('an extension that passes on only 1xxx numbers does not reach the 00 route', () => {
    expect(external(passOn('^(1\\d{3})$'))).toEqual([]);
  });
});
