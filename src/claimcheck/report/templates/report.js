(function () {
  "use strict";
  // Filters, sorting, deep links and keyboard navigation over the list of items (#items > li).
  var list = document.getElementById("items");
  var items = Array.prototype.slice.call(list.children);
  var form = document.getElementById("controls");
  var query = document.getElementById("q");
  var ruleSel = document.getElementById("rule");
  var sortSel = document.getElementById("sort");
  var desc = document.getElementById("desc");
  var count = document.getElementById("count");
  var empty = document.getElementById("empty");
  var current = null;

  // Each item's searchable text, lower-cased once.
  var haystack = new Map();
  items.forEach(function (li) { haystack.set(li, li.textContent.toLowerCase()); });

  function checked(name) {
    var out = new Set();
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      if (box.checked) out.add(box.value);
    });
    return out;
  }

  function matches(li, sev, cats, rule, words) {
    var severity = li.dataset.severity;
    if (severity && !sev.has(severity)) return false;
    if (!cats.has(li.dataset.cat)) return false;
    if (rule) {
      var kind = rule.slice(0, rule.indexOf(":"));
      var value = rule.slice(rule.indexOf(":") + 1);
      if ((kind === "rule" ? li.dataset.rule : li.dataset.check) !== value) return false;
    }
    var text = haystack.get(li);
    return words.every(function (w) { return text.indexOf(w) !== -1; });
  }

  function applyFilters() {
    var sev = checked("sev"), cats = checked("cat"), rule = ruleSel.value;
    var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li) {
      var ok = matches(li, sev, cats, rule, words);
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + " of " + items.length + " items";
    empty.hidden = shown > 0;
  }

  function sortKey(li, key) {
    if (key === "order") return [Number(li.dataset.order)];
    if (key === "sev") return [Number(li.dataset.sev), Number(li.dataset.order)];
    return [li.dataset[key] || "\uffff", Number(li.dataset.order)];
  }

  function compare(a, b) {
    for (var i = 0; i < a.length; i += 1) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return 0;
  }

  function applySort() {
    var key = sortSel.value, sign = desc.checked ? -1 : 1;
    var keyed = items.map(function (li) { return [sortKey(li, key), li]; });
    keyed.sort(function (x, y) { return sign * compare(x[0], y[0]); });
    items = keyed.map(function (pair) { return pair[1]; });
    items.forEach(function (li) { list.appendChild(li); });
  }

  function setCurrent(li, scroll) {
    if (current) current.classList.remove("current");
    current = li;
    if (!li) return;
    li.classList.add("current");
    li.querySelector("summary").focus({ preventScroll: true });
    if (scroll) li.scrollIntoView({ block: "start" });
    try {
      history.replaceState(null, "", "#" + li.id);
    } catch (e) { /* some file:// contexts refuse; the highlight is enough */ }
  }

  function visible() {
    return items.filter(function (li) { return !li.hidden; });
  }

  function step(delta) {
    var shown = visible();
    if (!shown.length) return;
    var at = shown.indexOf(current);
    var next = at === -1 ? (delta > 0 ? 0 : shown.length - 1) : Math.min(shown.length - 1, Math.max(0, at + delta));
    setCurrent(shown[next], true);
  }

  // The item for an anchor: #f-<fingerprint>, or #g-<group id> (its own item, or the first finding
  // that shows the group).
  function itemFor(id) {
    var li = id ? document.getElementById(id) : null;
    if (li || id.slice(0, 2) !== "g-") return li;
    var group = id.slice(2);
    return items.filter(function (it) { return it.dataset.group === group; })
      .sort(function (a, b) { return Number(a.dataset.order) - Number(b.dataset.order); })[0] || null;
  }

  // #f-<fingerprint> or #g-<group id>: show, open and highlight that item, even if filtered out.
  function openHash() {
    var li = itemFor(decodeURIComponent(location.hash.slice(1)));
    if (!li || li.parentNode !== list) return;
    if (li.hidden) {
      form.reset();
      form.querySelectorAll("input[name=cat][value=" + li.dataset.cat + "]").forEach(function (b) { b.checked = true; });
      applyFilters();
      applySort();
    }
    li.querySelector("details").open = true;
    setCurrent(li, true);
  }

  form.addEventListener("input", applyFilters);
  form.addEventListener("change", function (ev) {
    if (ev.target === sortSel || ev.target === desc) applySort(); else applyFilters();
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  document.getElementById("expand").addEventListener("click", function () {
    visible().forEach(function (li) { li.querySelector("details").open = true; });
  });
  document.getElementById("collapse").addEventListener("click", function () {
    items.forEach(function (li) { li.querySelector("details").open = false; });
  });
  document.querySelectorAll(".card[data-check]").forEach(function (card) {
    card.addEventListener("click", function () {
      ruleSel.value = "check:" + card.dataset.check;
      applyFilters();
    });
  });
  list.addEventListener("click", function (ev) {
    var li = ev.target.closest(".item");
    if (li && li !== current) setCurrent(li, false);
  });
  window.addEventListener("hashchange", openHash);

  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    if (ev.key === "j") step(1);
    else if (ev.key === "k") step(-1);
    else if (ev.key === "o" && current) current.querySelector("details").open = !current.querySelector("details").open;
    else if (ev.key === "/") query.focus();
    else return;
    ev.preventDefault();
  });

  document.getElementById("download").addEventListener("click", function () {
    var text = document.getElementById("claimcheck-data").textContent;
    var blob = new Blob([JSON.stringify(JSON.parse(text), null, 2) + "\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "claimcheck.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  applyFilters();
  if (location.hash) openHash();
})();
