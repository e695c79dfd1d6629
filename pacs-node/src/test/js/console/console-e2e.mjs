// Browser end-to-end test of the QC console, run by ConsoleBrowserTest against a node it started:
//   node console-e2e.mjs BASE_URL FLAGGED_STUDY_UID OTHER_STUDY_UID INSTITUTION OUT_DIR
// Headless Debian chromium (playwright-core, no browser download) opens the worklist, filters it, opens the flagged
// study, overrules its verdict with a reason, finds the decision in the history and in the dashboard's numbers, and
// switches to English. Screenshots land in OUT_DIR. Any failed expectation exits non-zero with the reason.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, flagged, other, institution, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node console-e2e.mjs BASE_URL FLAGGED_STUDY_UID OTHER_STUDY_UID INSTITUTION OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

function expect(condition, what) {
  if (!condition) throw new Error('expected ' + what);
  console.log('ok - ' + what);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', e => { console.error('page error: ' + e.message); process.exitCode = 1; });
  const rows = () => page.$$eval('#worklist tbody tr', trs => trs.map(tr => tr.dataset.study));

  await page.goto(base + '/console/');
  await page.waitForSelector('#worklist tbody tr');
  expect((await page.textContent('header h1')).includes('质控中心'), 'the console opens in Chinese');
  expect(JSON.stringify(await rows()) === JSON.stringify([flagged]), 'the worklist lists the AI-flagged study only');
  expect((await page.textContent('#total')).includes('1'), 'the worklist counts 1 study');
  await page.screenshot({ path: out + '/1-worklist.png', fullPage: true });

  await page.uncheck('#filters input[name=flagged]');
  await page.fill('#filters input[name=institution]', institution);
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#worklist tbody tr').length === 2);
  expect((await rows()).includes(other), 'unflagged, the institution filter lists both studies');
  await page.selectOption('#filters select[name=grade]', '废');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#worklist tbody tr').length === 1);
  expect(JSON.stringify(await rows()) === JSON.stringify([flagged]), 'the grade filter 废 keeps the flagged study');
  await page.screenshot({ path: out + '/2-filtered.png', fullPage: true });

  await page.click(`#worklist tbody tr[data-study="${flagged}"]`);
  await page.waitForSelector('#checks tbody tr');
  expect(await page.$$eval('#checks td.fail', tds => tds.length) > 0, 'the study page shows failed checks');
  const thumbnailLoaded = await page.$eval('.thumbs img', img => img.complete && img.naturalWidth > 0
    || new Promise(r => { img.onload = () => r(img.naturalWidth > 0); img.onerror = () => r(false); }));
  expect(thumbnailLoaded, 'the series thumbnail loads from DICOMweb');
  const renderedLoaded = await page.$eval('img.rendered', img => img.complete && img.naturalWidth > 0
    || new Promise(r => { img.onload = () => r(img.naturalWidth > 0); img.onerror = () => r(false); }));
  expect(renderedLoaded, 'the rendered image loads');
  expect((await page.getAttribute('#ohif', 'href')).includes(flagged), 'the OHIF link names the study');
  await page.screenshot({ path: out + '/3-study.png', fullPage: true });

  await page.selectOption('#decision select[name=action]', 'overrule');
  await page.selectOption('#decision select[name=grade]', '丙');
  await page.selectOption('#decision select[name=hrEligible]', 'false');
  await page.selectOption('#decision select[name=reasonCode]', '5');
  await page.fill('#decision textarea[name=comment]', '端到端测试：改判为丙');
  await page.click('#decision button[type=submit]');
  await page.waitForSelector('#history tbody tr');
  const history = await page.textContent('#history');
  expect(history.includes('端到端测试') && history.includes('5 '), 'the decision is in the history with its reason');
  expect((await page.textContent('#verdict')).includes('复核'), 'the effective verdict is the reviewer\'s');
  await page.screenshot({ path: out + '/4-decided.png', fullPage: true });

  await page.goto(base + '/console/#/dashboard');
  await page.waitForSelector('#decision-table');
  const decisions = await page.$$eval('#decision-table tr', trs => trs.map(tr => tr.innerText));
  expect(decisions.some(r => r.includes(institution) && /\t0\t1$/.test(r.trim())),
    'the dashboard counts one overrule for the institution: ' + JSON.stringify(decisions));
  const grades = await page.$$eval('#grade-table tr', trs => trs.map(tr => tr.innerText));
  const counts = (grades.find(r => r.includes(institution)) || '').trim().split('\t').slice(1).map(Number);
  expect(counts[2] === 1 && counts[3] === 0 && counts[0] + counts[1] === 1,
    'the dashboard counts the overruled study as 丙, none as 废: ' + JSON.stringify(grades));
  await page.waitForSelector('#grades svg rect');
  await page.waitForSelector('#quality h3');
  expect((await page.textContent('#quality')).includes(institution), 'the data-quality metrics load per institution');
  await page.screenshot({ path: out + '/5-dashboard.png', fullPage: true });

  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('header nav a').textContent === 'Worklist');
  expect((await page.textContent('#grades h2')).includes('Grade distribution'), 'the English switch works');
  await page.screenshot({ path: out + '/6-dashboard-en.png', fullPage: true });
} finally {
  await browser.close();
}
