/*
 * The school's upload page. Reads the link's token from the address (/u/<token>) and sends it only
 * as "Authorization: Bearer" to our own API; it is never logged nor put in another address.
 * Flow per file: check type and size here, SHA-256 in the browser, POST /v1/uploads, PUT the file
 * straight to storage with exactly the granted headers, then wait for GET /v1/me to list it.
 */
'use strict';
(function () {
  var RECORD_WAIT_MS = 20000;
  var INSPECTION_WAIT_MS = 90000;
  var POLL_MS = 1000;
  var STALL_MS = 60000;
  /* Headers a page may not set (the browser does): skipped even if the grant names them. */
  var FORBIDDEN = /^(accept-charset|accept-encoding|access-control-request-headers|access-control-request-method|connection|content-length|cookie|cookie2|date|dnt|expect|host|keep-alive|origin|referer|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*)$/i;
  /* First bytes of each type, as the server checks them when the file arrives. */
  var OLE2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
  var ZIP = [0x50, 0x4B, 0x03, 0x04];
  var MAGIC = { pdf: [0x25, 0x50, 0x44, 0x46, 0x2D], doc: OLE2, xls: OLE2, docx: ZIP, xlsx: ZIP, odt: ZIP, ods: ZIP };
  /* Colours only: a state's words come from the server (stateText), the same words the Office reads. */
  var STATE_CLASS = { NOT_OPEN: 'st-wait', OPEN: 'st-open', ON_TIME: 'st-ok', LATE: 'st-late', MISSING: 'st-bad', EXEMPT: 'st-wait' };
  var TOKEN_WORDS = {
    'token-missing': 'Đường liên kết thiếu mã truy cập. Hãy mở đúng và đủ đường liên kết Sở đã gửi cho đơn vị qua thư điện tử.',
    'token-invalid': 'Đường liên kết không đúng hoặc bị thiếu một phần. Hãy mở lại đúng và đủ đường liên kết Sở đã gửi cho đơn vị.',
    'token-expired': 'Đường liên kết đã hết hạn. Đề nghị liên hệ Văn phòng Sở để được cấp liên kết mới.',
    'token-revoked': 'Đường liên kết đã bị thu hồi. Đề nghị dùng liên kết mới nhất Sở đã gửi.',
    'wrong-token-kind': 'Đường liên kết này không phải liên kết nộp báo cáo của đơn vị.',
    'unit-unknown': 'Đơn vị không có trong danh sách của Sở. Đề nghị liên hệ Văn phòng Sở.'
  };
  var W = {
    offline: 'Không kết nối được với hệ thống của Sở. Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”.',
    server: 'Hệ thống đang gặp lỗi. Xin vui lòng thử lại sau ít phút.',
    putOffline: 'Mất kết nối mạng trong khi gửi tệp, hệ thống chưa xác nhận đã nhận tệp. Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”: trang sẽ kiểm tra và chỉ gửi lại khi cần.',
    stalled: 'Mạng quá chậm hoặc đã mất kết nối: một phút qua không gửi thêm được dữ liệu nào, hệ thống chưa xác nhận đã nhận tệp. Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”: trang sẽ kiểm tra và chỉ gửi lại khi cần.',
    cancelled: 'Đã hủy gửi tệp. Bấm “Thử lại” để gửi lại tệp này (trang kiểm tra trước, không nộp trùng), hoặc chọn tệp khác.',
    unreadable: 'Không đọc được tệp (tệp vừa bị di chuyển, đổi tên hoặc sửa sau khi chọn). Hãy chọn lại tệp.',
    noCrypto: 'Trình duyệt này không tính được mã SHA-256 của tệp. Hãy dùng trình duyệt bản mới (Chrome, Edge, Firefox, Safari) và mở trang bằng địa chỉ https.',
    pending: 'Tệp đã gửi lên kho lưu trữ nhưng hệ thống chưa ghi nhận xong. Không cần nộp lại: bấm “Kiểm tra lại” sau ít phút để xem biên nhận.'
  };

  var doc = document;
  var $ = function (id) { return doc.getElementById(id); };
  /* Shared with the dashboard (common.js): the DOM builder, Vietnam time, sizes, the API call. */
  var C = window.hpPages;
  var h = C.h, clear = C.clear, dateText = C.dateText, when = C.timeText, dayNumber = C.dayNumber;
  var sizeText = C.sizeText, sizeFull = C.sizeFull;

  var path = location.pathname;
  var at = path.lastIndexOf('/u/');
  var base = at >= 0 ? path.slice(0, at) : '';
  var token = at >= 0 ? path.slice(at + 3).replace(/\/+$/, '') : '';
  try { token = decodeURIComponent(token); } catch (e) { token = ''; }

  var me = null;
  var cards = {};
  var order = null;

  /* ---------- small helpers ---------- */

  function Failure(kind, text, extra) {
    this.kind = kind;
    this.text = text;
    this.code = extra && extra.code;
    this.status = extra && extra.status;
    this.maybeSent = !!(extra && extra.maybeSent);
  }

  function hexOfBase64(b64) {
    try {
      var s = atob(b64), out = '';
      for (var i = 0; i < s.length; i++) out += two16(s.charCodeAt(i));
      return out;
    } catch (e) { return ''; }
  }
  function two16(b) { return (b < 16 ? '0' : '') + b.toString(16); }

  function extensionOf(name) {
    var dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  }

  function typeList() {
    var names = Object.keys(me.uploads.contentTypes).map(function (k) { return k.toUpperCase(); });
    return names.length > 1 ? names.slice(0, -1).join(', ') + ' hoặc ' + names[names.length - 1] : names.join('');
  }

  /* ---------- the API ---------- */

  function api(method, route, body) {
    function offline() { throw new Failure('offline', W.offline); }
    return C.request(base + route, token, { method: method, json: body || undefined }).then(function (res) {
      return res.text().then(null, offline).then(function (text) {
        try { return text ? JSON.parse(text) : null; } catch (e) { return null; }
      });
    }, function (refused) {
      if (refused.status === 0) offline();
      var code = refused.code;
      var words = refused.detail || TOKEN_WORDS[code] || (refused.status >= 500 ? W.server
        : 'Yêu cầu bị từ chối (mã ' + refused.status + '). Hãy tải lại trang rồi thử lại.');
      var kind = refused.status === 401 || code === 'wrong-token-kind' || code === 'unit-unknown' ? 'token' : 'api';
      throw new Failure(kind, words, { code: code, status: refused.status });
    });
  }

  /* ---------- page level ---------- */

  function pageProblem(f) {
    var box = clear($('page-problem'));
    box.hidden = false;
    $('unit-name').textContent = f.kind === 'token' ? 'Không mở được trang nộp báo cáo' : 'Chưa tải được thông tin đơn vị';
    box.appendChild(h('p', { text: f.text }));
    if (f.kind === 'token') {
      box.appendChild(h('p', { text: 'Đường liên kết nộp báo cáo được Sở gửi qua thư điện tử tới địa chỉ của đơn vị; thư nhắc hạn gần nhất luôn có liên kết còn hiệu lực.' }));
    }
    box.appendChild(h('p', {}, [h('button', { type: 'button', class: 'btn', text: f.kind === 'token' ? 'Tải lại trang' : 'Thử lại', onclick: start })]));
    $('intro').hidden = true;
    $('obligations').hidden = true;
    box.setAttribute('tabindex', '-1');
    box.focus();
  }

  function start() {
    $('page-problem').hidden = true;
    if (!me) $('unit-name').textContent = 'Đang tải thông tin đơn vị…';
    if (!token) {
      pageProblem(new Failure('token', TOKEN_WORDS['token-missing']));
      return;
    }
    api('GET', '/v1/me').then(show, pageProblem);
  }

  function show(data) {
    me = data;
    $('page-problem').hidden = true;
    $('unit-name').textContent = me.unit.name;
    fillHelp(me.contacts || []);
    var cat = $('unit-category');
    cat.textContent = me.unit.categoryName || '';
    cat.hidden = !me.unit.categoryName;
    doc.title = 'Nộp báo cáo — ' + me.unit.name;
    showIntro();
    showCards();
  }

  function showIntro() {
    $('intro').hidden = false;
    var n = { report: { open: 0, late: 0, all: 0 }, task: { open: 0, late: 0, all: 0 } };
    me.obligations.forEach(function (o) {
      var k = n[o.task ? 'task' : 'report'];
      k.all++;
      if (o.state === 'OPEN') k.open++;
      if (o.state === 'MISSING') k.late++;
    });
    var parts = [];
    if (n.report.open) parts.push(n.report.open + ' báo cáo đang mở nhận, chưa nộp');
    if (n.report.late) parts.push(n.report.late + ' báo cáo chưa nộp đã quá hạn');
    if (n.task.open) parts.push(n.task.open + ' nhiệm vụ chủ trì đang thực hiện, chưa nộp kết quả');
    if (n.task.late) parts.push(n.task.late + ' nhiệm vụ chủ trì đã quá hạn mà chưa nộp kết quả');
    var late = n.report.late + n.task.late;
    $('summary').textContent = me.obligations.length === 0 ? 'Đơn vị không phải nộp báo cáo nào trong năm nay và năm trước.'
      : parts.length ? 'Đơn vị còn ' + parts.join(', ') + '.' : 'Đơn vị đã nộp đủ các báo cáo đang mở.';
    $('summary').className = 'summary' + (late ? ' warn' : '');
    $('obligations-title').textContent = !n.task.all ? 'Báo cáo của đơn vị'
      : n.report.all ? 'Báo cáo và nhiệm vụ của đơn vị' : 'Nhiệm vụ đơn vị chủ trì';
    $('rules').textContent = 'Chọn hoặc kéo thả tệp báo cáo đã ký vào ô của báo cáo'
      + (n.task.all ? ' hoặc nhiệm vụ' : '') + ' tương ứng. Nhận tệp ' + typeList()
      + ', tối đa ' + sizeText(me.uploads.maxBytes) + ' mỗi tệp; mỗi lần một tệp.';
    var emails = me.unit.emails || [];
    $('receipt-to').textContent = emails.length ? 'Biên nhận được gửi tới: ' + emails.join(', ') + '.'
      : 'Đơn vị chưa đăng ký địa chỉ thư điện tử: biên nhận chỉ hiện trên trang này, hãy chụp lại để lưu.';
  }

  /* Open first (soonest deadline first), then overdue (latest first), not yet open, then the rest. */
  var RANK = { OPEN: 0, MISSING: 1, NOT_OPEN: 2 };
  function rank(o) { return RANK.hasOwnProperty(o.state) ? RANK[o.state] : 3; }

  function showCards() {
    $('obligations').hidden = false;
    if (!order) {
      /* Fixed at first sight, so a card does not move once its report is sent. */
      order = me.obligations.slice().sort(function (a, b) {
        var r = rank(a) - rank(b);
        if (r) return r;
        var d = Date.parse(a.dueForUnit) - Date.parse(b.dueForUnit);
        return a.state === 'OPEN' || a.state === 'NOT_OPEN' ? d : -d;
      }).map(function (o) { return o.obligation; });
    }
    var holder = $('cards');
    me.obligations.forEach(function (o) {
      if (order.indexOf(o.obligation) < 0) order.push(o.obligation);
    });
    order.forEach(function (id) {
      var o = me.obligations.filter(function (x) { return x.obligation === id; })[0];
      if (!o) return;
      var card = cards[id] || (cards[id] = makeCard(o));
      if (!card.el.parentNode) holder.appendChild(card.el);
      fillCard(card, o);
    });
  }

  /* ---------- one card per obligation ---------- */

  function makeCard(o) {
    var key = o.obligation.replace(/[^A-Za-z0-9]+/g, '-');
    var card = { id: o.obligation, key: key, file: null, busy: false, xhr: null, retry: null, fresh: null };
    card.el = h('article', { class: 'card', id: 'ob-' + key, 'aria-labelledby': 'title-' + key, 'data-obligation': o.obligation });
    card.head = h('div', { class: 'card-head' });
    card.about = h('div', { class: 'about' });
    card.facts = h('dl', { class: 'facts' });
    /* Built first: the upload zone's buttons live in the card's action row, under the message. */
    card.upload = makeUploadZone(card);
    card.msg = h('div', { class: 'msg', id: 'msg-' + key, 'aria-live': 'polite', tabindex: '-1' });
    card.receipts = h('div', { class: 'receipts' });
    card.actions = h('div', { class: 'actions' }, [card.send, card.cancel, card.retryBtn, card.more]);
    [card.head, card.about, card.facts, card.upload, card.msg, card.actions, card.receipts].forEach(function (x) { card.el.appendChild(x); });
    return card;
  }

  function fillCard(card, o) {
    card.ob = o;
    /* A file the Office sent back leaves the unit owing one again: the warning colour, whatever the deadline. */
    var owesAgain = returnedOf(o) && (o.state === 'OPEN' || o.state === 'MISSING');
    card.el.className = 'card ' + (owesAgain ? 'st-late' : STATE_CLASS[o.state] || 'st-wait');
    clear(card.head);
    card.head.appendChild(h('h3', { id: 'title-' + card.key, text: nameOf(o) }));
    card.head.appendChild(h('p', { class: 'state' }, [h('span', { class: 'badge', text: o.stateText || o.state })]));
    fillAbout(card, o);

    clear(card.facts);
    if (o.task) {
      fact(card.facts, 'Thời gian thực hiện', o.task.timeFrame);
      fact(card.facts, 'Chủ trì', o.task.lead);
      fact(card.facts, 'Phối hợp', o.task.coordinating);
    } else {
      fact(card.facts, 'Kỳ báo cáo', o.periodText);
    }
    if (o.receiver) fact(card.facts, o.task ? 'Gửi kết quả về' : 'Nơi nhận', o.receiver);
    var due = [h('span', { text: o.dueText || when(o.due) })];
    if (o.extension) {
      due = [h('s', { text: o.dueText || when(o.due) }), ' ',
        h('span', { text: 'được gia hạn ' + (o.extension.untilText || 'đến ' + when(o.extension.until)) }),
        o.extension.reason ? ' (' + o.extension.reason + ')' : ''];
    }
    var countdown = countdownText(o);
    if (countdown) due.push(h('br'), h('strong', { class: 'countdown', text: countdown }));
    fact(card.facts, o.task ? 'Hạn hoàn thành' : 'Hạn nộp', due);
    if (o.state === 'NOT_OPEN') fact(card.facts, 'Mở nhận', 'từ ' + when(o.opensAt));
    if (o.locksAt) fact(card.facts, 'Khóa nhận', when(o.locksAt));

    var accepts = !!o.acceptsUploads;
    var sent = o.state === 'ON_TIME' || o.state === 'LATE';
    /* Once a report is in, choosing another file is one click away rather than in the way. */
    var expanded = accepts && (!sent || card.open || card.busy || !!card.file);
    card.zone.hidden = !expanded;
    card.more.hidden = !accepts || expanded;
    card.more.setAttribute('aria-expanded', String(expanded));
    card.closed.hidden = accepts;
    var noun = o.task ? 'Nhiệm vụ này' : 'Báo cáo này';
    card.closed.textContent = o.state === 'NOT_OPEN' ? noun + ' chưa mở nhận; ô nộp tệp sẽ hiện khi đến thời gian mở nhận.'
      : noun + ' đã khóa, không nhận thêm tệp.';
    card.note.textContent = o.state === 'MISSING' ? 'Đã quá hạn: tệp nộp bây giờ được ghi nhận là nộp muộn.'
      : sent ? 'Bản nộp mới nhất là bản Sở sử dụng; lần nộp đầu tiên quyết định đúng hạn hay muộn.' : '';
    card.note.className = 'note' + (o.state === 'MISSING' ? ' warn' : '');
    var back = returnedOf(o);
    if (back) {
      card.note.textContent = 'Sở đã trả lại tệp ' + back.fileName + ' — lý do: ' + back.returned.reason
        + '. Đề nghị đơn vị nộp tệp mới. ' + card.note.textContent;
      card.note.className = 'note warn returned-note';
    }
    card.note.hidden = !card.note.textContent;
    card.pickLabel.firstChild.textContent = o.submissions.length ? 'Chọn tệp khác' : 'Chọn tệp báo cáo';
    card.pickLabel.lastChild.textContent = ' cho ' + (o.task ? nameOf(o) : o.title + ' ' + o.periodText);

    clear(card.receipts);
    var subs = o.submissions.slice().reverse();
    card.receipts.appendChild(h('h4', { text: subs.length ? 'Các lần đã nộp (' + subs.length + ')' : 'Các lần đã nộp' }));
    if (!subs.length) {
      card.receipts.appendChild(h('p', { class: 'none', text: 'Chưa có lần nộp nào.' }));
    } else {
      card.receipts.appendChild(h('ul', { class: 'receipt-list' }, subs.map(function (s) { return receipt(s, card.fresh === s.submissionId); })));
    }
  }

  /* Whom to write to: the departments that receive what this unit owes. */
  function fillHelp(contacts) {
    var help = clear($('help'));
    help.hidden = !contacts.length;
    if (!contacts.length) return;
    help.appendChild(doc.createTextNode('Cần hỗ trợ, xin liên hệ: '));
    contacts.forEach(function (c, i) {
      if (i > 0) help.appendChild(doc.createTextNode('; '));
      help.appendChild(doc.createTextNode(c.department + ' — '));
      help.appendChild(h('a', { href: 'mailto:' + c.email, text: c.email }));
    });
    help.appendChild(doc.createTextNode('.'));
  }

  /* The file the Office sent back, while no newer file has been accepted since. */
  function returnedOf(o) {
    var accepted = o.submissions.filter(function (s) { return s.accepted; });
    var newest = accepted[accepted.length - 1];
    return newest && newest.returned ? newest : null;
  }

  /* A task's title is its whole content: the card is headed "Nhiệm vụ N" and shows the content below. */
  function nameOf(o) {
    return o.task ? 'Nhiệm vụ ' + o.task.number : o.title;
  }

  /*
   * A task's content longer than three lines is clamped to three, with a button to show it all; what
   * is "longer" is measured on the card as laid out (and again when the window changes size).
   */
  function fillAbout(card, o) {
    clear(card.about);
    if (o.dataWindow) {
      card.about.appendChild(h('p', { class: 'window', text: o.dataWindow.text }));
    }
    if (!o.task) return;
    var textId = 'content-' + card.key;
    var open = !!card.expanded;
    var text = h('p', { class: 'content clamp', id: textId, text: o.task.content });
    card.about.appendChild(text);
    var long = open || text.scrollHeight > text.clientHeight + 1;
    if (open || !long) text.className = 'content';
    if (!long) return;
    card.about.appendChild(h('button', {
      type: 'button', class: 'more-text', 'aria-expanded': String(open), 'aria-controls': textId,
      text: open ? 'Thu gọn' : 'Xem thêm nội dung',
      onclick: function () {
        card.expanded = !card.expanded;
        fillAbout(card, card.ob);
        card.about.querySelector('.more-text').focus();
      }
    }));
  }

  function fact(dl, name, value) {
    dl.appendChild(h('div', {}, [h('dt', { text: name }), h('dd', {}, Array.isArray(value) ? value : [value])]));
  }

  function countdownText(o) {
    var now = Date.parse(me.now);
    var dueMs = Date.parse(o.dueForUnit);
    var lastDay = dayNumber(dueMs - 1);
    /* Nothing left to count down once the report is in. */
    if (o.state === 'ON_TIME' || o.state === 'LATE') return '';
    var left = lastDay - dayNumber(now);
    if (now < dueMs) {
      if (o.state === 'NOT_OPEN' || o.state === 'EXEMPT') return '';
      return left > 0 ? 'còn ' + left + ' ngày (hạn cuối là hết ngày ' + dateText(new Date(dueMs - 1).toISOString()) + ')'
        : 'hôm nay là ngày cuối';
    }
    if (o.state === 'MISSING') return 'đã quá hạn ' + Math.max(1, -left) + ' ngày';
    return '';
  }

  function receipt(s, fresh) {
    var hex = hexOfBase64(s.sha256);
    var head = s.returned ? 'Nhận lúc ' + when(s.receivedAt) + ' — bị trả lại'
      : s.accepted ? 'Nhận lúc ' + when(s.receivedAt) + ' — ' + (s.onTime ? 'đúng hạn' : 'muộn')
      : 'Nhận lúc ' + when(s.receivedAt) + ' — bị từ chối';
    var dl = h('dl', {}, []);
    fact(dl, 'Tệp', h('span', { class: 'fname', text: s.fileName }));
    fact(dl, 'Dung lượng', sizeFull(s.size));
    fact(dl, 'SHA-256', [h('code', { class: 'sha', title: hex, text: hex.slice(0, 16) }), '…']);
    if (!s.accepted && s.refusal) fact(dl, 'Lý do', s.refusal);
    /* The inspection's words, the same as on the Office's dashboard. */
    var seal = s.inspection && s.inspection.seal;
    if (seal) fact(dl, 'Chữ ký số', h('span', { class: 'seal seal-' + seal.tone, text: seal.text }));
    if (s.returned) fact(dl, 'Ghi chú của Sở', 'Bị trả lại ngày ' + dateText(s.returned.returnedAt) + ' — lý do: ' + s.returned.reason);
    var kind = !s.accepted || s.returned ? ' refused' : s.onTime ? '' : ' late';
    return h('li', { class: 'receipt' + kind + (fresh ? ' fresh' : ''), 'data-submission': s.submissionId },
      [h('p', { class: 'r-head', text: head }), dl]);
  }

  /* ---------- choosing a file ---------- */

  function makeUploadZone(card) {
    var inputId = 'file-' + card.key;
    var zone = h('div', { class: 'zone' });
    card.note = h('p', { class: 'note' });
    /* The native input stays focusable (keyboard, screen readers); its label is the visible button, in Vietnamese. */
    card.pickLabel = h('label', { for: inputId, class: 'pick btn' }, [h('span', { text: 'Chọn tệp báo cáo' }), h('span', { class: 'vh', text: '' })]);
    card.input = h('input', {
      type: 'file', id: inputId, class: 'file', 'aria-describedby': 'hint-' + card.key + ' msg-' + card.key,
      accept: Object.keys(me.uploads.contentTypes).map(function (k) { return '.' + k; }).join(','), onchange: function () {
        if (card.input.files && card.input.files[0]) pick(card, card.input.files[0]);
      }
    });
    /* Dragging is for a mouse: a phone's reader is told only what files are taken. */
    var hint = h('p', { class: 'hint', id: 'hint-' + card.key }, [h('span', { class: 'drag-hint', text: 'hoặc kéo thả tệp vào ô này ' }),
      '(' + typeList() + ', tối đa ' + sizeText(me.uploads.maxBytes) + ')']);
    card.chosen = h('p', { class: 'chosen', hidden: true });
    card.send = h('button', { type: 'button', class: 'btn primary', hidden: true, text: 'Nộp tệp này', onclick: function () { submit(card); } });
    card.cancel = h('button', { type: 'button', class: 'btn', hidden: true, text: 'Hủy tải lên', onclick: function () { if (card.xhr) card.xhr.abort(); } });
    card.progress = h('progress', { max: '100', value: '0', id: 'progress-' + card.key, 'aria-label': 'Tiến độ gửi tệp' });
    card.percent = h('span', { class: 'percent', id: 'progress-label-' + card.key, text: '' });
    card.bar = h('div', { class: 'bar', hidden: true }, [card.progress, card.percent]);
    card.retryBtn = h('button', { type: 'button', class: 'btn', hidden: true, text: 'Thử lại', onclick: function () { if (card.retry) card.retry(); } });
    [card.note, h('div', { class: 'picker' }, [card.input, card.pickLabel, hint]), card.chosen,
      card.bar].forEach(function (x) { zone.appendChild(x); });
    zone.addEventListener('dragover', function (e) {
      if (card.busy) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      if (card.busy) return;
      var files = e.dataTransfer && e.dataTransfer.files;
      if (!files || !files.length) return;
      if (files.length > 1) {
        say(card, 'error', 'Mỗi lần chỉ nộp một tệp. Hãy kéo thả từng tệp một.');
        return;
      }
      pick(card, files[0]);
    });
    card.zone = zone;
    zone.id = 'zone-' + card.key;
    card.more = h('button', {
      type: 'button', class: 'btn', hidden: true, 'aria-expanded': 'false', 'aria-controls': zone.id, text: 'Nộp bản khác',
      onclick: function () {
        card.open = true;
        fillCard(card, card.ob);
        card.input.focus();
      }
    });
    card.closed = h('p', { class: 'closed', hidden: true });
    return h('div', { class: 'upload' }, [zone, card.closed]);
  }

  function pick(card, file) {
    card.file = null;
    card.sameAsReturned = null;
    card.send.textContent = 'Nộp tệp này';
    card.send.hidden = true;
    card.chosen.hidden = true;
    card.retryBtn.hidden = true;
    card.bar.hidden = true;
    card.fresh = null;
    var refusal = checkFile(file);
    if (refusal) {
      card.input.value = '';
      say(card, 'error', refusal);
      return;
    }
    checkHead(file).then(function (bad) {
      if (bad) {
        card.input.value = '';
        say(card, 'error', bad);
        return;
      }
      card.file = file;
      card.chosen.textContent = 'Tệp đã chọn: ' + file.name + ' (' + sizeFull(file.size) + ')';
      card.chosen.hidden = false;
      card.send.hidden = false;
      say(card, 'info', 'Kiểm tra tên tệp rồi bấm “Nộp tệp này”.');
    }, function () {
      card.input.value = '';
      say(card, 'error', W.unreadable);
    });
  }

  /* Type and size, from what the API says it accepts (/v1/me "uploads"). */
  function checkFile(file) {
    var types = me.uploads.contentTypes;
    var ext = extensionOf(file.name);
    if (!Object.prototype.hasOwnProperty.call(types, ext)) {
      return 'Tệp “' + file.name + '” không phải loại tệp được nhận. Chỉ nhận tệp ' + typeList() + '.';
    }
    var known = Object.keys(types).map(function (k) { return types[k]; });
    if (file.type && known.indexOf(file.type) >= 0 && file.type !== types[ext]) {
      return 'Phần mở rộng của tệp “' + file.name + '” không khớp với loại tệp. Hãy lưu lại tệp đúng định dạng rồi chọn lại.';
    }
    if (file.size < 1) return 'Tệp “' + file.name + '” rỗng (0 byte). Hãy chọn đúng tệp báo cáo.';
    if (file.size > me.uploads.maxBytes) {
      return 'Tệp “' + file.name + '” có dung lượng ' + sizeText(file.size) + ', vượt quá dung lượng cho phép (tối đa '
        + sizeText(me.uploads.maxBytes) + '). Hãy giảm dung lượng tệp (ví dụ quét với độ phân giải thấp hơn) rồi chọn lại.';
    }
    return null;
  }

  /* A .pdf that is not a PDF would be refused on arrival; say so before sending it. */
  function checkHead(file) {
    var ext = extensionOf(file.name);
    var magic = MAGIC[ext];
    if (!magic) return Promise.resolve(null);
    return file.slice(0, magic.length).arrayBuffer().then(function (buf) {
      var head = new Uint8Array(buf);
      for (var i = 0; i < magic.length; i++) {
        if (head[i] !== magic[i]) {
          return 'Tệp “' + file.name + '” có đuôi .' + ext + ' nhưng nội dung không phải tệp ' + ext.toUpperCase()
            + ' (có thể tệp bị hỏng hoặc chỉ đổi tên đuôi). Hãy mở tệp kiểm tra, lưu lại đúng định dạng rồi chọn lại.';
        }
      }
      return null;
    });
  }

  function say(card, kind, text, retry, retryText) {
    clear(card.msg);
    card.msg.className = 'msg ' + kind;
    card.msg.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    if (text) card.msg.appendChild(h('p', { text: text }));
    card.retry = retry || null;
    card.retryBtn.hidden = !retry;
    if (retry) card.retryBtn.textContent = retryText || 'Thử lại';
  }

  function setBusy(card, busy) {
    card.busy = busy;
    card.input.disabled = busy;
    card.send.disabled = busy;
    card.el.classList.toggle('busy', busy);
  }

  function setProgress(card, fraction) {
    var pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    card.progress.value = pct;
    card.percent.textContent = 'Đã gửi ' + pct + '%';
  }

  /* ---------- sending ---------- */

  function sha256(file) {
    if (!window.crypto || !crypto.subtle || !crypto.subtle.digest) return Promise.reject(new Failure('local', W.noCrypto));
    return file.arrayBuffer().then(function (buf) {
      return crypto.subtle.digest('SHA-256', buf);
    }, function () {
      throw new Failure('local', W.unreadable);
    }).then(function (digest) {
      var bytes = new Uint8Array(digest), bin = '';
      for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
      return btoa(bin);
    });
  }

  function submit(card) {
    var file = card.file;
    if (card.busy || !file) return;
    var o = card.ob;
    var ext = extensionOf(file.name);
    var again = checkFile(file);
    if (again) { say(card, 'error', again); return; }
    setBusy(card, true);
    card.send.hidden = true;
    card.retryBtn.hidden = true;
    card.fresh = null;
    say(card, 'info', 'Đang tính mã SHA-256 của tệp…');
    var grant;
    sha256(file).then(function (digest) {
      var back = returnedOf(o);
      if (back && back.sha256 === digest && card.sameAsReturned !== file) {
        /* The very file the Office sent back: sent again only when the unit says so. */
        card.sameAsReturned = file;
        throw new Failure('same-as-returned', 'Tệp này giống hệt tệp “' + back.fileName + '” Sở đã trả lại ngày '
          + dateText(back.returned.returnedAt) + ' (lý do: ' + back.returned.reason + '). Nếu đúng là muốn gửi lại'
          + ' chính tệp này, bấm “Vẫn nộp tệp này”; nếu không, hãy chọn tệp đã sửa.');
      }
      say(card, 'info', 'Đang xin phép gửi tệp…');
      return api('POST', '/v1/uploads', {
        obligation: o.obligation, fileName: file.name, contentType: me.uploads.contentTypes[ext], size: file.size, sha256: digest
      });
    }).then(function (g) {
      grant = g;
      setProgress(card, 0);
      card.bar.hidden = false;
      card.cancel.hidden = false;
      say(card, 'info', 'Đang gửi tệp “' + file.name + '”…');
      return put(card, grant, file);
    }).then(function () {
      card.cancel.hidden = true;
      setProgress(card, 1);
      say(card, 'info', 'Đã gửi xong tệp. Đang chờ hệ thống ghi nhận và cấp biên nhận…');
      return awaitRecord(card, grant.submissionId);
    }).then(function () {
      done(card);
    }, function (f) {
      setBusy(card, false);
      card.cancel.hidden = true;
      fail(card, f, grant);
    });
  }

  function fail(card, f, grant) {
    if (!(f instanceof Failure)) f = new Failure('local', W.server);
    if (f.kind === 'token') {
      pageProblem(f);
      return;
    }
    card.bar.hidden = f.kind !== 'pending';
    if (f.kind === 'same-as-returned') {
      say(card, 'warn', f.text);
      card.send.textContent = 'Vẫn nộp tệp này';
      card.send.hidden = false;
      return;
    }
    if (f.kind === 'pending') {
      say(card, 'info', f.text, function () { recheck(card, grant.submissionId); }, 'Kiểm tra lại');
      return;
    }
    if (f.kind === 'api' && (f.code === 'obligation-locked' || f.code === 'obligation-not-open')) {
      say(card, 'error', f.text);
      refresh();
      return;
    }
    /* The same file again helps when the network or the storage failed; not when the file itself was refused. */
    var canResend = !!card.file && (f.kind === 'put' || f.kind === 'offline' || (f.kind === 'api' && f.status >= 500));
    /* Cut off mid-way, the file may have reached storage all the same: look before sending it again. */
    var resend = f.maybeSent && grant ? function () { verifyThenResend(card, grant.submissionId); } : function () { submit(card); };
    say(card, 'error', f.text, canResend ? resend : null);
    if (!canResend) {
      card.input.value = '';
      card.file = null;
      card.chosen.hidden = true;
    } else {
      card.send.hidden = true;
    }
  }

  /*
   * A lost network does not always fail a request: it may just stall. The browser's "offline" event
   * or a minute with no byte sent ends the PUT, and the school is told to check its connection.
   */
  function put(card, grant, file) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var why = 'cancel';
      var last = Date.now();
      card.xhr = xhr;
      function stop(reason) { why = reason; xhr.abort(); }
      function offline() { stop('offline'); }
      var watchdog = setInterval(function () {
        if (Date.now() - last > STALL_MS) stop('stalled');
      }, 1000);
      function done() {
        clearInterval(watchdog);
        window.removeEventListener('offline', offline);
        card.xhr = null;
      }
      window.addEventListener('offline', offline);
      xhr.open(grant.method || 'PUT', grant.uploadUrl);
      var headers = grant.headers || {};
      Object.keys(headers).forEach(function (name) {
        if (!FORBIDDEN.test(name)) xhr.setRequestHeader(name, headers[name]);
      });
      xhr.upload.onprogress = function (e) {
        last = Date.now();
        if (e.lengthComputable && e.total > 0) setProgress(card, e.loaded / e.total);
      };
      xhr.upload.onload = function () { last = Date.now(); };
      xhr.onload = function () {
        done();
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(storageFailure(xhr, grant));
      };
      xhr.onerror = function () { done(); reject(new Failure('put', W.putOffline, { maybeSent: true })); };
      xhr.onabort = function () {
        done();
        reject(new Failure('put', why === 'offline' ? W.putOffline : why === 'stalled' ? W.stalled : W.cancelled,
          { maybeSent: true }));
      };
      xhr.send(file);
    });
  }

  /* What the storage's XML error says, in words a person can act on. */
  function storageFailure(xhr, grant) {
    var text = '';
    try { text = xhr.responseText || ''; } catch (e) { text = ''; }
    var code = (/<Code>([^<]*)<\/Code>/.exec(text) || [])[1] || '';
    var message = (/<Message>([^<]*)<\/Message>/.exec(text) || [])[1] || '';
    var status = xhr.status;
    var expired = status === 403 && (/expired/i.test(message) || code === 'ExpiredToken' || code === 'RequestExpired'
      || (grant.expiresAt && Date.now() > Date.parse(grant.expiresAt)));
    var tail = code ? ' (mã lỗi: ' + status + ' ' + code + ')' : ' (mã lỗi: ' + status + ')';
    if (expired) {
      return new Failure('put', 'Quyền gửi tệp do hệ thống cấp đã hết hiệu lực trước khi tệp được gửi xong, tệp chưa được nộp. '
        + 'Bấm “Thử lại” để xin quyền mới và gửi lại.', { status: status, code: code });
    }
    if (/BadDigest|XAmzContentSHA256Mismatch|InvalidDigest|IncompleteBody/.test(code)) {
      return new Failure('local', 'Kho lưu trữ từ chối tệp vì nội dung tệp khác với lúc kiểm tra (tệp có thể vừa được sửa)'
        + tail + '. Tệp chưa được nộp; hãy chọn lại tệp rồi nộp.', { status: status, code: code });
    }
    if (status >= 500) {
      return new Failure('put', 'Kho lưu trữ đang bận hoặc gặp sự cố' + tail + ', tệp chưa được nộp. Hãy bấm “Thử lại” sau ít phút.',
        { status: status, code: code });
    }
    return new Failure('put', 'Kho lưu trữ từ chối nhận tệp' + tail + ', tệp chưa được nộp. Bấm “Thử lại”; nếu vẫn lỗi, '
      + 'hãy liên hệ Văn phòng Sở và báo mã lỗi này.', { status: status, code: code });
  }

  /* The record is written when storage tells us the file arrived: ask until it is listed. */
  function awaitRecord(card, submissionId) {
    var until = Date.now() + RECORD_WAIT_MS;
    return new Promise(function (resolve, reject) {
      function look() {
        api('GET', '/v1/me').then(function (data) {
          var found = findSubmission(data, card.id, submissionId);
          if (found) {
            recorded(card, data, found);
            resolve(found);
          } else next();
        }, function (f) {
          if (f.kind === 'token') reject(f); else next();
        });
      }
      function next() {
        if (Date.now() >= until) reject(new Failure('pending', W.pending));
        else setTimeout(look, POLL_MS);
      }
      setTimeout(look, 300);
    });
  }

  function recheck(card, submissionId) {
    say(card, 'info', 'Đang kiểm tra…');
    setBusy(card, true);
    awaitRecord(card, submissionId).then(function () {
      done(card);
    }, function (f) {
      setBusy(card, false);
      fail(card, f, { submissionId: submissionId });
    });
  }

  function verifyThenResend(card, submissionId) {
    say(card, 'info', 'Đang kiểm tra xem hệ thống đã nhận tệp chưa…');
    setBusy(card, true);
    var tries = 0;
    function look() {
      api('GET', '/v1/me').then(function (data) {
        var found = findSubmission(data, card.id, submissionId);
        if (found) {
          recorded(card, data, found);
          done(card);
        } else if (++tries < 3) {
          setTimeout(look, 1000);
        } else {
          setBusy(card, false);
          submit(card);
        }
      }, function (f) {
        setBusy(card, false);
        fail(card, f.kind === 'offline' ? new Failure('put', W.putOffline, { maybeSent: true }) : f, { submissionId: submissionId });
      });
    }
    look();
  }

  /* The report is in: the card shows its new state and receipt, and the message takes the focus. */
  function done(card) {
    card.file = null;
    card.open = false;
    card.input.value = '';
    card.chosen.hidden = true;
    setBusy(card, false);
    fillCard(card, card.ob);
    card.msg.focus();
  }

  function findSubmission(data, obligation, submissionId) {
    var o = data.obligations.filter(function (x) { return x.obligation === obligation; })[0];
    return o && o.submissions.filter(function (s) { return s.submissionId === submissionId; })[0];
  }

  function recorded(card, data, s) {
    card.fresh = s.submissionId;
    show(data);
    card.bar.hidden = true;
    if (s.accepted) {
      var emails = data.unit.emails || [];
      say(card, 'ok', 'Hệ thống đã nhận báo cáo lúc ' + when(s.receivedAt) + ' — ' + (s.onTime ? 'nộp đúng hạn' : 'nộp muộn')
        + '. Tệp “' + s.fileName + '”, ' + sizeFull(s.size) + ', SHA-256 ' + hexOfBase64(s.sha256).slice(0, 16) + '…'
        + (emails.length ? ' Biên nhận đã được gửi tới ' + emails.join(', ') + '.' : ''));
      if (s.inspection && s.inspection.state === 'PENDING') awaitInspection(card, s.submissionId);
    } else {
      say(card, 'error', 'Tệp “' + s.fileName + '” đã tới hệ thống nhưng bị từ chối: ' + (s.refusal || 'tệp không hợp lệ')
        + ' Hãy chọn đúng tệp rồi nộp lại.');
    }
  }

  /* The inspection (contents, digital signature) follows the record within a minute: the card shows it when it comes. */
  function awaitInspection(card, submissionId) {
    var until = Date.now() + INSPECTION_WAIT_MS;
    function again() {
      if (Date.now() < until) setTimeout(look, 3000);
    }
    function look() {
      api('GET', '/v1/me').then(function (data) {
        var found = findSubmission(data, card.id, submissionId);
        if (!found || !found.inspection || found.inspection.state !== 'DONE') return again();
        if (found.accepted) {
          /* Only the receipt's line changes: redrawing the card would take the focus from under the user. */
          var seal = card.receipts.querySelector('li[data-submission="' + submissionId + '"] .seal');
          if (seal && found.inspection.seal) {
            seal.className = 'seal seal-' + found.inspection.seal.tone;
            seal.textContent = found.inspection.seal.text;
          }
          return;
        }
        show(data);
        say(card, 'error', 'Tệp “' + found.fileName + '” bị từ chối sau khi kiểm tra: ' + (found.refusal || 'tệp không hợp lệ')
          + '. Hãy chọn đúng tệp rồi nộp lại.');
      }, again);
    }
    setTimeout(look, 2000);
  }

  function refresh() {
    api('GET', '/v1/me').then(show, function (f) { if (f.kind === 'token') pageProblem(f); });
  }

  /* A narrower or wider window clamps a task's content at other words: measure again. */
  C.onResize(function () {
    Object.keys(cards).forEach(function (id) { if (cards[id].ob && cards[id].ob.task) fillAbout(cards[id], cards[id].ob); });
  });

  /* A file dropped outside a card must not replace the page with the file. */
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) { e.preventDefault(); });

  start();
})();
