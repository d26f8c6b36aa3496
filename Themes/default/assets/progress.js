/* Kenshu: quizzes, module tests and saved progress. A classic script (no modules, no fetch),
   so it works when the site is opened from a file share. Progress lives in localStorage under a
   key namespaced by the site id: in Chromium every file:// page shares one store. */
(function () {
  "use strict";
  var body = document.body;
  var site = body.getAttribute("data-site") || "kenshu";
  var page = body.getAttribute("data-page") || "";
  var rootHref = new URL(body.getAttribute("data-root") || "./", location.href).href;
  var KEY = "kenshu:" + site + ":progress";
  var strings = {};
  // strings.js (one file for the whole site); themes exported before it carry the words in the page.
  try { strings = window.KENSHU_STRINGS || JSON.parse(document.getElementById("kenshu-strings").textContent) || {}; } catch (e) { strings = {}; }

  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  // The learner's own calendar day (toISOString's is UTC's: before 09:00 in Japan, yesterday).
  function today() {
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  // ---- Storage: a corrupt or foreign value is ignored, never trusted.
  function clean(data) {
    var result = { version: 1, pages: {}, quizzes: {}, tests: {} };
    if (!isObject(data) || data.version !== 1) return result;
    ["pages", "quizzes", "tests"].forEach(function (part) {
      if (!isObject(data[part])) return;
      Object.keys(data[part]).forEach(function (key) {
        var entry = data[part][key];
        if (!isObject(entry)) return;
        if (part === "pages" && typeof entry.read === "string") result.pages[key] = { read: entry.read };
        if (part === "quizzes" && typeof entry.correct === "boolean") result.quizzes[key] = { correct: entry.correct, at: String(entry.at || "") };
        if (part === "tests" && typeof entry.best === "number" && isFinite(entry.best)) {
          result.tests[key] = { best: entry.best, bestAt: String(entry.bestAt || ""), last: Number(entry.last) || 0, passed: entry.passed === true };
        }
      });
    });
    return result;
  }
  function load() {
    try { return clean(JSON.parse(localStorage.getItem(KEY) || "null")); } catch (e) { return clean(null); }
  }
  function save(data) {
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage full or disabled: keep working */ }
    // scorm.js reports each change to the LMS when there is one.
    try { document.dispatchEvent(new CustomEvent("kenshu:progress", { detail: data })); } catch (e) { /* old browser */ }
  }
  function update(change) { var data = load(); change(data); save(data); return data; }

  // ---- Answers
  // Both sides alike: NFKC, lower case, no blanks or 「」; every dash as "-" (the IME's ー and the minus sign in
  // J-LIS); a final 。 or . left out.
  function normalise(text, kana) {
    var value = String(text).normalize("NFKC").toLowerCase().replace(/[\s「」]/gu, "")
      .replace(/[\u2010-\u2015\u2212\u30fc]/g, "-").replace(/[。.]+$/u, "");
    if (kana) value = value.replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); });
    return value;
  }
  function evaluate(form) {
    if (form.getAttribute("data-kind") === "text") {
      var input = form.querySelector("input[type=text]");
      var answers = [];
      try { answers = JSON.parse(form.getAttribute("data-answers") || "[]"); } catch (e) { answers = []; }
      var kana = form.getAttribute("data-kana") === "true";
      var typed = normalise(input.value, kana);
      if (!typed) return null;
      return answers.some(function (a) { return normalise(a, kana) === typed; });
    }
    var choices = Array.prototype.slice.call(form.querySelectorAll(".quiz-choice"));
    var picked = choices.filter(function (li) { return li.querySelector("input").checked; });
    if (!picked.length) return null;
    return choices.every(function (li) {
      return (li.getAttribute("data-correct") === "true") === li.querySelector("input").checked;
    });
  }
  function showOutcome(form, ok, reveal, answersHidden) {
    var result = form.querySelector(".quiz-result");
    result.textContent = ok ? t("quiz_right") : t("quiz_wrong");
    result.className = "quiz-result " + (ok ? "is-right" : "is-wrong");
    // A module test not yet passed says which answers were wrong, not what is right: the answers and explanations
    // shown after a failed grading could be copied and graded again.
    if (answersHidden) return;
    Array.prototype.forEach.call(form.querySelectorAll(".quiz-choice"), function (li) {
      var feedback = li.querySelector(".quiz-feedback");
      if (feedback) feedback.hidden = !li.querySelector("input").checked;
    });
    var details = form.querySelector(".quiz-answer");
    details.hidden = false;
    if (ok || reveal) details.open = true;
  }
  function reset(form) {
    form.reset();
    var result = form.querySelector(".quiz-result");
    result.textContent = "";
    result.className = "quiz-result";
    Array.prototype.forEach.call(form.querySelectorAll(".quiz-feedback"), function (f) { f.hidden = true; });
    form.querySelector(".quiz-answer").open = false;
    form.querySelector(".quiz-retry").hidden = true;
    var first = form.querySelector("input");
    if (first) first.focus();
  }
  function shuffle(form) {
    var list = form.querySelector(".quiz-choices");
    if (!list) return;
    var items = Array.prototype.slice.call(list.children);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = items[i]; items[i] = items[j]; items[j] = swap;
    }
    items.forEach(function (item) { list.appendChild(item); });
  }

  var forms = Array.prototype.slice.call(document.querySelectorAll("form.quiz"));
  var isTest = body.getAttribute("data-test") === "true";

  function showScore() {
    var score = document.querySelector(".quiz-score");
    if (!score) return;
    var data = load();
    var right = forms.filter(function (f) { var q = data.quizzes[f.getAttribute("data-quiz")]; return q && q.correct; }).length;
    score.textContent = t("quiz_score", { n: right, total: forms.length });
  }

  forms.forEach(function (form) {
    if (form.getAttribute("data-shuffle") === "true") shuffle(form);
    var retry = form.querySelector(".quiz-retry");
    if (isTest) {
      form.querySelector(".quiz-actions").hidden = true;
      form.querySelector(".quiz-answer").hidden = true;
      // Graded together, the test's result line speaks once for all; each question's line is read where it
      // stands (eight live lines would be read out one after another, all alike).
      var own = form.querySelector(".quiz-result");
      own.removeAttribute("role");
      own.removeAttribute("aria-live");
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (isTest) return;
      var ok = evaluate(form);
      var result = form.querySelector(".quiz-result");
      if (ok === null) {
        result.textContent = form.getAttribute("data-kind") === "text" ? t("quiz_type") : t("quiz_choose");
        result.className = "quiz-result";
        return;
      }
      showOutcome(form, ok, false);
      retry.hidden = false;
      update(function (data) { data.quizzes[form.getAttribute("data-quiz")] = { correct: ok, at: new Date().toISOString() }; });
      showScore();
    });
    retry.addEventListener("click", function () { reset(form); });
    if (!isTest) {
      var saved = load().quizzes[form.getAttribute("data-quiz")];
      if (saved && saved.correct) form.querySelector(".quiz-result").textContent = t("quiz_previous_right");
    }
  });
  showScore();

  // ---- Module tests: graded together against the pass mark.
  var grade = document.querySelector(".test-grade-button");
  function showBest() {
    var best = load().tests[page];
    var out = document.querySelector(".test-result");
    if (best && out && !out.textContent) out.textContent = t("test_best", { score: best.best, date: best.bestAt });
  }
  var retake = document.querySelector(".test-retake-button");
  // Graded answers stay as they were until the learner takes the test again, which clears them.
  function lock(locked) {
    forms.forEach(function (form) {
      Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) { input.disabled = locked; });
    });
    grade.hidden = locked;
    if (retake) retake.hidden = !locked;
  }
  if (isTest && grade) {
    grade.addEventListener("click", function () {
      var outcomes = forms.map(function (form) { return evaluate(form); });
      var right = outcomes.filter(function (ok) { return ok === true; }).length;
      var total = forms.length || 1;
      var score = Math.round(100 * right / total);
      var passMark = Number(body.getAttribute("data-pass-mark")) || 80;
      var passed = score >= passMark;
      // Answers stay hidden only where the theme lets the learner start again (its retake button locks the graded ones).
      forms.forEach(function (form, index) {
        showOutcome(form, outcomes[index] === true, true, !passed && Boolean(retake));
        if (outcomes[index] === null) {
          var result = form.querySelector(".quiz-result");
          result.textContent = t("test_unanswered");
          result.className = "quiz-result";
        }
      });
      if (retake) lock(true);
      var data = update(function (data) {
        var previous = data.tests[page];
        var better = !previous || score > previous.best;
        data.tests[page] = {
          best: better ? score : previous.best, bestAt: better ? today() : previous.bestAt,
          last: score, passed: passed || Boolean(previous && previous.passed)
        };
      });
      var out = document.querySelector(".test-result");
      out.textContent = t("test_result", { score: score, n: right, total: forms.length, verdict: passed ? t("test_passed") : t("test_failed") });
      [t("test_best", { score: data.tests[page].best, date: data.tests[page].bestAt })]
        .concat(passed || !retake ? [] : [t("test_answers_after_pass")]).forEach(function (line) {
          out.appendChild(document.createElement("br"));
          out.appendChild(document.createTextNode(line));
        });
      out.className = "test-result " + (passed ? "is-right" : "is-wrong");
    });
    if (retake) {
      retake.addEventListener("click", function () {
        forms.forEach(function (form) {
          reset(form);
          form.querySelector(".quiz-answer").hidden = true;
          if (form.getAttribute("data-shuffle") === "true") shuffle(form);
        });
        lock(false);
        var out = document.querySelector(".test-result");
        out.textContent = "";
        out.className = "test-result";
        var first = forms.length ? forms[0].querySelector("input") : null;
        if (first) first.focus();
      });
    }
    showBest();
  }

  // ---- Reading: opening a page counts as reading it; the sidebar marks what was read.
  if (page && body.className.indexOf("kind-progress") < 0) {
    update(function (data) { if (!data.pages[page]) data.pages[page] = { read: new Date().toISOString() }; });
  }
  function sitePath(href) {
    var url = new URL(href, location.href);
    url.hash = "";
    return url.href.indexOf(rootHref) === 0 ? decodeURIComponent(url.href.slice(rootHref.length)) : null;
  }
  var readPages = load().pages;
  Array.prototype.forEach.call(document.querySelectorAll("#site-nav .nav-lessons a"), function (link) {
    var path = sitePath(link.getAttribute("href"));
    if (path && readPages[path]) {
      link.classList.add("is-done");
      var mark = document.createElement("span");
      mark.className = "visually-hidden";
      mark.textContent = t("paren_open") + t("done") + t("paren_close");
      link.appendChild(mark);
    }
  });

  // ---- The progress page.
  var course = window.KENSHU_COURSE;
  var modulesOut = document.getElementById("progress-modules");
  if (!course || !modulesOut) return;

  function moduleState(module, data) {
    var read = module.lessons.filter(function (l) { return data.pages[l.path]; }).length;
    var quizzes = [].concat.apply([], module.lessons.map(function (l) { return l.quizzes; }));
    var right = quizzes.filter(function (q) { return data.quizzes[q] && data.quizzes[q].correct; }).length;
    var tests = module.tests.map(function (test) { return { test: test, result: data.tests[test.path] }; });
    var testsPassed = tests.filter(function (x) { return x.result && x.result.passed; }).length;
    var complete = tests.length ? testsPassed === tests.length : read === module.lessons.length;
    return { read: read, quizzes: quizzes.length, right: right, tests: tests, testsPassed: testsPassed, complete: complete };
  }
  function cell(dl, term, value) {
    var dt = document.createElement("dt"); dt.textContent = term;
    var dd = document.createElement("dd"); dd.textContent = value;
    dl.appendChild(dt); dl.appendChild(dd);
    return dd;
  }
  function render() {
    var data = load();
    var done = 0, total = 0, completed = [];
    modulesOut.textContent = "";
    course.modules.forEach(function (module) {
      var state = moduleState(module, data);
      done += state.read + state.testsPassed;
      total += module.lessons.length + module.tests.length;
      if (state.complete) completed.push(module.title);
      var section = document.createElement("section");
      section.className = "progress-module" + (state.complete ? " is-complete" : "");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = module.href;
      link.textContent = module.title;
      heading.appendChild(link);
      section.appendChild(heading);
      var dl = document.createElement("dl");
      cell(dl, t("progress_lessons_read"), state.read + " / " + module.lessons.length).setAttribute("data-read", state.read);
      cell(dl, t("progress_quizzes"), state.right + " / " + state.quizzes).setAttribute("data-right", state.right);
      state.tests.forEach(function (x) {
        var text = x.result ? t("test_best", { score: x.result.best, date: x.result.bestAt }) + " " + (x.result.passed ? t("test_passed") : t("test_failed")) : t("progress_not_taken");
        var label = state.tests.length > 1 ? t("progress_test") + t("paren_open") + x.test.title + t("paren_close") : t("progress_test");
        var dd = cell(dl, label, text);
        dd.setAttribute("data-passed", x.result && x.result.passed ? "true" : "false");
      });
      section.appendChild(dl);
      modulesOut.appendChild(section);
    });
    var percent = total ? Math.round(100 * done / total) : 0;
    var overall = document.getElementById("progress-overall");
    overall.textContent = t("progress_overall", { n: percent });
    overall.setAttribute("data-percent", percent);
    var list = document.getElementById("certificate-modules");
    list.textContent = "";
    (completed.length ? completed : [t("certificate_none")]).forEach(function (title) {
      var li = document.createElement("li"); li.textContent = title; list.appendChild(li);
    });
    document.getElementById("certificate-date").textContent = new Date().toLocaleDateString(document.documentElement.lang === "ja" ? "ja-JP" : "en-GB");
    // A certificate of nothing is not printed: the button waits for the first module completed.
    var hint = document.getElementById("certificate-hint");
    if (hint) {
      document.getElementById("certificate-print").disabled = !completed.length;
      hint.hidden = completed.length > 0;
    }
  }
  render();

  var nameIn = document.getElementById("certificate-name");
  nameIn.addEventListener("input", function () { document.getElementById("certificate-name-out").textContent = nameIn.value; });
  document.getElementById("certificate-print").addEventListener("click", function () {
    document.getElementById("certificate-name-out").textContent = nameIn.value;
    body.classList.add("printing-certificate");
    window.print();
    body.classList.remove("printing-certificate");
  });
  document.getElementById("progress-export").addEventListener("click", function () {
    var blob = new Blob([JSON.stringify({ kenshu: 1, site: site, exported: today(), progress: load() }, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "kenshu-progress-" + site + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  // A shared PC's next user would inherit the record and its certificate.
  var resetButton = document.getElementById("progress-reset");
  if (resetButton) {
    resetButton.addEventListener("click", function () {
      if (!window.confirm(t("progress_reset_confirm"))) return;
      try { localStorage.removeItem(KEY); } catch (e) { /* storage disabled: nothing kept */ }
      document.getElementById("progress-reset-message").textContent = t("progress_reset_done");
      render();
    });
  }
  var message = document.getElementById("progress-message");
  document.getElementById("progress-import").addEventListener("change", function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var parsed;
      try { parsed = JSON.parse(reader.result); } catch (e) { parsed = null; }
      if (!isObject(parsed) || parsed.kenshu !== 1 || !isObject(parsed.progress) || parsed.progress.version !== 1) {
        message.textContent = t("progress_import_failed");
        return;
      }
      var incoming = clean(parsed.progress);
      update(function (data) {
        Object.keys(incoming.pages).forEach(function (k) { if (!data.pages[k]) data.pages[k] = incoming.pages[k]; });
        Object.keys(incoming.quizzes).forEach(function (k) {
          var mine = data.quizzes[k];
          if (!mine || incoming.quizzes[k].at > mine.at) data.quizzes[k] = incoming.quizzes[k];
        });
        Object.keys(incoming.tests).forEach(function (k) {
          var mine = data.tests[k], theirs = incoming.tests[k];
          data.tests[k] = !mine ? theirs : {
            best: Math.max(mine.best, theirs.best), bestAt: mine.best >= theirs.best ? mine.bestAt : theirs.bestAt,
            last: mine.last, passed: mine.passed || theirs.passed
          };
        });
      });
      message.textContent = t("progress_imported");
      render();
    };
    reader.readAsText(file);
  });
})();
