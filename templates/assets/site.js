// Charter's small enhancements. Every page works without them: the menus are <details>, the search page lists
// every page by type. With JavaScript, the menus close like menus, and the search page answers as the reader types:
// through Pagefind's index when the site is served over HTTP, by filtering the list of all pages when it is opened
// from disk (browsers do not load the index from file:// addresses). Charts scroll in their frame without it; with it,
// they also zoom (buttons, + - 0 keys, Ctrl + wheel, two fingers) and pan by dragging.
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

  // Charts: zoom by setting the drawing's width, pan by the frame's own scrolling, so that links, focus and the
  // browser's find keep working and nothing moves without the reader asking.
  function setUpCharts() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-zoom-in] .chart-canvas"), function (canvas) {
      var chart = canvas.parentNode;
      var svg = canvas.querySelector("svg.chart-svg");
      if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return;
      var natural = svg.viewBox.baseVal.width * 1.5;

      function width() { return svg.getBoundingClientRect().width; }
      function fitWidth() { return Math.min(canvas.clientWidth, natural); }
      // The width `next`, clamped, keeping the point (x, y) of the frame where it is.
      function zoomTo(next, x, y) {
        var before = width();
        next = Math.max(Math.min(fitWidth(), before), Math.min(next, natural * 3));
        if (x === undefined) { x = canvas.clientWidth / 2; y = 0; }
        var left = canvas.scrollLeft + x;
        var top = window.scrollY;
        svg.style.minWidth = "0";
        svg.style.maxWidth = "none";
        svg.style.width = next + "px";
        var ratio = width() / before;
        canvas.scrollLeft = left * ratio - x;
        window.scrollTo(window.scrollX, top);
      }

      var bar = document.createElement("div");
      bar.className = "chart-zoom";
      bar.setAttribute("role", "group");
      bar.setAttribute("aria-label", chart.getAttribute("data-zoom-controls"));
      [["zoom-out", "\u2212", function () { zoomTo(width() / 1.25); }],
       ["zoom-fit", null, function () { zoomTo(fitWidth()); canvas.scrollLeft = 0; }],
       ["zoom-in", "+", function () { zoomTo(width() * 1.25); }]].forEach(function (spec) {
        var button = document.createElement("button");
        var label = chart.getAttribute("data-" + spec[0]);
        button.type = "button";
        button.className = "chart-" + spec[0];
        button.textContent = spec[1] || label;
        if (spec[1]) { button.setAttribute("aria-label", label); button.title = label; }
        button.addEventListener("click", spec[2]);
        bar.appendChild(button);
      });
      chart.insertBefore(bar, canvas);
      canvas.classList.add("is-zoomable");
      canvas.tabIndex = 0;
      canvas.setAttribute("role", "region");
      canvas.setAttribute("aria-label", svg.querySelector("title") ? svg.querySelector("title").textContent : "");

      // A chart wider than its frame opens on the page's own box, or on the top of the largest hierarchy.
      if (canvas.scrollWidth > canvas.clientWidth) {
        var focus = svg.querySelector("g.node.current") || svg.querySelector("g.node.focus");
        if (focus) {
          var box = focus.getBoundingClientRect();
          canvas.scrollLeft += box.left + box.width / 2 - canvas.getBoundingClientRect().left - canvas.clientWidth / 2;
        }
      }

      canvas.addEventListener("keydown", function (event) {
        if (event.target !== canvas || event.ctrlKey || event.metaKey || event.altKey) return;
        if (event.key === "+" || event.key === "=") zoomTo(width() * 1.25);
        else if (event.key === "-" || event.key === "_") zoomTo(width() / 1.25);
        else if (event.key === "0") { zoomTo(fitWidth()); canvas.scrollLeft = 0; }
        else return;
        event.preventDefault();
      });
      canvas.addEventListener("wheel", function (event) {
        if (!event.ctrlKey) return;
        event.preventDefault();
        var box = canvas.getBoundingClientRect();
        zoomTo(width() * (event.deltaY < 0 ? 1.1 : 1 / 1.1), event.clientX - box.left, event.clientY - box.top);
      }, { passive: false });

      // A mouse drags the drawing; two fingers pinch it (one finger scrolls the frame as usual).
      var pointers = {};
      var drag = null;
      var pinch = null;
      var moved = false;
      function distance() {
        var points = Object.keys(pointers).map(function (id) { return pointers[id]; });
        return Math.hypot(points[0].x - points[1].x, points[0].y - points[1].y);
      }
      canvas.addEventListener("pointerdown", function (event) {
        pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
        if (event.pointerType === "mouse" && event.button === 0) {
          drag = { x: event.clientX, y: event.clientY, left: canvas.scrollLeft, top: window.scrollY };
          moved = false;
        } else if (Object.keys(pointers).length === 2) {
          pinch = { distance: distance(), width: width() };
        }
      });
      canvas.addEventListener("pointermove", function (event) {
        if (pointers[event.pointerId]) pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
        if (drag) {
          var dx = event.clientX - drag.x;
          var dy = event.clientY - drag.y;
          if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
          if (!moved) canvas.classList.add("is-dragging");
          moved = true;
          canvas.scrollLeft = drag.left - dx;
          window.scrollTo(window.scrollX, drag.top - dy);
        } else if (pinch && Object.keys(pointers).length === 2) {
          var box = canvas.getBoundingClientRect();
          var points = Object.keys(pointers).map(function (id) { return pointers[id]; });
          zoomTo(pinch.width * distance() / pinch.distance,
                 (points[0].x + points[1].x) / 2 - box.left, (points[0].y + points[1].y) / 2 - box.top);
        }
      });
      function release(event) {
        delete pointers[event.pointerId];
        if (Object.keys(pointers).length < 2) pinch = null;
        if (drag && event.pointerType === "mouse") { drag = null; canvas.classList.remove("is-dragging"); }
      }
      canvas.addEventListener("pointerup", release);
      canvas.addEventListener("pointercancel", release);
      // A drag that starts on a box pans too: the browser's own drag of the box's link would cancel the pointer.
      canvas.addEventListener("dragstart", function (event) { event.preventDefault(); });
      // A drag that ends on a box does not follow its link.
      canvas.addEventListener("click", function (event) {
        if (moved) { event.preventDefault(); moved = false; }
      }, true);
    });
  }

  function start() {
    setUpMenus();
    setUpSearch();
    setUpCharts();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
