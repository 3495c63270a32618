// Live room: keeps the page in step with the room's Server-Sent Events stream and sends the forms without
// reloading. Without this script the page still works: forms post and come back (Post/Redirect/Get), and the
// plain page refreshes itself.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root || !window.EventSource) {
    return;
  }
  var status = document.getElementById("live-status");
  var myVotes = new Set((root.dataset.myVotes || "").split(" ").filter(Boolean));
  var csrfHeader = root.dataset.csrfHeader;
  var csrf = root.dataset.csrf;
  var loadedAt = Date.now();

  function say(text, isError) {
    if (!status) {
      return;
    }
    status.textContent = text || "";
    status.classList.toggle("live-status-error", !!isError);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // ---- questions -------------------------------------------------------------------------------------------
  function applyVote(item) {
    var button = item.querySelector("button.vote");
    if (!button) {
      return;
    }
    var voted = myVotes.has(button.dataset.question);
    button.setAttribute("aria-pressed", voted ? "true" : "false");
    var on = item.querySelector(".vote-form input[name=on]");
    if (on) {
      on.value = voted ? "false" : "true";
    }
  }

  function sortList(list) {
    if (!list || list.id !== "questions") {
      return;
    }
    var byTime = list.dataset.sort === "time";
    var items = Array.prototype.slice.call(list.children);
    items.sort(function (a, b) {
      var pa = a.dataset.pinned === "true", pb = b.dataset.pinned === "true";
      if (pa !== pb) {
        return pa ? -1 : 1;
      }
      var aa = a.dataset.status === "ANSWERED", ab = b.dataset.status === "ANSWERED";
      if (aa !== ab) {
        return aa ? 1 : -1;
      }
      var ca = Number(a.dataset.created), cb = Number(b.dataset.created);
      if (byTime) {
        return cb - ca;
      }
      var va = Number(a.dataset.votes), vb = Number(b.dataset.votes);
      return vb - va || ca - cb;
    });
    var changed = items.some(function (item, i) { return list.children[i] !== item; });
    if (changed) {
      items.forEach(function (item) { list.appendChild(item); });
    }
  }

  function upsert(html) {
    var element = fragment(html);
    if (!element || !element.id) {
      return;
    }
    var existing = document.getElementById(element.id);
    if (existing) {
      existing.replaceWith(element);
    } else if (element.dataset.into) {
      var into = document.getElementById(element.dataset.into);
      if (!into) {
        return;
      }
      into.appendChild(element);
    } else {
      return;
    }
    applyVote(element);
    sortList(element.parentElement);
    if (element.id === "agenda-panel") {
      tick();
      closingOnly();
    }
    if (element.parentElement && element.parentElement.dataset.scroll === "end") {
      element.parentElement.scrollTop = element.parentElement.scrollHeight;
    }
  }

  function votes(data) {
    var parts = data.split(" ");
    var item = document.getElementById(parts[0]);
    if (!item) {
      return;
    }
    item.dataset.votes = parts[1];
    item.querySelectorAll(".vote-count").forEach(function (count) { count.textContent = parts[1]; });
    sortList(item.parentElement);
  }

  document.querySelectorAll("#questions > li").forEach(applyVote);

  // ---- agenda timer -------------------------------------------------------------------------------------------
  function tick() {
    document.querySelectorAll(".segment-timer[data-started]").forEach(function (timer) {
      var minutes = Math.max(0, Math.floor((Date.now() - Number(timer.dataset.started)) / 60000));
      timer.textContent = timer.dataset.template.replace("{0}", minutes).replace("{1}", timer.dataset.planned);
      timer.classList.toggle("segment-over", minutes > Number(timer.dataset.planned));
    });
  }
  tick();
  window.setInterval(tick, 15000);

  // the takeaway form shows during the closing segment
  function closingOnly() {
    var agenda = document.getElementById("agenda-panel");
    var closing = agenda && agenda.dataset.currentKind === "CLOSING";
    document.querySelectorAll("[data-closing-only]").forEach(function (form) { form.hidden = !closing; });
  }

  var chat = document.getElementById("chat");
  if (chat) {
    chat.scrollTop = chat.scrollHeight;
  }

  // ---- the stream --------------------------------------------------------------------------------------------
  var source = new EventSource(root.dataset.stream);
  var wasOpen = false;
  source.onopen = function () {
    if (wasOpen) {
      say(root.dataset.textOnline);
    }
    wasOpen = true;
  };
  source.onerror = function () {
    say(root.dataset.textOffline, true);
  };
  source.addEventListener("upsert", function (e) { upsert(e.data); });
  source.addEventListener("votes", function (e) { votes(e.data); });
  source.addEventListener("remove", function (e) {
    var element = document.getElementById(e.data);
    if (element) {
      element.remove();
    }
  });
  function reload() {
    // a page that has just loaded already shows the latest state: do not loop
    if (Date.now() - loadedAt > 5000) {
      source.close();
      window.location.reload();
    }
  }
  source.addEventListener("reload", reload);
  source.addEventListener("reset", reload);
  source.addEventListener("replace", function (e) { upsert(e.data); });
  window.addEventListener("pagehide", function () { source.close(); });

  // ---- forms --------------------------------------------------------------------------------------------------
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.liveForm) {
      return;
    }
    event.preventDefault();
    var headers = { "X-Live-Fetch": "1" };
    if (csrfHeader && csrf) {
      headers[csrfHeader] = csrf;
    }
    var button = form.querySelector("button[type=submit], button:not([type])");
    if (button) {
      button.disabled = true;
    }
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: headers,
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) { say(text, true); });
      }
      say("");
      if (form.dataset.liveForm === "vote") {
        return response.json().then(function (answer) {
          var id = String(answer.questionId);
          if (answer.voted) {
            myVotes.add(id);
          } else {
            myVotes.delete(id);
          }
          var item = document.getElementById("q-" + id);
          if (item) {
            applyVote(item);
            votes("q-" + id + " " + answer.votes);
          }
        });
      }
      if (form.dataset.sent) {
        say(form.dataset.sent);
      }
      if (!form.dataset.keep) {
        form.reset();
      }
    }).catch(function () {
      say(root.dataset.textNetwork || root.dataset.textOffline, true);
    }).finally(function () {
      if (button) {
        button.disabled = false;
      }
    });
  });
})();
