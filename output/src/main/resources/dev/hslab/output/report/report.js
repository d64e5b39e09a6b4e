// The interactive part of report.html: shows what the report's data says about the message the
// reader picks in the sequence diagram. Every field, offset and key comes from the JSON the Java
// side wrote (MessageInspector); nothing here parses TLS.
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function hexValue(f) {
    if (f.value === undefined) { return ''; }
    return String(f.value);
  }

  function Inspector(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector('script.inspector-data').textContent);
    this.panel = root.querySelector('.panel');
    this.current = -1;
    this.field = null;
    var self = this;
    root.querySelectorAll('svg g[id^="message-"]').forEach(function (g) {
      var n = self.numberOf(g);
      if (n > 0) {
        g.classList.add('clickable');
        g.addEventListener('click', function () { self.select(n); });
      }
    });
  }

  Inspector.prototype.numberOf = function (g) {
    if (g.dataset && g.dataset.index) { return parseInt(g.dataset.index, 10); }
    var m = /^message-(\d+)/.exec(g.id);
    return m ? parseInt(m[1], 10) : 0;
  };

  Inspector.prototype.message = function (n) {
    var ms = this.data.messages;
    for (var i = 0; i < ms.length; i++) { if (ms[i].n === n) { return ms[i]; } }
    return null;
  };

  Inspector.prototype.step = function (delta) {
    var count = this.data.messages.length;
    if (count === 0) { return; }
    var next = this.current < 1 ? (delta > 0 ? 1 : count) : this.current + delta;
    if (next >= 1 && next <= count) { this.select(next); }
  };

  Inspector.prototype.select = function (n) {
    var m = this.message(n);
    if (!m) { return; }
    active = this;
    this.current = n;
    var self = this;
    this.root.querySelectorAll('svg g[id^="message-"]').forEach(function (g) {
      g.classList.toggle('selected', self.numberOf(g) === n);
    });
    this.render(m);
    var first = m.fields.length ? firstLeaf(m.fields) : null;
    this.pick(first);
  };

  function firstLeaf(fields) {
    // The first field with a meaning of its own: msg_type for a handshake message.
    return fields[0].children ? fields[0].children[0] : fields[0];
  }

  Inspector.prototype.render = function (m) {
    var p = this.panel;
    p.textContent = '';
    var title = el('h4', 'msg-title', m.n + '. ' + (m.optional ? '[' + m.label + ']' : m.label));
    p.appendChild(title);
    p.appendChild(el('p', 'msg-meta', (m.from === 'client' ? 'client \u2192 server' : 'client \u2190 server')
      + ', sent at ' + m.time_ms.toFixed(1) + ' ms' + (m.encrypted ? ', in a protected record' : '')));

    var cols = el('div', 'cols');
    var left = el('div', 'col');
    left.appendChild(el('h5', null, 'Fields'));
    if (m.error) { left.appendChild(el('p', 'note', m.error)); }
    if (!m.fields.length && !m.error) {
      left.appendChild(el('p', 'note', m.type === 'application_data'
        ? 'Application data: opaque to the handshake (RFC 5246 \u00a710).' : 'No fields.'));
    }
    var tree = el('ul', 'fields');
    this.fieldRows = [];
    this.addFields(tree, m.fields);
    left.appendChild(tree);
    left.appendChild(el('h5', null, 'Bytes (' + m.hex.length / 2 + ')'));
    var hex = el('div', 'hex');
    for (var i = 0; i < m.hex.length; i += 2) {
      var b = el('span', 'b', m.hex.substr(i, 2));
      b.dataset.i = String(i / 2);
      hex.appendChild(b);
    }
    left.appendChild(hex);
    this.hex = hex;
    cols.appendChild(left);

    var right = el('div', 'col');
    right.appendChild(el('h5', null, 'Record'));
    var rec = el('table', 'kv record');
    addRow(rec, 'record number', m.record.number ? String(m.record.number) + ' (counting the ' + m.from + '\u2019s records)'
      : 'unknown: this engine\u2019s messages and records do not pair up one to one');
    if (m.record.number) {
      addRow(rec, 'network', m.record.fault ? m.record.fault : 'delivered unchanged', m.record.fault ? 'fault' : null);
    }
    right.appendChild(rec);
    m.record.network.forEach(function (ev) {
      var t = el('table', 'kv netevent');
      addRow(t, ev.action, (ev.detail ? ev.detail + ', ' : '') + 'at ' + ev.time_ms.toFixed(1) + ' ms, '
        + (ev.hex.length / 2) + ' bytes on the wire');
      ev.fields.forEach(function (f) {
        addRow(t, 'record ' + f.name, hexValue(f) + (f.meaning ? ' (' + f.meaning + ')' : '')
          + ' = ' + ev.hex.substr(f.offset * 2, f.length * 2));
      });
      right.appendChild(t);
    });

    right.appendChild(el('h5', null, 'Each side when it was sent'));
    var st = el('table', 'grid sides');
    var head = el('tr');
    ['', 'state', 'reading with', 'writing with', 'pending keys'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    st.appendChild(head);
    ['client', 'server'].forEach(function (side) {
      var s = m.sides[side];
      var tr = el('tr', 'side-' + side);
      tr.appendChild(el('th', null, side));
      tr.appendChild(el('td', 'mono state', s.state || '(start)'));
      tr.appendChild(el('td', 'epoch', s.read === 'none' ? 'none' : 'active: handshake ' + s.read_handshake));
      tr.appendChild(el('td', 'epoch', s.write === 'none' ? 'none' : 'active: handshake ' + s.write_handshake));
      tr.appendChild(el('td', 'epoch', s.pending === 'none' ? 'none' : 'pending: handshake ' + s.pending_handshake));
      st.appendChild(tr);
    });
    right.appendChild(st);

    var sender = m.sides[m.from];
    var h = sender.write !== 'none' ? sender.write_handshake : (sender.pending !== 'none' ? sender.pending_handshake : 0);
    right.appendChild(el('h5', null, 'Keys'));
    if (h === 0) {
      right.appendChild(el('p', 'note keys-none', 'The ' + m.from + ' writes this message with no keys: the null cipher of the initial epoch (RFC 5246 \u00a76.1).'));
    } else {
      var hs = this.data.handshakes[h - 1];
      var how = sender.write === 'none' ? 'pending' : 'active';
      right.appendChild(el('p', 'keys-epoch', 'The ' + m.from + '\u2019s keys of handshake ' + h + ' are ' + how
        + (hs ? ' (' + hs.version + ', ' + hs.cipher_suite + (hs.resumed ? ', resumed' : '') + ')' : '') + '.'));
      if (hs) {
        var kt = el('table', 'kv keys');
        hs.secrets.forEach(function (s) { addRow(kt, s.name, s.hex || '(none)', 'mono'); });
        right.appendChild(kt);
      } else {
        right.appendChild(el('p', 'note', 'The handshake did not complete: no secrets in the trace.'));
      }
    }
    cols.appendChild(right);
    p.appendChild(cols);
  };

  function addRow(table, k, v, cls) {
    var tr = el('tr');
    tr.appendChild(el('th', null, k));
    tr.appendChild(el('td', cls || null, v));
    table.appendChild(tr);
  }

  Inspector.prototype.addFields = function (ul, fields) {
    var self = this;
    fields.forEach(function (f) {
      var li = el('li', 'field');
      var row = el('span', 'field-row');
      row.dataset.name = f.name;
      row.dataset.offset = String(f.offset);
      row.dataset.length = String(f.length);
      row.appendChild(el('span', 'name', f.name));
      var v = hexValue(f);
      if (v !== '' || f.meaning) {
        row.appendChild(el('span', 'value', ' = ' + (v !== '' ? v : '') + (f.meaning ? (v !== '' ? ' ' : '') + '(' + f.meaning + ')' : '')));
      }
      row.appendChild(el('span', 'where', ' [' + f.offset + '+' + f.length + ']'));
      row.tabIndex = 0;
      row.addEventListener('click', function (e) { e.stopPropagation(); self.pick(f); });
      li.appendChild(row);
      self.fieldRows.push({ field: f, row: row });
      if (f.children) {
        var sub = el('ul', 'fields');
        self.addFields(sub, f.children);
        li.appendChild(sub);
      }
      ul.appendChild(li);
    });
  };

  Inspector.prototype.pick = function (f) {
    this.field = f;
    this.fieldRows.forEach(function (r) { r.row.classList.toggle('picked', r.field === f); });
    var from = f ? f.offset : -1;
    var to = f ? f.offset + f.length : -1;
    this.hex.querySelectorAll('span.b').forEach(function (b) {
      var i = parseInt(b.dataset.i, 10);
      b.classList.toggle('hl', i >= from && i < to);
    });
  };

  // The exploration's path graph: picking a path lights the nodes and edges of its walk (the
  // graph's own node names, listed by the Java side) and shows its messages.
  function PathView(root) {
    this.root = root;
    this.items = Array.prototype.slice.call(root.querySelectorAll('ol.pathlist li'));
    this.current = 0;
    var self = this;
    this.items.forEach(function (li) {
      li.addEventListener('click', function () { self.select(parseInt(li.dataset.path, 10)); });
    });
  }

  function titleOf(g) {
    var t = g.querySelector('title');
    return t ? t.textContent : '';
  }

  PathView.prototype.step = function (delta) {
    var next = this.current < 1 ? (delta > 0 ? 1 : this.items.length) : this.current + delta;
    if (next >= 1 && next <= this.items.length) { this.select(next); }
  };

  PathView.prototype.select = function (n) {
    var li = this.items[n - 1];
    if (!li) { return; }
    active = this;
    this.current = n;
    this.items.forEach(function (x) { x.classList.toggle('picked', x === li); });
    var nodes = li.dataset.nodes.split(' ');
    var onNodes = {};
    var onEdges = {};
    nodes.forEach(function (id, i) {
      onNodes[id] = true;
      if (i > 0) { onEdges[nodes[i - 1] + '->' + id] = true; }
    });
    var svg = this.root.querySelector('svg');
    svg.classList.add('walking');
    svg.querySelectorAll('g.node').forEach(function (g) { g.classList.toggle('on', !!onNodes[titleOf(g)]); });
    svg.querySelectorAll('g.edge').forEach(function (g) { g.classList.toggle('on', !!onEdges[titleOf(g)]); });
    var shown = this.root.querySelector('.picked-path');
    shown.textContent = '';
    shown.appendChild(el('h4', 'msg-title', 'path ' + n + ': ' + (nodes.length - 2) + ' messages'));
    var tpl = this.root.querySelector('template.path-sequence[data-path="' + n + '"]');
    if (tpl) { shown.appendChild(document.importNode(tpl.content, true)); }
  };

  var inspectors = [];
  var active = null;

  function start() {
    document.querySelectorAll('.inspector').forEach(function (root) { inspectors.push(new Inspector(root)); });
    document.querySelectorAll('.pathview').forEach(function (root) { inspectors.push(new PathView(root)); });
    if (!inspectors.length) { return; }
    active = inspectors[0];
    document.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) { return; }
      var k = e.key;
      if (k === 'ArrowDown' || k === 'ArrowRight' || k === 'j') { active.step(1); e.preventDefault(); }
      else if (k === 'ArrowUp' || k === 'ArrowLeft' || k === 'k') { active.step(-1); e.preventDefault(); }
    });
    // report.html#message=3 opens with message 3 of the first connection picked (and with
    // &field=random, that field), its inspector
    // moved to the top of the page (moved, not scrolled to: headless Chromium's --screenshot, which
    // photographs the report for the README, draws a scrolled page blank). In an exploration's
    // report, #path=3 picks path 3 the same way.
    var m = /^#(?:message|path)=(\d+)(?:&field=([A-Za-z_]+))?$/.exec(window.location.hash);
    if (m) {
      active.select(parseInt(m[1], 10));
      if (m[2] && active.fieldRows) {
        active.fieldRows.forEach(function (r) { if (r.field.name === m[2]) { active.pick(r.field); } });
      }
      var main = document.querySelector('main');
      if (main) { main.insertBefore(active.root, main.firstChild); }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
