/* 民声 dashboard: a small hash-routed page over /api. No framework; ECharts from the webjar; the token is kept in
 * sessionStorage and sent as a bearer header (also for the live alert stream, read with fetch instead of EventSource
 * so the token never goes into a URL). */
'use strict';

const TOKEN_KEY = 'minsheng.token';
const state = { me: null, charts: {}, search: { page: 1 }, stream: null };
const $ = (id) => document.getElementById(id);

function esc(v) {
  return String(v == null ? '' : v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
function pct(x) { return x == null ? '—' : (x * 100).toFixed(1) + '%'; }
function num(x, digits) { return x == null ? '—' : (digits ? Number(x).toFixed(digits) : Number(x).toLocaleString('zh-CN')); }
function safeUrl(u) { return /^https?:\/\//.test(u || '') ? u : null; }
const SENT = { negative: '负面', neutral: '中性', positive: '正面' };
const SENT_COLOR = { negative: '#e8684a', neutral: '#9ca3af', positive: '#5ad8a6' };
const STATUS = { new: '新', acknowledged: '已确认', resolved: '已解除' };
const LIFECYCLE = { emerging: '萌芽', rising: '上升', peak: '高峰', fading: '消退' };

function token() { return sessionStorage.getItem(TOKEN_KEY); }

async function api(path, opts = {}) {
  const headers = Object.assign({ Authorization: 'Bearer ' + token() }, opts.headers || {});
  const r = await fetch(path, Object.assign({}, opts, { headers }));
  if (r.status === 401) { logout('令牌无效或已吊销，请重新登录'); throw new Error('unauthorized'); }
  if (!r.ok) {
    let msg = r.status + '';
    try { msg = (await r.json()).message || msg; } catch (e) { /* not JSON */ }
    throw new Error(msg);
  }
  return opts.raw ? r : r.json();
}

function chart(id) {
  const el = $(id);
  let c = echarts.getInstanceByDom(el);
  if (!c) { c = echarts.init(el); state.charts[id] = c; }
  return c;
}
window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));

/* ---------- login ---------- */
async function login(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
  try {
    state.me = await api('/api/me');
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('login-error').textContent = e.message === 'unauthorized' ? '令牌无效' : '登录失败：' + e.message;
    return false;
  }
  $('login').hidden = true;
  $('main').hidden = false;
  $('logout').hidden = false;
  $('who').textContent = `${state.me.name}（${{ viewer: '查看', analyst: '分析', admin: '管理' }[state.me.role] || state.me.role}）`;
  document.querySelectorAll('.analyst-only').forEach((b) => { b.hidden = state.me.role === 'viewer'; });
  startStream();
  route();
  return true;
}
function logout(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.me = null;
  if (state.stream) { state.stream.abort(); state.stream = null; }
  $('main').hidden = true;
  $('logout').hidden = true;
  $('who').textContent = '';
  $('login').hidden = false;
  $('login-error').textContent = message || '';
}

/* ---------- routing ---------- */
function route() {
  if (!state.me) return;
  const hash = location.hash || '#/';
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query || '');
  document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
  document.querySelectorAll('#nav a').forEach((a) => a.classList.remove('active'));
  const show = (name) => {
    $('view-' + name).hidden = false;
    const nav = document.querySelector(`#nav a[data-nav="${name}"]`);
    if (nav) nav.classList.add('active');
  };
  if (path.startsWith('/topic/')) { show('topic'); loadTopic(decodeURIComponent(path.slice(7))); }
  else if (path === '/search') { show('search'); openSearch(params); }
  else if (path === '/sources') { show('sources'); loadSources(); }
  else if (path === '/brief') { show('brief'); openBrief(); }
  else { show('home'); loadHome(); }
  Object.values(state.charts).forEach((c) => c.resize());
}
window.addEventListener('hashchange', route);

