// The QC-centre console: a small hash-routed page over the node's /api/console API. Plain browser JavaScript, no
// bundler: the node serves these files as they are, so the Maven build needs no npm step and nothing built is
// committed. Charts are drawn as SVG here (a few bars do not justify a chart library in the build).
'use strict';

const TEXT = {
  zh: {
    title: '川渝影像互认 · 质控中心', 'nav.worklist': '工作列表', 'nav.blind': '盲抽', 'nav.dashboard': '看板',
    'nav.registry': '互认登记', 'nav.api': 'API', lang: 'English',
    flagged: '仅 AI 标记', undecided: '仅未复核',
    institution: '机构', region: '地区', modality: '模态', item: '目录项', grade: '等级',
    check: '未通过检查', from: '起始日期', to: '截止日期', search: '查询', all: '全部', total: '共 {n} 条',
    prev: '上一页', next: '下一页', page: '第 {p} / {n} 页', study: '检查', date: '检查日期', score: '评分',
    aiGrade: 'AI 等级', hr: '川渝 HR', vetoes: '否决', decided: '已复核', yes: '是', no: '否', none: '无记录',
    blindIntro: '随机抽取检查，隐藏机构（规范 §9.2 在线质控）。', size: '数量', draw: '抽取',
    exam: '检查信息', patientId: '患者 ID', patientName: '患者姓名', accession: '检查号', description: '检查描述',
    time: '检查时间', timeliness: '时效', series: '序列', images: '幅', checks: '质控检查', value: '测量值',
    result: '结果', explanation: '说明', threshold: '阈值', pass: '通过', fail: '未通过', notApplicable: '不适用',
    verdict: '结论', source: '来源', ai: 'AI', reviewer: '复核', eligible: '可互认', notEligible: '不予互认',
    reasons: '原因', window: '互认截止', openViewer: '在 OHIF 中打开', rendered: '渲染图像（含 HR 标识）',
    decision: '复核决定', confirm: '确认 AI 结论', overrule: '改判', reasonCode: '不予互认理由', comment: '备注',
    reexamine: '要求复查', submit: '提交', history: '复核记录', by: '复核人', at: '时间', action: '操作',
    rerun: '重新质控', rerunning: '正在重新质控…', rerunDone: '重新质控完成', saved: '已保存', items: '目录匹配',
    gradeDist: '各机构等级分布', hrRate: '各目录项互认率', decisions: '复核一致性', quality: '数据质量（近 6 个月）',
    completeness: '完整性', accuracy: '准确性', lossless: '无损', timelinessM: '及时性', export: '导出标注数据',
    registry: '互认登记（机构可互认的目录项）', save: '保存', add: '添加机构', itemsList: '目录项号（逗号分隔）',
    since: '起始', loading: '加载中…', notFound: '未找到', masked: '已脱敏', ohifNone: '未配置阅片器',
  },
  en: {
    title: 'Chuanyu imaging recognition · QC centre', 'nav.worklist': 'Worklist', 'nav.blind': 'Blind sample',
    'nav.dashboard': 'Dashboard', 'nav.registry': 'Registry', 'nav.api': 'API', lang: '中文',
    flagged: 'AI-flagged only', undecided: 'Not yet reviewed',
    institution: 'Institution', region: 'Region', modality: 'Modality', item: 'Item',
    grade: 'Grade', check: 'Failed check', from: 'From', to: 'To', search: 'Search', all: 'All', total: '{n} studies',
    prev: 'Previous', next: 'Next', page: 'Page {p} of {n}', study: 'Study', date: 'Study date', score: 'Score',
    aiGrade: 'AI grade', hr: 'Chuanyu HR', vetoes: 'Vetoes', decided: 'Reviewed', yes: 'yes', no: 'no',
    none: 'Nothing found', blindIntro: 'Random studies with the institution hidden (spec §9.2 online QC).',
    size: 'Size', draw: 'Draw', exam: 'Exam', patientId: 'Patient ID', patientName: 'Patient name',
    accession: 'Accession', description: 'Description', time: 'Study time', timeliness: 'Timeliness',
    series: 'Series', images: 'images', checks: 'QC checks', value: 'Value', threshold: 'Threshold', result: 'Result',
    explanation: 'Explanation', pass: 'pass', fail: 'fail', notApplicable: 'n/a', verdict: 'Verdict',
    source: 'Source', ai: 'AI', reviewer: 'reviewer', eligible: 'eligible', notEligible: 'not eligible',
    reasons: 'Reasons', window: 'Recognised until', openViewer: 'Open in OHIF',
    rendered: 'Rendered image (with HR mark)', decision: 'Decision', confirm: 'Confirm AI verdict',
    overrule: 'Overrule', reasonCode: 'Non-recognition reason', comment: 'Comment', reexamine: 'Request re-examination',
    submit: 'Submit', history: 'Decision history', by: 'By', at: 'At', action: 'Action', rerun: 'Re-run QC',
    rerunning: 'Re-running QC…', rerunDone: 'Re-run finished', saved: 'Saved', items: 'Catalogue match',
    gradeDist: 'Grade distribution per institution', hrRate: 'HR rate per catalogue item',
    decisions: 'Reviewer agreement', quality: 'Data quality (last 6 months)', completeness: 'Completeness',
    accuracy: 'Accuracy', lossless: 'Lossless', timelinessM: 'Timeliness', export: 'Export labelled data',
    registry: 'Recognition registry (items each institution is recognised for)', save: 'Save',
    add: 'Add institution', itemsList: 'Item numbers (comma-separated)', since: 'From', loading: 'Loading…',
    notFound: 'Not found', masked: 'masked', ohifNone: 'no viewer configured',
  },
};
const GRADES = ['甲', '乙', '丙', '废'];
let lang = localStorage.getItem('hrnode.lang') || 'zh';
let reasonDictionary = [];

