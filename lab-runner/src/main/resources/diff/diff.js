/*
 * Draws diff.html's charts with Apache ECharts (inlined above this script): per variant, run A
 * against run B per shared step, bars at the median across repeats and whiskers from min to max.
 * Every number is prepared by lab.diff.HtmlDiff (element "diff-charts"); this file only maps them
 * onto ECharts options. Buttons switch the figure shown (throughput, p99, CPU per request).
 */
(function () {
  'use strict';

  var COLOUR_A = '#9aa5b1';
  var COLOUR_B = '#4e79a7';
  var CALL_COLOURS = { worse: '#d92d20', better: '#12b76a' };
  var WHISKER = '#1f2933';
  // Steps the rule did not judge (an invalid step, no spread to judge with) are drawn faded.
  var NOT_JUDGED_OPACITY = 0.4;
  // Bars of a category fill (1 - gap) of it, split between A and B with a small gap between them.
  var CATEGORY_GAP = 0.3;
  var BAR_GAP = 0.1;
  var WHISKER_HALF_WIDTH = 0.25;

  var data = JSON.parse(document.getElementById('diff-charts').textContent);
  var rendered = 0;

  function format(value, decimals) {
    return value == null ? '—' : Number(value).toLocaleString('en', {
      minimumFractionDigits: decimals, maximumFractionDigits: decimals
    });
  }

  function escape(text) {
    return echarts.format.encodeHTML(String(text));
  }

  // Centre of run `side` (0 = A, 1 = B) within a category of the given pixel width.
  function offset(side, categoryWidth) {
    var barWidth = categoryWidth * (1 - CATEGORY_GAP) / (2 + BAR_GAP);
    var half = (barWidth + barWidth * BAR_GAP) / 2;
    return { centre: side === 0 ? -half : half, barWidth: barWidth };
  }

  function whiskers(points, side) {
    return {
      type: 'custom',
      name: side === 0 ? data.a : data.b,
      silent: true,
      z: 3,
      data: points.map(function (p, i) { return p && p.n > 1 ? [i, p.min, p.max] : null; })
          .filter(function (p) { return p !== null; }),
      renderItem: function (params, api) {
        var x = api.value(0);
        var low = api.coord([x, api.value(1)]);
        var high = api.coord([x, api.value(2)]);
        var layout = offset(side, api.size([1, 0])[0]);
        var cx = low[0] + layout.centre;
        var half = layout.barWidth * WHISKER_HALF_WIDTH;
        var style = { stroke: WHISKER, lineWidth: 1.2 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: cx, y1: low[1], x2: cx, y2: high[1] }, style: style },
            { type: 'line', shape: { x1: cx - half, y1: low[1], x2: cx + half, y2: low[1] }, style: style },
            { type: 'line', shape: { x1: cx - half, y1: high[1], x2: cx + half, y2: high[1] }, style: style }
          ]
        };
      }
    };
  }

  function bar(point, call, colour) {
    return {
      value: point ? point.median : null,
      itemStyle: { color: colour, opacity: call === 'not-judged' ? NOT_JUDGED_OPACITY : 1 }
    };
  }

  function option(variant, metric) {
    var tooltip = function (items) {
      var i = items[0].dataIndex;
      var a = metric.a[i];
      var b = metric.b[i];
      var range = function (p) {
        return p && p.n > 1 ? ' [' + format(p.min, metric.decimals) + '–' + format(p.max, metric.decimals) + ']'
            : p ? ' [1 repeat]' : '';
      };
      return '<b>' + escape(variant.name + ' ' + variant.steps[i]) + '</b><br>'
          + escape(data.a + ': ' + format(a && a.median, metric.decimals) + range(a) + ' ' + metric.unit) + '<br>'
          + escape(data.b + ': ' + format(b && b.median, metric.decimals) + range(b) + ' ' + metric.unit) + '<br>'
          + escape('Δ ' + metric.deltas[i]);
    };
    return {
      animation: false,
      title: { text: variant.name + ': ' + metric.label + ' (' + metric.unit + ')', left: 'center',
        textStyle: { fontSize: 14 } },
      legend: { top: 24, data: [data.a, data.b] },
      grid: { left: 70, right: 20, top: 60, bottom: 40 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip },
      xAxis: { type: 'category', data: variant.steps },
      yAxis: { type: 'value', name: metric.unit, min: 0 },
      series: [
        { type: 'bar', name: data.a, barGap: (BAR_GAP * 100) + '%', barCategoryGap: (CATEGORY_GAP * 100) + '%',
          itemStyle: { color: COLOUR_A },
          data: metric.a.map(function (p, i) { return bar(p, metric.calls[i], COLOUR_A); }) },
        { type: 'bar', name: data.b, itemStyle: { color: COLOUR_B },
          data: metric.b.map(function (p, i) {
            return bar(p, metric.calls[i], CALL_COLOURS[metric.calls[i]] || COLOUR_B);
          }) },
        whiskers(metric.a, 0),
        whiskers(metric.b, 1)
      ]
    };
  }

  data.variants.forEach(function (variant) {
    var element = document.getElementById(variant.id);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    var buttons = document.querySelector('.metric-switch[data-chart="' + variant.id + '"]');
    function show(index) {
      chart.setOption(option(variant, variant.metrics[index]), true);
      Array.prototype.forEach.call(buttons.children, function (b, i) {
        b.classList.toggle('active', i === index);
      });
    }
    variant.metrics.forEach(function (metric, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = metric.label;
      button.addEventListener('click', function () { show(index); });
      buttons.appendChild(button);
    });
    show(0);
    window.addEventListener('resize', function () { chart.resize(); });
    rendered++;
  });
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
