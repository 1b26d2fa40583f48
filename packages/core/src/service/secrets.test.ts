import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { MemoryFileSystem } from '../fs.js';
import { kbData } from '../kb/index.js';
import { FsconfWorkspace } from './workspace.js';
import { isSecretName, SECRET_NAMES } from '../semantics/secret-names.js';
import { secretRanges, secretRangesInText } from './secrets.js';
import { FREESWITCH_XML } from '../testing/trees.js';

/** A vanilla-like tree: every secret a stock install (plus an admin) puts in it. */
const files: Record<string, string> = {
  '/conf/freeswitch.xml': FREESWITCH_XML,
  '/conf/vars.xml': `<include>
  <!-- YOU SHOULD CHANGE THIS default_password value -->
  <X-PRE-PROCESS cmd="set" data="default_password=Def4ultPw"/>
  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>
  <X-PRE-PROCESS cmd="set" data="sip_tls_version=tlsv1.2"/>
  <X-PRE-PROCESS cmd="set" data="carrier_pass=Carr1erPw"/>
  <X-PRE-PROCESS cmd="set" data="stun_secret=StunS3cret"/>
  <!--#set "hash_password=HashForm1"-->
</include>
`,
  '/conf/directory/default.xml': `<include>
  <domain name="$\${domain}">
    <params>
      <param name="dial-string" value="{presence_id=\${dialed_user}@\${dialed_domain}}\${sofia_contact(\${dialed_user}@\${dialed_domain})}"/>
    </params>
    <users>
      <user id="1000">
        <params>
          <param name="password" value="$\${default_password}"/>
          <param name="vm-password" value="VmPin1000"/>
        </params>
        <variables>
          <variable name="toll_allow" value="domestic"/>
          <variable name="user_context" value="default"/>
          <variable name="sip_auth_password" value="VarPw1000"/>
        </variables>
      </user>
      <user id="1001">
        <params>
          <param name="password" value="pre$\${default_password}Post"/>
          <param name="allow-empty-password" value="false"/>
          <!--<param name="a1-hash" value="c6440e5de50b403206989679159de89a"/>-->
        </params>
      </user>
    </users>
  </domain>
</include>
`,
  '/conf/autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
    <param name="nat-map" value="false"/>
    <param name="listen-ip" value="::"/>
    <param name="listen-port" value="8021"/>
    <param name="password" value="EslPassw0rd"/>
    <!--<param name="apply-inbound-acl" value="loopback.auto"/>-->
  </settings>
</configuration>
`,
  '/conf/autoload_configs/xml_rpc.conf.xml': `<configuration name="xml_rpc.conf" description="XML RPC">
  <settings>
    <param name="http-port" value="8080"/>
    <param name="auth-realm" value="freeswitch"/>
    <param name="auth-user" value="freeswitch"/>
    <param name="auth-pass" value="RpcPassw0rd"/>
  </settings>
</configuration>
`,
  '/conf/autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="external">
      <gateways>
        <gateway name="trunk">
          <param name="username" value="acct42"/>
          <param name="password" value="GwTrunkPw!"/>
          <param name="realm" value="sip.example.net"/>
        </gateway>
      </gateways>
      <settings>
        <param name="context" value="public"/>
        <param name="tls-passphrase" value="TlsPhrase"/>
        <param name="odbc-dsn" value="freeswitch:fsuser:OdbcPw"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
  '/conf/autoload_configs/hash.conf.xml': `<configuration name="hash.conf" description="Hash Configuration">
  <remotes>
    <remote name="Test1" host="10.0.0.10" port="8021" password="RemotePw" interval="1000"/>
  </remotes>
</configuration>
`,
  '/conf/autoload_configs/switch.conf.xml': `<configuration name="switch.conf" description="Core Configuration">
  <settings>
    <param name="core-db-dsn" value="pgsql://hostaddr=127.0.0.1 dbname=freeswitch user=freeswitch password='PgPw' options='-c x'"/>
    <param name="max-sessions" value="1000"/>
  </settings>
</configuration>
`,
  '/conf/autoload_configs/xml_curl.conf.xml': `<configuration name="xml_curl.conf" description="cURL XML Gateway">
  <bindings>
    <binding name="example">
      <param name="gateway-url" value="https://fsuser:UrlPw@config.example.net/fs" bindings="dialplan"/>
      <param name="gateway-credentials" value="muser:CurlPw"/>
    </binding>
  </bindings>
</configuration>
`,
  '/conf/dialplan/default.xml': `<include>
  <context name="default">
    <extension name="out">
      <condition field="destination_number" expression="^9(\\d+)$">
        <action application="set" data="sip_auth_password=DpSetPw"/>
        <action application="export" data="nolocal:sip_auth_username=acct"/>
        <action application="bridge" data="{sip_auth_username=acct,sip_auth_password=DpBridgePw}sofia/gateway/trunk/$1"/>
        <action application="set" data="hangup_after_bridge=true"/>
      </condition>
    </extension>
  </context>
</include>
`,
  '/conf/cti.json': '{ "password_minimum": 8, "password_strength": 3 }\n',
};

const ws = () => new FsconfWorkspace(new MemoryFileSystem(files), '/conf');

function textOf(text: string, r: Range): string {
  const lines = text.split('\n');
  expect(r.start.line).toBe(r.end.line);
  return lines[r.start.line]!.slice(r.start.character, r.end.character);
}

function secretsOf(w: FsconfWorkspace, path: string): string[] {
  return secretRanges(w, path).map((r) => textOf(files[path]!, r));
}

describe('secretRanges', () => {
  const w = ws();

  it('directory: user password and vm-password values, literal text only around $${} references', () => {
    const s = secretsOf(w, '/conf/directory/default.xml');
    expect(s).toEqual(['VmPin1000', 'VarPw1000', 'pre', 'Post', 'c6440e5de50b403206989679159de89a']);
    // not: the reference itself, user ids, toll_allow, user_context, allow-empty-password (a bool)
  });

  it('pre-processor set directives whose variable looks secret (tag and #-comment forms)', () => {
    expect(secretsOf(w, '/conf/vars.xml')).toEqual(['Def4ultPw', 'Carr1erPw', 'StunS3cret', 'HashForm1']);
  });

  it('event_socket password, xml_rpc auth-pass; never listen-ip, auth-user, auth-realm', () => {
    expect(secretsOf(w, '/conf/autoload_configs/event_socket.conf.xml')).toEqual(['EslPassw0rd']);
    expect(secretsOf(w, '/conf/autoload_configs/xml_rpc.conf.xml')).toEqual(['RpcPassw0rd']);
  });

  it('gateway password, tls-passphrase and the password part of an ODBC DSN; not username, realm, context', () => {
    expect(secretsOf(w, '/conf/autoload_configs/sofia.conf.xml')).toEqual(['GwTrunkPw!', 'TlsPhrase', 'OdbcPw']);
  });

  it('secret attributes (mod_hash remotes), connection-string and URL passwords, credentials', () => {
    expect(secretsOf(w, '/conf/autoload_configs/hash.conf.xml')).toEqual(['RemotePw']);
    expect(secretsOf(w, '/conf/autoload_configs/switch.conf.xml')).toEqual(['PgPw']);
    expect(secretsOf(w, '/conf/autoload_configs/xml_curl.conf.xml')).toEqual(['UrlPw', 'muser:CurlPw']);
  });

  it('dialplan: set/export of a secret channel variable and {var=value} blocks', () => {
    expect(secretsOf(w, '/conf/dialplan/default.xml')).toEqual(['DpSetPw', 'DpBridgePw']);
  });

  it('cti.json holds none; freeswitch.xml none', () => {
    expect(secretRanges(w, '/conf/cti.json')).toEqual([]);
    expect(secretRanges(w, '/conf/freeswitch.xml')).toEqual([]);
  });

  it('a text other than the workspace one (a fix preview) is read on its own', () => {
    const path = '/conf/autoload_configs/event_socket.conf.xml';
    const after = files[path]!.replace('EslPassw0rd', 'N3w-Generated_pw');
    const r = secretRanges(w, path, after);
    expect(r.map((x) => textOf(after, x))).toEqual(['N3w-Generated_pw']);
    // the same text as the workspace's: the model answers, same result
    expect(secretRanges(w, path, files[path])).toEqual(secretRanges(w, path));
  });

  it('a file outside the tree is read from the workspace file system', () => {
    const fs = new MemoryFileSystem({ ...files, '/conf/stray/other.xml': '<param name="password" value="StrayPw"/>\n' });
    const w2 = new FsconfWorkspace(fs, '/conf');
    expect(secretRanges(w2, '/conf/stray/other.xml')).toEqual([{ start: { line: 0, character: 30 }, end: { line: 0, character: 37 } }]);
    expect(secretRanges(w2, '/conf/missing.xml')).toEqual([]);
  });

  it('multi-line values keep their ranges; an empty value has none', () => {
    const text = '<param name="password" value="ab\ncd"/>\n<param name="password" value=""/>\n';
    expect(secretRangesInText(text)).toEqual([{ start: { line: 0, character: 30 }, end: { line: 1, character: 2 } }]);
  });
});

describe('isSecretName', () => {
  it('the names the brief and FreeSWITCH use', () => {
    for (const n of [
      'password',
      'vm-password',
      'auth-pass',
      'root-password',
      'jsonrpc-password',
      'reverse-auth-pass',
      'a1-hash',
      'vm-a1-hash',
      'PASSWORD',
      'Auth-Pass',
      'pin',
      'moderator-pin',
      'default_password',
      'default_provider_password',
      'db_pass',
      'sip_auth_password',
      'shared_secret',
      'client-secret-x',
      'ldap_passwd',
      'api_key',
      'cred',
      'gateway-credentials',
    ])
      expect(isSecretName(n), n).toBe(true);
  });
  it('not: names that only mention a password, and ordinary params', () => {
    for (const n of [
      'username',
      'context',
      'auth-user',
      'auth-realm',
      'listen-ip',
      'allow-empty-password',
      'send-auth-password',
      'db-password-override',
      'pass-rfc2833',
      'pass-callee-id',
      'change-pass-key',
      'pin-sound',
      'bad-pin-sound',
      'pin-retries',
      'password_minimum',
      'password_strength',
      'g-pass',
      'apply-inbound-acl-x-token',
      'NDLB-broken-auth-hash',
      'hold_music',
      'domain',
      '',
    ])
      expect(isSecretName(n), n).toBe(false);
  });
  it('covers every knowledge-base param of type password, and SECRET_NAMES is all secret', () => {
    const kbPasswords = kbData.paramSets
      .flatMap((s) => s.params)
      .filter((p) => p.type === 'password')
      .map((p) => p.name);
    expect(kbPasswords.length).toBeGreaterThan(5);
    for (const n of kbPasswords) expect(isSecretName(n), n).toBe(true);
    for (const n of SECRET_NAMES) expect(isSecretName(n), n).toBe(true);
  });
});
