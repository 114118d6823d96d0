// Escape closes the short definition of a linked begrip (WCAG 1.4.13, dismissible) until the
// pointer and focus have left it; showing it needs no script (static/css/begrippen.css).
(function () {
    "use strict";

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        document.querySelectorAll(".begrip:hover, .begrip:focus-within").forEach(function (begrip) {
            begrip.classList.add("is-gesloten");
        });
    });

    function reopenWhenLeft(event) {
        var begrip = event.target.closest && event.target.closest(".begrip.is-gesloten");
        if (!begrip || begrip.contains(event.relatedTarget)) {
            return;
        }
        var stillHovered = event.type === "focusout" && begrip.matches(":hover");
        var stillFocused = event.type === "mouseout" && begrip.contains(document.activeElement);
        if (!stillHovered && !stillFocused) {
            begrip.classList.remove("is-gesloten");
        }
    }

    document.addEventListener("mouseout", reopenWhenLeft);
    document.addEventListener("focusout", reopenWhenLeft);
})();
