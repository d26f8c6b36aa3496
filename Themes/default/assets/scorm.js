/* Kenshu: reports progress to an LMS through the SCORM 1.2 API when the course runs inside one
   (a package made by `kenshu export --format scorm12`). Every page loads it before progress.js;
   without an LMS it stops at once and progress.js keeps progress in localStorage alone, so the
   same built files work from a file share, in the preview and in an LMS.

   In a package, the LMS launches scorm-launch.html?start=<module page> for each module
   (one SCO per module). That launcher holds the one API session of the visit: LMSInitialize when
   it opens, LMSFinish when it closes, while the learner moves between pages in its frame. Each
   page restores the progress kept in cmi.suspend_data into the local store before progress.js
   reads it, and hands every change progress.js saves to the launcher, which reports it
   (lesson_location, score.raw, lesson_status, suspend_data) and commits. */
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
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  var body = document.body;

  if (body.getAttribute("data-scorm-launcher") === "true") { launch(); return; }

  // ---- A course page: inside the launcher's frame, or not in an LMS at all.
  var lms = null;
  try { lms = window.parent !== window && window.parent.KenshuLMS ? window.parent.KenshuLMS : null; } catch (e) { lms = null; }
  if (!lms) return;
  var page = body.getAttribute("data-page") || "";
  // One store per learner: several people may use the same LMS on one shared PC.
  var site = (body.getAttribute("data-site") || "kenshu") + (lms.learner ? "~" + lms.learner : "");
  body.setAttribute("data-site", site);
  var KEY = "kenshu:" + site + ":progress";
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  try { localStorage.setItem(KEY, JSON.stringify(merge(load(), lms.saved))); } catch (e) { /* storage disabled */ }
  document.addEventListener("kenshu:progress", function (event) { lms.report(event.detail, page); });
  window.addEventListener("load", function () { lms.report(load(), page); });
  return;

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

  // ---- The launcher: one SCO (module), one API session.
  function launch() {
    var frame = document.getElementById("kenshu-sco");
    var match = /[?&]start=([^&#]*)/.exec(location.search);
    var start = match ? decodeURIComponent(match[1]) : "index.html";
    if (!/^[^\/\\:?#][^\\:?#]*$/.test(start) || start.split("/").indexOf("..") >= 0) start = "index.html";
    var course = window.KENSHU_COURSE;
    var api = null;
    try { api = apiIn(window.parent !== window ? window.parent : null) || (window.opener ? apiIn(window.opener) : null); } catch (e) { api = null; }
    if (api && course && String(api.LMSInitialize("")) === "true") {
      var module = null;
      course.modules.forEach(function (m) { if (m.path === start) module = m; });
      var last = null, started = Date.now(), finished = false;
      // Each value goes to the LMS when it changes, and a commit (a request to the LMS's server) only then: every
      // page's load reported the same values again.
      var sent = {}, changed = false;
      var set = function (name, value) {
        if (sent[name] === String(value)) return;
        changed = true;
        // A value the LMS refused is sent again next time.
        if (String(api.LMSSetValue(name, String(value))) === "true") sent[name] = String(value); else delete sent[name];
      };
      var report = function (data, page) {
        if (finished || !isObject(data) || !isObject(data.pages) || !isObject(data.quizzes) || !isObject(data.tests)) return;
        last = data;
        changed = false;
        if (page) set("cmi.core.lesson_location", String(page).slice(0, 255));
        set("cmi.suspend_data", encode(data, course));
        if (module && module.tests.length) {
          var taken = module.tests.map(function (t) { return data.tests[t.path]; }).filter(Boolean);
          if (taken.length) {
            // The range with the score: an LMS that shows a percentage reads it from min and max.
            set("cmi.core.score.min", 0);
            set("cmi.core.score.max", 100);
            set("cmi.core.score.raw", Math.min.apply(null, taken.map(function (r) { return r.best; })));
          }
          var passed = taken.length === module.tests.length && taken.every(function (r) { return r.passed; });
          set("cmi.core.lesson_status", passed ? "passed" : taken.length ? "failed" : "incomplete");
        } else if (module) {
          set("cmi.core.lesson_status", module.lessons.every(function (l) { return data.pages[l.path]; }) ? "completed" : "incomplete");
        }
        if (changed) api.LMSCommit("");
      };
      var finish = function () {
        if (finished) return;
        if (last) report(last, "");
        finished = true;
        var seconds = Math.round((Date.now() - started) / 1000);
        var two = function (n) { return (n < 10 ? "0" : "") + n; };
        set("cmi.core.session_time", two(Math.floor(seconds / 3600)) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60));
        set("cmi.core.exit", "suspend");
        api.LMSCommit("");
        api.LMSFinish("");
      };
      window.KenshuLMS = {
        learner: String(api.LMSGetValue("cmi.core.student_id") || ""),
        saved: decode(api.LMSGetValue("cmi.suspend_data"), course),
        report: report
      };
      window.addEventListener("pagehide", finish);
      window.addEventListener("unload", finish);
    }
    frame.addEventListener("load", function () {
      try { if (frame.contentDocument && frame.contentDocument.title) document.title = frame.title = frame.contentDocument.title; } catch (e) { /* not ours */ }
    });
    frame.src = start;
  }
})();
