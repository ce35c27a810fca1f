// The pulse explainer's controls. No physics here: every number, path and
// sentence choice is looked up in the state grid spinesite computed at build
// time (assets/pulse-states.*.json). This script only shows the controls,
// finds the state the reader picked, and swaps text and SVG attributes.
(function () {
  "use strict";

  var grids = {};

  function fetchGrid(url) {
    if (!grids[url]) {
      grids[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("pulse states: HTTP " + response.status); }
        return response.json();
      });
    }
    return grids[url];
  }

  // "4.00" -> "4,00", "-0.194" -> "−0,194": the grid's text in the page's convention.
  function localise(text, decimal) {
    return text.replace(".", decimal).replace(/^-/, "\u2212");
  }

  // Row-major index over the table's own axes.
  function lookUp(grid, table, state) {
    var index = 0;
    for (var i = 0; i < table.axes.length; i++) {
      var axis = table.axes[i];
      index = index * grid.axes[axis].length + state[axis];
    }
    return table.values[index];
  }

  function Explainer(root, grid) {
    this.root = root;
    this.grid = grid;
    this.model = grid.models[Number(root.getAttribute("data-pulse-model"))];
    this.decimal = root.getAttribute("data-decimal") || ".";
    this.inputs = root.querySelectorAll("[data-axis]");
  }

  Explainer.prototype.state = function () {
    var state = {};
    for (var axis in this.grid.axes) { state[axis] = 0; }
    for (var i = 0; i < this.inputs.length; i++) {
      state[this.inputs[i].getAttribute("data-axis")] = Number(this.inputs[i].value);
    }
    return state;
  };

  // The text of a grid value with its unit, or of a slider's value.
  Explainer.prototype.text = function (name, state) {
    var value, unit;
    if (this.model[name]) {
      value = lookUp(this.grid, this.model[name], state);
      unit = this.grid.units[name] || "";
    } else if (this.grid.axes[name]) {
      value = this.grid.axes[name][state[name]];
      unit = this.root.querySelector("[data-axis-output='" + name + "']") ? unitOf(name) : "";
    } else {
      return null;
    }
    if (value === "" || value === undefined) { return "\u2014"; }
    value = localise(value, this.decimal);
    return unit ? value + "\u00a0" + unit : value;
  };

  function unitOf(axis) {
    return { amplitude: "mA", pulseWidth: "\u00b5s", frequency: "Hz" }[axis] || "";
  }

  Explainer.prototype.fill = function (template, state) {
    var self = this;
    return template.replace(/\{([A-Za-z0-9.]+)\}/g, function (whole, name) {
      var text = self.text(name, state);
      return text === null ? whole : text;
    });
  };

  Explainer.prototype.update = function () {
    var state = this.state();
    var root = this.root;
    var i;
    var outputs = root.querySelectorAll("[data-axis-output]");
    for (i = 0; i < outputs.length; i++) {
      var axis = outputs[i].getAttribute("data-axis-output");
      var text = this.text(axis, state);
      outputs[i].textContent = text;
      var input = root.querySelector("[data-axis='" + axis + "']");
      if (input) { input.setAttribute("aria-valuetext", text); }
    }
    var values = root.querySelectorAll("[data-q]");
    for (i = 0; i < values.length; i++) {
      values[i].textContent = this.text(values[i].getAttribute("data-q"), state);
    }
    var paths = root.querySelectorAll("[data-svg-d]");
    for (i = 0; i < paths.length; i++) {
      var table = this.model[paths[i].getAttribute("data-svg-d")];
      if (table) { paths[i].setAttribute("d", lookUp(this.grid, table, state)); }
    }
    var labels = root.querySelectorAll("[data-svg-at]");
    for (i = 0; i < labels.length; i++) {
      var at = this.model[labels[i].getAttribute("data-svg-at")];
      var xy = at ? lookUp(this.grid, at, state).split(" ") : [];
      if (xy.length === 2) {
        labels[i].setAttribute("x", xy[0]);
        labels[i].setAttribute("y", xy[1]);
      }
    }
    var templated = root.querySelectorAll("[data-template]");
    for (i = 0; i < templated.length; i++) {
      templated[i].textContent = this.fill(templated[i].getAttribute("data-template"), state);
    }
    var sentences = root.querySelectorAll("[data-template-0]");
    for (i = 0; i < sentences.length; i++) {
      var selector = sentences[i].getAttribute("data-selector");
      var variant = selector && this.model[selector] ? lookUp(this.grid, this.model[selector], state) : "0";
      var template = sentences[i].getAttribute("data-template-" + variant);
      if (template !== null) { sentences[i].textContent = this.fill(template, state); }
    }
  };

  function start(root) {
    fetchGrid(root.getAttribute("data-pulse-states")).then(function (grid) {
      var explainer = new Explainer(root, grid);
      if (!explainer.model) { return; }
      var controls = root.querySelector("[data-pulse-controls]");
      for (var i = 0; i < explainer.inputs.length; i++) {
        explainer.inputs[i].addEventListener("input", function () { explainer.update(); });
        explainer.inputs[i].addEventListener("change", function () { explainer.update(); });
      }
      if (controls) { controls.hidden = false; }
      var hint = root.querySelector("[data-pulse-hint]");
      if (hint) { hint.hidden = false; }
      root.setAttribute("data-pulse-ready", "");
    }).catch(function () {
      // Without the grid the page keeps its built-in figure, table and text.
    });
  }

  var roots = document.querySelectorAll("[data-pulse-model]");
  for (var i = 0; i < roots.length; i++) { start(roots[i]); }
})();
