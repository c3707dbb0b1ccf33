// What popovers and the side panel write for the engine's values: dates a
// reader recognizes, kinds in the reader's language, entity names spelled
// as written. Pure functions of lib/, run under Node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../extension/lib/number-format.js';
import '../extension/lib/entity-name.js';

const { dateText, kindLabel, valueText } = globalThis.Tabayyun.numberFormat;
const { displayName } = globalThis.Tabayyun.entityName;

test('dates are written as a reader writes them, in either calendar', () => {
  const cases = [
    ['2013-08-28', 'ar', '28 أغسطس 2013'], // 28 August 2013
    ['2013-08-28', 'en', '28 August 2013'],
    ['2019-03', 'ar', 'مارس 2019'], // March 2019
    ['1436-09-10', 'ar', '10 رمضان 1436 هـ'], // 10 Ramadan 1436 AH
    ['1436-09-10', 'en', '10 Ramadan 1436 AH'],
    ['--02-09', 'ar', '9/2'], // 9 February or 9 Safar: the calendar is unknown
    ['--12', 'ar', 'الشهر 12'], // month 12
    ['--13-01', 'ar', '--13-01'], // no such month: left as given
    ['soon', 'ar', 'soon'],
  ];
  for (const [date, lang, want] of cases) assert.equal(dateText(date, lang), want, `${date} (${lang})`);
});

test('values: digits grouped, ranges, bounds, percents, dates', () => {
  const cases = [
    [{ kind: 'count', value: 5000 }, '5,000'], // خمسة آلاف, five thousand
    [{ kind: 'percent', value: 18 }, '18%'], // 18 في المئة
    [{ kind: 'count', low: 20, high: 99 }, '20–99'], // عشرات, tens
    [{ kind: 'count', low: 400 }, '≥ 400'], // أكثر من 400, more than 400
    [{ kind: 'date', date: '2013-08-28' }, '28 أغسطس 2013'],
    [{ kind: 'time', time: '14:00' }, '14:00'],
    [{ kind: 'year', value: 2017 }, '2017'], // عام 2017: a year is not grouped
    [{ kind: 'year', low: 2011, high: 2015 }, '2011–2015'], // بين عامي 2011 و2015
    [{ kind: 'count' }, null],
  ];
  for (const [n, want] of cases) assert.equal(valueText(n, 'ar'), want, JSON.stringify(n));
});

test('kinds are named in the reader language', () => {
  assert.equal(kindLabel('count', 'ar'), 'عدد');
  assert.equal(kindLabel('measure', 'en'), 'measure');
  assert.equal(kindLabel('unknown_kind', 'ar'), 'unknown_kind');
});

test('entities show their canonical name, or a spelling from the text', () => {
  const cases = [
    ['داعش', ['تنظيم الدولة'], 'داعش'], // "the (Islamic) State organisation" → ISIS
    ['دوله الخلافه', ['دولة الخلافة'], 'دولة الخلافة'], // folded id → the written spelling
    ['الولايات المتحدة', ['الولايات المتحدة'], 'الولايات المتحدة'], // the United States
    ['', ['قسد'], 'قسد'], // no id: the mention itself (SDF)
  ];
  for (const [id, surfaces, want] of cases) assert.equal(displayName(id, surfaces), want, id);
});
