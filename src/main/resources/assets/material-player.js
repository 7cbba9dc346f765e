// A learner has studied a video or audio when it has played to its end: the page reports it once, and says so.
(function () {
  'use strict';
  var player = document.getElementById('player');
  if (!player || !player.dataset.done) {
    return;
  }
  var reported = false;
  player.addEventListener('ended', function () {
    if (reported) {
      return;
    }
    reported = true;
    fetch(player.dataset.done, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'X-CSRF-Token': player.dataset.csrf, 'Accept': 'application/json'}
    }).then(function (response) {
      if (!response.ok) {
        reported = false;
        return;
      }
      document.getElementById('studied').hidden = false;
      var live = document.getElementById('studied-live');
      live.textContent = live.dataset.text;
    }, function () {
      reported = false;
    });
  });
})();