/* ---------- home ---------- */
const WINDOWS = { '24h': [24 * 3600e3, '1h'], '7d': [7 * 24 * 3600e3, '6h'], '30d': [30 * 24 * 3600e3, '1d'] };
function windowParams(key) {
  const [len, interval] = WINDOWS[key];
  const to = new Date(Math.ceil(Date.now() / 60000) * 60000); // whole minutes: repeated queries hit the ES request cache
  return { from: new Date(to.getTime() - len).toISOString(), to: to.toISOString(), interval };
}
function trendQuery() {
  const w = windowParams($('trend-window').value);
  const p = new URLSearchParams({ from: w.from, to: w.to, interval: w.interval });
  $('trend-q').value.split(/[,，;；]/).map((s) => s.trim()).filter(Boolean).forEach((q) => p.append('q', q));
  return p;
}
async function loadHome() {
  loadTrends();
  loadHot();
  loadAlerts();
  loadRegions();
}
async function loadTrends() {
  let data;
  try { data = await api('/api/trends?' + trendQuery()); } catch (e) { $('trend-note').textContent = '趋势查询失败：' + e.message; return; }
  const c = chart('trend-chart');
  const x = (data.series[0] ? data.series[0].buckets : []).map((b) => fmtTime(b.start).slice(5));
  const total = data.series.reduce((s, x) => s + x.total, 0);
  if (data.series.length === 1 && !data.series[0].q) {
    const b = data.series[0].buckets;
    c.setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['负面', '中性', '正面', '平均情感分'] },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: x },
      yAxis: [{ type: 'value', name: '帖子数' }, { type: 'value', name: '情感分', min: -1, max: 1 }],
      series: [
        { name: '负面', type: 'bar', stack: 'v', data: b.map((v) => v.negative), itemStyle: { color: '#e8684a' } },
        { name: '中性', type: 'bar', stack: 'v', data: b.map((v) => v.neutral), itemStyle: { color: '#9ca3af' } },
        { name: '正面', type: 'bar', stack: 'v', data: b.map((v) => v.positive), itemStyle: { color: '#5ad8a6' } },
        { name: '平均情感分', type: 'line', yAxisIndex: 1, connectNulls: true, data: b.map((v) => v.meanSentimentScore), itemStyle: { color: '#5b8ff9' } },
      ],
    }, true);
  } else {
    c.setOption({
      tooltip: { trigger: 'axis' }, legend: { data: data.series.map((s) => s.q) },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: x }, yAxis: { type: 'value', name: '帖子数' },
      series: data.series.map((s) => ({ name: s.q, type: 'line', smooth: true, data: s.buckets.map((v) => v.volume) })),
    }, true);
  }
  $('trend-note').textContent = total === 0 ? '所选时间范围内没有数据。' : `共 ${num(total)} 条（${data.interval} 一格，时区 ${data.timezone}）`;
  if (data.series.length === 1 && !data.series[0].q) renderKpis(data.series[0]);
}
async function renderKpis(series) {
  const neg = series.buckets.reduce((s, b) => s + b.negative, 0);
  let newAlerts = '—';
  try { newAlerts = (await api('/api/alerts?status=new&size=1')).total; } catch (e) { /* shown as — */ }
  $('kpis').innerHTML = `
    <div class="kpi"><span>时段内帖子</span><b id="kpi-total">${num(series.total)}</b></div>
    <div class="kpi neg"><span>负面占比</span><b>${series.total ? pct(neg / series.total) : '—'}</b></div>
    <div class="kpi"><span>待处理预警（7天）</span><b>${esc(newAlerts)}</b></div>
    <div class="kpi"><span>热点话题</span><b id="kpi-topics">${$('hot-topics').tBodies[0].rows.length || '—'}</b></div>`;
}
async function loadHot() {
  const w = windowParams($('trend-window').value);
  const tbody = $('hot-topics').tBodies[0];
  let data;
  try { data = await api(`/api/topics/hot?limit=15&from=${encodeURIComponent(w.from)}&to=${encodeURIComponent(w.to)}`); } catch (e) { tbody.innerHTML = `<tr><td colspan="6" class="error">${esc(e.message)}</td></tr>`; return; }
  tbody.innerHTML = data.items.length ? data.items.map((t, i) => `<tr>
      <td>${i + 1}</td><td><a href="#/topic/${encodeURIComponent(t.topicId)}">${esc(t.title || t.topicId)}</a></td>
      <td>${num(t.heat, 1)}</td><td>${t.growth == null ? '—' : (t.growth >= 0 ? '↑' : '↓') + num(Math.abs(t.growth), 1)}</td>
      <td class="${t.negativeShare > 0.5 ? 'bad' : ''}">${pct(t.negativeShare)}</td><td>${esc(fmtTime(t.firstSeen).slice(5))}</td></tr>`).join('')
    : '<tr><td colspan="6" class="note">该时段没有话题数据</td></tr>';
  if ($('kpi-topics')) $('kpi-topics').textContent = data.items.length;
}
/* ---------- map of China by province ---------- */
/* geo/china.js (see geo/NOTICE) registers the map 'china' with short province names (广东, 内蒙古, 香港); region values
 * are short names too, but full names (广东省, 广西壮族自治区) are folded onto them. Without the map (the file failed to
 * load) the panels fall back to ranked bars. */
