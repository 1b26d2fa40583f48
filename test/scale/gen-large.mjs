// Builds a realistic large conf tree: 5 000 directory users, 200 gateways, 50 contexts with 10 000
// extensions, 20 ACL lists with 2 000 nodes (~30 MB in all). Usage: node gen-large.mjs [outdir]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.large'));
fs.rmSync(out, { recursive: true, force: true });
const w = (rel, text) => {
  const p = path.join(out, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
};
let seed = 42;
const rnd = (n) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
const pw = () => Array.from({ length: 14 }, () => 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.'[rnd(59)]).join('') + 'aA1.';

w(
  'freeswitch.xml',
  `<?xml version="1.0"?>
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
`,
);
w(
  'vars.xml',
  `<include>
  <X-PRE-PROCESS cmd="set" data="domain=pbx.example.net"/>
  <X-PRE-PROCESS cmd="set" data="internal_auth_calls=true"/>
  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>
  <X-PRE-PROCESS cmd="set" data="outbound_caller_name=Example PBX"/>
${Array.from({ length: 200 }, (_, i) => `  <X-PRE-PROCESS cmd="set" data="carrier${i}_proxy=sip${i}.carrier.example.com"/>`).join('\n')}
</include>
`,
);
// ACLs: 20 lists x 100 nodes
let acl = '<configuration name="acl.conf" description="Network Lists">\n  <network-lists>\n';
for (let l = 0; l < 20; l++) {
  acl += `    <list name="acl${l}" default="deny">\n`;
  for (let n = 0; n < 100; n++) acl += `      <node type="${n % 7 ? 'allow' : 'deny'}" cidr="${10 + l}.${n}.${rnd(256)}.0/24"/>\n`;
  acl += '    </list>\n';
}
w('autoload_configs/acl.conf.xml', acl + '  </network-lists>\n</configuration>\n');
w(
  'autoload_configs/sofia.conf.xml',
  `<configuration name="sofia.conf" description="sofia Endpoint">
  <global_settings>
    <param name="log-level" value="0"/>
  </global_settings>
  <profiles>
    <X-PRE-PROCESS cmd="include" data="../sip_profiles/*.xml"/>
  </profiles>
</configuration>
`,
);
w(
  'autoload_configs/event_socket.conf.xml',
  `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
    <param name="listen-ip" value="127.0.0.1"/>
    <param name="listen-port" value="8021"/>
    <param name="password" value="${pw()}"/>
  </settings>
</configuration>
`,
);
const settings = (ctx, port, extra) => `  <settings>
    <param name="context" value="${ctx}"/>
    <param name="sip-port" value="${port}"/>
    <param name="dialplan" value="XML"/>
    <param name="rtp-ip" value="$\${local_ip_v4}"/>
    <param name="sip-ip" value="$\${local_ip_v4}"/>
    <param name="hold-music" value="$\${hold_music}"/>
    <param name="log-auth-failures" value="true"/>
${extra}
  </settings>`;
w(
  'sip_profiles/internal.xml',
  `<profile name="internal">
${settings('default', 5060, '    <param name="auth-calls" value="$${internal_auth_calls}"/>\n    <param name="apply-inbound-acl" value="acl0"/>')}
</profile>
`,
);
w(
  'sip_profiles/external.xml',
  `<profile name="external">
  <gateways>
    <X-PRE-PROCESS cmd="include" data="external/*.xml"/>
  </gateways>
${settings('public', 5080, '    <param name="apply-inbound-acl" value="acl1"/>')}
</profile>
`,
);
for (let g = 0; g < 200; g++) {
  w(
    `sip_profiles/external/carrier${String(g).padStart(3, '0')}.xml`,
    `<include>
  <gateway name="carrier${g}">
    <param name="username" value="acct${g}"/>
    <param name="password" value="${pw()}"/>
    <param name="proxy" value="$\${carrier${g}_proxy}"/>
    <param name="register" value="true"/>
    <param name="expire-seconds" value="600"/>
    <param name="retry-seconds" value="30"/>
    <param name="caller-id-in-from" value="true"/>
  </gateway>
</include>
`,
  );
}
// directory: 5 000 users in 50 files of 100
w(
  'directory/default.xml',
  `<include>
  <domain name="$\${domain}">
    <params>
      <param name="dial-string" value="{presence_id=\${dialed_user}@\${dialed_domain}}\${sofia_contact(\${dialed_user}@\${dialed_domain})}"/>
    </params>
    <variables>
      <variable name="record_stereo" value="true"/>
    </variables>
    <groups>
      <group name="default">
        <users>
          <X-PRE-PROCESS cmd="include" data="default/*.xml"/>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
);
for (let f = 0; f < 50; f++) {
  let t = '<include>\n';
  for (let u = 0; u < 100; u++) {
    const id = 10000 + f * 100 + u;
    t += `  <user id="${id}">
    <params>
      <param name="password" value="${pw()}"/>
      <param name="vm-password" value="${4000 + rnd(5000)}"/>
    </params>
    <variables>
      <variable name="toll_allow" value="domestic,international,local"/>
      <variable name="accountcode" value="${id}"/>
      <variable name="user_context" value="default"/>
      <variable name="effective_caller_id_name" value="Extension ${id}"/>
      <variable name="effective_caller_id_number" value="${id}"/>
      <variable name="outbound_caller_id_name" value="$\${outbound_caller_name}"/>
      <variable name="callgroup" value="techsupport"/>
    </variables>
  </user>
`;
  }
  w(`directory/default/users${String(f).padStart(2, '0')}.xml`, t + '</include>\n');
}
// dialplan: 49 small contexts (20 extensions each) + one 10 000-extension context = 50 contexts
for (let c = 0; c < 49; c++) {
  let t = `<include>\n  <context name="${c === 0 ? 'default' : c === 1 ? 'public' : `ctx${c}`}">\n`;
  for (let e = 0; e < 20; e++) {
    const n = 2000 + e;
    t += `    <extension name="ext_${c}_${e}">
      <condition field="destination_number" expression="^(${n}|\\+1555${n})$">
        <action application="set" data="call_timeout=30"/>
        <action application="set" data="hangup_after_bridge=true"/>
        <action application="export" data="sip_h_X-Route=${c}-${e}"/>
        <action application="bridge" data="sofia/gateway/carrier${(c * 200 + e) % 200}/$1"/>
        <anti-action application="log" data="INFO no match ${e}"/>
      </condition>
    </extension>
`;
  }
  w(`dialplan/${String(c).padStart(2, '0')}_ctx${c}.xml`, t + '  </context>\n</include>\n');
}
// one 10 000-extension dialplan for the LSP latency figure
let big = '<include>\n  <context name="bigctx">\n';
for (let e = 0; e < 10000; e++) {
  big += `    <extension name="big_${e}">
      <condition field="destination_number" expression="^(${100000 + e})$">
        <action application="set" data="effective_caller_id_number=${e}"/>
        <action application="bridge" data="user/$1@$\${domain}"/>
      </condition>
    </extension>
`;
}
w('dialplan/zz_big.xml', big + '  </context>\n</include>\n');
// Real trees are mostly commentary (vanilla ships long explanatory comment blocks): pad every user file
// with per-user notes until the tree reaches ~30 MB.
let size = 0;
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else size += fs.statSync(p).size;
  }
};
walk(out);
const note = (id) =>
  `  <!-- ${id}: desk phone in building ${id % 7}, floor ${id % 5}; provisioned by the asset system. Call forwarding,\n       voicemail-to-email and the busy-lamp field are configured on the handset; keep the password in the vault. -->\n`;
let round = 0;
while (size < 30 * 1024 * 1024 && round < 200) {
  for (let f = 0; f < 50 && size < 30 * 1024 * 1024; f++) {
    const p = path.join(out, `directory/default/users${String(f).padStart(2, '0')}.xml`);
    let add = '';
    for (let u = 0; u < 100; u++) add += note(10000 + f * 100 + u);
    const t = fs.readFileSync(p, 'utf8').replace('</include>\n', add + '</include>\n');
    fs.writeFileSync(p, t);
    size += Buffer.byteLength(add);
  }
  round++;
}
console.log(`${out}: ${(size / 1048576).toFixed(1)} MB`);
