// Session media: chapter links seek the player, #t= deep links on the page, and click-to-load external embeds.
// Without this script every link still works: chapters open the video file at their time (media fragment),
// external videos are plain links.
(function () {
  "use strict";

  function seconds(value) {
    var n = parseFloat(value);
    return isFinite(n) && n >= 0 ? n : null;
  }

  function seek(player, t) {
    var go = function () {
      player.currentTime = t;
      var playing = player.play();
      if (playing && playing.catch) { playing.catch(function () {}); }
    };
    if (player.readyState >= 1) { go(); } else { player.addEventListener("loadedmetadata", go, { once: true }); }
  }

  function loadEmbed(box, t) {
    var src = box.getAttribute("data-embed");
    if (!src) { return false; }
    if (t !== null && t !== undefined) {
      var s = Math.floor(t);
      src = src.indexOf("player.vimeo.com") >= 0
        ? src + "#t=" + s + "s"
        : src + (src.indexOf("?") >= 0 ? "&" : "?") + "start=" + s + "&autoplay=1";
    }
    var frame = box.querySelector("iframe");
    if (!frame) {
      frame = document.createElement("iframe");
      frame.className = "embed-frame";
      frame.setAttribute("title", box.getAttribute("data-embed-title") || "");
      frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      var notice = box.querySelector(".embed-notice");
      var button = box.querySelector(".embed-load");
      if (notice) { notice.hidden = true; }
      if (button) { button.hidden = true; }
      box.insertBefore(frame, box.firstChild);
    }
    frame.src = src;
    frame.focus();
    return true;
  }

  function init() {
    var player = document.getElementById("replay-player");
    var embed = document.querySelector(".embed[data-embed]");
    if (embed) {
      var button = embed.querySelector(".embed-load");
      if (button) {
        button.hidden = false;
        button.addEventListener("click", function () { loadEmbed(embed, null); });
      }
    }
    document.querySelectorAll("a[data-seek]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var t = seconds(link.getAttribute("data-seek"));
        if (t === null) { return; }
        if (player) {
          event.preventDefault();
          seek(player, t);
          player.focus();
          history.replaceState(null, "", "#t=" + link.getAttribute("data-seek"));
        } else if (embed && loadEmbed(embed, t)) {
          event.preventDefault();
        }
      });
    });
    var match = /^#t=(\d+(?:\.\d+)?)$/.exec(location.hash);
    if (match && player) {
      seek(player, parseFloat(match[1]));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
