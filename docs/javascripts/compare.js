/*
 * Model comparison: sort, filter and keep both in the address, for the table that
 * hooks/render/comparison.py renders (#cmp-table, #cmp-filters). Every model is in models.json beside
 * the page (hooks/render/comparison_data.py); only a page of rows at a time is in the document, so the
 * page stays light at any catalog size. Rows are built exactly as the server builds its first page,
 * with text nodes only: catalog text never becomes HTML. No dependencies and no language strings:
 * every word shown comes from the page. Minified at build time (hooks/docsite/comparison_files.py).
 * The cost column prices the task the reader chooses (window.TaskCost, docs/javascripts/taskcost.js,
 * which the build puts in front of this file); ticked models go to the side-by-side view of the models index.
 */
(function () {
  "use strict";

  var MAX_PICKED = 3;  // the side-by-side view shows up to three models
  var FIRST_TAP_MS = 1000;  // after the table is ready, before work that can wait (text sort order)

  // Rows of the document as entries: what the filters test and where the sort values are.
  function readEntries(doc, view) {
    var at = {};
    doc.fields.forEach(function (name, index) { at[name] = index; });
    return doc.rows.map(function (row, order) {
      var plan = row[at.plan], group = view.currencies.indexOf(row[at.currency]);
      return {
        order: order, anchor: row[at.anchor], provider: doc.providers[row[at.provider]], model: row[at.model],
        vendor: row[at.vendor], plan: plan, currency: row[at.currency], inputs: row[at.inputs],
        capabilities: row[at.capabilities] ? row[at.capabilities].split(" ") : [],
        terms: null, words: row[at.terms], source: doc.sources[row[at.source]], verified: row[at.verified],
        sort: row[at.sort], cells: row[at.cells], page: row[at.page],
        serves: row[at.serves] || row[at.page][0], billing: row[at.billing], priceSources: row[at.price_sources],
        task: null,
        // Prices sort within a currency (never converted); free has no currency and joins the first.
        group: plan === "free" ? 0 : (group < 0 ? view.currencies.length : group)
      };
    });
  }

  // One number per entry for a column, NaN when unknown; text becomes its collated rank. Kept per column.
  function sortKeys(view, column) {
    if (view.keys[column.key]) return view.keys[column.key];
    var entries = view.entries, keys = new Float64Array(entries.length), index = column.index;
    if (column.type === "text") {
      // A text column sorts by what its cell shows first: each distinct text is collated once.
      var ranks = new Map(), shown = entries.map(function (entry) { return firstText(entry.cells[index]); });
      shown.forEach(function (value) { ranks.set(value, 0); });
      Array.from(ranks.keys()).sort(collator(view).compare).forEach(function (value, rank) { ranks.set(value, rank); });
      entries.forEach(function (entry, number) { keys[entry.order] = ranks.get(shown[number]); });
    } else if (column.key === "task-cost" && view.task.counts !== undefined) {
      entries.forEach(function (entry) { keys[entry.order] = taskCost(view, entry).sort; });
    } else {
      entries.forEach(function (entry) {
        var value = entry.sort[index];
        keys[entry.order] = value === null || value === undefined ? NaN : Number(value);
      });
    }
    view.keys[column.key] = keys;
    return keys;
  }

  // Made on first use: building one costs a slow phone tens of milliseconds (more for Chinese), which
  // would otherwise come before the sort buttons exist; text sorts are prepared when the page is idle.
  function collator(view) {
    if (!view.collator) {
      view.collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
    }
    return view.collator;
  }

  // The chosen task's cost on an entry: its cell's lines and sort value, kept until the task changes.
  // Invalid custom counts (null) price nothing.
  function taskCost(view, entry) {
    if (!entry.task || entry.task.key !== view.task.key) {
      var counts = view.task.counts, context = entry.sort[view.contextAt];
      var values = counts ? TaskCost.taskCosts(billing(view, entry), context, counts) : null;
      entry.task = { key: view.task.key, lines: values ? TaskCost.costLines(values, view.costLabels) : "—",
                     sort: values ? TaskCost.sortValue(values) : NaN };
    }
    return entry.task;
  }

  // A row's price blocks; 0 in the data stands for one block without tiers whose rates are the row's
  // sort values of the four price columns (hooks/render/comparison_data.py, compact_billing).
  function billing(view, entry) {
    if (entry.billing) return entry.billing;
    var sort = entry.sort, at = view.priceAt;
    return [[entry.currency, [[null, sort[at[0]], sort[at[1]], sort[at[2]], sort[at[3]]]]]];
  }

  function cellLines(view, column, entry) {
    if (column.key === "task-cost" && view.task.counts !== undefined) return taskCost(view, entry).lines;
    return entry.cells[column.index];
  }

  function firstText(cell) {
    return cell.split("\n")[0].split("\t")[0];
  }

  // What the free-text filter matches: the model's words, its provider's and its vendor's (both
  // languages), gathered on the first search rather than for every row at load.
  function terms(view, entry) {
    if (entry.terms === null) {
      entry.terms = [entry.words, entry.provider[3], view.vendorTerms[entry.vendor] || ""].join(" ");
    }
    return entry.terms;
  }

  // Unknown values last in both directions; ties keep the page's own order (provider, then model).
  function comparator(column, direction, keys) {
    var byCurrency = column.type === "price";
    return function (a, b) {
      var x = keys[a.order], y = keys[b.order], unknownX = x !== x, unknownY = y !== y;
      if (unknownX || unknownY) return (unknownX === unknownY ? 0 : (unknownX ? 1 : -1)) || a.order - b.order;
      return (byCurrency && a.group - b.group) || direction * (x - y) || a.order - b.order;
    };
  }

  function sortedEntries(view) {
    var column = columnByKey(view, view.sort);
    if (!column) return view.entries;
    return view.entries.slice().sort(comparator(column, view.direction === "desc" ? -1 : 1, sortKeys(view, column)));
  }

  function columnByKey(view, key) {
    return view.columns.filter(function (column) { return column.key === key; })[0];
  }

  // The filters as the form holds them; empty values filter nothing.
  function readFilters(form) {
    var data = new FormData(form);
    var price = String(data.get("maxin") || "").trim();
    return {
      words: String(data.get("find") || "").toLocaleLowerCase().split(/\s+/).filter(Boolean),
      capabilities: data.getAll("cap"), vendor: data.get("vendor") || "", kind: data.get("kind") || "",
      context: Number(data.get("ctx") || 0),
      maxInput: price === "" || isNaN(Number(price)) ? null : Number(price), currency: data.get("cur") || ""
    };
  }

  function matches(view, entry, filters) {
    if (filters.vendor && entry.vendor !== filters.vendor) return false;
    if (filters.kind && entry.provider[2] !== filters.kind) return false;
    if (entry.sort[view.contextAt] < filters.context) return false;
    // A maximum input price keeps free models and any price block in that currency up to it.
    if (filters.maxInput !== null && entry.plan !== "free" && !entry.inputs.some(function (block) {
      return block[0] === filters.currency && block[1] !== null && block[1] <= filters.maxInput;
    })) return false;
    for (var i = 0; i < filters.capabilities.length; i++) {
      if (entry.capabilities.indexOf(filters.capabilities[i]) < 0) return false;
    }
    for (var j = 0; j < filters.words.length; j++) {
      if (terms(view, entry).indexOf(filters.words[j]) < 0) return false;
    }
    return true;
  }

  // Elements ----------------------------------------------------------------------------------------

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  // A line of a cell: its text, and its note (after a tab) in <small>.
  function appendLine(cell, line) {
    var tab = line.indexOf("\t"), text = tab < 0 ? line : line.slice(0, tab), note = tab < 0 ? "" : line.slice(tab + 1);
    if (text) cell.appendChild(document.createTextNode(note ? text + " " : text));
    if (note) cell.appendChild(element("small", note));
  }

  // The provider and the model id link to the provider page; the id has Material's copy button.
  function appendFirstLine(view, cell, column, entry, line) {
    var page = "../providers/" + entry.provider[0] + "/";
    if (column.cell === "provider") {
      cell.appendChild(element("a", line, { href: page }));
    } else if (column.cell === "model") {
      var link = element("a", "", { href: page + "#model-" + entry.anchor });
      link.appendChild(element("code", line));
      cell.appendChild(link);
      cell.appendChild(element("button", "", {
        "class": "md-clipboard md-icon copy-id", type: "button", "data-clipboard-text": line,
        title: view.labels.copy, "aria-label": view.labels.copy + ": " + line }));
      if (entry.page) {  // [slug, providers]: the model's own page, listing every provider that serves it
        var small = element("small", "", { "class": "model-page-link" });
        small.appendChild(element("a", view.labels.modelPage.replace("{count}", entry.page[1]),
                                  { href: "../models/" + entry.page[0] + "/" }));
        cell.appendChild(document.createTextNode(" "));
        cell.appendChild(small);
      }
      appendPickBox(view, cell, entry);
    } else {
      appendLine(cell, line);
    }
  }

  // A small "checked <date>" linked to where the row's numbers come from.
  function appendChecked(view, cell, entry) {
    if (!/^https?:\/\//i.test(entry.source)) return;
    var small = element("small");
    small.appendChild(element("a", view.labels.checked.replace("{date}", entry.verified), {
      href: entry.source,
      "aria-label": view.labels.sourceLabel.replace("{model}", entry.model).replace("{date}", entry.verified) }));
    cell.appendChild(element("br"));
    cell.appendChild(small);
  }

  // Blocks priced from another page than the row's source, as provider tables name them: "CNY prices: <page>".
  function appendPriceSources(view, cell, entry) {
    var parts = view.labels.priceSource.split("{source}");
    (entry.priceSources || []).forEach(function (block) {
      if (!/^https?:\/\//i.test(block[1])) return;
      var small = element("small"), before = parts[0].replace("{currency}", block[0]);
      var after = (parts[1] || "").replace("{currency}", block[0]);
      if (before) small.appendChild(document.createTextNode(before));
      small.appendChild(element("a", block[2], { href: block[1] }));
      if (after) small.appendChild(document.createTextNode(after));
      cell.appendChild(element("br"));
      cell.appendChild(small);
    });
  }

  // A tick that picks the row's model for the side-by-side view; rows of one model tick together.
  function appendPickBox(view, cell, entry) {
    var label = element("label", "", { "class": "cmp-pick" });
    var box = element("input", "", { type: "checkbox", value: entry.serves,
                                      "aria-label": view.labels.pickLabel.replace("{model}", entry.model) });
    box.checked = view.picked.indexOf(entry.serves) >= 0;
    box.disabled = !box.checked && view.picked.length >= MAX_PICKED;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + view.labels.pick));
    cell.appendChild(document.createTextNode(" "));
    cell.appendChild(label);
  }

  function renderRow(view, entry) {
    var row = element("tr", "", { id: "cmp-" + entry.anchor });
    view.columns.forEach(function (column) {
      var cell = element("td", "", column.numeric ? { "class": "cmp-num" } : {});
      cell.setAttribute("data-label", column.label);
      cellLines(view, column, entry).split("\n").forEach(function (line, number) {
        if (number) cell.appendChild(element("br"));
        if (number) appendLine(cell, line); else appendFirstLine(view, cell, column, entry, line);
      });
      if (column.cell === "status") {
        appendChecked(view, cell, entry);
        appendPriceSources(view, cell, entry);
      }
      row.appendChild(cell);
    });
    return row;
  }

  // The rows from start to end of what the filters leave, in one DOM operation, and the pager buttons.
  function render(view) {
    var body = view.table.tBodies[0], shown = view.visible.slice(view.start, view.end);
    // The rows already there are left alone (the server's first page, when nothing asks for another).
    var same = !view.stale && shown.length === body.rows.length && shown.every(function (entry, index) {
      return body.rows[index].id === "cmp-" + entry.anchor;
    });
    if (!same) {
      var fragment = document.createDocumentFragment();
      shown.forEach(function (entry) { fragment.appendChild(renderRow(view, entry)); });
      body.textContent = "";
      body.appendChild(fragment);
      view.stale = false;
    }
    var rest = view.visible.length - view.end;
    view.more.hidden = rest <= 0;
    view.more.textContent = view.labels.more.replace("{count}", Math.min(rest, view.pageSize));
    view.earlier.hidden = view.start <= 0;
    view.count.textContent = view.countTemplate.replace("{shown}", view.visible.length)
      .replace("{total}", view.entries.length);
    view.empty.hidden = view.visible.length > 0;
  }

  // State -------------------------------------------------------------------------------------------

  // Sorting changes the order of every row; filtering then keeps the sorted rows that match.
  function update(view, resort) {
    if (!view.entries) return;
    if (syncTask(view)) {
      view.keys["task-cost"] = null;
      view.stale = true;  // every row's cost cell changes
      if (view.sort === "task-cost") resort = true;
    }
    if (resort || !view.sorted) view.sorted = sortedEntries(view);
    var filters = readFilters(view.form);
    view.visible = view.sorted.filter(function (entry) { return matches(view, entry, filters); });
    view.start = 0;
    view.end = view.pageSize;
    render(view);
    saveState(view);
  }

  // The task the form asks for: undefined counts for the default profile (the server's cells and sort
  // values stand), a profile's or valid custom counts, or null for invalid ones. True when it changed.
  function syncTask(view) {
    var select = view.taskSelect, custom = select.value === "custom", option = select.options[select.selectedIndex];
    view.custom.disabled = !custom;
    view.custom.hidden = !custom;
    var counts = custom ? customCounts(view) : (option.defaultSelected ? undefined : optionCounts(option));
    view.customError.hidden = !custom || counts !== null;
    var key = custom ? "custom:" + JSON.stringify(counts) : option.value;
    if (view.task.key === key) return false;
    view.taskName.textContent = custom ? view.labels.custom : option.textContent;
    view.task = { key: key, counts: counts };
    view.columns.forEach(function (column) { column.label = column.header.textContent.trim(); });
    return true;
  }

  function optionCounts(option) {
    var numbers = option.getAttribute("data-counts").split(" ").map(Number);
    return TaskCost.counts.apply(null, numbers);
  }

  // The custom fields as counts, or null when a browser's own checks or the cache rule fail.
  function customCounts(view) {
    var fields = view.countFields;
    if (!fields.every(function (field) { return field.value !== "" && field.checkValidity(); })) return null;
    var task = TaskCost.counts.apply(null, fields.map(function (field) { return Number(field.value); }));
    return task.read + task.written <= task.prompt ? task : null;
  }

  // Choosing "custom" starts from the counts of the profile chosen before.
  function prefillCustom(view) {
    var previous = view.taskSelect.querySelector('option[value="' + CSS.escape(view.task.key) + '"]');
    if (!previous || !previous.hasAttribute("data-counts")) return;
    previous.getAttribute("data-counts").split(" ").forEach(function (count, index) {
      view.countFields[index].value = count;
    });
  }

  // Picking for the side-by-side view -------------------------------------------------------------

  function togglePick(view, slug, on) {
    var at = view.picked.indexOf(slug);
    if (on && at < 0 && view.picked.length < MAX_PICKED) view.picked.push(slug);
    if (!on && at >= 0) view.picked.splice(at, 1);
    showPicked(view);
    saveState(view);
  }

  // The ticks on screen, and the bar naming the picks with its link once two or three are picked.
  function showPicked(view) {
    Array.prototype.forEach.call(view.table.querySelectorAll(".cmp-pick input"), function (box) {
      box.checked = view.picked.indexOf(box.value) >= 0;
      box.disabled = !box.checked && view.picked.length >= MAX_PICKED;
    });
    var bar = view.pickedBar, count = view.picked.length, names = view.picked.map(function (slug) {
      return modelName(view, slug);
    });
    bar.hidden = count === 0;
    var text = bar.getAttribute("data-template").replace("{count}", count).replace("{models}", names.join(", "));
    view.pickedText.textContent = count < 2 ? text + " " + bar.getAttribute("data-hint") : text;
    view.pickedLink.hidden = count < 2;
    view.pickedLink.setAttribute("href", "../models/?compare=" + view.picked.map(encodeURIComponent).join(",")
                                 + "#compare");
  }

  // A picked model's name as its rows show it (under the id).
  function modelName(view, slug) {
    var entry = view.entries.filter(function (item) { return item.serves === slug; })[0];
    var note = entry.cells[view.modelAt].split("\n")[1];
    return note ? note.replace(/^\t/, "") : entry.model;
  }

  function markSorted(view) {
    view.columns.forEach(function (column) {
      if (column.key === view.sort) {
        column.header.setAttribute("aria-sort", view.direction === "desc" ? "descending" : "ascending");
      } else {
        column.header.removeAttribute("aria-sort");
      }
    });
  }

  // Only non-default values go into the address, so an unfiltered view keeps a clean URL. Parameters
  // the view does not own stay as they are: Material's ?q= (open search) and ?h= (highlight the words).
  function saveState(view) {
    var params = new URLSearchParams(), defaults = view.defaults;
    new FormData(view.form).forEach(function (value, name) {
      if (String(value).trim() !== "" && value !== defaults[name]) params.append(name, String(value).trim());
    });
    if (view.sort) {
      params.set("sort", view.sort);
      if (view.direction === "desc") params.set("dir", "desc");
    }
    if (view.picked.length) params.set("pick", view.picked.join(","));
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (!ownParameter(view, name)) params.append(name, value);
    });
    var query = params.toString(), search = query ? "?" + query : "";
    // Unchanged on a plain first visit: the browser is not asked to rewrite the address for nothing.
    if (search !== location.search) history.replaceState(history.state, "", location.pathname + search + location.hash);
  }

  function ownParameter(view, name) {
    return name === "sort" || name === "dir" || name === "pick" || !!view.form.elements.namedItem(name);
  }

  // Put the address's state into the controls; values the page does not offer are ignored.
  function restoreState(view, params) {
    Array.prototype.forEach.call(view.form.elements, function (control) {
      if (!control.name) return;
      var values = params.getAll(control.name).join(",").split(",");
      if (control.type === "checkbox") control.checked = values.indexOf(control.value) >= 0;
      else if (params.has(control.name)) control.value = params.get(control.name);
      if (control.tagName === "SELECT" && control.selectedIndex < 0) {
        // a value the page does not offer: its first choice, or the one the page starts with
        var start = Array.prototype.findIndex.call(control.options, function (item) { return item.defaultSelected; });
        control.selectedIndex = Math.max(0, start);
      }
    });
    view.requestedPicks = (params.get("pick") || "").split(",").filter(Boolean);
    view.sort = columnByKey(view, params.get("sort")) ? params.get("sort") : null;
    view.direction = params.get("dir") === "desc" ? "desc" : "asc";
    markSorted(view);
  }

  // A deep link (#cmp-… or a provider page's #model-…) shows the page of rows holding it, in view.
  function showTarget(view) {
    var hash;
    try {
      hash = decodeURIComponent(location.hash.slice(1)).replace(/^model-/, "cmp-");
    } catch (error) {
      return;  // a malformed address names no row
    }
    if (!hash || !view.entries) return;
    var index = -1;
    for (var i = 0; i < view.visible.length; i++) {
      if ("cmp-" + view.visible[i].anchor === hash) { index = i; break; }
    }
    if (index < 0) return;
    if (index < view.start || index >= view.end) {
      view.start = index - index % view.pageSize;
      view.end = view.start + view.pageSize;
      render(view);
    }
    var row = document.getElementById(hash), marked = view.table.querySelector(".cmp-target");
    if (marked) marked.classList.remove("cmp-target");
    row.classList.add("cmp-target");
    row.scrollIntoView({ block: "center" });
  }

  // Wiring ------------------------------------------------------------------------------------------

  // Each heading's text moves into a button: native keyboard use, and nothing to press without script.
  function addSortButtons(view) {
    view.columns.forEach(function (column) {
      var button = element("button", "", { type: "button", "class": "cmp-sort", "data-sort": column.key });
      while (column.header.firstChild) button.appendChild(column.header.firstChild);
      column.header.appendChild(button);
      button.addEventListener("click", function () {
        view.direction = view.sort === column.key && view.direction === "asc" ? "desc" : "asc";
        view.sort = column.key;
        markSorted(view);
        update(view, true);
      });
    });
  }

  // Typing is coalesced into one update per frame; a tick or a choice applies at once.
  function listen(view) {
    var pending = false;
    view.form.addEventListener("input", function (event) {
      if (event.target === view.taskSelect && event.target.value === "custom" && view.task) prefillCustom(view);
      if (!/^(search|number|text)$/.test(event.target.type)) return update(view, false);
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; update(view, false); });
    });
    view.form.addEventListener("reset", function () { window.setTimeout(function () { update(view, false); }, 0); });
    view.form.addEventListener("submit", function (event) { event.preventDefault(); });
    view.more.addEventListener("click", function () { view.end += view.pageSize; render(view); });
    view.earlier.addEventListener("click", function () {
      view.start = Math.max(0, view.start - view.pageSize);
      render(view);
    });
    window.addEventListener("hashchange", function () { showTarget(view); });
    view.table.addEventListener("change", function (event) {
      if (event.target.closest(".cmp-pick")) togglePick(view, event.target.value, event.target.checked);
    });
    document.getElementById("cmp-picked-clear").addEventListener("click", function () {
      view.picked = [];
      showPicked(view);
      saveState(view);
    });
  }

  // Text columns get their collated order while the reader is still reading, not on their first click.
  // Not in the first moments after the table is ready: those are left to the reader's first tap, which
  // a collation in progress (the collator's set-up, then a sort of every distinct name) would hold up.
  function prepareTextSorts(view) {
    var idle = window.requestIdleCallback || function (callback) { return window.setTimeout(callback, 50); };
    window.setTimeout(function () {
      view.columns.filter(function (column) { return column.type === "text"; }).forEach(function (column) {
        idle(function () { sortKeys(view, column); });
      });
    }, FIRST_TAP_MS);
  }

  function loaded(view, doc) {
    view.entries = readEntries(doc, view);
    view.vendorTerms = doc.vendors;
    view.columns.forEach(function (column) { column.index = doc.columns.indexOf(column.key); });
    view.contextAt = doc.columns.indexOf("context");
    view.modelAt = doc.columns.indexOf("model");
    view.priceAt = ["input", "output", "cache-read", "cache-write"].map(function (key) {
      return doc.columns.indexOf(key);
    });
    var known = {};
    view.entries.forEach(function (entry) { known[entry.serves] = true; });
    view.picked = view.requestedPicks.filter(function (slug, index, all) {
      return known[slug] && all.indexOf(slug) === index;
    }).slice(0, MAX_PICKED);
    update(view, true);
    showPicked(view);
    view.table.setAttribute("data-ready", "");
    showTarget(view);
    prepareTextSorts(view);
  }

  function createView(table, form) {
    var data = table.dataset;
    var view = {
      table: table, form: form, count: document.getElementById("cmp-count"),
      empty: document.getElementById("cmp-empty"), more: document.getElementById("cmp-more"),
      earlier: document.getElementById("cmp-earlier"), pageSize: Number(data.pageSize) || 30,
      currencies: (data.currencies || "").split(" "), keys: {}, defaults: {}, sort: null, direction: "asc",
      labels: { more: data.more, checked: data.checked, sourceLabel: data.sourceLabel, copy: data.copy,
                modelPage: data.modelPage, priceSource: data.priceSource, pick: data.pick, pickLabel: data.pickLabel,
                custom: data.custom },
      costLabels: { tooLarge: data.tooLarge, long: data.longContext,
                    plans: { free: data.planFree, subscription: data.planSubscription, unlisted: data.planUnlisted,
                             unknown: data.planUnknown } },
      taskSelect: document.getElementById("cmp-task"), custom: document.getElementById("cmp-custom"),
      customError: document.getElementById("cmp-custom-error"), taskName: table.querySelector(".cmp-task-name"),
      pickedBar: document.getElementById("cmp-picked"), pickedText: document.getElementById("cmp-picked-text"),
      pickedLink: document.getElementById("cmp-picked-link"), picked: [], requestedPicks: []
    };
    view.countTemplate = view.count.getAttribute("data-template");
    view.columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (header) {
      return { key: header.getAttribute("data-sort"), type: header.getAttribute("data-type"),
               cell: header.getAttribute("data-cell"), numeric: header.classList.contains("cmp-num"),
               label: header.textContent.trim(), header: header };
    });
    // Defaults of every control, the disabled custom counts included: only changed values go into the address.
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.name && control.type !== "checkbox" && !(control.name in view.defaults)) {
        view.defaults[control.name] = control.tagName === "SELECT" ? selectDefault(control) : control.defaultValue;
      }
    });
    view.countFields = Array.prototype.slice.call(view.custom.querySelectorAll("input"));
    view.task = { key: view.defaults.task, counts: undefined };  // the page opens with the server's costs
    return view;
  }

  function selectDefault(select) {
    var chosen = Array.prototype.filter.call(select.options, function (item) { return item.defaultSelected; })[0];
    return (chosen || select.options[0]).value;
  }

  function init() {
    var table = document.getElementById("cmp-table"), form = document.getElementById("cmp-filters");
    if (!table || !form || table.hasAttribute("data-started")) return;
    table.setAttribute("data-started", "");
    var view = createView(table, form);
    addSortButtons(view);
    restoreState(view, new URLSearchParams(location.search));
    listen(view);
    form.hidden = false;
    fetch(table.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (doc) { loaded(view, doc); })
      .catch(function (error) {
        form.hidden = true;  // without the data the controls could not do anything; the first page stays
        console.warn("comparison data not loaded:", error);
      });
  }

  // Material re-emits document$ after each instant navigation; without it, run once now.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else init();
})();
