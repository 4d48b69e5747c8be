// As-you-type search over every label (preferred, alternative, hidden) of every language.
// The index (search-index.js) is built by bpo-kb with labels already normalised; matching and
// ranking are bpo-kb search's: a term matches where a word of a label starts (in quotes, whole
// words only); exact preferred, exact alternative, exact hidden, prefix, later word. A label
// whose term record is deprecated or superseded carries its status, language and text: a result
// found by it says so, « nearshoring (terme déconseillé) », in the words of the index.
// The index is loaded when the search box is first used, not with every page: for a large
// vocabulary it is megabytes of script. It is a script, not a fetch, so file:// works too.
(function () {
  "use strict";
  var waiting = null; // what to run once the index has loaded, while it loads
  var marks = null; // the combining marks, as a regular expression, once the index has loaded

  // bpo_kb.skos.search.normalise, with the tables the index carries (window.BPO_SEARCH_FOLDING):
  // lower case, every space, hyphen and dash one space, every apostrophe "'", no accents.
  function normalise(text) {
    var folding = window.BPO_SEARCH_FOLDING;
    var has = function (table, c) { return Object.prototype.hasOwnProperty.call(table, c); };
    var fold = function (string, cases) {
      return Array.from(string, function (c) {
        return cases && has(folding.cases, c) ? folding.cases[c]
          : has(folding.characters, c) ? folding.characters[c] : c;
      }).join("");
    };
    if (marks === null) { marks = new RegExp("[" + folding.marks + "]", "gu"); }
    var lowered = fold(text.toLowerCase(), true);
    var folded = fold(lowered.normalize("NFKD").replace(marks, ""), false);
    return folded.split(" ").filter(Boolean).join(" ");
  }

  // bpo_kb.skos.search.parse_term and word_start_pattern: the normalised term, and where it may
  // match, at the start of a word (not after a letter, digit or "_"), and, in quotes, at the
  // end of one too. The quotes are the index's (window.BPO_SEARCH_QUOTES).
  function parseTerm(typed) {
    var stripped = typed.trim();
    var quotes = window.BPO_SEARCH_QUOTES || "";
    var whole = stripped.length > 1 && quotes.indexOf(stripped[0]) >= 0 &&
      quotes.indexOf(stripped[stripped.length - 1]) >= 0;
    var wanted = normalise(whole ? stripped.slice(1, -1) : stripped);
    var escaped = wanted.replace(/[\\^$.*+?()[\]{}|\/]/g, "\\$&");
    var pattern = new RegExp("(?<![\\p{L}\\p{N}_])" + escaped +
      (whole ? "(?![\\p{L}\\p{N}_])" : ""), "u");
    return { wanted: wanted, pattern: pattern };
  }

  // bpo_kb.skos.search.match_rank
  function rank(label, kind, term) {
    if (label === term.wanted) { return kind; }
    var found = term.pattern.exec(label);
    if (found === null) { return null; }
    return found.index === 0 ? 3 : 4;
  }

  function search(term) {
    var hits = [];
    window.BPO_SEARCH_INDEX.forEach(function (entry) {
      var best = null;
      entry.labels.forEach(function (pair) {
        var found = rank(pair[0], pair[1], term);
        if (found !== null && (best === null || found < best.rank ||
            (found === best.rank && pair[0] < best.label))) {
          best = { rank: found, label: pair[0] };
        }
      });
      if (best !== null) {
        hits.push({ entry: entry, rank: best.rank, label: best.label });
      }
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
    return hits.slice(0, 12);
  }

  // The deprecated or superseded term the hit was found by, if any: one in the reader's
  // language first; one in another language only when no other label has the same text.
  function warned(entry, label, language) {
    var own = null, other = null, clean = false;
    entry.labels.forEach(function (pair) {
      if (pair[0] !== label) { return; }
      if (pair.length < 5) { clean = true; return; }
      if (pair[3].split("-")[0] === language) { own = own || pair; } else { other = other || pair; }
    });
    return own || (clean ? null : other);
  }

  function show(form, list, language) {
    var term = parseTerm(form.elements.q.value);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!term.wanted) { return; }
    // the equivalent shown is in the site's first language other than the reader's
    var other = (window.BPO_SEARCH_LANGUAGES || []).filter(function (tag) {
      return tag !== language;
    })[0];
    var words = (window.BPO_SEARCH_WORDS || {})[language] || {};
    search(term).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = form.getAttribute("data-root") + language + "/concept/" + hit.entry.slug + ".html";
      link.textContent = hit.entry[language];
      link.lang = language;
      if (other && hit.entry[other] !== undefined) {
        var equivalent = document.createElement("span");
        equivalent.className = "other";
        equivalent.lang = other;
        equivalent.textContent = " \u2014 " + hit.entry[other];
        link.appendChild(equivalent);
      }
      var found = warned(hit.entry, hit.label, language);
      if (found) {
        var status = document.createElement("span");
        var term = document.createElement("s");
        status.className = "status";
        term.lang = found[3];
        term.textContent = found[4];
        status.appendChild(document.createTextNode(" \u00b7 "));
        status.appendChild(term);
        status.appendChild(document.createTextNode(" (" + (words[found[2]] || found[2]) + ")"));
        link.appendChild(status);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function withIndex(root, then) {
    if (window.BPO_SEARCH_INDEX) { then(); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var script = document.createElement("script");
    script.src = root + "assets/search-index.js";
    script.onload = function () {
      var ready = waiting;
      waiting = null;
      ready.forEach(function (run) { run(); });
    };
    script.onerror = function () { waiting = null; script.remove(); }; // the next use retries
    document.head.appendChild(script);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search");
    if (!form) { return; }
    var root = form.getAttribute("data-root");
    var list = document.getElementById("search-results");
    var language = document.documentElement.lang;
    var render = function () { show(form, list, language); };
    form.elements.q.addEventListener("focus", function () { withIndex(root, function () {}); });
    form.elements.q.addEventListener("input", function () { withIndex(root, render); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { window.location.href = first.href; }
    });
    form.elements.q.addEventListener("keydown", function (event) {
      var first = list.querySelector("a");
      if (event.key === "ArrowDown" && first) { event.preventDefault(); first.focus(); }
    });
    list.addEventListener("keydown", function (event) {
      var current = document.activeElement.parentElement;
      var next = event.key === "ArrowDown" ? current.nextElementSibling
        : event.key === "ArrowUp" ? current.previousElementSibling : null;
      if (next) { event.preventDefault(); next.querySelector("a").focus(); }
      if (event.key === "ArrowUp" && !current.previousElementSibling) {
        event.preventDefault(); form.elements.q.focus();
      }
    });
  });
}());
