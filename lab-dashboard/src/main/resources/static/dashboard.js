'use strict';
// The live page: draws /api/history once, then one /events sample per second. Controls call the
// JSON API (PUT/DELETE /api/load, /api/faults) and show its answer or its problem+json detail.
(function () {
  const MAX_POINTS = 600;            // 10 minutes at 1 s: more than the server keeps by default
  const SYNCED = ['rps', 'latency', 'concurrency', 'cpu'];  // same y scale in every column
  const apps = new Map();            // name -> { el, charts, series }
  let state = null;
  let draggingLatency = false;

  const $ = (sel, root = document) => root.querySelector(sel);
  const field = (root, name) => root.querySelector('[data-field="' + name + '"]');
  const num = (v, digits = 0) => v == null || Number.isNaN(v) ? '–'
      : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const ms = v => v == null ? '–' : (v >= 1000 ? num(v / 1000, 2) + ' s' : num(v, v < 10 ? 1 : 0) + ' ms');
  const sumErrors = errors => Object.values(errors || {}).reduce((a, b) => a + b, 0);

  function message(text, isError) {
    const m = $('#message');
    m.textContent = text;
    m.className = isError ? 'error' : '';
  }

  async function call(method, url, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(url, init);
    const json = await res.json().catch(() => null);
    if (!res.ok) {
      throw new Error((json && json.detail) || res.status + ' ' + res.statusText);
    }
    return json;
  }

  // ---- columns and charts ----

  function chartOption(title, legend, log) {
    return {
      animation: false,
      title: { text: title, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: 'normal', color: '#6b7280' } },
      legend: { data: legend, right: 0, top: 0, textStyle: { fontSize: 11 }, itemWidth: 14, itemHeight: 8 },
      grid: { left: 48, right: 10, top: 26, bottom: 22 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { fontSize: 10 }, splitLine: { show: false } },
      yAxis: log ? { type: 'log', logBase: 10, min: 1, axisLabel: { fontSize: 10 } }
                 : { type: 'value', min: 0, axisLabel: { fontSize: 10 } },
      series: legend.map(name => ({ name, type: 'line', showSymbol: false, data: [], lineStyle: { width: 1.5 } }))
    };
  }

  function column(app) {
    const el = $('#app-template').content.firstElementChild.cloneNode(true);
    el.dataset.app = app.name;
    field(el, 'name').textContent = app.name;
    $('#apps').appendChild(el);
    const make = (kind, title, legend, log) => {
      const c = echarts.init(el.querySelector('[data-chart="' + kind + '"]'));
      c.setOption(chartOption(title, legend, log));
      return c;
    };
    const entry = {
      el,
      charts: {
        rps: make('rps', 'requests/s', ['client', 'server']),
        latency: make('latency', 'latency, ms (log)', ['client p99', 'server p99', 'client p50'], true),
        concurrency: make('concurrency', 'concurrency', ['busy threads', 'in app', 'client in flight', 'event-loop tasks']),
        cpu: make('cpu', 'app CPU, cores', ['cpu'])
      },
      series: {
        rps: [[], []], latency: [[], [], []], concurrency: [[], [], [], []], cpu: [[]]
      }
    };
    apps.set(app.name, entry);
    // a new column narrows the others: every chart takes its new width
    apps.forEach(e => Object.values(e.charts).forEach(c => c.resize()));
    const option = document.createElement('option');
    option.value = app.name;
    option.textContent = app.name + ' only';
    $('#load-target').appendChild(option);
    return entry;
  }

  function push(series, t, v) {
    series.push([t, v == null ? null : v]);
    if (series.length > MAX_POINTS) series.shift();
  }

  function record(entry, a, t) {
    const c = a.client || {}, s = a.server || {};
    const threads = s.threads || {}, loop = s.eventLoop || {}, cpu = s.cpu || {};
    push(entry.series.rps[0], t, c.rps);
    push(entry.series.rps[1], t, s.rps);
    push(entry.series.latency[0], t, c.p99Ms);
    push(entry.series.latency[1], t, s.p99Ms);
    push(entry.series.latency[2], t, c.p50Ms);
    push(entry.series.concurrency[0], t, threads.busy);
    push(entry.series.concurrency[1], t, s.inProgress);
    push(entry.series.concurrency[2], t, c.inFlight);
    push(entry.series.concurrency[3], t, loop.pendingTasks);
    push(entry.series.cpu[0], t, cpu.cores);
  }

  function maxOf(kind) {
    let max = 0;
    for (const entry of apps.values()) {
      for (const s of entry.series[kind]) for (const p of s) if (p[1] != null && p[1] > max) max = p[1];
    }
    return max;
  }

  function minPositiveOf(kind) {
    let min = Infinity;
    for (const entry of apps.values()) {
      for (const s of entry.series[kind]) for (const p of s) if (p[1] != null && p[1] > 0 && p[1] < min) min = p[1];
    }
    return min;
  }

  // Charts are drawn at most once per animation frame: when the browser is short of CPU, events
  // that arrive meanwhile only add their points, and one redraw shows them all.
  let redrawPending = false;
  function scheduleRedraw() {
    if (redrawPending) return;
    redrawPending = true;
    requestAnimationFrame(() => { redrawPending = false; redraw(); });
  }

  function redraw() {
    const maxima = {};
    for (const kind of SYNCED) maxima[kind] = maxOf(kind);
    for (const entry of apps.values()) {
      for (const kind of SYNCED) {
        const yAxis = kind === 'latency' ? logRange(minPositiveOf('latency'), maxima.latency)
            : { max: maxima[kind] > 0 ? niceCeil(maxima[kind]) : null };
        entry.charts[kind].setOption({ yAxis, series: entry.series[kind].map(data => ({ data })) }, { lazyUpdate: true });
      }
    }
  }

  function logRange(min, max) {
    if (!(max > 0) || !Number.isFinite(min)) return { min: 1, max: 1000 };
    const lo = Math.pow(10, Math.max(0, Math.floor(Math.log10(min))));
    const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(max, lo * 10))));
    return { min: lo, max: hi };
  }

  function niceCeil(v) {
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (v <= m * p) return m * p;
    return 10 * p;
  }

  // ---- one event ----

  function show(snapshot) {
    document.body.dataset.seq = snapshot.seq;
    const t = snapshot.timeMs;
    for (const a of snapshot.apps) {
      const entry = apps.get(a.name) || column(a);
      record(entry, a, t);
      tiles(entry.el, a, (snapshot.intervalMs || 1000) / 1000);
    }
    generator(snapshot.loadGenerator);
    stub(snapshot.stub);
  }

  function tiles(el, a, seconds) {
    const c = a.client || {}, s = a.server || {};
    const info = a.info || {};
    const stale = a.status === 'up' && a.ageMs != null && a.ageMs > 3 * 1000;
    const status = field(el, 'status');
    status.textContent = a.status === 'down' ? 'down: ' + (a.error || '') : stale ? 'scrape slow (' + ms(a.scrapeMs) + ')' : a.status;
    status.className = 'badge ' + (stale ? 'stale' : a.status);
    el.classList.toggle('down', a.status === 'down');
    el.dataset.status = a.status;
    field(el, 'model').textContent = [info.model, info.engine, info.engine === 'tomcat' && info.maxThreads ? info.maxThreads + ' threads' : null]
        .filter(Boolean).join(' · ');
    field(el, 'client-rps').textContent = num(c.rps);
    field(el, 'server-rps').textContent = num(s.rps);
    field(el, 'client-p50').textContent = ms(c.p50Ms);
    field(el, 'client-p99').textContent = ms(c.p99Ms);
    field(el, 'server-p50').textContent = ms(s.p50Ms);
    field(el, 'server-p99').textContent = ms(s.p99Ms);
    field(el, 'client-inflight').textContent = num(c.inFlight);
    field(el, 'server-inprogress').textContent = num(s.inProgress);
    const threads = s.threads || {};
    const threadsEl = field(el, 'threads');
    if (threads.max != null) {
      field(el, 'threads-label').textContent = 'busy / max threads (Tomcat)';
      threadsEl.textContent = num(threads.busy) + ' / ' + num(threads.max);
      threadsEl.classList.toggle('alarm', threads.busy != null && threads.busy >= threads.max);
    } else if (s.eventLoop) {
      field(el, 'threads-label').textContent = 'event-loop pending tasks (Netty)';
      threadsEl.textContent = num(s.eventLoop.pendingTasks);
      threadsEl.classList.remove('alarm');
    } else {
      threadsEl.textContent = '–';
    }
    field(el, 'live-threads').textContent = num(threads.live);
    const cpu = s.cpu || {};
    field(el, 'cpu').textContent = num(cpu.cores, 2);
    field(el, 'cpu-per-request').textContent = cpu.msPerRequest == null ? '–' : num(cpu.msPerRequest, 2) + ' ms';
    const heap = s.heap || {};
    field(el, 'heap').textContent = heap.usedMiB == null ? '–'
        : num(heap.usedMiB) + (heap.maxMiB ? ' / ' + num(heap.maxMiB) : '') + ' MiB';
    field(el, 'downstream').textContent = s.downstream ? ms(s.downstream.meanMs) : '–';
    const errs = [];
    for (const [k, v] of Object.entries(c.errors || {})) errs.push('client ' + k + ': ' + num(v / seconds));
    for (const [k, v] of Object.entries(s.errors || {})) errs.push('server ' + k + ': ' + num(v / seconds));
    const errorsEl = field(el, 'errors');
    errorsEl.textContent = errs.length ? errs.join(' · ') : 'none';
    errorsEl.classList.toggle('alarm', errs.length > 0);
  }

  function generator(g) {
    if (!g) return;
    field(document, 'gen-cpu').textContent = g.cpuCores == null ? '–' : num(g.cpuCores, 2) + ' cores';
    field(document, 'gen-cpu-per-request').textContent = g.cpuMsPerRequest == null ? '–' : num(g.cpuMsPerRequest, 3) + ' ms';
    field(document, 'gen-lag').textContent = ms(g.sendLagMs);
  }

  function stub(s) {
    const now = $('#faults-now');
    if (!s) { now.textContent = 'no stub: fault controls off'; return; }
    if (s.status === 'down') { now.textContent = 'stub down: ' + (s.error || ''); return; }
    const f = s.faults;
    if (!f) { now.textContent = 'stub faults unknown'; return; }
    now.textContent = 'now: +' + f.extraLatencyMs + ' ms, 5xx ' + f.errorPercent + ' %, reset ' + f.resetPercent
        + ' %, hang ' + f.hangPercent + ' %' + (s.figures && s.figures.inFlight != null ? ' · stub in flight ' + num(s.figures.inFlight) : '');
    if (!draggingLatency) {
      $('#latency').value = f.extraLatencyMs;
      $('#latency-value').textContent = f.extraLatencyMs;
    }
  }

  // ---- controls ----

  function levelMax() {
    const mode = $('input[name=mode]:checked').value;
    return mode === 'rate' ? state.limits.maxRate : state.limits.maxUsers;
  }

  function syncLevelFromSlider() {
    $('#load-value').value = Math.max(1, Math.round(Math.pow(10, Number($('#load-level').value))));
  }

  function syncSliderFromValue() {
    $('#load-level').value = Math.log10(Math.max(1, Number($('#load-value').value)));
  }

  function showLoad(settings) {
    // when every app has the same load, the controls show it (e.g. set with curl)
    const all = Object.values(settings);
    const first = all[0];
    if (first && first.mode !== 'off' && all.every(s => s.mode === first.mode && s.users === first.users && s.rate === first.rate)) {
      const radio = document.querySelector('input[name=mode][value="' + first.mode + '"]');
      if (radio && !radio.checked) { radio.checked = true; radio.dispatchEvent(new Event('change')); }
      $('#load-value').value = first.mode === 'users' ? first.users : first.rate;
      syncSliderFromValue();
    }
    const parts = Object.entries(settings).map(([name, s]) =>
        name + ': ' + (s.mode === 'off' ? 'off' : s.mode === 'users' ? s.users + ' users' : s.rate + '/s'));
    $('#load-now').textContent = parts.join(' · ');
  }

  async function setFaults(body, what) {
    try {
      const mix = await call('PUT', '/api/faults', body);
      message(what + ': the stub now adds ' + mix.extraLatencyMs + ' ms');
    } catch (e) {
      message(e.message, true);
    }
  }

  function wireControls() {
    const latency = $('#latency');
    latency.max = Math.min(state.limits.maxExtraLatencyMs, 5000);
    latency.addEventListener('input', () => { draggingLatency = true; $('#latency-value').textContent = latency.value; });
    latency.addEventListener('change', async () => {
      await setFaults({ extraLatencyMs: Number(latency.value) }, 'Downstream latency');
      draggingLatency = false;
    });
    $('#latency-reset').addEventListener('click', () => setFaults({ extraLatencyMs: 0 }, 'Downstream latency'));
    document.querySelectorAll('[data-latency]').forEach(b => b.addEventListener('click',
        () => setFaults({ extraLatencyMs: Number(b.dataset.latency) }, 'Downstream latency')));
    $('#faults-apply').addEventListener('click', () => setFaults({
      errorPercent: Number($('#errorPercent').value),
      resetPercent: Number($('#resetPercent').value),
      hangPercent: Number($('#hangPercent').value)
    }, 'Faults'));
    $('#faults-clear').addEventListener('click', async () => {
      try {
        await call('DELETE', '/api/faults');
        for (const id of ['errorPercent', 'resetPercent', 'hangPercent']) $('#' + id).value = 0;
        message('Faults cleared');
      } catch (e) { message(e.message, true); }
    });

    const level = $('#load-level');
    const setRange = () => { level.max = Math.log10(levelMax()); $('#load-value').max = levelMax(); };
    document.querySelectorAll('input[name=mode]').forEach(r => r.addEventListener('change', setRange));
    setRange();
    level.addEventListener('input', syncLevelFromSlider);
    $('#load-value').addEventListener('input', syncSliderFromValue);
    syncSliderFromValue();
    $('#load-apply').addEventListener('click', async () => {
      const mode = $('input[name=mode]:checked').value;
      const body = { mode };
      body[mode] = Number($('#load-value').value);
      const target = $('#load-target').value;
      try {
        const settings = await call('PUT', target ? '/api/load/' + encodeURIComponent(target) : '/api/load', body);
        showLoad(settings);
        message('Load: ' + body[mode] + (mode === 'users' ? ' users' : ' requests/s') + ' on ' + (target || 'every app'));
      } catch (e) { message(e.message, true); }
    });
    $('#load-stop').addEventListener('click', async () => {
      try { showLoad(await call('DELETE', '/api/load')); message('Load off'); } catch (e) { message(e.message, true); }
    });
    $('#load-path').textContent = 'GET ' + state.loadPath;
    const base = /delayMs=(\d+)/.exec(state.loadPath);
    $('#latency-base').textContent = base ? '(on top of the ' + base[1] + ' ms the load asks for)' : '';
    showLoad(state.load);
    const noStub = !state.stub;
    document.querySelectorAll('#downstream-control button, #downstream-control input, #fault-control button, #fault-control input')
        .forEach(el => { el.disabled = noStub; });
  }

  // ---- start ----

  function connect() {
    const source = new EventSource('/events');
    const badge = $('#connection');
    source.onopen = () => { badge.textContent = 'connected'; badge.className = 'badge up'; };
    source.onerror = () => { badge.textContent = 'reconnecting…'; badge.className = 'badge down'; };
    source.addEventListener('sample', e => {
      const snapshot = JSON.parse(e.data);
      if (Number(document.body.dataset.seq) >= snapshot.seq) return;  // already drawn from the history
      show(snapshot);
      scheduleRedraw();
    });
  }

  async function start() {
    try {
      state = await call('GET', '/api/state');
      for (const t of state.targets) column(t);
      wireControls();
      const history = await call('GET', '/api/history');
      for (const snapshot of history) show(snapshot);
      redraw();
    } catch (e) {
      message('could not load the dashboard state: ' + e.message, true);
    }
    connect();
    window.addEventListener('resize', () => apps.forEach(entry => Object.values(entry.charts).forEach(c => c.resize())));
  }

  start();
})();
