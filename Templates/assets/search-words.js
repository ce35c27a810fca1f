// The words of a search, as the build indexes them (docs/stemmers.md): text -> tokens -> lower case ->
// Arabic letters normalised -> stemmed with the language's Snowball stemmer -> diacritics folded.
// The stemmer is Snowball's own C, compiled to WebAssembly from the same 2.2.0 sources as the
// build's libstemmer (Scripts/build-stemmers.sh), so a query stems exactly as the index did.
// search.js calls SpinesiteWords.load(form.dataset.stemmer) once.
(function () {
  "use strict";

  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  // Tatweel and harakat go; hamza and alef forms become their plain letters.
  function normaliseArabic(word) {
    return word.replace(/[\u0640\u064B-\u065F\u0670]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0624/g, "\u0648")
      .replace(/[\u0626\u0649]/g, "\u064A");
  }

  function foldDiacritics(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  // The module's `stem` as a function of strings; a word Snowball fails on stays as it is.
  function stemmerOf(exports) {
    var memo = new Map();
    return function (word) {
      var stem = memo.get(word);
      if (stem !== undefined) { return stem; }
      var bytes = encoder.encode(word);
      var input = exports.alloc(bytes.length);
      new Uint8Array(exports.memory.buffer, input, bytes.length).set(bytes);
      var output = exports.stem(input, bytes.length);
      stem = word;
      if (output) {
        var memory = new Uint8Array(exports.memory.buffer);
        stem = decoder.decode(memory.subarray(output, memory.indexOf(0, output)));
      }
      memo.set(word, stem);
      return stem;
    };
  }

  function pipeline(stem) {
    function tokens(text) {
      var found = [];
      for (var match of String(text).matchAll(WORD)) {
        var word = normaliseArabic(match[0].toLowerCase().normalize("NFC"));
        var term = word && foldDiacritics(stem(word));
        if (term) { found.push({ start: match.index, end: match.index + match[0].length, term: term }); }
      }
      return found;
    }
    return {
      tokens: tokens,
      terms: function (text) { return tokens(text).map(function (token) { return token.term; }); }
    };
  }

  function unstemmed(word) { return word; }

  window.SpinesiteWords = {
    load: function (stemmerURL) {
      if (!stemmerURL) { return Promise.resolve(pipeline(unstemmed)); }
      return fetch(stemmerURL)
        .then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          return response.arrayBuffer();
        })
        .then(function (bytes) { return WebAssembly.instantiate(bytes); })
        .then(function (result) { return pipeline(stemmerOf(result.instance.exports)); })
        .catch(function (error) {
          console.warn("search: no stemmer (" + stemmerURL + "), searching unstemmed:", error);
          return pipeline(unstemmed);
        });
    }
  };
}());
