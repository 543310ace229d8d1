/*
 * Side-by-side view of two or three models on the models index (#compare, hooks/render/model_index.py).
 * Reads models/models.json (facts as display text, in the page's language) and keeps the choice in the
 * address, `?compare=a,b,c`, so the link can be shared. No dependencies; every word shown comes from the
 * page's data attributes or the data file, and is set as text, never as HTML.
 */
(function () {
  "use strict";

  var MAX = 3;

  function chosen() {
    var value = new URLSearchParams(window.location.search).get("compare") || "";
    return value.split(",").filter(Boolean).slice(0, MAX);
  }

  function remember(slugs) {
    var params = new URLSearchParams(window.location.search);
    if (slugs.length) { params.set("compare", slugs.join(",")); } else { params.delete("compare"); }
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + "#compare");
  }

  function picker(view, models, number, selected) {
    var label = document.createElement("label");
    label.textContent = view.dataset.labelPick.replace("{number}", String(number)) + " ";
    var select = document.createElement("select");
    select.appendChild(new Option(view.dataset.labelNone, ""));
    var groups = {};
    Object.keys(models).forEach(function (slug) {
      var model = models[slug];
      if (!groups[model.vendor]) {
        groups[model.vendor] = document.createElement("optgroup");
        groups[model.vendor].label = model.vendor;
        select.appendChild(groups[model.vendor]);
      }
      groups[model.vendor].appendChild(new Option(model.name, slug, false, slug === selected));
    });
    label.appendChild(select);
    return label;
  }

  function table(view, models, slugs) {
    var result = document.createElement("table");
    var head = result.createTHead().insertRow();
    var corner = document.createElement("th");
    corner.textContent = view.dataset.labelFact;
    head.appendChild(corner);
    slugs.forEach(function (slug) {
      var cell = document.createElement("th");
      var link = document.createElement("a");
      link.href = models[slug].url;
      link.textContent = models[slug].name;
      cell.appendChild(link);
      head.appendChild(cell);
    });
    var body = result.createTBody();
    models[slugs[0]].facts.forEach(function (fact, row) {
      var line = body.insertRow();
      var name = document.createElement("th");
      name.scope = "row";
      name.textContent = fact[0];
      line.appendChild(name);
      slugs.forEach(function (slug) { line.insertCell().textContent = models[slug].facts[row][1]; });
    });
    return result;
  }

  function render(view, models) {
    var slugs = chosen().filter(function (slug) { return models[slug]; });
    var form = document.createElement("form");
    form.className = "model-compare__pick";
    for (var number = 1; number <= MAX; number++) {
      form.appendChild(picker(view, models, number, slugs[number - 1]));
    }
    form.addEventListener("change", function () {
      var picked = Array.prototype.map.call(form.querySelectorAll("select"), function (s) { return s.value; });
      remember(picked.filter(Boolean));
      render(view, models);
    });
    var output = document.createElement("div");
    output.className = "model-compare__table";
    output.setAttribute("aria-live", "polite");
    if (slugs.length >= 2) {
      output.appendChild(table(view, models, slugs));
    } else {
      var hint = document.createElement("p");
      hint.textContent = view.dataset.labelEmpty;
      output.appendChild(hint);
    }
    view.replaceChildren(form, output);
  }

  function start() {
    var view = document.getElementById("compare");
    if (!view || !view.classList.contains("model-compare")) { return; }
    fetch(view.dataset.source).then(function (response) { return response.json(); })
      .then(function (data) { render(view, data.models); });
  }

  if (typeof document$ !== "undefined") { document$.subscribe(start); } else { start(); }
})();
