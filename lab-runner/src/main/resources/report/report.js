/*
 * Draws the charts of report.html with Apache ECharts (inlined above this script).
 * All numbers are prepared by lab.report.ChartModel (id "lab-charts"); this file only maps them
 * onto ECharts options, so the arithmetic stays in tested Java. The raw results are embedded too
 * (id "lab-results") for anyone who wants to explore them from the browser console.
 */
(function () {
  'use strict';

  var PALETTE = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#76b7b2', '#b07aa1', '#edc948', '#9c755f'];
  var NEUTRAL = ['#8cb0d6', '#f1a7a8', '#a7d3a1', '#f7c48f'];
  var REFERENCE = '#7f7f7f';
  var BAND = 'rgba(242, 142, 43, 0.14)';
  var INVALID_SYMBOL_SIZE = 14;
  var SYMBOL_SIZE = 7;
  var SMALL_SYMBOL_SIZE = 5;
  var CAP_HALF_WIDTH = 4;
  var SHADE_STEP = 0.3;
  var LEGEND_ROW_PX = 24;
  var LEGEND_CHAR_PX = 7;
  var LEGEND_ITEM_PX = 40;

  var specs = JSON.parse(document.getElementById('lab-charts').textContent);
  window.labResults = JSON.parse(document.getElementById('lab-results').textContent);

  var groupColours = {};
  function colour(group, index) {
    if (group == null) {
      return NEUTRAL[index % NEUTRAL.length];
    }
    if (!(group in groupColours)) {
      groupColours[group] = PALETTE[Object.keys(groupColours).length % PALETTE.length];
    }
    return groupColours[group];
  }
  // One colour per variant across every chart, in the order the results list them.
  (window.labResults.variants || []).forEach(function (v) { colour(v.name); });

  function escape(text) {
    return echarts.format.encodeHTML(String(text));
  }

  function number(value) {
    return echarts.format.addCommas(Math.round(value * 100) / 100);
  }

  // A round tick interval (1, 2, 2.5 or 5 x 10^n) giving about five ticks up to at least value.
  function niceTicks(value) {
    var raw = value / 5;
    var magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 2.5, 5, 10].map(function (f) { return f * magnitude; })
        .filter(function (s) { return s >= raw; })[0];
    return { interval: step, max: Math.ceil(value / step) * step };
  }

  function isCategory(a) {
    return a.type === 'ladder' || a.type === 'category';
  }

  function axis(a) {
    if (!a) {
      return null;
    }
    var base = { name: a.name, nameLocation: 'middle', nameGap: 32 };
    if (isCategory(a)) {
      base.type = 'category';
      base.data = a.categories || [];
      base.boundaryGap = a.type !== 'ladder';
    } else if (a.type === 'log') {
      base.type = 'log';
      base.logBase = 10;
      base.nameGap = 54;
    } else if (a.type === 'time') {
      base.type = 'value';
      base.min = 'dataMin';
      base.max = 'dataMax';
    } else {
      base.type = 'value';
      base.nameGap = 54;
    }
    return base;
  }

  // The x of a point: a category's name, or a number on a value axis.
  function xOf(p, category) {
    return category ? String(p.x) : p.x;
  }

  function symbolFor(style) {
    return { dotted: 'triangle', server: 'diamond', dashed: 'rect', thin: 'none', predicted: 'diamond' }[style] || 'circle';
  }

  function point(p, s, c, category) {
    var item = { value: [xOf(p, category), p.y], reason: p.reason, lo: p.lo, hi: p.hi };
    if (p.reason) {
      if (s.type === 'bar') {
        item.itemStyle = { opacity: 0.45, borderType: 'dashed', borderWidth: 2, borderColor: c,
          decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4 } };
      } else {
        item.symbol = 'emptyCircle';
        item.symbolSize = INVALID_SYMBOL_SIZE;
        item.itemStyle = { color: c, borderColor: c, borderWidth: 2.5 };
        if (s.style === 'solid') {
          item.label = { show: true, formatter: '⚠ invalid', position: 'top', color: c, fontWeight: 'bold' };
        }
      }
    }
    return item;
  }

  // Vertical min–max bars with caps, drawn by a custom series of the same name (so the legend
  // toggles both). On a category axis the x is the category's index.
  function errorBars(s, c, xAxis, yAxis) {
    var category = isCategory(xAxis);
    var log = yAxis && yAxis.type === 'log';
    var data = s.data.filter(function (p) {
      return p.lo != null && p.hi != null && p.hi > p.lo && (!log || p.lo > 0);
    }).map(function (p) {
      return [category ? (xAxis.categories || []).indexOf(String(p.x)) : p.x, p.lo, p.hi];
    }).filter(function (d) { return d[0] !== -1; });
    if (!data.length) {
      return [];
    }
    return [{
      name: s.name, type: 'custom', color: c, yAxisIndex: s.yAxis || 0, z: 3, silent: true,
      tooltip: { show: false }, encode: { x: 0, y: [1, 2] },
      renderItem: function (params, api) {
        var x = api.value(0);
        var lo = api.coord([x, api.value(1)]);
        var hi = api.coord([x, api.value(2)]);
        var style = { stroke: c, lineWidth: 1.5, opacity: 0.8 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
          { type: 'line', shape: { x1: lo[0] - CAP_HALF_WIDTH, y1: lo[1], x2: lo[0] + CAP_HALF_WIDTH, y2: lo[1] }, style: style },
          { type: 'line', shape: { x1: hi[0] - CAP_HALF_WIDTH, y1: hi[1], x2: hi[0] + CAP_HALF_WIDTH, y2: hi[1] }, style: style }
        ] };
      },
      data: data
    }];
  }

  // A line's segments touching an invalid point are drawn by a dashed twin series of the same
  // name (so the legend toggles both), and left out of the solid one.
  function lineSeries(s, c, category, time) {
    var solid = [];
    var dashed = [];
    s.data.forEach(function (p, i) {
      var prev = s.data[i - 1];
      solid.push(p.reason ? { value: [xOf(p, category), null] } : point(p, s, c, category));
      if (p.reason || (prev && prev.reason)) {
        if (prev && !dashed.length) {
          dashed.push({ value: [xOf(prev, category), prev.y], symbol: 'none' });
        } else if (prev && dashed[dashed.length - 1].value[0] !== xOf(prev, category)) {
          dashed.push({ value: [xOf(prev, category), null] });
          dashed.push({ value: [xOf(prev, category), prev.y], symbol: 'none' });
        }
        dashed.push(p.reason ? point(p, s, c, category) : { value: [xOf(p, category), p.y], symbol: 'none' });
      }
    });
    var width = { server: 1.5, thin: 1, predicted: 0 }[s.style];
    width = width == null ? 2.5 : width;
    var type = { dotted: 'dotted', server: [6, 3], dashed: [8, 4] }[s.style] || 'solid';
    var base = {
      name: s.name, type: 'line', yAxisIndex: s.yAxis || 0, color: c,
      symbol: symbolFor(s.style), symbolSize: s.style === 'predicted' ? SMALL_SYMBOL_SIZE : SYMBOL_SIZE,
      showSymbol: s.style !== 'thin' && !time, connectNulls: false,
      lineStyle: { width: width, type: type }, emphasis: { focus: 'series' }
    };
    if (s.style === 'predicted') {
      base.itemStyle = { color: '#fff', borderColor: c, borderWidth: 1.5 };
    }
    if (s.style === 'markers') {
      base.lineStyle = { width: 0 };
      base.symbol = 'circle';
      base.symbolSize = INVALID_SYMBOL_SIZE;
      base.label = { show: true, position: 'right', formatter: function (p) {
        return echarts.format.addCommas(Math.round(p.value[1])); } };
    }
    var out = [Object.assign({}, base, { data: solid })];
    if (dashed.length) {
      out.push(Object.assign({}, base, { data: dashed, lineStyle: { width: width || 1, type: [4, 4], opacity: 0.8 } }));
    }
    return out;
  }

  var shades = {};

  // Legends wrap instead of paging, so the grid starts below however many rows they take.
  function legendRows(spec, width) {
    var rows = 1;
    var used = 0;
    spec.series.forEach(function (s) {
      var item = s.name.length * LEGEND_CHAR_PX + LEGEND_ITEM_PX;
      if (used + item > width && used > 0) {
        rows += 1;
        used = 0;
      }
      used += item;
    });
    return rows;
  }

  function series(s, index, spec) {
    var category = isCategory(spec.x);
    var yAxis = s.yAxis ? spec.y2 : spec.y;
    var c = s.type === 'reference' && s.group == null ? REFERENCE : colour(s.group, index);
    if (s.type === 'reference') {
      return [{
        name: s.name, type: 'line', color: c, symbol: 'none', silent: false,
        lineStyle: { width: 1.5, type: [10, 5], color: c },
        endLabel: { show: true, formatter: s.name, color: c, fontSize: 11, align: 'right', offset: [0, -10] },
        data: s.data.map(function (p) { return { value: [xOf(p, category), p.y] }; })
      }];
    }
    if (s.type === 'bar') {
      if (s.stack) {
        // Several error classes of one variant: shades of the variant's colour.
        shades[s.group] = (shades[s.group] || 0) + 1;
        c = echarts.color.lift(c, (shades[s.group] - 1) * SHADE_STEP);
      }
      var bar = {
        name: s.name, type: 'bar', color: c, stack: s.stack, yAxisIndex: s.yAxis || 0,
        emphasis: { focus: 'series' },
        data: s.data.map(function (p) {
          // One bar per variant (c10k, open model): each in its variant's colour.
          var own = s.group == null && groupColours[String(p.x)];
          var item = point(p, s, own || c, category);
          if (own && !p.reason) {
            item.itemStyle = { color: own };
          }
          return item;
        })
      };
      return [bar].concat(s.stack ? [] : errorBars(s, c, spec.x, yAxis));
    }
    return lineSeries(s, c, category, spec.x.type === 'time').concat(errorBars(s, c, spec.x, yAxis));
  }

  // Shaded phases: a series of their own, with no data, kept out of the legend.
  function bands(spec) {
    if (!spec.bands || !spec.bands.length) {
      return [];
    }
    return [{
      name: 'phases', type: 'line', data: [], silent: true,
      markArea: {
        silent: true, itemStyle: { color: BAND },
        label: { show: true, position: 'insideTop', color: '#9a5b13', fontSize: 11 },
        data: spec.bands.map(function (b) { return [{ name: b.name, xAxis: b.from }, { xAxis: b.to }]; })
      }
    }];
  }

  function tooltip(params) {
    var list = Array.isArray(params) ? params : [params];
    var shown = {};
    var lines = [];
    list.forEach(function (p) {
      var value = p.value && p.value[1];
      var key = p.seriesName + '|' + value;
      if (value == null || shown[key] || p.seriesType === 'custom') {
        return;
      }
      shown[key] = true;
      var line = p.marker + escape(p.seriesName) + ': <b>' + escape(number(value)) + '</b>';
      if (p.data && p.data.lo != null && p.data.hi != null) {
        line += ' (' + escape(number(p.data.lo)) + '–' + escape(number(p.data.hi)) + ')';
      }
      if (p.data && p.data.reason) {
        line += '<br><span style="color:#b00">⚠ invalid: ' + escape(p.data.reason) + '</span>';
      }
      lines.push(line);
    });
    var head = list.length ? escape(list[0].axisValueLabel || list[0].name || '') : '';
    return head + '<br>' + lines.join('<br>');
  }

  function option(spec, width) {
    shades = {};
    var y = axis(spec.y);
    if (spec.yMax) {
      var ticks = niceTicks(spec.yMax);
      y.max = ticks.max;
      y.interval = ticks.interval;
    }
    var all = [];
    spec.series.forEach(function (s, i) { all = all.concat(series(s, i, spec)); });
    all = all.concat(bands(spec));
    var trigger = spec.x.type === 'category' ? 'item' : 'axis';
    return {
      animation: false,
      title: { show: false },
      legend: { type: 'plain', top: 0, data: spec.series.map(function (s) { return s.name; }) },
      grid: { left: 80, right: spec.y2 ? 80 : 30, top: 30 + legendRows(spec, width) * LEGEND_ROW_PX, bottom: 50 },
      tooltip: { trigger: trigger, confine: true, formatter: tooltip },
      xAxis: axis(spec.x),
      yAxis: spec.y2 ? [y, axis(spec.y2)] : y,
      series: all
    };
  }

  var rendered = 0;
  var instances = [];
  var groups = {};
  specs.forEach(function (spec) {
    var el = document.getElementById(spec.id);
    if (!el) {
      return;
    }
    if (spec.empty) {
      el.classList.add('empty');
      el.textContent = spec.empty;
    } else {
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(option(spec, el.clientWidth));
      if (spec.group) {
        chart.group = spec.group;
        groups[spec.group] = true;
      }
      instances.push(chart);
    }
    rendered += 1;
  });
  // The time-series panels share one axis pointer: hover one, see the same second in all.
  Object.keys(groups).forEach(function (group) { echarts.connect(group); });
  window.addEventListener('resize', function () {
    instances.forEach(function (chart) { chart.resize(); });
  });
  // Lets a headless browser (and the screenshot step) check that every chart was drawn.
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
