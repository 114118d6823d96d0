// A video on YouTube or Vimeo waits behind a notice (templates/blocks/video_block.html):
// nothing comes from the provider until the visitor presses play. Then the player takes
// the notice's place and gets the focus, so the keyboard goes on where the button was.
// Without this file the notice keeps its link to the video on the provider's own site.
(function () {
  "use strict";
  function play(notice) {
    var frame = document.createElement("iframe");
    frame.className = "video__player";
    frame.title = notice.getAttribute("data-player-title");
    frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    // The site sends no referrer elsewhere; YouTube's player refuses to start without one.
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.src = notice.getAttribute("data-player-src");
    var holder = document.createElement("div");
    holder.className = "video__frame";
    holder.appendChild(frame);
    notice.replaceWith(holder);
    frame.focus();
  }
  function start() {
    document.querySelectorAll("[data-video-consent]").forEach(function (notice) {
      var button = notice.querySelector("[data-video-play]");
      // The block's template brings this script along; with two videos it runs twice.
      if (!button || !button.hidden) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        play(notice);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