const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
function provinceName(region) { return String(region || '').trim().replace(PROVINCE_SUFFIX, ''); }
function chinaMap() { return window.echarts && echarts.getMap && echarts.getMap('china') ? true : false; }
function provinceNames() {
  const m = echarts.getMap('china');
  const features = (m && (m.geoJSON || m.geoJson) && (m.geoJSON || m.geoJson).features) || [];
  return new Set(features.map((f) => f.properties.name));
}
/* rows: [{name, value, negative?}] → map series data on provinces plus the total outside them */
function onProvinces(rows) {
  const known = provinceNames();
  const by = new Map();
  let other = 0;
  rows.forEach((r) => {
    const n = provinceName(r.name);
    if (!known.has(n)) { other += r.value; return; }
    const cur = by.get(n) || { name: n, value: 0, negative: 0 };
    cur.value += r.value; cur.negative += r.negative || 0;
    by.set(n, cur);
  });
  return { data: [...by.values()], other };
}
function drawMap(id, rows, label) {
  const { data, other } = onProvinces(rows);
  const max = Math.max(1, ...data.map((d) => d.value));
  chart(id).setOption({
    tooltip: { trigger: 'item', formatter: (p) => p.data ? `${esc(p.name)}<br>${label} ${num(p.data.value)}` + (p.data.negative ? `<br>负面 ${pct(p.data.negative / p.data.value)}` : '') : esc(p.name) + '<br>无数据' },
    visualMap: { min: 0, max, left: 8, bottom: 8, text: ['多', '少'], calculable: false, itemHeight: 80, inRange: { color: ['#fde8e4', '#e8684a', '#b3261e'] } },
    series: [{ type: 'map', map: 'china', roam: false, top: 24, bottom: 8, label: { show: false }, emphasis: { label: { show: true } }, data }],
    graphic: other ? [{ type: 'text', right: 8, top: 4, style: { text: `省级地图外 ${num(other)} 条`, fill: '#999' } }]
      : data.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '暂无带地域信息的帖子', fill: '#999' } }],
  }, true);
}

async function loadRegions() {
  const w = windowParams($('trend-window').value);
  let data;
  try { data = await api(`/api/regions?from=${encodeURIComponent(w.from)}&to=${encodeURIComponent(w.to)}`); } catch (e) { return; }
  if (chinaMap()) {
    drawMap('region-chart', data.items.map((r) => ({ name: r.region, value: r.volume, negative: r.negative })), '帖子');
    return;
  }
  const items = data.items.slice(0, 20);
  chart('region-chart').setOption({
    tooltip: { trigger: 'axis' }, legend: { data: ['负面', '中性', '正面'] },
    grid: { left: 48, right: 16, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: items.map((r) => r.region), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value' },
    series: [['negative', '负面', '#e8684a'], ['neutral', '中性', '#9ca3af'], ['positive', '正面', '#5ad8a6']].map(([k, n, c]) => ({ name: n, type: 'bar', stack: 'r', data: items.map((r) => r[k]), itemStyle: { color: c } })),
    graphic: items.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '暂无带地域信息的帖子', fill: '#999' } }],
  }, true);
}

