// A learner has studied a video or audio when it has played to its end, and a link when they follow it: the page
// reports it once, by POST (never by a GET another site could link to), and says so.
(function () {
  'use strict';

  function report(element, onDone) {
    return fetch(element.dataset.done, {
      method: 'POST',
      credentials: 'same-origin',
      // the link's page may be left at once: keepalive lets the report finish after it
      keepalive: true,
      headers: {'X-CSRF-Token': element.dataset.csrf}
    }).then(function (response) {
      if (response.ok) {
        document.getElementById('studied').hidden = false;
        var live = document.getElementById('studied-live');
        if (live) {
          live.textContent = live.dataset.text;
        }
      }
      onDone(response.ok);
    }, function () {
      onDone(false);
    });
  }

  var player = document.getElementById('player');
  if (player && player.dataset.done) {
    var reported = false;
    player.addEventListener('ended', function () {
      if (reported) {
        return;
      }
      reported = true;
      report(player, function (ok) {
        reported = ok;
      });
    });
  }

  var link = document.getElementById('follow');
  if (link && link.dataset.done) {
    link.addEventListener('click', function () {
      report(link, function () {
      });
    });
  }
})();
