// Live room: the session's livestream, loaded only when the visitor asks for it (nothing of a third party is
// fetched before the click). An embed (YouTube, Vimeo, PeerTube) becomes its player; an HLS playlist plays in the
// <video> element, natively where the browser can (Safari, Chrome, Edge), otherwise through the vendored hls.js
// (loaded from this site, also on click). Without this script the links to the stream remain.
(function () {
  "use strict";

  function hideNotice(box) {
    box.querySelectorAll(".embed-notice, .embed-load").forEach(function (element) { element.hidden = true; });
  }

  function loadEmbed(box) {
    var frame = document.createElement("iframe");
    frame.className = "embed-frame";
    frame.setAttribute("title", box.getAttribute("data-embed-title") || "");
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.src = box.getAttribute("data-embed");
    hideNotice(box);
    box.insertBefore(frame, box.firstChild);
    frame.focus();
  }

  function play(video) {
    var playing = video.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
  }

  function unsupported(box) {
    var note = document.createElement("p");
    note.className = "notice notice-warn";
    note.textContent = box.getAttribute("data-text-unsupported") || "";
    box.insertBefore(note, box.lastElementChild);
  }

  function loadHls(box) {
    var url = box.getAttribute("data-hls");
    var video = box.querySelector("video");
    hideNotice(box);
    video.hidden = false;
    if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = url;
      play(video);
      video.focus();
      return;
    }
    if (!window.MediaSource) {
      video.hidden = true;
      unsupported(box);
      return;
    }
    var script = document.createElement("script");
    script.src = box.getAttribute("data-hls-script");
    script.onload = function () {
      if (!window.Hls || !window.Hls.isSupported()) {
        video.hidden = true;
        unsupported(box);
        return;
      }
      // no worker: the Content-Security-Policy allows scripts from this site only, not blob: workers
      var hls = new window.Hls({ enableWorker: false });
      hls.loadSource(url);
      hls.attachMedia(video);
      hls.on(window.Hls.Events.MANIFEST_PARSED, function () { play(video); });
      video.focus();
    };
    document.head.appendChild(script);
  }

  function init() {
    document.querySelectorAll(".live-stream [data-embed], .live-stream [data-hls]").forEach(function (box) {
      var button = box.querySelector(".embed-load");
      if (!button) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        if (box.hasAttribute("data-embed")) { loadEmbed(box); } else { loadHls(box); }
      }, { once: true });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
