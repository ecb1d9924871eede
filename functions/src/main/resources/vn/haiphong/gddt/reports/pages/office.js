/*
 * The Office's dashboard (GET /office): who has sent which periodic report.
 *
 * The office token is typed once into the login form and kept in sessionStorage only (this tab,
 * until it closes or "Đăng xuất"); it travels in the Authorization header and never in a URL.
 * Everything is drawn here from GET /v1/status: the summary cards, the chart (our own SVG) and the
 * matrix of units × obligations, and the plan's tasks with their lead units. No library, no CDN, no inline script or style (the page's CSP).
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'hp-reports.office-token';

  /* Colours only: the words of every state come from the status document (states, stateText). */
  var STATE_CLASS = {
    ON_TIME: 's-on-time', LATE: 's-late', MISSING: 's-missing', OPEN: 's-open', NOT_OPEN: 's-not-open', EXEMPT: 's-exempt'
  };
  var STATES = [];            // the status document's states: [{state, text, meaning}], in the legend's order
  var STATE = {};             // state id → its words

  /** The plan's order of unit categories (the status document's order). */
  var CATEGORIES = [
    ['PHONG_SO', 'Các phòng chuyên môn nghiệp vụ Sở'],
    ['PHONG_GDDT', 'Phòng GDĐT quận, huyện, thành phố'],
    ['THPT', 'Trường THPT'],
    ['PT_NHIEU_CAP', 'Trường phổ thông nhiều cấp học'],
    ['GDNN_GDTX', 'Trung tâm GDNN-GDTX'],
    ['TRUC_THUOC', 'Đơn vị trực thuộc Sở']
  ];
  var CATEGORY_LABEL = {};
  var CATEGORY_RANK = {};
  CATEGORIES.forEach(function (c, i) { CATEGORY_LABEL[c[0]] = c[1]; CATEGORY_RANK[c[0]] = i; });

  var TOKEN_PROBLEMS = {
    'token-missing': 'Chưa có mã truy cập. Hãy nhập mã Văn phòng Sở đã cấp.',
    'token-invalid': 'Mã truy cập không đúng. Hãy kiểm tra lại mã Văn phòng Sở đã cấp.',
    'token-expired': 'Mã truy cập đã hết hạn. Đề nghị xin Văn phòng Sở cấp mã mới.',
    'token-revoked': 'Mã truy cập đã bị thu hồi. Đề nghị xin Văn phòng Sở cấp mã mới.',
    'wrong-token-kind': 'Mã này không dùng để xem tình hình nộp báo cáo (có thể là mã của một đơn vị). Hãy nhập mã của Văn phòng.'
  };

  var NUMBER = new Intl.NumberFormat('vi-VN');
  var ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

  var $ = function (id) { return document.getElementById(id); };
  /* Shared with the school's page (common.js): Vietnam time, sizes, the fold, the API call. */
  var C = window.hpPages;
  var fold = C.fold, vnParts = C.vnParts, fmtTime = C.timeText, fmtDeadline = C.deadlineText, deadlineDay = C.deadlineDay;
  var typedDay = C.typedDay, fmtSize = C.sizeFull, h = C.h, clear = C.clear;

  /** Replaces what an element shows with these nodes: data always goes in as text, never as markup. */
  function put(el, nodes) {
    clear(el);
    nodes.forEach(function (n) {
      if (n !== null && n !== undefined && n !== false) {
        el.appendChild(typeof n === 'string' ? document.createTextNode(n) : n);
      }
    });
    return el;
  }

  var ui = {};
  var model = null;           // what the last status document says, prepared for drawing
  var loadSeq = 0;            // only the newest request draws
  var dialogCtx = null;       // {unit, obligation, trigger, flash}
  var visibleRows = [];       // the matrix rows shown now, in order
  var activeCell = null;      // the one cell in the tab order (roving tabindex)
  var exemptOpen = false;     // the units that owe nothing in the columns shown: folded behind one line unless opened
  var chartWidth = 0;

  window.officeDashboard = { loads: 0, renderMs: null };

  // ---------------------------------------------------------------- helpers

  function fmtPercent(rate) {
    return ONE_DECIMAL.format((rate || 0) * 100) + ' %';
  }

  /** The server's words for a period, first letter raised where it starts a label. */
  function periodLabel(ob) {
    var text = ob.periodText || ob.period;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function obligationName(ob) {
    if (ob.task) {
      return 'Nhiệm vụ ' + ob.task.number + ' · ' + ob.task.timeFrame;
    }
    return ob.report + ' · ' + periodLabel(ob);
  }

  function categoryLabel(id) {
    return CATEGORY_LABEL[id] || id;
  }

  /** Path segments of our own ids: letters, digits, '-', '_' and ':' travel as they are. */
  function seg(id) {
    return encodeURIComponent(id).replace(/%3A/gi, ':');
  }

  function announce(text) {
    ui.announce.textContent = '';
    window.setTimeout(function () { ui.announce.textContent = text; }, 30);
  }

  // ---------------------------------------------------------------- the API

  function ApiError(code, detail, status) {
    this.code = code;
    this.detail = detail;
    this.status = status;
  }

  function getToken() {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  function setToken(token) {
    try {
      if (token) {
        window.sessionStorage.setItem(TOKEN_KEY, token);
      } else {
        window.sessionStorage.removeItem(TOKEN_KEY);
      }
    } catch (e) {
      // Storage refused (private mode): the token then lives until the page is left.
    }
    memoryToken = token;
  }

  var memoryToken = null;

  /** Every call carries the token in the Authorization header; relative paths, so a base path works. */
  function api(path, options) {
    options = options || {};
    var token = getToken() || memoryToken;
    if (!token) {
      return Promise.reject(new ApiError('token-missing', TOKEN_PROBLEMS['token-missing'], 401));
    }
    return C.request(path, token, options).catch(function (refused) {
      if (refused.status === 0) {
        throw new ApiError('network', 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.', 0);
      }
      throw new ApiError(refused.code || 'http-' + refused.status,
        refused.detail || 'Máy chủ trả lỗi ' + refused.status + '. Xin thử lại sau.', refused.status);
    });
  }

  function isTokenProblem(error) {
    return error && Object.prototype.hasOwnProperty.call(TOKEN_PROBLEMS, error.code);
  }

  // ---------------------------------------------------------------- login

  function showLogin(message) {
    closeDialog(false);
    ui.app.hidden = true;
    ui.logout.hidden = true;
    ui.login.hidden = false;
    ui.loginError.textContent = message || '';
    ui.token.value = '';
    ui.token.setAttribute('aria-invalid', message ? 'true' : 'false');
    ui.token.focus();
  }

  function showApp() {
    ui.login.hidden = true;
    ui.app.hidden = false;
    ui.logout.hidden = false;
  }

  function onLogin(event) {
    event.preventDefault();
    var token = ui.token.value.replace(/\s+/g, '');
    if (!token) {
      ui.loginError.textContent = 'Hãy nhập mã truy cập.';
      ui.token.setAttribute('aria-invalid', 'true');
      ui.token.focus();
      return;
    }
    ui.token.value = '';
    setToken(token);
    showApp();
    load(null).then(function (ok) {
      if (ok) {
        ui.main.focus({ preventScroll: true });
      }
    });
  }

  function logout() {
    setToken(null);
    model = null;
    ui.matrix.textContent = '';
    ui.cards.textContent = '';
    ui.chart.textContent = '';
    showLogin('');
    announce('Đã đăng xuất.');
  }

  // ---------------------------------------------------------------- loading

  function statusQuery(year, extra) {
    var query = [];
    if (year) {
      query.push('year=' + encodeURIComponent(year));
    }
    Object.keys(extra || {}).forEach(function (k) {
      if (extra[k]) {
        query.push(encodeURIComponent(k) + '=' + encodeURIComponent(extra[k]));
      }
    });
    return 'v1/status' + (query.length ? '?' + query.join('&') : '');
  }

  /** Fetches the status of a year (null: the server's current year) and draws everything. */
  function load(year) {
    var seq = ++loadSeq;
    ui.app.setAttribute('aria-busy', 'true');
    ui.reload.disabled = true;
    if (!model) {
      ui.matrixCount.textContent = 'Đang tải số liệu…';
    }
    return api(statusQuery(year)).then(function (response) {
      var received = performance.now();
      return response.json().then(function (doc) {
        if (seq !== loadSeq) {
          return false;
        }
        ui.loadError.hidden = true;
        ui.goLiveNote.textContent = doc.note || '';
        ui.goLiveNote.hidden = !doc.note;
        useStates(doc.states);
        model = prepare(doc);
        fillFilters();
        renderAll();
        renderTasks();
        if (dialogCtx) {
          renderDialog();
        }
        window.requestAnimationFrame(function () {
          window.setTimeout(function () {
            var ms = performance.now() - received;
            window.renderMs = ms;
            window.officeDashboard.renderMs = ms;
            window.officeDashboard.loads++;
            ui.app.setAttribute('data-loads', String(window.officeDashboard.loads));
          }, 0);
        });
        return true;
      });
    }).catch(function (error) {
      if (seq !== loadSeq) {
        return false;
      }
      if (isTokenProblem(error)) {
        setToken(null);
        showLogin(TOKEN_PROBLEMS[error.code]);
      } else {
        ui.loadError.textContent = 'Không tải được số liệu: ' + (error.detail || error.message || error);
        ui.loadError.hidden = false;
        if (!model) {
          ui.matrixCount.textContent = '';
        }
      }
      return false;
    }).then(function (ok) {
      if (seq === loadSeq) {
        ui.app.removeAttribute('aria-busy');
        ui.reload.disabled = false;
      }
      return ok;
    });
  }

  /** Units in the status's order (category, then Vietnamese name), each with its cell per obligation. */
  function prepare(doc) {
    var obligations = doc.obligations || [];
    var order = [];
    var byId = new Map();
    obligations.forEach(function (ob) {
      var previous = -1;
      ob.units.forEach(function (row) {
        var unit = byId.get(row.unit);
        if (!unit) {
          unit = unitOf(row);
          byId.set(row.unit, unit);
          // A unit that only a later obligation lists goes after its predecessor there.
          order.splice(previous + 1, 0, unit);
          if (previous + 1 < order.length - 1) {
            order.forEach(function (u, i) { u.index = i; });
          } else {
            unit.index = previous + 1;
          }
        }
        unit.cells[ob.obligation] = row;
        previous = unit.index;
      });
    });
    // The plan's tasks: their lead units get a cell each, for the dialog; the matrix rows stay the reports'.
    var tasks = doc.tasks || [];
    tasks.forEach(function (ob) {
      ob.units.forEach(function (row) {
        if (!byId.has(row.unit)) {
          byId.set(row.unit, unitOf(row));
        }
        byId.get(row.unit).cells[ob.obligation] = row;
      });
    });
    order.sort(function (a, b) {
      return (rank(a.category) - rank(b.category)) || (a.index - b.index);
    });
    var year = null;
    if (obligations.length) {
      year = obligations[0].period.slice(0, 4);
    } else if (doc.asOf) {
      year = String(vnParts(doc.asOf).y);
    }
    return { doc: doc, obligations: obligations, tasks: tasks, units: order, byId: byId, year: year };
  }

  /** A unit as its first row in the status names it; its cells are filled in per obligation. */
  function unitOf(row) {
    return {
      id: row.unit, name: row.name, category: row.category,
      key: fold(row.name) + ' ' + row.unit, cells: {},
      emails: row.emails || [], contactable: row.contactable, undeliverable: row.undeliverable || []
    };
  }

  function rank(category) {
    return Object.prototype.hasOwnProperty.call(CATEGORY_RANK, category) ? CATEGORY_RANK[category] : 99;
  }

  function uniq(values) {
    var seen = new Set();
    return values.filter(function (v) {
      if (seen.has(v)) {
        return false;
      }
      seen.add(v);
      return true;
    });
  }

  function setOptions(select, options, keepAll) {
    var current = select.value;
    put(select, (keepAll ? [['', 'Tất cả']] : []).concat(options).map(function (o) {
      return h('option', { value: o[0], text: o[1] });
    }));
    if (options.some(function (o) { return o[0] === current; })) {
      select.value = current;
    } else if (keepAll) {
      select.value = '';
    }
  }

  function fillFilters() {
    var nowYear = vnParts(model.doc.asOf || model.doc.generatedAt).y;
    var years = [];
    // No year before the system started collecting: nobody owed it anything.
    var firstYear = model.doc.goLive ? Math.min(nowYear, Number(model.doc.goLive.slice(0, 4))) : nowYear - 3;
    for (var y = nowYear; y >= Math.max(firstYear, nowYear - 3); y--) {
      years.push([String(y), String(y)]);
    }
    if (model.year && !years.some(function (o) { return o[0] === model.year; })) {
      years.push([model.year, model.year]);
    }
    setOptions(ui.fYear, years, false);
    ui.fYear.value = model.year || String(nowYear);
    var titles = {};
    model.obligations.forEach(function (ob) { titles[ob.report] = ob.report + ' — ' + ob.receiver; });
    setOptions(ui.fReport, uniq(model.obligations.map(function (ob) { return ob.report; }))
      .map(function (r) { return [r, titles[r]]; }), true);
    var periods = {};
    model.obligations.forEach(function (ob) { periods[ob.period] = periodLabel(ob); });
    setOptions(ui.fPeriod, uniq(model.obligations.map(function (ob) { return ob.period; }))
      .map(function (p) { return [p, periods[p]]; }), true);
    setOptions(ui.fCategory, uniq(model.units.map(function (u) { return u.category; }))
      .map(function (c) { return [c, categoryLabel(c)]; }), true);
    if (ui.fState.options.length <= 1) {
      setOptions(ui.fState, STATES.map(function (s) { return [s.state, s.text]; }), true);
    }
  }

  function filters() {
    return {
      report: ui.fReport.value, period: ui.fPeriod.value, category: ui.fCategory.value,
      state: ui.fState.value, search: fold(ui.fSearch.value)
    };
  }

  function columns() {
    var f = filters();
    return model.obligations.filter(function (ob) {
      return (!f.report || ob.report === f.report) && (!f.period || ob.period === f.period);
    });
  }

  // ---------------------------------------------------------------- drawing

  function renderAll() {
    var cols = columns();
    renderAsOf();
    renderCards(cols);
    renderChart(cols);
    renderMatrix(cols);
    applyRowFilters();
  }

  function renderAsOf() {
    var doc = model.doc;
    ui.asOf.textContent = 'Số liệu lúc ' + fmtTime(doc.generatedAt) + ' (giờ Việt Nam)'
      + (doc.asOf && doc.asOf !== doc.generatedAt ? ', tình trạng tại ' + fmtTime(doc.asOf) : '') + '.';
  }

  /* A card's counts: the field, the state whose words name it (none: "Phải nộp"), the colour. */
  var COUNTS = [
    ['expected', null, 'c-expected'],
    ['onTime', 'ON_TIME', 'c-on-time'],
    ['late', 'LATE', 'c-late'],
    ['missing', 'MISSING', 'c-missing'],
    ['notDue', 'OPEN', 'c-not-due'],
    ['exempt', 'EXEMPT', 'c-exempt']
  ];

  function renderCards(cols) {
    var category = ui.fCategory.value;
    if (!cols.length) {
      put(ui.cards, [h('p', { class: 'empty', text: 'Không có báo cáo nào trong năm và bộ lọc đang chọn.' })]);
      return;
    }
    put(ui.cards, cols.map(function (ob) {
      var s = category ? (ob.summary.byCategory || {})[category] : ob.summary;
      s = s || { expected: 0, onTime: 0, late: 0, missing: 0, notDue: 0, exempt: 0, completeness: 0, timeliness: 0 };
      var id = 'card-' + ob.obligation.replace(/[^A-Za-z0-9]/g, '-');
      var zip = zipJobs[ob.obligation];
      return h('article', { class: 'card', 'data-obligation': ob.obligation, 'aria-labelledby': id }, [
        h('h3', { id: id, text: obligationName(ob) }),
        h('p', { class: 'card-title', text: ob.title }),
        h('p', { class: 'card-meta', text: 'Hạn: ' + ob.dueText + ' · Nơi nhận: ' + ob.receiver
          + (category ? ' · Loại: ' + categoryLabel(category) : '') }),
        h('dl', { class: 'counts' }, COUNTS.map(function (c) {
          return h('div', { class: 'count ' + c[2] }, [
            h('dt', { text: c[1] ? STATE[c[1]] : 'Phải nộp' }),
            h('dd', { 'data-field': c[0], 'data-value': s[c[0]] || 0, text: NUMBER.format(s[c[0]] || 0) })
          ]);
        })),
        h('div', { class: 'rates' }, [
          rate('completeness', 'Tỷ lệ đã nộp', s.completeness, 'fill-complete'),
          rate('timeliness', 'Tỷ lệ nộp đúng hạn', s.timeliness, 'fill-timely')
        ]),
        h('div', { class: 'card-actions' }, [
          h('button', { type: 'button', class: 'button secondary zip', 'data-obligation': ob.obligation,
            disabled: !!(zip && zip.busy), text: 'Tải tất cả tệp (ZIP)' }),
          h('p', { class: 'zip-state', role: 'status', text: zip ? zip.text : '' })
        ])
      ]);
    }));
  }

  function rate(field, label, value, cls) {
    var fill = h('span', { class: 'bar-fill ' + cls, 'data-value': value || 0 });
    // The width through the CSSOM: the CSP forbids style attributes.
    fill.style.width = Math.max(0, Math.min(100, Number(value || 0) * 100)) + '%';
    return h('div', { class: 'rate' }, [
      h('span', { class: 'rate-label', text: label }),
      h('span', { class: 'rate-value', 'data-field': field, 'data-value': value || 0, text: fmtPercent(value) }),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, [fill])
    ]);
  }

  // The chart: completeness and timeliness per category over the obligations shown, our own SVG.

  var SVG = 'http://www.w3.org/2000/svg';

  function svg(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text != null) {
      el.textContent = text;
    }
    return el;
  }

  /** Splits a label into lines no wider than maxWidth, measured as the chart draws them. */
  function wrap(root, text, cls, maxWidth) {
    var probe = svg('text', { x: 0, y: 0, 'class': cls });
    root.appendChild(probe);
    var lines = [];
    var line = '';
    text.split(' ').forEach(function (word) {
      var attempt = line ? line + ' ' + word : word;
      probe.textContent = attempt;
      if (line && probe.getComputedTextLength() > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = attempt;
      }
    });
    if (line) {
      lines.push(line);
    }
    root.removeChild(probe);
    return lines;
  }

  function chartData(cols) {
    var category = ui.fCategory.value;
    var sums = {};
    cols.forEach(function (ob) {
      var by = ob.summary.byCategory || {};
      Object.keys(by).forEach(function (c) {
        if (category && c !== category) {
          return;
        }
        var s = sums[c] || (sums[c] = { category: c, expected: 0, onTime: 0, late: 0 });
        s.expected += by[c].expected || 0;
        s.onTime += by[c].onTime || 0;
        s.late += by[c].late || 0;
      });
    });
    return Object.keys(sums).map(function (c) { return sums[c]; })
      .filter(function (s) { return s.expected > 0; })
      .sort(function (a, b) { return rank(a.category) - rank(b.category); })
      .map(function (s) {
        s.completeness = (s.onTime + s.late) / s.expected;
        s.timeliness = s.onTime / s.expected;
        return s;
      });
  }

  function renderChart(cols) {
    var data = chartData(cols);
    ui.chartScope.textContent = cols.length
      ? 'Gộp các báo cáo đang hiển thị: ' + cols.map(obligationName).join('; ') + '. Tỷ lệ tính trên số đơn vị phải nộp.'
      : '';
    ui.chart.textContent = '';
    if (!data.length) {
      put(ui.chart, [h('p', { class: 'empty', text: 'Không có đơn vị nào phải nộp trong phạm vi đang chọn.' })]);
      ui.chartTable.textContent = '';
      return;
    }
    var width = Math.max(260, Math.floor(ui.chart.clientWidth || 600));
    chartWidth = width;
    // Wide: labels left of the bars; narrow (a phone): labels above them.
    var side = width >= 700;
    var labelW = side ? Math.min(320, Math.round(width * 0.28)) : 0;
    var valueW = side ? 130 : 112;
    var barX = labelW;
    var barMax = width - labelW - valueW - 8;
    var barH = 16;
    var lineH = 17;
    var top = 26;
    var root = svg('svg', {
      width: width, height: 10, role: 'img',
      'aria-labelledby': 'chart-svg-title chart-svg-desc', 'class': 'chart-svg'
    });
    // In the document first: the labels are measured to wrap them.
    ui.chart.appendChild(root);
    root.appendChild(svg('title', { id: 'chart-svg-title' }, 'Tỷ lệ đã nộp và tỷ lệ nộp đúng hạn theo loại đơn vị'));
    root.appendChild(svg('desc', { id: 'chart-svg-desc' }, data.map(function (d) {
      return categoryLabel(d.category) + ' (' + NUMBER.format(d.expected) + ' lượt phải nộp): đã nộp '
        + fmtPercent(d.completeness) + ', đúng hạn ' + fmtPercent(d.timeliness);
    }).join('; ') + '.'));
    var defs = svg('defs');
    var pattern = svg('pattern', { id: 'chart-stripes', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pattern.appendChild(svg('rect', { width: 8, height: 8, 'class': 'stripe-bg' }));
    pattern.appendChild(svg('rect', { width: 3, height: 8, 'class': 'stripe-fg' }));
    defs.appendChild(pattern);
    root.appendChild(defs);

    var bars = 2 * barH + 4;
    var y = top;
    var groups = data.map(function (d) {
      var lines = wrap(root, categoryLabel(d.category) + ' (' + NUMBER.format(d.expected) + ' lượt phải nộp)', 'cat',
        side ? labelW - 14 : width);
      var labelH = lines.length * lineH;
      var g = { d: d, lines: lines, y: y };
      if (side) {
        g.barsY = y + Math.max(0, (labelH - bars) / 2);
        g.labelY = y + Math.max(0, (bars - labelH) / 2) + 13;
        y += Math.max(labelH, bars) + 16;
      } else {
        g.labelY = y + 13;
        g.barsY = y + labelH + 4;
        y += labelH + 4 + bars + 16;
      }
      return g;
    });
    var height = y;
    root.setAttribute('height', height);
    root.setAttribute('viewBox', '0 0 ' + width + ' ' + height);

    (barMax >= 240 ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.5, 1]).forEach(function (t) {
      var x = barX + Math.round(t * barMax) + 0.5;
      root.appendChild(svg('line', { x1: x, x2: x, y1: top - 6, y2: height - 10, 'class': 'grid' }));
      root.appendChild(svg('text', { x: x, y: top - 10, 'class': 'tick', 'text-anchor': t === 0 ? 'start' : t === 1 ? 'end' : 'middle' },
        Math.round(t * 100) + ' %'));
    });
    groups.forEach(function (g) {
      var label = svg('text', { x: 0, y: g.labelY, 'class': 'cat' });
      g.lines.forEach(function (line, i) {
        label.appendChild(svg('tspan', { x: 0, dy: i === 0 ? 0 : lineH }, line));
      });
      root.appendChild(label);
      [['completeness', 'bar-complete', 'Đã nộp'], ['timeliness', 'bar-timely', 'Nộp đúng hạn']].forEach(function (b, k) {
        var by = g.barsY + k * (barH + 4);
        var w = Math.max(0, Math.round(g.d[b[0]] * barMax));
        root.appendChild(svg('rect', { x: barX, y: by, width: barMax, height: barH, 'class': 'track' }));
        if (w > 0) {
          root.appendChild(svg('rect', { x: barX, y: by, width: w, height: barH, 'class': b[1] }));
        }
        root.appendChild(svg('text', { x: barX + barMax + 8, y: by + barH - 3, 'class': 'val' }, b[2] + ' ' + fmtPercent(g.d[b[0]])));
      });
    });

    var heads = ['Loại đơn vị', 'Lượt phải nộp', STATE.ON_TIME, STATE.LATE, 'Tỷ lệ đã nộp', 'Tỷ lệ đúng hạn'];
    put(ui.chartTable, [h('table', { class: 'data' }, [
      h('caption', { class: 'visually-hidden', text: 'Số liệu biểu đồ' }),
      h('thead', null, [h('tr', null, heads.map(function (t) { return h('th', { scope: 'col', text: t }); }))]),
      h('tbody', null, data.map(function (d) {
        return h('tr', null, [h('th', { scope: 'row', text: categoryLabel(d.category) })].concat(
          [NUMBER.format(d.expected), NUMBER.format(d.onTime), NUMBER.format(d.late), fmtPercent(d.completeness),
            fmtPercent(d.timeliness)].map(function (t) { return h('td', { text: t }); })));
      }))
    ])]);
  }

  /** Takes the status document's words for the states and draws the legend from them. */
  function useStates(states) {
    STATES = states || [];
    STATE = {};
    STATES.forEach(function (s) { STATE[s.state] = s.text; });
    put(ui.legend, STATES.map(function (s) {
      return h('li', null, [h('span', { class: 'chip ' + STATE_CLASS[s.state], text: s.text }), ' ',
        h('span', { class: 'legend-desc', text: s.meaning })]);
    }));
  }

  /** A row's state as a chip: its words from the server (a returned file's too), its colour from the state. */
  function chip(row) {
    return h('span', { class: 'chip ' + (STATE_CLASS[row.state] || ''), 'data-state': row.state, text: row.stateText || row.state });
  }

  /* What the inspection says of the latest file's digital signature, in the words the API gives (null: nothing to say). */
  function sealOf(row) {
    return row.latest && row.latest.inspection ? row.latest.inspection.seal : null;
  }

  /*
   * The seal in a cell speaks only of a signature that is there: ✓ for a valid one over the whole file,
   * ! in the warning colour for a broken one. An unsigned file is the common case in a grid of hundreds;
   * the summary counts them and the dialog says so.
   */
  function cellSeal(row) {
    var seal = sealOf(row);
    return seal && (seal.tone === 'SIGNED' || seal.tone === 'WARNING') ? seal : null;
  }

  function sealMark(row) {
    var seal = cellSeal(row);
    return seal ? h('span', { class: 'cell-seal seal-' + seal.tone, title: seal.text,
      text: seal.tone === 'SIGNED' ? '✓ ký số' : '! ký số' }) : null;
  }

  function cellLabel(unit, ob, row) {
    var text = unit.name + ', ' + obligationName(ob) + ': ' + row.stateText;
    if (row.extension) {
      text += ', gia hạn đến ' + fmtDeadline(row.extension.until);
    }
    if (cellSeal(row)) {
      text += ', ' + cellSeal(row).text;
    }
    return text;
  }

  function renderMatrix(cols) {
    var n = cols.length + 1;
    var parts = [
      h('caption', { class: 'visually-hidden', text: 'Tình trạng nộp từng báo cáo của từng đơn vị, năm ' + (model.year || '') }),
      h('thead', null, [h('tr', null, [h('th', { scope: 'col', class: 'unit-col', text: 'Đơn vị' })].concat(cols.map(function (ob) {
        return h('th', { scope: 'col', class: 'ob-col', 'data-obligation': ob.obligation }, [
          h('span', { class: 'ob-rep' }, [h('abbr', { title: ob.title, text: ob.report })]),
          h('span', { class: 'ob-per', text: periodLabel(ob) }),
          h('span', { class: 'ob-due', text: ob.dueText })
        ]);
      })))]),
      // Units that owe nothing in any column shown (the Sở's departments, say) wait behind one line.
      h('tbody', { class: 'exempt-group' }, [h('tr', { class: 'group exempt-line' }, [h('th', { scope: 'colgroup', colspan: n }, [
        h('span', { class: 'exempt-count' }),
        h('button', { type: 'button', class: 'linkish', id: 'exempt-toggle', 'aria-expanded': 'false' })
      ])])])
    ];
    var body = null;
    model.units.forEach(function (unit) {
      if (!body || body.getAttribute('data-category') !== unit.category) {
        body = h('tbody', { 'data-category': unit.category }, [h('tr', { class: 'group' }, [
          h('th', { scope: 'colgroup', colspan: n }, [categoryLabel(unit.category) + ' ', h('span', { class: 'group-count' })])])]);
        parts.push(body);
      }
      var owesNothing = cols.every(function (ob) {
        return !unit.cells[ob.obligation] || unit.cells[ob.obligation].state === 'EXEMPT';
      });
      body.appendChild(h('tr', { 'data-unit': unit.id, 'data-owes-nothing': owesNothing }, [
        h('th', { scope: 'row', class: 'unit' }, [h('span', { class: 'unit-name', text: unit.name }),
          unit.contactable === false ? h('span', { class: 'unit-warn', text: 'Không gửi được thư nhắc' }) : null])
      ].concat(cols.map(function (ob) {
        var cell = unit.cells[ob.obligation];
        if (!cell) {
          return h('td', null, [h('span', { class: 'cell na', tabindex: '-1', 'data-obligation': ob.obligation,
            'aria-label': unit.name + ', ' + obligationName(ob) + ': không có trong kỳ này', text: '—' })]);
        }
        return h('td', null, [h('button', { type: 'button', class: 'cell ' + (STATE_CLASS[cell.state] || ''), tabindex: '-1',
          'data-unit': unit.id, 'data-obligation': ob.obligation, 'data-state': cell.state, 'aria-label': cellLabel(unit, ob, cell) }, [
          h('span', { class: 'cell-label', text: cell.stateText }),
          cell.extension ? h('span', { class: 'cell-note', text: 'gia hạn' }) : null,
          sealMark(cell)
        ])]);
      }))));
    });
    put(ui.matrix, parts);
    activeCell = null;
  }

  /** Category, state and search hide rows; the cards, chart and columns stay. */
  function applyRowFilters() {
    if (!model) {
      return;
    }
    var f = filters();
    var cols = columns();
    var rows = ui.matrix.querySelectorAll('tr[data-unit]');
    var shown = 0;
    var owingNothing = 0;
    // A search or the EXEMPT state filter asks for these units: then they are not folded.
    var folded = !exemptOpen && !f.search && f.state !== 'EXEMPT';
    var perGroup = new Map();
    visibleRows = [];
    for (var i = 0; i < rows.length; i++) {
      var tr = rows[i];
      var unit = model.byId.get(tr.getAttribute('data-unit'));
      var match = (!f.category || unit.category === f.category)
        && (!f.search || unit.key.indexOf(f.search) >= 0)
        && (!f.state || cols.some(function (ob) {
          var c = unit.cells[ob.obligation];
          return c && c.state === f.state;
        }));
      if (match && tr.hasAttribute('data-owes-nothing')) {
        owingNothing++;
        match = !folded;
      }
      tr.hidden = !match;
      if (match) {
        shown++;
        visibleRows.push(tr);
        perGroup.set(tr.parentNode, (perGroup.get(tr.parentNode) || 0) + 1);
      }
    }
    ui.matrix.querySelectorAll('tbody[data-category]').forEach(function (tbody) {
      var count = perGroup.get(tbody) || 0;
      tbody.hidden = count === 0;
      var label = tbody.querySelector('.group-count');
      if (label) {
        label.textContent = '(' + NUMBER.format(count) + ' đơn vị)';
      }
    });
    var line = ui.matrix.querySelector('tbody.exempt-group');
    line.hidden = owingNothing === 0 || (!folded && !exemptOpen);
    line.querySelector('.exempt-count').textContent = NUMBER.format(owingNothing)
      + ' đơn vị không phải nộp báo cáo nào trong bảng' + (folded ? ' (đang thu gọn).' : '.');
    var toggle = line.querySelector('#exempt-toggle');
    toggle.textContent = folded ? 'Hiện các đơn vị này' : 'Thu gọn';
    toggle.setAttribute('aria-expanded', String(!folded));
    ui.matrixCount.textContent = 'Đang hiển thị ' + NUMBER.format(shown) + '/' + NUMBER.format(model.units.length) + ' đơn vị.';
    ui.matrixEmpty.hidden = shown > 0;
    if (!activeCell || !activeCell.isConnected || activeCell.closest('tr').hidden) {
      setActive(visibleRows.length ? visibleRows[0].querySelector('.cell') : null, false);
    }
  }

  // ---------------------------------------------------------------- the plan's tasks

  var SHORT_CONTENT = 140;

  /** The first words of a task's content, cut at a space: "Triển khai thực hiện … về sắp xếp…". */
  function shortContent(text) {
    if (text.length <= SHORT_CONTENT) {
      return text;
    }
    var cut = text.lastIndexOf(' ', SHORT_CONTENT);
    return text.slice(0, cut > 60 ? cut : SHORT_CONTENT).replace(/[\s,;:.]+$/, '') + '…';
  }

  /** One row per task, its lead units' states as the matrix shows them; the filters above do not apply. */
  function renderTasks() {
    // In the plan's order: task 1 first.
    var tasks = model.tasks.slice().sort(function (a, b) { return a.task.number - b.task.number; });
    ui.tasksEmpty.hidden = tasks.length > 0;
    ui.tasks.hidden = !tasks.length;
    ui.tasksCount.textContent = tasks.length ? NUMBER.format(tasks.length) + ' nhiệm vụ, năm ' + (model.year || '') + '.' : '';
    if (!tasks.length) {
      clear(ui.tasks);
      return;
    }
    var heads = ['Số TT', 'Nội dung', 'Chủ trì', 'Thời gian thực hiện', 'Hạn hoàn thành', 'Tình trạng của đơn vị chủ trì', 'Tổng'];
    put(ui.tasks, [
      h('caption', { class: 'visually-hidden',
        text: 'Nhiệm vụ của Kế hoạch năm ' + (model.year || '') + ' và tình trạng nộp kết quả của đơn vị chủ trì' }),
      h('thead', null, [h('tr', null, heads.map(function (t) { return h('th', { scope: 'col', text: t }); }))]),
      h('tbody', null, tasks.map(taskRow))
    ]);
  }

  function taskRow(ob) {
    var t = ob.task;
    var sum = ob.summary;
    var sent = sum.onTime + sum.late;
    var content = shortContent(t.content);
    var more = [];
    if (sum.late) {
      more.push(NUMBER.format(sum.late) + ' muộn');
    }
    if (sum.missing) {
      more.push(NUMBER.format(sum.missing) + ' quá hạn chưa nộp');
    }
    return h('tr', { 'data-obligation': ob.obligation }, [
      h('th', { scope: 'row', class: 'task-no', text: String(t.number) }),
      h('td', { class: 'task-content' }, [content === t.content ? t.content : h('details', null, [
        h('summary', null, [h('span', { class: 'short', text: content }), ' ', h('span', { class: 'more', text: 'Xem đầy đủ' }),
          h('span', { class: 'less', text: 'Thu gọn' })]),
        h('p', { text: t.content })])]),
      h('td', { class: 'task-lead', text: t.lead }),
      h('td', { class: 'task-frame', text: t.timeFrame }),
      h('td', { class: 'task-due', text: ob.dueText }),
      h('td', null, [h('ul', { class: 'task-units' }, ob.units.map(function (row) {
        return h('li', null, [h('button', { type: 'button', class: 'task-unit', 'data-unit': row.unit, 'data-obligation': ob.obligation,
          'data-state': row.state, 'aria-label': cellLabel({ name: row.name }, ob, row) }, [
          h('span', { class: 'task-unit-name', text: row.name }), ' ', chip(row),
          row.extension ? ' ' : null, row.extension ? h('span', { class: 'cell-note', text: 'gia hạn' }) : null])]);
      }))]),
      h('td', { class: 'task-total', 'data-sent': sent, 'data-expected': sum.expected }, [
        h('strong', { text: NUMBER.format(sent) + '/' + NUMBER.format(sum.expected) + ' đã nộp' }),
        more.length ? h('span', { class: 'hint', text: more.join(', ') }) : null])
    ]);
  }

  function onTasksClick(event) {
    var button = event.target.closest && event.target.closest('button.task-unit');
    if (button) {
      openDialog(button.getAttribute('data-unit'), button.getAttribute('data-obligation'));
    }
  }

  // ---------------------------------------------------------------- keyboard in the matrix

  function setActive(cell, focus) {
    if (activeCell && activeCell !== cell) {
      activeCell.tabIndex = -1;
    }
    activeCell = cell;
    if (cell) {
      cell.tabIndex = 0;
      if (focus) {
        cell.focus();
      }
    }
  }

  function onMatrixKey(event) {
    var cell = event.target.closest && event.target.closest('.cell');
    if (!cell || !visibleRows.length) {
      return;
    }
    var tr = cell.closest('tr');
    var cells = Array.prototype.slice.call(tr.querySelectorAll('.cell'));
    var col = cells.indexOf(cell);
    var rowIndex = visibleRows.indexOf(tr);
    var target = null;
    var pick = function (r, c) {
      var list = visibleRows[Math.max(0, Math.min(visibleRows.length - 1, r))].querySelectorAll('.cell');
      return list[Math.max(0, Math.min(list.length - 1, c))];
    };
    switch (event.key) {
      case 'ArrowRight': target = cells[Math.min(cells.length - 1, col + 1)]; break;
      case 'ArrowLeft': target = cells[Math.max(0, col - 1)]; break;
      case 'ArrowDown': target = pick(rowIndex + 1, col); break;
      case 'ArrowUp': target = pick(rowIndex - 1, col); break;
      case 'PageDown': target = pick(rowIndex + 10, col); break;
      case 'PageUp': target = pick(rowIndex - 10, col); break;
      case 'Home': target = event.ctrlKey ? pick(0, 0) : cells[0]; break;
      case 'End': target = event.ctrlKey ? pick(visibleRows.length - 1, cells.length - 1) : cells[cells.length - 1]; break;
      default: return;
    }
    event.preventDefault();
    if (target) {
      setActive(target, true);
    }
  }

  function onMatrixClick(event) {
    if (event.target.id === 'exempt-toggle') {
      exemptOpen = !exemptOpen;
      applyRowFilters();
      return;
    }
    var cell = event.target.closest && event.target.closest('button.cell');
    if (!cell) {
      return;
    }
    setActive(cell, false);
    openDialog(cell.getAttribute('data-unit'), cell.getAttribute('data-obligation'));
  }

  // ---------------------------------------------------------------- the unit's dialog

  function obligationOf(id) {
    var all = model.obligations.concat(model.tasks);
    for (var i = 0; i < all.length; i++) {
      if (all[i].obligation === id) {
        return all[i];
      }
    }
    return null;
  }

  function openDialog(unitId, obligationId) {
    dialogCtx = { unit: unitId, obligation: obligationId, flash: null };
    renderDialog();
    if (!ui.dialog.open) {
      ui.dialog.showModal();
    }
    ui.dialogTitle.focus();
  }

  function closeDialog(returnFocus) {
    if (ui.dialog.open) {
      ui.dialog.close();
    }
    var ctx = dialogCtx;
    dialogCtx = null;
    if (returnFocus && ctx) {
      var which = '[data-unit="' + cssEsc(ctx.unit) + '"][data-obligation="' + cssEsc(ctx.obligation) + '"]';
      var cell = ui.matrix.querySelector('button.cell' + which);
      var taskButton = ui.tasks.querySelector('button.task-unit' + which);
      if (cell) {
        setActive(cell, true);
      } else if (taskButton) {
        taskButton.focus();
      }
    }
  }

  function cssEsc(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
  }

  /** The unit's addresses, and whether reminders reach it ("thư gửi không tới": SES could not deliver). */
  function contact(unit) {
    var emails = unit.emails || [];
    var bad = unit.undeliverable || [];
    var nodes = [];
    if (emails.length) {
      var line = h('p', { class: 'contact' }, ['Địa chỉ thư của đơn vị: ']);
      emails.forEach(function (a, i) {
        line.appendChild(h('a', { href: 'mailto:' + a, text: a }));
        if (i < emails.length - 1) line.appendChild(document.createTextNode(', '));
      });
      nodes.push(line);
    }
    var list = bad.length ? h('ul', { class: 'addresses' }, bad.map(function (a) { return h('li', { text: a }); })) : null;
    if (unit.contactable && !bad.length) {
      nodes.push(h('p', { class: 'contact ok', text: 'Gửi được thư nhắc: chưa có thư nào gửi không tới địa chỉ của đơn vị.' }));
    } else if (unit.contactable) {
      nodes.push(h('p', { class: 'contact warn', text: 'Gửi được thư nhắc qua ít nhất một địa chỉ. Thư gửi không tới các địa chỉ sau'
        + ' (hoặc bị báo là thư rác), hệ thống không gửi đến nữa:' }), list);
    } else if (bad.length) {
      nodes.push(h('p', { class: 'contact bad', text: 'Không gửi được thư nhắc: thư gửi không tới mọi địa chỉ của đơn vị'
        + ' (hoặc bị báo là thư rác).' }), list,
        h('p', { class: 'hint', text: 'Đề nghị liên hệ đơn vị qua điện thoại và cập nhật địa chỉ thư trong danh sách đơn vị.' }));
    } else {
      nodes.push(h('p', { class: 'contact bad', text: 'Không gửi được thư nhắc: đơn vị chưa có địa chỉ thư điện tử trong danh sách.' }));
    }
    return nodes;
  }

  /** A definition list from [term, description] pairs; a description may be text or a node. */
  function facts(pairs) {
    var dl = h('dl', { class: 'facts' });
    pairs.forEach(function (p) {
      if (p) {
        dl.appendChild(h('dt', { text: p[0] }));
        dl.appendChild(typeof p[1] === 'string' ? h('dd', { text: p[1] }) : h('dd', null, [p[1]]));
      }
    });
    return dl;
  }

  function downloadButton(cls, submissionId, fileName, text, extra) {
    var props = { type: 'button', class: cls, 'data-download': submissionId, 'data-file-name': fileName, text: text };
    Object.keys(extra || {}).forEach(function (k) { props[k] = extra[k]; });
    return h('button', props);
  }

  function renderDialog() {
    var unit = model && model.byId.get(dialogCtx.unit);
    var ob = model && obligationOf(dialogCtx.obligation);
    if (!unit || !ob || !unit.cells[ob.obligation]) {
      closeDialog(false);
      return;
    }
    var row = unit.cells[ob.obligation];
    ui.dialogTitle.textContent = unit.name;
    var nodes = [h('p', { class: 'd-sub' }, [categoryLabel(unit.category) + ' · mã đơn vị: ', h('code', { text: unit.id })])];
    if (dialogCtx.flash) {
      nodes.push(h('p', { id: 'd-flash', class: 'banner ok', role: 'status', tabindex: '-1', text: dialogCtx.flash }));
    }
    nodes.push(fileSection(ob, row), extensionSection(row),
      h('section', { class: 'd-sec', 'aria-labelledby': 'd-contact' }, [h('h3', { id: 'd-contact', text: 'Liên lạc' })]
        .concat(contact(unit))));
    var others = model.obligations.concat(model.tasks).filter(function (o) { return unit.cells[o.obligation]; });
    if (others.length > 1) {
      nodes.push(yearSection(unit, ob, others));
    }
    put(ui.dialogBody, nodes);
  }

  /** The obligation's state, its files (the latest, a returned or a refused one) and the return form. */
  function fileSection(ob, row) {
    var submitted = row.submittedAt ? fmtTime(row.submittedAt, true) : 'chưa có';
    // "Nộp lần đầu" is the unit's first file even after a return; the file that now counts is "Nộp lại".
    var sec = h('section', { class: 'd-sec', 'aria-labelledby': 'd-ob' }, [
      h('h3', { id: 'd-ob', text: obligationName(ob) }),
      h('p', { class: 'hint', text: ob.title + ' · Nơi nhận: ' + ob.receiver }),
      facts([
        ['Trạng thái', chip(row)],
        ob.task ? ['Chủ trì', ob.task.lead] : null,
        ob.task ? ['Phối hợp', ob.task.coordinating] : null,
        ['Hạn theo kế hoạch', ob.dueText],
        row.extension ? ['Hạn của đơn vị', fmtDeadline(row.dueForUnit) + ' (đã gia hạn)'] : null,
        ['Nộp lần đầu', row.returned ? fmtTime(row.returned.receivedAt, true) + ' (tệp đã bị trả lại)' : submitted],
        row.returned ? ['Nộp lại', submitted] : null,
        ['Số tệp hợp lệ đã nhận', NUMBER.format(row.submissions || 0)]
      ])
    ]);
    if (row.returned) {
      sec.appendChild(h('div', { class: 'returned-now' }, [
        h('p', null, ['Sở đã trả lại tệp ', h('strong', { text: row.returned.fileName }), ' lúc ' + fmtTime(row.returned.returnedAt)
          + '. Lý do: ' + row.returned.reason + '. Người trả lại: ' + (row.returned.returnedByName || row.returned.returnedBy) + '.'
          + (row.latest ? '' : ' Đơn vị chưa nộp lại.')]),
        downloadButton('button secondary', row.returned.submissionId, row.returned.fileName, 'Tải tệp đã trả lại')
      ]));
    }
    if (row.refused) {
      // The unit's newest file did not count: say why, and offer its bytes only as an opaque .bin,
      // never as the report it claimed to be.
      sec.appendChild(h('h4', { text: 'Tệp gửi gần nhất' }));
      sec.appendChild(h('div', { class: 'file refused' }, [
        h('p', { class: 'file-name', text: row.refused.fileName }),
        h('p', { class: 'file-meta', text: 'nhận lúc ' + fmtTime(row.refused.receivedAt, true) }),
        h('p', { class: 'refusal', text: 'Tệp bị từ chối: ' + row.refused.reason }),
        downloadButton('button secondary', row.refused.submissionId, row.refused.fileName + '.bin', 'Tải tệp bị từ chối (.bin)',
          { 'data-quarantined': 'true' })
      ]));
    }
    if (row.latest) {
      var seal = sealOf(row);
      sec.appendChild(h('h4', { text: 'Tệp mới nhất' }));
      sec.appendChild(h('div', { class: 'file' }, [
        h('p', { class: 'file-name', text: row.latest.fileName }),
        h('p', { class: 'file-meta', text: fmtSize(row.latest.size) + ' · nhận lúc ' + fmtTime(row.latest.receivedAt, true) }),
        seal ? h('p', { class: 'seal seal-' + seal.tone, text: seal.text }) : null,
        downloadButton('button', row.latest.submissionId, row.latest.fileName, 'Tải tệp về')
      ]));
      sec.appendChild(h('form', { id: 'd-return-form', class: 'ext-form return-form', action: '#', novalidate: true,
        'data-submission': row.latest.submissionId }, [
        h('div', { class: 'field grow' }, [
          h('label', { for: 'd-return-reason', text: 'Lý do trả lại (đơn vị nhận qua thư và phải nộp lại)' }),
          h('textarea', { id: 'd-return-reason', rows: '2', maxlength: '1000', required: true })]),
        h('p', { id: 'd-return-confirm', class: 'banner warn', hidden: true }, [
          'Tệp sẽ không còn được tính là đã nộp; đơn vị nhận thư nêu lý do và phải nộp lại. ',
          h('button', { type: 'button', id: 'd-return-cancel', class: 'button secondary', text: 'Không trả lại' })]),
        h('button', { type: 'submit', class: 'button danger', text: 'Trả lại tệp này' })
      ]));
      sec.appendChild(h('p', { id: 'd-return-error', class: 'error', role: 'alert' }));
    } else {
      sec.appendChild(h('p', { text: 'Đơn vị chưa nộp tệp hợp lệ nào cho báo cáo này.' }));
    }
    sec.appendChild(h('p', { id: 'd-download-error', class: 'error', role: 'alert' }));
    return sec;
  }

  /** The extension in force, if any, and the form that grants or changes one (dd/mm/yyyy, whatever the locale). */
  function extensionSection(row) {
    var sec = h('section', { class: 'd-sec', 'aria-labelledby': 'd-ext' }, [h('h3', { id: 'd-ext', text: 'Gia hạn' })]);
    if (row.state === 'EXEMPT') {
      sec.appendChild(h('p', { text: 'Đơn vị không phải nộp báo cáo này nên không cần gia hạn.' }));
    } else {
      if (row.extension) {
        sec.appendChild(h('p', { class: 'ext-now' }, ['Đang gia hạn đến ', h('strong', { text: fmtDeadline(row.extension.until) }),
          '. Lý do: ' + row.extension.reason + '. Người cấp: ' + (row.extension.grantedByName || row.extension.grantedBy)
          + ', lúc ' + fmtTime(row.extension.grantedAt) + '.']));
        sec.appendChild(h('button', { type: 'button', id: 'd-revoke', class: 'button danger', text: 'Thu hồi gia hạn' }));
      } else {
        sec.appendChild(h('p', { text: 'Đơn vị chưa được gia hạn báo cáo này.' }));
      }
      sec.appendChild(h('form', { id: 'd-ext-form', class: 'ext-form', action: '#', novalidate: true }, [
        h('div', { class: 'field' }, [
          h('label', { for: 'd-until', text: row.extension ? 'Đổi hạn thành hết ngày' : 'Gia hạn đến hết ngày' }),
          h('input', { id: 'd-until', type: 'text', inputmode: 'numeric', autocomplete: 'off',
            placeholder: 'ngày/tháng/năm, ví dụ 20/06/2025', 'aria-describedby': 'd-until-hint', required: true,
            value: row.extension ? deadlineDay(row.extension.until) : '' }),
          h('span', { id: 'd-until-hint', class: 'hint', text: 'Viết ngày/tháng/năm, ví dụ 20/06/2025.' })]),
        h('div', { class: 'field grow' }, [
          h('label', { for: 'd-reason', text: 'Lý do gia hạn' }),
          h('textarea', { id: 'd-reason', rows: '2', maxlength: '500', required: true })]),
        h('button', { type: 'submit', class: 'button', text: row.extension ? 'Đổi hạn' : 'Gia hạn' })
      ]));
    }
    sec.appendChild(h('p', { id: 'd-ext-error', class: 'error', role: 'alert' }));
    return sec;
  }

  /** The unit's other reports and tasks this year, each a click away. */
  function yearSection(unit, ob, others) {
    return h('section', { class: 'd-sec', 'aria-labelledby': 'd-year' }, [
      h('h3', { id: 'd-year', text: 'Các báo cáo và nhiệm vụ trong năm của đơn vị' }),
      h('div', { class: 'table-wrap' }, [h('table', { class: 'data' }, [
        h('thead', null, [h('tr', null, ['Báo cáo', 'Trạng thái', 'Tệp mới nhất'].map(function (t) {
          return h('th', { scope: 'col', text: t });
        }))]),
        h('tbody', null, others.map(function (o) {
          var r = unit.cells[o.obligation];
          var name = o.obligation === ob.obligation
            ? [h('strong', { text: obligationName(o) }), ' ', h('span', { class: 'hint', text: '(đang xem)' })]
            : [h('button', { type: 'button', class: 'linkish', 'data-switch': o.obligation, text: obligationName(o) })];
          return h('tr', null, [
            h('th', { scope: 'row' }, name),
            h('td', null, [chip(r)]),
            h('td', null, r.latest ? [r.latest.fileName + ' ', downloadButton('linkish', r.latest.submissionId, r.latest.fileName,
              'Tải về', { 'aria-label': 'Tải tệp ' + r.latest.fileName })] : ['—'])
          ]);
        }))
      ])])
    ]);
  }

  function onDialogClick(event) {
    var target = event.target;
    if (target === ui.dialog) {
      // A click on the backdrop.
      closeDialog(true);
      return;
    }
    var download = target.closest('[data-download]');
    if (download) {
      downloadFile(download);
      return;
    }
    var change = target.closest('[data-switch]');
    if (change) {
      dialogCtx = { unit: dialogCtx.unit, obligation: change.getAttribute('data-switch'), flash: null };
      renderDialog();
      ui.dialogTitle.focus();
      return;
    }
    if (target.id === 'd-revoke') {
      revokeExtension(target);
    }
    if (target.id === 'd-return-cancel') {
      confirmReturn(false);
    }
  }

  function downloadFile(button) {
    var error = $('d-download-error');
    error.textContent = '';
    button.disabled = true;
    var name = button.getAttribute('data-file-name');
    var quarantined = button.hasAttribute('data-quarantined') ? '?quarantined=true' : '';
    api('v1/submissions/' + seg(button.getAttribute('data-download')) + '/file' + quarantined).then(function (response) {
      return response.json();
    }).then(function (link) {
      announce('Đang tải tệp ' + name + '.');
      // A presigned GET that answers "attachment": the browser saves the file and stays here.
      window.location.assign(link.url);
    }).catch(function (e) {
      if (isTokenProblem(e)) {
        setToken(null);
        showLogin(TOKEN_PROBLEMS[e.code]);
        return;
      }
      error.textContent = 'Không tải được tệp: ' + (e.detail || e.message || e);
    }).then(function () {
      window.setTimeout(function () { button.disabled = false; }, 1500);
    });
  }

  function mutateExtension(method, body, button, success) {
    var ctx = dialogCtx;
    return mutate('v1/extensions/' + seg(ctx.obligation) + '/' + seg(ctx.unit), method, body, button, 'd-ext-error', success);
  }

  /** A change from the dialog: on success the status is fetched again (cell, cards and chart), the dialog says so. */
  function mutate(path, method, body, button, errorId, success) {
    var ctx = dialogCtx;
    var error = $(errorId);
    error.textContent = '';
    button.disabled = true;
    return api(path, { method: method, json: body })
      .then(function () {
        ctx.flash = success;
        return load(model.year);
      }).then(function () {
        if (dialogCtx === ctx) {
          renderDialog();
          var flash = $('d-flash');
          if (flash) {
            flash.focus();
          }
        }
      }).catch(function (e) {
        if (isTokenProblem(e)) {
          setToken(null);
          showLogin(TOKEN_PROBLEMS[e.code]);
          return;
        }
        error.textContent = e.detail || e.message || String(e);
        button.disabled = false;
      });
  }

  function onDialogSubmit(event) {
    if (event.target.id === 'd-return-form') {
      event.preventDefault();
      returnFile(event.target);
      return;
    }
    if (event.target.id !== 'd-ext-form') {
      return;
    }
    event.preventDefault();
    var until = typedDay($('d-until').value);
    var reason = $('d-reason').value.trim();
    if (!until) {
      $('d-ext-error').textContent = $('d-until').value.trim()
        ? 'Ngày gia hạn chưa đúng: hãy viết ngày/tháng/năm, ví dụ 20/06/2025.' : 'Hãy ghi ngày gia hạn (ngày/tháng/năm).';
      $('d-until').focus();
      return;
    }
    var day = until.split('-');
    mutateExtension('PUT', { until: until, reason: reason }, event.target.querySelector('button[type="submit"]'),
      'Đã gia hạn đến hết ngày ' + Number(day[2]) + '/' + Number(day[1]) + '/' + day[0] + '.');
  }

  function returnFile(form) {
    var reason = $('d-return-reason').value.trim();
    $('d-return-error').textContent = '';
    if (!reason) {
      $('d-return-error').textContent = 'Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.';
      $('d-return-reason').focus();
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    // The first press says what a return does; only the second sends it.
    if ($('d-return-confirm').hidden) {
      confirmReturn(true);
      return;
    }
    var name = form.parentNode.querySelector('.file-name').textContent;
    mutate('v1/submissions/' + seg(form.getAttribute('data-submission')) + '/return', 'POST', { reason: reason },
      button, 'd-return-error', 'Đã trả lại tệp ' + name + '; đơn vị được đề nghị nộp lại qua thư.');
  }

  function confirmReturn(asking) {
    $('d-return-confirm').hidden = !asking;
    var button = $('d-return-form').querySelector('button[type="submit"]');
    button.textContent = asking ? 'Xác nhận trả lại' : 'Trả lại tệp này';
    (asking ? button : $('d-return-reason')).focus();
  }

  function revokeExtension(button) {
    mutateExtension('DELETE', undefined, button, 'Đã thu hồi gia hạn; đơn vị trở lại hạn theo kế hoạch.');
  }

  // ---------------------------------------------------------------- exports

  function exportStatus(format, button) {
    if (!model) {
      return;
    }
    var f = filters();
    var extra = { report: f.report, period: f.period, category: f.category, format: format };
    var name = ['trang-thai-bao-cao', model.year, f.report, f.period && f.period.slice(5), f.category && f.category.toLowerCase().replace(/_/g, '-')]
      .filter(Boolean).join('-') + '.' + format;
    button.disabled = true;
    ui.loadError.hidden = true;
    api(statusQuery(model.year, extra)).then(function (response) {
      // The bytes as sent: the CSV keeps its byte order mark, so Excel reads Vietnamese.
      return response.blob();
    }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      announce('Đã tải tệp ' + name + '.');
    }).catch(function (e) {
      if (isTokenProblem(e)) {
        setToken(null);
        showLogin(TOKEN_PROBLEMS[e.code]);
        return;
      }
      ui.loadError.textContent = 'Không tải được tệp: ' + (e.detail || e.message || e);
      ui.loadError.hidden = false;
    }).then(function () {
      button.disabled = false;
    });
  }

  // ZIP of every unit's latest file of one obligation: POST starts it, GET follows it until READY.

  var zipJobs = {};
  var ZIP_POLL_MS = 1500;

  function zipProgress(obligation, text, busy) {
    zipJobs[obligation] = { text: text, busy: busy };
    ui.cards.querySelectorAll('.card').forEach(function (card) {
      if (card.getAttribute('data-obligation') === obligation) {
        card.querySelector('.zip-state').textContent = text;
        card.querySelector('button.zip').disabled = busy;
      }
    });
  }

  function onCardsClick(e) {
    var button = e.target.closest && e.target.closest('button.zip');
    if (button && !button.disabled) {
      startZip(button.getAttribute('data-obligation'));
    }
  }

  function startZip(obligation) {
    var started = Date.now();
    zipProgress(obligation, 'Đang gửi yêu cầu tạo tệp ZIP…', true);
    api('/v1/exports/' + encodeURIComponent(obligation), { method: 'POST' }).then(function (response) {
      return response.json();
    }).then(function (job) {
      return followZip(obligation, job.exportId, started);
    }).then(function (url) {
      zipProgress(obligation, 'Tệp ZIP đã sẵn sàng; trình duyệt đang tải về. Liên kết dùng được trong 5 phút.', false);
      announce('Đang tải tệp ZIP của ' + obligation + '.');
      // A presigned link naming its file as an attachment: the browser downloads it and stays here.
      window.location.assign(url);
    }).catch(function (e) {
      if (isTokenProblem(e)) {
        zipProgress(obligation, '', false);
        setToken(null);
        showLogin(TOKEN_PROBLEMS[e.code]);
        return;
      }
      zipProgress(obligation, e.detail || String(e), false);
    });
  }

  function followZip(obligation, exportId, started) {
    return api('/v1/exports/' + encodeURIComponent(exportId)).then(function (response) {
      return response.json();
    }).then(function (job) {
      if (job.state === 'READY') {
        return job.url;
      }
      if (job.state === 'FAILED') {
        throw new ApiError('export-failed', 'Không tạo được tệp ZIP: có tệp không đọc được hoặc việc nén bị gián đoạn.'
          + ' Hãy bấm lại; nếu vẫn lỗi, báo cho quản trị hệ thống (mã yêu cầu ' + exportId + ').', 0);
      }
      var seconds = Math.round((Date.now() - started) / 1000);
      zipProgress(obligation, (job.state === 'RUNNING' ? 'Đang nén các tệp' : 'Đang chờ bắt đầu nén')
        + '… (' + seconds + ' giây)', true);
      return new Promise(function (resolve) { window.setTimeout(resolve, ZIP_POLL_MS); }).then(function () {
        return followZip(obligation, exportId, started);
      });
    });
  }

  // ---------------------------------------------------------------- start

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fn, ms);
    };
  }

  function init() {
    ['main', 'app', 'login', 'logout', 'token', 'cards', 'chart', 'legend', 'matrix', 'announce'].forEach(function (id) {
      ui[id] = $(id);
    });
    ui.loginForm = $('login-form');
    ui.loginError = $('login-error');
    ui.loadError = $('load-error');
    ui.fYear = $('f-year');
    ui.goLiveNote = $('go-live-note');
    ui.fReport = $('f-report');
    ui.fPeriod = $('f-period');
    ui.fCategory = $('f-category');
    ui.fState = $('f-state');
    ui.fSearch = $('f-search');
    ui.asOf = $('as-of');
    ui.reload = $('reload');
    ui.chartScope = $('chart-scope');
    ui.chartTable = $('chart-table');
    ui.matrixCount = $('matrix-count');
    ui.matrixEmpty = $('matrix-empty');
    ui.tasks = $('tasks');
    ui.tasksCount = $('tasks-count');
    ui.tasksEmpty = $('tasks-empty');
    ui.dialog = $('cell-dialog');
    ui.dialogTitle = $('d-title');
    ui.dialogBody = $('d-body');
    ui.dialogTitle.tabIndex = -1;


    ui.loginForm.addEventListener('submit', onLogin);
    ui.logout.addEventListener('click', logout);
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); });
    ui.fYear.addEventListener('change', function () { load(ui.fYear.value); });
    [ui.fReport, ui.fPeriod].forEach(function (el) {
      el.addEventListener('change', function () {
        if (model) {
          renderAll();
        }
      });
    });
    ui.fCategory.addEventListener('change', function () {
      if (model) {
        var cols = columns();
        renderCards(cols);
        renderChart(cols);
        applyRowFilters();
      }
    });
    ui.fState.addEventListener('change', applyRowFilters);
    ui.fSearch.addEventListener('input', debounce(applyRowFilters, 120));
    ui.reload.addEventListener('click', function () { load(model ? model.year : null); });
    $('export-xlsx').addEventListener('click', function (e) { exportStatus('xlsx', e.currentTarget); });
    $('export-csv').addEventListener('click', function (e) { exportStatus('csv', e.currentTarget); });
    ui.cards.addEventListener('click', onCardsClick);
    $('export-json').addEventListener('click', function (e) { exportStatus('json', e.currentTarget); });
    ui.matrix.addEventListener('click', onMatrixClick);
    ui.tasks.addEventListener('click', onTasksClick);
    ui.matrix.addEventListener('keydown', onMatrixKey);
    ui.matrix.addEventListener('focusin', function (e) {
      var cell = e.target.closest && e.target.closest('.cell');
      if (cell && cell !== activeCell) {
        setActive(cell, false);
      }
    });
    $('d-close').addEventListener('click', function () { closeDialog(true); });
    ui.dialog.addEventListener('cancel', function (e) {
      e.preventDefault();
      closeDialog(true);
    });
    ui.dialog.addEventListener('click', onDialogClick);
    ui.dialog.addEventListener('submit', onDialogSubmit);
    C.onResize(function () {
      if (model && Math.abs((ui.chart.clientWidth || 0) - chartWidth) > 8) {
        renderChart(columns());
      }
    });

    if (getToken()) {
      showApp();
      load(null);
    } else {
      showLogin('');
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
