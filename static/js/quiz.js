// The test "Project, proces of programma?" works without this file; with it, the visitor
// sees how many questions are answered. The count is announced politely, not on each click.
(function () {
  "use strict";
  function start() {
    var form = document.querySelector("form[data-quiz]");
    if (!form) return;
    var questions = form.querySelectorAll("fieldset");
    var progress = document.createElement("p");
    progress.className = "quiz__progress";
    progress.setAttribute("aria-live", "polite");
    var actions = form.querySelector(".form__actions");
    form.insertBefore(progress, actions);
    function update() {
      var answered = 0;
      questions.forEach(function (fieldset) {
        if (fieldset.querySelector("input[type=radio]:checked")) answered += 1;
      });
      progress.textContent = answered + " van " + questions.length + " vragen beantwoord";
    }
    form.addEventListener("change", update);
    update();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
