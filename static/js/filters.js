// A filter form (GET) sends only the fields that have a value: ?type=webinar rather than
// ?thema=&type=webinar. Without this script the server redirects to the same clean address.
(function () {
    "use strict";
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches || !form.matches("form[data-drop-empty]")) {
            return;
        }
        Array.prototype.forEach.call(form.elements, function (field) {
            if (field.name && !field.disabled && field.value === "") {
                field.disabled = true;
                field.setAttribute("data-dropped", "");
            }
        });
    });
    // Back to the page from the browser's cache: the fields work again.
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("[data-dropped]").forEach(function (field) {
            field.disabled = false;
            field.removeAttribute("data-dropped");
        });
    });
})();
