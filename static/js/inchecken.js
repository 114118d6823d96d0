// Check-in without a page reload: the check-in page (templates/events/admin/inchecken.html)
// and the presence column of the registrations report. Every form works without this file
// (a POST and a redirect); with it, the same forms go by fetch and the server answers JSON
// (events/admin/checkin.py answer()). If fetch fails, the form is sent the plain way.
// The camera button appears only where the browser has BarcodeDetector with QR codes.
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function announce(text, failed) {
    all("[data-checkin-status]").forEach(function (region) {
      region.textContent = text;
      region.classList.toggle("is-fout", !!failed);
    });
  }

  function showCounts(counts) {
    all("[data-count]").forEach(function (element) {
      var number = counts[element.getAttribute("data-count")];
      if (number === undefined) return;
      var label = element.getAttribute("data-count-label");
      element.textContent = label ? number + " " + label : String(number);
    });
  }

  function showPlace(place) {
    all('[data-checkin-row="' + place.id + '"]').forEach(function (row) {
      row.classList.toggle("is-aanwezig", place.present);
      var state = row.querySelector("[data-checkin-state]");
      if (state) {
        state.textContent = place.present
          ? state.getAttribute("data-present").replace("{tijd}", place.time)
          : state.getAttribute("data-absent");
      }
      var form = row.querySelector("form[data-checkin]");
      if (!form) return;
      form.querySelector("input[name=aanwezig]").value = place.present ? "0" : "1";
      var button = form.querySelector("button");
      form.querySelector("[data-checkin-label]").textContent = button.getAttribute(
        place.present ? "data-label-undo" : "data-label-present"
      );
      button.classList.toggle("button-secondary", place.present);
    });
  }

  function send(form) {
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var buttons = all("button", form);
    buttons.forEach(function (button) { button.disabled = true; });
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": token ? token.value : "" },
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        buttons.forEach(function (button) { button.disabled = false; });
        if (data.counts) showCounts(data.counts);
        if (data.registration) showPlace(data.registration);
        announce(data.message, !data.ok);
        return data;
      })
      .catch(function () {
        // Not JSON (a login page, a refusal page) or no connection: the plain way.
        form.submit();
      });
  }

  // --- searching the list ----------------------------------------------------------------

  function filter(term) {
    var wanted = fold(term).trim();
    var shown = 0;
    all("[data-checkin-row][data-search]").forEach(function (row) {
      var match = !wanted || fold(row.getAttribute("data-search")).indexOf(wanted) !== -1;
      row.hidden = !match;
      if (match) shown += 1;
    });
    all("[data-checkin-none]").forEach(function (note) { note.hidden = shown > 0; });
  }

  // --- the camera --------------------------------------------------------------------------

  function startScanner(codeForm) {
    var start = codeForm.querySelector("[data-checkin-scan]");
    var camera = codeForm.querySelector("[data-checkin-camera]");
    if (!start || !camera || !("BarcodeDetector" in window)) return;
    var video = camera.querySelector("video");
    var stream = null;
    var timer = null;

    function stop() {
      if (timer) window.clearTimeout(timer);
      timer = null;
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      camera.hidden = true;
      start.hidden = false;
    }

    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf("qr_code") === -1) return;
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      start.hidden = false;
      start.addEventListener("click", function () {
        navigator.mediaDevices
          .getUserMedia({ video: { facingMode: "environment" } })
          .then(function (media) {
            stream = media;
            video.srcObject = media;
            camera.hidden = false;
            start.hidden = true;
            return video.play().then(look);
          })
          .catch(function () {
            stop();
            announce(codeForm.getAttribute("data-no-camera"), true);
          });
      });
      camera.querySelector("[data-checkin-scan-stop]").addEventListener("click", stop);

      function look() {
        if (!stream) return;
        detector.detect(video).then(function (found) {
          if (found.length) {
            stop();
            codeForm.querySelector("input[name=code]").value = found[0].rawValue;
            submitCode(codeForm);
          } else {
            timer = window.setTimeout(look, 250);
          }
        }, function () { timer = window.setTimeout(look, 500); });
      }
    });
  }

  function submitCode(form) {
    var input = form.querySelector("input[name=code]");
    send(form).then(function (data) {
      if (!data) return;
      if (data.ok) input.value = "";
      // Show the person with their undo button.
      var search = document.querySelector("[data-checkin-search]");
      if (data.registration && search) {
        search.value = data.registration.name;
        filter(search.value);
      }
      input.focus();
    });
  }

  function start() {
    if (!window.fetch || !window.FormData) return;
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (form.matches("form[data-checkin]")) {
        event.preventDefault();
        send(form);
      } else if (form.matches("form[data-checkin-code]")) {
        event.preventDefault();
        submitCode(form);
      } else if (form.matches("form[data-checkin-search-form]")) {
        // A list the server filtered holds only part of the people: ask it again.
        if (document.querySelector("[data-filtered]")) return;
        event.preventDefault();
        filter(form.querySelector("[data-checkin-search]").value);
      }
    });
    all("[data-checkin-search]").forEach(function (input) {
      input.addEventListener("input", function () { filter(input.value); });
    });
    all("form[data-checkin-code]").forEach(startScanner);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
