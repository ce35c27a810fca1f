// The search page: looks a query up in the locale's search index (built by spinesite) without
// any external service. The index is in parts (see docs/search.md): a meta file names the term
// chunks and the fragment tables; a query fetches only the chunks of its terms and the fragments
// of the results it shows. Words are made terms by search-words.js, as the build made them
// (case, accents and Arabic letter forms folded, stemmed per language). Several words narrow the
// results; "words in quotes" match as a phrase. Without JavaScript the page shows the topic index.
(function () {
  "use strict";

  var form = document.querySelector("form.search-form[data-search-index]");
  if (!form || !window.fetch || !window.Promise || !window.SpinesiteWords) { return; }
  var input = form.querySelector("input[type=search]");
  var status = form.querySelector(".search-status");
  var list = form.querySelector(".search-results");
  var more = form.querySelector(".search-more");
  var metaURL = form.getAttribute("data-search-index");
  var base = metaURL.slice(0, metaURL.lastIndexOf("/") + 1);
  var language = document.documentElement.lang || "en";
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(language) : null;
  var shown = 10;      // results shown at first, and added by "more"
  var phraseCap = 100; // phrase candidates checked against their text, best first
  var files = {};
  var meta = null;
  var words = null;
  var current = 0;     // the latest query's number: older answers are dropped
  var results = [];
  var showing = 0;
  var queryTerms = {};

  function get(url) {
    if (!files[url]) {
      files[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(url + ": " + response.status); }
        return response.json();
      });
    }
    return files[url];
  }

  // The chunk whose range holds `term`: the last whose first term is not after it.
  function chunkOf(term) {
    var low = 0, high = meta.chunks.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (term < meta.chunks[middle][0]) { high = middle; } else { low = middle + 1; }
    }
    return meta.chunks[Math.max(0, low - 1)][1];
  }

  // A term's postings as document → score.
  function postings(term) {
    return get(base + chunkOf(term)).then(function (chunk) {
      var found = new Map();
      if (!Object.prototype.hasOwnProperty.call(chunk, term)) { return found; }
      var list = chunk[term], document = 0;
      for (var i = 0; i < list.length; i += 2) {
        document += list[i];
        found.set(document, list[i + 1]);
      }
      return found;
    });
  }

  function fragment(document) {
    var table = Math.floor(document / meta.tableSize);
    return get(base + meta.tables[table]).then(function (hashes) {
      return get(base + "f/" + hashes[document % meta.tableSize] + ".json");
    });
  }

  // The query's words and its quoted phrases, as terms.
  function parse(query) {
    var phrases = [], all = [];
    query.replace(/"([^"]*)("|$)/g, function (match, phrase) {
      var terms = words.terms(phrase);
      if (terms.length > 1) { phrases.push(terms); }
      return " ";
    });
    words.terms(query).forEach(function (term) { if (all.indexOf(term) === -1) { all.push(term); } });
    return { terms: all, phrases: phrases };
  }

  // Documents holding every term, best first: their scores (BM25, precomputed) summed.
  function rank(lists) {
    lists.sort(function (a, b) { return a.size - b.size; });
    var ranked = [];
    lists[0].forEach(function (score, document) {
      for (var i = 1; i < lists.length; i++) {
        var other = lists[i].get(document);
        if (other === undefined) { return; }
        score += other;
      }
      ranked.push({ document: document, score: score });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.document - b.document; });
    return ranked;
  }

  function containsPhrase(terms, phrase) {
    outer: for (var i = 0; i + phrase.length <= terms.length; i++) {
      for (var j = 0; j < phrase.length; j++) { if (terms[i + j] !== phrase[j]) { continue outer; } }
      return true;
    }
    return false;
  }

  // Phrases are checked against the text of the best candidates: positions in the index would
  // make every chunk several times larger for a kind of query readers seldom type.
  function checkPhrases(ranked, phrases) {
    if (!phrases.length) { return Promise.resolve(ranked); }
    var candidates = ranked.slice(0, phraseCap);
    return Promise.all(candidates.map(function (result) { return fragment(result.document); }))
      .then(function (fragments) {
        return candidates.filter(function (result, index) {
          var text = words.terms(fragments[index].t + "\n" + fragments[index].x);
          return phrases.every(function (phrase) { return containsPhrase(text, phrase); });
        });
      });
  }

  function search(query) {
    var parsed = parse(query);
    if (!parsed.terms.length) { return Promise.resolve({ terms: [], results: [] }); }
    return Promise.all(parsed.terms.map(postings)).then(function (lists) {
      return checkPhrases(rank(lists), parsed.phrases);
    }).then(function (ranked) { return { terms: parsed.terms, results: ranked }; });
  }

  // `text` as nodes, each word whose term the query has in <mark>.
  function marked(text, start, end, into) {
    var position = start;
    words.tokens(text.slice(start, end)).forEach(function (token) {
      if (!queryTerms[token.term]) { return; }
      into.appendChild(document.createTextNode(text.slice(position, start + token.start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start + token.start, start + token.end);
      into.appendChild(mark);
      position = start + token.end;
    });
    into.appendChild(document.createTextNode(text.slice(position, end)));
  }

  // About 30 words of `text` around the stretch where most of the query's terms are.
  function excerpt(text, into) {
    var tokens = words.tokens(text);
    var best = -1, bestCount = 0, span = 30;
    for (var i = 0; i < tokens.length; i++) {
      if (!queryTerms[tokens[i].term]) { continue; }
      var seen = {}, count = 0;
      for (var j = i; j < tokens.length && j < i + span; j++) {
        var term = tokens[j].term;
        if (queryTerms[term] && !seen[term]) { seen[term] = true; count++; }
      }
      if (count > bestCount) { best = i; bestCount = count; }
    }
    if (best === -1) { best = 0; }
    var first = Math.max(0, best - 8);
    var last = Math.min(tokens.length - 1, first + span);
    if (!tokens.length) { return; }
    var start = first === 0 ? 0 : tokens[first].start;
    var end = last === tokens.length - 1 ? text.length : tokens[last].end;
    if (start > 0) { into.appendChild(document.createTextNode("… ")); }
    marked(text, start, end, into);
    if (end < text.length) { into.appendChild(document.createTextNode(" …")); }
  }

  function item(entry) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = entry.u;
    marked(entry.t, 0, entry.t.length, link);
    item.appendChild(link);
    if (entry.s) {
      var section = document.createElement("span");
      section.className = "search-section";
      section.textContent = " · " + entry.s;
      item.appendChild(section);
    }
    var text = document.createElement("p");
    text.className = "search-excerpt";
    excerpt(entry.x, text);
    item.appendChild(text);
    return item;
  }

  // The next results, in order, once all their fragments are in.
  function showMore(number) {
    var next = results.slice(showing, showing + shown);
    showing += next.length;
    more.hidden = showing >= results.length;
    return Promise.all(next.map(function (result) { return fragment(result.document); }))
      .then(function (fragments) {
        if (number !== current) { return; }
        fragments.forEach(function (entry) { list.appendChild(item(entry)); });
      });
  }

  function countText(count) {
    var category = plurals ? plurals.select(count) : (count === 1 ? "one" : "other");
    var key = "count" + category.charAt(0).toUpperCase() + category.slice(1);
    var text = status.dataset[key] || status.dataset.countOther || status.dataset.count || "";
    return text.replace("{count}", count.toLocaleString(language));
  }

  function run(query) {
    var number = ++current;
    return search(query).then(function (answer) {
      if (number !== current) { return; }
      list.textContent = "";
      results = answer.results;
      showing = 0;
      queryTerms = {};
      answer.terms.forEach(function (term) { queryTerms[term] = true; });
      if (!query.trim()) {
        status.textContent = "";
        more.hidden = true;
        return;
      }
      status.textContent = results.length ? countText(results.length) : status.getAttribute("data-no-results");
      return showMore(number);
    }).catch(function (error) {
      if (window.console) { console.warn("search:", error); }
    });
  }

  function remember(query) {
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  // Arrow keys move between the search box and the results' links.
  function onKey(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) { return; }
    var position = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? position + 1 : position - 1;
    if (next < -1 || next >= links.length) { return; }
    event.preventDefault();
    (next === -1 ? input : links[next]).focus();
  }

  var timer = 0;
  Promise.all([get(metaURL), window.SpinesiteWords.load(form.dataset.stemmer || "")])
    .then(function (loaded) {
      meta = loaded[0];
      words = loaded[1];
      form.hidden = false;
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.addEventListener("keydown", onKey);
      more.addEventListener("click", function () { showMore(current); });
      input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          remember(input.value);
          run(input.value);
        }, 120);
      });
      var initial = new URLSearchParams(window.location.search).get("q");
      if (initial) {
        input.value = initial;
        run(initial);
      }
    })
    .catch(function (error) {
      // The topic index below stays: it lists every page.
      if (window.console) { console.warn("search:", error); }
    });
})();
