// handbook serve's live reload: the dev server adds this script to every
// page. It listens for builds on a server-sent event stream: a good build
// reloads the page (or swaps its stylesheets when only CSS changed), a
// failed one shows its problems in an overlay until they are fixed.
(function () {
  "use strict";
  var script = document.currentScript;
  var prefix = new URL(".", script ? script.src : location.href).pathname;
  var build = null;
  var overlay = null;

  function stylesheet() {
    if (document.querySelector('link[href="' + prefix + 'live.css"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = prefix + "live.css";
    document.head.appendChild(link);
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
    document.documentElement.removeAttribute("data-build-failed");
  }

  // show lists the problems with textContent only: messages quote
  // content, which must not become markup.
  function show(status) {
    stylesheet();
    hide();
    overlay = document.createElement("div");
    overlay.className = "handbook-overlay";
    overlay.setAttribute("role", "alert");
    var box = document.createElement("div");
    box.className = "handbook-overlay-box";
    var h = document.createElement("h2");
    h.textContent = "The last edit does not build";
    var p = document.createElement("p");
    p.textContent = "This page shows the last good build. Fix these problems and save:";
    var list = document.createElement("ul");
    status.problems.forEach(function (problem) {
      var li = document.createElement("li");
      li.className = "handbook-" + problem.severity;
      var code = document.createElement("code");
      code.textContent = problem.pos;
      li.appendChild(code);
      li.appendChild(document.createTextNode(" " + problem.severity + ": " + problem.message));
      list.appendChild(li);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    box.append(h, p, list, close);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    document.documentElement.setAttribute("data-build-failed", "");
  }

  // swapStyles points each stylesheet at the new build's file of the same
  // name ("site-<hash>.css"), without reloading the page.
  function swapStyles(styles) {
    var name = function (href) {
      var file = new URL(href, location.href).pathname.split("/").pop();
      return file.replace(/-[^-]*\.css$/, "");
    };
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      styles.forEach(function (href) {
        if (link.href !== new URL(href, location.href).href && name(link.href) === name(href)) {
          link.href = href;
        }
      });
    });
  }

  function data(e) {
    return JSON.parse(e.data);
  }

  var events = new EventSource(prefix + "events");
  events.addEventListener("hello", function (e) {
    var status = data(e);
    // A build the page missed while it was loading, or while the server
    // was restarting.
    if (build !== null && status.ok && status.build !== build) {
      location.reload();
      return;
    }
    build = status.build;
    // Tests and curious writers can see that the page is listening.
    document.documentElement.setAttribute("data-live", "");
    if (status.ok) hide();
    else show(status);
  });
  events.addEventListener("reload", function () {
    location.reload();
  });
  events.addEventListener("css", function (e) {
    var status = data(e);
    build = status.build;
    hide();
    swapStyles(status.styles);
  });
  events.addEventListener("problems", function (e) {
    show(data(e));
  });
})();
