/**
 * Templates for new configuration, in one place: the terminal UI and the VS Code client (through the
 * language server) offer the same ones. Each produces configuration that lints clean on FreeSWITCH's
 * vanilla tree (templates.test.ts checks that on a copy of it).
 */
import { generatePassword } from '../../passwords.js';
import type { PasswordPolicy } from '../../cti.js';
import type { NewElement } from './types.js';

interface TemplateField {
  name: string;
  label: string;
  default: string;
  /** What the field completes from (clients ask the server for these names). */
  complete?: 'contexts' | 'gateways' | 'ivrs' | 'users';
  /** A generated secret: shown once on request, masked otherwise. */
  secret?: boolean;
}

export interface Template {
  id: string;
  kind: 'extension' | 'user' | 'gateway';
  title: string;
  description: string;
  fields: TemplateField[];
  build(values: Record<string, string>): NewElement;
}

const el = (name: string, attrs: [string, string][] = [], children: NewElement[] = []): NewElement => ({ name, attrs, children });
const action = (application: string, data?: string): NewElement =>
  el(
    'action',
    data === undefined
      ? [['application', application]]
      : [
          ['application', application],
          ['data', data],
        ],
  );
const param = (name: string, value: string): NewElement =>
  el('param', [
    ['name', name],
    ['value', value],
  ]);
const variable = (name: string, value: string): NewElement =>
  el('variable', [
    ['name', name],
    ['value', value],
  ]);

