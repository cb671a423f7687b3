// Charter's small enhancements. Every page works without them: the menus are <details>, the search page lists
// every page by type. With JavaScript, the menus close like menus, and the search page answers as the reader types:
// through Pagefind's index when the site is served over HTTP, by filtering the list of all pages when it is opened
// from disk (browsers do not load the index from file:// addresses).
(function () {
  "use strict";

  // Menus: one group open at a time, closed by Escape or a click elsewhere.
  function setUpMenus() {
    var groups = Array.prototype.slice.call(document.querySelectorAll("details.nav-group"));
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (!group.open) return;
        groups.forEach(function (other) { if (other !== group) other.open = false; });
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (group) { if (group.open && !group.contains(event.target)) group.open = false; });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      groups.forEach(function (group) {
        if (!group.open) return;
        group.open = false;
        group.querySelector("summary").focus();
      });
    });
  }

  // The page's language, for lower case and stems.
  var language = (document.documentElement.lang || "en").toLowerCase().split("-")[0];

  // Lower case without accents (é → e, å → a), the same on both sides of a comparison.
  function fold(text) {
    return text.toLocaleLowerCase(language).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // A light stem for the offline filter, by language: Danish "sygehuse" and "sygehusene" find "sygehus", English
  // "committees" finds "committee". Other languages are matched as written.
  var endings = {
    da: /(erne|ene|ens|ers|er|et|en|e|s)$/,
    en: /(ies|es|s)$/
  };
  function stem(word) {
    if (word.length <= 4 || !endings[language]) return word;
    return word.replace(endings[language], "");
  }

  // A message of the page's language from the status element's data attributes, with {count} and {query} filled in.
  function message(status, name, count, query) {
    var key = count === undefined ? name : name + (count === 1 ? "-one" : "-other");
    var text = status.getAttribute("data-" + key) || "";
    return text.replace(/\{count\}/g, String(count)).replace(/\{query\}/g, query || "");
  }

  function setUpSearch() {
    var form = document.querySelector("form[data-search]");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".search-status");
    var results = document.querySelector(".search-results");
    var all = document.querySelector(".all-content");
    var items = Array.prototype.slice.call(all.querySelectorAll("li[data-text]"));
    var indexBase = form.getAttribute("data-index");
    var cleanURLs = form.hasAttribute("data-clean-urls");
    var useIndex = indexBase && location.protocol !== "file:";
    var pagefind = null;
    var latest = 0;

    var query = new URLSearchParams(location.search).get("q") || "";
    input.value = query;

    function remember(text) {
      try {
        var url = new URL(location.href);
        if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
        history.replaceState(null, "", url.href);
      } catch (e) { /* some browsers refuse this for file:// pages; the search still works */ }
    }

    function say(text) { status.textContent = text; }

    function filterList(text) {
      var words = fold(text).split(/\s+/).filter(Boolean).map(stem);
      var shown = 0;
      items.forEach(function (item) {
        var haystack = fold(item.getAttribute("data-text"));
        var match = words.every(function (word) { return haystack.indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      Array.prototype.forEach.call(all.querySelectorAll(".content-group"), function (group) {
        group.hidden = !group.querySelector("li[data-text]:not([hidden])");
      });
      if (words.length) say(message(status, "matches", shown));
      else say("");
    }

    // Pagefind gives addresses from the site's root; make them relative to this page, as every other link is.
    function relative(url) {
      var path = url.replace(/^\/+/, "");
      if (!cleanURLs && (path === "" || /\/$/.test(path))) path += "index.html";
      return indexBase.replace(/pagefind\/$/, "") + path;
    }

    function show(found, text) {
      results.textContent = "";
      found.forEach(function (data) {
        var item = document.createElement("li");
        item.className = "search-result";
        var link = document.createElement("a");
        link.href = relative(data.url);
        link.textContent = (data.meta && data.meta.title) || data.url;
        var heading = document.createElement("h3");
        heading.appendChild(link);
        item.appendChild(heading);
        if (data.meta && data.meta.type) {
          var type = document.createElement("span");
          type.className = "muted result-type";
          type.textContent = data.meta.type;
          heading.appendChild(document.createTextNode(" "));
          heading.appendChild(type);
        }
        var excerpt = document.createElement("p");
        excerpt.className = "excerpt";
        excerpt.innerHTML = data.excerpt; // Pagefind's excerpt: the page's own text, escaped, with <mark> around the hits
        item.appendChild(excerpt);
        results.appendChild(item);
      });
      results.hidden = found.length === 0;
      all.hidden = found.length > 0;
      if (found.length === 0) say(message(status, "none", undefined, text));
      else say(message(status, "results", found.length, text));
    }

    function searchIndex(text) {
      var ticket = ++latest;
      if (!text.trim()) {
        results.hidden = true;
        results.textContent = "";
        all.hidden = false;
        say("");
        return;
      }
      load().then(function (engine) {
        return engine.search(text);
      }).then(function (search) {
        if (ticket !== latest || !search) return null;
        return Promise.all(search.results.slice(0, 12).map(function (result) { return result.data(); }));
      }).then(function (found) {
        if (ticket === latest && found) show(found, text);
      }).catch(function () {
        useIndex = false; // the index could not be loaded: fall back to the list
        filterList(text);
      });
    }

    function load() {
      if (!pagefind) {
        pagefind = import(indexBase + "pagefind.js").then(function (module) {
          return module.options({ baseUrl: "/" }).then(function () { return module; });
        });
      }
      return pagefind;
    }

    var timer = null;
    function run() {
      var text = input.value;
      remember(text);
      if (useIndex) searchIndex(text); else filterList(text);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    form.classList.add("is-live");
    if (query) run();
  }

  function start() {
    setUpMenus();
    setUpSearch();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
