#!/usr/bin/env node
// DCC verifier-core, fully offline, one verdict line per file, for bench/verify_vs_dcc.py.
//
//   node verify.mjs FILE...
//
// Prints {"path", "verdict": "valid"|"invalid"|"error", "detail"} per file on stdout.
// Adapted from the team's peer harness (peers/dcc/verify.mjs): the same verdict mapping, without the
// baked-image, presentation and --repeat handling a JSON-only benchmark does not need.
// valid   = signature verified and no definite failure; invalid = bad signature, expired, revoked or a
// malformed VC; error = could not decide (a document not available offline, an exception).
import { readFileSync } from 'node:fs';

// Offline guard: every network fetch is refused before a socket opens (the OB 3.0 JSON-schema download
// verifier-core attempts is advisory and does not change its verdict).
const refused = [];
globalThis.fetch = async (input) => {
  const url = typeof input === 'string' ? input : (input?.url ?? String(input));
  refused.push(url);
  throw new TypeError(`offline: refused fetch ${url}`);
};
console.log = () => {};
console.error = () => {};
console.warn = () => {};

const core = await import('@digitalcredentials/verifier-core');
const INVALID = ['invalid_signature', 'no_proof', 'no_vc_context', 'invalid_jsonld', 'invalid_credential_id',
  'jsonld.ValidationError'];

function errName(e) { return e?.name ?? e?.constructor?.name ?? 'error'; }
function errMsg(e) { return String(e?.message ?? e).split('\n')[0].slice(0, 200); }

function verdict(result) {
  if (result.errors?.length) {
    const e = result.errors[0];
    return [INVALID.includes(errName(e)) ? 'invalid' : 'error', `${errName(e)}: ${errMsg(e)}`];
  }
  const log = result.log ?? [];
  const signature = log.find(s => s.id === 'valid_signature');
  if (!signature || signature.valid !== true) return ['error', 'no valid_signature step'];
  let outcome = 'valid';
  const notes = ['signature ok'];
  for (const step of log) {
    if (step.id === 'valid_signature' || step.id === 'registered_issuer') continue;
    if (step.error) { if (outcome === 'valid') outcome = 'error'; notes.push(`${step.id}: ${errName(step.error)}`); }
    else if (step.valid === false) { outcome = 'invalid'; notes.push(`${step.id}: false`); }
  }
  return [outcome, notes.join('; ')];
}

for (const path of process.argv.slice(2)) {
  let out;
  try {
    refused.length = 0;
    const credential = JSON.parse(readFileSync(path, 'utf8'));
    let [v, detail] = verdict(await core.verifyCredential({ credential, knownDIDRegistries: [] }));
    const blocking = refused.filter(u => !u.includes('/spec/ob/v3p0/schema/'));
    if (v === 'invalid' && blocking.length) [v, detail] = ['error', `needs ${blocking.join(' ')} offline`];
    out = { path, verdict: v, detail };
  } catch (e) {
    out = { path, verdict: 'error', detail: `exception: ${errName(e)}: ${errMsg(e)}` };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
