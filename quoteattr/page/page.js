// The script of quoteattr.render_html's page, inlined into it: tooltips from the
// marks' titles, linked cues and sources, and speakers picked out from the panel.
(function () {
  "use strict";
  var tip = document.getElementById("qa-tip");
  var text = document.querySelector(".qa-text");
  var linked = [];
  text.querySelectorAll("[title]").forEach(function (element) {
    element.setAttribute("data-tip", element.getAttribute("title"));
    element.removeAttribute("title");
  });
  function fill(lines) {
    tip.textContent = "";
    var heading = document.createElement("b");
    heading.textContent = lines[0].replace(/^[^:]*: /, "");
    tip.appendChild(heading);
    var list = document.createElement("dl");
    lines.slice(1).forEach(function (line) {
      var split = line.indexOf(": ");
      var term = document.createElement("dt");
      var value = document.createElement("dd");
      term.textContent = line.slice(0, split);
      value.textContent = line.slice(split + 2);
      list.appendChild(term);
      list.appendChild(value);
    });
    tip.appendChild(list);
  }
  function place(x, y) {
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.min(x + 14, window.innerWidth - width - 8);
    var top = y + 18 + height > window.innerHeight ? y - height - 12 : y + 18;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = Math.max(8, top) + "px";
  }
  function quotesOf(element) {
    var of = element.getAttribute("data-of");
    return of ? of.split(" ") : [element.getAttribute("data-quote")];
  }
  function link(element) {
    unlink();
    quotesOf(element).forEach(function (i) {
      var selector = '[data-quote="' + i + '"],[data-of~="' + i + '"]';
      text.querySelectorAll(selector).forEach(function (other) {
        other.classList.add("qa-linked");
        linked.push(other);
      });
    });
  }
  function unlink() {
    linked.forEach(function (element) { element.classList.remove("qa-linked"); });
    linked = [];
  }
  function described(element) {
    var of = element.getAttribute("data-of");
    return of ? text.querySelector('[data-quote="' + of.split(" ")[0] + '"]') : element;
  }
  function show(element, x, y) {
    fill(described(element).getAttribute("data-tip").split("\n"));
    tip.hidden = false;
    place(x, y);
    link(element);
  }
  function hide() {
    tip.hidden = true;
    unlink();
  }
  text.addEventListener("mouseover", function (event) {
    var element = event.target.closest("[data-tip]");
    if (element) { show(element, event.clientX, event.clientY); } else { hide(); }
  });
  text.addEventListener("mousemove", function (event) {
    if (!tip.hidden) { place(event.clientX, event.clientY); }
  });
  text.addEventListener("mouseleave", hide);
  text.addEventListener("focusin", function (event) {
    var element = event.target.closest("[data-tip]");
    if (element) {
      var box = element.getBoundingClientRect();
      show(element, box.left, box.bottom);
    }
  });
  text.addEventListener("focusout", hide);
  function focus(speaker) {
    text.classList.toggle("qa-focusing", speaker !== null);
    text.querySelectorAll(".qa-quote").forEach(function (quote) {
      quote.classList.toggle("qa-focus", quote.getAttribute("data-speaker") === speaker);
    });
  }
  document.querySelectorAll(".qa-speaker").forEach(function (row) {
    var speaker = row.getAttribute("data-speaker");
    row.addEventListener("mouseenter", function () { focus(speaker); });
    row.addEventListener("mouseleave", function () { focus(null); });
    row.addEventListener("focus", function () { focus(speaker); });
    row.addEventListener("blur", function () { focus(null); });
  });
}());
