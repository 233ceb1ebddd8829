/* treatydiff reports: filter box, keys n and p for the next and previous change, print
   expansion. The views and "only changes" work without script (CSS :has). */
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

  function applyFilter() {
    var query = filterBox.value.trim().toLowerCase();
    var matched = 0;
    var clauses = 0;
    rows.forEach(function (row) {
      var hit = !query || row.textContent.toLowerCase().indexOf(query) !== -1;
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
    say(query ? matched + " of " + clauses + " clauses match" : "");
  }

  if (filterBox) {
    filterBox.addEventListener("input", applyFilter);
    if (filterBox.value) applyFilter();
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