/** A PCRE that matches exactly this number. */
function exactNumber(n: string): string {
  return `^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

function v(values: Record<string, string>, t: Template, name: string): string {
  const given = values[name];
  if (given !== undefined && given !== '') return given;
  return t.fields.find((f) => f.name === name)?.default ?? '';
}

export const TEMPLATES: Template[] = [
  {
    id: 'local-extension',
    kind: 'extension',
    title: 'Local extension with voicemail',
    description: 'ring a directory user, then send the caller to its voicemail box',
    fields: [
      { name: 'number', label: 'number dialled', default: '1005' },
      { name: 'user', label: 'user to ring', default: '1005', complete: 'users' },
      { name: 'timeout', label: 'ring for (seconds)', default: '30' },
    ],
    build(values) {
      const number = v(values, this, 'number');
      const user = v(values, this, 'user');
      return el(
        'extension',
        [['name', `local_${number}`]],
        [
          el(
            'condition',
            [
              ['field', 'destination_number'],
              ['expression', exactNumber(number)],
            ],
            [
              action('set', `call_timeout=${v(values, this, 'timeout')}`),
              action('set', 'hangup_after_bridge=true'),
              action('set', 'continue_on_fail=true'),
              action('bridge', `user/${user}@\${domain_name}`),
              action('answer'),
              action('sleep', '1000'),
              action('voicemail', `default \${domain_name} ${user}`),
            ],
          ),
        ],
      );
    },
  },
  {
    id: 'gateway-route',
    kind: 'extension',
    title: 'Gateway route',
    description: 'send numbers matching a pattern out through a gateway',
    fields: [
      { name: 'name', label: 'extension name', default: 'route_11_digits' },
      { name: 'expression', label: 'number pattern (PCRE)', default: '^(\\d{11})$' },
      { name: 'gateway', label: 'gateway', default: '${default_gateway}', complete: 'gateways' },
      { name: 'prefix', label: 'dial prefix', default: '' },
    ],
    build(values) {
      return el(
        'extension',
        [['name', v(values, this, 'name')]],
        [
          el(
            'condition',
            [
              ['field', 'destination_number'],
              ['expression', v(values, this, 'expression')],
            ],
            [
              action('set', 'effective_caller_id_number=${outbound_caller_id_number}'),
              action('set', 'effective_caller_id_name=${outbound_caller_id_name}'),
              action('bridge', `sofia/gateway/${v(values, this, 'gateway')}/${values.prefix ?? ''}$1`),
            ],
          ),
        ],
      );
    },
  },
  {
    id: 'ivr-entry',
    kind: 'extension',
    title: 'IVR entry',
    description: 'answer a number and run an IVR menu',
    fields: [
      { name: 'number', label: 'number dialled', default: '5001' },
      { name: 'menu', label: 'IVR menu', default: 'demo_ivr', complete: 'ivrs' },
    ],
    build(values) {
      const number = v(values, this, 'number');
      return el(
        'extension',
        [['name', `ivr_${number}`]],
        [
          el(
            'condition',
            [
              ['field', 'destination_number'],
              ['expression', exactNumber(number)],
            ],
            [action('answer'), action('sleep', '1000'), action('ivr', v(values, this, 'menu'))],
          ),
        ],
      );
    },
  },
  {
    id: 'time-of-day',
    kind: 'extension',
    title: 'Time of day',
    description: 'office hours go to one target, other times to voicemail',
    fields: [
      { name: 'number', label: 'number dialled', default: '5002' },
      { name: 'wday', label: 'week days (1=Sunday)', default: '2-6' },
      { name: 'hour', label: 'hours', default: '9-17' },
      { name: 'target', label: 'office-hours target', default: '1000' },
      { name: 'context', label: 'its context', default: 'default', complete: 'contexts' },
      { name: 'mailbox', label: 'voicemail box after hours', default: '1000', complete: 'users' },
    ],
    build(values) {
      const number = v(values, this, 'number');
      return el(
        'extension',
        [['name', `office_hours_${number}`]],
        [
          el('condition', [
            ['field', 'destination_number'],
            ['expression', exactNumber(number)],
          ]),
          el(
            'condition',
            [
              ['wday', v(values, this, 'wday')],
              ['hour', v(values, this, 'hour')],
            ],
            [
              action('transfer', `${v(values, this, 'target')} XML ${v(values, this, 'context')}`),
              el('anti-action', [['application', 'answer']]),
              el('anti-action', [
                ['application', 'voicemail'],
                ['data', `default \${domain_name} ${v(values, this, 'mailbox')}`],
              ]),
            ],
          ),
        ],
      );
    },
  },
  {
    id: 'conference',
    kind: 'extension',
    title: 'Conference',
    description: 'a conference room on a number',
    fields: [
      { name: 'number', label: 'number dialled', default: '3100' },
      { name: 'profile', label: 'conference profile', default: 'default' },
    ],
    build(values) {
      const number = v(values, this, 'number');
      return el(
        'extension',
        [['name', `conference_${number}`]],
        [
          el(
            'condition',
            [
              ['field', 'destination_number'],
              ['expression', `^(${number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})$`],
            ],
            [action('answer'), action('conference', `$1-\${domain_name}@${v(values, this, 'profile')}`)],
          ),
        ],
      );
    },
  },
  {
    id: 'user',
    kind: 'user',
    title: 'Directory user',
    description: 'a SIP user with a generated password and voicemail PIN',
    fields: [
      { name: 'id', label: 'user id (extension number)', default: '1020' },
      { name: 'password', label: 'SIP password', default: '', secret: true },
      { name: 'vm-password', label: 'voicemail PIN', default: '', secret: true },
      { name: 'context', label: 'dialplan context', default: 'default', complete: 'contexts' },
      { name: 'caller-id-name', label: 'caller id name', default: '' },
      { name: 'caller-id-number', label: 'caller id number', default: '' },
    ],
    build(values) {
      const id = v(values, this, 'id');
      return el(
        'user',
        [['id', id]],
        [
          el('params', [], [param('password', values.password ?? ''), param('vm-password', values['vm-password'] ?? '')]),
          el(
            'variables',
            [],
            [
              variable('toll_allow', 'domestic,international,local'),
              variable('accountcode', id),
              variable('user_context', v(values, this, 'context')),
              variable('effective_caller_id_name', v(values, this, 'caller-id-name') || `Extension ${id}`),
              variable('effective_caller_id_number', v(values, this, 'caller-id-number') || id),
              variable('outbound_caller_id_name', '$${outbound_caller_name}'),
              variable('outbound_caller_id_number', '$${outbound_caller_id}'),
            ],
          ),
        ],
      );
    },
  },
  {
    id: 'gateway',
    kind: 'gateway',
    title: 'Gateway',
    description: "a provider's SIP trunk on a profile",
    fields: [
      { name: 'name', label: 'gateway name', default: 'provider' },
      { name: 'realm', label: 'provider host (realm/proxy)', default: 'sip.example.com' },
      { name: 'username', label: 'account user name', default: '' },
      { name: 'password', label: "account password (the provider's)", default: '', secret: true },
      { name: 'register', label: 'register (true/false)', default: 'true' },
    ],
    build(values) {
      const realm = v(values, this, 'realm');
      const params = [param('realm', realm), param('proxy', realm)];
      if (values.username) params.push(param('username', values.username));
      if (values.password) params.push(param('password', values.password));
      params.push(param('register', v(values, this, 'register')));
      return el('gateway', [['name', v(values, this, 'name')]], params);
    },
  },
];

export function template(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** A voicemail PIN: six random digits, never the user id and never one digit repeated. */
export function generatePin(id: string): string {
  for (;;) {
    const words = new Uint32Array(6);
    globalThis.crypto.getRandomValues(words);
    const pin = [...words].map((w) => String(w % 10)).join('');
    if (pin !== id && !/^(\d)\1+$/.test(pin) && !id.endsWith(pin)) return pin;
  }
}

/** A new user's values with the secrets filled in (generated when not given); `generated` lists those made. */
export function userValues(values: Record<string, string>, policy: PasswordPolicy): { values: Record<string, string>; generated: Record<string, string> } {
  const out = { ...values };
  const generated: Record<string, string> = {};
  const id = out.id ?? '';
  if (!out.password) out.password = generated.password = generatePassword(policy);
  if (!out['vm-password'] || out['vm-password'] === id) out['vm-password'] = generated['vm-password'] = generatePin(id);
  return { values: out, generated };
}
