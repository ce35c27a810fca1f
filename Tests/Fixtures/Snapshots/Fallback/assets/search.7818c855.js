// The search page: looks words up in the locale's search index (built by
// spinesite) without any external service. Accents and case are ignored, so
// "estimulacion" finds "estimulación". Without JavaScript the page shows the
// full topic index instead.
(function () {
  "use strict";

  var form = document.querySelector("[data-search-index]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[type=search]");
  var status = form.querySelector(".search-status");
  var list = form.querySelector(".search-results");
  var entries = [];

  // Lower case without diacritics: "Estimulación" -> "estimulacion".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(entry) {
    entry.haystack = fold([entry.title, entry.description, entry.section].concat(entry.headings).join(" \n "));
    entry.titleFolded = fold(entry.title);
    return entry;
  }

  // Every word of the query must appear; title matches rank first.
  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { return []; }
    return entries.filter(function (entry) {
      return words.every(function (word) { return entry.haystack.indexOf(word) !== -1; });
    }).sort(function (a, b) {
      var aTitle = words.every(function (w) { return a.titleFolded.indexOf(w) !== -1; }) ? 0 : 1;
      var bTitle = words.every(function (w) { return b.titleFolded.indexOf(w) !== -1; }) ? 0 : 1;
      return aTitle - bTitle;
    });
  }

  function show(results, query) {
    list.textContent = "";
    results.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.url;
      link.textContent = entry.title;
      item.appendChild(link);
      if (entry.section) {
        var section = document.createElement("span");
        section.className = "search-section";
        section.textContent = " · " + entry.section;
        item.appendChild(section);
      }
      var description = document.createElement("p");
      description.textContent = entry.description;
      item.appendChild(description);
      list.appendChild(item);
    });
    if (!query.trim()) {
      status.textContent = "";
    } else if (!results.length) {
      status.textContent = status.getAttribute("data-no-results");
    } else {
      status.textContent = status.getAttribute("data-count").replace("{count}", String(results.length));
    }
  }

  fetch(form.getAttribute("data-search-index"), { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      entries = data.map(prepare);
      form.hidden = false;
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      input.addEventListener("input", function () { show(search(input.value), input.value); });
      var initial = new URLSearchParams(window.location.search).get("q");
      if (initial) { input.value = initial; show(search(initial), initial); }
    })
    .catch(function () {
      // The topic index below stays: it lists every page.
    });
})();
