import { describe, expect, it } from 'vitest';
import { miniTree, route } from './testing.js';
import { RouteInputError } from './types.js';
import { bridgeWhere } from './bridge.js';

const GW = `<profile name="edge"><settings>
  <param name="context" value="public"/><param name="auth-calls" value="false"/>
</settings><gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile>`;

const apps = (r: ReturnType<typeof route>): string[] => r.actions.map((a) => `${a.application}(${a.expanded})`);

describe('admission (sofia.c acl_count block)', () => {
  it('an ACL pass with auth-calls on authenticates and lands in the profile context with a gateway route', () => {
    const a = miniTree({
      profile: `<profile name="edge"><settings>
        <param name="context" value="trunk"/><param name="auth-calls" value="true"/>
        <param name="apply-inbound-acl" value="carriers"/>
      </settings><gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile>`,
      acl: `<list name="carriers" default="deny"><node type="allow" cidr="203.0.113.0/24"/></list>`,
      dialplan: `<context name="trunk"><extension name="out"><condition field="destination_number" expression="^00(\\d+)$">
        <action application="bridge" data="sofia/gateway/carrier/$1"/></condition></extension></context>`,
    });
    const r = route(a, { to: '0044123' });
    expect(r.admission).toMatchObject({ verdict: 'admitted', authenticated: true, by: 'acl' });
    expect(r.context).toBe('trunk');
    expect(r.outcome).toMatchObject({ kind: 'bridge', endpoint: 'sofia/gateway/carrier/44123', external: true });
    expect(r.outcome.targets?.[0]).toMatchObject({ kind: 'gateway', name: 'carrier' });
    expect(r.outcome.targets?.[0]?.location?.line).toBeGreaterThan(0);
    // the same address on a profile whose list does not hold it: challenged
    expect(route(a, { to: '0044123', from: '192.0.2.9' }).admission.verdict).toBe('challenged');
  });

  it('a bridge to a gateway no profile defines does not leave the switch: mod_sofia fails the leg (INVALID_GATEWAY)', () => {
    const a = miniTree({
      profile: `<profile name="edge"><settings>
        <param name="context" value="trunk"/><param name="auth-calls" value="false"/>
      </settings><gateways><gateway name="voipco"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile>`,
      dialplan: `<context name="trunk"><extension name="out"><condition field="destination_number" expression="^(\\d+)$">
        <action application="bridge" data="sofia/gateway/voipc0/$1"/></condition></extension></context>`,
    });
    const r = route(a, { to: '14155551234' });
    expect(r.outcome).toMatchObject({ kind: 'bridge', endpoint: 'sofia/gateway/voipc0/14155551234', external: false });
    expect(r.outcome.reason).toContain('gateway "voipc0", which no sofia profile defines: mod_sofia fails this leg with INVALID_GATEWAY');
    // `profile::name` names a defined gateway
    const b = miniTree({
      profile: `<profile name="edge"><settings>
        <param name="context" value="trunk"/><param name="auth-calls" value="false"/>
      </settings><gateways><gateway name="voipco"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile>`,
      dialplan: `<context name="trunk"><extension name="out"><condition field="destination_number" expression="^(\\d+)$">
        <action application="bridge" data="sofia/gateway/edge::voipco/$1"/></condition></extension></context>`,
    });
    expect(route(b, { to: '14155551234' }).outcome).toMatchObject({ kind: 'bridge', external: true });
  });

  it('list:pass_context:fail_context routes by the verdict; auth-calls off with a failing address and no fail context is 403', () => {
    const acl = `<list name="office" default="deny"><node type="allow" cidr="10.0.0.0/8"/></list>`;
    const dialplan = `<context name="inside"><extension name="x"><condition><action application="hangup" data="INSIDE"/></condition></extension></context>
      <context name="outside"><extension name="x"><condition><action application="hangup" data="OUTSIDE"/></condition></extension></context>`;
    const split = miniTree({
      profile: `<param name="auth-calls" value="false"/><param name="apply-inbound-acl" value="office:inside:outside"/>`,
      acl,
      dialplan,
    });
    expect(route(split, { to: '1', from: '10.1.2.3' }).outcome.endpoint).toBe('INSIDE');
    const out = route(split, { to: '1', from: '203.0.113.7' });
    expect(out.admission.verdict).toBe('admitted');
    expect(out.context).toBe('outside');
    const strict = miniTree({ profile: `<param name="auth-calls" value="false"/><param name="apply-inbound-acl" value="office"/>`, acl, dialplan });
    const r = route(strict, { to: '1', from: '203.0.113.7' });
    expect(r.admission).toMatchObject({ verdict: 'rejected', response: '403 Forbidden' });
    expect(r.outcome.kind).toBe('rejected');
  });

  it('apply-proxy-acl with X-AUTH-IP, x-token headers, auth-calls-acl-only and accept-blind-auth', () => {
    const acl = `<list name="office" default="deny"><node type="allow" cidr="10.0.0.0/8"/></list>
      <list name="proxies" default="deny"><node type="allow" cidr="192.0.2.10/32"/></list>`;
    const dialplan = `<context name="public"><extension name="x"><condition><action application="hangup" data="IN"/></condition></extension></context>`;
    const directory = `<domain name="example.org"><users><user id="pbx"><variables><variable name="user_context" value="public"/></variables></user></users></domain>`;
    const a = miniTree({
      profile: `<param name="context" value="public"/><param name="auth-calls" value="true"/><param name="apply-inbound-acl" value="office"/>
        <param name="apply-proxy-acl" value="proxies"/><param name="apply-proxy-acl-x-token" value="X-Token"/>`,
      acl,
      dialplan,
      directory,
    });
    // a proxy vouching for an office address
    const viaProxy = route(a, { to: '1', from: '192.0.2.10', headers: { 'X-AUTH-IP': '10.9.9.9' } });
    expect(viaProxy.admission).toMatchObject({ verdict: 'admitted', authenticated: true, by: 'acl' });
    // a proxy vouching for an outside address: digest challenge
    expect(route(a, { to: '1', from: '192.0.2.10', headers: { 'X-AUTH-IP': '203.0.113.7' } }).admission.verdict).toBe('challenged');
    // the proxy's token header names a directory user
    const token = route(a, { to: '1', from: '192.0.2.10', headers: { 'X-Token': 'pbx@example.org' } });
    expect(token.admission).toMatchObject({ verdict: 'admitted', authenticated: true, user: 'pbx@example.org' });
    // not a proxy: the header means nothing
    expect(route(a, { to: '1', from: '203.0.113.7', headers: { 'X-AUTH-IP': '10.9.9.9' } }).admission.verdict).toBe('challenged');

    const aclOnly = miniTree({
      profile: `<param name="auth-calls" value="true"/><param name="apply-inbound-acl" value="office"/><param name="auth-calls-acl-only" value="true"/>`,
      acl,
      dialplan,
    });
    expect(route(aclOnly, { to: '1' }).admission).toMatchObject({ verdict: 'rejected', response: '403 Forbidden' });

    const blind = miniTree({
      profile: `<param name="context" value="public"/><param name="auth-calls" value="true"/><param name="accept-blind-auth" value="true"/>`,
      acl,
      dialplan,
    });
    expect(route(blind, { to: '1' }).admission).toMatchObject({ verdict: 'admitted', authenticated: true, by: 'blind' });
  });

  it('--user: variables inherited from group and domain set user_context, toll_allow and accountcode', () => {
    const a = miniTree({
      profile: `<profile name="edge"><settings><param name="context" value="public"/><param name="auth-calls" value="true"/></settings>
        <gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile>`,
      directory: `<domain name="corp.example"><variables><variable name="user_context" value="staff"/><variable name="accountcode" value="domain-acct"/></variables>
        <groups><group name="sales"><variables><variable name="toll_allow" value="domestic,international"/></variables>
          <users><user id="2001"><params><param name="password" value="x"/></params><variables><variable name="accountcode" value="2001-acct"/></variables></user></users>
        </group></groups></domain>`,
      dialplan: `<context name="public"><extension name="x"><condition><action application="hangup" data="PUBLIC"/></condition></extension></context>
        <context name="staff"><extension name="intl"><condition field="\${toll_allow}" expression="international"/>
          <condition field="destination_number" expression="^011(\\d+)$"><action application="set" data="acct=\${accountcode}"/><action application="bridge" data="sofia/gateway/carrier/$1"/></condition></extension></context>`,
    });
    const r = route(a, { to: '01144123', user: '2001' });
    expect(r.admission).toMatchObject({ verdict: 'admitted', authenticated: true, by: 'digest', user: '2001@corp.example' });
    expect(r.context).toBe('staff');
    expect(apps(r)).toEqual(['set(acct=2001-acct)', 'bridge(sofia/gateway/carrier/44123)']);
    expect(r.outcome).toMatchObject({ kind: 'bridge', external: true });
    expect(() => route(a, { to: '1', user: 'nobody' })).toThrow(RouteInputError);
  });

  it('a route that needs ${toll_allow} is reached only by an authenticated user', () => {
    const dialplan = `<context name="public"><extension name="intl">
        <condition field="\${toll_allow}" expression="international"/>
        <condition field="destination_number" expression="^011(\\d+)$"><action application="bridge" data="sofia/gateway/carrier/$1"/></condition>
      </extension></context>`;
    const a = miniTree({
      profile: GW,
      directory: `<domain name="d"><users><user id="7"><variables><variable name="toll_allow" value="international"/></variables></user></users></domain>`,
      dialplan,
    });
    expect(route(a, { to: '01144' }).outcome.kind).toBe('no-route');
    // auth-calls is off: --user is not asked for, so the stranger's call stays unauthenticated
    const withUser = route(a, { to: '01144', user: '7' });
    expect(withUser.admission.authenticated).toBe(false);
    expect(withUser.outcome.kind).toBe('no-route');
  });
});

