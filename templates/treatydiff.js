/* treatydiff reports: filter box, change list filters, keys n and p for the next and
   previous change, anchors below the sticky toolbar, print expansion. The views and
   "only changes" work without script (CSS :has). */
(function () {
  "use strict";
  var doc = document;
  var rows = Array.prototype.slice.call(doc.querySelectorAll("[data-item]"));
  var filterBox = doc.getElementById("filter");
  var statusText = doc.getElementById("status-text");
  var current = -1;

  Array.prototype.forEach.call(doc.querySelectorAll("[data-js-only]"), function (el) {
    el.hidden = false;
  });

  /* Anchors land below what sticks to the top of the page: the toolbar, and the column
     heads of a table that stick under it. The stylesheet reads the heights from here. */
  var toolbar = doc.querySelector(".toolbar");
  var stickyHead = doc.querySelector("table.sticky-head thead");
  function measure() {
    var bar = toolbar && getComputedStyle(toolbar).position === "sticky" ? toolbar.offsetHeight : 0;
    var head = stickyHead && getComputedStyle(stickyHead).display !== "none" ? stickyHead.offsetHeight : 0;
    doc.documentElement.style.setProperty("--toolbar-h", bar + "px");
    doc.documentElement.style.setProperty("--sticky-h", bar + head + "px");
  }
  measure();
  window.addEventListener("resize", measure);

  function openAround(el) {
    var details = el.closest("details");
    while (details) {
      details.open = true;
      details = details.parentElement ? details.parentElement.closest("details") : null;
    }
  }

  function say(text) {
    if (statusText) statusText.textContent = text;
  }

  function changes() {
    return rows.filter(function (row) {
      return row.classList.contains("changed") && !row.classList.contains("filtered-out");
    });
  }

  function go(step) {
    var list = changes();
    if (!list.length) {
      say("No changes to go to.");
      return;
    }
    var index = current === -1 ? (step > 0 ? 0 : list.length - 1) : current + step;
    if (index < 0) index = list.length - 1;
    if (index >= list.length) index = 0;
    var previous = doc.querySelector(".row.current");
    if (previous) previous.classList.remove("current");
    var row = list[index];
    current = index;
    openAround(row);
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
    say("Change " + (index + 1) + " of " + list.length);
  }

  /* A citation as a list of tokens: the unit ("article", "preambular", "part"...), then
     its numbers and letters; level words ("paragraph", "point") dropped, short forms
     spelt out. "article 3, paragraph 1 (a)" and "art. 3(1)(a)" both give
     article 3 1 a; "article 3" is a prefix of it, "article 30" is not. */
  var UNITS = /^(article|preambular|part|chapter|section|subsection|title|annex|formula|final|chapeau)$/;
  var LEVELS = /^(paragraph|point|indent|unnumbered|subparagraph)$/;
  var NUMBERISH = /^([0-9]+[a-z]?|[a-z]{1,2}|[ivxlc]+)$/;
  var SPELT = { art: "article", para: "paragraph", preamble: "preambular", chap: "chapter", sect: "section", subs: "subsection", titl: "title" };

  function citeTokens(text) {
    var words = text.toLowerCase().replace(/[(),.;:]/g, " ").split(/\s+/).filter(Boolean);
    return words
      .map(function (word) {
        return SPELT[word] || word;
      })
      .filter(function (word, n) {
        return n === 0 || !LEVELS.test(word);
      });
  }

  /* The tokens of a query that reads as a citation: a unit, then numbers only; else null. */
  function citationQuery(query) {
    var tokens = citeTokens(query);
    if (!tokens.length || !UNITS.test(tokens[0])) return null;
    for (var n = 1; n < tokens.length; n += 1) {
      if (!NUMBERISH.test(tokens[n])) return null;
    }
    return tokens;
  }

  function startsWithTokens(tokens, prefix) {
    if (prefix.length > tokens.length) return false;
    for (var n = 0; n < prefix.length; n += 1) {
      if (tokens[n] !== prefix[n]) return false;
    }
    return true;
  }

  function citesAny(row, prefix) {
    var cites = (row.getAttribute("data-cite") || "").split("|");
    return cites.some(function (cite) {
      return cite && startsWithTokens(citeTokens(cite), prefix);
    });
  }

  /* Words match at the start of a word: "moved" finds "moved", never "removed". */
  function wordPattern(query) {
    var escaped = query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    return new RegExp("(^|[^\\p{L}\\p{N}])" + escaped, "iu");
  }

  function applyFilter() {
    var query = filterBox.value.trim();
    var cited = query ? citationQuery(query) : null;
    var pattern = query && !cited ? wordPattern(query) : null;
    var matched = 0;
    var clauses = 0;
    rows.forEach(function (row) {
      var hit = !query || (cited ? citesAny(row, cited) : pattern.test(row.textContent));
      row.classList.toggle("filtered-out", !hit);
      if (row.getAttribute("data-item") !== "clause") return;
      clauses += 1;
      if (hit) matched += 1;
      if (hit && query) openAround(row);
    });
    Array.prototype.forEach.call(doc.querySelectorAll("[data-group]"), function (group) {
      var members = doc.querySelectorAll('[data-item][data-in="' + group.id + '"]');
      var any = Array.prototype.some.call(members, function (m) {
        return !m.classList.contains("filtered-out");
      });
      group.classList.toggle("filtered-out", Boolean(query) && !any);
    });
    current = -1;
    var how = cited ? " (citation " + cited.join(" ") + ")" : "";
    say(query ? matched + " of " + clauses + " clauses match" + how : "");
  }

  if (filterBox) {
    filterBox.addEventListener("input", applyFilter);
    if (filterBox.value) applyFilter();
  }

  /* The change list: filter by kind and by flag. */
  var kindBox = doc.getElementById("change-kind");
  var flagBox = doc.getElementById("change-flag");
  var changeCount = doc.getElementById("change-count");
  var listed = Array.prototype.slice.call(doc.querySelectorAll("table.changes tbody tr"));
  function filterChanges() {
    var kind = kindBox.value;
    var flag = flagBox.value;
    var shown = 0;
    listed.forEach(function (item) {
      var flags = " " + item.getAttribute("data-flags") + " ";
      var ok = (!kind || item.getAttribute("data-kind") === kind) && (!flag || flags.indexOf(" " + flag + " ") !== -1);
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    changeCount.textContent = kind || flag ? shown + " of " + listed.length + " changes" : "";
  }
  if (kindBox && flagBox) {
    kindBox.addEventListener("change", filterChanges);
    flagBox.addEventListener("change", filterChanges);
    filterChanges();
  }

  Array.prototype.forEach.call(doc.querySelectorAll("[data-step]"), function (button) {
    button.addEventListener("click", function () {
      go(Number(button.getAttribute("data-step")));
    });
  });

  doc.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      if (event.key === "Escape" && target === filterBox) filterBox.blur();
      return;
    }
    if (event.key === "n") {
      event.preventDefault();
      go(1);
    } else if (event.key === "p") {
      event.preventDefault();
      go(-1);
    } else if (event.key === "/" && filterBox) {
      event.preventDefault();
      filterBox.focus();
    }
  });

  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && doc.getElementById(id);
    if (target) {
      openAround(target);
      measure();
      target.scrollIntoView({ block: "start" });
    }
  }
  window.addEventListener("hashchange", showTarget);
  showTarget();

  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(doc.querySelectorAll("details:not([open])"), function (d) {
      closedForPrint.push(d);
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (d) {
      d.open = false;
    });
    closedForPrint = [];
  });
})();
