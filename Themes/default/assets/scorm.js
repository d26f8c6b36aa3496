/* Kenshu: reports progress to an LMS through the SCORM 1.2 API when the course runs inside one
   (a package made by `kenshu export --format scorm12`). Every page loads it before progress.js;
   without an API it stops at once and progress.js keeps progress in localStorage alone, so the
   same built files work from a file share, in the preview and in an LMS.

   Inside an LMS: LMSInitialize on load; the course outline (course.js) is loaded before
   progress.js so that cmi.suspend_data can be decoded into the local store; every change
   progress.js saves is reported (lesson_location, score.raw, lesson_status, suspend_data) and
   committed; LMSFinish on leaving the page. Each module is one SCO: the launch URL names it. */
(function () {
  "use strict";
  var SUSPEND_LIMIT = 4096;
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  // ---- The compact encoding of progress for cmi.suspend_data (at most 4,096 characters).
  // "K1.<fingerprint>.<pages read>.<quizzes answered>.<quizzes right>.<tests>": the three middle
  // parts are bit sets over the course outline's pages and quizzes, 6 bits a character; each test
  // is two base-36 digits of best × 2 + passed ("--" when not taken). The fingerprint is a hash of
  // the outline: a package built from a changed course ignores old data instead of misreading it.
  function outline(course) {
    var pages = [], quizzes = [], tests = [];
    course.modules.forEach(function (module) {
      pages.push(module.path);
      module.lessons.forEach(function (lesson) { pages.push(lesson.path); quizzes = quizzes.concat(lesson.quizzes); });
      module.tests.forEach(function (test) { pages.push(test.path); tests.push(test.path); });
    });
    var text = pages.join("\n") + "\n\n" + quizzes.join("\n");
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { hash ^= text.charCodeAt(i); hash = Math.imul(hash, 0x01000193) >>> 0; }
    return { pages: pages, quizzes: quizzes, tests: tests, fingerprint: hash.toString(36) };
  }
  function bits(list, has) {
    var out = "";
    for (var i = 0; i < list.length; i += 6) {
      var value = 0;
      for (var j = 0; j < 6 && i + j < list.length; j++) if (has(list[i + j])) value |= 1 << j;
      out += DIGITS.charAt(value);
    }
    return out.replace(/A+$/, "");
  }
  function unbits(text, list, each) {
    for (var i = 0; i < text.length; i++) {
      var value = DIGITS.indexOf(text.charAt(i));
      for (var j = 0; j < 6; j++) if (value >= 0 && (value & (1 << j)) && list[i * 6 + j] !== undefined) each(list[i * 6 + j]);
    }
  }
  function encode(data, course) {
    var o = outline(course);
    var tests = o.tests.map(function (path) {
      var t = data.tests[path];
      if (!t) return "--";
      var n = Math.max(0, Math.min(100, Math.round(t.best))) * 2 + (t.passed ? 1 : 0);
      return (n < 36 ? "0" : "") + n.toString(36);
    }).join("");
    var parts = [
      bits(o.pages, function (p) { return data.pages[p]; }),
      bits(o.quizzes, function (q) { return data.quizzes[q]; }),
      bits(o.quizzes, function (q) { return data.quizzes[q] && data.quizzes[q].correct; })
    ];
    function joined() { return ["K1", o.fingerprint].concat(parts, [tests]).join("."); }
    // Too long for the LMS: give up quiz answers, then pages read; test results are always kept.
    if (joined().length > SUSPEND_LIMIT) { parts[1] = ""; parts[2] = ""; }
    if (joined().length > SUSPEND_LIMIT) parts[0] = "";
    return joined().slice(0, SUSPEND_LIMIT);
  }
  function decode(text, course) {
    var data = { version: 1, pages: {}, quizzes: {}, tests: {} };
    var parts = String(text || "").split(".");
    var o = outline(course);
    if (parts.length !== 6 || parts[0] !== "K1" || parts[1] !== o.fingerprint) return data;
    unbits(parts[2], o.pages, function (p) { data.pages[p] = { read: "" }; });
    unbits(parts[3], o.quizzes, function (q) { data.quizzes[q] = { correct: false, at: "" }; });
    unbits(parts[4], o.quizzes, function (q) { data.quizzes[q] = { correct: true, at: "" }; });
    o.tests.forEach(function (path, i) {
      var n = parseInt(parts[5].substr(i * 2, 2), 36);
      if (isFinite(n) && n >= 0 && n <= 201) data.tests[path] = { best: n >> 1, bestAt: "", last: n >> 1, passed: (n & 1) === 1 };
    });
    return data;
  }
  window.KenshuSCORM = { encode: encode, decode: decode, limit: SUSPEND_LIMIT };

  // ---- Finding the LMS: the API object on a parent frame or the opener. A file:// parent throws
  // on access instead of answering undefined, so every read is guarded.
  function apiIn(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { /* cross-origin */ }
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }
  var api = null;
  try { api = apiIn(window.parent !== window ? window.parent : null) || (window.opener ? apiIn(window.opener) : null); } catch (e) { api = null; }
  if (!api || String(api.LMSInitialize("")) !== "true") return;

  var body = document.body;
  var root = body.getAttribute("data-root") || "./";
  var page = body.getAttribute("data-page") || "";
  var started = Date.now();
  // One store per learner: several people may use the same LMS on one shared PC.
  var learner = String(api.LMSGetValue("cmi.core.student_id") || "");
  var site = (body.getAttribute("data-site") || "kenshu") + (learner ? "~" + learner : "");
  body.setAttribute("data-site", site);
  var KEY = "kenshu:" + site + ":progress";

  // The SCO this frame was launched as: named in the launch URL, remembered for the pages that follow.
  var sco = null;
  try {
    if (/[?&]kenshu-sco=/.test(location.search)) sessionStorage.setItem("kenshu-sco:" + site, page);
    sco = sessionStorage.getItem("kenshu-sco:" + site);
  } catch (e) { sco = null; }

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function merge(mine, saved) {
    var data = isObject(mine) && mine.version === 1 ? mine : { version: 1, pages: {}, quizzes: {}, tests: {} };
    ["pages", "quizzes", "tests"].forEach(function (part) { if (!isObject(data[part])) data[part] = {}; });
    Object.keys(saved.pages).forEach(function (k) { if (!data.pages[k]) data.pages[k] = saved.pages[k]; });
    Object.keys(saved.quizzes).forEach(function (k) {
      var a = data.quizzes[k], b = saved.quizzes[k];
      if (!a || (!a.correct && b.correct)) data.quizzes[k] = b;
    });
    Object.keys(saved.tests).forEach(function (k) {
      var a = data.tests[k], b = saved.tests[k];
      data.tests[k] = !a ? b : { best: Math.max(a.best, b.best), bestAt: a.best >= b.best ? a.bestAt : b.bestAt, last: a.last, passed: a.passed || b.passed };
    });
    return data;
  }

  function moduleOf(course) {
    var found = null;
    course.modules.forEach(function (module) {
      var paths = [module.path].concat(module.lessons.map(function (l) { return l.path; }), module.tests.map(function (t) { return t.path; }));
      if (paths.indexOf(sco || page) >= 0 && !found) found = module;
    });
    return found;
  }
  function set(name, value) { api.LMSSetValue(name, String(value)); }
  function report(data) {
    var course = window.KENSHU_COURSE;
    if (!course || !isObject(data)) return;
    var module = moduleOf(course);
    set("cmi.core.lesson_location", page.slice(0, 255));
    set("cmi.suspend_data", encode(data, course));
    if (module) {
      var results = module.tests.map(function (t) { return data.tests[t.path]; });
      var taken = results.filter(Boolean);
      if (module.tests.length) {
        if (taken.length) set("cmi.core.score.raw", Math.min.apply(null, taken.map(function (r) { return r.best; })));
        var passed = taken.length === module.tests.length && taken.every(function (r) { return r.passed; });
        set("cmi.core.lesson_status", passed ? "passed" : taken.length ? "failed" : "incomplete");
      } else {
        var read = module.lessons.every(function (l) { return data.pages[l.path]; });
        set("cmi.core.lesson_status", read ? "completed" : "incomplete");
      }
    }
    api.LMSCommit("");
  }

  // course.js is written into the page right here, so it runs (and the saved progress is in the
  // local store) before progress.js reads the store; this happens only inside an LMS.
  window.KenshuSCORM.restore = function () {
    var course = window.KENSHU_COURSE;
    if (!course) return;
    var saved = decode(api.LMSGetValue("cmi.suspend_data"), course);
    try { localStorage.setItem(KEY, JSON.stringify(merge(load(), saved))); } catch (e) { /* storage disabled */ }
  };
  document.write('<script src="' + root + 'course.js"></scr' + 'ipt><script>window.KenshuSCORM.restore();</scr' + 'ipt>');

  document.addEventListener("kenshu:progress", function (event) { report(event.detail); });
  window.addEventListener("load", function () { report(load()); });

  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    report(load());
    var seconds = Math.round((Date.now() - started) / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    set("cmi.core.session_time", two(Math.floor(seconds / 3600)) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60));
    set("cmi.core.exit", "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("unload", finish);
})();
