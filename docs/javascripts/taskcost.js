/*
 * What a Cline task costs on a model, for the comparison's task chooser and custom counts
 * (docs/javascripts/compare.js). The same formula as hooks/render/cost.py, step for step and in the same
 * order of operations, so both give the same numbers to the last digit; tests/test_task_cost_js.py runs
 * this file in Node against the Python function for every model of the catalog. A row's price blocks
 * come from models.json (`billing`): a plan name, or [currency, [[up_to, input, output, read, write], …]].
 * In the site it is the first part of the comparison's script (hooks/docsite/comparison_files.py) and
 * defines window.TaskCost; in the tests it is a CommonJS module.
 */
(function (root) {
  "use strict";

  var PER = 1000000, SIGNS = { USD: "$", CNY: "¥" };

  // A profile's counts as render/cost.py's TaskProfile holds them, with its whole cached tokens.
  function counts(requests, prompt, percent, written, output) {
    return { requests: requests, prompt: prompt, percent: percent, written: written, output: output,
             read: Math.floor(prompt * percent / 100) };
  }

  // The tier a prompt of this size is billed in: the first whose limit holds it, else the last.
  function tierIndex(tiers, prompt) {
    for (var i = 0; i < tiers.length; i++) {
      if (tiers[i][0] === null || prompt <= tiers[i][0]) return i;
    }
    return tiers.length - 1;
  }

  // One request at a tier's rates; a missing cache price is billed at the input price.
  function requestCost(tier, task) {
    var input = tier[1], read = tier[3] === null ? input : tier[3], write = tier[4] === null ? input : tier[4];
    var fresh = task.prompt - task.read - task.written;
    return (fresh * input + task.read * read + task.written * write + task.output * tier[2]) / PER;
  }

  // The task under each block: {kind: "priced", currency, amount, tier} or {kind: plan}; one
  // {kind: "too-large"} when the prompt and its answer do not fit the context window.
  function taskCosts(blocks, context, task) {
    if (task.prompt + task.output > context) return [{ kind: "too-large" }];
    return blocks.map(function (block) {
      if (typeof block === "string") return { kind: block };
      var tiers = block[1], index = tierIndex(tiers, task.prompt);
      return { kind: "priced", currency: block[0], amount: task.requests * requestCost(tiers[index], task),
               tier: tiers.length > 1 ? index : null };
    });
  }

  // Number.toFixed rounds an exact tie up; Python's format rounds it to even. Ties are rare (only
  // amounts with few binary digits), but the two must print the same.
  function fixed(value, decimals) {
    var shown = value.toFixed(decimals), exact = value.toFixed(100), point = exact.indexOf(".");
    var rest = exact.slice(point + 1 + decimals);
    if (!/^50*$/.test(rest)) return shown;
    var down = exact.slice(0, point + 1 + decimals).replace(/\.$/, "");
    var last = Number(down.charAt(down.length - 1));
    return last % 2 === 0 ? down : shown;
  }

  // A task's cost for reading, as render/text.py's `cost`: two decimals, or two significant digits below 0.10.
  function money(amount, currency) {
    if (amount >= 0.1 || amount === 0) return SIGNS[currency] + fixed(amount, 2);
    var decimals = Math.min(6, 1 - Math.floor(Math.log10(amount)));
    return SIGNS[currency] + fixed(amount, decimals);
  }

  // The lines of a cost cell, as render/comparison_columns.py writes them: an amount (with the
  // long-context price as a note after a tab) or the words for a plan or a task too large.
  function costLines(values, labels) {
    return values.map(function (value) {
      if (value.kind === "priced") return money(value.amount, value.currency) + (value.tier ? "\t" + labels.long : "");
      return value.kind === "too-large" ? labels.tooLarge : labels.plans[value.kind];
    }).join("\n");
  }

  // The sort value: the main block's amount, 0 when free, NaN when there is no number.
  function sortValue(values) {
    var first = values[0];
    return first.kind === "priced" ? first.amount : (first.kind === "free" ? 0 : NaN);
  }

  var api = { counts: counts, taskCosts: taskCosts, money: money, costLines: costLines, sortValue: sortValue };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TaskCost = api;
})(typeof window === "undefined" ? this : window);
