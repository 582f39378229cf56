// Comment form: a character counter. Progressive enhancement only; the server enforces the limit.
(function () {
    "use strict";
    var body = document.querySelector("[data-comment-body]");
    if (!body) {
        return;
    }
    var max = parseInt(body.getAttribute("data-max-length"), 10);
    var shown = document.querySelector("[data-comment-count]");
    var live = document.querySelector("[data-comment-count-live]");
    if (!max || !shown || !live) {
        return;
    }
    var timer = null;

    // Characters as the server counts them: code points (an emoji is one), a line break is one.
    function length() {
        return Array.from(body.value).length;
    }

    function message() {
        var left = max - length();
        var count = Math.abs(left);
        var key = (left >= 0 ? "left" : "over") + (count === 1 ? "One" : "Many");
        return (shown.dataset[key] || "").replace("%s", count.toLocaleString(document.documentElement.lang || "en"));
    }

    function update() {
        var text = message();
        shown.textContent = text;
        shown.classList.toggle("field__count--over", length() > max);
        // Screen readers hear the count once typing pauses, not on every key.
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            live.textContent = text;
        }, 1000);
    }

    shown.hidden = false;
    body.addEventListener("input", update);
    shown.textContent = message();
    shown.classList.toggle("field__count--over", length() > max);

    // After a failed post, take keyboard and screen-reader users straight to what went wrong.
    // Wait for the load event: the browser's own jump to the #fragment would otherwise take focus back.
    var target = document.getElementById("comment-errors") || document.getElementById("comment-notice");
    if (target) {
        window.addEventListener("load", function () {
            target.focus();
        });
    }
})();