/* ---------- alerts ---------- */
function alertItem(a, fresh) {
  const li = document.createElement('li');
  li.id = 'alert-' + a.alertId;
  li.className = `level-${a.level || ''}${fresh ? ' fresh' : ''}`;
  const canAct = state.me && state.me.role !== 'viewer';
  li.innerHTML = `<span class="badge ${esc(a.level)}">${esc(a.levelName || a.level)}</span>
    ${a.topicId ? `<a href="#/topic/${encodeURIComponent(a.topicId)}">${esc(a.title)}</a>` : esc(a.title)}
    <div class="meta">${esc(fmtTime(a.firedAt))} · ${esc(a.ruleName || a.rule || '')} · <span class="status">${esc(STATUS[a.status] || a.status)}</span>
    ${canAct && a.status === 'new' ? '<button type="button" data-act="ack">确认</button>' : ''}
    ${canAct && a.status !== 'resolved' ? '<button type="button" data-act="resolve">解除</button>' : ''}</div>
    <div class="meta">${esc(a.reason || '')}</div>`;
  li.querySelectorAll('button[data-act]').forEach((b) => b.addEventListener('click', async () => {
    b.disabled = true;
    try { upsertAlert(await api(`/api/alerts/${encodeURIComponent(a.alertId)}/${b.dataset.act}`, { method: 'POST' }), false); } catch (e) { alert('操作失败：' + e.message); b.disabled = false; }
  }));
  return li;
}
function upsertAlert(a, fresh) {
  const list = $('alert-list');
  const existing = document.getElementById('alert-' + a.alertId);
  const li = alertItem(a, fresh);
  if (existing) existing.replaceWith(li); else list.prepend(li);
  const empty = list.querySelector('.empty');
  if (empty) empty.remove();
}
async function loadAlerts() {
  let data;
  try { data = await api('/api/alerts?size=30'); } catch (e) { return; }
  const list = $('alert-list');
  list.innerHTML = '';
  data.items.slice().reverse().forEach((a) => upsertAlert(a, false));
  if (!data.items.length) list.innerHTML = '<li class="empty note">近7天没有预警</li>';
}
async function startStream() {
  if (state.stream) state.stream.abort();
  const ctrl = new AbortController();
  state.stream = ctrl;
  const live = $('live-state');
  try {
    const r = await fetch('/api/alerts/stream', { headers: { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' }, signal: ctrl.signal });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    live.textContent = '● 实时'; live.className = 'live on';
    loadAlerts(); // catch up on anything changed while the stream was down
    const reader = r.body.getReader();
    const decoder = new TextDecoder('utf-8');
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i); buf = buf.slice(i + 2);
        let event = 'message'; const data = [];
        block.split('\n').forEach((line) => {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        });
        if (event === 'alert') upsertAlert(JSON.parse(data.join('\n')), true);
      }
    }
  } catch (e) {
    if (ctrl.signal.aborted) return;
  }
  if (state.stream === ctrl && state.me) {
    live.textContent = '重连中…'; live.className = 'live';
    setTimeout(() => { if (state.stream === ctrl && state.me) startStream(); }, 3000);
  }
}

