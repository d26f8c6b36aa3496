/* Kenshu default theme: search. A classic script; the index under search/ is made of classic
   scripts too, added with <script> when needed, so search works from file:// (no fetch()).
   normalise() and tokens() must match Sources/KenshuSearch/SearchText.swift exactly:
   Tests/Fixtures/search/normalisation.json checks both. */
(function () {
  "use strict";
  var engine = window.KenshuSearch = {};
  var data = window.KENSHU_SEARCH_DATA = window.KENSHU_SEARCH_DATA || {};

  // NFKC, lower case, final sigma as sigma, katakana as hiragana, long-vowel mark dropped.
  function normalise(text) {
    var folded = String(text).normalize("NFKC").toLowerCase();
    var out = "";
    for (var i = 0; i < folded.length; i++) {
      var c = folded.charCodeAt(i);
      if (c === 0x30FC) continue;
      if (c === 0x03C2) { out += "\u03C3"; continue; }
      if ((c >= 0x30A1 && c <= 0x30F6) || c === 0x30FD || c === 0x30FE) { out += String.fromCharCode(c - 0x60); continue; }
      out += folded.charAt(i);
    }
    return out;
  }

  // 1: Japanese (kana, kanji), 2: Latin letters and digits, 0: separators.
  function characterClass(c) {
    if (c === 0x3005 || c === 0x3006 || (c >= 0x3041 && c <= 0x309F) || c === 0x30FF || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x2FFFF)) return 1;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
        (c >= 0xF8 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF)) return 2;
    return 0;
  }

  // Latin words whole (at most 32 characters); Japanese runs as overlapping pairs; a lone Japanese character as itself.
  // With `covering`, only enough pairs to cover a run (1st, 3rd, …, and the last): a query needs no more
  // to find its documents (adjacency is checked on the text), and loads fewer index files.
  function tokens(text, covering) {
    var result = [], run = [], runClass = 0;
    function flush() {
      if (runClass === 2) result.push(run.slice(0, 32).join(""));
      else if (runClass === 1) {
        if (run.length === 1) result.push(run[0]);
        for (var i = 0; i + 1 < run.length; i += covering ? 2 : 1) result.push(run[i] + run[i + 1]);
        if (covering && run.length > 2 && run.length % 2 === 1) result.push(run[run.length - 2] + run[run.length - 1]);
      }
      run = [];
    }
    for (var ch of text) {
      var kind = characterClass(ch.codePointAt(0));
      if (kind !== runClass) { flush(); runClass = kind; }
      if (kind) run.push(ch);
    }
    flush();
    return result;
  }

  engine.normalise = normalise;
  engine.tokens = tokens;

  var root = (document.body && document.body.getAttribute("data-root")) || "";
  var waiting = {};
  function fileName(name) {
    if (name === "meta") return "meta.js";
    return (name.charAt(0) === "t" ? "terms-" : "docs-") + name.slice(1) + ".js";
  }
  function load(name, done) {
    if (data[name] || waiting[name] === false) { done(); return; }
    if (!waiting[name]) {
      waiting[name] = [];
      var script = document.createElement("script");
      script.src = root + "search/" + fileName(name);
      script.charset = "utf-8";
      script.onload = script.onerror = function () {
        var callbacks = waiting[name];
        waiting[name] = false;
        callbacks.forEach(function (callback) { callback(); });
      };
      document.head.appendChild(script);
    }
    waiting[name].push(done);
  }
  function loadAll(names, done) {
    var left = names.length;
    if (!left) { done(); return; }
    names.forEach(function (name) { load(name, function () { if (--left === 0) done(); }); });
  }

  // Each space-separated term must match (AND); a term matches itself or any synonym (OR).
  function parse(query, synonyms) {
    var words = normalise(query).split(/\s+/).filter(function (word) { return tokens(word).length > 0; });
    return words.map(function (word, position) {
      var alternatives = [word];
      synonyms.forEach(function (group) {
        if (group.indexOf(word) < 0) return;
        group.forEach(function (other) { if (alternatives.indexOf(other) < 0) alternatives.push(other); });
      });
      return alternatives.map(function (text) {
        return { text: text, tokens: tokens(text, true), last: position === words.length - 1 };
      }).filter(function (alternative) { return alternative.tokens.length > 0; });
    });
  }

  var DIGITS = {};
  "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_".split("").forEach(function (letter, value) {
    DIGITS[letter.charCodeAt(0)] = value;
  });

  function shardOf(token, meta) { return "t" + (token.codePointAt(0) % meta.terms); }

  // Documents (ascending) and scores for one token. A lone Japanese character, or the Latin word
  // still being typed, also matches the terms that begin with it (at a lower score).
  var decoded = {};
  function postings(token, prefix, meta) {
    var cacheKey = (prefix ? "+" : "=") + token;
    if (decoded[cacheKey]) return decoded[cacheKey];
    var shard = data[shardOf(token, meta)] || {};
    var lists = [];
    if (Object.prototype.hasOwnProperty.call(shard, token)) lists.push([shard[token], 1]);
    var single = Array.from(token).length === 1 && characterClass(token.codePointAt(0)) === 1;
    if (prefix || single) {
      Object.keys(shard).forEach(function (key) {
        if (key !== token && key.lastIndexOf(token, 0) === 0) lists.push([shard[key], 0.7]);
      });
    }
    var result = { docs: [], scores: [] };
    lists.forEach(function (list) { result = unionMax(result, decode(list[0], list[1])); });
    decoded[cacheKey] = result;
    return result;
  }

  // Postings are base-32 numbers (document gap, score, …); see PostingCode in SearchScripts.swift.
  function decode(code, weight) {
    var docs = [], scores = [], document = 0, value = 0, isScore = false;
    for (var i = 0; i < code.length; i++) {
      var digit = DIGITS[code.charCodeAt(i)];
      if (digit >= 32) { value = value * 32 + digit - 32; continue; }
      value = value * 32 + digit;
      if (isScore) { docs.push(document); scores.push(value * weight); } else { document += value; }
      isScore = !isScore;
      value = 0;
    }
    return { docs: docs, scores: scores };
  }

  // Sorted merges: documents in both (scores added), or in either (the higher score).
  function intersect(a, b) {
    if (a === null) return b;
    var docs = [], scores = [], i = 0, j = 0;
    while (i < a.docs.length && j < b.docs.length) {
      var x = a.docs[i], y = b.docs[j];
      if (x === y) { docs.push(x); scores.push(a.scores[i++] + b.scores[j++]); } else if (x < y) i++; else j++;
    }
    return { docs: docs, scores: scores };
  }
  function unionMax(a, b) {
    var docs = [], scores = [], i = 0, j = 0;
    while (i < a.docs.length || j < b.docs.length) {
      var x = i < a.docs.length ? a.docs[i] : Infinity, y = j < b.docs.length ? b.docs[j] : Infinity;
      if (x === y) { docs.push(x); scores.push(Math.max(a.scores[i++], b.scores[j++])); }
      else if (x < y) { docs.push(x); scores.push(a.scores[i++]); }
      else { docs.push(y); scores.push(b.scores[j++]); }
    }
    return { docs: docs, scores: scores };
  }

  // The `count` best [document, score] pairs, best first (ties: reading order).
  function best(found, count) {
    var top = [];
    for (var i = 0; i < found.docs.length; i++) {
      var score = found.scores[i];
      if (top.length === count && score <= top[count - 1][1]) continue;
      var at = top.length;
      while (at > 0 && top[at - 1][1] < score) at--;
      top.splice(at, 0, [found.docs[i], score]);
      if (top.length > count) top.pop();
    }
    return top;
  }

  function documentAt(number, meta) {
    var chunk = data["d" + Math.floor(number / meta.chunk)];
    var row = chunk && chunk[number % meta.chunk];
    if (!row) return null;
    return { kind: row[0], title: row[1], heading: row[2], href: row[3], text: row[4] };
  }

  // Runs a query; calls back with up to `limit` results, best first, one per page.
  function search(query, limit, callback) {
    load("meta", function () {
      var meta = data.meta;
      if (!meta) { callback([], []); return; }
      var terms = parse(query, meta.synonyms || []);
      if (!terms.length) { callback(null, []); return; }
      var shards = {};
      terms.forEach(function (alternatives) {
        alternatives.forEach(function (alternative) {
          alternative.tokens.forEach(function (token) { shards[shardOf(token, meta)] = true; });
        });
      });
      loadAll(Object.keys(shards), function () {
        var scores = null;
        terms.forEach(function (alternatives) {
          var either = { docs: [], scores: [] };
          alternatives.forEach(function (alternative) {
            var matched = null;
            alternative.tokens.forEach(function (token, index) {
              var prefix = alternative.last && index === alternative.tokens.length - 1 && characterClass(token.codePointAt(0)) === 2;
              matched = intersect(matched, postings(token, prefix, meta));
            });
            either = unionMax(either, matched);
          });
          scores = intersect(scores, either);
        });
        var ranked = best(scores, 15);
        var chunks = {};
        ranked.forEach(function (entry) { chunks["d" + Math.floor(entry[0] / meta.chunk)] = true; });
        loadAll(Object.keys(chunks), function () { callback(rank(ranked, terms, meta, limit), terms); });
      });
    });
  }

  // Phrases count: a Japanese word matched as adjacent pairs scores fully, scattered pairs half;
  // a word in the title or heading scores half again.
  function rank(ranked, terms, meta, limit) {
    var results = [];
    ranked.forEach(function (entry) {
      var document = documentAt(entry[0], meta);
      if (!document) return;
      var top = normalise(document.title + "\n" + document.heading);
      var body = normalise(document.text);
      var score = entry[1];
      terms.forEach(function (alternatives) {
        var inTop = alternatives.some(function (a) { return top.indexOf(a.text) >= 0; });
        var inBody = alternatives.some(function (a) { return body.indexOf(a.text) >= 0; });
        var chained = alternatives.every(function (a) { return a.tokens.length > 1; });
        if (inTop) score *= 1.5; else if (!inBody && chained) score *= 0.5;
      });
      document.score = score;
      results.push(document);
    });
    results.sort(function (a, b) { return b.score - a.score; });
    // One result per page; when the page's opening wins but a heading names every term,
    // the result links to that heading's section instead.
    var seen = {}, kept = [];
    results.forEach(function (document) {
      var key = document.kind === "g" ? "g:" + document.title : document.href.split("#")[0];
      var earlier = seen[key];
      if (earlier) {
        if (earlier.kind === "p" && document.kind === "s" && headingNamesAll(document.heading, terms)) {
          earlier.kind = "s";
          earlier.heading = document.heading;
          earlier.href = document.href;
          earlier.text = document.text;
        }
        return;
      }
      if (kept.length >= limit) return;
      seen[key] = document;
      kept.push(document);
    });
    return kept;
  }

  function headingNamesAll(heading, terms) {
    var folded = normalise(heading);
    return terms.every(function (alternatives) {
      return alternatives.some(function (a) { return folded.indexOf(a.text) >= 0; });
    });
  }

  // The parts of `text` that match, as [start, end) ranges of the original string.
  function matches(text, terms) {
    var folded = "", origin = [];
    var characters = Array.from(text), offset = 0;
    for (var i = 0; i < characters.length; i++) {
      var group = characters[i], start = offset;
      while (i + 1 < characters.length && /^[\u3099\u309A\uFF9E\uFF9F]$/.test(characters[i + 1])) group += characters[++i];
      offset += group.length;
      var piece = normalise(group);
      for (var k = 0; k < piece.length; k++) origin.push(start);
      folded += piece;
    }
    origin.push(offset);
    var needles = [];
    terms.forEach(function (alternatives) {
      alternatives.forEach(function (a) {
        if (folded.indexOf(a.text) >= 0) needles.push(a.text); else needles = needles.concat(a.tokens);
      });
    });
    var ranges = [];
    needles.forEach(function (needle) {
      if (!needle) return;
      for (var at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        var end = at + needle.length;
        ranges.push([origin[at], end < origin.length - 1 ? origin[end] : offset]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]); else merged.push(range.slice());
    });
    return merged;
  }

  engine.search = search;
  engine.matches = matches;

  /* The search box in the header. */
  var form = document.querySelector(".site-search");
  var input = document.getElementById("kenshu-search");
  var panel = document.getElementById("kenshu-search-results");
  if (!form || !input || !panel) return;
  var strings = {};
  // strings.js (one file for the whole site); themes exported before it carry the words in the page.
  try { strings = window.KENSHU_STRINGS || JSON.parse(document.getElementById("kenshu-strings").textContent) || {}; } catch (e) { strings = {}; }
  function t(key, n) { return (strings[key] || key).replace("{n}", n); }
  var status = panel.querySelector(".search-status");
  var list = panel.querySelector(".search-list");
  form.hidden = false;
  // The "/" key means nothing on a phone or tablet without a keyboard.
  if (strings.search_placeholder_touch && window.matchMedia && window.matchMedia("(hover: none) and (pointer: coarse)").matches) {
    input.placeholder = strings.search_placeholder_touch;
  }

  var timer = null, generation = 0, shown = "", openFirst = false;

  function snippet(text, terms) {
    var ranges = matches(text, terms);
    var start = ranges.length ? Math.max(0, ranges[0][0] - 30) : 0;
    var end = Math.min(text.length, start + 120);
    var element = document.createElement("span");
    element.className = "search-snippet";
    var at = start;
    if (start > 0) element.appendChild(document.createTextNode("…"));
    ranges.forEach(function (range) {
      if (range[1] <= at || range[0] >= end) return;
      var from = Math.max(at, range[0]), to = Math.min(end, range[1]);
      element.appendChild(document.createTextNode(text.slice(at, from)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      element.appendChild(mark);
      at = to;
    });
    element.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? "…" : "")));
    return element;
  }

  function line(className, text) {
    var element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function show(results, terms) {
    list.textContent = "";
    panel.hidden = false;
    if (!results.length) { status.textContent = t("search_none"); return; }
    status.textContent = t("search_count", results.length);
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result.href;
      var title = line("search-title", result.title);
      if (result.kind === "q" || result.kind === "g") {
        title.appendChild(line("search-badge", result.kind === "q" ? t("search_quiz") : t("search_glossary")));
      }
      link.appendChild(title);
      if (result.heading) link.appendChild(line("search-heading", result.heading));
      link.appendChild(snippet(result.text, terms));
      link.addEventListener("click", close);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function close() {
    panel.hidden = true;
  }

  function run() {
    timer = null;
    var query = input.value;
    var mine = ++generation;
    if (!query.trim()) { shown = ""; list.textContent = ""; close(); return; }
    search(query, 10, function (results, terms) {
      if (mine !== generation) return;
      shown = query;
      if (results === null) { close(); return; }
      show(results, terms);
      form.setAttribute("data-searched", query);
      if (openFirst) {
        openFirst = false;
        var first = list.querySelector("a");
        if (first) window.location.href = first.href;
      }
    });
  }

  input.addEventListener("input", function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // An emptied box opens nothing (the last query's first result stayed behind).
    if (!input.value.trim()) { if (timer) clearTimeout(timer); run(); return; }
    var first = list.querySelector("a");
    if (!timer && shown === input.value && first) { window.location.href = first.href; return; }
    if (timer) clearTimeout(timer);
    openFirst = true;
    run();
  });
  // The layout file is tiny; reading it when the box gets focus saves a step on the first query.
  input.addEventListener("focus", function () { load("meta", function () {}); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
    if (event.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first && !panel.hidden) { event.preventDefault(); first.focus(); }
    }
  });
  // In the results: the arrows go from one to the next (up from the first back to the box), Escape closes them
  // and returns to the box.
  panel.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); close(); input.focus(); return; }
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); if (at > 0) links[at - 1].focus(); else input.focus(); }
  });
  // Tabbing out of the box and its results closes them, so they do not stay open over the page.
  [form, panel].forEach(function (element) {
    element.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (next && !form.contains(next) && !panel.contains(next)) close();
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