function t(key, vars) {
  let s = (TEXT[lang][key] ?? key);
  for (const [k, v] of Object.entries(vars || {})) s = s.replace('{' + k + '}', v);
  return s;
}

/** Builds an element: el('td', {class: 'x'}, 'text', child). Text is never parsed as HTML. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

async function api(path, options) {
  const r = await fetch(path, options);
  const type = r.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await r.json() : await r.text();
  if (!r.ok) throw new Error((body && body.message) || r.status + ' ' + r.statusText);
  return body;
}

function message(kind, text) { return el('div', {class: 'msg ' + kind, role: kind === 'error' ? 'alert' : 'status'}, text); }
function gradeCell(g) { return el('span', {class: 'grade grade-' + g}, g); }
function yesNo(b) { return b ? t('yes') : t('no'); }
function view() { return document.getElementById('view'); }

function applyChrome() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(e.dataset.t);
  document.getElementById('lang').textContent = t('lang');
  for (const a of document.querySelectorAll('header nav a')) {
    a.classList.toggle('active', location.hash.startsWith(a.getAttribute('href')));
  }
}

// ---- worklist -------------------------------------------------------------------------------------------------

const FILTERS = ['institution', 'region', 'modality', 'item', 'grade', 'check', 'from', 'to'];

function worklistParams() {
  const q = new URLSearchParams(location.hash.split('?')[1] || '');
  if (!q.has('flagged')) q.set('flagged', 'true');
  if (!q.has('limit')) q.set('limit', '20');
  return q;
}

async function showWorklist() {
  const q = worklistParams();
  const form = el('form', {class: 'filters', id: 'filters'},
    el('label', {}, el('span', {}, t('flagged')),
      el('input', {type: 'checkbox', name: 'flagged', checked: q.get('flagged') !== 'false'})),
    el('label', {}, el('span', {}, t('undecided')),
      el('input', {type: 'checkbox', name: 'undecided', checked: q.get('decided') === 'false'})),
    FILTERS.map(f => el('label', {}, t(f), f === 'grade'
      ? el('select', {name: f}, el('option', {value: ''}, t('all')),
          GRADES.map(g => el('option', {value: g, selected: q.get(f) === g}, g)))
      : el('input', {name: f, type: f === 'from' || f === 'to' ? 'date' : 'text', value: q.get(f) || '',
          size: 10}))),
    el('button', {type: 'submit'}, t('search')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const n = new URLSearchParams();
    n.set('flagged', form.flagged.checked ? 'true' : 'false');
    if (form.undecided.checked) n.set('decided', 'false');
    for (const f of FILTERS) if (form[f].value) n.set(f, form[f].value);
    for (const k of ['sort', 'order', 'limit']) if (q.get(k)) n.set(k, q.get(k));
    location.hash = '#/worklist?' + n;
  });
  view().replaceChildren(form, el('p', {}, t('loading')));
  let page;
  try {
    page = await api('/api/console/worklist?' + q);
  } catch (err) {
    view().replaceChildren(form, message('error', err.message));
    return;
  }
  view().replaceChildren(form, rowsTable(page.rows, false, q), pager(page, q));
}

function rowsTable(rows, blind, q) {
  const sortable = {date: 'date', score: 'score', grade: 'grade', institution: 'institution'};
  const header = (key, label) => {
    if (!q || !sortable[key]) return el('th', {}, label);
    const current = q.get('sort') === key;
    const order = current && q.get('order') === 'asc' ? 'desc' : 'asc';
    return el('th', {'data-sort': key, onclick: () => {
      const n = new URLSearchParams(q); n.set('sort', key); n.set('order', order); n.delete('offset');
      location.hash = '#/worklist?' + n;
    }}, label + (current ? (q.get('order') === 'asc' ? ' ▲' : ' ▼') : ''));
  };
  if (!rows.length) return message('ok', t('none'));
  return el('table', {id: 'worklist'},
    el('thead', {}, el('tr', {}, header('date', t('date')), blind ? null : header('institution', t('institution')),
      el('th', {}, t('modality')), el('th', {}, t('items')), header('score', t('score')), el('th', {}, t('aiGrade')),
      header('grade', t('grade')), el('th', {}, t('hr')), el('th', {}, t('vetoes')), el('th', {}, t('decided')))),
    el('tbody', {}, rows.map(r => el('tr', {class: 'row', 'data-study': r.studyInstanceUid,
        onclick: () => { location.hash = '#/study/' + encodeURIComponent(r.studyInstanceUid) + (blind ? '?blind=1' : ''); }},
      el('td', {}, r.studyDate || '—'), blind ? null : el('td', {}, r.institutionName || r.institutionCode || '—'),
      el('td', {}, r.modalities || ''), el('td', {}, (r.items || []).map(i => i.no + ' ' + i.name).join('; ') || '—'),
      el('td', {}, r.score.toFixed(1)), el('td', {}, gradeCell(r.aiGrade)), el('td', {}, gradeCell(r.grade)),
      el('td', {}, el('span', {class: 'badge ' + (r.hrEligible ? 'hr' : 'nohr')}, yesNo(r.hrEligible))),
      el('td', {}, r.vetoes), el('td', {}, yesNo(r.decided))))));
}

function pager(page, q) {
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  const current = Math.floor(page.offset / page.limit) + 1;
  const go = offset => () => { const n = new URLSearchParams(q); n.set('offset', offset); location.hash = '#/worklist?' + n; };
  return el('div', {class: 'pager'}, el('span', {id: 'total'}, t('total', {n: page.total})),
    el('button', {class: 'secondary', disabled: current <= 1, onclick: go(page.offset - page.limit)}, t('prev')),
    el('span', {}, t('page', {p: current, n: pages})),
    el('button', {class: 'secondary', disabled: current >= pages, onclick: go(page.offset + page.limit)}, t('next')));
}

// ---- blind sample ---------------------------------------------------------------------------------------------

async function showBlind() {
  const size = el('input', {type: 'number', min: 1, max: 500, value: 10, name: 'size'});
  const flagged = el('input', {type: 'checkbox', name: 'flagged'});
  const out = el('div', {});
  const draw = async () => {
    try {
      const rows = await api('/api/console/sample?size=' + size.value + '&flagged=' + flagged.checked);
      out.replaceChildren(rowsTable(rows, true, null));
    } catch (err) { out.replaceChildren(message('error', err.message)); }
  };
  view().replaceChildren(el('p', {}, t('blindIntro')),
    el('form', {class: 'filters', onsubmit: e => { e.preventDefault(); draw(); }},
      el('label', {}, t('size'), size), el('label', {}, t('flagged'), flagged),
      el('button', {type: 'submit'}, t('draw'))), out);
  draw();
}

// ---- study ----------------------------------------------------------------------------------------------------

async function showStudy(uid, blind) {
  view().replaceChildren(el('p', {}, t('loading')));
  let s;
  try {
    s = await api('/api/console/studies/' + encodeURIComponent(uid));
  } catch (err) {
    view().replaceChildren(message('error', err.message));
    return;
  }
  const e = s.exam;
  const qc = s.qc || {};
  const facts = el('dl', {class: 'facts'},
    [[t('patientId'), e.patientId + (e.identified ? '' : ' (' + t('masked') + ')')],
     [t('patientName'), e.patientName || '—'], [t('accession'), e.accessionNumber || '—'],
     [t('date'), (e.studyDate || '—') + ' ' + (e.studyTime || '')], [t('description'), e.studyDescription || '—'],
     [t('institution'), blind ? '—' : (e.institutionName || e.institutionCode || '—')],
     [t('timeliness'), (e.timeliness || []).join(', ')], ['UID', e.studyInstanceUid]]
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  const first = s.series.find(x => x.renderedUrl);
  const verdict = s.effective;
  const verdictCard = el('div', {class: 'card', id: 'verdict'}, el('h2', {}, t('verdict')),
    verdict ? el('p', {}, t('source') + ': ', el('strong', {}, t(verdict.source)), ' · ', t('grade') + ': ',
      gradeCell(verdict.grade), ' · ', t('score') + ': ' + (qc.score ?? '—'), ' · ',
      el('span', {class: 'badge ' + (verdict.hrEligible ? 'hr' : 'nohr')},
        verdict.hrEligible ? t('eligible') : t('notEligible')),
      verdict.reasonCode ? ' · ' + verdict.reasonCode + ' ' + (verdict.reasonName || '') : '') : message('ok', qc.status),
    el('p', {}, t('items') + ': ' + ((qc.items || []).map(i => i.no + ' ' + i.name + ' (' +
      Math.round(i.confidence * 100) + '%)').join('; ') || '—')),
    el('p', {}, t('reasons') + ': ' + ((qc.reasons || []).map(r => (lang === 'zh' ? r.zh : r.en)).join('; ') || '—')),
    el('p', {}, t('window') + ': ' + (qc.hrEligibleUntil || '—')),
    s.viewerUrl ? el('a', {href: s.viewerUrl, target: '_blank', rel: 'noopener', id: 'ohif'}, t('openViewer'))
      : el('span', {class: 'na'}, t('ohifNone')));
  const checks = el('table', {id: 'checks'}, el('thead', {}, el('tr', {}, el('th', {}, 'ID'), el('th', {}, 'scope'),
      el('th', {}, t('value')), el('th', {}, t('threshold')), el('th', {}, t('result')), el('th', {}, t('explanation')))),
    el('tbody', {}, failedFirst(qc.checks || []).map(c => el('tr', {},
      el('td', {}, c.id), el('td', {class: 'uid'}, c.scope === 'study' ? c.scope : '…' + String(c.scope).slice(-8)),
      el('td', {}, checkValues(c.value)),
      el('td', {class: 'small'}, c.value && typeof c.value === 'object' ? c.value.threshold || '' : ''),
      el('td', {class: c.passed === null ? 'na' : c.passed ? 'pass' : 'fail'},
        c.passed === null ? t('notApplicable') : c.passed ? t('pass') : t('fail')),
      el('td', {}, lang === 'zh' ? c.zh : c.en,
        c.value && c.value.detail ? el('div', {class: 'small'}, c.value.detail) : null)))));
  view().replaceChildren(
    el('div', {class: 'cards'}, el('div', {class: 'card'}, el('h2', {}, t('exam')), facts), verdictCard,
      first ? el('div', {class: 'card'}, el('h3', {}, t('rendered')),
        el('img', {class: 'rendered', src: first.renderedUrl, alt: t('rendered')})) : null),
    el('div', {class: 'card'}, el('h2', {}, t('series')), el('div', {class: 'thumbs'}, s.series.map(x =>
      el('figure', {}, el('img', {src: x.thumbnailUrl, alt: x.description || x.seriesInstanceUid, loading: 'lazy'}),
        el('figcaption', {}, (x.modality || '') + ' #' + (x.seriesNumber ?? '') + ' · ' + x.instances + ' ' +
          t('images')))))),
    el('div', {class: 'card'}, el('h2', {}, t('checks')), checks),
    decisionForm(uid, qc), historyTable(s.decisions));
}

/** Failed checks first, then those that passed, then those that did not apply; otherwise as the engines ran them. */
function failedFirst(checks) {
  const rank = c => c.passed === false ? 0 : c.passed ? 1 : 2;
  return checks.map((c, i) => [c, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(x => x[0]);
}

/** A check's measured values as "name = value" lines; the engines report {outcome, values, threshold, detail}. */
function checkValues(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  const values = value.values || {};
  const lines = Object.entries(values).map(([k, v]) => k + ' = ' + (typeof v === 'number' ? +v.toFixed(3) : v));
  return lines.length ? lines.map(l => el('div', {class: 'small'}, l)) : (value.outcome || '—');
}

function decisionForm(uid, qc) {
  const status = el('div', {id: 'decision-status'});
  const form = el('form', {id: 'decision', class: 'filters'},
    el('label', {}, t('action'), el('select', {name: 'action'}, el('option', {value: 'confirm'}, t('confirm')),
      el('option', {value: 'overrule'}, t('overrule')))),
    el('label', {}, t('grade'), el('select', {name: 'grade'}, GRADES.map(g =>
      el('option', {value: g, selected: g === qc.grade}, g)))),
    el('label', {}, t('hr'), el('select', {name: 'hrEligible'}, el('option', {value: 'true'}, t('eligible')),
      el('option', {value: 'false', selected: qc.hrEligible === false}, t('notEligible')))),
    el('label', {}, t('reasonCode'), el('select', {name: 'reasonCode'}, el('option', {value: ''}, '—'),
      reasonDictionary.map(r => el('option', {value: r.code}, r.code + ' ' + r.name.slice(0, 24))))),
    el('label', {}, t('reexamine'), el('input', {type: 'checkbox', name: 'reexamine'})),
    el('label', {style: 'flex:1 1 100%'}, t('comment'), el('textarea', {name: 'comment', maxlength: 2000})),
    el('button', {type: 'submit'}, t('submit')),
    el('button', {type: 'button', class: 'secondary', id: 'rerun', onclick: () => rerun(uid, status)}, t('rerun')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = {action: form.action.value, comment: form.comment.value || null, reexamine: form.reexamine.checked};
    if (form.reasonCode.value) body.reasonCode = Number(form.reasonCode.value);
    if (body.action === 'overrule') {
      body.grade = form.grade.value;
      body.hrEligible = form.hrEligible.value === 'true';
    }
    try {
      await api('/api/console/studies/' + encodeURIComponent(uid) + '/decisions',
        {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
      await showStudy(uid, false);
      document.getElementById('decision-status').replaceChildren(message('ok', t('saved')));
    } catch (err) { status.replaceChildren(message('error', err.message)); }
  });
  return el('div', {class: 'card'}, el('h2', {}, t('decision')), form, status);
}

async function rerun(uid, status) {
  try {
    const started = await api('/api/console/studies/' + encodeURIComponent(uid) + '/rerun', {method: 'POST'});
    status.replaceChildren(message('ok', t('rerunning')));
    for (let i = 0; i < 240; i++) {
      await new Promise(r => setTimeout(r, 1000));
      const p = await api('/api/console/studies/' + encodeURIComponent(uid) + '/rerun?generation='
        + started.requestedGeneration);
      if (p.done) { await showStudy(uid, false); document.getElementById('decision-status')
        .replaceChildren(message('ok', t('rerunDone'))); return; }
      if (p.lastError) status.replaceChildren(message('error', p.lastError));
    }
  } catch (err) { status.replaceChildren(message('error', err.message)); }
}

function historyTable(decisions) {
  return el('div', {class: 'card'}, el('h2', {}, t('history')), decisions.length ? el('table', {id: 'history'},
    el('thead', {}, el('tr', {}, [t('at'), t('by'), t('action'), t('aiGrade'), t('grade'), t('hr'), t('reasonCode'),
      t('reexamine'), t('comment')].map(h => el('th', {}, h)))),
    el('tbody', {}, decisions.map(d => el('tr', {}, el('td', {}, new Date(d.decidedAt).toLocaleString()),
      el('td', {}, d.decidedBy), el('td', {}, t(d.action)), el('td', {}, gradeCell(d.aiGrade)),
      el('td', {}, gradeCell(d.grade)), el('td', {}, d.hrEligible ? t('eligible') : t('notEligible')),
      el('td', {}, d.reasonCode ? d.reasonCode + ' ' + d.reasonName : '—'), el('td', {}, yesNo(d.reexamine)),
      el('td', {}, d.comment || ''))))) : el('p', {}, t('none')));
}

// ---- dashboard ------------------------------------------------------------------------------------------------

/** Horizontal stacked bars: rows of {label, parts: [{name, value, colour}]}. */
function barChart(rows, width) {
  const barH = 18, gap = 6, labelW = 130, w = width || 520;
  const max = Math.max(1, ...rows.map(r => r.parts.reduce((s, p) => s + p.value, 0)));
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', '0 0 ' + w + ' ' + (rows.length * (barH + gap) + 4));
  svg.setAttribute('width', '100%');
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    svg.append(n);
    return n;
  };
  rows.forEach((r, i) => {
    const y = i * (barH + gap);
    add('text', {x: 0, y: y + 13}, r.label);
    let x = labelW;
    for (const p of r.parts) {
      const pw = (w - labelW - 40) * p.value / max;
      if (pw > 0) add('rect', {x, y, width: pw, height: barH, fill: p.colour}).append(
        Object.assign(document.createElementNS(ns, 'title'), {textContent: p.name + ': ' + p.value}));
      x += pw;
    }
    add('text', {x: x + 4, y: y + 13}, r.parts.reduce((s, p) => s + p.value, 0) + (r.suffix || ''));
  });
  return svg;
}

const GRADE_COLOURS = {'甲': '#1a7f37', '乙': '#84cc16', '丙': '#f59e0b', '废': '#dc2626'};

async function showDashboard() {
  const q = new URLSearchParams(location.hash.split('?')[1] || '');
  const form = el('form', {class: 'filters'},
    ['region', 'from', 'to'].map(f => el('label', {}, t(f), el('input', {name: f, value: q.get(f) || '',
      type: f === 'region' ? 'text' : 'date'}))), el('button', {type: 'submit'}, t('search')),
    el('a', {href: '/api/console/export', download: 'qc-decisions.jsonl'}, t('export') + ' (JSONL)'), ' ',
    el('a', {href: '/api/console/export?format=csv', download: 'qc-decisions.csv'}, 'CSV'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const n = new URLSearchParams();
    for (const f of ['region', 'from', 'to']) if (form[f].value) n.set(f, form[f].value);
    location.hash = '#/dashboard?' + n;
  });
  view().replaceChildren(form, el('p', {}, t('loading')));
  let d;
  try { d = await api('/api/console/dashboard?' + q); } catch (err) {
    view().replaceChildren(form, message('error', err.message)); return;
  }
  const grades = Object.entries(d.gradesByInstitution).map(([inst, g]) => ({label: inst || '—',
    parts: GRADES.map(x => ({name: x, value: g[x] || 0, colour: GRADE_COLOURS[x]}))}));
  const items = Object.entries(d.eligibilityByItem).map(([no, e]) => {
    const yes = e['true'] || 0, all = yes + (e['false'] || 0);
    return {label: t('item') + ' ' + no + ' (' + Math.round(100 * yes / all) + '%)', parts: [
      {name: t('eligible'), value: yes, colour: '#1a7f37'}, {name: t('notEligible'), value: all - yes, colour: '#dc2626'}]};
  });
  const decisions = Object.entries(d.decisionsByInstitution).map(([inst, a]) => ({label: inst || '—', parts: [
    {name: t('confirm'), value: a.confirm || 0, colour: '#2563eb'}, {name: t('overrule'), value: a.overrule || 0,
      colour: '#f59e0b'}]}));
  const quality = el('div', {class: 'card', id: 'quality'}, el('h2', {}, t('quality')));
  view().replaceChildren(form, el('div', {class: 'cards'},
    el('div', {class: 'card', id: 'grades'}, el('h2', {}, t('gradeDist')),
      el('p', {}, GRADES.map(g => el('span', {class: 'badge', style: 'background:' + GRADE_COLOURS[g] + ';color:#fff'}, g)),
        ' '), grades.length ? barChart(grades) : t('none'),
      el('table', {id: 'grade-table'}, el('tr', {}, el('th', {}, t('institution')), GRADES.map(g => el('th', {}, g))),
        Object.entries(d.gradesByInstitution).map(([inst, g]) => el('tr', {}, el('td', {}, inst),
          GRADES.map(x => el('td', {}, g[x] || 0)))))),
    el('div', {class: 'card', id: 'items'}, el('h2', {}, t('hrRate')), items.length ? barChart(items) : t('none')),
    el('div', {class: 'card', id: 'decisions'}, el('h2', {}, t('decisions')),
      decisions.length ? barChart(decisions) : t('none'),
      el('table', {id: 'decision-table'}, el('tr', {}, el('th', {}, t('institution')), el('th', {}, t('confirm')),
        el('th', {}, t('overrule'))), Object.entries(d.decisionsByInstitution).map(([inst, a]) => el('tr', {},
          el('td', {}, inst), el('td', {}, a.confirm || 0), el('td', {}, a.overrule || 0)))))),
    quality);
  drawQuality(quality, Object.keys(d.gradesByInstitution).filter(x => x));
}

/** The data-quality metrics the node already reports (/api/quality), month by month, per institution. */
async function drawQuality(card, institutions) {
  const months = [];
  const now = new Date();
  for (let i = 5; i >= 0; i--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    months.push([start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)]);
  }
  const metrics = [['timelinessM', r => r.timeliness.percent], ['completeness', r => r.completeness.percent],
    ['accuracy', r => r.accuracy.percent], ['lossless', r => r.lossless.percent]];
  for (const inst of institutions) {
    const reports = await Promise.all(months.map(([from, to]) => api('/api/quality/institutions/'
      + encodeURIComponent(inst) + '?from=' + from + '&to=' + to).catch(() => null)));
    card.append(el('h3', {}, inst), el('table', {}, el('tr', {}, el('th', {}, ''), months.map(m => el('th', {}, m[0].slice(0, 7)))),
      metrics.map(([k, f]) => el('tr', {}, el('td', {}, t(k)), reports.map(r => {
        const v = r ? f(r) : null;
        return el('td', {}, v === null || v === undefined ? '—' : el('span', {}, v.toFixed(1) + '%',
          el('div', {style: 'height:4px;background:#2563eb;width:' + v + '%'})));
      })))));
  }
}

// ---- registry -------------------------------------------------------------------------------------------------

async function showRegistry() {
  view().replaceChildren(el('p', {}, t('loading')));
  let list;
  try { list = (await api('/api/qc/recognition')).institutions; } catch (err) {
    view().replaceChildren(message('error', err.message)); return;
  }
  const cards = [];
  for (const inst of list) cards.push(registryCard(inst, await api('/api/qc/recognition/' + encodeURIComponent(inst))));
  const code = el('input', {name: 'institution', placeholder: '510000-…'});
  view().replaceChildren(el('h2', {}, t('registry')), el('div', {class: 'cards'}, cards),
    el('form', {class: 'filters', onsubmit: e => { e.preventDefault();
      if (code.value) document.querySelector('.cards').append(registryCard(code.value, {items: []})); }},
      el('label', {}, t('institution'), code), el('button', {type: 'submit'}, t('add'))));
}

function registryCard(inst, entry) {
  const items = (entry.items || []);
  const input = el('input', {name: 'items', value: items.map(i => i.no).join(', '), size: 40});
  const since = el('input', {name: 'from', type: 'date', value: (items[0] && items[0].from) || new Date().toISOString().slice(0, 10)});
  const status = el('div', {});
  return el('div', {class: 'card'}, el('h3', {}, inst),
    el('form', {onsubmit: async e => {
      e.preventDefault();
      const nos = input.value.split(/[,，\s]+/).filter(x => x).map(Number);
      try {
        await api('/api/qc/recognition/' + encodeURIComponent(inst), {method: 'PUT',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({items: nos.map(no => ({no, from: since.value}))})});
        status.replaceChildren(message('ok', t('saved')));
      } catch (err) { status.replaceChildren(message('error', err.message)); }
    }}, el('label', {}, t('itemsList'), input), ' ', el('label', {}, t('since'), since), ' ',
      el('button', {type: 'submit'}, t('save'))), status);
}

// ---- routing --------------------------------------------------------------------------------------------------

async function route() {
  applyChrome();
  const [path, query] = (location.hash.slice(1) || '/worklist').split('?');
  const params = new URLSearchParams(query || '');
  if (path.startsWith('/study/')) return showStudy(decodeURIComponent(path.slice(7)), params.has('blind'));
  if (path === '/blind') return showBlind();
  if (path === '/dashboard') return showDashboard();
  if (path === '/registry') return showRegistry();
  return showWorklist();
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('hrnode.lang', lang);
  route();
});
window.addEventListener('hashchange', route);
api('/api/console/reasons').then(r => { reasonDictionary = r; }).catch(() => {}).finally(route);