describe('hunt (mod_dialplan_xml.c parse_exten)', () => {
  const open = `<param name="context" value="c"/><param name="auth-calls" value="false"/>`;
  const tree = (exts: string, extra = '') => miniTree({ profile: open + extra, dialplan: `<context name="c">${exts}</context>` });

  it('break on-false (default), on-true, always and never', () => {
    const exts = (b: string) => `<extension name="e">
      <condition field="destination_number" expression="^9$"${b}><action application="log" data="first"/></condition>
      <condition><action application="hangup" data="SECOND"/></condition></extension>`;
    expect(route(tree(exts('')), { to: '1' }).outcome.kind).toBe('no-route'); // on-false: stops at the failing condition
    expect(route(tree(exts(' break="never"')), { to: '1' }).outcome.endpoint).toBe('SECOND');
    expect(route(tree(exts(' break="on-true"')), { to: '9' }).actions.map((a) => a.data)).toEqual(['first']);
    expect(route(tree(exts(' break="on-true"')), { to: '1' }).outcome.endpoint).toBe('SECOND');
    expect(route(tree(exts(' break="always"')), { to: '9' }).actions.map((a) => a.data)).toEqual(['first']);
  });

  it('continue="true" keeps hunting; without it the first match ends the hunt', () => {
    const t = (cont: string) =>
      tree(`<extension name="a"${cont}><condition><action application="log" data="a"/></condition></extension>
        <extension name="b"><condition><action application="hangup" data="B"/></condition></extension>`);
    expect(route(t(' continue="true"'), { to: '1' }).outcome.endpoint).toBe('B');
    expect(route(t(''), { to: '1' }).actions.map((a) => a.data)).toEqual(['a']);
  });

  it('an inline set changes what later conditions see; a plain set does not (it runs only after the hunt)', () => {
    const t = (inline: string) =>
      tree(`<extension name="a" continue="true"><condition><action application="set" data="flag=on"${inline}/></condition></extension>
        <extension name="b"><condition field="\${flag}" expression="^on$"><action application="hangup" data="SEEN"/></condition></extension>`);
    expect(route(t(' inline="true"'), { to: '1' }).outcome.endpoint).toBe('SEEN');
    const plain = route(t(''), { to: '1' });
    expect(plain.outcome.kind).toBe('no-route');
    expect(plain.actions.map((a) => a.application)).toEqual(['set']);
  });

  it('nested conditions run only when the parent matched', () => {
    const t = tree(`<extension name="n"><condition field="destination_number" expression="^(5\\d+)$">
      <action application="log" data="outer $1"/>
      <condition field="destination_number" expression="^55"><action application="hangup" data="INNER"/></condition>
    </condition></extension>`);
    const r = route(t, { to: '551' });
    expect(r.actions.map((a) => `${a.application}:${a.data}`)).toEqual(['log:outer 551', 'hangup:INNER']);
    expect(route(t, { to: '51' }).actions.map((a) => a.application)).toEqual(['log']);
    expect(route(t, { to: '61' }).outcome.kind).toBe('no-route');
  });

  it('time conditions at --at', () => {
    const t = tree(`<extension name="day"><condition wday="mon-fri" hour="9-17"><action application="hangup" data="OPEN"/>
      <anti-action application="hangup" data="CLOSED"/></condition></extension>`);
    expect(route(t, { to: '1', at: '2026-12-04T10:30' }).outcome.endpoint).toBe('OPEN'); // a Friday
    expect(route(t, { to: '1', at: '2026-12-05T10:30' }).outcome.endpoint).toBe('CLOSED'); // Saturday: the anti-action
    expect(route(t, { to: '1', at: '2026-12-04T18:00' }).outcome.endpoint).toBe('CLOSED');
    expect(() => route(t, { to: '1', at: 'tomorrow' })).toThrow(RouteInputError);
  });

  it('regex="any", "all" and "xor" over <regex> children', () => {
    const t = (rule: string) =>
      tree(`<extension name="r"><condition regex="${rule}">
        <regex field="destination_number" expression="^1"/><regex field="destination_number" expression="2$"/>
        <action application="hangup" data="YES"/><anti-action application="hangup" data="NO"/></condition></extension>`);
    expect(route(t('any'), { to: '13' }).outcome.endpoint).toBe('YES');
    expect(route(t('any'), { to: '33' }).outcome.endpoint).toBe('NO');
    expect(route(t('all'), { to: '13' }).outcome.endpoint).toBe('NO');
    expect(route(t('all'), { to: '12' }).outcome.endpoint).toBe('YES');
    expect(route(t('xor'), { to: '13' }).outcome.endpoint).toBe('YES');
    expect(route(t('xor'), { to: '12' }).outcome.endpoint).toBe('NO');
  });

  it('anti-actions run when the condition fails, and then the extension counts as matched', () => {
    const t =
      tree(`<extension name="a"><condition field="destination_number" expression="^9$"><anti-action application="log" data="not nine"/></condition></extension>
      <extension name="b"><condition><action application="hangup" data="B"/></condition></extension>`);
    const r = route(t, { to: '1' });
    expect(r.actions.map((a) => a.data)).toEqual(['not nine']);
    expect(r.outcome).toMatchObject({ kind: 'hangup', endpoint: 'NORMAL_CLEARING' });
  });

  it('$N substitution only when the expression has a parenthesis', () => {
    const t = tree(
      `<extension name="a"><condition field="destination_number" expression="^\\d+$"><action application="hangup" data="$1-$0"/></condition></extension>`,
    );
    expect(route(t, { to: '12' }).actions[0]!.data).toBe('$1-$0');
    const u = tree(
      `<extension name="a"><condition field="destination_number" expression="^(\\d)(\\d)?$"><action application="hangup" data="[$1][$2][\${1}]"/></condition></extension>`,
    );
    expect(route(u, { to: '4' }).actions[0]!.data).toBe('[4][][4]');
  });

  it('transfer and execute_extension hunt again in their context', () => {
    const t = miniTree({
      profile: open,
      dialplan: `<context name="c">
        <extension name="a"><condition field="destination_number" expression="^1$"><action application="execute_extension" data="setvar XML lib"/><action application="transfer" data="200 XML other"/></condition></extension>
      </context>
      <context name="lib"><extension name="s"><condition field="destination_number" expression="^setvar$"><action application="set" data="who=lib"/></condition></extension></context>
      <context name="other"><extension name="t"><condition field="destination_number" expression="^200$"><action application="bridge" data="user/\${who}"/></condition></extension></context>`,
    });
    const r = route(t, { to: '1' });
    expect(r.contexts).toEqual(['c', 'lib', 'other']);
    expect(r.outcome).toMatchObject({ kind: 'bridge', endpoint: 'user/lib', external: false });
    expect(r.outcome.targets?.[0]?.kind).toBe('local-user');
    expect(r.actions.map((a) => a.context)).toEqual(['c', 'lib', 'c', 'other']);
  });

  it('unknown values stay visibly unknown and undecided conditions are followed both ways', () => {
    const t =
      tree(`<extension name="a"><condition field="\${sip_user_agent}" expression="^Evil"><action application="hangup" data="BLOCKED"/></condition></extension>
      <extension name="b"><condition><action application="bridge" data="user/\${dialed}@$\${domain}"/></condition></extension>`);
    const r = route(t, { to: '1' });
    expect(r.outcome.kind).toBe('undecided');
    expect(r.outcome.alternatives?.map((x) => `${x.kind} ${x.endpoint}`).sort()).toEqual(['bridge user/@$${domain}', 'hangup BLOCKED']);
    const known = route(t, { to: '1', vars: { sip_user_agent: 'Phone' } });
    expect(known.outcome.kind).toBe('bridge');
    expect(known.actions[0]!.unknown).toEqual(['$${domain}']);
  });

  it('a condition the regex translator cannot express is undecided, with the reason', () => {
    const t = tree(
      `<extension name="a"><condition field="destination_number" expression="^(?>1+)2$"><action application="hangup" data="X"/></condition></extension>`,
    );
    const r = route(t, { to: '112' });
    expect(r.outcome.kind).toBe('undecided');
    expect(r.outcome.reason).toMatch(/atomic/);
  });
});

