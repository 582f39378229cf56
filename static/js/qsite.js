// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.replace("no-js", "js");

    // Small screens: collapse the main navigation behind a Menu button.
    var nav = document.querySelector("[data-nav]");
    var toggle = nav && nav.querySelector("[data-nav-toggle]");
    if (!toggle) {
        return;
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") === "true";
        toggle.setAttribute("aria-expanded", String(!open));
        nav.classList.toggle("site-nav--open", !open);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            toggle.setAttribute("aria-expanded", "false");
            nav.classList.remove("site-nav--open");
            toggle.focus();
        }
    });
})();
