/* Progressive enhancement only: every page works without this file.
   Copy buttons: each <button class="copy-button" data-copy="..."> is hidden in the HTML and shown
   here, because without JavaScript it could do nothing (the text beside it stays selectable).
   Clipboard API where the page is a secure context; otherwise select the text and use the
   legacy execCommand("copy"). The result is announced in a polite live region. */
(function () {
  "use strict";

  function statusRegion(button) {
    var section = button.closest("section") || document.body;
    var region = section.querySelector(".copy-status");
    if (!region) {
      region = document.createElement("p");
      region.className = "copy-status";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      section.appendChild(region);
    }
    return region;
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function done(button, message) {
    var label = button.getAttribute("data-copy-label") || button.textContent;
    button.textContent = message;
    button.setAttribute("data-copied", "");
    statusRegion(button).textContent = message + ": " + button.getAttribute("data-copy");
    window.setTimeout(function () {
      button.textContent = label;
      button.removeAttribute("data-copied");
    }, 2500);
  }

  // Print the votes and sponsors folded into <details>: open them for the printout only.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"),
      function (details) { details.open = true; return true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });

  // A link to a paragraph inside a folded annex opens the fold (browsers that do not do so
  // themselves on fragment navigation), so the paragraph is shown, not hidden.
  function unfoldTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var fold = target && target.closest("details");
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", unfoldTarget);

  document.addEventListener("DOMContentLoaded", function () {
    unfoldTarget();
    var buttons = document.querySelectorAll("button.copy-button[data-copy]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button.getAttribute("data-copy")).then(
          function () { done(button, "Copied"); },
          function () {
            var value = document.getElementById(button.getAttribute("aria-describedby"));
            if (value) { window.getSelection().selectAllChildren(value); }
            done(button, "Selected: press Ctrl+C to copy");
          }
        );
      });
    });
  });
})();

// Six languages: a language link keeps the reader on the paragraph they were reading
// (the resolution page's #op3 anchor travels with the link). Without JavaScript the link
// opens the same resolution or permalink in the other language.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-keep-anchor]") : null;
    if (!link || !window.location.hash || link.hash) { return; }
    if (/^#[A-Za-z0-9_-]{1,60}$/.test(window.location.hash)) {
      link.hash = window.location.hash;
    }
  });
})();