/* ---------- topic ---------- */
async function loadTopic(id) {
  $('topic-title').textContent = '加载中…';
  let d;
  try { d = await api('/api/topics/' + encodeURIComponent(id)); } catch (e) { $('topic-title').textContent = '话题不存在或无法加载：' + e.message; return; }
  const t = d.topic;
  $('topic-title').textContent = t.title || t.topicId;
  $('topic-kpis').innerHTML = `
    <div class="kpi"><span>帖子</span><b>${num(d.postCount)}</b></div>
    <div class="kpi"><span>热度</span><b>${num(t.heat, 1)}</b></div>
    <div class="kpi neg"><span>负面占比</span><b>${pct(t.negativeShare)}</b></div>
    <div class="kpi"><span>首现 · 阶段</span><b style="font-size:16px">${esc(fmtTime(t.firstSeen))} · ${esc(LIFECYCLE[t.lifecycle] || t.lifecycle || '')}</b></div>`;
  chart('topic-timeline').setOption({
    tooltip: { trigger: 'axis' }, legend: { data: ['负面', '中性', '正面'] }, grid: { left: 40, right: 16, top: 30, bottom: 28 },
    xAxis: { type: 'category', data: d.timeline.map((b) => fmtTime(b.start).slice(5)) }, yAxis: { type: 'value' },
    series: [['negative', '负面', '#e8684a'], ['neutral', '中性', '#9ca3af'], ['positive', '正面', '#5ad8a6']].map(([k, n, c]) => ({ name: n, type: 'bar', stack: 't', data: d.timeline.map((b) => b[k]), itemStyle: { color: c } })),
  }, true);
  const mix = [...d.sentiment.map((c) => ({ name: SENT[c.key] || c.key, value: c.count })), ...d.emotion.map((c) => ({ name: c.key, value: c.count }))];
  chart('topic-sentiment').setOption({
    tooltip: {},
    series: [
      { type: 'pie', radius: [0, '45%'], data: d.sentiment.map((c) => ({ name: SENT[c.key] || c.key, value: c.count, itemStyle: { color: SENT_COLOR[c.key] } })), label: { position: 'inner' } },
      { type: 'pie', radius: ['55%', '75%'], data: d.emotion.map((c) => ({ name: c.key, value: c.count })) },
    ],
    graphic: mix.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '暂无情感数据', fill: '#999' } }],
  }, true);
  const maxK = Math.max(1, ...d.keywords.map((k) => k.count));
  $('topic-cloud').innerHTML = d.keywords.length ? d.keywords.map((k) => `<span style="font-size:${12 + Math.round(20 * k.count / maxK)}px;opacity:${0.55 + 0.45 * k.count / maxK}">${esc(k.key)}</span>`).join(' ') : '<p class="note">暂无关键词</p>';
  chart('topic-spread').setOption({
    tooltip: { trigger: 'axis' }, grid: { left: 170, right: 20, top: 10, bottom: 20 },
    yAxis: { type: 'category', inverse: true, data: d.spread.map((s) => `${s.site} ${fmtTime(s.firstSeen).slice(5)}`) },
    xAxis: { type: 'value' }, series: [{ type: 'bar', data: d.spread.map((s) => s.posts), itemStyle: { color: '#5b8ff9' } }],
  }, true);
  if (chinaMap()) {
    drawMap('topic-regions', d.regions.map((r) => ({ name: r.key, value: r.count })), '帖子');
  } else {
    chart('topic-regions').setOption({
      tooltip: {}, grid: { left: 40, right: 16, top: 10, bottom: 40 },
      xAxis: { type: 'category', data: d.regions.map((r) => r.key), axisLabel: { interval: 0, rotate: 30 } }, yAxis: { type: 'value' },
      series: [{ type: 'bar', data: d.regions.map((r) => r.count), itemStyle: { color: '#b3261e' } }],
    }, true);
  }
  renderTree(d.repostTree);
  $('topic-kol').tBodies[0].innerHTML = d.amplifiers.map((a) => `<tr><td>${esc(a.author)}${a.verified ? ' ✔' : ''}</td><td>${num(a.posts)}</td><td>${num(a.reposts)}</td><td>${num(a.followers)}</td></tr>`).join('') || '<tr><td colspan="4" class="note">暂无</td></tr>';
  const postLi = (p, label) => { const u = safeUrl(p.url); return `<li>${label ? `<b>${label}</b> ` : ''}${u ? `<a href="${esc(u)}" target="_blank" rel="noopener noreferrer">${esc(p.title || p.id)}</a>` : esc(p.title || p.id)} <span class="note">${esc(p.site)} ${esc(fmtTime(p.publishedAt))}</span></li>`; };
  $('topic-posts').innerHTML = (d.firstPost ? postLi(d.firstPost, '首发') : '') + d.representativePosts.map((p) => postLi(p)).join('') || '<li class="note">暂无帖子</li>';
}
function renderTree(nodes) {
  const byId = new Map();
  nodes.forEach((n) => byId.set(n.id, { name: n.author || n.id, value: n.reposts, tip: `${n.author} · ${n.site} · 粉丝 ${n.followers}`, children: [] }));
  const roots = [];
  nodes.forEach((n) => { const node = byId.get(n.id); const parent = n.parentId && byId.get(n.parentId); if (parent) parent.children.push(node); else roots.push(node); });
  $('topic-tree-note').textContent = nodes.length ? `共 ${nodes.length} 个转发节点` : '该话题没有转发关系数据';
  chart('topic-tree').setOption({
    tooltip: { formatter: (p) => esc(p.data.tip || p.name) },
    series: [{ type: 'tree', data: [{ name: '话题', children: roots }], top: 20, left: 60, bottom: 20, right: 120, symbolSize: 8, initialTreeDepth: 4, label: { position: 'left', fontSize: 11 }, leaves: { label: { position: 'right' } } }],
  }, true);
}

