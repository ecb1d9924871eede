/*
 * What both pages share: Vietnam time as people here write it, sizes, the diacritics-blind fold, the
 * safe DOM builder and the API call. Loaded before each page's script (window.hpPages); in Node, the
 * same file is a module, which `node --test` checks (pages-test/common.test.js).
 */
(function (root) {
  'use strict';

  var HOUR = 3600 * 1000;
  var WHOLE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
  var ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

  function two(n) { return (n < 10 ? '0' : '') + n; }

  /** The wall clock in Vietnam (UTC+7, no daylight saving) of an ISO instant; null for anything else. */
  function vnParts(iso) {
    var ms = Date.parse(iso);
    if (isNaN(ms)) {
      return null;
    }
    var d = new Date(ms + 7 * HOUR);
    return {
      y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(),
      hh: d.getUTCHours(), mi: d.getUTCMinutes(), ss: d.getUTCSeconds(), ms: ms
    };
  }

  /** "30/11/2026", as people here write a day. */
  function dayText(p) { return p.d + '/' + p.m + '/' + p.y; }

  function dateText(iso) {
    var p = vnParts(iso);
    return p ? dayText(p) : '';
  }

  /** "09:05 ngày 30/11/2026" (with seconds when asked: receipts are to the second). */
  function timeText(iso, seconds) {
    var p = vnParts(iso);
    if (!p) {
      return iso || '';
    }
    return two(p.hh) + ':' + two(p.mi) + (seconds ? ':' + two(p.ss) : '') + ' ngày ' + dayText(p);
  }

  /** A deadline is the first late instant: 00:00 on the 11th reads "hết ngày 10/12/2026". */
  function deadlineText(iso) {
    var p = vnParts(iso);
    if (!p) {
      return iso || '';
    }
    if (p.hh === 0 && p.mi === 0 && p.ss === 0) {
      return 'hết ngày ' + dayText(vnParts(new Date(p.ms - 1000).toISOString()));
    }
    return 'trước ' + two(p.hh) + ':' + two(p.mi) + ' ngày ' + dayText(p);
  }

  /** "10/12/2026" with two-digit day and month: the last day still on time, as a date field shows it. */
  function deadlineDay(iso) {
    var p = vnParts(iso);
    if (!p) {
      return '';
    }
    if (p.hh === 0 && p.mi === 0 && p.ss === 0) {
      p = vnParts(new Date(p.ms - 1000).toISOString());
    }
    return two(p.d) + '/' + two(p.m) + '/' + p.y;
  }

  /** A typed d/m/yyyy that names a real day -> "2026-12-10" for the API; null otherwise (whatever the browser's locale). */
  function typedDay(text) {
    var m = /^\s*(\d{1,2})\s*[\/.-]\s*(\d{1,2})\s*[\/.-]\s*(\d{4})\s*$/.exec(text || '');
    if (!m) {
      return null;
    }
    var d = Number(m[1]), mo = Number(m[2]), y = Number(m[3]);
    var date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      return null;
    }
    return y + '-' + two(mo) + '-' + two(d);
  }

  /** The day in Vietnam of an instant, as a number of days: two instants' difference counts calendar days. */
  function dayNumber(ms) { return Math.floor((ms + 7 * HOUR) / 86400000); }

  /** "512 byte", "1,2 KB", "3,4 MB". */
  function sizeText(n) {
    if (n < 1024) return WHOLE.format(n) + ' byte';
    if (n < 1048576) return ONE_DECIMAL.format(n / 1024) + ' KB';
    return ONE_DECIMAL.format(n / 1048576) + ' MB';
  }

  /** "1,2 KB (1.234 byte)": the exact count beside the rounded one. */
  function sizeFull(n) { return n < 1024 ? sizeText(n) : sizeText(n) + ' (' + WHOLE.format(n) + ' byte)'; }

  /** "Trần Phú", "tran phu" and "TRAN  PHU" all become "tran phu". */
  function fold(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/đ/g, 'd').replace(/\s+/g, ' ').trim();
  }

  /**
   * An element with its properties and children; text is always text (textContent, text nodes), never
   * markup, so data from the API cannot become HTML.
   */
  function h(tag, props, kids) {
    var el = root.document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
        else if (k === 'hidden' || k === 'disabled' || k === 'multiple') el[k] = true;
        else el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (kids || []).forEach(function (c) {
      if (c !== null && c !== undefined && c !== false) {
        el.appendChild(typeof c === 'string' || typeof c === 'number' ? root.document.createTextNode(String(c)) : c);
      }
    });
    return el;
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

  /**
   * One call to our API with the token in the Authorization header (never in a URL). Resolves with the
   * response when it is 2xx; rejects with {status, code, detail, problem} otherwise, {status: 0} when the
   * network failed: each page words these its own way.
   */
  function request(url, token, options) {
    options = options || {};
    var headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return root.fetch(url, {
      method: options.method || 'GET', headers: headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
      cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer'
    }).then(function (response) {
      if (response.ok) {
        return response;
      }
      return response.text().then(null, function () { return ''; }).then(function (text) {
        var problem = null;
        try { problem = text ? JSON.parse(text) : null; } catch (e) { problem = null; }
        throw { status: response.status, code: problem && problem.code, detail: problem && problem.detail, problem: problem };
      });
    }, function () {
      throw { status: 0, code: 'network' };
    });
  }

  /**
   * Runs relayout once a resize has settled (150 ms without another), then marks the page laid out for
   * its new size (data-laid-out-for="390x844" on <html>), which is what a browser test waits for before
   * it looks; the mark is set at once for the size the page starts at.
   */
  function onResize(relayout) {
    var doc = root.document.documentElement;
    var mark = function () { doc.setAttribute('data-laid-out-for', root.innerWidth + 'x' + root.innerHeight); };
    var timer = null;
    mark();
    root.addEventListener('resize', function () {
      root.clearTimeout(timer);
      timer = root.setTimeout(function () { relayout(); mark(); }, 150);
    });
  }

  var api = {
    two: two, vnParts: vnParts, dayText: dayText, dateText: dateText, timeText: timeText, deadlineText: deadlineText,
    deadlineDay: deadlineDay, typedDay: typedDay, dayNumber: dayNumber, sizeText: sizeText, sizeFull: sizeFull,
    fold: fold, h: h, clear: clear, request: request, onResize: onResize
  };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.hpPages = api;
  }
}(typeof window !== 'undefined' ? window : globalThis));
