// The pages' shared helpers (common.js), checked by `node --test` (run by the runner's PageScriptsTest).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const C = require(path.join(__dirname, '../../main/resources/vn/haiphong/gddt/reports/pages/common.js'));

test('an instant is read on the Vietnam wall clock, seven hours ahead of UTC, all year', () => {
  assert.deepEqual(C.vnParts('2026-11-30T17:30:05Z'), { y: 2026, m: 12, d: 1, hh: 0, mi: 30, ss: 5, ms: Date.parse('2026-11-30T17:30:05Z') });
  assert.equal(C.vnParts('hôm qua'), null);
});

test('times read as people here write them, to the second on a receipt', () => {
  assert.equal(C.timeText('2026-11-30T09:05:07+07:00'), '09:05 ngày 30/11/2026');
  assert.equal(C.timeText('2026-11-30T02:05:07Z', true), '09:05:07 ngày 30/11/2026');
  assert.equal(C.dateText('2026-06-09T23:59:59+07:00'), '9/6/2026');
});

test('a deadline at midnight reads as the end of the day before, any other as "trước" its time', () => {
  assert.equal(C.deadlineText('2026-12-11T00:00:00+07:00'), 'hết ngày 10/12/2026');
  assert.equal(C.deadlineText('2026-12-10T17:00:00+07:00'), 'trước 17:00 ngày 10/12/2026');
  assert.equal(C.deadlineDay('2026-12-11T00:00:00+07:00'), '10/12/2026');
  assert.equal(C.deadlineDay('2026-06-10T17:00:00+07:00'), '10/06/2026');
});

test('a typed day is read as d/m/yyyy whatever the browser locale, and only a real day', () => {
  assert.equal(C.typedDay('20/12/2026'), '2026-12-20');
  assert.equal(C.typedDay(' 1.2.2026 '), '2026-02-01');
  assert.equal(C.typedDay('29/2/2028'), '2028-02-29');
  assert.equal(C.typedDay('29/2/2026'), null);
  assert.equal(C.typedDay('12/31/2026'), null);
  assert.equal(C.typedDay('2026-12-20'), null);
});

test('days are counted on the Vietnam calendar: 23:59 and 00:01 there are two days', () => {
  const late = Date.parse('2026-12-04T23:59:00+07:00');
  const early = Date.parse('2026-12-05T00:01:00+07:00');
  assert.equal(C.dayNumber(early) - C.dayNumber(late), 1);
});

test('sizes read in Vietnamese number style, with the exact count beside a rounded one', () => {
  assert.equal(C.sizeText(512), '512 byte');
  assert.equal(C.sizeText(1536), '1,5 KB');
  assert.equal(C.sizeText(25 * 1048576), '25 MB');
  assert.equal(C.sizeFull(1234), '1,2 KB (1.234 byte)');
});

test('the fold makes a search blind to diacritics, đ, case and spacing', () => {
  assert.equal(C.fold('  Trường THPT  Trần Phú '), 'truong thpt tran phu');
  assert.equal(C.fold('Đồ Sơn'), 'do son');
  assert.equal(C.fold(null), '');
});

function fakeFetch(answer) {
  const calls = [];
  globalThis.fetch = (url, init) => { calls.push({ url, init }); return answer(); };
  return calls;
}

test('an API call sends the token in the Authorization header only, and JSON when asked', async () => {
  const calls = fakeFetch(() => Promise.resolve({ ok: true, status: 201 }));
  const res = await C.request('v1/uploads', 'tok', { method: 'POST', json: { a: 'á' } });
  assert.equal(res.status, 201);
  assert.equal(calls[0].url, 'v1/uploads');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.equal(calls[0].init.body, '{"a":"á"}');
  assert.equal(calls[0].init.credentials, 'omit');
  assert.equal(calls[0].init.referrerPolicy, 'no-referrer');
});

test('a refusal brings its problem code and Vietnamese detail; a lost network says status 0', async () => {
  fakeFetch(() => Promise.resolve({ ok: false, status: 404, text: () => Promise.resolve('{"code":"obligation-unknown","detail":"Không có báo cáo này."}') }));
  await assert.rejects(C.request('v1/status', 't'), { status: 404, code: 'obligation-unknown', detail: 'Không có báo cáo này.' });
  fakeFetch(() => Promise.resolve({ ok: false, status: 502, text: () => Promise.resolve('<html>Bad Gateway</html>') }));
  await assert.rejects(C.request('v1/status', 't'), { status: 502, code: null });
  fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
  await assert.rejects(C.request('v1/status', 't'), { status: 0, code: 'network' });
});

test('a resize relays the page out once, after it has settled, and only then marks the size it is laid out for', async () => {
  const marks = {};
  const listeners = [];
  Object.assign(globalThis, {
    document: { documentElement: { setAttribute: (name, value) => { marks[name] = value; } } },
    innerWidth: 1366, innerHeight: 768,
    addEventListener: (type, listener) => { if (type === 'resize') listeners.push(listener); }
  });
  try {
    let relayouts = 0;
    C.onResize(() => { relayouts++; });
    assert.equal(marks['data-laid-out-for'], '1366x768', 'laid out for the size it starts at');

    Object.assign(globalThis, { innerWidth: 390, innerHeight: 844 });
    listeners.forEach((l) => { l(); l(); });
    assert.equal(marks['data-laid-out-for'], '1366x768', 'not yet laid out for the new size');

    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(relayouts, 1, 'two resize events in a row relay the page out once');
    assert.equal(marks['data-laid-out-for'], '390x844');
  } finally {
    delete globalThis.document;
    delete globalThis.innerWidth;
    delete globalThis.innerHeight;
    delete globalThis.addEventListener;
  }
});