/* ---------- search ---------- */
function isoDay(d) { return d.toISOString().slice(0, 10); }
function searchParams() {
  const p = new URLSearchParams();
  const set = (k, v) => { if (v) p.set(k, v); };
  set('q', $('search-q').value.trim());
  set('from', $('search-from').value); set('to', $('search-to').value ? isoDay(new Date(new Date($('search-to').value).getTime() + 86400e3)) : '');
  set('site', $('search-site').value.trim()); set('region', $('search-region').value.trim());
  set('sentiment', $('search-sentiment').value); set('sort', $('search-sort').value);
  p.set('page', state.search.page); p.set('size', 20);
  return p;
}
function openSearch(params) {
  if (params.has('q')) $('search-q').value = params.get('q');
  if (params.has('from')) $('search-from').value = params.get('from').slice(0, 10);
  if (params.has('to')) $('search-to').value = isoDay(new Date(new Date(params.get('to')).getTime() - 1));
  if (params.has('region')) $('search-region').value = params.get('region');
  if (params.has('site')) $('search-site').value = params.get('site');
  if (params.has('sentiment')) $('search-sentiment').value = params.get('sentiment');
  if (!$('search-from').value) $('search-from').value = isoDay(new Date(Date.now() - 30 * 86400e3));
  if (!$('search-to').value) $('search-to').value = isoDay(new Date());
  state.search.page = 1;
  runSearch();
}
async function runSearch() {
  const list = $('search-results');
  let data;
  try { data = await api('/api/search?' + searchParams()); } catch (e) { $('search-summary').textContent = '检索失败：' + e.message; list.innerHTML = ''; return; }
  $('search-summary').textContent = `共 ${num(data.total)} 条结果`;
  list.start = (data.page - 1) * data.size + 1;
  list.innerHTML = data.items.map((h) => {
    const u = safeUrl(h.url);
    const title = h.titleHighlight || esc(h.title || h.id); // highlights are HTML-escaped by Elasticsearch
    const body = h.textHighlights.length ? h.textHighlights.join(' … ') : esc(h.snippet);
    return `<li><div class="t">${u ? `<a href="${esc(u)}" target="_blank" rel="noopener noreferrer">${title}</a>` : title}</div>
      <div>${body}</div>
      <div class="m">${esc(h.site)} · ${esc(h.author || '')} · ${esc(fmtTime(h.publishedAt))} · ${esc(h.region || '')} · <span class="sent-${esc(h.sentiment)}">${esc(SENT[h.sentiment] || '')}</span>
      ${h.topicId ? ` · <a href="#/topic/${encodeURIComponent(h.topicId)}">所属话题</a>` : ''}</div></li>`;
  }).join('') || '<li class="note">没有匹配的帖子</li>';
  $('search-page').textContent = `第 ${data.page} 页`;
  $('search-prev').disabled = data.page <= 1;
  $('search-next').disabled = data.page * data.size >= data.total;
}