describe('API calls in ${…}', () => {
  it('${strftime(…)} is the call time at --at; an API fsconf does not know stays unknown', () => {
    const a = miniTree({
      profile: `<param name="context" value="c"/><param name="auth-calls" value="false"/>`,
      dialplan: `<context name="c"><extension name="weekday"><condition field="\${strftime(%w)}" expression="^[1-5]$"><action application="hangup" data="OPEN \${strftime(%H:%M)}"/><anti-action application="hangup" data="CLOSED"/></condition></extension></context>`,
    });
    expect(route(a, { to: '1', at: '2026-12-04T10:30' }).outcome.endpoint).toBe('OPEN 10:30'); // Friday
    expect(route(a, { to: '1', at: '2026-12-06T10:30' }).outcome.endpoint).toBe('CLOSED'); // Sunday
    const b = miniTree({
      profile: `<param name="context" value="c"/><param name="auth-calls" value="false"/>`,
      dialplan: `<context name="c"><extension name="x"><condition field="\${db(select/k)}" expression="^1$"><action application="hangup" data="A"/><anti-action application="hangup" data="B"/></condition></extension></context>`,
    });
    const r = route(b, { to: '1' });
    expect(r.outcome.kind).toBe('undecided');
    expect(r.outcome.reason).toContain('${db(select/k)}');
  });

  it('${api args} (a space before any parenthesis) is an API call too: user_exists answers from the directory, as FusionPBX dialplans use it', () => {
    const dialplan = `<context name="c">
      <extension name="user_exists" continue="true"><condition field="" expression="">
        <action application="set" data="user_exists=\${user_exists id \${destination_number} \${domain_name}}" inline="true"/>
      </condition></extension>
      <extension name="local"><condition field="\${user_exists}" expression="^true$"><action application="hangup" data="LOCAL"/></condition></extension>
      <extension name="out"><condition field="\${user_exists}" expression="^false$"/><condition field="destination_number" expression="^(\\d{11})$"><action application="hangup" data="OUT"/></condition></extension>
    </context>`;
    const a = miniTree({
      profile: `<param name="context" value="c"/><param name="auth-calls" value="false"/>`,
      vars: `<X-PRE-PROCESS cmd="set" data="x=1"/>`,
      directory: `<domain name="pbx.example.com"><groups><group name="default"><users>
        <user id="1000"/><user id="1001" number-alias="2001"/><user id="1002" type="pointer"/>
      </users></group></groups></domain>`,
      dialplan,
    });
    const to = (n: string) => route(a, { to: n, vars: { domain_name: 'pbx.example.com' } }).outcome.endpoint;
    expect(to('1000')).toBe('LOCAL');
    expect(to('2001')).toBe('LOCAL'); // number-alias
    expect(to('1002')).toBe(null); // a pointer user is not found: false, and 1002 is not 11 digits
    expect(to('12125551234')).toBe('OUT');
    // an API fsconf does not know, written with a space, stays unknown (it was read as an unset variable: "")
    const b = miniTree({
      profile: `<param name="context" value="c"/><param name="auth-calls" value="false"/>`,
      dialplan: `<context name="c"><extension name="x"><condition field="\${hash select/k/v}" expression="^$"><action application="hangup" data="A"/><anti-action application="hangup" data="B"/></condition></extension></context>`,
    });
    const r = route(b, { to: '1' });
    expect(r.outcome.kind).toBe('undecided');
    expect(r.outcome.reason).toContain('${hash select/k/v}');
  });
});

