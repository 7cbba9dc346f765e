// An open attempt: each answer is saved as it changes (a reload resumes where the learner was), and a countdown shows
// the time the server still gives. At zero the form is submitted; the server refuses whatever comes later anyway.
(function () {
  'use strict';
  var form = document.getElementById('attempt');
  if (!form) {
    return;
  }
  var timer = {};

  function save(fieldset) {
    var item = fieldset.dataset.item;
    var body = new URLSearchParams();
    fieldset.querySelectorAll('input:checked, textarea').forEach(function (input) {
      body.append(input.name, input.value);
    });
    var state = fieldset.querySelector('.save-state');
    fetch(form.getAttribute('action') + '/answers/' + item, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'X-CSRF-Token': form.dataset.csrf, 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded'},
      body: body
    }).then(function (response) {
      if (response.status === 409) {
        window.location.reload();
        return;
      }
      state.textContent = response.ok ? form.dataset.saved : '';
    });
  }

  form.querySelectorAll('fieldset.question').forEach(function (fieldset) {
    fieldset.addEventListener('change', function () {
      save(fieldset);
    });
    fieldset.addEventListener('input', function (event) {
      if (event.target.tagName === 'TEXTAREA') {
        clearTimeout(timer[fieldset.dataset.item]);
        timer[fieldset.dataset.item] = setTimeout(function () {
          save(fieldset);
        }, 800);
      }
    });
  });

  var countdown = document.getElementById('countdown');
  var alert = document.getElementById('countdown-alert');
  var ends = Date.now() + Number(countdown.dataset.seconds) * 1000;
  var warned = false;

  function tick() {
    var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    var minutes = Math.floor(left / 60);
    var seconds = left % 60;
    countdown.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
    if (left <= 60 && !warned) {
      warned = true;
      alert.textContent = alert.dataset.minute;
    }
    if (left === 0) {
      alert.textContent = alert.dataset.over;
      document.getElementById('finish-attempt').click();
      return;
    }
    setTimeout(tick, 1000);
  }

  tick();
})();