/* ---------- sources ---------- */
function lag(s) {
  if (s == null) return '—';
  if (s < 120) return s + ' 秒'; if (s < 7200) return Math.round(s / 60) + ' 分钟'; return Math.round(s / 3600) + ' 小时';
}
async function loadSources() {
  const tbody = $('sources-table').tBodies[0];
  let data;
  try { data = await api('/api/sources'); } catch (e) { $('sources-note').textContent = e.message; return; }
  tbody.innerHTML = data.items.map((s) => `<tr><td>${esc(s.source)}</td><td>${esc(s.platform)}</td>
    <td class="${s.healthy ? 'ok' : 'bad'}">${s.healthy ? '正常' : '异常'}</td><td>${num(s.fetched)}</td><td>${num(s.posts)}</td>
    <td>${num(s.errors)}</td><td>${num(s.blocked)}</td><td>${esc(fmtTime(s.lastSuccess))}</td><td>${lag(s.lagSeconds)}</td><td>${esc(s.reason || s.lastError || '')}</td></tr>`).join('');
  $('sources-note').textContent = data.items.length ? `更新于 ${fmtTime(data.at)}` : '还没有采集源上报状态。';
}

/* ---------- brief ---------- */
let briefHtml = null;
function briefQuery(download) {
  const p = new URLSearchParams({ date: $('brief-date').value });
  if ($('brief-q').value.trim()) p.set('q', $('brief-q').value.trim());
  if ($('brief-region').value.trim()) p.set('region', $('brief-region').value.trim());
  if (download) p.set('download', 'true');
  return p;
}
async function openBrief() {
  if (!$('brief-date').value) $('brief-date').value = isoDay(new Date());
  const frame = $('brief-frame');
  try {
    const r = await api('/api/brief?' + briefQuery(false), { raw: true });
    briefHtml = await r.text();
  } catch (e) { briefHtml = `<p>日报生成失败：${esc(e.message)}</p>`; }
  if (frame.dataset.url) URL.revokeObjectURL(frame.dataset.url);
  frame.dataset.url = URL.createObjectURL(new Blob([briefHtml], { type: 'text/html;charset=utf-8' }));
  frame.src = frame.dataset.url;
}

/* ---------- CSV export (analyst) ---------- */
async function downloadCsv(path, name) {
  try {
    const r = await api(path + (path.includes('?') ? '&' : '?') + 'format=csv', { raw: true });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await r.blob()); a.download = name; a.click();
  } catch (e) { alert('导出失败：' + e.message); }
}

/* ---------- wiring ---------- */
document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (e) => { e.preventDefault(); login($('login-token').value.trim()); });
  $('logout').addEventListener('click', () => logout());
  $('trend-form').addEventListener('submit', (e) => { e.preventDefault(); loadTrends(); loadHot(); loadRegions(); });
  $('trend-window').addEventListener('change', () => { loadTrends(); loadHot(); loadRegions(); });
  $('trend-csv').addEventListener('click', () => downloadCsv('/api/trends?' + trendQuery(), 'minsheng-trends.csv'));
  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); state.search.page = 1; runSearch(); });
  $('search-prev').addEventListener('click', () => { state.search.page -= 1; runSearch(); });
  $('search-next').addEventListener('click', () => { state.search.page += 1; runSearch(); });
  $('search-csv').addEventListener('click', () => { const p = searchParams(); p.set('page', 1); p.set('size', 100); downloadCsv('/api/search?' + p, 'minsheng-search.csv'); });
  $('brief-form').addEventListener('submit', (e) => { e.preventDefault(); openBrief(); });
  $('brief-print').addEventListener('click', () => $('brief-frame').contentWindow.print());
  $('brief-download').addEventListener('click', async () => {
    const r = await api('/api/brief?' + briefQuery(true), { raw: true });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await r.blob()); a.download = `舆情日报-${$('brief-date').value}.html`; a.click();
  });
  if (token()) login(token()); else logout();
});
