/*
 * Model comparison: sort, filter and keep both in the address, for the table that
 * hooks/render/comparison.py renders (#cmp-table, #cmp-filters). No dependencies and no language
 * strings: every word shown comes from the page. Rows carry their raw values in data-* attributes;
 * they are read once into an index, and filtering only toggles `hidden`, so 500+ rows stay smooth.
 */
(function () {
  "use strict";

  // Read every row once: the sort value of each column and what the filters test.
  function indexRows(table, columns) {
    var currencies = (table.getAttribute("data-currencies") || "").split(" ");
    return Array.prototype.map.call(table.tBodies[0].rows, function (row, order) {
      var entry = {
        row: row, order: order, values: {},
        terms: row.getAttribute("data-terms") || "",
        capabilities: (row.getAttribute("data-capabilities") || "").split(" "),
        vendor: row.getAttribute("data-vendor"), kind: row.getAttribute("data-kind"),
        context: Number(row.getAttribute("data-context")), plan: row.getAttribute("data-plan"),
        currency: row.getAttribute("data-currency"), input: row.getAttribute("data-input")
      };
      columns.forEach(function (column) {
        entry.values[column.key] = sortValue(row.getAttribute("data-" + column.key), column.type, entry, currencies);
      });
      return entry;
    });
  }

  // A comparable value, or null for unknown (sorted last in both directions).
  function sortValue(raw, type, entry, currencies) {
    if (raw === null || raw === "") return null;
    if (type === "text") return raw;
    if (type === "count") return raw.split(" ").filter(Boolean).length;
    if (type !== "price") return Number(raw);
    // Prices sort within a currency (never converted); free has no currency and joins the first.
    var group = entry.plan === "free" ? 0 : currencies.indexOf(entry.currency);
    return [group < 0 ? currencies.length : group, Number(raw)];
  }

  // Ties keep the page's own order (provider, then model).
  function comparator(column, direction, collator) {
    return function (a, b) {
      var x = a.values[column.key], y = b.values[column.key], result;
      if (x === null || y === null) {
        result = x === y ? 0 : (x === null ? 1 : -1);
      } else if (column.type === "price") {
        result = (x[0] - y[0]) || direction * (x[1] - y[1]);
      } else if (column.type === "text") {
        result = direction * collator.compare(x, y);
      } else {
        result = direction * (x - y);
      }
      return result || a.order - b.order;
    };
  }

  // The filters as the form holds them; empty values filter nothing.
  function readFilters(form) {
    var data = new FormData(form);
    var price = String(data.get("maxin") || "").trim();
    return {
      words: String(data.get("q") || "").toLocaleLowerCase().split(/\s+/).filter(Boolean),
      capabilities: data.getAll("cap"), vendor: data.get("vendor") || "", kind: data.get("kind") || "",
      context: Number(data.get("ctx") || 0),
      maxInput: price === "" || isNaN(Number(price)) ? null : Number(price), currency: data.get("cur") || ""
    };
  }

  function matches(entry, filters) {
    if (filters.vendor && entry.vendor !== filters.vendor) return false;
    if (filters.kind && entry.kind !== filters.kind) return false;
    if (entry.context < filters.context) return false;
    if (filters.maxInput !== null && entry.plan !== "free" && (entry.plan !== "per-token" ||
        entry.currency !== filters.currency || Number(entry.input) > filters.maxInput)) return false;
    for (var i = 0; i < filters.capabilities.length; i++) {
      if (entry.capabilities.indexOf(filters.capabilities[i]) < 0) return false;
    }
    for (var j = 0; j < filters.words.length; j++) {
      if (entry.terms.indexOf(filters.words[j]) < 0) return false;
    }
    return true;
  }

  // Show matching rows, update the count, and put the state in the address.
  function applyFilters(view) {
    var filters = readFilters(view.form), shown = 0;
    view.rows.forEach(function (entry) {
      var visible = matches(entry, filters);
      if (entry.row.hidden === visible) entry.row.hidden = !visible;
      if (visible) shown += 1;
    });
    var template = view.count.getAttribute("data-template");
    view.count.textContent = template.replace("{shown}", shown).replace("{total}", view.rows.length);
    view.empty.hidden = shown > 0;
    saveState(view);
  }

  // Reorder the rows in one DOM operation and mark the sorted column for assistive technology.
  function applySort(view) {
    var column = view.columns.filter(function (c) { return c.key === view.sort; })[0];
    var ordered = view.rows.slice();
    if (column) ordered.sort(comparator(column, view.direction === "desc" ? -1 : 1, view.collator));
    var fragment = document.createDocumentFragment();
    ordered.forEach(function (entry) { fragment.appendChild(entry.row); });
    view.table.tBodies[0].appendChild(fragment);
    view.columns.forEach(function (c) {
      if (c === column) c.header.setAttribute("aria-sort", view.direction === "desc" ? "descending" : "ascending");
      else c.header.removeAttribute("aria-sort");
    });
  }

  // Only non-default values go into the address, so an unfiltered view keeps a clean URL.
  function saveState(view) {
    var params = new URLSearchParams(), defaults = view.defaults;
    new FormData(view.form).forEach(function (value, name) {
      if (String(value).trim() !== "" && value !== defaults[name]) params.append(name, String(value).trim());
    });
    if (view.sort) {
      params.set("sort", view.sort);
      if (view.direction === "desc") params.set("dir", "desc");
    }
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // Put the address's state into the controls; values the page does not offer are ignored.
  function restoreState(view, params) {
    Array.prototype.forEach.call(view.form.elements, function (control) {
      if (!control.name) return;
      var values = params.getAll(control.name).join(",").split(",");
      if (control.type === "checkbox") control.checked = values.indexOf(control.value) >= 0;
      else if (params.has(control.name)) control.value = params.get(control.name);
      if (control.tagName === "SELECT" && control.selectedIndex < 0) control.selectedIndex = 0;
    });
    var known = view.columns.some(function (c) { return c.key === params.get("sort"); });
    view.sort = known ? params.get("sort") : null;
    view.direction = params.get("dir") === "desc" ? "desc" : "asc";
  }

  // Each heading's text moves into a button: native keyboard use, and nothing to press without script.
  function addSortButtons(view) {
    view.columns.forEach(function (column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cmp-sort";
      button.setAttribute("data-sort", column.key);
      while (column.header.firstChild) button.appendChild(column.header.firstChild);
      column.header.appendChild(button);
      button.addEventListener("click", function () {
        view.direction = view.sort === column.key && view.direction === "asc" ? "desc" : "asc";
        view.sort = column.key;
        applySort(view);
        saveState(view);
      });
    });
  }

  // Coalesce bursts of typing into one update per frame.
  function scheduler(view) {
    var pending = false;
    return function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; applyFilters(view); });
    };
  }

  function scrollToTarget(table) {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && table.contains(target) && !target.hidden) target.scrollIntoView();
  }

  function init() {
    var table = document.getElementById("cmp-table"), form = document.getElementById("cmp-filters");
    if (!table || !form || table.hasAttribute("data-ready")) return;
    table.setAttribute("data-ready", "");
    var columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (header) {
      return { key: header.getAttribute("data-sort"), type: header.getAttribute("data-type"), header: header };
    });
    var view = {
      table: table, form: form, columns: columns, rows: indexRows(table, columns),
      count: document.getElementById("cmp-count"), empty: document.getElementById("cmp-empty"),
      collator: new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" }),
      defaults: {}, sort: null, direction: "asc"
    };
    new FormData(form).forEach(function (value, name) { view.defaults[name] = value; });
    addSortButtons(view);
    restoreState(view, new URLSearchParams(location.search));
    form.hidden = false;
    var update = scheduler(view);
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (view.sort) applySort(view);
    applyFilters(view);
    if (view.sort) scrollToTarget(table);
  }

  // Material re-emits document$ after each instant navigation; without it, run once now.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else init();
})();