describe('scripts that return (lua, javascript, python, perl)', () => {
  // FusionPBX: every inbound call runs `lua app.lua call_block` (continue="true"), then the DID routes it
  const fusion = (didActions: string) =>
    miniTree({
      profile: GW,
      dialplan: `<context name="public">
        <extension name="call_block" continue="true"><condition field="destination_number" expression="^(.+)$">
          <action application="lua" data="app.lua call_block"/></condition></extension>
        <extension name="did"><condition field="destination_number" expression="^00(\\d+)$">
          ${didActions}</condition></extension>
      </context>`,
    });

  it('the dialplan goes on after the script; the outcome names both: the script returns, or takes the call', () => {
    const r = route(fusion(`<action application="bridge" data="sofia/gateway/carrier/$1"/>`), { to: '0044123' });
    expect(apps(r)).toEqual(['lua(app.lua call_block)', 'bridge(sofia/gateway/carrier/44123)']);
    expect(r.outcome.kind).toBe('undecided');
    expect(r.outcome.external).toBe(true);
    const alts = r.outcome.alternatives!.map((x) => `${x.kind} ${x.endpoint}: ${x.assumptions.join('; ')}`);
    expect(alts).toEqual([
      'bridge sofia/gateway/carrier/44123: the script lua app.lua call_block (line 18): returns with the call still up',
      'other lua app.lua call_block: the script lua app.lua call_block (line 18): takes the call (hangs up, transfers or bridges it)',
    ]);
    expect(r.trace.map((t) => t.text)).toContain('lua app.lua call_block returns: the dialplan goes on (the script itself is not simulated)');
    expect(r.premises).toContain('a script that returns (lua, javascript, python, perl) is taken to change no variable the later steps read');
  });

  it('a script with nothing after it takes the call, as before: no branch', () => {
    const a = miniTree({
      profile: GW,
      dialplan: `<context name="public"><extension name="ivr"><condition field="destination_number" expression="^5000$">
        <action application="answer"/><action application="javascript" data="ps_pizza.js"/></condition></extension></context>`,
    });
    const r = route(a, { to: '5000' });
    expect(r.outcome).toMatchObject({ kind: 'other', endpoint: 'javascript ps_pizza.js', reason: 'javascript takes the call' });
    expect(r.outcome.alternatives).toBeUndefined();
    expect(r.premises.join('\n')).not.toContain('a script that returns');
  });

  it('a script before a hangup: both ways are named, and neither leaves the switch', () => {
    const r = route(fusion(`<action application="hangup" data="CALL_REJECTED"/>`), { to: '0044123' });
    expect(r.outcome.alternatives!.map((x) => x.kind)).toEqual(['hangup', 'other']);
    expect(r.outcome.external).toBe(false);
  });
});

describe('bridgeWhere: where a bridge takes the call, in words', () => {
  const gw = (missing: boolean) => ({ target: 'sofia/gateway/upstrem/1', kind: 'gateway' as const, name: 'upstrem', ...(missing ? { missing: true } : {}) });
  it('out, nowhere, or on the switch', () => {
    expect(bridgeWhere({ kind: 'bridge', external: true, targets: [gw(false)] })).toBe('leaves the switch');
    expect(bridgeWhere({ kind: 'bridge', external: false, targets: [gw(true)] })).toBe('fails: no sofia profile defines gateway upstrem (INVALID_GATEWAY)');
    expect(bridgeWhere({ kind: 'bridge', external: false, targets: [gw(true), { target: 'user/1000@x', kind: 'local-user' }] })).toBe('stays on the switch');
    expect(bridgeWhere({ kind: 'hangup', external: false })).toBeUndefined();
  });
});
