// Sends generated and broken requests for every operation of the served OpenAPI document, as each signed-in role,
// through Prism's validating proxy (@stoplight/prism-cli), and fails on:
//   - a server error (5xx) from the app,
//   - an answer Prism finds the document does not declare (an undeclared status or content type, a body that does
//     not match the declared schema): Prism's "sl-violations" header with a violation of the response.
// The data comes from json-schema-faker (valid values from each schema); this loop then breaks some of it (missing
// and wrongly typed fields, control characters, script, very long text, ids of nothing, junk in the path).
// Reproducible: one seed drives every choice.
//
// node fuzz.mjs <openapi.json> <proxy base URL> <sessions.json: {"role": "cookie header"}> [requests per operation] [seed]
// with TOOLS naming the folder whose node_modules hold json-schema-faker (scripts/api-checks.sh installs it there).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';

const { JSONSchemaFaker } = createRequire(resolvePath(process.env.TOOLS ?? '.tools', 'package.json'))('json-schema-faker');

const [documentPath, proxy, sessionsPath, perOperationArg = '12', seedArg = '20261204'] = process.argv.slice(2);
const document = JSON.parse(readFileSync(documentPath, 'utf8'));
const sessions = JSON.parse(readFileSync(sessionsPath, 'utf8'));
const perOperation = Number(perOperationArg);

// A small seeded generator (mulberry32) for every random choice here and in json-schema-faker.
let state = Number(seedArg) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];
JSONSchemaFaker.option({ random, alwaysFakeOptionals: false, useExamplesValue: false, failOnInvalidTypes: false, maxItems: 3, maxLength: 40 });

const hostile = [
  '', ' ', 'x'.repeat(5000), 'a\u0000b', '\u0007\u001b', '<script>alert(1)</script>', '[x](javascript:alert(1))',
  '=HYPERLINK("http://x")', "' OR '1'='1", '../../etc/passwd', '%00', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀', '\ud800', '-1', '0', '2147483648',
  '1e309', 'NaN', 'null', 'true', '0001-01-01', '9999-12-31', '2026-02-30', '00000000-0000-0000-0000-000000000000',
];
const ids = new Set();

const resolve = (schema) => {
  if (schema && schema.$ref) {
    const name = schema.$ref.split('/').pop();
    return resolve(document.components.schemas[name]);
  }

  return schema ?? {};
};

const generate = (schema) => {
  try {
    return JSONSchemaFaker.generate({ ...resolve(schema), components: document.components });
  } catch {
    return {};
  }
};

const mutate = (value, depth = 0) => {
  const roll = random();
  if (value === null || typeof value !== 'object' || depth > 3) {
    return roll < 0.5 ? pick(hostile) : roll < 0.6 ? null : roll < 0.7 ? random() * 1e12 - 5e11 : roll < 0.8 ? [] : value;
  }

  if (Array.isArray(value)) {
    return roll < 0.3 ? [] : roll < 0.5 ? value.map((v) => mutate(v, depth + 1)) : [...value, pick(hostile)];
  }

  const copy = { ...value };
  const keys = Object.keys(copy);
  if (keys.length > 0) {
    const key = pick(keys);
    if (roll < 0.35) delete copy[key];
    else copy[key] = mutate(copy[key], depth + 1);
  }

  if (random() < 0.2) copy[pick(['unexpected', '__proto__', 'version', 'id'])] = pick(hostile);
  return copy;
};

// A path takes no empty segment (another URL) and no control character (the web server refuses those before the app).
const pathValue = (parameter) => {
  for (;;) {
    const value = parameterValue(parameter).replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, '');
    if (value.trim().length > 0) return value;
  }
};

const parameterValue = (parameter) => {
  const roll = random();
  const schema = resolve(parameter.schema);
  if (/id$/i.test(parameter.name) && ids.size > 0 && roll < 0.5) return pick([...ids]);
  if (roll < 0.75) {
    const value = generate(schema);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  return pick(hostile);
};

const remember = (body) => {
  const text = typeof body === 'string' ? body : '';
  for (const match of text.matchAll(/"id"\s*:\s*"([0-9a-f-]{36})"/g)) {
    if (ids.size < 500) ids.add(match[1]);
  }
};

const readViolations = (header) => {
  try {
    return JSON.parse(header ?? '[]');
  } catch {
    return [{ location: ['response'], message: `unreadable violations header: ${header}` }];
  }
};

const failures = [];
let sent = 0;
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method)).map(([method, operation]) => ({ path, method, operation })));
// Reading first collects real ids for the operations that change things.
operations.sort((a, b) => (a.method === 'get' ? 0 : 1) - (b.method === 'get' ? 0 : 1));

for (const [role, cookie] of Object.entries(sessions)) {
  for (const { path, method, operation } of operations) {
    for (let i = 0; i < perOperation; i++) {
      const parameters = operation.parameters ?? [];
      let url = path;
      const query = new URLSearchParams();
      const headers = { cookie, accept: 'application/json, application/problem+json, */*' };
      for (const parameter of parameters) {
        if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(pathValue(parameter)));
        // Kestrel answers a request line over 8 KB itself (414), before the app: a query value stays under 1,000 characters.
        else if (parameter.in === 'query' && (parameter.required || random() < 0.6)) query.set(parameter.name, parameterValue(parameter).slice(0, 1000));
        else if (parameter.in === 'header' && random() < 0.5) headers[parameter.name] = parameterValue(parameter).replace(/[^\x20-\x7e]/g, '');
      }

      let body;
      const json = operation.requestBody?.content?.['application/json'];
      if (json) {
        const valid = generate(json.schema);
        body = JSON.stringify(i % 3 === 0 ? valid : mutate(valid));
        headers['content-type'] = 'application/json';
      } else if (operation.requestBody) {
        body = pick(['jaar;waarde\n2026;1\n', 'PK\u0003\u0004', '<html><script>alert(1)</script></html>', '']);
        headers['content-type'] = pick(['text/csv', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      }

      const target = `${proxy}${url}${query.size > 0 ? `?${query}` : ''}`;
      sent++;
      let response;
      try {
        response = await fetch(target, { method: method.toUpperCase(), headers, body, redirect: 'manual' });
      } catch (error) {
        failures.push(`${role} ${method.toUpperCase()} ${target}: no answer (${error.message})`);
        continue;
      }

      const text = await response.text();
      if (method === 'get' && response.status === 200) remember(text);
      const violations = readViolations(response.headers.get('sl-violations')).filter((v) => v.location?.[0] === 'response');
      if (response.status >= 500 || violations.length > 0) {
        const why = response.status >= 500 ? `server error ${response.status}: ${text.slice(0, 300)}` : violations.map((v) => v.message).join('; ');
        failures.push(`${role} ${method.toUpperCase()} ${target} ${body ? `body ${body.slice(0, 200)} ` : ''}→ ${response.status}: ${why}`);
      }
    }
  }
}

for (const failure of failures.slice(0, 60)) console.log(`FAIL ${failure}`);
if (failures.length > 60) console.log(`… and ${failures.length - 60} more`);
console.log(`fuzz: ${sent} requests over ${operations.length} operations as ${Object.keys(sessions).length} roles, ${failures.length} failures`);
process.exit(failures.length === 0 ? 0 : 1);
